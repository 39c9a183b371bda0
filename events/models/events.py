from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.search import index

from home.search import SegmentedSearchMixin, segmented_search_fields


class EventKind(models.TextChoices):
    COURSE = "course", _("Course")
    ACTIVITY = "activity", _("Activity")
    TRAINING = "training", _("Training")
    LECTURE = "lecture", _("Lecture")
    LIVESTREAM = "livestream", _("Livestream")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")


class Event(SegmentedSearchMixin, index.Indexed, ClusterableModel):
    """Something people register for: a course of sessions, an activity, a lecture.

    An event may belong to a class or campaign page; deleting or unpublishing that page never
    touches the event (the link is simply cleared). Seats are counted in persons: a party of one
    adult and two children takes three.
    """

    title = models.CharField(_("title"), max_length=120, help_text=_("e.g. 茶艺班（秋季）第一期."))
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=EventKind.choices,
        default=EventKind.ACTIVITY,
        help_text=_("A course is booked as one package and attended session by session."),
    )
    summary = models.TextField(_("summary"), blank=True, max_length=500, help_text=_("Shown in lists."))
    description = models.TextField(_("description"), blank=True, help_text=_("What happens, what to bring."))
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("class or campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("The class or campaign this event belongs to, if any."),
    )
    organizer = models.ForeignKey(
        "home.OrgUnit",
        verbose_name=_("organizer"),
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("The unit that runs the event; its organizers manage the registrations."),
    )
    venue = models.ForeignKey(
        "home.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("Where it happens. Leave empty for online events."),
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("For livestreams and online events.")
    )
    audience = models.CharField(_("audience"), max_length=120, blank=True, help_text=_("Who it is for."))
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("Of every participant, companions included; leave empty for no limit."),
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("Of every participant, companions included; leave empty for no limit."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), validators=[MinValueValidator(1)], help_text=_("Seats, counted in persons.")
    )
    max_party_size = models.PositiveSmallIntegerField(
        _("maximum party size"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_(
            "Persons one registration may bring, the registrant included (e.g. 3: one adult, two children)."
        ),
    )
    ask_companions = models.BooleanField(
        _("ask for companions"), default=False, help_text=_("Ask the name and age of everyone in the party.")
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), help_text=_("From when people may register.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), help_text=_("Until when people may register.")
    )
    cancellation_deadline = models.DateTimeField(
        _("cancellation deadline"),
        null=True,
        blank=True,
        help_text=_("Registrants may cancel until then; empty means until the first session starts."),
    )
    requires_approval = models.BooleanField(
        _("requires approval"), default=False, help_text=_("An organizer confirms each registration.")
    )
    waitlist_enabled = models.BooleanField(
        _("waitlist"),
        default=True,
        help_text=_("When full, people join a waitlist instead of being turned away."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EventStatus.choices,
        default=EventStatus.DRAFT,
        help_text=_("Only published events take registrations."),
    )
    contact_name = models.CharField(_("contact person"), max_length=50, blank=True)
    contact_phone = models.CharField(
        _("contact phone"),
        max_length=30,
        blank=True,
        help_text=_("A public number for questions about the event."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    cancel_reason = models.CharField(_("cancellation reason"), max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        PageChooserPanel("page", page_type=["home.ClassPage", "home.CampaignPage"]),
        FieldRowPanel([FieldPanel("organizer"), FieldPanel("venue")]),
        FieldPanel("online_url"),
        InlinePanel("sessions", label=_("Sessions"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_party_size")]),
                FieldPanel("ask_companions"),
                FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
                FieldPanel("cancellation_deadline"),
                FieldRowPanel([FieldPanel("requires_approval"), FieldPanel("waitlist_enabled")]),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")])],
            heading=_("Audience"),
        ),
        InlinePanel("questions", label=_("Questions for registrants")),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_phone")], heading=_("Contact")),
        FieldPanel("cover_image"),
    ]
    search_body_fields = ("summary", "description", "audience", "get_kind_display")
    search_fields = [
        *segmented_search_fields(),
        index.FilterField("status"),
        index.FilterField("kind"),
        index.AutocompleteField("title"),
    ]

    class Meta:
        ordering = ["-registration_opens_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if self.min_age is not None and self.max_age is not None and self.max_age < self.min_age:
            errors["max_age"] = _("The maximum age cannot be below the minimum age.")
        if self.max_party_size and self.capacity and self.max_party_size > self.capacity:
            errors["max_party_size"] = _("A party cannot be larger than the capacity.")
        if not self.venue_id and not self.online_url:
            errors["venue"] = _("Choose a venue or give an online link.")
        if errors:
            raise ValidationError(errors)

    def registration_is_open(self, now=None):
        now = now or timezone.now()
        return (
            self.status == EventStatus.PUBLISHED
            and self.registration_opens_at <= now < self.registration_closes_at
        )


class EventSession(models.Model):
    """One dated meeting of an event; a course has several, attended one by one."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=80, blank=True, help_text=_("e.g. 第 3 课：宋代点茶."))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location_note = models.CharField(
        _("where exactly"),
        max_length=120,
        blank=True,
        help_text=_("e.g. 二楼活动室; if different from the venue."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("location_note"),
    ]

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return self.title or timezone.localtime(self.starts_at).strftime("%Y-%m-%d %H:%M")

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Short text")
    CHOICE = "choice", _("Choice")
    YES_NO = "yes_no", _("Yes or no")


class EventQuestion(Orderable):
    """A question registrants answer, e.g. 孩子的年龄段 (choice) or 是否需要停车位 (yes/no)."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=120)
    kind = models.CharField(_("kind"), max_length=8, choices=QuestionKind.choices, default=QuestionKind.TEXT)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For choice questions: one option per line.")
    )
    required = models.BooleanField(_("required"), default=False)

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("choices"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.label

    @property
    def options(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        if self.kind == QuestionKind.CHOICE and len(self.options) < 2:
            raise ValidationError({"choices": _("A choice question needs at least two options.")})


class EventFigures(models.Model):
    """What lists show and filter on, kept beside each event (events.figures keeps it current):
    seats taken, waitlist length, first start and last end of the sessions.

    A row of its own, not columns of ``Event``: saving an event in the admin writes every column
    of its row, and would put back figures read before a concurrent registration.
    """

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, primary_key=True, related_name="figures", verbose_name=_("event")
    )
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0)
    waitlist_length = models.PositiveIntegerField(_("waitlist length"), default=0)
    starts_at = models.DateTimeField(_("first session starts"), null=True)
    ends_at = models.DateTimeField(_("last session ends"), null=True)

    class Meta:
        verbose_name = _("event figures")
        verbose_name_plural = _("event figures")
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["ends_at"])]

    def __str__(self):
        return str(self.event_id)
