from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from home.search import SegmentedSearchMixin, segmented_search_fields


class HonourLevel(models.IntegerChoices):
    """Smaller is higher, so that ordering by level puts national honours first."""

    NATIONAL = 1, _("National")
    PROVINCIAL = 2, _("Provincial")
    CITY = 3, _("City")
    DISTRICT = 4, _("District")


class RecipientKind(models.TextChoices):
    PERSON = "person", _("Person")
    FAMILY = "family", _("Family")
    COLLECTIVE = "collective", _("Collective")


class HonourTitle(models.Model):
    """An honour that can be awarded, e.g. 全国三八红旗手 (national) or 巾帼文明岗."""

    name = models.CharField(_("name"), max_length=80, unique=True, help_text=_("e.g. 江苏省三八红旗手."))
    level = models.PositiveSmallIntegerField(
        _("level"),
        choices=HonourLevel.choices,
        help_text=_("Who awards it: national, provincial, city or district."),
    )
    awarded_by = models.CharField(
        _("awarded by"), max_length=80, blank=True, help_text=_("The awarding body, e.g. 全国妇联.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the honour recognizes, for the honour roll.")
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0, help_text=_("Smaller comes first."))

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("awarded_by")]),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["level", "sort_order", "name"]
        verbose_name = _("honour title")
        verbose_name_plural = _("honour titles")

    def __str__(self):
        return self.name


class HonourRecipient(SegmentedSearchMixin, index.Indexed, ClusterableModel):
    """A person, family or collective on the honour roll (光荣榜), with the honours they received.

    Names appear here because they were publicly honoured; the story is public content.
    """

    name = models.CharField(_("name"), max_length=80, help_text=_("e.g. 王文红, 孙英家庭, 常州市妇联."))
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=RecipientKind.choices,
        default=RecipientKind.PERSON,
        help_text=_("A person, a family or a collective; used in filters."),
    )
    org_unit = models.ForeignKey(
        "home.OrgUnit",
        verbose_name=_("organization unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="honour_recipients",
        help_text=_("Where the recipient lives or works; used in district filters."),
    )
    affiliation = models.CharField(
        _("affiliation"),
        max_length=160,
        blank=True,
        help_text=_("Position or workplace, e.g. 新誉集团执行总裁."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        help_text=_("A portrait or a photo of the family or team; optional."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    story = RichTextField(
        _("story"), blank=True, features=["bold", "italic", "link"], help_text=_("Their story.")
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("org_unit"), FieldPanel("affiliation")]),
        FieldPanel("photo"),
        InlinePanel("honours", label=_("Honours"), min_num=1),
        FieldPanel("story"),
    ]
    search_title_fields = ("name",)
    search_body_fields = ("affiliation", "story", "honour_texts")
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), *segmented_search_fields()]

    class Meta:
        ordering = ["name"]
        verbose_name = _("honour recipient")
        verbose_name_plural = _("honour recipients")

    def __str__(self):
        return self.name

    def honour_texts(self):
        return " ".join(f"{honour.title.name} {honour.citation}" for honour in self.honours.all())


class Honour(Orderable):
    """One award: this recipient received this title in this year."""

    recipient = ParentalKey(HonourRecipient, on_delete=models.CASCADE, related_name="honours")
    title = models.ForeignKey(
        HonourTitle, verbose_name=_("honour title"), on_delete=models.PROTECT, related_name="honours"
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1949), MaxValueValidator(2100)],
        help_text=_("The year awarded."),
    )
    citation = models.CharField(
        _("citation"),
        max_length=255,
        blank=True,
        help_text=_("One sentence on why, shown on the honour roll."),
    )

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("year")]), FieldPanel("citation")]

    class Meta(Orderable.Meta):
        verbose_name = _("honour")
        verbose_name_plural = _("honours")
        indexes = [models.Index(fields=["year", "title"])]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "title", "year"], name="unique_honour_per_year"),
        ]

    def __str__(self):
        return f"{self.year} {self.title} · {self.recipient}"
