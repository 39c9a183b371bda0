"""The editor's screens render: every page type's create form and every snippet's screens."""

import pytest
from django.urls import reverse

from home import models
from tests.home import factories

pytestmark = pytest.mark.django_db

SNIPPETS = [models.OrgUnit, models.Venue, models.ClassCategory, models.HonourTitle, models.HonourRecipient]


@pytest.mark.parametrize(
    ("parent_key", "model"),
    [
        ("classes", models.ClassPage),
        ("campaigns", models.CampaignPage),
        ("articles", models.ArticlePage),
    ],
)
def test_page_create_forms_render(admin_client, site, parent_key, model):
    parent = site[parent_key]
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    response = admin_client.get(url)
    assert response.status_code == 200


def test_page_edit_forms_render(admin_client, site, org):
    pages = [
        site["home"],
        site["honours"],
        factories.make_class(site["classes"], factories.make_category()),
        factories.make_campaign(site["campaigns"], org["city"]),
        factories.make_article(site["articles"], tags=["维权"]),
    ]
    for page in pages:
        assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200, page


@pytest.mark.parametrize("model", SNIPPETS)
def test_snippet_screens_render(admin_client, org, model):
    viewset = model.snippet_viewset
    assert admin_client.get(reverse(viewset.get_url_name("list"))).status_code == 200
    assert admin_client.get(reverse(viewset.get_url_name("add"))).status_code == 200


def test_org_unit_form_refuses_a_wrong_level(admin_client, org):
    url = reverse(models.OrgUnit.snippet_viewset.get_url_name("add"))
    response = admin_client.post(
        url, {"name": "错层单位", "level": "community", "parent": org["city"].pk, "sort_order": 0}
    )
    assert response.status_code == 200
    assert not models.OrgUnit.objects.filter(name="错层单位").exists()
    assert response.context["form"].errors["level"]


def test_moving_an_org_unit_moves_its_subtree(org):
    street, community = org["street"], org["community"]
    street.parent = org["other_district"]
    street.save()
    community.refresh_from_db()
    assert street.path.startswith(org["other_district"].path)
    assert community.path.startswith(street.path)
    assert community in org["other_district"].descendants_and_self()
    assert community.ancestor_at(models.OrgUnitLevel.DISTRICT) == org["other_district"]


def test_deleting_a_used_venue_is_refused_with_a_message(admin_client, site, org):
    venue = factories.make_venue(org["community"])
    factories.make_class(site["classes"], factories.make_category(), venue)
    url = reverse(models.Venue.snippet_viewset.get_url_name("delete"), args=[venue.pk])
    response = admin_client.post(url)
    assert models.Venue.objects.filter(pk=venue.pk).exists()
    assert response.status_code in {200, 302}


def test_admin_is_branded_and_in_chinese(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "<title>控制面板 - 玉兰</title>" in html
