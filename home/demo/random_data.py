"""Random but plausible content for scale tests and benchmarks (``manage.py create_random_data``).

Built from the vocabulary of the seeds, on top of the demo tree (home page, sections,
organization units, categories, honour titles), which it creates if missing. Snippets are
bulk-created; pages are added with treebeard's ``add_child`` as live pages without a revision
each, which is much faster than publishing. Deterministic for a given ``seed``.
"""

import datetime
import random
import re
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from wagtail.search.backends import get_search_backends

from home.demo import seed_data as seed
from home.demo.loader import DemoLoader, rich_text, stream, term_for
from home.models import (
    ArticlePage,
    CampaignAction,
    CampaignIndicator,
    CampaignKind,
    CampaignPage,
    ClassCategory,
    ClassPage,
    FundingLevel,
    Honour,
    HonourRecipient,
    HonourTitle,
    OrgUnit,
    OrgUnitLevel,
    RecipientKind,
    Venue,
    VenueKind,
)

MARK = "（随机示例数据）"


def words(text):
    return text.split()


TOPICS = {
    "茶艺": ["宋式点茶", "茶席布置", "绿茶冲泡", "红茶品鉴", "以茶会友"],
    "戏剧": ["家风小剧场", "亲子绘本剧", "锡剧唱腔", "形体与台词"],
    "书法": ["楷书入门", "家训书写", "少儿硬笔书法", "翰墨书香"],
    "家政": ["母婴护理", "居家保洁", "老人照护", "收纳整理", "巾帼家政"],
    "亲子阅读": ["绘本共读", "故事爸妈", "朗读者课堂", "伴爱阅读21天", "小书虫的幸福剧场"],
    "家庭教育": ["智慧父母", "科学家教", "亲子沟通", "青春期教育", "好家风"],
    "法律": ["民法典婚姻家庭编", "反家庭暴力法", "未成年人保护", "以案释法"],
    "心理健康": ["心向阳光", "情绪管理", "家庭心理健康信息员", "阳光护航"],
    "女性成长": ["肆拾云端", "直播助农", "巾帼民宿", "女性领导力", "巾帼好声音"],
}
CLASS_SUFFIXES = ["班", "课堂", "工作坊", "讲座", "训练营"]
AUDIENCES = words("""社区女性 职场女性 亲子家庭 0–7岁幼儿及家长 中小学生家长 农村妇女 巾帼志愿者
    老年女性""")
INSTRUCTORS = words("""巾帼志愿者讲师 家庭教育指导师 律师（专家志愿者） 心理咨询师（专家志愿者）
    茶艺师 书法教师 “常阿姐”调解员 社工""")
WEEKDAYS = "一二三四五六日"
TIMES = ["9:00–10:30", "9:30–11:00", "14:00–15:30", "15:00–16:30", "19:00–20:30"]

CAMPAIGN_PHRASES = words("""巾帼筑梦 书香飘万家 科学家教进万家 心向阳光 和美六润·花开万家 常阿姐·常在你身边
    阳光护航·健康成长 巾帼共走振兴路 家风传承 平安家庭 健康悦她 圆梦微心愿 真情寻呼1+1 关爱妇儿 最美家庭
    巾帼建功""")
CAMPAIGN_SUFFIXES = {
    CampaignKind.ACTION_PLAN: "行动",
    CampaignKind.PUBLIC_BENEFIT: "公益项目",
    CampaignKind.FUNDRAISING: "募捐",
    CampaignKind.THEME: "主题活动",
}
ACTIONS = words("宣讲 走访慰问 志愿服务 技能培训 直播助农 亲子阅读 家事调解 心理疏导")
INDICATORS = [
    ("参与", "人次"),
    ("服务家庭", "户"),
    ("志愿服务时长", "小时"),
    ("筹款", "万元"),
    ("活动", "场"),
]
ACTIVITIES = words("主题活动 志愿服务 宣讲活动 培训班 亲子阅读活动 关爱慰问")
TAGS = words("""家庭建设 维权 志愿者 巾帼志愿者 家庭教育 亲子阅读 乡村振兴 常阿姐 女性成长
    未成年人保护""")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁"
SURNAMES += "潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "秀英华芳丽敏静燕玲娟红霞梅兰琴慧洁婷雪莉萍琳倩颖月凤云娜佳宁欣怡"
ROLES = ["社区妇联主席", "巾帼志愿者", "妇联执委", "女企业家", "家庭教育指导师", "调解员", "护士长", "教师"]
COLLECTIVES = ["巾帼志愿服务队", "巾帼文明岗", "妇女议事会", "家调志愿花队伍", "妇女微家"]
ROADS = ["玉兰路", "晋陵路", "延陵路", "和平路", "青洋路", "劳动路", "常澄路", "通江路", "长江路", "花园街"]
VENUE_WORDS = {
    VenueKind.CLASS_SITE: "分课堂点",
    VenueKind.WOMENS_HOME: "妇女微家",
    VenueKind.FAMILY_HOME: "妇女儿童之家",
    VenueKind.SERVICE_CENTRE: "婚姻家庭服务站",
    VenueKind.BASE: "亲子阅读基地",
}


def seed_sentences():
    """Every sentence of the demo bodies: the seeds' own language."""
    texts = []
    for row in [*seed.CLASSES, *seed.CAMPAIGNS, *seed.ARTICLES]:
        texts += [block[1] for block in row.get("body", []) if block[0] == "paragraph"]
        texts.append(row["summary"])
    sentences = []
    for text in texts:
        sentences += [part + "。" for part in re.split(r"[。！]", text) if len(part) > 8]
    return sentences


class RandomData:
    def __init__(self, seed_value=None, today=None, progress=None):
        self.rng = random.Random(seed_value)
        self.today = today or timezone.localdate()
        self.now = timezone.now()
        self.progress = progress or (lambda label, done, total: None)
        self.sentences = seed_sentences()
        self.loader = DemoLoader(today=self.today)

    # --- set-up -------------------------------------------------------------------------

    def prepare(self):
        """The demo tree and the reference data random rows point at, created if missing."""
        loader = self.loader
        with transaction.atomic():
            loader.load_images()
            loader.load_org_units()
            loader.load_categories()
            loader.load_honour_titles()
            loader.ensure_site_tree(update=False)
        loader.update_search_index()
        self.units = list(OrgUnit.objects.exclude(level=OrgUnitLevel.CITY))
        self.all_units = list(OrgUnit.objects.all())
        self.categories = list(ClassCategory.objects.all())
        self.titles = list(HonourTitle.objects.all())
        self.images = [image.pk for image in loader.images.values()]

    # --- helpers ------------------------------------------------------------------------

    def address(self, district):
        return f"{district.label if district else ''}{self.pick(ROADS)}{self.rng.randint(1, 300)}号"

    def pick(self, seq):
        return self.rng.choice(seq)

    def paragraphs(self, low=2, high=4):
        return ["".join(self.rng.sample(self.sentences, 2)) for _ in range(self.rng.randint(low, high))]

    def slugs(self, parent, prefix, count):
        taken = set(parent.get_children().filter(slug__startswith=prefix).values_list("slug", flat=True))
        number = len(taken)
        result = []
        while len(result) < count:
            number += 1
            slug = f"{prefix}-{number:05d}"
            if slug not in taken:
                result.append(slug)
        return result

    def add_pages(self, label, parent, pages):
        total = len(pages)
        step = max(1, total // 20)
        for done, page in enumerate(pages, start=1):
            parent.add_child(instance=page)
            if done % step == 0 or done == total:
                self.progress(label, done, total)
        return pages

    def page_defaults(self):
        return {
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": self.now,
            "last_published_at": self.now,
            "locale_id": self.loader.locale.pk,
        }

    def index(self, model, objects):
        if not objects:
            return
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)

    # --- snippets -------------------------------------------------------------------------

    def venues(self, count):
        rows = []
        for _ in range(count):
            unit = self.pick(self.units)
            kind = self.pick(list(VenueKind))
            district = unit.ancestor_at(OrgUnitLevel.DISTRICT)
            rows.append(
                Venue(
                    name=f"{unit.label}{VENUE_WORDS[kind]}·{self.rng.randint(1, 999)}号",
                    kind=kind,
                    org_unit=unit,
                    address=self.address(district),
                    opening_hours=f"周一至周五 {self.pick(TIMES)}",
                    description="".join(self.rng.sample(self.sentences, 1)) + MARK,
                    image_id=self.pick(self.images) if self.rng.random() < 0.5 else None,
                )
            )
        created = Venue.objects.bulk_create(rows, batch_size=500)
        self.progress("venues", count, count)
        self.index(Venue, created)
        return created

    def recipient_name(self, kind, unit):
        if kind == RecipientKind.COLLECTIVE:
            return f"{unit.label}{self.pick(COLLECTIVES)}"
        name = self.pick(SURNAMES) + "".join(self.rng.sample(GIVEN, self.rng.randint(1, 2)))
        return name + "家庭" if kind == RecipientKind.FAMILY else name

    def honours(self, count):
        recipients = []
        for _ in range(count):
            kind = self.rng.choices(list(RecipientKind), weights=[6, 3, 1])[0]
            unit = self.pick(self.units)
            recipients.append(
                HonourRecipient(
                    name=self.recipient_name(kind, unit),
                    kind=kind,
                    org_unit=unit,
                    affiliation=f"{unit.label}{self.pick(ROLES)}{MARK}"
                    if kind == RecipientKind.PERSON
                    else "",
                    story=rich_text(*self.paragraphs(1, 2)),
                )
            )
        recipients = HonourRecipient.objects.bulk_create(recipients, batch_size=500)
        honours = []
        years = (self.today.year - 5, self.today.year)
        for recipient in recipients:
            titles = self.rng.sample(self.titles, self.rng.randint(1, min(2, len(self.titles))))
            for order, title in enumerate(titles):
                honours.append(
                    Honour(
                        recipient=recipient,
                        title=title,
                        year=self.rng.randint(*years),
                        citation=self.pick(self.sentences)[:200],
                        sort_order=order,
                    )
                )
        Honour.objects.bulk_create(honours, batch_size=500)
        self.progress("honour recipients", count, count)
        self.index(HonourRecipient, recipients)
        return recipients

    # --- pages ------------------------------------------------------------------------------

    def classes(self, count):
        parent = self.loader.sections["classes"]
        venues = list(Venue.objects.values_list("pk", flat=True)) or [None]
        pages = []
        for slug in self.slugs(parent, "r-class", count):
            category = self.pick(self.categories)
            topic = self.pick(TOPICS.get(category.name, [category.name]))
            start = self.today + datetime.timedelta(days=self.rng.randint(-60, 60))
            weeks = self.rng.randint(2, 12)
            pages.append(
                ClassPage(
                    title=f"{topic}{self.pick(CLASS_SUFFIXES)}（第{self.rng.randint(1, 20)}期）",
                    slug=slug,
                    summary=self.pick(self.sentences),
                    category=category,
                    audience=self.pick(AUDIENCES),
                    instructor=self.pick(INSTRUCTORS),
                    venue_id=self.pick(venues) if self.rng.random() < 0.9 else None,
                    term=term_for(start),
                    start_date=start,
                    end_date=start + datetime.timedelta(weeks=weeks - 1),
                    schedule=f"每周{self.pick(WEEKDAYS)} {self.pick(TIMES)}，共 {weeks} 次",
                    cover_image_id=self.pick(self.images),
                    body=stream([("heading", "课程介绍"), *(("paragraph", p) for p in self.paragraphs())]),
                    **self.page_defaults(),
                )
            )
        return self.add_pages("classes", parent, pages)

    def campaigns(self, count):
        parent = self.loader.sections["campaigns"]
        pages = []
        for slug in self.slugs(parent, "r-campaign", count):
            kind = self.pick(list(CampaignKind))
            start = self.today + datetime.timedelta(days=self.rng.randint(-400, 60))
            end = None
            if self.rng.random() < 0.9:
                end = start + datetime.timedelta(days=self.rng.randint(14, 300))
            funding = ""
            if kind == CampaignKind.PUBLIC_BENEFIT and self.rng.random() < 0.8:
                funding = self.pick(list(FundingLevel))
            page = CampaignPage(
                title=f"“{self.pick(CAMPAIGN_PHRASES)}”{CAMPAIGN_SUFFIXES[kind]}",
                slug=slug,
                summary=self.pick(self.sentences),
                kind=kind,
                funding_level=funding,
                start_date=start,
                end_date=end,
                organizer=self.pick(self.all_units),
                cover_image_id=self.pick(self.images),
                body=stream([("paragraph", p) for p in self.paragraphs()]),
                **self.page_defaults(),
            )
            page.actions = [
                CampaignAction(name=name, description=self.pick(self.sentences), sort_order=i)
                for i, name in enumerate(self.rng.sample(ACTIONS, self.rng.randint(0, 4)))
            ]
            indicators = []
            for i, (label, unit) in enumerate(self.rng.sample(INDICATORS, self.rng.randint(0, 3))):
                value = Decimal(self.rng.randint(1, 5000))
                target = value + Decimal(self.rng.randint(0, 2000)) if self.rng.random() < 0.4 else None
                indicators.append(
                    CampaignIndicator(label=label, value=value, unit=unit, target=target, sort_order=i)
                )
            page.indicators = indicators
            pages.append(page)
        pages = self.add_pages("campaigns", parent, pages)
        self.index(CampaignPage, pages)  # again: the first indexing ran before the sub-actions were saved
        return pages

    def articles(self, count):
        parent = self.loader.sections["articles"]
        pages = []
        for slug in self.slugs(parent, "r-article", count):
            unit = self.pick(self.all_units)
            page = ArticlePage(
                title=f"{unit.label}妇联开展“{self.pick(CAMPAIGN_PHRASES)}”{self.pick(ACTIVITIES)}",
                slug=slug,
                summary=self.pick(self.sentences),
                date=self.today - datetime.timedelta(days=self.rng.randint(0, 365)),
                author=f"{unit.label}妇联",
                cover_image_id=self.pick(self.images),
                body=stream([("paragraph", p) for p in self.paragraphs()]),
                **self.page_defaults(),
            )
            page.tags.set(self.rng.sample(TAGS, self.rng.randint(1, 3)))
            pages.append(page)
        pages = self.add_pages("articles", parent, pages)
        self.index(ArticlePage, pages)  # again, now that the tags are saved
        return pages
