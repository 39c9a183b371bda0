"""An event's registrations as an Excel workbook (openpyxl), for the organizers' paperwork.

Sheet one: one row per registration (every status, in registration order) with name, phone,
party size, companions, status, time of registration, one column per question and one per
session (checked in or not). Sheet two: the statistics. Headers are in the admin's language
(Chinese first).
"""

import re
from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from events.admin.stats import event_stats
from events.models import CheckIn, QuestionKind, Registration

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0.0%"
_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_SHEET_TITLE_MAX = 31


def _local(value):
    """Excel has no time zones: the local wall-clock time, naive."""
    return timezone.localtime(value).replace(tzinfo=None) if value else None


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


def _append(sheet, values):
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        # A name like "=HYPERLINK(...)" stays text, never a formula.
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"
    return sheet[sheet.max_row]


def _bold_header(sheet, widths):
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    sheet.freeze_panes = "A2"


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
    sheet.title = _("Registrations")[:_SHEET_TITLE_MAX]
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
    _append(sheet, headers)
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
            _local(registration.created_at),
        ]
        row += [_answer(question, answers.get(str(question.pk))) for question in questions]
        row += [
            checked_in if (registration.pk, session.pk) in attended else not_checked_in
            for session in sessions
        ]
        cells = _append(sheet, row)
        cells[5].number_format = DATETIME_FORMAT
    _bold_header(sheet, [14, 16, 8, 28, 14, 18] + [18] * (len(questions) + len(sessions)))
    _statistics_sheet(workbook.create_sheet(_("Statistics")[:_SHEET_TITLE_MAX]), event)
    return workbook


def _statistics_sheet(sheet, event):
    stats = event_stats(event)
    _append(sheet, [_("Event"), event.title])
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
        _append(sheet, list(row))
    rate = _append(sheet, [_("No-show rate"), stats.no_show_rate])
    rate[1].number_format = PERCENT_FORMAT
    sheet.append([])
    _append(
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
        cells = _append(
            sheet,
            [
                session_heading(number, session_stats.session),
                _local(session_stats.session.starts_at),
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
    title = _UNSAFE_FILENAME.sub("_", event.title).strip(" ._") or str(event.pk)
    label = _("registration list")
    return f"{title}-{label}-{today:%Y%m%d}.xlsx"


def content_disposition(filename, fallback):
    """``attachment`` with an ASCII ``filename`` for old clients and the real one as RFC 5987
    ``filename*`` (UTF-8, percent-encoded)."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def registrations_response(event):
    buffer = BytesIO()
    registrations_workbook(event).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    fallback = f"event-{event.pk}-registrations-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = content_disposition(export_filename(event), fallback)
    response["Cache-Control"] = "private, no-store"  # phone numbers
    return response


__all__ = ["content_disposition", "export_filename", "registrations_response", "registrations_workbook"]
