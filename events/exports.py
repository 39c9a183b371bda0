"""An event's registrations as an Excel workbook (openpyxl), for the organizers' paperwork.

Sheet one: one row per registration (every status, in registration order) with name, phone,
party size, companions, status, time of registration, one column per question and one per
session (checked in or not). Sheet two: the statistics. Headers are in the admin's language
(Chinese first).
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from cms.admin.spreadsheets import (
    DATETIME_FORMAT,
    SHEET_TITLE_MAX,
    append_row,
    bold_header,
    content_disposition,
    local_naive,
    safe_filename,
    workbook_response,
)
from events.admin.stats import event_stats
from events.models import CheckIn, QuestionKind, Registration

PERCENT_FORMAT = "0.0%"


def session_heading(number, session):
    heading = _("Session %(number)d (%(date)s)") % {
        "number": number,
        "date": timezone.localtime(session.starts_at).strftime("%m-%d %H:%M"),
    }
    return f"{heading} {session.title}" if session.title else heading


def _answer(question, value):
    if value is None or value == "":
        return ""
    if question.kind == QuestionKind.YES_NO:
        return _("Yes") if value is True or str(value).lower() in {"true", "yes", "1"} else _("No")
    return str(value)


def _companions(companions):
    parts = []
    for companion in companions or []:
        if isinstance(companion, dict):
            name, age = companion.get("name", ""), companion.get("age")
            parts.append(f"{name}（{age}）" if age not in (None, "") else str(name))
    return "、".join(parts)


def registrations_workbook(event):
    questions = list(event.questions.order_by("sort_order", "pk"))
    sessions = list(event.sessions.order_by("starts_at", "pk"))
    attended = set(
        CheckIn.objects.filter(session__event=event, undone_at__isnull=True).values_list(
            "registration_id", "session_id"
        )
    )
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")[:SHEET_TITLE_MAX]
    headers = [
        pgettext("person", "Name"),
        pgettext("person", "Phone"),
        _("Party size"),
        _("Companions"),
        _("Status"),
        _("Registered at"),
    ]
    headers += [question.label for question in questions]
    headers += [session_heading(number, session) for number, session in enumerate(sessions, start=1)]
    append_row(sheet, headers)
    checked_in, not_checked_in = _("Checked in"), _("Not checked in")
    registrations = Registration.objects.filter(event=event).order_by("created_at", "pk")
    for registration in registrations.iterator(chunk_size=500):
        answers = registration.answers or {}
        row = [
            registration.name,
            registration.phone,
            registration.party_size,
            _companions(registration.companions),
            registration.get_status_display(),
            local_naive(registration.created_at),
        ]
        row += [_answer(question, answers.get(str(question.pk))) for question in questions]
        row += [
            checked_in if (registration.pk, session.pk) in attended else not_checked_in
            for session in sessions
        ]
        cells = append_row(sheet, row)
        cells[5].number_format = DATETIME_FORMAT
    bold_header(sheet, [14, 16, 8, 28, 14, 18] + [18] * (len(questions) + len(sessions)))
    _statistics_sheet(workbook.create_sheet(_("Statistics")[:SHEET_TITLE_MAX]), event)
    return workbook


def _statistics_sheet(sheet, event):
    stats = event_stats(event)
    append_row(sheet, [_("Event"), event.title])
    rows = [
        (_("Capacity"), stats.capacity),
        (_("Seats taken"), stats.seats_taken),
        (_("Seats left"), stats.seats_left),
        (_("Registrations"), stats.registrations),
        (_("Registered persons (confirmed and pending)"), stats.registered_persons),
        (_("Confirmed persons"), stats.confirmed_persons),
        (_("Pending persons"), stats.pending_persons),
        (_("Waitlisted registrations"), stats.waitlisted),
        (_("Waitlisted persons"), stats.waitlisted_persons),
        (_("Cancelled or rejected registrations"), stats.cancelled),
    ]
    for row in rows:
        append_row(sheet, list(row))
    rate = append_row(sheet, [_("No-show rate"), stats.no_show_rate])
    rate[1].number_format = PERCENT_FORMAT
    sheet.append([])
    append_row(
        sheet,
        [
            _("Session"),
            _("Starts"),
            _("Expected"),
            _("Attended"),
            _("Attended persons"),
            _("No-shows"),
            _("No-show rate"),
        ],
    )
    for number, session_stats in enumerate(stats.sessions, start=1):
        cells = append_row(
            sheet,
            [
                session_heading(number, session_stats.session),
                local_naive(session_stats.session.starts_at),
                session_stats.expected,
                session_stats.attended,
                session_stats.attended_persons,
                session_stats.no_shows,
                session_stats.no_show_rate,
            ],
        )
        cells[1].number_format = DATETIME_FORMAT
        cells[6].number_format = PERCENT_FORMAT
    for index, width in enumerate([34, 18, 10, 10, 12, 10, 12], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet["A1"].font = Font(bold=True)


def export_filename(event, today=None):
    today = today or timezone.localdate()
    title = safe_filename(event.title, event.pk)
    label = _("registration list")
    return f"{title}-{label}-{today:%Y%m%d}.xlsx"


def registrations_response(request, event):
    fallback = f"event-{event.pk}-registrations-{timezone.localdate():%Y%m%d}.xlsx"
    audit = (request, event, _("the registration list of “%(event)s”") % {"event": event.title}, {})
    return workbook_response(registrations_workbook(event), export_filename(event), fallback, audit)


__all__ = ["content_disposition", "export_filename", "registrations_response", "registrations_workbook"]
