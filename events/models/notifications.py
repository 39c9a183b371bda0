from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    CONFIRMED = "confirmed", _("Registration confirmed")
    PENDING = "pending", _("Registration received, awaiting approval")
    WAITLISTED = "waitlisted", _("On the waitlist")
    PROMOTED = "promoted", _("Promoted from the waitlist")
    APPROVED = "approved", _("Registration approved")
    REJECTED = "rejected", _("Registration rejected")
    CANCELLED_BY_ORGANIZER = "cancelled_by_organizer", _("Cancelled by the organizer")
    EVENT_CANCELLED = "event_cancelled", _("Event cancelled")
    REMINDER = "reminder", _("Reminder before the first session")


class Notification(models.Model):
    """One message to one registrant. The row is claimed before sending and marked sent after,
    so a message goes out once however often a worker retries or runs twice."""

    registration = models.ForeignKey(
        "events.Registration",
        verbose_name=_("registration"),
        on_delete=models.PROTECT,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=24, choices=NotificationKind.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind"], name="one_notification_per_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.registration}"
