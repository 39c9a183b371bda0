"""Every list field runs the same number of SQL queries for 10 rows as for 100."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home import models
from tests.home import factories

pytestmark = pytest.mark.django_db


def count_queries(gql, query):
    gql(query)  # warm up: renditions are generated on first use, jieba loads its dictionary
    with CaptureQueriesContext(connection) as captured:
        data = gql(query)
    return len(captured.captured_queries), data


def assert_constant(gql, query, add_rows, field):
    """Add 10 rows, count; add 90 more, count again: the counts must be equal."""
    add_rows(10)
    small, data = count_queries(gql, query)
    assert data[field]["totalCount"] == 10
    add_rows(90)
    large, data = count_queries(gql, query)
    assert data[field]["totalCount"] == 100
    assert len(data[field]["items"]) == 100
    assert small == large, f"{field}: {small} queries for 10 rows, {large} for 100"


@pytest.fixture
def image(db):
    return factories.make_image("封面")


def test_classes(gql, site, org, image):
    category = factories.make_category()

    def add(n):
        for _ in range(n):
            venue = factories.make_venue(org["community"], image=image)
            factories.make_class(site["classes"], category, venue, cover_image=image)

    query = """{ classes(limit: 100) { totalCount items { id title path locale summary
        category { name } venue { name district { name } image { rendition(size: THUMBNAIL) { url } } }
        coverImage { alt rendition(size: CARD) { url srcset } } } } }"""
    assert_constant(gql, query, add, "classes")


def test_campaigns(gql, site, org, image):
    def add(n):
        for _ in range(n):
            campaign = factories.make_campaign(site["campaigns"], org["district"], cover_image=image)
            models.CampaignIndicator.objects.create(campaign=campaign, label="口罩", value=7.6, unit="万只")
            models.CampaignAction.objects.create(campaign=campaign, name="暖心包", image=image)

    query = """{ campaigns(limit: 100) { totalCount items { title status organizer { name }
        coverImage { rendition(size: CARD) { url } } indicators { label value progress }
        actions { name image { rendition(size: THUMBNAIL) { url } } } } } }"""
    assert_constant(gql, query, add, "campaigns")


def test_articles(gql, site, image):
    def add(n):
        for _ in range(n):
            factories.make_article(site["articles"], tags=["维权", "家庭"], cover_image=image)

    query = (
        "{ articles(limit: 100) { totalCount items { title date tags coverImage { "
        "rendition(size: CARD) { url } } } } }"
    )
    assert_constant(gql, query, add, "articles")


def test_honours(gql, org, image):
    title = models.HonourTitle.objects.create(name="江苏省抗疫最美家庭", level=models.HonourLevel.PROVINCIAL)
    other = models.HonourTitle.objects.create(name="常州市最美家庭", level=models.HonourLevel.CITY)

    def add(n):
        for _ in range(n):
            recipient = factories.make_honour(
                title, factories.unique("家庭"), org_unit=org["community"], photo=image
            )
            models.Honour.objects.create(recipient=recipient, title=other, year=2019)

    query = """{ honours(year: 2020, limit: 100) { totalCount items { year citation title { name level }
        recipient { name kind district { name } orgUnit { name } photo { rendition(size: PORTRAIT) { url } }
        honours { year title { name } recipient { name } } } } } }"""
    assert_constant(gql, query, add, "honours")


def test_the_honour_roll_loads_only_what_it_shows(gql, org, image):
    title = models.HonourTitle.objects.create(name="常州市最美家庭", level=models.HonourLevel.CITY)
    factories.make_honour(title, "孙英家庭", org_unit=org["community"], photo=image)
    query = "{ honours { items { year title { name } recipient { name } } } }"
    with CaptureQueriesContext(connection) as captured:
        assert gql(query)["honours"]["items"][0]["recipient"] == {"name": "孙英家庭"}
    sql = " ".join(query["sql"] for query in captured.captured_queries)
    assert '"home_honour"."recipient_id" IN' not in sql  # the recipients' other honours
    assert "wagtailimages" not in sql and '"home_orgunit"."path" IN' not in sql  # photos, districts


def test_venues(gql, org, image):
    def add(n):
        for _ in range(n):
            factories.make_venue(org["street"], image=image)

    query = """{ venues(limit: 100) { totalCount items { name kind orgUnit { name } district { name }
        image { rendition(size: CARD) { url } } } } }"""
    assert_constant(gql, query, add, "venues")


def test_org_units(gql, db):
    city = models.OrgUnit.objects.create(name="常州市妇联", level=models.OrgUnitLevel.CITY)

    def add(n):
        for _ in range(n):
            models.OrgUnit.objects.create(
                name=factories.unique("区"), level=models.OrgUnitLevel.DISTRICT, parent=city
            )

    query = (
        "{ orgUnits(level: DISTRICT, limit: 100) { totalCount items { id name shortName "
        "level parentId path volunteerIdRequired } } }"
    )
    assert_constant(gql, query, add, "orgUnits")


def test_search(gql, site, org, image):
    category = factories.make_category("亲子阅读")

    def add(n):
        for _ in range(n):
            factories.make_class(
                site["classes"],
                category,
                factories.make_venue(org["community"]),
                title=factories.unique("亲子阅读班"),
                cover_image=image,
            )

    query = """{ search(query: "亲子阅读", limit: 100) { totalCount items { kind title summary
        page { path coverImage { rendition(size: CARD) { url } }
               ... on ClassPage { venue { district { name } } } }
        venue { name } honourRecipient { name } } } }"""
    assert_constant(gql, query, add, "search")


def feature_one_of_each(site, org, category, image):
    """A class, a campaign and an article, each featured on the home page."""
    venue = factories.make_venue(org["community"], image=image)
    for page in (
        factories.make_class(site["classes"], category, venue, cover_image=image),
        factories.make_campaign(site["campaigns"], org["district"], cover_image=image),
        factories.make_article(site["articles"], tags=["家庭"], cover_image=image),
    ):
        models.HomeFeature.objects.create(home=site["home"], page=page)


def test_home_featured_pages(gql, site, org, image):
    """The home page's featured classes, campaigns and articles: the same queries for 3 as for 12."""
    category = factories.make_category()

    def feature(n):
        for _ in range(n):
            feature_one_of_each(site, org, category, image)

    query = """{ page(path: "/") { ... on HomePage {
        featuredClasses { title category { name } venue { name district { name } }
          coverImage { rendition(size: CARD) { url } } }
        featuredCampaigns { title organizer { name } coverImage { rendition(size: CARD) { url } }
          indicators { label } actions { name } }
        featuredArticles { title tags coverImage { rendition(size: CARD) { url } } } } } }"""
    feature(1)
    small, data = count_queries(gql, query)
    assert len(data["page"]["featuredClasses"]) == 1
    feature(3)
    large, data = count_queries(gql, query)
    assert [
        len(data["page"][field]) for field in ("featuredClasses", "featuredCampaigns", "featuredArticles")
    ] == [
        4,
        4,
        4,
    ]
    assert small == large, f"home: {small} queries for 3 featured pages, {large} for 12"


def test_home_loads_only_the_featured_types_asked_for(gql, site, org, image):
    feature_one_of_each(site, org, factories.make_category(), image)
    query = '{ page(path: "/") { ... on HomePage { featuredClasses { title venue { name } } } } }'
    gql(query)
    with CaptureQueriesContext(connection) as captured:
        data = gql(query)
    featured = [page["title"] for page in data["page"]["featuredClasses"]]
    assert featured == [models.ClassPage.objects.get().title]
    tables = " ".join(query["sql"] for query in captured.captured_queries)
    assert "home_classpage" in tables
    assert "home_campaignpage" not in tables and "home_articlepage" not in tables
    assert "wagtailimages_rendition" not in tables and "\"home_orgunit\".\"path\" IN" not in tables
