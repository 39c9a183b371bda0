"""The demo content as the frontend sees it, through /graphql/ (issue 2's acceptance 2 and 3).

CI runs this on SQLite and on PostgreSQL, so the search expectations hold on both.
"""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

JIANGSU_FAMILIES = {
    "王臣家庭", "王蓓家庭", "王冰莹家庭", "马卫芬家庭", "尹玲家庭", "闫廷赞家庭", "孙英家庭",
    "唐洁家庭", "杨琪峰家庭", "郑玉群家庭", "陈聪家庭", "虞斌家庭", "巢益群家庭",
}  # fmt: skip

HONOURS = """query($year: Int, $level: HonourLevel, $title: ID, $kind: RecipientKind) {
  honours(year: $year, level: $level, title: $title, recipientKind: $kind, limit: 100) {
    totalCount items { year title { name level } recipient { name kind } }
  }
}"""


class TestHonourRoll:
    def test_national_honours_of_2020(self, gql):
        items = gql(HONOURS, {"year": 2020, "level": "NATIONAL"})["honours"]["items"]
        awarded = {(item["recipient"]["name"], item["title"]["name"]) for item in items}
        assert {
            ("王文红", "全国三八红旗手"),
            ("王霞英", "抗击新冠肺炎疫情全国三八红旗手"),
            ("孙英家庭", "全国抗疫最美家庭"),
            ("戈亚琴", "全国优秀企业家"),
        } <= awarded
        assert {item["title"]["level"] for item in items} == {"NATIONAL"}

    def test_all_13_jiangsu_anti_epidemic_families(self, gql):
        titles = gql("{ honourTitles { id name } }")["honourTitles"]
        title_id = next(t["id"] for t in titles if t["name"] == "江苏省抗疫最美家庭")
        items = gql(HONOURS, {"title": title_id, "kind": "FAMILY"})["honours"]["items"]
        assert {item["recipient"]["name"] for item in items} == JIANGSU_FAMILIES


def test_classes_include_tea_art_and_drama(gql):
    classes = gql("{ classes(limit: 100) { items { title venue { name district { shortName } } } } }")
    titles = [item["title"] for item in classes["classes"]["items"]]
    assert any("茶艺班" in title for title in titles)
    assert any("戏剧班" in title for title in titles)
    venues = {item["venue"]["name"] for item in classes["classes"]["items"] if item["venue"]}
    assert len(venues) >= 3


def test_six_warm_heart_actions_with_their_figures(gql):
    query = """{ search(query: "六大暖心行动", limit: 5) { items { page { ... on CampaignPage {
        title actions { name } indicators { label value unit } } } } } }"""
    pages = [
        item["page"] for item in gql(query)["search"]["items"] if item["page"] and item["page"].get("actions")
    ]
    campaign = next(page for page in pages if "六大暖心行动" in page["title"])
    assert [action["name"] for action in campaign["actions"]] == [
        "暖心包",
        "暖心菜",
        "暖心话",
        "暖心画",
        "暖心课",
        "暖心事",
    ]
    figures = {(i["label"], i["value"], i["unit"]) for i in campaign["indicators"]}
    assert ("捐款捐物", 302.0, "万元") in figures
    assert any(value == 7.6 and unit == "万只" for _label, value, unit in figures)
    assert any(value == 6.0 and unit == "万人次" for _label, value, unit in figures)


SEARCH = """query($q: String!) { search(query: $q, limit: 20) {
  totalCount items { kind title summary } } }"""


@pytest.mark.parametrize(
    ("query", "must_mention"),
    [("志愿者", "志愿"), ("茶艺", "茶艺"), ("家庭教育", "家庭教育"), ("亲子阅读", "亲子阅读"), ("家", "家")],
)
def test_search_finds_relevant_hits(gql, query, must_mention):
    result = gql(SEARCH, {"q": query})["search"]
    assert result["totalCount"] >= 2, result
    top = result["items"][:3]
    assert any(must_mention in hit["title"] + hit["summary"] for hit in top), top
