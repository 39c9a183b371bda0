"""Copying an event and adding a weekly series of sessions: the admin's two editing shortcuts.

Both only create rows (an event with its sessions and questions; sessions), never touch a
registration, and run in one transaction each. The person must manage the event
(``can_manage_event``); the caller checks the Django permission to add or change events.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.errors import CommonErrorCode, ServiceError
from events.models import Event, EventQuestion, EventSession, EventStatus
from events.selectors import can_manage_event

MAX_SERIES_LENGTH = 52
# Fields a copy starts afresh: identity, bookkeeping, the cancellation, the status.
_NOT_COPIED = {"id", "created_at", "updated_at", "cancelled_at", "cancel_reason", "status"}
# Dates that move with the sessions.
_SHIFTED = ("registration_opens_at", "registration_closes_at", "cancellation_deadline")


def _require_manager(by, event):
    if not can_manage_event(by, event):
        raise ServiceError(CommonErrorCode.PERMISSION_DENIED, _("Only the event's organizers may do this."))


@transaction.atomic
def copy_event(event_id, *, by, title, shift=datetime.timedelta(0)):
    """A draft copy of the event with its sessions and questions, every date moved by ``shift``.

    Registrations and check-ins stay with the original.
    """
    original = Event.objects.select_related("organizer").get(pk=event_id)
    _require_manager(by, original)
    fields = {
        field.attname: getattr(original, field.attname)
        for field in Event._meta.concrete_fields
        if field.attname not in _NOT_COPIED
    }
    for name in _SHIFTED:
        if fields[name] is not None:
            fields[name] += shift
    fields["title"] = title
    copy = Event(**fields, status=EventStatus.DRAFT)
    copy.save()
    EventSession.objects.bulk_create(
        EventSession(
            event=copy,
            title=session.title,
            starts_at=session.starts_at + shift,
            ends_at=session.ends_at + shift,
            location_note=session.location_note,
        )
        for session in original.sessions.order_by("starts_at", "pk")
    )
    EventQuestion.objects.bulk_create(
        EventQuestion(
            event=copy,
            sort_order=question.sort_order,
            label=question.label,
            kind=question.kind,
            choices=question.choices,
            required=question.required,
        )
        for question in original.questions.order_by("sort_order", "pk")
    )
    return copy


@transaction.atomic
def add_weekly_sessions(event_id, *, by, first_starts_at, duration, count, every_weeks=1, title=""):
    """Sessions at ``first_starts_at`` and every ``every_weeks`` weeks after, ``count`` in all
    (e.g. every Saturday 09:00-11:00, 8 times). A time the event already has is skipped.

    ``title`` may contain ``{n}``, the number of the session in the series (e.g. 第{n}课).
    Returns the sessions created.
    """
    event = Event.objects.select_related("organizer").get(pk=event_id)
    _require_manager(by, event)
    if not 1 <= count <= MAX_SERIES_LENGTH:
        raise ServiceError(
            CommonErrorCode.INVALID,
            _("A series has from 1 to %(max)d sessions.") % {"max": MAX_SERIES_LENGTH},
            "count",
        )
    if duration <= datetime.timedelta(0):
        raise ServiceError(CommonErrorCode.INVALID, _("A session must end after it starts."), "duration")
    existing = set(event.sessions.values_list("starts_at", flat=True))
    first_local = timezone.localtime(first_starts_at)  # weeks counted in wall-clock time
    created = []
    for number in range(1, count + 1):
        starts_at = first_local + datetime.timedelta(weeks=every_weeks * (number - 1))
        if starts_at in existing:
            continue
        created.append(
            EventSession(
                event=event,
                title=title.replace("{n}", str(number)) if title else "",
                starts_at=starts_at,
                ends_at=starts_at + duration,
            )
        )
    EventSession.objects.bulk_create(created)
    return created
