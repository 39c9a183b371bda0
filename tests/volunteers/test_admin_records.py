"""The hours review in the admin: pending records of the units the organizer manages; approve
(also above the shift's length, with a reason), correct (history kept), void, manual records and
correction requests, each through ``volunteers.services``; refusals are messages or form errors."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.volunteers import factories
from tests.volunteers.admin_helpers import admin_url, messages_of, refused, staff_client
from volunteers import services
from volunteers.models import CorrectionStatus, RecordChange, RecordSource, RecordStatus, ServiceRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, organizer):
    return staff_client(client, organizer)


def attended(shift, volunteer, by):
    """The volunteer served the whole shift: assigned, checked in and out; the pending record."""
    signup = services.assign(volunteer.pk, shift.pk, by=by)
    services.check_in_volunteer(signup.pk, by=by, at=shift.starts_at)
    return services.check_out_volunteer(signup.pk, by=by, at=shift.ends_at)


@pytest.fixture
def record(shift, volunteer, organizer):
    return attended(shift, volunteer, organizer)  # 2.00 h, recorded by the district


@pytest.fixture
def foreign_record(org):
    """A pending record of another district (金坛区)."""
    other = factories.make_organizer(org["other_district"])
    shift = factories.make_shift(org["other_district"])
    volunteer = factories.make_volunteer(org["other_district"], name="赵外区")
    return attended(shift, volunteer, other)


def listed(response):
    assert response.status_code == 200
    return list(response.context["page"].object_list)


def test_review_lists_pending_records_of_managed_units(staff, record, foreign_record):
    assert listed(staff.get(admin_url("records"))) == [record]
    services.approve_record(record.pk, by=record.recorder)
    assert listed(staff.get(admin_url("records"))) == []
    assert listed(staff.get(admin_url("records"), {"status": "approved"})) == [record]
    assert listed(staff.get(admin_url("records"), {"status": "all", "q": "王小红"})) == [record]


def test_review_filters_by_recording_unit_and_dates(staff, org, record):
    assert listed(staff.get(admin_url("records"), {"unit": org["district"].pk})) == [record]
    assert listed(staff.get(admin_url("records"), {"unit": org["community"].pk})) == []
    day = record.service_date.isoformat()
    assert listed(staff.get(admin_url("records"), {"start": day, "end": day})) == [record]
    later = (record.service_date + datetime.timedelta(days=1)).isoformat()
    assert listed(staff.get(admin_url("records"), {"start": later})) == []
    # a unit the organizer does not manage is not a choice: nothing is listed
    assert listed(staff.get(admin_url("records"), {"unit": org["other_district"].pk})) == []


def test_approve_as_recorded(staff, record):
    response = staff.post(admin_url("approve_record", record.pk), {"next": admin_url("records")})
    assert response["Location"] == admin_url("records")
    record.refresh_from_db()
    assert record.status == RecordStatus.APPROVED and record.hours == Decimal("2.00")


def test_approve_above_the_cap_needs_a_reason_and_is_kept_in_the_history(staff, record):
    response = staff.post(admin_url("approve_record", record.pk), {"hours": "3"})
    assert response.status_code == 302 and messages_of(response)  # REASON_REQUIRED as a message
    record.refresh_from_db()
    assert record.status == RecordStatus.PENDING and record.hours == Decimal("2.00")

    staff.post(admin_url("approve_record", record.pk), {"hours": "3", "reason": "会后整理场地一小时"})
    record.refresh_from_db()
    assert record.status == RecordStatus.APPROVED and record.hours == Decimal("3.00")
    change = record.changes.get(field="hours")
    assert (change.old_value, change.new_value, change.reason) == ("2.00", "3.00", "会后整理场地一小时")
    html = staff.get(admin_url("record", record.pk)).content.decode()
    assert "会后整理场地一小时" in html


def test_bad_hours_are_a_message(staff, record):
    response = staff.post(admin_url("approve_record", record.pk), {"hours": "abc", "reason": "x"})
    assert response.status_code == 302 and messages_of(response)
    record.refresh_from_db()
    assert record.status == RecordStatus.PENDING


def correction_data(record, **changes):
    data = {field: getattr(record, field) for field in services.CORRECTABLE_FIELDS}
    data["service_date"] = record.service_date.isoformat()
    data.update(changes)
    return data


def test_correct_record_keeps_the_history(staff, record):
    assert staff.get(admin_url("correct_record", record.pk)).status_code == 200
    response = staff.post(
        admin_url("correct_record", record.pk),
        correction_data(record, place="天宁区妇女儿童活动中心二楼", evaluation="认真负责", reason="地点写错"),
    )
    assert response.status_code == 302 and response["Location"] == admin_url("record", record.pk)
    record.refresh_from_db()
    assert record.place == "天宁区妇女儿童活动中心二楼" and record.evaluation == "认真负责"
    assert set(record.changes.values_list("field", flat=True)) == {"place", "evaluation"}
    html = staff.get(admin_url("record", record.pk)).content.decode()
    assert "地点写错" in html and "认真负责" in html


def test_correction_above_the_cap_is_refused_on_the_form(staff, record):
    response = staff.post(
        admin_url("correct_record", record.pk), correction_data(record, hours="5", reason="多记")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["hours"]
    record.refresh_from_db()
    assert record.hours == Decimal("2.00") and not record.changes.exists()


def test_correction_that_changes_nothing_is_refused_on_the_form(staff, record):
    response = staff.post(admin_url("correct_record", record.pk), correction_data(record, reason="核对"))
    assert response.status_code == 200 and response.context["form"].non_field_errors()


def test_void_needs_a_reason(staff, record):
    response = staff.post(admin_url("void_record", record.pk), {"reason": ""})
    assert messages_of(response)
    record.refresh_from_db()
    assert record.status == RecordStatus.PENDING
    staff.post(admin_url("void_record", record.pk), {"reason": "重复记录"})
    record.refresh_from_db()
    assert record.status == RecordStatus.VOIDED and record.void_reason == "重复记录"
    assert ServiceRecord.objects.filter(pk=record.pk).exists()  # never deleted


def test_manual_record(staff, volunteer):
    assert staff.get(admin_url("add_record"), {"volunteer": volunteer.number}).status_code == 200
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = staff.post(
        admin_url("add_record"),
        {
            "volunteer": volunteer.number.lower(),
            "activity_name": "社区反诈宣传",
            "service_date": yesterday.isoformat(),
            "place": "菱溪社区",
            "hours": "1.5",
            "service_object": "社区居民",
        },
    )
    record = ServiceRecord.objects.get(activity_name="社区反诈宣传")
    assert response["Location"] == admin_url("record", record.pk)
    assert record.status == RecordStatus.APPROVED and record.source == RecordSource.MANUAL
    assert record.volunteer == volunteer and record.hours == Decimal("1.50")


def test_manual_record_refusals_show_on_the_form(staff, org):
    data = {"activity_name": "走访", "service_date": "2020-01-01", "place": "某地", "hours": "1"}
    response = staff.post(admin_url("add_record"), {**data, "volunteer": "CZ0000"})
    assert response.status_code == 200 and response.context["form"].errors["volunteer"]
    stranger = factories.make_volunteer(org["other_district"])
    response = staff.post(admin_url("add_record"), {**data, "volunteer": stranger.number})
    assert response.status_code == 200 and response.context["form"].non_field_errors()  # not their unit
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    volunteer = factories.make_volunteer(org["community"])
    response = staff.post(
        admin_url("add_record"), {**data, "volunteer": volunteer.number, "service_date": tomorrow.isoformat()}
    )
    assert response.context["form"].errors["service_date"]
    assert not ServiceRecord.objects.exists()


def test_correction_requests_accept_and_decline(staff, record, volunteer, organizer):
    services.approve_record(record.pk, by=organizer)
    request = services.request_correction(
        volunteer.user, record.pk, message="我提前到了", proposed_hours="1.5"
    )
    response = staff.get(admin_url("corrections"))
    assert list(response.context["page"].object_list) == [request]
    staff.post(admin_url("accept_correction", request.pk), {"hours": "", "response": ""})
    request.refresh_from_db()
    record.refresh_from_db()
    assert request.status == CorrectionStatus.ACCEPTED and record.hours == Decimal("1.50")

    second = services.request_correction(volunteer.user, record.pk, message="再核对一下")
    response = staff.post(admin_url("decline_correction", second.pk), {"response": ""})
    assert messages_of(response)  # a decline needs a response
    second.refresh_from_db()
    assert second.status == CorrectionStatus.OPEN
    staff.post(admin_url("decline_correction", second.pk), {"response": "签到记录无误"})
    second.refresh_from_db()
    assert second.status == CorrectionStatus.DECLINED and second.response == "签到记录无误"


def test_another_units_records_are_refused(staff, foreign_record):
    assert listed(staff.get(admin_url("records"))) == []
    for name in ("record", "correct_record"):
        assert refused(staff.get(admin_url(name, foreign_record.pk))), name
    for name, data in (("approve_record", {}), ("void_record", {"reason": "越权"})):
        assert refused(staff.post(admin_url(name, foreign_record.pk), data)), name
    request = services.request_correction(foreign_record.volunteer.user, foreign_record.pk, message="少记了")
    assert list(staff.get(admin_url("corrections")).context["page"].object_list) == []
    assert refused(staff.post(admin_url("decline_correction", request.pk), {"response": "x"}))
    foreign_record.refresh_from_db()
    request.refresh_from_db()
    assert foreign_record.status == RecordStatus.PENDING and request.status == CorrectionStatus.OPEN
    assert not RecordChange.objects.exists()
