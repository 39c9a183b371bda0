"""Personal data of volunteers through GraphQL, field by field and viewer by viewer.

A volunteer's phone, birth date, masked ID number, emergency contact, guardian and consent are
visible to the volunteer themself and to organizers of their unit or a unit above it (and
superusers), and null for everybody else, whichever way the profile was reached. The full ID
number is never served to anybody. Shift rosters show each sign-up's phone to the organizers of
the shift's unit; team leaders see names and attendance only.
"""

import datetime

import pytest
from django.utils import timezone

from tests.volunteers.api import make_record, view_as
from tests.volunteers.factories import (
    make_id_number,
    make_member,
    make_organizer,
    make_shift,
    make_superuser,
    make_team,
    make_user,
    make_volunteer,
)
from volunteers import services
from volunteers.identity import protect_id_number
from volunteers.models import MembershipRole, RecordStatus, ShiftSignup, SignupStatus

pytestmark = pytest.mark.django_db

BIRTH = timezone.localdate().replace(year=timezone.localdate().year - 16)
ID_NUMBER = make_id_number(BIRTH, serial="735")
PERSONAL_VALUES = {
    "phone": "13712345678",
    "birthDate": BIRTH.isoformat(),
    "idNumberMasked": ID_NUMBER[:4] + "*" * 10 + ID_NUMBER[-4:],
    "emergencyContactName": "陈紧急",
    "emergencyContactPhone": "13787654321",
    "guardianName": "陈监护",
    "guardianPhone": "13711112222",
    "consentVersion": "2026-01",
}
PERSONAL = " ".join(PERSONAL_VALUES) + " guardianConsentedAt consentedAt memberships { status }"
SECRETS = [value for key, value in PERSONAL_VALUES.items() if key != "consentVersion"]
# The fields this suite checks viewer by viewer (tests/api/test_personal_data_matrix.py).
COVERED = {
    *(f"Volunteer.{field}" for field in PERSONAL_VALUES),
    "Volunteer.guardianConsentedAt",
    "Volunteer.consentedAt",
    "ShiftSignup.phone",
}

# viewer -> whether they may see the subject's personal fields
VIEWERS = {
    "anonymous": False,
    "another volunteer": False,
    "the volunteer": True,
    "team leader": False,
    "organizer of another unit": False,
    "organizer of the unit": True,
    "organizer of the unit above": True,
    "superuser": True,
}


@pytest.fixture
def subject(org):
    encrypted, keyed_hash, masked = protect_id_number(ID_NUMBER)
    now = timezone.now()
    return make_volunteer(
        org["community"],
        name="陈小静",
        birth_date=BIRTH,
        phone=PERSONAL_VALUES["phone"],
        id_number_encrypted=encrypted,
        id_number_hash=keyed_hash,
        id_number_masked=masked,
        emergency_contact_name="陈紧急",
        emergency_contact_phone="13787654321",
        guardian_name="陈监护",
        guardian_phone="13711112222",
        guardian_consented_at=now,
    )


@pytest.fixture
def world(org, subject, organizer):
    """The subject in a team, signed up for the team's shift, with a pending record and an open
    correction request; another volunteer on the same shift."""
    team = make_team(org["community"])
    leader = make_volunteer(org["community"], name="张队长")
    make_member(team, leader, role=MembershipRole.LEADER)
    make_member(team, subject)
    other = make_volunteer(org["community"], name="路人甲", phone="13600000000")
    make_member(team, other)
    shift = make_shift(org["district"], required_team=team)
    signup = ShiftSignup.objects.create(volunteer=subject, shift=shift, status=SignupStatus.CONFIRMED)
    ShiftSignup.objects.create(volunteer=other, shift=shift, status=SignupStatus.CONFIRMED)
    record = make_record(subject, status=RecordStatus.PENDING, unit=org["district"])
    services.request_correction(subject.user, record.pk, message="时长不对")
    return {
        "shift": shift,
        "signup": signup,
        "record": record,
        "team": team,
        "viewers": {
            "anonymous": None,
            "another volunteer": other.user,
            "the volunteer": subject.user,
            "team leader": leader.user,
            "organizer of another unit": make_organizer(org["other_district"]),
            "organizer of the unit": organizer,
            "organizer of the unit above": make_organizer(org["city"]),
            "superuser": make_superuser(),
        },
    }


EVERYWHERE = f"""query ($id: ID!, $shift: ID!) {{
    volunteer(id: $id) {{ id {PERSONAL} }}
    myVolunteerProfile {{ id {PERSONAL} }}
    managedVolunteers {{ items {{ id {PERSONAL} }} }}
    shiftSignups(shiftId: $shift) {{ items {{ phone volunteer {{ id {PERSONAL} }} }} }}
    myShifts {{ items {{ phone volunteer {{ id {PERSONAL} }} }} }}
    volunteerShift(id: $shift) {{ mySignup {{ phone volunteer {{ id {PERSONAL} }} }} }}
    volunteerShifts {{ items {{ mySignup {{ phone volunteer {{ id {PERSONAL} }} }} }} }}
    serviceRecordsToReview {{ items {{ volunteer {{ id {PERSONAL} }} }} }}
    myServiceRecords {{ items {{ volunteer {{ id {PERSONAL} }} }} }}
    correctionRequestsToDecide {{ items {{ record {{ volunteer {{ id {PERSONAL} }} }} }} }}
    myCorrectionRequests {{ items {{ record {{ volunteer {{ id {PERSONAL} }} }} }} }}
    volunteerTeams {{ items {{ leaders {{ name }} members {{ name }} joinRequests {{ name }} }} }}
}}"""


def profiles_of(data, volunteer_id):
    """Every object with the subject's id anywhere in the response."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("id") == str(volunteer_id) and "phone" in node:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found


def run_everywhere(gql, world, subject, who):
    view_as(gql, world["viewers"][who])
    response = gql.post(EVERYWHERE, {"id": str(subject.pk), "shift": str(world["shift"].pk)})
    body = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    return body["data"], response.content.decode()


@pytest.mark.parametrize("who", list(VIEWERS))
def test_personal_fields_everywhere(gql, world, subject, who):
    data, text = run_everywhere(gql, world, subject, who)
    assert ID_NUMBER not in text  # the full ID number: never, to nobody
    profiles = profiles_of(data, subject.pk)
    if VIEWERS[who]:
        assert profiles, "the subject must be reachable"
        for profile in profiles:
            for field, value in PERSONAL_VALUES.items():
                assert profile[field] == value, (who, field)
            assert profile["guardianConsentedAt"] and profile["consentedAt"]
            assert profile["memberships"] == [{"status": "ACTIVE"}]
    else:
        for profile in profiles:
            assert {field: profile[field] for field in [*PERSONAL_VALUES, "memberships"]} == dict.fromkeys(
                [*PERSONAL_VALUES, "memberships"]
            ), who
        for secret in SECRETS:
            assert secret not in text, (who, secret)


@pytest.mark.parametrize("who", list(VIEWERS))
@pytest.mark.parametrize("field", [*PERSONAL_VALUES, "guardianConsentedAt", "consentedAt"])
def test_each_personal_field_of_the_profile(gql, world, subject, who, field):
    view_as(gql, world["viewers"][who])
    data = gql(f'{{ volunteer(id: "{subject.pk}") {{ realName {field} }} }}')["volunteer"]
    if VIEWERS[who]:
        assert data["realName"] == "陈小静"
        assert data[field] == PERSONAL_VALUES.get(field, data[field]) and data[field]
    else:
        assert data is None


@pytest.mark.parametrize("who", list(VIEWERS))
def test_the_roster(gql, world, subject, who):
    """Names for those who run the shift; phones for its organizers only, not for team leaders."""
    view_as(gql, world["viewers"][who])
    query = (
        """query ($id: ID!) { shiftSignups(shiftId: $id) { items { phone volunteer { realName phone } } } }"""
    )
    roster = gql(query, {"id": str(world["shift"].pk)})["shiftSignups"]
    if who == "team leader":
        assert {item["volunteer"]["realName"] for item in roster["items"]} == {"陈小静", "路人甲"}
        assert all(item["phone"] is None and item["volunteer"]["phone"] is None for item in roster["items"])
    elif VIEWERS[who] and who != "the volunteer":
        mine = next(item for item in roster["items"] if item["volunteer"]["realName"] == "陈小静")
        assert mine == {"phone": "13712345678", "volunteer": {"realName": "陈小静", "phone": "13712345678"}}
    else:
        assert roster is None


def test_organizers_of_the_shift_see_phones_of_volunteers_they_do_not_manage(gql, org, subject):
    """A shift of another district: its organizers reach the subject only through their roster,
    where ``ShiftSignup.phone`` is theirs to see but the profile's personal fields are not."""
    shift = make_shift(org["other_district"])
    ShiftSignup.objects.create(volunteer=subject, shift=shift, status=SignupStatus.CONFIRMED)
    gql.login(make_organizer(org["other_district"]))
    query = f"""{{ shiftSignups(shiftId: "{shift.pk}") {{ items {{ phone
        volunteer {{ realName {PERSONAL} }} }} }} volunteer(id: "{subject.pk}") {{ id }} }}"""
    data = gql(query)
    [item] = data["shiftSignups"]["items"]
    assert item["phone"] == "13712345678"
    assert item["volunteer"]["realName"] == "陈小静"
    assert all(item["volunteer"][field] is None for field in PERSONAL_VALUES)
    assert data["volunteer"] is None


@pytest.mark.parametrize("who", list(VIEWERS))
def test_team_names_are_masked_for_outsiders(gql, world, who):
    view_as(gql, world["viewers"][who])
    query = f'{{ volunteerTeam(id: "{world["team"].pk}") {{ leaders {{ name }} members {{ name }} }} }}'
    team = gql(query)["volunteerTeam"]
    insider = who in {"another volunteer", "the volunteer", "team leader"} or (
        VIEWERS[who] and who != "the volunteer"
    )
    if insider:
        assert team["leaders"] == [{"name": "张队长"}]
        assert {member["name"] for member in team["members"]} == {"张队长", "陈小静", "路人甲"}
    else:
        assert team == {"leaders": [{"name": "张*长"}], "members": None}


MUTATION_FIELDS = f"volunteer {{ id {PERSONAL} }}"
SIGNUP_FIELDS = f"signup {{ phone volunteer {{ id {PERSONAL} }} }}"
RECORD_FIELDS = f"record {{ volunteer {{ id {PERSONAL} }} }}"


@pytest.mark.parametrize("who", list(VIEWERS))
def test_mutation_payloads_reveal_nothing_to_others(gql, org, world, subject, who):
    view_as(gql, world["viewers"][who])
    signup, record = world["signup"], world["record"]
    texts = []

    def run(name, input, fields):
        response = gql.post(
            f"mutation ($input: {name[0].upper() + name[1:]}Input!) {{ {name}(input: $input) {{ {fields} "
            "errors { code } } }",
            {"input": input},
        )
        assert response.status_code == 200 and "errors" not in response.json()
        texts.append(response.content.decode())
        return response.json()["data"][name]

    arrived = (world["shift"].starts_at + datetime.timedelta(minutes=1)).isoformat()
    run("checkInVolunteer", {"signupId": str(signup.pk), "at": arrived}, SIGNUP_FIELDS)
    run("approveServiceRecord", {"recordId": str(record.pk)}, RECORD_FIELDS)
    run("suspendVolunteer", {"volunteerId": str(subject.pk), "reason": "测试"}, MUTATION_FIELDS)
    approved = run("approveVolunteer", {"volunteerId": str(subject.pk)}, MUTATION_FIELDS)
    run("updateVolunteerProfile", {"availability": "周末"}, MUTATION_FIELDS)

    assert not any(ID_NUMBER in text for text in texts)
    if VIEWERS[who] and who != "the volunteer":
        assert approved["volunteer"]["phone"] == "13712345678"
    elif not VIEWERS[who]:
        assert approved["volunteer"] is None
        for secret in SECRETS:
            assert not any(secret in text for text in texts), (who, secret)


def test_applying_never_echoes_the_full_id_number(gql, org):
    user = make_user()
    gql.login(user)
    number = make_id_number(BIRTH.replace(year=BIRTH.year - 20), serial="911")
    input = {
        "realName": "周小敏",
        "gender": "FEMALE",
        "birthDate": BIRTH.replace(year=BIRTH.year - 20).isoformat(),
        "phone": "13800000009",
        "orgUnitId": str(org["community"].pk),
        "consentVersion": "2026-01",
        "idNumber": number,
    }
    response = gql.post(
        "mutation ($input: ApplyAsVolunteerInput!) { applyAsVolunteer(input: $input) { "
        f"volunteer {{ {PERSONAL} }} errors {{ code }} }} }}",
        {"input": input},
    )
    assert (
        response.json()["data"]["applyAsVolunteer"]["volunteer"]["idNumberMasked"]
        == number[:4] + "*" * 10 + number[-4:]
    )
    assert number not in response.content.decode()
    mine = gql.post(f"{{ myVolunteerProfile {{ {PERSONAL} }} }}")
    assert number not in mine.content.decode()


def test_the_schema_has_no_full_id_number(gql):
    fields = gql('{ __type(name: "Volunteer") { fields { name } } }')["__type"]["fields"]
    names = {field["name"] for field in fields}
    assert "idNumberMasked" in names
    assert not {name for name in names if "idnumber" in name.lower()} - {"idNumberMasked"}
