"""The content API through the real /graphql/ endpoint: lookups, lists, filters, blocks, images."""

import datetime

import pytest
from wagtail.models import Locale, Page, Site

from home import models
from tests.home import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(site, org):
    """Two categories, three venues in two districts, and a class at each."""
    tea, drama = factories.make_category("茶艺"), factories.make_category("戏剧")
    venues = {
        "community": factories.make_venue(org["community"], name="华润国际社区妇女儿童之家"),
        "district": factories.make_venue(
            org["district"], name="天宁区分课堂", kind=models.VenueKind.CLASS_SITE
        ),
        "other": factories.make_venue(
            org["other_district"], name="金坛区妇女微家", kind=models.VenueKind.WOMENS_HOME
        ),
    }
    classes = {
        "tea": factories.make_class(site["classes"], tea, venues["community"], title="茶艺班"),
        "drama": factories.make_class(site["classes"], drama, venues["district"], title="戏剧班"),
        "tea_jintan": factories.make_class(site["classes"], tea, venues["other"], title="金坛茶艺体验课"),
    }
    return {"tea": tea, "drama": drama, "venues": venues, "classes": classes, **org}


CLASSES = """
query($category: ID, $venue: ID, $district: ID, $search: String, $limit: PageSize, $offset: Offset) {
  classes(category: $category, venue: $venue, district: $district, search: $search,
          limit: $limit, offset: $offset) {
    totalCount hasNextPage
    items { id title path category { name } venue { name district { shortName } } }
  }
}"""


def titles(result):
    return {item["title"] for item in result["items"]}


class TestPageLookups:
    QUERY = """query($id: ID, $path: String, $locale: ContentLocale) {
      page(id: $id, path: $path, locale: $locale) {
        __typename id title path locale seoTitle
        ... on ClassPage { category { name } venue { name } }
      }
    }"""

    def test_by_id_and_by_path(self, gql, catalog):
        tea = catalog["classes"]["tea"]
        by_id = gql(self.QUERY, {"id": str(tea.pk)})["page"]
        assert by_id["__typename"] == "ClassPage"
        assert by_id["title"] == "茶艺班"
        assert by_id["path"] == f"/classes/{tea.slug}/"
        assert by_id["locale"] == "zh-hans"
        assert by_id["seoTitle"] == "茶艺班"
        assert by_id["category"] == {"name": "茶艺"}
        by_path = gql(self.QUERY, {"path": by_id["path"]})["page"]
        assert by_path["id"] == by_id["id"]

    def test_home_page_by_root_path(self, gql, site):
        assert gql(self.QUERY, {"path": "/"})["page"]["__typename"] == "HomePage"

    def test_a_new_installations_bare_root_page_is_null(self, gql, db):
        # Wagtail's migrations make a plain "Welcome" page the default site's root.
        root = Site.objects.get(is_default_site=True).root_page
        assert type(root.specific) is Page
        assert gql(self.QUERY, {"path": "/"})["page"] is None
        assert gql(self.QUERY, {"id": str(root.pk)})["page"] is None

    @pytest.mark.parametrize("bad", ["abc", "-1", "0", "1.5", "99999999999999999999999", "１２", ""])
    def test_malformed_or_unknown_ids_are_null(self, gql, site, bad):
        assert gql(self.QUERY, {"id": bad})["page"] is None

    @pytest.mark.parametrize("path", ["/nope/", "/classes/nope/", "x" * 300, "/../", "//"])
    def test_unknown_paths_are_null(self, gql, site, path):
        page = gql(self.QUERY, {"path": path})["page"]
        assert page is None or page["__typename"] == "HomePage"

    def test_drafts_and_unpublished_pages_are_invisible(self, gql, catalog):
        tea = catalog["classes"]["tea"]
        tea.unpublish()
        assert gql(self.QUERY, {"id": str(tea.pk)})["page"] is None
        assert gql(self.QUERY, {"path": f"/classes/{tea.slug}/"})["page"] is None
        assert "茶艺班" not in titles(gql(CLASSES)["classes"])

    def test_english_falls_back_to_chinese_until_translated(self, gql, catalog):
        tea = catalog["classes"]["tea"]
        english = Locale.objects.get_or_create(language_code="en")[0]
        result = gql(self.QUERY, {"path": f"/classes/{tea.slug}/", "locale": "EN"})["page"]
        assert result["title"] == "茶艺班"

        site_home = tea.get_parent().get_parent().specific
        home_en = site_home.copy_for_translation(english)
        home_en.save_revision().publish()
        index_en = tea.get_parent().specific.copy_for_translation(english)
        index_en.save_revision().publish()
        tea_en = tea.copy_for_translation(english)
        tea_en.title = "Tea art class"
        tea_en.save_revision().publish()

        result = gql(self.QUERY, {"path": f"/classes/{tea.slug}/", "locale": "EN"})["page"]
        assert (result["title"], result["locale"]) == ("Tea art class", "en")
        english_list = gql("query { classes(locale: EN) { items { title } } }", HTTP_ACCEPT_LANGUAGE="en")[
            "classes"
        ]
        assert "Tea art class" in titles(english_list) and "茶艺班" not in titles(english_list)
        assert "戏剧班" in titles(english_list)
        chinese = gql("query { classes(locale: ZH_HANS) { items { title } } }")["classes"]
        assert "茶艺班" in titles(chinese) and "Tea art class" not in titles(chinese)

    def test_locale_follows_accept_language_without_argument(self, gql, catalog):
        tea = catalog["classes"]["tea"]
        english = Locale.objects.get_or_create(language_code="en")[0]
        tea_en = tea.copy_for_translation(english, copy_parents=True)
        tea_en.title = "Tea art class"
        tea_en.save_revision().publish()
        result = gql("query { classes { items { title } } }", HTTP_ACCEPT_LANGUAGE="en")["classes"]
        assert "Tea art class" in titles(result)

    def test_unknown_locale_is_refused_at_validation(self, gql, site):
        response = gql.post("query { classes(locale: FR) { totalCount } }")
        assert response.status_code == 400


class TestClassList:
    def test_filters(self, gql, catalog):
        everything = gql(CLASSES)["classes"]
        assert everything["totalCount"] == 3
        assert titles(gql(CLASSES, {"category": str(catalog["tea"].pk)})["classes"]) == {
            "茶艺班",
            "金坛茶艺体验课",
        }
        venue = catalog["venues"]["district"]
        assert titles(gql(CLASSES, {"venue": str(venue.pk)})["classes"]) == {"戏剧班"}
        district = gql(CLASSES, {"district": str(catalog["district"].pk)})["classes"]
        assert titles(district) == {"茶艺班", "戏剧班"}
        assert {item["venue"]["district"]["shortName"] for item in district["items"]} == {"天宁区"}
        street = gql(CLASSES, {"district": str(catalog["street"].pk)})["classes"]
        assert titles(street) == {"茶艺班"}

    @pytest.mark.parametrize("argument", ["category", "venue", "district"])
    def test_unknown_filter_ids_match_nothing(self, gql, catalog, argument):
        factories.make_class(catalog["classes"]["tea"].get_parent(), catalog["tea"], None, title="线上茶课")
        for bad in ["999999", "nope"]:
            assert gql(CLASSES, {argument: bad})["classes"]["totalCount"] == 0

    def test_search_within_classes(self, gql, catalog):
        assert titles(gql(CLASSES, {"search": "茶艺"})["classes"]) == {"茶艺班", "金坛茶艺体验课"}
        assert titles(
            gql(CLASSES, {"search": "茶艺", "district": str(catalog["district"].pk)})["classes"]
        ) == {"茶艺班"}

    def test_pagination(self, gql, catalog):
        first = gql(CLASSES, {"limit": 2})["classes"]
        assert (len(first["items"]), first["totalCount"], first["hasNextPage"]) == (2, 3, True)
        rest = gql(CLASSES, {"limit": 2, "offset": 2})["classes"]
        assert (len(rest["items"]), rest["hasNextPage"]) == (1, False)
        assert not {i["id"] for i in first["items"]} & {i["id"] for i in rest["items"]}
        beyond = gql(CLASSES, {"offset": 50})["classes"]
        assert (beyond["items"], beyond["totalCount"]) == ([], 3)

    @pytest.mark.parametrize("variables", [{"limit": 101}, {"limit": 0}, {"limit": -1}, {"offset": -1}])
    def test_page_size_and_offset_are_bounded(self, gql, catalog, variables):
        response = gql.post(CLASSES, variables)
        assert response.status_code == 400
        assert "data" not in response.json()

    def test_categories(self, gql, catalog):
        names = [c["name"] for c in gql("{ classCategories { name slug } }")["classCategories"]]
        assert set(names) == {"茶艺", "戏剧"}


class TestCampaigns:
    QUERY = """query($kind: CampaignKind, $status: CampaignStatus) {
      campaigns(kind: $kind, status: $status) {
        totalCount
        items { title kind status startDate endDate fundingLevel organizer { name }
                indicators { label value unit target progress } actions { name description } }
      }
    }"""

    @pytest.fixture
    def campaigns(self, site, org):
        today = datetime.date.today()
        day = datetime.timedelta(days=1)
        warm = factories.make_campaign(
            site["campaigns"],
            org["city"],
            title="六大暖心行动",
            kind=models.CampaignKind.ACTION_PLAN,
            start_date=today - 30 * day,
            end_date=today + 30 * day,
        )
        models.CampaignIndicator.objects.create(campaign=warm, label="捐款捐物", value=302, unit="万元")
        models.CampaignIndicator.objects.create(
            campaign=warm, label="筹款", value=70, unit="万元", target=100
        )
        for name in ["暖心包", "暖心菜"]:
            models.CampaignAction.objects.create(campaign=warm, name=name, description=f"{name}说明")
        factories.make_campaign(
            site["campaigns"],
            org["city"],
            title="智慧父母",
            kind=models.CampaignKind.PUBLIC_BENEFIT,
            funding_level=models.FundingLevel.PROVINCIAL,
            start_date=today - 400 * day,
            end_date=today - day,
        )
        factories.make_campaign(
            site["campaigns"],
            org["city"],
            title="99公益日",
            kind=models.CampaignKind.FUNDRAISING,
            start_date=today + 10 * day,
        )
        factories.make_campaign(site["campaigns"], org["city"], title="常年行动", start_date=today - 10 * day)

    def test_status_follows_the_period(self, gql, campaigns):
        by_status = {
            status: {item["title"] for item in gql(self.QUERY, {"status": status})["campaigns"]["items"]}
            for status in ["UPCOMING", "ACTIVE", "FINISHED"]
        }
        assert by_status == {
            "UPCOMING": {"99公益日"},
            "ACTIVE": {"六大暖心行动", "常年行动"},
            "FINISHED": {"智慧父母"},
        }

    def test_kind_filter_and_details(self, gql, campaigns):
        result = gql(self.QUERY, {"kind": "ACTION_PLAN"})["campaigns"]
        assert result["totalCount"] == 1
        warm = result["items"][0]
        assert warm["status"] == "ACTIVE" and warm["fundingLevel"] is None
        assert [a["name"] for a in warm["actions"]] == ["暖心包", "暖心菜"]
        assert warm["indicators"][0] == {
            "label": "捐款捐物",
            "value": 302.0,
            "unit": "万元",
            "target": None,
            "progress": None,
        }
        assert warm["indicators"][1]["progress"] == pytest.approx(0.7)
        funded = gql(self.QUERY, {"kind": "PUBLIC_BENEFIT"})["campaigns"]["items"][0]
        assert funded["fundingLevel"] == "PROVINCIAL"


class TestHonours:
    QUERY = """query($year: Int, $level: HonourLevel, $title: ID, $kind: RecipientKind, $district: ID) {
      honours(year: $year, level: $level, title: $title, recipientKind: $kind, district: $district) {
        totalCount
        items { year citation title { name level } recipient { name kind district { shortName }
                honours { year title { name } } } }
      }
    }"""

    @pytest.fixture
    def roll(self, org):
        national = models.HonourTitle.objects.create(name="全国三八红旗手", level=models.HonourLevel.NATIONAL)
        family = models.HonourTitle.objects.create(name="全国抗疫最美家庭", level=models.HonourLevel.NATIONAL)
        provincial = models.HonourTitle.objects.create(
            name="江苏省抗疫最美家庭", level=models.HonourLevel.PROVINCIAL
        )
        factories.make_honour(national, "王文红", org_unit=org["community"])
        sun = factories.make_honour(family, "孙英家庭", kind=models.RecipientKind.FAMILY)
        models.Honour.objects.create(recipient=sun, title=provincial, year=2020)
        factories.make_honour(
            provincial, "王臣家庭", kind=models.RecipientKind.FAMILY, org_unit=org["other_district"]
        )
        factories.make_honour(national, "往年旗手", year=2019)
        return {"national": national, "provincial": provincial}

    def names(self, gql, **variables):
        return [item["recipient"]["name"] for item in gql(self.QUERY, variables)["honours"]["items"]]

    def test_filters(self, gql, roll, org):
        assert set(self.names(gql, year=2020, level="NATIONAL")) == {"王文红", "孙英家庭"}
        assert set(self.names(gql, title=str(roll["provincial"].pk))) == {"孙英家庭", "王臣家庭"}
        assert set(self.names(gql, kind="FAMILY", level="PROVINCIAL")) == {"孙英家庭", "王臣家庭"}
        assert self.names(gql, district=str(org["district"].pk)) == ["王文红"]
        assert self.names(gql, year=2019) == ["往年旗手"]
        assert self.names(gql, title="bogus") == []

    def test_order_and_details(self, gql, roll):
        items = gql(self.QUERY, {"year": 2020})["honours"]["items"]
        assert [item["title"]["level"] for item in items] == [
            "NATIONAL",
            "NATIONAL",
            "PROVINCIAL",
            "PROVINCIAL",
        ]
        sun = next(i for i in items if i["recipient"]["name"] == "孙英家庭")
        assert {h["title"]["name"] for h in sun["recipient"]["honours"]} == {
            "全国抗疫最美家庭",
            "江苏省抗疫最美家庭",
        }
        wang = next(i for i in items if i["recipient"]["name"] == "王文红")
        assert wang["recipient"]["district"] == {"shortName": "天宁区"}

    def test_recipient_story(self, gql, roll):
        recipient = models.HonourRecipient.objects.get(name="王文红")
        recipient.story = "<p>社区书记</p>"
        recipient.save()
        found = gql("query($id: ID!) { honourRecipient(id: $id) { name story } }", {"id": str(recipient.pk)})
        assert found["honourRecipient"] == {"name": "王文红", "story": "<p>社区书记</p>"}
        assert gql('{ honourRecipient(id: "x") { name } }')["honourRecipient"] is None

    def test_titles(self, gql, roll):
        levels = [t["level"] for t in gql("{ honourTitles { name level } }")["honourTitles"]]
        assert levels == ["NATIONAL", "NATIONAL", "PROVINCIAL"]


class TestDirectory:
    def test_venues_by_kind_and_district(self, gql, catalog):
        query = """query($kind: VenueKind, $district: ID) {
          venues(kind: $kind, district: $district) {
            totalCount items { name kind address district { shortName } }
          }
        }"""
        assert gql(query)["venues"]["totalCount"] == 3
        homes = gql(query, {"kind": "WOMENS_HOME"})["venues"]["items"]
        assert [v["name"] for v in homes] == ["金坛区妇女微家"]
        assert homes[0]["district"] == {"shortName": "金坛区"}
        tianning = gql(query, {"district": str(catalog["district"].pk)})["venues"]["items"]
        assert {v["name"] for v in tianning} == {"华润国际社区妇女儿童之家", "天宁区分课堂"}
        venue = catalog["venues"]["community"]
        assert (
            gql("query($id: ID!) { venue(id: $id) { name } }", {"id": str(venue.pk)})["venue"]["name"]
            == venue.name
        )

    def test_org_tree(self, gql, org):
        query = """query($level: OrgUnitLevel, $parent: ID) {
          orgUnits(level: $level, parent: $parent) { totalCount items { id name level parentId path } }
        }"""
        everything = gql(query)["orgUnits"]
        assert everything["totalCount"] == 5
        assert everything["items"][0]["name"] == "常州市妇联"
        districts = gql(query, {"level": "DISTRICT"})["orgUnits"]["items"]
        assert {d["name"] for d in districts} == {"天宁区妇联", "金坛区妇联"}
        assert all(d["parentId"] == str(org["city"].pk) for d in districts)
        children = gql(query, {"parent": str(org["district"].pk)})["orgUnits"]["items"]
        assert [c["name"] for c in children] == ["茶山街道"]
        paths = [item["path"] for item in everything["items"]]
        assert paths == sorted(paths)

    def test_whether_volunteers_give_their_id_number(self, gql, org):
        org["district"].volunteer_id_required = True
        org["district"].save()
        query = "{ orgUnits { items { name volunteerIdRequired } } }"
        required = {item["name"]: item["volunteerIdRequired"] for item in gql(query)["orgUnits"]["items"]}
        below = {unit.name for unit in models.OrgUnit.objects.filter(path__startswith=org["district"].path)}
        assert len(below) >= 2
        assert required == {name: name in below for name in required}

    def test_articles_by_tag(self, gql, site):
        factories.make_article(site["articles"], title="常阿姐", tags=["维权", "志愿者"])
        factories.make_article(site["articles"], title="智慧平台", tags=["维权"])
        query = "query($tag: String) { articles(tag: $tag) { totalCount items { title tags } } }"
        assert gql(query)["articles"]["totalCount"] == 2
        tagged = gql(query, {"tag": "志愿者"})["articles"]["items"]
        assert tagged == [{"title": "常阿姐", "tags": ["志愿者", "维权"]}] or tagged[0]["title"] == "常阿姐"
        assert gql(query, {"tag": "没有"})["articles"]["totalCount"] == 0


class TestSiteWide:
    def test_site_settings(self, gql, site):
        settings = models.SiteSettings.for_site(site["home"].get_site())
        settings.hotline = "12338"
        settings.wechat_account = "常州女性"
        settings.save()
        result = gql("{ siteSettings { name hotline wechatAccount } }")["siteSettings"]
        assert result == {"name": "常州市妇女联合会", "hotline": "12338", "wechatAccount": "常州女性"}

    def test_navigation_lists_menu_pages(self, gql, site):
        for key in ["classes", "honours"]:
            site[key].show_in_menus = True
            factories.publish(site[key])
        nav = gql("{ navigation { title path pageType } }")["navigation"]
        assert nav == [
            {"title": "玉兰芬芳·WOMEN课堂", "path": "/classes/", "pageType": "ClassIndexPage"},
            {"title": "光荣榜", "path": "/honours/", "pageType": "HonourRollPage"},
        ]

    def test_home_page_features_and_figures(self, gql, site, catalog):
        home = site["home"]
        home.figures = [("figure", {"value": "624", "unit": "个", "label": "妇女微家"})]
        home.features.create(page=catalog["classes"]["tea"])
        factories.publish(home)
        result = gql("""{ page(path: "/") { ... on HomePage { heroTitle figures { value unit label }
                       featuredClasses { title } featuredCampaigns { title } } } }""")["page"]
        assert result == {
            "heroTitle": "玉兰芬芳",
            "figures": [{"value": "624", "unit": "个", "label": "妇女微家"}],
            "featuredClasses": [{"title": "茶艺班"}],
            "featuredCampaigns": [],
        }


class TestBodiesAndImages:
    def test_streamfield_as_typed_blocks_with_resolved_links(self, gql, catalog):
        tea = catalog["classes"]["tea"]
        drama = catalog["classes"]["drama"]
        image = factories.make_image("茶席")
        tea.body = [
            ("heading", {"text": "课程安排"}),
            ("paragraph", f'<p>见<a linktype="page" id="{drama.pk}">戏剧班</a></p>'),
            ("image", {"image": image, "caption": "茶席"}),
            ("quote", {"text": "一杯茶", "attribution": "老师"}),
            ("figures", {"title": "", "figures": [{"value": "8", "unit": "次", "label": "课时"}]}),
        ]
        factories.publish(tea)
        query = """query($id: ID) { page(id: $id) { ... on ClassPage { body {
            __typename blockType
            ... on HeadingBlock { text }
            ... on ParagraphBlock { html }
            ... on ImageBlock { caption alt image { rendition(size: CONTENT) { url width height srcset } } }
            ... on QuoteBlock { text attribution }
            ... on FiguresBlock { figures { value label } }
        } } } }"""
        body = gql(query, {"id": str(tea.pk)})["page"]["body"]
        assert [b["__typename"] for b in body] == [
            "HeadingBlock",
            "ParagraphBlock",
            "ImageBlock",
            "QuoteBlock",
            "FiguresBlock",
        ]
        assert body[0]["text"] == "课程安排"
        assert f'href="/classes/{drama.slug}/"' in body[1]["html"]
        assert "linktype" not in body[1]["html"]
        rendition = body[2]["image"]["rendition"]
        assert rendition["width"] == 64 and rendition["height"] == 48
        assert rendition["srcset"].count("w") >= 2 and rendition["url"] in rendition["srcset"]
        assert body[2]["alt"] == "茶席"
        assert body[4]["figures"] == [{"value": "8", "label": "课时"}]

    def test_image_sizes_come_from_an_allowlist(self, gql, catalog):
        tea = catalog["classes"]["tea"]
        tea.cover_image = factories.make_image("封面", size=(1600, 900))
        factories.publish(tea)
        query = (
            "query($id: ID) { page(id: $id) { coverImage { width rendition(size: CARD) { width height } } } }"
        )
        cover = gql(query, {"id": str(tea.pk)})["page"]["coverImage"]
        assert cover["width"] == 1600
        assert cover["rendition"] == {"width": 720, "height": 405}
        bogus = gql.post('{ page(id: 1) { coverImage { rendition(size: "fill-9999x9999") { url } } } }')
        assert bogus.status_code == 400
