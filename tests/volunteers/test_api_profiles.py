"""Applying, the profile, and organizers' approval through the real /graphql/ endpoint, each error
code included."""

import pytest
from django.utils import timezone

from tests.volunteers.api import done, mutate, refused, view_as
from tests.volunteers.factories import (
    adult_birth_date,
    make_id_number,
    make_organizer,
    make_skill,
    make_superuser,
    make_user,
    make_volunteer,
    years_ago,
)
from volunteers.identity import reveal_id_number
from volunteers.models import Volunteer, VolunteerAgreement, VolunteerStatus

pytestmark = pytest.mark.django_db

PROFILE = """volunteer { id realName gender status number orgUnit { id } skills { name } availability
    phone birthDate idNumberMasked emergencyContactName emergencyContactPhone guardianName guardianPhone
    consentVersion onPublicLeaderboard totalHours starLevel }"""


def application(org, **fields):
    return {
        "realName": "李小梅",
        "gender": "FEMALE",
        "birthDate": adult_birth_date().isoformat(),
        "phone": "13800000001",
        "orgUnitId": str(org["community"].pk),
        "consentVersion": "2026-01",
        **fields,
    }


def apply(gql, org, **fields):
    return mutate(gql, "applyAsVolunteer", application(org, **fields), PROFILE)


@pytest.fixture
def applicant(db):
    return make_user("李小梅")


# --- applyAsVolunteer ------------------------------------------------------------------------------


def test_apply_creates_an_application(gql, org, applicant):
    skill = make_skill("心理咨询")
    gql.login(applicant)
    number = make_id_number(adult_birth_date())
    volunteer = done(
        apply(
            gql,
            org,
            skills=[str(skill.pk)],
            idNumber=number,
            availability="周末上午",
            emergencyContactName="李大梅",
            emergencyContactPhone="13800000002",
        ),
        "volunteer",
    )
    assert volunteer["status"] == "APPLIED"
    assert volunteer["number"] is None
    assert volunteer["skills"] == [{"name": "心理咨询"}]
    assert volunteer["phone"] == "13800000001"
    assert volunteer["idNumberMasked"] == number[:4] + "*" * 10 + number[-4:]
    assert (volunteer["emergencyContactName"], volunteer["availability"]) == ("李大梅", "周末上午")
    stored = Volunteer.objects.get(user=applicant)
    assert reveal_id_number(stored) == number
    assert stored.consent_version == "2026-01"


def test_the_agreement_to_accept_is_the_published_one(gql, org, applicant):
    agreement = gql("{ volunteerAgreement { version text } }")["volunteerAgreement"]
    assert agreement["version"] == "2026-01" and "《志愿服务条例》" in agreement["text"]
    setting = VolunteerAgreement.load()
    setting.version, setting.text = "2027-01", "<p>新版协议</p>"
    setting.save()
    assert gql("{ volunteerAgreement { version text } }")["volunteerAgreement"] == {
        "version": "2027-01",
        "text": "<p>新版协议</p>",
    }
    gql.login(applicant)
    payload = apply(gql, org, consentVersion="2026-01")
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("consentVersion", "CONSENT_REQUIRED")]
    assert not Volunteer.objects.filter(user=applicant).exists()
    assert done(apply(gql, org, consentVersion="2027-01"), "volunteer")["consentVersion"] == "2027-01"


def test_a_minor_applies_with_the_guardian(gql, org, applicant):
    gql.login(applicant)
    volunteer = done(
        apply(
            gql,
            org,
            birthDate=years_ago(16).isoformat(),
            guardianName="李父",
            guardianPhone="13800000003",
            guardianConsent=True,
        ),
        "volunteer",
    )
    assert (volunteer["guardianName"], volunteer["guardianPhone"]) == ("李父", "13800000003")
    assert Volunteer.objects.get(user=applicant).guardian_consented_at is not None


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"birthDate": years_ago(14, days=1).isoformat()}, ("birthDate", "TOO_YOUNG")),
        (
            {"birthDate": years_ago(16).isoformat(), "guardianName": "李父"},
            ("guardianConsent", "GUARDIAN_CONSENT_REQUIRED"),
        ),
        ({"consentVersion": " "}, ("consentVersion", "CONSENT_REQUIRED")),
        ({"idNumber": "320402199005171234"}, ("idNumber", "INVALID_ID_NUMBER")),
        ({"realName": " "}, ("realName", "REQUIRED")),
        ({"phone": "1" * 31}, ("phone", "INVALID")),
        ({"orgUnitId": "999999"}, ("orgUnitId", "NOT_FOUND")),
        ({"orgUnitId": "abc"}, ("orgUnitId", "NOT_FOUND")),
        ({"skills": ["999999"]}, ("skills", "INVALID")),
        ({"skills": [str(n) for n in range(1, 32)]}, ("skills", "INVALID")),
    ],
)
def test_apply_refusals(gql, org, applicant, fields, expected):
    gql.login(applicant)
    refused(apply(gql, org, **fields), expected, key="volunteer")
    assert not Volunteer.objects.exists()


def test_apply_needs_the_id_number_where_the_unit_asks(gql, org, applicant):
    org["district"].volunteer_id_required = True
    org["district"].save()
    gql.login(applicant)
    refused(apply(gql, org), ("idNumber", "ID_NUMBER_REQUIRED"), key="volunteer")


def test_apply_refuses_a_taken_id_number_and_a_second_application(gql, org, applicant):
    number = make_id_number(adult_birth_date())
    gql.login(make_user())
    done(apply(gql, org, idNumber=number), "volunteer")
    gql.login(applicant)
    refused(apply(gql, org, idNumber=number), ("idNumber", "ID_NUMBER_TAKEN"), key="volunteer")
    done(apply(gql, org), "volunteer")
    refused(apply(gql, org), (None, "ALREADY_APPLIED"), key="volunteer")


def test_apply_requires_a_login(gql, org):
    refused(apply(gql, org), (None, "UNAUTHENTICATED"), key="volunteer")


# --- the profile -----------------------------------------------------------------------------------


def test_my_profile(gql, org, volunteer):
    assert gql("{ myVolunteerProfile { id } }")["myVolunteerProfile"] is None
    gql.login(make_user())
    assert gql("{ myVolunteerProfile { id } }")["myVolunteerProfile"] is None
    gql.login(volunteer.user)
    data = gql("{ myVolunteerProfile { id realName status number phone starLevel hoursToNextStar } }")
    assert data["myVolunteerProfile"] == {
        "id": str(volunteer.pk),
        "realName": "王小红",
        "status": "APPROVED",
        "number": volunteer.number,
        "phone": "13900000000",
        "starLevel": 0,
        "hoursToNextStar": "100.00",
    }


UPDATE = """volunteer { phone skills { name } availability emergencyContactName emergencyContactPhone
    onPublicLeaderboard }"""


def test_update_profile_changes_only_what_is_given(gql, volunteer):
    skill = make_skill("摄影")
    gql.login(volunteer.user)
    payload = mutate(
        gql,
        "updateVolunteerProfile",
        {"phone": " 13911112222 ", "skills": [str(skill.pk)], "onPublicLeaderboard": True},
        UPDATE,
    )
    assert done(payload, "volunteer") == {
        "phone": "13911112222",
        "skills": [{"name": "摄影"}],
        "availability": "",
        "emergencyContactName": "",
        "emergencyContactPhone": "",
        "onPublicLeaderboard": True,
    }
    payload = mutate(
        gql, "updateVolunteerProfile", {"availability": "工作日晚上", "emergencyContactName": "王父"}, UPDATE
    )
    volunteer = done(payload, "volunteer")
    assert (volunteer["phone"], volunteer["availability"], volunteer["emergencyContactName"]) == (
        "13911112222",
        "工作日晚上",
        "王父",
    )
    assert volunteer["skills"] == [{"name": "摄影"}]


@pytest.mark.parametrize(
    "input, expected",
    [
        ({"phone": ""}, ("phone", "REQUIRED")),
        ({"availability": "x" * 201}, ("availability", "INVALID")),
        ({"skills": ["0"]}, ("skills", "INVALID")),
    ],
)
def test_update_profile_refusals(gql, volunteer, input, expected):
    gql.login(volunteer.user)
    refused(mutate(gql, "updateVolunteerProfile", input, UPDATE), expected, key="volunteer")
    volunteer.refresh_from_db()
    assert volunteer.phone == "13900000000"


def test_update_profile_needs_a_current_profile(gql, org):
    refused(mutate(gql, "updateVolunteerProfile", {}, UPDATE), (None, "UNAUTHENTICATED"), key="volunteer")
    gql.login(make_user())
    refused(mutate(gql, "updateVolunteerProfile", {}, UPDATE), (None, "NOT_A_VOLUNTEER"), key="volunteer")
    withdrawn = make_volunteer(org["community"], status=VolunteerStatus.WITHDRAWN)
    gql.login(withdrawn.user)
    refused(
        mutate(gql, "updateVolunteerProfile", {"phone": "1"}, UPDATE), (None, "WRONG_STATUS"), key="volunteer"
    )


def test_withdraw_as_volunteer(gql, volunteer):
    gql.login(make_user())
    refused(
        mutate(gql, "withdrawAsVolunteer", fields="volunteer { status }"),
        (None, "NOT_A_VOLUNTEER"),
        key="volunteer",
    )
    gql.login(volunteer.user)
    assert done(mutate(gql, "withdrawAsVolunteer", fields="volunteer { status }"), "volunteer") == {
        "status": "WITHDRAWN"
    }
    refused(
        mutate(gql, "withdrawAsVolunteer", fields="volunteer { status }"),
        (None, "WRONG_STATUS"),
        key="volunteer",
    )


def test_skills_in_order(gql, db):
    make_skill("法律")
    make_skill("调解")
    names = [skill["name"] for skill in gql("{ volunteerSkills { id name slug } }")["volunteerSkills"]]
    assert names == ["法律", "调解"]


# --- organizers --------------------------------------------------------------------------------------


@pytest.fixture
def applied(org):
    return make_volunteer(org["community"], name="陈静", status=VolunteerStatus.APPLIED)


def approve(gql, volunteer_id):
    return mutate(gql, "approveVolunteer", {"volunteerId": str(volunteer_id)}, "volunteer { status number }")


def suspend(gql, volunteer_id, reason="多次无故缺席"):
    return mutate(
        gql,
        "suspendVolunteer",
        {"volunteerId": str(volunteer_id), "reason": reason},
        "volunteer { status statusReason }",
    )


def test_organizer_approves_an_application(gql, organizer, applied):
    gql.login(organizer)
    volunteer = done(approve(gql, applied.pk), "volunteer")
    year = timezone.localdate().year
    assert volunteer == {"status": "APPROVED", "number": f"CZ{year}000001"}
    refused(approve(gql, applied.pk), (None, "WRONG_STATUS"), key="volunteer")


def test_approval_refusals(gql, org, applied):
    refused(approve(gql, applied.pk), (None, "UNAUTHENTICATED"), key="volunteer")
    gql.login(make_organizer(org["other_district"]))
    refused(approve(gql, applied.pk), (None, "PERMISSION_DENIED"), key="volunteer")
    gql.login(applied.user)
    refused(approve(gql, applied.pk), (None, "PERMISSION_DENIED"), key="volunteer")
    refused(approve(gql, 999999), ("volunteerId", "NOT_FOUND"), key="volunteer")
    refused(approve(gql, "x1"), ("volunteerId", "NOT_FOUND"), key="volunteer")
    applied.refresh_from_db()
    assert applied.status == VolunteerStatus.APPLIED


def test_suspend_and_readmit(gql, organizer, volunteer):
    gql.login(organizer)
    refused(suspend(gql, volunteer.pk, reason=" "), ("reason", "REASON_REQUIRED"), key="volunteer")
    refused(suspend(gql, volunteer.pk, reason="x" * 201), ("reason", "INVALID"), key="volunteer")
    assert done(suspend(gql, volunteer.pk), "volunteer") == {
        "status": "SUSPENDED",
        "statusReason": "多次无故缺席",
    }
    refused(suspend(gql, volunteer.pk), (None, "WRONG_STATUS"), key="volunteer")
    assert done(approve(gql, volunteer.pk), "volunteer") == {"status": "APPROVED", "number": volunteer.number}


def test_suspend_refusals(gql, org, volunteer):
    refused(suspend(gql, volunteer.pk), (None, "UNAUTHENTICATED"), key="volunteer")
    gql.login(make_organizer(org["other_district"]))
    refused(suspend(gql, volunteer.pk), (None, "PERMISSION_DENIED"), key="volunteer")
    refused(suspend(gql, 999999), ("volunteerId", "NOT_FOUND"), key="volunteer")


MANAGED = """query ($status: VolunteerStatus) { managedVolunteers(status: $status) {
    totalCount items { realName status phone } } }"""


def test_managed_volunteers_are_the_organizers_units(gql, org, organizer, applied, volunteer):
    make_volunteer(org["other_district"], name="别区志愿者", status=VolunteerStatus.APPLIED)
    assert gql(MANAGED)["managedVolunteers"] is None
    gql.login(volunteer.user)
    assert gql(MANAGED)["managedVolunteers"] is None
    gql.login(organizer)
    page = gql(MANAGED, {"status": "APPLIED"})["managedVolunteers"]
    assert page == {
        "totalCount": 1,
        "items": [{"realName": "陈静", "status": "APPLIED", "phone": "13900000000"}],
    }
    assert gql(MANAGED)["managedVolunteers"]["totalCount"] == 2
    gql.login(make_superuser())
    assert gql(MANAGED)["managedVolunteers"]["totalCount"] == 3


def test_volunteer_by_id(gql, org, organizer, volunteer):
    query = f'{{ volunteer(id: "{volunteer.pk}") {{ realName }} }}'
    assert gql(query)["volunteer"] is None
    gql.login(make_user())
    assert gql(query)["volunteer"] is None
    gql.login(make_organizer(org["other_district"]))
    assert gql(query)["volunteer"] is None
    for viewer in (volunteer.user, organizer):
        gql.login(viewer)
        assert gql(query)["volunteer"] == {"realName": "王小红"}
    view_as(gql, organizer)
    assert gql('{ volunteer(id: "abc") { realName } }')["volunteer"] is None


def test_managed_volunteers_by_unit_and_page(gql, org, organizer, volunteer):
    make_volunteer(org["street"], name="街道志愿者")
    make_volunteer(org["community"], name="社区志愿者")
    gql.login(organizer)
    query = """query ($unit: ID, $offset: Offset!) {
        managedVolunteers(orgUnit: $unit, limit: 1, offset: $offset) {
        totalCount hasNextPage items { realName } } }"""
    first = gql(query, {"unit": str(org["community"].pk), "offset": 0})["managedVolunteers"]
    assert (first["totalCount"], first["hasNextPage"]) == (2, True)
    last = gql(query, {"unit": str(org["community"].pk), "offset": 1})["managedVolunteers"]
    assert last["hasNextPage"] is False
    assert {first["items"][0]["realName"], last["items"][0]["realName"]} == {"王小红", "社区志愿者"}
    assert gql(query, {"unit": "999999", "offset": 0})["managedVolunteers"]["totalCount"] == 0
