"""Telling registrants what happened to their registration.

Services call ``notify(registration, kind)`` inside their transaction. It records a
``Notification`` row (at most one per registration and kind, so a message is never queued
twice) and enqueues delivery only once the transaction commits: a registration that rolls back
sends nothing, and a failing mail server never rolls back a registration. Delivery
(``events.tasks.deliver_notification``) claims the row, sends, and marks it sent in one
transaction; see there for retries.

Language. Nothing records the language a person reads, and most notifications are caused by
someone else (an organizer approves, another registrant's cancellation promotes, the reminder
timer runs), so the language active when ``notify`` runs says nothing about the registrant.
Every mail is therefore written in Chinese with the English text beneath it: the same
templates (``events/templates/events/email/``, every text in ``{% trans %}`` or
``{% blocktrans %}``, like allauth's account mails) are rendered once per language in
``MAIL_LANGUAGES`` and joined. A language whose subject comes out identical to a later one's
(its catalogue does not translate these mails yet) is left out rather than repeated: until the
Chinese catalogue covers these templates, mails are in English only. Should accounts record a
preferred language one day, pass ``languages=[that language]`` to ``build_message``.
"""

import datetime
import logging
import re

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Min
from django.template.loader import render_to_string
from django.utils import timezone, translation

from events import calendar
from events.models import (
    Event,
    EventStatus,
    Notification,
    NotificationKind,
    Registration,
    RegistrationStatus,
)

logger = logging.getLogger(__name__)

# Chinese first, English beneath.
MAIL_LANGUAGES = ("zh-hans", "en")
# Kinds whose mail carries the event's sessions as an .ics attachment.
ICS_KINDS = frozenset({NotificationKind.CONFIRMED, NotificationKind.PROMOTED, NotificationKind.APPROVED})
TEMPLATE_DIR = "events/email"
TEXT_SEPARATOR = "\n\n" + "—" * 24 + "\n\n"
BLANK_LINES = re.compile(r"\n{3,}")


# --- queueing ---------------------------------------------------------------------------------


def _record(registration, kind):
    """The notification row of (registration, kind), created at most once; delivery on commit."""
    kind = NotificationKind(kind)
    notification, created = Notification.objects.get_or_create(registration=registration, kind=kind)
    if created:
        from events.tasks import deliver_notification

        transaction.on_commit(lambda: deliver_notification.enqueue(notification.pk))
    return notification, created


def notify(registration, kind):
    """Record that ``registration`` must be told ``kind`` and send it once the transaction commits.

    Calling it again for the same registration and kind does nothing: each message goes out once.
    """
    notification, _ = _record(registration, kind)
    return notification


def reminder_due_events(now=None, hours=None):
    """Published events whose first session starts within ``hours`` (EVENT_REMINDER_HOURS) from now."""
    now = now or timezone.now()
    hours = settings.EVENT_REMINDER_HOURS if hours is None else hours
    return (
        Event.objects.filter(status=EventStatus.PUBLISHED)
        .annotate(first_start=Min("sessions__starts_at"))
        .filter(first_start__gt=now, first_start__lte=now + datetime.timedelta(hours=hours))
    )


def queue_reminders(now=None, hours=None):
    """Create the REMINDER notification of every confirmed registration of an event that starts
    soon (see ``reminder_due_events``) and deliver it. Returns how many were created.

    Safe to run often and concurrently: the (registration, kind) constraint lets one reminder
    per registration exist, so a second run creates and sends nothing.
    """
    events = reminder_due_events(now, hours)
    registrations = (
        Registration.objects.filter(event__in=events.values("pk"), status=RegistrationStatus.CONFIRMED)
        .exclude(notifications__kind=NotificationKind.REMINDER)
        .order_by("pk")
    )
    created_count = 0
    for registration in list(registrations):
        with transaction.atomic():
            _, created = _record(registration, NotificationKind.REMINDER)
        created_count += created
    return created_count


def reminder_still_applies(registration, now=None):
    """A reminder is sent only while the registration is confirmed and the event has not begun."""
    now = now or timezone.now()
    event = registration.event
    first = event.sessions.aggregate(first=Min("starts_at"))["first"]
    return (
        registration.status == RegistrationStatus.CONFIRMED
        and event.status == EventStatus.PUBLISHED
        and first is not None
        and first > now
    )


# --- rendering --------------------------------------------------------------------------------


def recipient_of(registration):
    """The address to write to: the account's email once verified (anyone may type any address
    at sign-up). Phone-in registrations and accounts without a verified address have none."""
    user = registration.user
    if user is None or not user.is_active or not user.email:
        return ""
    verified = EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()
    return user.email.strip() if verified else ""


def waitlist_place(registration):
    """1 for the first person waiting, 2 for the next... or None when not on the waitlist."""
    if registration.status != RegistrationStatus.WAITLISTED or registration.waitlist_position is None:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id,
        status=RegistrationStatus.WAITLISTED,
        waitlist_position__lt=registration.waitlist_position,
    ).count()
    return ahead + 1


def mail_context(notification):
    registration = notification.registration
    event = registration.event
    sessions = list(event.sessions.order_by("starts_at", "pk"))
    zone = timezone.get_default_timezone()
    for session in sessions:
        session.local_start = timezone.localtime(session.starts_at, zone)
        session.local_end = timezone.localtime(session.ends_at, zone)
        session.same_day = session.local_start.date() == session.local_end.date()
        session.where = session.location_note
    reason = ""
    if notification.kind in (NotificationKind.CANCELLED_BY_ORGANIZER, NotificationKind.REJECTED):
        reason = registration.cancel_reason
    elif notification.kind == NotificationKind.EVENT_CANCELLED:
        reason = event.cancel_reason or registration.cancel_reason
    return {
        "notification": notification,
        "kind": notification.kind,
        "registration": registration,
        "name": registration.name or (registration.user and str(registration.user)) or "",
        "event": event,
        "event_url": calendar.event_url(event),
        "location": calendar.event_location(event),
        "online_url": event.online_url,
        "sessions": sessions,
        "first_session": sessions[0] if sessions else None,
        "party_size": registration.party_size,
        "check_in_code": registration.token,
        "waitlist_place": waitlist_place(registration),
        "reason": reason,
        "contact": " ".join(part for part in (event.contact_name, event.contact_phone) if part),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "has_ics": notification.kind in ICS_KINDS,
    }


def _tidy_text(text):
    """Plain text as templates leave it, without trailing spaces or runs of blank lines."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return BLANK_LINES.sub("\n\n", "\n".join(lines))


def _render(name, context, languages):
    """``name`` rendered once per language: [(language, text)]."""
    parts = []
    for language in languages:
        with translation.override(language):
            text = render_to_string(f"{TEMPLATE_DIR}/{name}", {**context, "language": language})
        parts.append((language, _tidy_text(text) if name.endswith(".txt") else text))
    return parts


def _html_lang(language):
    return "zh-Hans" if language == "zh-hans" else language


def render_notification(notification, languages=MAIL_LANGUAGES):
    """(subject, text body, html body) of a notification, in ``languages`` one beneath the other."""
    context = mail_context(notification)
    kind = notification.kind
    # A language whose subject reads like another's is not translated yet (the templates are
    # written in English): keep only the last of them, English, rather than repeat the text.
    rendered = [
        (lang, " ".join(text.split())) for lang, text in _render(f"{kind}_subject.txt", context, languages)
    ]
    subjects = {
        lang: text for i, (lang, text) in enumerate(rendered) if text not in [t for _, t in rendered[i + 1 :]]
    }
    languages = list(subjects)
    subject = (
        f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{' / '.join(subjects.values())} · {context['event'].title}"
    )
    text_parts = _render(f"{kind}_message.txt", context, languages)
    text = TEXT_SEPARATOR.join(part for _, part in text_parts) + "\n"
    html_parts = _render(f"{kind}_message.html", context, languages)
    html = render_to_string(
        f"{TEMPLATE_DIR}/layout.html",
        {"parts": [{"tag": _html_lang(lang), "html": part} for lang, part in html_parts], "subject": subject},
    )
    return subject, text, html


def build_message(notification, recipient, languages=MAIL_LANGUAGES, connection=None):
    """The mail of a notification, to ``recipient``, with the .ics of the event where it helps."""
    subject, text, html = render_notification(notification, languages)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [recipient],
        connection=connection,
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    if notification.kind in ICS_KINDS:
        registration = notification.registration
        ics = calendar.to_ics(calendar.registration_calendar(registration)).decode()
        message.attach(f"event-{registration.event_id}.ics", ics, "text/calendar")
    return message
