"""Background work of the events module, run by django-tasks (``manage.py db_worker``).

Exactly once. ``deliver_notification`` renders the mail and opens the SMTP connection first,
then, in one transaction, claims the notification row (``SELECT ... FOR UPDATE SKIP LOCKED`` on
PostgreSQL; SQLite's IMMEDIATE transactions serialize writers instead), sends, and marks
``sent_at``. A second run, or a second worker, finds the row sent (or locked) and does
nothing. The one window left is a crash between the SMTP server accepting the mail and the
commit: the mail then goes out again on the next run (at least once, never zero times).

Retries. A failing mail server (``SMTPException``, ``OSError``: refused, timed out, reset)
rolls back only the claim: ``attempts`` and ``last_error`` are recorded, ``sent_at`` stays
empty, and the task enqueues itself again after ``RETRY_DELAYS`` (1, 5, 15, 60 minutes, then
3 hours), up to ``MAX_ATTEMPTS`` attempts, after which it logs an error and stops. A backend
that cannot defer (the Immediate backend of dev and tests) retries at once. A permanent
refusal of the address (5xx for every recipient) is not retried. The registration is never
touched: ``notify`` enqueues only after the registration's transaction has committed.
"""

import contextlib
import datetime
import logging
import smtplib

from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from events.models import Notification, NotificationKind
from events.notifications import (
    build_message,
    queue_reminders,
    recipient_of,
    reminder_still_applies,
)

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# Seconds to wait after the 1st, 2nd... failed attempt.
RETRY_DELAYS = (60, 5 * 60, 15 * 60, 60 * 60, 3 * 60 * 60)

SENT = "sent"
ALREADY_DONE = "already sent"
IN_PROGRESS = "in progress elsewhere"
NO_ADDRESS = "no address"
SKIPPED = "skipped"
RETRYING = "retrying"
GAVE_UP = "gave up"
MISSING = "missing"


def retry_delay(attempts):
    """Seconds before the next attempt after ``attempts`` failed ones."""
    return RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]


def _close_without_sending(notification_id, note):
    """Mark a notification done without a mail (no address, no longer relevant), with a note."""
    return Notification.objects.filter(pk=notification_id, sent_at__isnull=True).update(
        sent_at=timezone.now(), last_error=note[:300]
    )


def _record_failure(notification_id, error):
    with transaction.atomic():
        Notification.objects.filter(pk=notification_id, sent_at__isnull=True).update(
            attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:300]
        )
        return Notification.objects.filter(pk=notification_id).values_list("attempts", flat=True).first() or 0


def _is_permanent(error):
    """Every recipient refused with a 5xx code: retrying will not help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused) and error.recipients:
        return all(int(code) >= 500 for code, _ in error.recipients.values())
    return False


def _schedule_retry(notification_id, attempts):
    delay = retry_delay(attempts)
    if deliver_notification.get_backend().supports_defer:
        run_after = timezone.now() + datetime.timedelta(seconds=delay)
        deliver_notification.using(run_after=run_after).enqueue(notification_id)
    else:
        deliver_notification.enqueue(notification_id)


def _claim(notification_id):
    """Lock the unsent row inside the current transaction; None if sent or locked by another worker."""
    rows = Notification.objects.filter(pk=notification_id, sent_at__isnull=True)
    if db_connection.features.has_select_for_update_skip_locked:
        rows = rows.select_for_update(skip_locked=True)
    elif db_connection.features.has_select_for_update:
        rows = rows.select_for_update()
    return rows.values_list("pk", flat=True).first()


@task()
def deliver_notification(notification_id):
    """Send one notification, once. Returns what happened (one of the constants above)."""
    notification = (
        Notification.objects.select_related("registration__event__venue", "registration__user")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None:
        return MISSING
    if notification.sent_at is not None:
        return ALREADY_DONE
    if notification.attempts >= MAX_ATTEMPTS:
        return GAVE_UP
    registration = notification.registration
    recipient = recipient_of(registration)
    if not recipient:
        _close_without_sending(notification_id, NO_ADDRESS)
        return NO_ADDRESS
    if notification.kind == NotificationKind.REMINDER and not reminder_still_applies(registration):
        _close_without_sending(notification_id, "skipped: no longer confirmed, or already begun")
        return SKIPPED

    # Render and connect before taking the lock, so that the lock is held only for the send.
    try:
        message = build_message(notification, recipient)
    except Exception as error:
        _record_failure(notification_id, error)
        logger.exception("Notification %s could not be rendered", notification_id)
        raise
    mail = get_connection()
    message.connection = mail
    try:
        mail.open()
        with transaction.atomic():
            if _claim(notification_id) is None:
                return IN_PROGRESS
            message.send()
            Notification.objects.filter(pk=notification_id).update(
                sent_at=timezone.now(), attempts=F("attempts") + 1
            )
    except (smtplib.SMTPException, OSError) as error:
        attempts = _record_failure(notification_id, error)
        if _is_permanent(error):
            logger.error("Notification %s: address refused, not retrying: %s", notification_id, error)
            return GAVE_UP
        if attempts >= MAX_ATTEMPTS:
            logger.error("Notification %s: giving up after %s attempts: %s", notification_id, attempts, error)
            return GAVE_UP
        logger.warning("Notification %s: attempt %s failed, retrying: %s", notification_id, attempts, error)
    else:
        return SENT
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            mail.close()
    _schedule_retry(notification_id, attempts)
    return RETRYING


@task()
def send_reminders():
    """Queue the reminders that are due (see ``events.notifications.queue_reminders``)."""
    return queue_reminders()
