"""Background work of the events module, run by django-tasks (``manage.py db_worker``)."""

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from events.models import Notification


@task()
def deliver_notification(notification_id):
    """Send one notification, once: the row is locked and skipped if already sent."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("registration__event", "registration__user")
            .filter(pk=notification_id, sent_at__isnull=True)
            .first()
        )
        if notification is None:
            return
        registration = notification.registration
        recipient = registration.user.email if registration.user else ""
        if recipient:
            send_mail(
                f"{notification.get_kind_display()}: {registration.event.title}",
                f"{registration.name}: {notification.get_kind_display()} — {registration.event.title}",
                None,
                [recipient],
            )
        notification.sent_at = timezone.now()
        notification.attempts += 1
        notification.save(update_fields=["sent_at", "attempts"])
