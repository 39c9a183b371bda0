from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.tokens import new_token


class OpportunityStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class Opportunity(models.Model):
    """A call for volunteers, attached to an event, a campaign page or nothing.

    Deleting the event or the page only clears the link: shifts, sign-ups and service records stay.
    """

    title = models.CharField(_("title"), max_length=120, help_text=_("e.g. 亲子阅读会志愿服务."))
    description = models.TextField(_("description"), blank=True, help_text=_("What volunteers will do."))
    org_unit = models.ForeignKey(
        "home.OrgUnit",
        verbose_name=_("organizer"),
        on_delete=models.PROTECT,
        related_name="opportunities",
        help_text=_("The unit that organizes the service and records its hours."),
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
    )
    service_object = models.CharField(
        _("served"),
        max_length=120,
        blank=True,
        help_text=_(
            "Who the service is for, e.g. 社区老人 or 参加课堂的亲子家庭. Copied into each service record."
        ),
    )
    responsible_person = models.CharField(
        _("responsible person"),
        max_length=40,
        blank=True,
        help_text=_(
            "Named on each service record; if empty, the leader or organizer who checks volunteers out."
        ),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=OpportunityStatus.choices, default=OpportunityStatus.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("volunteer opportunity")
        verbose_name_plural = _("volunteer opportunities")

    def __str__(self):
        return self.title


class Role(models.Model):
    """A post (岗位) within an opportunity: 签到引导, 亲子阅读讲师, 调解员..."""

    opportunity = models.ForeignKey(
        Opportunity, verbose_name=_("opportunity"), on_delete=models.PROTECT, related_name="roles"
    )
    name = models.CharField(_("name"), max_length=60)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["opportunity", "pk"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return self.name


class SignupFlow(models.TextChoices):
    INSTANT = "instant", _("Instant")
    APPROVAL = "approval", _("Request, then an organizer approves")


class Shift(models.Model):
    role = models.ForeignKey(Role, verbose_name=_("role"), on_delete=models.PROTECT, related_name="shifts")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=120, help_text=_("Where to report."))
    min_count = models.PositiveSmallIntegerField(_("minimum volunteers"), default=1)
    max_count = models.PositiveSmallIntegerField(_("maximum volunteers"), validators=[MinValueValidator(1)])
    required_skills = models.ManyToManyField(
        "volunteers.Skill", verbose_name=_("required skills"), blank=True
    )
    required_team = models.ForeignKey(
        "volunteers.Team",
        verbose_name=_("team only"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Only members of this team may sign up."),
    )
    signup_flow = models.CharField(
        _("sign-up"), max_length=10, choices=SignupFlow.choices, default=SignupFlow.INSTANT
    )
    signup_deadline = models.DateTimeField(
        _("sign-up deadline"), help_text=_("Also the last moment to withdraw.")
    )
    check_in_secret = models.CharField(max_length=32, default=new_token, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return f"{self.role} {self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A shift must end after it starts.")})
        if self.max_count and self.min_count > self.max_count:
            raise ValidationError({"min_count": _("The minimum cannot exceed the maximum.")})


class SignupStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    CONFIRMED = "confirmed", _("Confirmed")
    WITHDRAWN = "withdrawn", _("Withdrawn by the volunteer")
    REJECTED = "rejected", _("Rejected by the organizer")


class ShiftSignup(models.Model):
    """A volunteer's participation in a shift (ephios-style explicit states). Never deleted."""

    shift = models.ForeignKey(
        Shift, verbose_name=_("shift"), on_delete=models.PROTECT, related_name="signups"
    )
    volunteer = models.ForeignKey(
        "volunteers.Volunteer", verbose_name=_("volunteer"), on_delete=models.PROTECT, related_name="signups"
    )
    status = models.CharField(_("status"), max_length=10, choices=SignupStatus.choices)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The leader or organizer who checked the volunteer in; the volunteer, for a scanned code."
        ),
    )
    checked_out_at = models.DateTimeField(_("checked out at"), null=True, blank=True)
    checked_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked out by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("shift sign-up")
        verbose_name_plural = _("shift sign-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["shift", "volunteer"],
                condition=Q(status__in=["requested", "confirmed"]),
                name="one_open_signup_per_shift",
            )
        ]

    def __str__(self):
        return f"{self.volunteer} · {self.shift}"
