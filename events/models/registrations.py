from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.tokens import new_token


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Pending approval")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED_BY_REGISTRANT = "cancelled_by_registrant", _("Cancelled by the registrant")
    CANCELLED_BY_ORGANIZER = "cancelled_by_organizer", _("Cancelled by the organizer")
    REJECTED = "rejected", _("Rejected")


# Statuses that hold a person's place: one of these per person and event at most.
ACTIVE_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
# Statuses whose party takes seats.
SEATED_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED)


class Registration(models.Model):
    """A person's place at an event, for a party of one or more.

    Never deleted: cancelling or rejecting changes the status and keeps the row. ``user`` is
    empty only for phone-in registrations an organizer added by hand. Every state change goes
    through events/services.py.
    """

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=60, help_text=_("The registrant's name, as given."))
    phone = models.CharField(
        _("phone"), max_length=30, blank=True, help_text=_("Shown only to the organizers.")
    )
    party_size = models.PositiveSmallIntegerField(
        _("party size"), default=1, help_text=_("Persons, the registrant included.")
    )
    companions = models.JSONField(
        _("companions"),
        default=list,
        blank=True,
        help_text=_('The other members of the party: [{"name": ..., "age": ...}].'),
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True, help_text=_("Answers by question id."))
    status = models.CharField(_("status"), max_length=24, choices=RegistrationStatus.choices, db_index=True)
    waitlist_position = models.PositiveIntegerField(
        _("waitlist position"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Order on the waitlist: smaller goes first. Kept after promotion."),
    )
    token = models.CharField(
        _("check-in code"), max_length=32, unique=True, default=new_token, editable=False
    )
    idempotency_key = models.CharField(max_length=64, blank=True, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, editable=False)
    children_consent_at = models.DateTimeField(
        _("guardian's consent for children"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the registrant consented, as guardian, to the data of companions under 14."),
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    cancel_reason = models.CharField(_("reason"), max_length=200, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(status__in=ACTIVE_STATUSES) & Q(user__isnull=False),
                name="one_active_registration_per_person",
            ),
            models.UniqueConstraint(
                fields=["user", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="unique_idempotency_key_per_user",
            ),
            models.CheckConstraint(condition=Q(party_size__gte=1), name="party_of_at_least_one"),
        ]
        indexes = [
            models.Index(fields=["event", "status"]),
            models.Index(fields=["event", "waitlist_position"]),
            models.Index(fields=["user", "status"]),
        ]

    def __str__(self):
        return f"{self.name} · {self.event}"

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES


class CheckInMethod(models.TextChoices):
    QR = "qr", _("Scanned code")
    SEARCH = "search", _("Found by name")
    MANUAL = "manual", _("Typed code")


class CheckIn(models.Model):
    """Attendance of one registration at one session. Undoing keeps the row and marks it."""

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.PROTECT, related_name="check_ins"
    )
    session = models.ForeignKey(
        "events.EventSession", verbose_name=_("session"), on_delete=models.PROTECT, related_name="check_ins"
    )
    checked_in_at = models.DateTimeField(_("checked in at"), auto_now_add=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    method = models.CharField(_("how"), max_length=8, choices=CheckInMethod.choices)
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("undone by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["checked_in_at", "pk"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"],
                condition=Q(undone_at__isnull=True),
                name="one_check_in_per_session",
            ),
        ]

    def __str__(self):
        return f"{self.registration} @ {self.session}"
