"""The volunteers admin's Excel exports: volunteers (ID numbers masked unless the person has
``volunteers.view_full_id_number``) and service records with the national fields; only what the
organizer manages; typed text never becomes a formula."""

import datetime
from io import BytesIO

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone, translation
from openpyxl import load_workbook

from tests.volunteers import factories
from tests.volunteers.admin_helpers import admin_url, staff_client
from volunteers import services
from volunteers.identity import protect_id_number

pytestmark = pytest.mark.django_db


def with_id(unit, number, **fields):
    encrypted, hashed, masked = protect_id_number(number)
    return factories.make_volunteer(
        unit, id_number_encrypted=encrypted, id_number_hash=hashed, id_number_masked=masked, **fields
    )


@pytest.fixture
def id_number():
    return factories.make_id_number(birth=factories.adult_birth_date())


@pytest.fixture
def people(org, id_number):
    return {
        "mine": with_id(org["community"], id_number, name="王小红"),
        "formula": factories.make_volunteer(org["street"], name='=HYPERLINK("http://evil","点我")'),
        "other": factories.make_volunteer(org["other_district"], name="赵外区"),
    }


def workbook_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    return load_workbook(BytesIO(response.content))


def rows_of(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def column(sheet, header):
    rows = rows_of(sheet)
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]


def test_volunteers_export_masks_id_numbers_without_the_permission(client, organizer, people, id_number):
    staff_client(client, organizer, "en")
    response = client.get(admin_url("export_volunteers"))
    sheet = workbook_of(response).active
    names = column(sheet, "Real name")
    assert "王小红" in names and "赵外区" not in names  # scoped to the managed units
    ids = column(sheet, "ID number")
    mine = ids[names.index("王小红")]
    assert mine == f"{id_number[:4]}**********{id_number[-4:]}"
    assert id_number not in [cell for row in rows_of(sheet) for cell in row]


def test_volunteers_export_shows_full_id_numbers_with_the_permission(client, organizer, people, id_number):
    organizer.user_permissions.add(Permission.objects.get(codename="view_full_id_number"))
    staff_client(client, organizer, "en")
    sheet = workbook_of(client.get(admin_url("export_volunteers"))).active
    names = column(sheet, "Real name")
    assert column(sheet, "ID number")[names.index("王小红")] == id_number


def test_volunteers_export_follows_the_listing_filters(client, organizer, people, org):
    staff_client(client, organizer, "en")
    sheet = workbook_of(client.get(admin_url("export_volunteers"), {"q": "小红"})).active
    assert column(sheet, "Real name") == ["王小红"]


def test_typed_text_never_becomes_a_formula(client, organizer, people):
    staff_client(client, organizer)
    sheet = workbook_of(client.get(admin_url("export_volunteers"))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if str(cell.value).startswith("=HYPERLINK")]
    assert cells and all(cell.data_type == "s" for cell in cells)


def test_volunteers_export_headers_are_chinese_by_default(client, organizer, people):
    staff_client(client, organizer)
    response = client.get(admin_url("export_volunteers"))
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    headers = rows_of(workbook_of(response).active)[0]
    assert len(headers) == 12 and all(headers)
    assert "志愿者编号" in headers  # the model's translated field names


@pytest.fixture
def records(org, organizer, people):
    shift = factories.make_shift(org["district"], opportunity=None)
    opportunity = shift.role.opportunity
    opportunity.service_object = "社区老人"
    opportunity.save()
    volunteer = people["mine"]
    signup = services.assign(volunteer.pk, shift.pk, by=organizer)
    services.check_in_volunteer(signup.pk, by=organizer, at=shift.starts_at)
    attended = services.check_out_volunteer(signup.pk, by=organizer, at=shift.ends_at)
    manual = services.add_manual_record(
        by=organizer,
        volunteer_id=volunteer.pk,
        activity_name="反诈宣传",
        service_date=timezone.localdate() - datetime.timedelta(days=3),
        place="菱溪社区",
        hours="1.5",
        service_object="社区居民",
        content="发放宣传册",
        evaluation="优秀",
    )
    superuser = factories.make_superuser()
    other_shift = factories.make_shift(org["other_district"])
    other_signup = services.assign(people["other"].pk, other_shift.pk, by=superuser)
    services.check_in_volunteer(other_signup.pk, by=superuser, at=other_shift.starts_at)
    services.check_out_volunteer(other_signup.pk, by=superuser, at=other_shift.ends_at)
    return attended, manual


NATIONAL = [
    "Volunteer name",
    "Volunteer number",
    "Activity",
    "Date",
    "Place",
    "Served",
    "Service content",
    "Hours",
    "Evaluation",
    "Responsible person",
    "Recorder",
    "Organization",
]


def test_records_export_has_the_national_fields(client, org, organizer, records, people):
    attended, manual = records
    staff_client(client, organizer, "en")
    response = client.get(admin_url("export_records"), {"status": "all"})
    sheet = workbook_of(response).active
    rows = rows_of(sheet)
    assert rows[0][: len(NATIONAL)] == NATIONAL
    by_activity = {row[2]: row for row in rows[1:]}
    assert set(by_activity) == {attended.activity_name, "反诈宣传"}  # not the other district's
    row = by_activity["反诈宣传"]
    volunteer = people["mine"]
    assert row[:12] == [
        "王小红",
        volunteer.number,
        "反诈宣传",
        datetime.datetime.combine(manual.service_date, datetime.time()),
        "菱溪社区",
        "社区居民",
        "发放宣传册",
        1.5,
        "优秀",
        "天宁组织者",
        "天宁组织者",
        org["community"].name,
    ]
    assert by_activity[attended.activity_name][5] == "社区老人"


def test_records_export_defaults_to_the_review_queue(client, organizer, records):
    attended, _manual = records
    staff_client(client, organizer, "en")
    sheet = workbook_of(client.get(admin_url("export_records"))).active
    assert column(sheet, "Activity") == [attended.activity_name]  # pending only, like the listing


def test_exports_are_logged_with_their_rows_and_full_ids(client, organizer, people, records):
    from wagtail.models import ModelLogEntry

    organizer.user_permissions.add(Permission.objects.get(codename="view_full_id_number"))
    staff_client(client, organizer, "en")
    volunteers = rows_of(workbook_of(client.get(admin_url("export_volunteers"))).active)
    records_rows = rows_of(workbook_of(client.get(admin_url("export_records"), {"status": "all"})).active)
    entries = ModelLogEntry.objects.filter(action="yulan.export").order_by("pk")
    assert [(entry.user, entry.data["rows"]) for entry in entries] == [
        (organizer, len(volunteers) - 1),
        (organizer, len(records_rows) - 1),
    ]
    assert entries[0].data["full_id_numbers"] is True
    with translation.override("zh-hans"):
        assert "含完整身份证号" in entries[0].message
