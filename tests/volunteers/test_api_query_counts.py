"""The volunteers list fields run the same number of SQL queries for 10 rows as for 100."""

import datetime

import pytest

from tests.events.test_api_query_counts import assert_constant
from tests.volunteers.api import make_record
from tests.volunteers.factories import (
    make_member,
    make_shift,
    make_skill,
    make_team,
    make_volunteer,
    tomorrow_at,
)
from volunteers import services
from volunteers.models import (
    MembershipRole,
    MembershipStatus,
    RecordStatus,
    ShiftSignup,
    SignupStatus,
    TeamMembership,
)

pytestmark = pytest.mark.django_db

TEAM = """id name kind orgUnit { name } memberCount leaders { name } members { name } joinRequests { name }
    myMembership { status } canDecideJoinRequests"""
VOLUNTEER = f"""id realName number orgUnit {{ name }} skills {{ name }} totalHours starLevel nextStarThreshold
    phone birthDate idNumberMasked guardianName memberships {{ name status team {{ {TEAM} }} }}"""
SHIFT = f"""id startsAt place placesLeft signupOpen isSignedUp canRun checkInCode role {{ name }}
    requiredSkills {{ name }} requiredTeam {{ {TEAM} }}
    mySignup {{ id status volunteer {{ realName totalHours }} }}
    opportunity {{ id title orgUnit {{ name }} canManage roles {{ name }}
    shifts {{ id placesLeft isSignedUp }} }}"""
SIGNUP = f"""id status phone canWithdraw checkedInAt volunteer {{ {VOLUNTEER} }} shift {{ {SHIFT} }}
    serviceRecord {{ hours maxHours changes {{ field }} openCorrectionRequest {{ id }} }}"""
RECORD = f"""id hours maxHours canReview organization {{ name }} volunteer {{ {VOLUNTEER} }}
    changes {{ field changedBy }} openCorrectionRequest {{ id status }}"""


@pytest.fixture
def skill(db):
    return make_skill("法律")


@pytest.fixture
def team(org, volunteer, organizer):
    team = make_team(org["community"])
    make_member(team, volunteer, role=MembershipRole.LEADER)
    return team


def rich_shift(org, skill, team, days):
    """A shift of a new opportunity with a second shift, a skill and a required team."""
    shift = make_shift(
        org["district"], starts_at=tomorrow_at(9, days=days), skills=[skill], required_team=team
    )
    make_shift(org["district"], opportunity=shift.role.opportunity, starts_at=tomorrow_at(15, days=days))
    return shift


def signed_volunteer(org, skill, team, shift, organizer):
    """A member of the team with the skill, confirmed on ``shift``, checked in and out."""
    volunteer = make_volunteer(org["community"], skills=[skill])
    make_member(team, volunteer)
    signup = ShiftSignup.objects.create(volunteer=volunteer, shift=shift, status=SignupStatus.CONFIRMED)
    services.check_in_volunteer(signup.pk, by=organizer, at=shift.starts_at)
    record = services.check_out_volunteer(signup.pk, by=organizer, at=shift.ends_at)
    services.request_correction(volunteer.user, record.pk, message="时长不对")
    return signup


def test_volunteer_shifts(gql, org, organizer, volunteer, skill, team):
    days = iter(range(1, 1000))

    def add(n):
        for _ in range(n // 2):  # two shifts per opportunity
            shift = rich_shift(org, skill, team, next(days))
            ShiftSignup.objects.create(volunteer=volunteer, shift=shift, status=SignupStatus.CONFIRMED)

    gql.login(volunteer.user)  # a leader of the required team: runs every shift
    query = f"{{ volunteerShifts(limit: 100, when: UPCOMING) {{ totalCount items {{ {SHIFT} }} }} }}"
    count = assert_constant(gql, query, add, "volunteerShifts")
    print(f"volunteerShifts: {count} queries")


def test_volunteer_opportunities(gql, org, organizer, volunteer, skill, team):
    days = iter(range(1, 1000))

    def add(n):
        for _ in range(n):
            rich_shift(org, skill, team, next(days))

    query = f"""{{ volunteerOpportunities(limit: 100, hasOpenPlaces: true) {{ totalCount items {{ id title
        roles {{ name }} shifts {{ {SHIFT} }} }} }} }}"""
    gql.login(organizer)
    count = assert_constant(gql, query, add, "volunteerOpportunities")
    print(f"volunteerOpportunities: {count} queries")


def test_my_shifts(gql, org, organizer, skill, team):
    viewer = make_volunteer(org["community"], skills=[skill])
    make_member(team, viewer)
    days = iter(range(1, 1000))

    def add(n):
        for _ in range(n):
            shift = rich_shift(org, skill, team, next(days))
            signup = ShiftSignup.objects.create(volunteer=viewer, shift=shift, status=SignupStatus.CONFIRMED)
            services.check_in_volunteer(signup.pk, by=organizer, at=shift.starts_at)
            services.check_out_volunteer(signup.pk, by=organizer, at=shift.ends_at)

    gql.login(viewer.user)
    count = assert_constant(
        gql, f"{{ myShifts(limit: 100) {{ totalCount items {{ {SIGNUP} }} }} }}", add, "myShifts"
    )
    print(f"myShifts: {count} queries")


def test_roster_and_signups_to_decide(gql, org, organizer, skill, team):
    shift = rich_shift(org, skill, team, 1)
    shift.max_count = 200
    shift.save()

    def add(n):
        for _ in range(n):
            signed_volunteer(org, skill, team, shift, organizer)

    gql.login(organizer)
    query = f"""query ($id: ID!) {{ shiftSignups(shiftId: $id, limit: 100) {{ totalCount
        items {{ {SIGNUP} }} }} }}"""
    count = assert_constant(gql, query, add, "shiftSignups", {"id": str(shift.pk)})
    print(f"shiftSignups: {count} queries")


def test_signups_to_decide(gql, org, organizer, skill, team):
    def add(n):
        for _ in range(n):
            volunteer = make_volunteer(org["community"], skills=[skill])
            make_member(team, volunteer)
            shift = rich_shift(org, skill, team, 2)
            ShiftSignup.objects.create(volunteer=volunteer, shift=shift, status=SignupStatus.REQUESTED)

    gql.login(organizer)
    query = f"{{ shiftSignupsToDecide(limit: 100) {{ totalCount items {{ {SIGNUP} }} }} }}"
    count = assert_constant(gql, query, add, "shiftSignupsToDecide")
    print(f"shiftSignupsToDecide: {count} queries")


def test_records(gql, org, organizer, skill, team):
    viewer = make_volunteer(org["community"], skills=[skill])
    make_member(team, viewer)

    def add(n):
        for _ in range(n):
            record = make_record(viewer, status=RecordStatus.PENDING, unit=org["district"])
            services.correct_record(record.pk, by=organizer, reason="更正", place="二楼")
            services.request_correction(viewer.user, record.pk, message="时长不对")

    gql.login(viewer.user)
    count = assert_constant(
        gql,
        f"{{ myServiceRecords(limit: 100) {{ totalCount items {{ {RECORD} }} }} }}",
        add,
        "myServiceRecords",
    )
    print(f"myServiceRecords: {count} queries")


@pytest.mark.parametrize(
    "field, item",
    [
        ("serviceRecordsToReview", RECORD),
        ("correctionRequestsToDecide", f"id status message record {{ {RECORD} }}"),
    ],
)
def test_records_to_review_and_corrections_to_decide(gql, org, organizer, skill, team, field, item):
    def add(n):
        for _ in range(n):
            volunteer = make_volunteer(org["community"], skills=[skill])
            make_member(team, volunteer)
            record = make_record(volunteer, status=RecordStatus.PENDING, unit=org["district"])
            services.request_correction(volunteer.user, record.pk, message="时长不对")

    gql.login(organizer)
    count = assert_constant(gql, f"{{ {field}(limit: 100) {{ totalCount items {{ {item} }} }} }}", add, field)
    print(f"{field}: {count} queries")


def test_managed_volunteers(gql, org, organizer, skill):
    def add(n):
        for _ in range(n):
            volunteer = make_volunteer(org["community"], skills=[skill])
            own = make_team(org["community"])
            make_member(own, volunteer, role=MembershipRole.LEADER)
            requester = make_volunteer(org["other_district"])
            TeamMembership.objects.create(team=own, volunteer=requester, status=MembershipStatus.REQUESTED)
            make_record(volunteer)

    gql.login(organizer)
    query = f"{{ managedVolunteers(limit: 100) {{ totalCount items {{ {VOLUNTEER} }} }} }}"
    count = assert_constant(gql, query, add, "managedVolunteers")
    print(f"managedVolunteers: {count} queries")


def test_volunteer_teams(gql, org, volunteer):
    def add(n):
        for _ in range(n):
            team = make_team(org["community"])
            make_member(team, make_volunteer(org["community"]), role=MembershipRole.LEADER)
            make_member(team, make_volunteer(org["community"]))
            TeamMembership.objects.create(team=team, volunteer=volunteer, status=MembershipStatus.REQUESTED)

    gql.login(volunteer.user)
    query = f"{{ volunteerTeams(limit: 100) {{ totalCount items {{ {TEAM} }} }} }}"
    count = assert_constant(gql, query, add, "volunteerTeams")
    print(f"volunteerTeams: {count} queries")


def test_my_certificates(gql, org, volunteer):
    def add(n):
        for day in range(n):
            record = make_record(volunteer, date=datetime.date(2026, 1, 1) + datetime.timedelta(days=day))
            services.request_certificate(
                volunteer.user, period_start=record.service_date, period_end=record.service_date
            )

    gql.login(volunteer.user)
    query = """{ myCertificates(limit: 100) { totalCount items { number totalHours activityCount
        issuer { name } pdfUrl verificationUrl } } }"""
    count = assert_constant(gql, query, add, "myCertificates")
    print(f"myCertificates: {count} queries")
