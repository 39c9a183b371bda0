"""Volunteers and service records as Excel workbooks (openpyxl), for the organizers' paperwork.

- ``volunteers_workbook``: one row per volunteer; the ID number masked (the stored
  ``id_number_masked``) unless ``full_ids`` (the caller checked ``volunteers.view_full_id_number``),
  then decrypted by ``volunteers.identity``.
- ``records_workbook``: one row per service record with the national fields (《志愿服务记录与证明
  出具办法》): activity, date, place, service object, content, hours, evaluation, responsible
  person, recorder, organization, the volunteer's name and number.

Headers are the models' field names in the admin's language (Chinese first). Every cell goes
through ``cms.admin.spreadsheets.append_row``: typed text never becomes a formula.
"""

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook

from cms.admin.spreadsheets import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    SHEET_TITLE_MAX,
    append_row,
    bold_header,
    local_naive,
    workbook_response,
)
from volunteers.identity import reveal_id_number
from volunteers.models import ServiceRecord, Volunteer
from volunteers.selectors import hours_by_volunteer
from volunteers.services import CORRECTABLE_FIELDS, display_name

CHUNK = 500


def _label(model, field):
    return str(capfirst(model._meta.get_field(field).verbose_name))


def _sheet(workbook, title):
    sheet = workbook.active
    sheet.title = str(title)[:SHEET_TITLE_MAX]
    return sheet


def volunteers_workbook(volunteers, *, full_ids=False):
    """``volunteers`` (a queryset the caller scoped to what the person manages) as a workbook."""
    workbook = Workbook()
    sheet = _sheet(workbook, _("Volunteers"))
    fields = ("number", "real_name", "gender", "birth_date", "id_number_masked", "phone", "org_unit")
    headers = [_label(Volunteer, field) for field in fields]
    headers += [_("Skills"), _label(Volunteer, "status"), _("Approved hours")]
    headers += [_label(Volunteer, field) for field in ("applied_at", "approved_at")]
    append_row(sheet, headers)
    hours = hours_by_volunteer(volunteers)
    rows = volunteers.select_related("org_unit").prefetch_related("skills")
    for volunteer in rows.iterator(chunk_size=CHUNK):
        id_number = reveal_id_number(volunteer) if full_ids else volunteer.id_number_masked
        cells = append_row(
            sheet,
            [
                volunteer.number or "",
                volunteer.real_name,
                volunteer.get_gender_display(),
                volunteer.birth_date,
                id_number or volunteer.id_number_masked,
                volunteer.phone,
                volunteer.org_unit.name,
                "、".join(skill.name for skill in volunteer.skills.all()),
                volunteer.get_status_display(),
                hours.get(volunteer.pk, 0),
                local_naive(volunteer.applied_at),
                local_naive(volunteer.approved_at),
            ],
        )
        cells[3].number_format = DATE_FORMAT
        cells[10].number_format = cells[11].number_format = DATETIME_FORMAT
    bold_header(sheet, [16, 12, 8, 12, 22, 16, 20, 24, 10, 10, 18, 18])
    return workbook


# The national fields, in the order of the record's correctable ones, then who recorded it.
RECORD_FIELDS = (*CORRECTABLE_FIELDS, "recorder", "organization")


def records_workbook(records):
    """``records`` (a queryset the caller scoped) with the national fields, one row each."""
    workbook = Workbook()
    sheet = _sheet(workbook, _("Service records"))
    headers = [_("Volunteer name"), _label(Volunteer, "number")]
    headers += [_label(ServiceRecord, field) for field in RECORD_FIELDS]
    headers += [_label(ServiceRecord, field) for field in ("status", "source", "created_at")]
    append_row(sheet, headers)
    rows = records.select_related("volunteer", "recorder", "organization").order_by("service_date", "pk")
    for record in rows.iterator(chunk_size=CHUNK):
        cells = append_row(
            sheet,
            [
                record.volunteer.real_name,
                record.volunteer.number or "",
                record.activity_name,
                record.service_date,
                record.place,
                record.service_object,
                record.content,
                record.hours,
                record.evaluation,
                record.responsible_person,
                display_name(record.recorder),
                record.organization.name,
                record.get_status_display(),
                record.get_source_display(),
                local_naive(record.created_at),
            ],
        )
        cells[3].number_format = DATE_FORMAT
        cells[14].number_format = DATETIME_FORMAT
    bold_header(sheet, [12, 16, 24, 12, 20, 16, 30, 8, 16, 12, 12, 20, 10, 14, 18])
    return workbook


def _today():
    return timezone.localdate()


def volunteers_response(request, volunteers, *, full_ids=False):
    today = _today()
    return workbook_response(
        volunteers_workbook(volunteers, full_ids=full_ids),
        f"{_('volunteers')}-{today:%Y%m%d}.xlsx",
        f"volunteers-{today:%Y%m%d}.xlsx",
        (request, request.user, _("the volunteer list"), {"full_id_numbers": full_ids}),
    )


def records_response(request, records):
    today = _today()
    return workbook_response(
        records_workbook(records),
        f"{_('service records')}-{today:%Y%m%d}.xlsx",
        f"service-records-{today:%Y%m%d}.xlsx",
        (request, request.user, _("service records"), {}),
    )


__all__ = ["records_response", "records_workbook", "volunteers_response", "volunteers_workbook"]
