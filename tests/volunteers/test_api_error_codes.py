"""Every volunteers mutation: its code enum lists exactly the codes its service can raise, and it
refuses anonymous viewers with UNAUTHENTICATED before anything changes."""

import pytest

from cms.errors import CommonErrorCode
from cms.schema import schema
from tests.volunteers.api import mutate, refused
from volunteers.models import CorrectionRequest, ServiceRecord, ShiftSignup, TeamMembership, Volunteer

pytestmark = pytest.mark.django_db

COMMON = {code.name for code in CommonErrorCode}
MFA = "MFA_REQUIRED"  # organizers' mutations: cms.accounts.mfa
ATTENDANCE = {"INVALID_CODE", "NOT_CONFIRMED", MFA}
PLACE = {
    "NOT_APPROVED",
    "OPPORTUNITY_NOT_OPEN",
    "REQUIREMENTS_NOT_MET",
    "ALREADY_SIGNED_UP",
    "SHIFT_FULL",
    "OVERLAP",
}

# mutation -> (its own codes, a well-formed input, the payload's object)
MUTATIONS = {
    "applyAsVolunteer": (
        {
            "TOO_YOUNG",
            "GUARDIAN_CONSENT_REQUIRED",
            "CONSENT_REQUIRED",
            "ID_NUMBER_REQUIRED",
            "INVALID_ID_NUMBER",
            "ID_NUMBER_TAKEN",
            "ALREADY_APPLIED",
            "RATE_LIMITED",
        },
        {
            "realName": "李小梅",
            "gender": "FEMALE",
            "birthDate": "1990-01-01",
            "phone": "1",
            "orgUnitId": "1",
            "consentVersion": "1",
        },
        "volunteer",
    ),
    "updateVolunteerProfile": ({"NOT_A_VOLUNTEER", "WRONG_STATUS"}, {"phone": "1"}, "volunteer"),
    "withdrawAsVolunteer": ({"NOT_A_VOLUNTEER", "WRONG_STATUS"}, None, "volunteer"),
    "approveVolunteer": ({"WRONG_STATUS", MFA}, {"volunteerId": "1"}, "volunteer"),
    "suspendVolunteer": (
        {"REASON_REQUIRED", "WRONG_STATUS", MFA},
        {"volunteerId": "1", "reason": "x"},
        "volunteer",
    ),
    "requestToJoinTeam": (
        {"NOT_A_VOLUNTEER", "NOT_APPROVED", "ALREADY_IN_TEAM"},
        {"teamId": "1"},
        "membership",
    ),
    "leaveTeam": ({"NOT_A_VOLUNTEER", "NOT_IN_TEAM"}, {"teamId": "1"}, "membership"),
    "decideJoinRequest": ({"NOT_REQUESTED", MFA}, {"membershipId": "1", "approve": True}, "membership"),
    "signUpForShift": (
        {"NOT_A_VOLUNTEER", "DEADLINE_PASSED", *PLACE, "RATE_LIMITED"},
        {"shiftId": "1"},
        "signup",
    ),
    "withdrawShiftSignup": (
        {"NOT_A_VOLUNTEER", "NOT_ACTIVE", "DEADLINE_PASSED"},
        {"signupId": "1"},
        "signup",
    ),
    "decideShiftSignup": ({"NOT_REQUESTED", MFA}, {"signupId": "1", "approve": True}, "signup"),
    "assignVolunteerToShift": ({*PLACE, MFA}, {"volunteerId": "1", "shiftId": "1"}, "signup"),
    "checkInVolunteer": (ATTENDANCE, {"signupId": "1"}, "signup"),
    "checkOutVolunteer": (
        {*ATTENDANCE, "NOT_CHECKED_IN", "ALREADY_CHECKED_OUT", "INVALID_TIME"},
        {"signupId": "1"},
        "signup",
    ),
    "approveServiceRecord": (
        {"RECORD_NOT_PENDING", "REASON_REQUIRED", "INVALID_HOURS", MFA},
        {"recordId": "1"},
        "record",
    ),
    "correctServiceRecord": (
        {"REASON_REQUIRED", "RECORD_VOIDED", "INVALID_HOURS", "HOURS_ABOVE_CAP", "NOTHING_CHANGED", MFA},
        {"recordId": "1", "reason": "x", "hours": "1"},
        "record",
    ),
    "voidServiceRecord": (
        {"REASON_REQUIRED", "RECORD_VOIDED", MFA},
        {"recordId": "1", "reason": "x"},
        "record",
    ),
    "addManualServiceRecord": (
        {"NOT_APPROVED", "INVALID_HOURS", MFA},
        {"volunteerId": "1", "activityName": "x", "serviceDate": "2026-01-01", "place": "x", "hours": "1"},
        "record",
    ),
    "requestRecordCorrection": (
        {"NOT_A_VOLUNTEER", "RECORD_VOIDED", "INVALID_HOURS", "CORRECTION_ALREADY_OPEN"},
        {"recordId": "1", "message": "x"},
        "correctionRequest",
    ),
    "decideCorrectionRequest": (
        {"CORRECTION_NOT_OPEN", "RECORD_VOIDED", "INVALID_HOURS", "HOURS_ABOVE_CAP", "REASON_REQUIRED", MFA},
        {"requestId": "1", "accept": True},
        "correctionRequest",
    ),
    "requestVolunteerCertificate": (
        {"NOT_A_VOLUNTEER", "INVALID_PERIOD", "NO_RECORDS"},
        {"periodStart": "2026-01-01", "periodEnd": "2026-01-31"},
        "certificate",
    ),
}


def error_codes(mutation):
    field = schema.graphql_schema.mutation_type.fields[mutation]
    error = field.type.fields["errors"].type.of_type.of_type.of_type
    return set(error.fields["code"].type.of_type.values)


@pytest.mark.parametrize("mutation", list(MUTATIONS))
def test_each_mutation_lists_exactly_its_codes(mutation):
    assert error_codes(mutation) == COMMON | MUTATIONS[mutation][0]


def test_every_volunteers_mutation_is_listed():
    from volunteers.graphql.mutations import VolunteerMutation

    names = {
        name.split("_")[0] + "".join(part.title() for part in name.split("_")[1:])
        for name in VolunteerMutation._meta.fields
    }
    assert names == set(MUTATIONS)


@pytest.mark.parametrize("mutation", list(MUTATIONS))
def test_anonymous_viewers_are_refused(gql, mutation):
    _codes, input, key = MUTATIONS[mutation]
    payload = mutate(gql, mutation, input, f"{key} {{ __typename }}")
    refused(payload, (None, "UNAUTHENTICATED"), key=key)
    for model in (Volunteer, TeamMembership, ShiftSignup, ServiceRecord, CorrectionRequest):
        assert not model.objects.exists()
