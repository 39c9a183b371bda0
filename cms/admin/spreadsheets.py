"""Excel workbooks (openpyxl) for the organizers' paperwork, served as downloads.

Text that people typed (names, places, answers) goes into cells as text, never as a formula:
``append_row`` stores a value starting with "=" as a string (openpyxl would otherwise write a
formula, e.g. ``=HYPERLINK(...)``, that Excel runs on opening).
"""

import re
from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from cms.admin.audit import log_export

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
SHEET_TITLE_MAX = 31
_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def local_naive(value):
    """Excel has no time zones: the local wall-clock time, naive."""
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def append_row(sheet, values):
    """Append ``values`` as a row; returns its cells. Strings never become formulas."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        # A name like "=HYPERLINK(...)" stays text, never a formula.
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"
    return sheet[sheet.max_row]


def bold_header(sheet, widths):
    """Column widths, a bold wrapped first row, and the first row frozen."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    sheet.freeze_panes = "A2"


def safe_filename(text, default):
    """``text`` without the characters that break file names (``default`` if nothing is left)."""
    return _UNSAFE_FILENAME.sub("_", text).strip(" ._") or str(default)


def content_disposition(filename, fallback):
    """``attachment`` with an ASCII ``filename`` for old clients and the real one as RFC 5987
    ``filename*`` (UTF-8, percent-encoded)."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def workbook_response(workbook, filename, fallback, audit):
    """The workbook as a private download (it holds personal data: never cached), logged as an
    export (``audit``: the request, the object and what it is, for cms.admin.audit)."""
    request, instance, what, details = audit
    log_export(request, instance, what, workbook.active.max_row - 1, **details)
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = content_disposition(filename, fallback)
    response["Cache-Control"] = "private, no-store"
    return response
