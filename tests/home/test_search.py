"""Chinese search: jieba segmentation, ranking, one-character queries, odd input.

The same expectations hold on SQLite and PostgreSQL: CI runs this file on both.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home import models
from home.search import segment, title_relevance
from tests.home import factories

pytestmark = pytest.mark.django_db

SEARCH = """query($q: String!, $limit: PageSize) {
  search(query: $q, limit: $limit) { totalCount items { kind title summary
    page { __typename path } honourRecipient { name } venue { name } } }
}"""


@pytest.fixture
def content(site, org):
    reading = factories.make_category("亲子阅读")
    tea = factories.make_category("茶艺")
    venue = factories.make_venue(
        org["community"],
        name="幸福种子亲子阅读中心",
        address="天宁区尚东花园69号",
        kind=models.VenueKind.BASE,
    )
    factories.make_class(site["classes"], tea, venue, title="茶艺班", summary="以茶会友，学习茶席布置。")
    factories.make_class(
        site["classes"], reading, venue, title="故事爸妈进课堂", summary="书香飘万家亲子阅读活动，每周一次。"
    )
    factories.make_class(site["classes"], reading, venue, title="智慧父母课堂", summary="科学家庭教育指导。")
    factories.make_article(
        site["articles"],
        title="巾帼志愿者在行动",
        summary="全市巾帼志愿者服务队走进社区。",
        tags=["志愿服务"],
    )
    factories.make_campaign(
        site["campaigns"], org["city"], title="六大暖心行动", summary="暖心包、暖心菜送到援鄂医护人员家庭。"
    )
    title = models.HonourTitle.objects.create(name="全国抗疫最美家庭", level=models.HonourLevel.NATIONAL)
    factories.make_honour(title, "孙英家庭", kind=models.RecipientKind.FAMILY, affiliation="扬州")
    return venue


def search(gql, query, **variables):
    return gql(SEARCH, {"q": query, **variables})["search"]


def titles(result):
    return [item["title"] for item in result["items"]]


def test_segmentation_finds_words_inside_running_text():
    words = segment("全市巾帼志愿者服务队走进社区").split()
    assert "志愿者" in words and "巾帼" in words


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("志愿者", "巾帼志愿者在行动"),
        ("茶艺", "茶艺班"),
        ("家庭教育", "智慧父母课堂"),
        ("亲子阅读", "故事爸妈进课堂"),
        ("暖心包", "六大暖心行动"),
        ("最美家庭", "孙英家庭"),
        ("尚东花园", "幸福种子亲子阅读中心"),
    ],
)
def test_words_inside_chinese_text_are_found(gql, content, query, expected):
    assert expected in titles(search(gql, query))


def test_hits_say_what_they_are(gql, content):
    items = {item["title"]: item for item in search(gql, "亲子阅读")["items"]}
    assert items["故事爸妈进课堂"]["kind"] == "CLASS"
    assert items["故事爸妈进课堂"]["page"]["__typename"] == "ClassPage"
    assert items["幸福种子亲子阅读中心"]["kind"] == "VENUE"
    assert items["幸福种子亲子阅读中心"]["venue"] == {"name": "幸福种子亲子阅读中心"}
    honour = search(gql, "孙英")["items"][0]
    assert (honour["kind"], honour["honourRecipient"]) == ("HONOUR", {"name": "孙英家庭"})


def test_title_matches_rank_first(gql, content):
    assert titles(search(gql, "茶艺"))[0] == "茶艺班"


def test_one_character_queries_work(gql, content):
    found = titles(search(gql, "家"))
    assert "孙英家庭" in found
    assert "茶艺班" in titles(search(gql, "茶"))


def test_unpublished_pages_are_not_found(gql, content):
    models.ClassPage.objects.get(title="茶艺班").unpublish()
    assert "茶艺班" not in titles(search(gql, "茶艺"))


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        "。，！",
        '"',
        "*",
        "AND",
        "OR NOT",
        "NEAR(茶艺)",
        "茶艺 AND",
        "'; DROP TABLE x; --",
        "\\",
        "%",
        "_",
        "志愿者" * 200,
        "🌸",
        "(((",
        "a:b",
        "^茶",
    ],
)
def test_odd_queries_never_fail(gql, content, query):
    result = search(gql, query)
    assert result["totalCount"] >= 0


def test_pagination_of_hits(gql, content):
    everything = search(gql, "亲子阅读")
    first = search(gql, "亲子阅读", limit=1)
    assert first["totalCount"] == everything["totalCount"] >= 2
    assert titles(first) == titles(everything)[:1]


def test_inline_children_are_searchable_as_soon_as_they_are_saved(gql, site):
    title = models.HonourTitle.objects.create(name="巾帼建功标兵", level=models.HonourLevel.DISTRICT)
    recipient = models.HonourRecipient(name="胡丽萍", honours=[models.Honour(title=title, year=2020)])
    recipient.save()
    assert "胡丽萍" in titles(search(gql, "建功标兵"))


def test_hits_load_their_relations_only_when_asked_for(gql, content):
    plain = """{ search(query: "亲子阅读") { items { kind title page { id path } venue { id name } } } }"""
    gql(plain)
    with CaptureQueriesContext(connection) as captured:
        gql(plain)
    sql = " ".join(query["sql"] for query in captured.captured_queries)
    assert "wagtailimages_rendition" not in sql and '"home_orgunit"."path" IN' not in sql
    rich = """{ search(query: "亲子阅读") { items { venue { district { name } }
        page { ... on ClassPage { venue { district { name } } } } } } }"""
    with CaptureQueriesContext(connection) as captured:
        items = gql(rich)["search"]["items"]
    assert '"home_orgunit"."path" IN' in " ".join(query["sql"] for query in captured.captured_queries)
    districts = [item["venue"] or item["page"]["venue"] for item in items if item["venue"] or item["page"]]
    assert districts and all(found["district"]["name"] for found in districts)


@pytest.mark.parametrize(
    ("query", "title", "relevance"),
    [
        ("茶艺", "茶艺班", 1.0),
        ("亲子阅读", "故事爸妈进课堂", 0.0),
        ("亲子阅读", "幸福种子亲子阅读中心", 1.0),
        ("women课堂", "玉兰芬芳·WOMEN课堂", 1.0),
        ("家", "孙英家庭", 1.0),
        ("。，", "茶艺班", 0.0),
    ],
)
def test_title_relevance_is_the_share_of_the_words_in_the_title(query, title, relevance):
    assert title_relevance(query, title) == relevance
