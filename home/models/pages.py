"""Page types. The tree is: HomePage > {ClassIndexPage > ClassPage, CampaignIndexPage >
CampaignPage, ArticleIndexPage > ArticlePage, HonourRollPage}.

Events and volunteer shifts will point at class and campaign pages with non-cascading keys:
pages and their inline children are rewritten on every publish (GUIDE §5).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock, FigureBlock, stream_text
from home.models.preview import HeadlessPreviewMixin
from home.search import SegmentedSearchMixin, segmented_search_fields

BODY_HELP = _("Headings, paragraphs, images, quotes and figures, in any order.")


class ContentPage(HeadlessPreviewMixin, SegmentedSearchMixin, Page):
    """What every Yulan page shares: a summary, a cover image, headless preview, Chinese search."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=300,
        help_text=_("One or two sentences shown in lists and shares."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in lists and at the top of the page. Landscape, at least 1200 px wide."),
    )

    search_body_fields = ("summary",)
    search_fields = [*Page.search_fields, *segmented_search_fields()]

    class Meta:
        abstract = True


class HomeFeature(Orderable):
    """A class, campaign or article picked for the home page."""

    home = ParentalKey("home.HomePage", on_delete=models.CASCADE, related_name="features")
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A class, campaign or article."),
    )

    panels = [PageChooserPanel("page", page_type=["home.ClassPage", "home.CampaignPage", "home.ArticlePage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("featured page")
        verbose_name_plural = _("featured pages")


class HomePage(ContentPage):
    hero_title = models.CharField(
        _("hero title"), max_length=80, help_text=_("The big line at the top, e.g. 玉兰芬芳.")
    )
    hero_subtitle = models.CharField(
        _("hero subtitle"),
        max_length=160,
        blank=True,
        help_text=_("A second, smaller line under the hero title."),
    )
    figures = StreamField(
        [("figure", FigureBlock())],
        verbose_name=_("highlight figures"),
        blank=True,
        max_num=8,
        help_text=_('Key numbers, e.g. 624 个 "妇女微家".'),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_subtitle"), FieldPanel("cover_image")],
            heading=_("Hero"),
        ),
        FieldPanel("summary"),
        FieldPanel("figures"),
        InlinePanel("features", label=_("Featured classes, campaigns and articles"), max_num=12),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ClassIndexPage",
        "home.CampaignIndexPage",
        "home.ArticleIndexPage",
        "home.HonourRollPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class IndexPage(ContentPage):
    """A section's landing page; the list itself comes from the API with filters."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown above the list."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("cover_image"),
    ]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ClassIndexPage(IndexPage):
    subpage_types = ["home.ClassPage"]

    class Meta:
        verbose_name = _("class index (玉兰芬芳·WOMEN课堂)")
        verbose_name_plural = _("class indexes (玉兰芬芳·WOMEN课堂)")


class ClassPage(ContentPage):
    """A class of 玉兰芬芳·WOMEN课堂, such as a tea-art course at a class site."""

    category = models.ForeignKey(
        "home.ClassCategory",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="classes",
        help_text=_("The subject; add categories under Directory."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=100,
        blank=True,
        help_text=_("Who it is for, e.g. 亲子家庭（3–6 岁）, 职场女性."),
    )
    instructor = models.CharField(_("instructor"), max_length=60, blank=True, help_text=_("Name and title."))
    instructor_bio = models.TextField(
        _("about the instructor"), blank=True, help_text=_("A few sentences on the instructor's experience.")
    )
    venue = models.ForeignKey(
        "home.Venue",
        verbose_name=_("class site"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="classes",
        help_text=_("Where the class meets. Leave empty for online classes."),
    )
    term = models.CharField(_("term"), max_length=40, blank=True, help_text=_("e.g. 2026 年秋季班."))
    start_date = models.DateField(
        _("first day"), null=True, blank=True, help_text=_("The date of the first lesson.")
    )
    end_date = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("The date of the last lesson.")
    )
    schedule = models.CharField(
        _("schedule"),
        max_length=100,
        blank=True,
        help_text=_("When it meets, e.g. 每周六 9:30–11:00, 共 8 次."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True, help_text=BODY_HELP)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("audience")]),
        FieldPanel("venue"),
        MultiFieldPanel(
            [
                FieldPanel("term"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("schedule"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel([FieldPanel("instructor"), FieldPanel("instructor_bio")], heading=_("Instructor")),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]
    parent_page_types = ["home.ClassIndexPage"]
    subpage_types = []
    search_body_fields = ("summary", "audience", "instructor", "category_name", "body_text")
    search_fields = [*ContentPage.search_fields, index.FilterField("category"), index.FilterField("venue")]

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})

    def category_name(self):
        return self.category.name if self.category_id else ""

    def body_text(self):
        return stream_text(self.body)


class CampaignIndexPage(IndexPage):
    subpage_types = ["home.CampaignPage"]

    class Meta:
        verbose_name = _("campaign index")
        verbose_name_plural = _("campaign indexes")


class CampaignKind(models.TextChoices):
    ACTION_PLAN = "action_plan", _("Action plan (行动计划)")
    PUBLIC_BENEFIT = "public_benefit", _("Public-benefit project (公益项目)")
    FUNDRAISING = "fundraising", _("Fundraising (募捐)")
    THEME = "theme", _("Theme activity (主题活动)")


class FundingLevel(models.TextChoices):
    PROVINCIAL = "provincial", _("Provincial (省级)")
    CITY = "city", _("City (市级)")


class CampaignStatus(models.TextChoices):
    UPCOMING = "upcoming", pgettext_lazy("campaign status", "Upcoming")
    ACTIVE = "active", pgettext_lazy("campaign status", "Active")
    FINISHED = "finished", pgettext_lazy("campaign status", "Finished")


class CampaignPage(ContentPage):
    """A campaign: 六大暖心行动, a 99公益日 fundraiser, a funded public-benefit project.

    Its status (upcoming, active, finished) follows from its period, so it is never stale.
    """

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=CampaignKind.choices,
        default=CampaignKind.THEME,
        help_text=_("Action plan, public-benefit project, fundraising or theme activity."),
    )
    start_date = models.DateField(_("start date"), help_text=_("The campaign is upcoming until this day."))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Leave empty if ongoing."))
    organizer = models.ForeignKey(
        "home.OrgUnit",
        verbose_name=_("organizer"),
        on_delete=models.PROTECT,
        related_name="campaigns",
        help_text=_("The federation unit that runs the campaign."),
    )
    funding_level = models.CharField(
        _("funding level"),
        max_length=12,
        choices=FundingLevel.choices,
        blank=True,
        help_text=_("For public-benefit projects: who funds it."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True, help_text=BODY_HELP)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("funding_level")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Period")),
        FieldPanel("organizer"),
        FieldPanel("cover_image"),
        InlinePanel("indicators", label=_("Progress indicators"), max_num=12),
        InlinePanel("actions", label=_("Sub-actions"), max_num=12),
        FieldPanel("body"),
    ]
    parent_page_types = ["home.CampaignIndexPage"]
    subpage_types = []
    search_body_fields = ("summary", "action_texts", "body_text")
    search_fields = [*ContentPage.search_fields, index.FilterField("kind"), index.FilterField("start_date")]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.funding_level and self.kind != CampaignKind.PUBLIC_BENEFIT:
            raise ValidationError({"funding_level": _("Only public-benefit projects have a funding level.")})

    @property
    def status(self):
        return status_on(self.start_date, self.end_date, timezone.localdate())

    def action_texts(self):
        return " ".join(f"{action.name} {action.description}" for action in self.actions.all())

    def body_text(self):
        return stream_text(self.body)


def status_on(start, end, today):
    if start and start > today:
        return CampaignStatus.UPCOMING
    if end and end < today:
        return CampaignStatus.FINISHED
    return CampaignStatus.ACTIVE


def campaign_status_filter(status, today=None):
    """The ``Q`` that selects campaigns in ``status`` today; mirrors ``status_on``."""
    today = today or timezone.localdate()
    finished = models.Q(end_date__lt=today)
    upcoming = models.Q(start_date__gt=today)
    return {
        CampaignStatus.UPCOMING: upcoming,
        CampaignStatus.FINISHED: finished & ~upcoming,
        CampaignStatus.ACTIVE: ~upcoming & ~finished,
    }[status]


class CampaignIndicator(Orderable):
    """A progress figure: 捐款捐物 302 万元, 口罩 7.6 万只, optionally against a target."""

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="indicators")
    label = models.CharField(_("label"), max_length=40, help_text=_("What is measured, e.g. 捐款捐物."))
    value = models.DecimalField(
        _("value"), max_digits=14, decimal_places=2, help_text=_("The figure reached so far, e.g. 302.")
    )
    unit = models.CharField(_("unit"), max_length=20, blank=True, help_text=_("e.g. 万元, 万只, 人次."))
    target = models.DecimalField(
        _("target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Optional goal in the same unit; the frontend draws a progress bar."),
    )

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit"), FieldPanel("target")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("progress indicator")
        verbose_name_plural = _("progress indicators")


class CampaignAction(Orderable):
    """A sub-action of a campaign, e.g. 暖心包 of the 六大暖心行动."""

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="actions")
    name = models.CharField(_("name"), max_length=40, help_text=_("e.g. 暖心包."))
    description = models.TextField(_("description"), blank=True, help_text=_("What was done and for whom."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        help_text=_("Optional; shown beside the sub-action."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = _("sub-action")
        verbose_name_plural = _("sub-actions")


class HonourRollPage(IndexPage):
    """The honour roll (光荣榜). Its list comes from the ``honours`` query, with filters."""

    subpage_types = []

    class Meta:
        verbose_name = _("honour roll (光荣榜)")
        verbose_name_plural = _("honour rolls (光荣榜)")


class ArticleIndexPage(IndexPage):
    subpage_types = ["home.ArticlePage"]

    class Meta:
        verbose_name = _("article index")
        verbose_name_plural = _("article indexes")


class ArticlePage(ContentPage):
    """A story, such as the 成果聚焦 pieces of the federation's annual review."""

    date = models.DateField(_("date"), default=datetime.date.today, help_text=_("Shown on the article."))
    author = models.CharField(
        _("author or source"), max_length=60, blank=True, help_text=_("e.g. 《常州女性》编辑部.")
    )
    tags = ClusterTaggableManager(through="home.ArticleTag", blank=True, verbose_name=_("tags"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True, help_text=BODY_HELP)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("tags"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]
    parent_page_types = ["home.ArticleIndexPage"]
    subpage_types = []
    search_body_fields = ("summary", "tag_names", "body_text")
    search_fields = [*ContentPage.search_fields, index.FilterField("date")]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def tag_names(self):
        return " ".join(tag.name for tag in self.tags.all())

    def body_text(self):
        return stream_text(self.body)
