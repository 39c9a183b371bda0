"""``manage.py load_demo`` and ``manage.py create_random_data``.

The demo content comes from the federation's own 2020 review (shared/seeds/); these tests hold
it to the seeds: the honour roll, the classes, the campaigns, the org tree, the venues.
"""

import datetime
import io

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Q
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from home.demo.loader import (
    ADMIN_EMAIL,
    ADMIN_USERNAME,
    admin_password_file,
    ensure_admin,
    read_admin_password,
)
from home.models import (
    ArticlePage,
    CampaignKind,
    CampaignPage,
    CampaignStatus,
    ClassPage,
    FundingLevel,
    HomePage,
    Honour,
    HonourLevel,
    HonourRecipient,
    OrgUnit,
    OrgUnitLevel,
    RecipientKind,
    SiteSettings,
    UnitOrganizer,
    Venue,
)
from home.search import segment


def call_command_output(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().strip()


JIANGSU_ANTI_EPIDEMIC_FAMILIES = [
    "王臣家庭",
    "王蓓家庭",
    "王冰莹家庭",
    "马卫芬家庭",
    "尹玲家庭",
    "闫廷赞家庭",
    "孙英家庭",
    "唐洁家庭",
    "杨琪峰家庭",
    "郑玉群家庭",
    "陈聪家庭",
    "虞斌家庭",
    "巢益群家庭",
]
CHANGZHOU_MARCH_8_RED_BANNER = ["王中仙", "王凤鸣", "王琳", "庄涛静", "李飞", "吴素芹", "陈春华", "谭梦霞"]

# The seed's table of 2020 public-benefit projects, verbatim.
PROVINCIAL_PROJECTS = [
    "“智慧父母”成长支持计划",
    "花开的声音——社会工作介入农村社区女童自护项目",
    "青苔园丁&永红工匠 一心一“疫”守护你",
    "青春无忧之花季保卫战",
    "新父母星孩子成长计划",
    "百灵起飞 益路同行——弱势妇女、儿童关爱服务",
    "绽放吧 花蕾——流动家庭赋能共进计划",
    "“幸福生活 光彩人生”女性技能培育就业计划",
    "温暖春天的使者——社区防疫一线人员关爱服务计划",
    "守护“疫线”家一度——战疫情关爱项目",
    "让爱回家——新北区女性婚姻家庭危机干预社工项目",
    "童眼乐园——中国儿童友好型示范社区创建2.0",
    "我们有啥不一样?——性别平等“同伴教育”计划",
    "特别的爱 给特殊的你——关爱特殊儿童",
    "“让我们飞的更高”新时代女性素质提升工程",
]
CITY_PROJECTS = ["巾帼“常大姐”家庭服务培育计划", "巾帼新农人乡村振兴护航计划", "“玉兰芬芳”女干部素质提升计划"]
DISTRICTS = ["溧阳市", "金坛区", "武进区", "新北区", "天宁区", "钟楼区", "常州经开区"]


@pytest.fixture(autouse=True)
def demo_dirs(settings, tmp_path, monkeypatch):
    """Uploads and var/ in a temporary folder; no password from the environment."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.VAR_DIR = tmp_path / "var"
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)


def row_counts():
    """Rows of every model that has a table: the whole database, as seen by the ORM."""
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in tables and not model._meta.proxy
    }


def recipients_of(title):
    return set(Honour.objects.filter(title__name=title, year=2020).values_list("recipient__name", flat=True))


def honours_of(name):
    return {(h.title.name, h.title.level, h.year) for h in Honour.objects.filter(recipient__name=name)}


# --------------------------------------------------------------------------------- idempotent


@pytest.mark.django_db
def test_load_demo_twice_leaves_the_same_rows(settings):
    call_command("load_demo", "--no-admin", verbosity=0)
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username=ADMIN_USERNAME).exists()

    call_command("load_demo", verbosity=0)
    first = row_counts()
    call_command("load_demo", verbosity=0)
    second = row_counts()

    assert first == second
    # The counts cover what the demo writes, so the comparison is not vacuous.
    for label in [
        "home.ClassPage",
        "home.CampaignIndicator",
        "home.Honour",
        "wagtailcore.Revision",
        "wagtailimages.Image",
        "wagtailsearch.IndexEntry",
        "accounts.User",
        "account.EmailAddress",
        "volunteers.Volunteer",
        "volunteers.TeamMembership",
        "volunteers.Shift",
        "volunteers.ShiftSignup",
        "volunteers.ServiceRecord",
        "volunteers.RecordChange",
    ]:
        assert first.get(label, 0) > 0, label
    assert "wagtailimages.Rendition" in first


# ---------------------------------------------------------------------------- the demo content


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
class TestDemoContent:
    def test_national_honours_of_2020(self):
        national = {
            (h.recipient.name, h.title.name)
            for h in Honour.objects.filter(year=2020, title__level=HonourLevel.NATIONAL).select_related(
                "recipient", "title"
            )
        }
        assert {
            ("王文红", "全国三八红旗手"),
            ("王霞英", "抗击新冠肺炎疫情全国三八红旗手"),
            ("孙英家庭", "全国抗疫最美家庭"),
            ("戈亚琴", "全国优秀企业家"),
            ("常州市妇联", "全国家庭工作先进集体"),
            ("常州市妇女儿童活动中心", "全国家庭教育创新实践基地"),
            ("幸福种子亲子阅读中心", "全国家庭亲子阅读体验基地"),
        } <= national

    def test_recipients_have_kinds_units_and_stories(self):
        wang = HonourRecipient.objects.get(name="王文红")
        assert wang.kind == RecipientKind.PERSON
        assert wang.org_unit.name == "北环新村社区"
        assert wang.story.startswith("<p>") and "王文红调解工作室" in wang.story
        for name in ["孙英家庭", "王霞英", "戈亚琴", "常州市妇联"]:
            assert "<p>" in HonourRecipient.objects.get(name=name).story, name
        assert HonourRecipient.objects.get(name="常州市妇联").kind == RecipientKind.COLLECTIVE

    def test_sun_ying_family_is_one_recipient_with_two_honours(self):
        family = HonourRecipient.objects.get(name="孙英家庭")
        assert family.kind == RecipientKind.FAMILY
        assert honours_of("孙英家庭") == {
            ("全国抗疫最美家庭", HonourLevel.NATIONAL, 2020),
            ("江苏省抗疫最美家庭", HonourLevel.PROVINCIAL, 2020),
        }

    def test_all_13_jiangsu_anti_epidemic_families(self):
        families = recipients_of("江苏省抗疫最美家庭")
        assert families == set(JIANGSU_ANTI_EPIDEMIC_FAMILIES)
        assert len(JIANGSU_ANTI_EPIDEMIC_FAMILIES) == 13
        kinds = set(HonourRecipient.objects.filter(name__in=families).values_list("kind", flat=True))
        assert kinds == {RecipientKind.FAMILY}

    def test_provincial_city_and_district_honours(self):
        assert recipients_of("江苏省三八红旗手") == {"马卫芬", "陈聪"}
        # A person and her family are different recipients.
        assert HonourRecipient.objects.get(name="马卫芬").kind == RecipientKind.PERSON
        assert HonourRecipient.objects.get(name="马卫芬家庭").kind == RecipientKind.FAMILY
        assert recipients_of("常州市三八红旗手") == set(CHANGZHOU_MARCH_8_RED_BANNER)
        assert ("金坛区巾帼建功标兵", HonourLevel.DISTRICT, 2020) in honours_of("胡丽萍")
        assert HonourRecipient.objects.get(name="胡丽萍").org_unit.short_name == "金坛区"
        assert HonourRecipient.objects.get(name="袁湘勤家庭").kind == RecipientKind.FAMILY
        assert honours_of("王虎琴")
        assert {title for title, _, _ in honours_of("常州市妇联")} >= {
            "全市创新社会治理优秀项目一等奖",
            "全市“七五”普法先进单位",
            "常州市建设全国文明城市先进集体",
            "常州市双拥模范单位",
        }
        vanguard = ("疫情防控阻击战中“龙城先锋”先进典型", HonourLevel.CITY, 2020)
        assert honours_of("常州市妇联党总支") == {vanguard}
        assert not Honour.objects.exclude(year=2020).exists()

    def test_classes_include_tea_art_and_drama_over_several_venues_and_districts(self):
        classes = ClassPage.objects.live().select_related("venue__org_unit", "category")
        titles = [page.title for page in classes]
        assert any("茶艺班" in title for title in titles)
        assert any("戏剧班" in title for title in titles)
        assert len(titles) >= 10
        venues = {page.venue for page in classes if page.venue}
        districts = {venue.org_unit.ancestor_at(OrgUnitLevel.DISTRICT) for venue in venues} - {None}
        assert len(venues) >= 3
        assert len(districts) >= 2
        tea = next(page for page in classes if "茶艺班" in page.title)
        assert tea.category.slug == "tea-art"
        assert tea.body and tea.body[0].block_type == "heading"
        assert tea.audience and tea.instructor and tea.term and tea.schedule and tea.summary

    def test_classes_are_in_progress_or_starting_soon(self):
        today = timezone.localdate()
        classes = list(ClassPage.objects.live())
        assert any(page.start_date <= today <= page.end_date for page in classes)
        assert any(today < page.start_date <= today + datetime.timedelta(weeks=6) for page in classes)
        assert all(page.end_date >= page.start_date for page in classes)

    def test_six_warm_heart_actions(self):
        campaign = CampaignPage.objects.get(slug="warm-heart-actions")
        assert campaign.kind == CampaignKind.ACTION_PLAN
        assert "致敬逆行英雄·妇联在你身边" in campaign.title
        assert campaign.organizer.level == OrgUnitLevel.CITY
        actions = [action.name for action in campaign.actions.all()]
        assert actions == ["暖心包", "暖心菜", "暖心话", "暖心画", "暖心课", "暖心事"]
        assert all(a.description for a in campaign.actions.all())
        indicators = {(i.label, float(i.value), i.unit) for i in campaign.indicators.all()}
        assert indicators == {
            ("捐款捐物", 302, "万元"),
            ("口罩", 7.6, "万只"),
            ("暖心话短视频", 180, "个"),
            ("暖心课", 6, "万人次"),
        }

    def test_four_action_plans_and_the_99_giving_day(self):
        plans = CampaignPage.objects.filter(kind=CampaignKind.ACTION_PLAN).values_list("title", flat=True)
        for name in ["巾帼筑梦", "巾帼建功", "巾帼聚力", "巾帼同心"]:
            assert any(name in title for title in plans), name
        giving = CampaignPage.objects.get(kind=CampaignKind.FUNDRAISING, title__contains="关爱妇儿常州在行动")
        raised = giving.indicators.get()
        assert (float(raised.value), raised.unit) == (70, "万元")
        assert raised.target and raised.target > raised.value

    def test_every_public_benefit_project_of_the_2020_table(self):
        projects = {
            page.title: page for page in CampaignPage.objects.filter(kind=CampaignKind.PUBLIC_BENEFIT)
        }
        for title in PROVINCIAL_PROJECTS:
            assert projects[title].funding_level == FundingLevel.PROVINCIAL, title
        for title in CITY_PROJECTS:
            assert projects[title].funding_level == FundingLevel.CITY, title
        assert projects["让爱回家——新北区女性婚姻家庭危机干预社工项目"].organizer.short_name == "新北区"

    def test_campaigns_in_every_status(self):
        statuses = {page.status for page in CampaignPage.objects.live()}
        assert statuses == {CampaignStatus.UPCOMING, CampaignStatus.ACTIVE, CampaignStatus.FINISHED}

    def test_org_tree(self):
        city = OrgUnit.objects.get(level=OrgUnitLevel.CITY)
        assert city.name == "常州市妇联"
        districts = city.children.filter(level=OrgUnitLevel.DISTRICT)
        assert sorted(districts.values_list("short_name", flat=True)) == sorted(DISTRICTS)
        assert all(unit.path.startswith(city.path) for unit in OrgUnit.objects.all())
        expected = {
            "红梅街道": "天宁区",
            "茶山街道": "天宁区",
            "雕庄街道": "天宁区",
            "三井街道": "新北区",
            "河海街道": "新北区",
            "朱林镇": "金坛区",
            "北环新村社区": "天宁区",
            "华润国际社区": "天宁区",
            "菱溪社区": "天宁区",
            "秦岭社区": "新北区",
        }
        for label, district in expected.items():
            unit = OrgUnit.objects.get(Q(short_name=label) | Q(name=label))
            assert unit.ancestor_at(OrgUnitLevel.DISTRICT).short_name == district, label

    def test_venues_have_their_addresses(self):
        assert Venue.objects.get(name="幸福种子亲子阅读中心").address == "天宁区尚东花园69号"
        huarun = Venue.objects.get(name="茶山街道华润国际社区妇女儿童之家")
        assert huarun.address == "天宁区茶山街道华润国际剑桥澜湾26幢东首"
        assert huarun.org_unit.name == "华润国际社区"
        for name in ["常州市妇女儿童活动中心", "常州市妇女儿童权益保障服务中心", "金坛区婚姻家庭指导驿站"]:
            venue = Venue.objects.get(name=name)
            assert venue.address and venue.opening_hours, name
        assert Venue.objects.get(name="常州市妇女儿童权益保障服务中心").contact_phone == "12338"
        assert Venue.objects.filter(kind="class_site").count() >= 5

    def test_site_root_and_sections(self):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        assert isinstance(home, HomePage)
        assert home.slug == "home" and home.live and home.locale.language_code == "zh-hans"
        assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
        children = {page.slug: type(page.specific).__name__ for page in home.get_children().live()}
        assert children == {
            "classes": "ClassIndexPage",
            "campaigns": "CampaignIndexPage",
            "articles": "ArticleIndexPage",
            "honours": "HonourRollPage",
        }
        assert home.get_children().get(slug="classes").title == "玉兰芬芳·WOMEN课堂"
        # Every page was published through a revision.
        assert not home.get_descendants(inclusive=True).filter(live_revision__isnull=True).exists()

    def test_home_page_figures_and_features(self):
        home = HomePage.objects.get(slug="home")
        assert "玉兰芬芳" in home.hero_title
        figures = {(block.value["value"], block.value["unit"]) for block in home.figures}
        assert {("624", "个"), ("64", "个"), ("1020", "名"), ("167", "人")} <= figures
        assert all(block.block_type == "figure" for block in home.figures)
        featured = {type(feature.page.specific).__name__ for feature in home.features.all()}
        assert featured == {"ClassPage", "CampaignPage", "ArticlePage"}
        assert home.cover_image is not None

    def test_articles(self):
        articles = list(ArticlePage.objects.live())
        assert len(articles) >= 4
        titles = " ".join(page.title for page in articles)
        assert "婚姻家庭智慧治理" in titles and "强制心理干预中心" in titles
        tags = {tag.name for page in articles for tag in page.tags.all()}
        assert {"家庭建设", "维权", "志愿者"} <= tags
        assert all(page.body and page.date <= timezone.localdate() for page in articles)

    def test_texts_speak_of_volunteers_family_education_and_reading(self):
        texts = " ".join(
            f"{page.summary} {page.body_text()}"
            for model in (ClassPage, CampaignPage, ArticlePage)
            for page in model.objects.live()
        )
        for word in ["志愿者", "家庭教育", "亲子阅读"]:
            assert word in texts, word

    def test_pages_and_snippets_are_in_the_search_index(self):
        backend = get_search_backend()
        found = {page.title for page in Page.objects.live().search(segment("志愿者"))}
        assert any("亲子阅读" in title for title in found)
        assert "王文红" in {r.name for r in backend.search(segment("全国三八红旗手"), HonourRecipient)}
        assert "菱溪社区家事调解工作室" in {v.name for v in backend.search(segment("调解"), Venue)}
        # Sub-actions are saved after their page: the page must have been indexed again.
        assert any(p.slug == "warm-heart-actions" for p in CampaignPage.objects.search(segment("暖心画")))

    def test_site_settings(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        assert settings.name == "常州市妇女联合会"
        assert settings.address == "常州市龙城大道1280号1号楼"
        assert settings.email == "czflxcb@126.com"
        assert settings.wechat_account == "常州女性"
        assert settings.hotline

    def test_placeholder_images_are_used(self):
        image = HomePage.objects.get(slug="home").cover_image
        assert image.title.startswith("示例图")
        assert image.width == 1600 and image.height == 900
        assert Venue.objects.filter(image__isnull=False).exists()
        assert HonourRecipient.objects.filter(photo__isnull=False).exists()

    def test_locales(self):
        assert set(Locale.objects.values_list("language_code", flat=True)) >= {"zh-hans", "en"}

    def test_admin_logs_in_with_the_stored_password(self, client, demo):
        from allauth.account.models import EmailAddress

        assert demo["password"]
        assert client.login(username=ADMIN_USERNAME, password=demo["password"])
        address = EmailAddress.objects.get(user__username=ADMIN_USERNAME)
        assert (address.email, address.verified, address.primary) == (ADMIN_EMAIL, True, True)
        # the admin then wants the two-step code, which `make demo-code` gives for the demo
        assert client.get("/admin/")["Location"] == "/account/security?next=%2Fadmin%2F"
        [authenticator] = Authenticator.objects.filter(user__username=ADMIN_USERNAME)
        with override_settings(DEBUG=True):
            code = call_command_output("demo_code")
        assert TOTP(authenticator).validate_code(code)

    def test_demo_organizers_have_an_authenticator_and_volunteers_none(self, demo):
        with_one = set(Authenticator.objects.values_list("user__username", flat=True))
        organizers = UnitOrganizer.objects.values_list("user__username", flat=True)
        assert ADMIN_USERNAME in with_one and set(organizers) <= with_one
        assert not Authenticator.objects.filter(user__is_staff=False, user__organizer_roles=None).exists()

    def test_demo_code_refuses_outside_the_demo(self, demo):
        with pytest.raises(CommandError, match="DEBUG"):
            call_command("demo_code")


# -------------------------------------------------------------------------------- demo admin


@pytest.mark.django_db
def test_admin_password_is_generated_once_and_can_come_from_the_environment(monkeypatch):
    user, password, source = ensure_admin()
    assert source == "new" and len(password) >= 12
    assert read_admin_password(admin_password_file()) == password
    assert (admin_password_file().stat().st_mode & 0o777) == 0o600
    assert ensure_admin()[1:] == (password, "file")

    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "from-the-environment")
    user, password_env, source = ensure_admin()
    assert (password_env, source) == ("from-the-environment", "env")
    user.refresh_from_db()
    assert user.check_password("from-the-environment") and user.is_superuser
    assert read_admin_password(admin_password_file()) == password  # the file is left alone


# ---------------------------------------------------------------------------------- random data


@pytest.mark.django_db
def test_create_random_data_creates_that_many_of_each_on_an_empty_site():
    models = (ClassPage, CampaignPage, ArticlePage, HonourRecipient, Venue)
    before = {model: model.objects.count() for model in models}
    call_command(
        "create_random_data", classes=3, campaigns=2, articles=4, honours=5, venues=2, seed=7, verbosity=0
    )
    after = {model: model.objects.count() for model in before}
    assert {model.__name__: after[model] - before[model] for model in before} == {
        "ClassPage": 3,
        "CampaignPage": 2,
        "ArticlePage": 4,
        "HonourRecipient": 5,
        "Venue": 2,
    }
    # It set up the demo tree it needed, and its pages are live.
    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, HomePage)
    assert ClassPage.objects.live().count() == 3
    assert all(page.first_published_at for page in ArticlePage.objects.all())
    assert Honour.objects.filter(recipient__in=HonourRecipient.objects.all()).count() >= 5

    # Again, on top: the slugs do not collide.
    call_command(
        "create_random_data", classes=2, campaigns=0, articles=0, honours=0, venues=0, seed=7, verbosity=0
    )
    assert ClassPage.objects.count() == 5
