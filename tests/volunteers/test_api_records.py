"""Service records, hours, stars, corrections and certificates through the real /graphql/ endpoint,
each error code included."""

import datetime

import pytest
from django.utils import timezone

from tests.volunteers.api import done, make_record, mutate, refused
from tests.volunteers.factories import make_organizer, make_user, make_volunteer
from volunteers import services
from volunteers.models import (
    Certificate,
    CorrectionStatus,
    RecordStatus,
    ServiceRecord,
    ShiftSignup,
    SignupStatus,
    VolunteerStatus,
)

pytestmark = pytest.mark.django_db

RECORD = """record { id hours maxHours status voidReason activityName
    changes { field oldValue newValue reason changedBy } }"""


@pytest.fixture
def pending(organizer, shift, volunteer):
    """A pending record of the 2-hour shift, 2 hours, from check-in and check-out."""
    signup = ShiftSignup.objects.create(volunteer=volunteer, shift=shift, status=SignupStatus.CONFIRMED)
    services.check_in_volunteer(signup.pk, by=organizer, at=shift.starts_at)
    return services.check_out_volunteer(signup.pk, by=organizer, at=shift.ends_at)


def record_input(record, **fields):
    return {"recordId": str(record.pk), **fields}


# --- the volunteer's records, hours and stars ------------------------------------------------------


def test_my_records_hours_and_stars(gql, org, volunteer, settings):
    settings.VOLUNTEER_STAR_THRESHOLDS = (10, 20)
    make_record(volunteer, hours="8.00", name="旧的", date=timezone.localdate() - datetime.timedelta(days=9))
    make_record(volunteer, hours="4.50", name="新的")
    make_record(volunteer, hours="3.00", status=RecordStatus.PENDING, name="待审")
    make_record(volunteer, hours="9.00", status=RecordStatus.VOIDED, name="作废")
    make_record(make_volunteer(org["community"]), hours="30.00")
    query = """query ($status: ServiceRecordStatus) { myServiceRecords(status: $status) {
        totalCount items { activityName hours status } } myVolunteerProfile { totalHours starLevel
        nextStarThreshold hoursToNextStar } }"""
    assert gql(query)["myServiceRecords"] == {"totalCount": 0, "items": []}
    gql.login(volunteer.user)
    data = gql(query)
    assert data["myServiceRecords"]["totalCount"] == 4
    assert data["myVolunteerProfile"] == {
        "totalHours": "12.50",
        "starLevel": 1,
        "nextStarThreshold": "20",
        "hoursToNextStar": "7.50",
    }
    approved = gql(query, {"status": "APPROVED"})["myServiceRecords"]["items"]
    assert approved == [
        {"activityName": "新的", "hours": "4.50", "status": "APPROVED"},
        {"activityName": "旧的", "hours": "8.00", "status": "APPROVED"},
    ]
    make_record(volunteer, hours="8.00")
    profile = gql(query)["myVolunteerProfile"]
    assert (profile["starLevel"], profile["nextStarThreshold"], profile["hoursToNextStar"]) == (2, None, None)


def test_records_to_review_are_the_recording_units(gql, org, organizer, pending, volunteer):
    make_record(volunteer, status=RecordStatus.PENDING, unit=org["other_district"])
    query = """{ serviceRecordsToReview { totalCount items { id canReview maxHours
        volunteer { realName } organization { name } } } }"""
    assert gql(query)["serviceRecordsToReview"] is None
    gql.login(volunteer.user)
    assert gql(query)["serviceRecordsToReview"] is None
    gql.login(organizer)
    assert gql(query)["serviceRecordsToReview"] == {
        "totalCount": 1,
        "items": [
            {
                "id": str(pending.pk),
                "canReview": True,
                "maxHours": "2.00",
                "volunteer": {"realName": "王小红"},
                "organization": {"name": "天宁区妇联"},
            }
        ],
    }
    approved = gql("{ serviceRecordsToReview(status: APPROVED) { totalCount } }")
    assert approved["serviceRecordsToReview"]["totalCount"] == 0


# --- approveServiceRecord --------------------------------------------------------------------------


def approve(gql, record, **fields):
    return mutate(gql, "approveServiceRecord", record_input(record, **fields), RECORD)


def test_approve_with_other_hours_needs_a_reason(gql, organizer, pending):
    gql.login(organizer)
    refused(approve(gql, pending, hours="3"), ("reason", "REASON_REQUIRED"), key="record")
    refused(approve(gql, pending, hours="24.5", reason="x"), ("hours", "INVALID_HOURS"), key="record")
    refused(approve(gql, pending, hours="1.005", reason="x"), ("hours", "INVALID_HOURS"), key="record")
    refused(approve(gql, pending, reason="x" * 201), ("reason", "INVALID"), key="record")
    record = done(approve(gql, pending, hours="3", reason="提前到场布置"), "record")
    assert (record["hours"], record["status"]) == ("3.00", "APPROVED")  # above the shift's 2 h: allowed here
    assert [change["field"] for change in record["changes"]] == ["hours", "status"]
    assert record["changes"][0]["reason"] == "提前到场布置"
    assert record["changes"][0]["changedBy"] == "天宁组织者"
    refused(approve(gql, pending), (None, "RECORD_NOT_PENDING"), key="record")


def test_approve_refusals(gql, org, pending):
    refused(approve(gql, pending), (None, "UNAUTHENTICATED"), key="record")
    gql.login(make_organizer(org["community"]))  # the volunteer's unit, not the recording one
    refused(approve(gql, pending), (None, "PERMISSION_DENIED"), key="record")
    gql.login(make_organizer(org["district"]))
    refused(
        mutate(gql, "approveServiceRecord", {"recordId": "0"}, RECORD),
        ("recordId", "NOT_FOUND"),
        key="record",
    )
    assert ServiceRecord.objects.get().status == RecordStatus.PENDING


# --- correctServiceRecord and voidServiceRecord ----------------------------------------------------


def correct(gql, record, **fields):
    return mutate(gql, "correctServiceRecord", record_input(record, **fields), RECORD)


def test_correct_keeps_each_change(gql, organizer, pending):
    gql.login(organizer)
    record = done(correct(gql, pending, reason="现场记录有误", hours="1.5", place="二楼活动室"), "record")
    assert record["hours"] == "1.50"
    changes = {change["field"]: (change["oldValue"], change["newValue"]) for change in record["changes"]}
    assert changes == {"hours": ("2.00", "1.50"), "place": ("天宁区妇女儿童活动中心", "二楼活动室")}
    refused(correct(gql, pending, reason="x", hours="2.5"), ("hours", "HOURS_ABOVE_CAP"), key="record")
    refused(correct(gql, pending, reason="x", hours="-1"), ("hours", "INVALID_HOURS"), key="record")
    refused(correct(gql, pending, reason="x", place="二楼活动室"), (None, "NOTHING_CHANGED"), key="record")
    refused(correct(gql, pending, reason=" ", place="三楼"), ("reason", "REASON_REQUIRED"), key="record")
    refused(correct(gql, pending, reason="x", activityName=" "), ("activityName", "REQUIRED"), key="record")
    refused(correct(gql, pending, reason="x", place="x" * 121), ("place", "INVALID"), key="record")


def void(gql, record, reason="重复记录"):
    return mutate(gql, "voidServiceRecord", record_input(record, reason=reason), RECORD)


def test_void_then_nothing_changes(gql, org, organizer, pending, volunteer):
    request = services.request_correction(volunteer.user, pending.pk, message="时长不对")
    refused(void(gql, pending), (None, "UNAUTHENTICATED"), key="record")
    gql.login(make_organizer(org["other_district"]))
    refused(void(gql, pending), (None, "PERMISSION_DENIED"), key="record")
    gql.login(organizer)
    refused(void(gql, pending, reason=""), ("reason", "REASON_REQUIRED"), key="record")
    record = done(void(gql, pending), "record")
    assert (record["status"], record["voidReason"]) == ("VOIDED", "重复记录")
    request.refresh_from_db()
    assert request.status == CorrectionStatus.DECLINED
    refused(void(gql, pending), (None, "RECORD_VOIDED"), key="record")
    refused(correct(gql, pending, reason="x", hours="1"), (None, "RECORD_VOIDED"), key="record")
    assert ServiceRecord.objects.filter(pk=pending.pk).exists()


# --- addManualServiceRecord ------------------------------------------------------------------------


def add_manual(gql, volunteer, **fields):
    input = {
        "volunteerId": str(getattr(volunteer, "pk", volunteer)),
        "activityName": "敬老院慰问",
        "serviceDate": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "place": "天宁区敬老院",
        "hours": "3",
        **fields,
    }
    return mutate(gql, "addManualServiceRecord", input, "record { status hours organization { name } }")


def test_add_manual_record(gql, org, organizer, volunteer):
    gql.login(organizer)
    assert done(add_manual(gql, volunteer), "record") == {
        "status": "APPROVED",
        "hours": "3.00",
        "organization": {"name": "华润国际社区"},
    }
    record = done(add_manual(gql, volunteer, organizationId=str(org["district"].pk)), "record")
    assert record["organization"] == {"name": "天宁区妇联"}
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    refused(add_manual(gql, volunteer, serviceDate=tomorrow), ("serviceDate", "INVALID"), key="record")
    refused(add_manual(gql, volunteer, hours="25"), ("hours", "INVALID_HOURS"), key="record")
    refused(add_manual(gql, volunteer, place=""), ("place", "REQUIRED"), key="record")
    refused(add_manual(gql, 999999), ("volunteerId", "NOT_FOUND"), key="record")
    refused(
        add_manual(gql, volunteer, organizationId="999999"), ("organizationId", "NOT_FOUND"), key="record"
    )
    applied = make_volunteer(org["community"], status=VolunteerStatus.APPLIED)
    refused(add_manual(gql, applied), (None, "NOT_APPROVED"), key="record")
    refused(
        add_manual(gql, volunteer, organizationId=str(org["city"].pk)),
        (None, "PERMISSION_DENIED"),
        key="record",
    )
    gql.logout()
    refused(add_manual(gql, volunteer), (None, "UNAUTHENTICATED"), key="record")
    assert ServiceRecord.objects.count() == 2


# --- corrections -----------------------------------------------------------------------------------

CORRECTION = "correctionRequest { id status message proposedHours response record { id hours } }"


def ask(gql, record, message="实际服务了 1.5 小时", **fields):
    return mutate(gql, "requestRecordCorrection", record_input(record, message=message, **fields), CORRECTION)


def decide(gql, request_id, accept, **fields):
    input = {"requestId": str(request_id), "accept": accept, **fields}
    return mutate(gql, "decideCorrectionRequest", input, CORRECTION)


def test_ask_then_the_organizer_accepts(gql, organizer, pending, volunteer):
    gql.login(volunteer.user)
    request = done(ask(gql, pending, proposedHours="1.5"), "correctionRequest")
    assert (request["status"], request["proposedHours"]) == ("OPEN", "1.50")
    refused(ask(gql, pending), (None, "CORRECTION_ALREADY_OPEN"), key="correctionRequest")
    mine = gql("{ myCorrectionRequests { totalCount items { id status } } }")["myCorrectionRequests"]
    assert mine == {"totalCount": 1, "items": [{"id": request["id"], "status": "OPEN"}]}
    opened = gql("{ myServiceRecords { items { openCorrectionRequest { id } } } }")["myServiceRecords"]
    assert opened["items"] == [{"openCorrectionRequest": {"id": request["id"]}}]
    assert gql("{ correctionRequestsToDecide { totalCount } }")["correctionRequestsToDecide"] is None

    gql.login(organizer)
    to_decide = gql("{ correctionRequestsToDecide { totalCount items { id } } }")[
        "correctionRequestsToDecide"
    ]
    assert to_decide == {"totalCount": 1, "items": [{"id": request["id"]}]}
    decided = done(decide(gql, request["id"], True), "correctionRequest")
    assert (decided["status"], decided["record"]["hours"]) == ("ACCEPTED", "1.50")
    refused(decide(gql, request["id"], True), (None, "CORRECTION_NOT_OPEN"), key="correctionRequest")


def test_decline_needs_a_response_and_accepting_checks_the_hours(gql, organizer, pending, volunteer):
    request = services.request_correction(volunteer.user, pending.pk, message="时长不对")
    gql.login(organizer)
    refused(decide(gql, request.pk, False), ("response", "REASON_REQUIRED"), key="correctionRequest")
    refused(decide(gql, request.pk, True, hours="5"), ("hours", "HOURS_ABOVE_CAP"), key="correctionRequest")
    refused(decide(gql, request.pk, True, hours="30"), ("hours", "INVALID_HOURS"), key="correctionRequest")
    declined = done(decide(gql, request.pk, False, response="以签到记录为准"), "correctionRequest")
    assert (declined["status"], declined["response"], declined["record"]["hours"]) == (
        "DECLINED",
        "以签到记录为准",
        "2.00",
    )


def test_accepting_on_a_voided_record_is_refused(gql, organizer, pending, volunteer):
    request = services.request_correction(volunteer.user, pending.pk, message="时长不对")
    services.void_record(pending.pk, by=organizer, reason="重复")
    request.status = CorrectionStatus.OPEN  # reopened by hand: voiding declines open requests
    request.save()
    gql.login(organizer)
    refused(decide(gql, request.pk, True, hours="1"), (None, "RECORD_VOIDED"), key="correctionRequest")


def test_decide_refusals(gql, org, pending, volunteer):
    request = services.request_correction(volunteer.user, pending.pk, message="时长不对")
    refused(decide(gql, request.pk, True), (None, "UNAUTHENTICATED"), key="correctionRequest")
    gql.login(volunteer.user)
    refused(decide(gql, request.pk, True), (None, "PERMISSION_DENIED"), key="correctionRequest")
    gql.login(make_organizer(org["other_district"]))
    refused(decide(gql, request.pk, True), (None, "PERMISSION_DENIED"), key="correctionRequest")
    refused(decide(gql, 999999, True), ("requestId", "NOT_FOUND"), key="correctionRequest")


def test_ask_refusals(gql, org, organizer, pending, volunteer):
    refused(ask(gql, pending), (None, "UNAUTHENTICATED"), key="correctionRequest")
    gql.login(make_user())
    refused(ask(gql, pending), (None, "NOT_A_VOLUNTEER"), key="correctionRequest")
    gql.login(make_volunteer(org["community"]).user)  # not their record
    refused(ask(gql, pending), ("recordId", "NOT_FOUND"), key="correctionRequest")
    gql.login(volunteer.user)
    refused(ask(gql, pending, message=" "), ("message", "REQUIRED"), key="correctionRequest")
    refused(ask(gql, pending, message="x" * 501), ("message", "INVALID"), key="correctionRequest")
    refused(
        ask(gql, pending, proposedHours="-2"), ("proposedHours", "INVALID_HOURS"), key="correctionRequest"
    )
    services.void_record(pending.pk, by=organizer, reason="重复")
    refused(ask(gql, pending), (None, "RECORD_VOIDED"), key="correctionRequest")


# --- certificates ----------------------------------------------------------------------------------

CERTIFICATE = """certificate { number periodStart periodEnd totalHours activityCount issuer { name }
    pdfUrl verificationUrl }"""


def request_certificate(gql, start, end):
    input = {"periodStart": start.isoformat(), "periodEnd": end.isoformat()}
    return mutate(gql, "requestVolunteerCertificate", input, CERTIFICATE)


def test_the_volunteer_gets_a_certificate_from_their_unit(gql, client, org, volunteer):
    day = timezone.localdate() - datetime.timedelta(days=1)
    make_record(volunteer, hours="2.50", date=day, unit=org["district"])
    make_record(volunteer, hours="1.00", date=day, status=RecordStatus.PENDING)
    gql.login(volunteer.user)
    certificate = done(request_certificate(gql, day, day), "certificate")
    number = Certificate.objects.get().number
    assert certificate == {
        "number": number,
        "periodStart": day.isoformat(),
        "periodEnd": day.isoformat(),
        "totalHours": "2.50",
        "activityCount": 1,
        "issuer": {"name": "华润国际社区"},
        "pdfUrl": f"http://testserver/volunteers/certificates/{number}.pdf",
        "verificationUrl": certificate["verificationUrl"],
    }
    assert certificate["verificationUrl"].endswith(f"/volunteers/verify/{number}/")
    assert Certificate.objects.get().issued_by == volunteer.user
    response = client.get(f"/volunteers/certificates/{number}.pdf")
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    listed = gql("{ myCertificates { totalCount items { number totalHours } } }")["myCertificates"]
    assert listed == {"totalCount": 1, "items": [{"number": number, "totalHours": "2.50"}]}


def test_certificate_refusals(gql, volunteer):
    day = timezone.localdate()
    refused(request_certificate(gql, day, day), (None, "UNAUTHENTICATED"), key="certificate")
    assert gql("{ myCertificates { totalCount } }")["myCertificates"]["totalCount"] == 0
    gql.login(make_user())
    refused(request_certificate(gql, day, day), (None, "NOT_A_VOLUNTEER"), key="certificate")
    gql.login(volunteer.user)
    refused(request_certificate(gql, day, day), (None, "NO_RECORDS"), key="certificate")
    yesterday = day - datetime.timedelta(days=1)
    refused(request_certificate(gql, day, yesterday), ("periodEnd", "INVALID_PERIOD"), key="certificate")
    assert not Certificate.objects.exists()


def test_records_to_review_by_unit(gql, org, volunteer):
    make_record(volunteer, status=RecordStatus.PENDING, unit=org["district"])
    make_record(volunteer, status=RecordStatus.PENDING, unit=org["community"])
    gql.login(make_organizer(org["city"]))
    query = (
        """query ($unit: ID) { serviceRecordsToReview(orgUnit: $unit) { items { organization { name } } } }"""
    )
    names = [item["organization"]["name"] for item in gql(query)["serviceRecordsToReview"]["items"]]
    assert sorted(names) == ["华润国际社区", "天宁区妇联"]
    only = gql(query, {"unit": str(org["street"].pk)})["serviceRecordsToReview"]["items"]
    assert only == [{"organization": {"name": "华润国际社区"}}]
