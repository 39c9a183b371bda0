"""A page under a view restriction (password, signed-in users, groups) is never shown through the
API, nor is any page below it: lists, lookups, the home page's features, search, navigation."""

import pytest
from wagtail.models import Page, PageViewRestriction

from home import models
from home.selectors import public
from tests.home import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(site, org):
    """The articles section behind a password, with an article under it; a class outside it."""
    article = factories.make_article(site["articles"], title="内部通知：巾帼志愿者培训")
    category = factories.make_category("茶艺")
    visible = factories.make_class(site["classes"], category, title="茶艺班：巾帼志愿者专场")
    PageViewRestriction.objects.create(
        page=site["articles"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for page in (article, visible):
        models.HomeFeature.objects.create(home=site["home"], page=page)
    site["articles"].show_in_menus = True
    factories.publish(site["articles"])
    return {"article": article, "visible": visible}


def test_public_matches_wagtails_rule(site, restricted):
    pages = Page.objects.live()
    assert set(public(pages)) == set(pages.public())
    assert restricted["article"].pk not in {page.pk for page in public(pages)}


def test_nothing_under_a_restriction_reaches_the_api(gql, site, restricted):
    assert gql("{ articles { totalCount } }")["articles"]["totalCount"] == 0
    assert gql('{ page(path: "/articles/") { id } }')["page"] is None
    path = restricted["article"].get_url_parts()[2]
    assert gql("query($p: String!) { page(path: $p) { id } }", {"p": path})["page"] is None
    home = gql("""{ page(path: "/") { ... on HomePage {
        featuredArticles { id } featuredClasses { title } } } }""")
    assert home["page"] == {"featuredArticles": [], "featuredClasses": [{"title": "茶艺班：巾帼志愿者专场"}]}
    found = gql('{ search(query: "巾帼志愿者") { items { title } } }')["search"]["items"]
    assert [item["title"] for item in found] == ["茶艺班：巾帼志愿者专场"]
    assert "/articles/" not in [item["path"] for item in gql("{ navigation { path } }")["navigation"]]
