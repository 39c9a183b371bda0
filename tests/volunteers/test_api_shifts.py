"""Opportunities, shifts, sign-ups and attendance through the real /graphql/ endpoint, each error
code included."""

import datetime

import pytest
from django.utils import timezone

from tests.volunteers.api import done, mutate, refused
from tests.volunteers.factories import (
    make_member,
    make_organizer,
    make_shift,
    make_skill,
    make_superuser,
    make_team,
    make_user,
    make_volunteer,
    tomorrow_at,
)
from volunteers import services
from volunteers.models import (
    MembershipRole,
    OpportunityStatus,
    RecordStatus,
    ShiftSignup,
    SignupFlow,
    SignupStatus,
    VolunteerStatus,
)

pytestmark = pytest.mark.django_db

SIGNUP = "signup { id status shift { id placesLeft isSignedUp } checkedInAt checkedOutAt }"


def sign_up(gql, shift_id):
    return mutate(gql, "signUpForShift", {"shiftId": str(shift_id)}, SIGNUP)


def signup_of(volunteer, shift, status=SignupStatus.CONFIRMED):
    return ShiftSignup.objects.create(volunteer=volunteer, shift=shift, status=status)


# --- lists -----------------------------------------------------------------------------------------

SHIFTS = """query ($from: Date, $to: Date, $skill: ID, $unit: ID, $open: Boolean, $when: ShiftWhen) {
    volunteerShifts(from: $from, to: $to, skill: $skill, orgUnit: $unit, hasOpenPlaces: $open, when: $when) {
    totalCount items { role { name } placesLeft } } }"""


def roles(gql, **variables):
    return [item["role"]["name"] for item in gql(SHIFTS, variables)["volunteerShifts"]["items"]]


def test_shifts_filtered(gql, org, volunteer):
    law = make_skill("法律")
    make_shift(org["district"], role_name="明天", starts_at=tomorrow_at(9))
    make_shift(org["community"], role_name="后天", starts_at=tomorrow_at(9, days=2), skills=[law])
    full = make_shift(org["other_district"], role_name="满员", starts_at=tomorrow_at(14, days=3), max_count=1)
    signup_of(volunteer, full)
    make_shift(org["district"], role_name="过去", starts_at=tomorrow_at(9, days=-3))
    make_shift(org["district"], role_name="草稿", status=OpportunityStatus.DRAFT)

    assert roles(gql) == ["过去", "明天", "后天", "满员"]
    day_after = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    assert roles(gql, **{"from": day_after}) == ["后天", "满员"]
    assert roles(gql, to=day_after, when="UPCOMING") == ["明天", "后天"]
    assert roles(gql, when="PAST") == ["过去"]
    assert roles(gql, skill=str(law.pk)) == ["后天"]
    assert roles(gql, unit=str(org["district"].pk), when="UPCOMING") == ["明天", "后天"]
    assert roles(gql, unit=str(org["community"].pk)) == ["后天"]
    assert roles(gql, open=True, when="UPCOMING") == ["明天", "后天"]
    assert roles(gql, open=False) == ["满员"]
    assert gql(SHIFTS, {"open": False})["volunteerShifts"]["items"] == [
        {"role": {"name": "满员"}, "placesLeft": 0}
    ]
    assert roles(gql, skill="nope") == roles(gql, unit="999999") == []


def test_drafts_only_for_organizers_of_the_unit(gql, org, organizer):
    draft = make_shift(org["district"], role_name="草稿", status=OpportunityStatus.DRAFT)
    query = f'{{ volunteerShift(id: "{draft.pk}") {{ role {{ name }} opportunity {{ status canManage }} }} }}'
    opportunity = f'{{ volunteerOpportunity(id: "{draft.role.opportunity_id}") {{ title }} }}'
    for viewer in (
        None,
        make_user(),
        make_organizer(org["other_district"]),
        make_organizer(org["community"]),
    ):
        if viewer is not None:
            gql.login(viewer)
        assert roles(gql) == []
        assert gql(query)["volunteerShift"] is None
        assert gql(opportunity)["volunteerOpportunity"] is None
    for viewer in (organizer, make_organizer(org["city"]), make_superuser()):
        gql.login(viewer)
        assert roles(gql) == ["草稿"]
        assert gql(query)["volunteerShift"] == {
            "role": {"name": "草稿"},
            "opportunity": {"status": "DRAFT", "canManage": True},
        }
        assert gql(opportunity)["volunteerOpportunity"]["title"] == draft.role.opportunity.title


OPPORTUNITIES = """query ($when: ShiftWhen, $open: Boolean) {
    volunteerOpportunities(when: $when, hasOpenPlaces: $open) { totalCount items { title
    roles { name } shifts { role { name } placesLeft isSignedUp mySignup { status } } } } }"""


def test_opportunities_with_their_shifts(gql, org, volunteer):
    first = make_shift(org["district"], role_name="签到", starts_at=tomorrow_at(9))
    opportunity = first.role.opportunity
    opportunity.title = "亲子阅读会志愿服务"
    opportunity.save()
    make_shift(
        org["district"], opportunity=opportunity, role_name="讲师", starts_at=tomorrow_at(14), max_count=1
    )
    past = make_shift(org["district"], role_name="旧", starts_at=tomorrow_at(9, days=-5))
    past.role.opportunity.title = "去年的活动"
    past.role.opportunity.save()
    signup_of(volunteer, first)
    gql.login(volunteer.user)

    page = gql(OPPORTUNITIES, {"when": "UPCOMING"})["volunteerOpportunities"]
    assert page == {
        "totalCount": 1,
        "items": [
            {
                "title": "亲子阅读会志愿服务",
                "roles": [{"name": "签到"}, {"name": "讲师"}],
                "shifts": [
                    {
                        "role": {"name": "签到"},
                        "placesLeft": 4,
                        "isSignedUp": True,
                        "mySignup": {"status": "CONFIRMED"},
                    },
                    {"role": {"name": "讲师"}, "placesLeft": 1, "isSignedUp": False, "mySignup": None},
                ],
            }
        ],
    }
    titles = [item["title"] for item in gql(OPPORTUNITIES)["volunteerOpportunities"]["items"]]
    assert titles == ["去年的活动", "亲子阅读会志愿服务"]
    assert gql(OPPORTUNITIES, {"open": False})["volunteerOpportunities"]["totalCount"] == 0


# --- signUpForShift --------------------------------------------------------------------------------


def test_sign_up_confirms_at_once(gql, shift, volunteer):
    gql.login(volunteer.user)
    signup = done(sign_up(gql, shift.pk), "signup")
    assert signup["status"] == "CONFIRMED"
    assert signup["shift"] == {"id": str(shift.pk), "placesLeft": 4, "isSignedUp": True}
    refused(sign_up(gql, shift.pk), (None, "ALREADY_SIGNED_UP"), key="signup")


def test_sign_up_with_approval_then_the_organizer_decides(gql, org, organizer, volunteer):
    shift = make_shift(org["district"], signup_flow=SignupFlow.APPROVAL, max_count=2)
    other = make_volunteer(org["community"])
    gql.login(volunteer.user)
    first = done(sign_up(gql, shift.pk), "signup")
    assert (first["status"], first["shift"]["placesLeft"]) == ("REQUESTED", 1)
    gql.login(other.user)
    second = done(sign_up(gql, shift.pk), "signup")

    decide = "signup { status }"
    refused(
        mutate(gql, "decideShiftSignup", {"signupId": first["id"], "approve": True}, decide),
        (None, "PERMISSION_DENIED"),
        key="signup",
    )
    gql.login(organizer)
    to_decide = gql("{ shiftSignupsToDecide { totalCount items { id volunteer { realName } } } }")
    assert to_decide["shiftSignupsToDecide"]["totalCount"] == 2
    payload = mutate(gql, "decideShiftSignup", {"signupId": first["id"], "approve": True}, decide)
    assert done(payload, "signup") == {"status": "CONFIRMED"}
    payload = mutate(gql, "decideShiftSignup", {"signupId": second["id"], "approve": False}, decide)
    assert done(payload, "signup") == {"status": "REJECTED"}
    refused(
        mutate(gql, "decideShiftSignup", {"signupId": second["id"], "approve": True}, decide),
        (None, "NOT_REQUESTED"),
        key="signup",
    )
    refused(
        mutate(gql, "decideShiftSignup", {"signupId": "999999", "approve": True}, decide),
        ("signupId", "NOT_FOUND"),
        key="signup",
    )
    assert gql("{ shiftSignupsToDecide { totalCount } }")["shiftSignupsToDecide"]["totalCount"] == 0
    gql.login(volunteer.user)
    assert gql("{ shiftSignupsToDecide { totalCount } }")["shiftSignupsToDecide"] is None


def test_sign_up_refusals_for_the_viewer(gql, org, shift):
    refused(sign_up(gql, shift.pk), (None, "UNAUTHENTICATED"), key="signup")
    gql.login(make_user())
    refused(sign_up(gql, shift.pk), (None, "NOT_A_VOLUNTEER"), key="signup")
    for status in (VolunteerStatus.APPLIED, VolunteerStatus.SUSPENDED):
        gql.login(make_volunteer(org["community"], status=status).user)
        refused(sign_up(gql, shift.pk), (None, "NOT_APPROVED"), key="signup")
    assert not ShiftSignup.objects.exists()


def test_sign_up_refusals_for_the_shift(gql, org, volunteer):
    draft = make_shift(org["district"], status=OpportunityStatus.DRAFT)
    late = make_shift(org["district"], signup_deadline=timezone.now() - datetime.timedelta(minutes=1))
    skilled = make_shift(org["district"], skills=[make_skill("法律")])
    team_only = make_shift(org["district"], required_team=make_team(org["district"]))
    full = make_shift(org["district"], max_count=1)
    signup_of(make_volunteer(org["community"]), full)
    gql.login(volunteer.user)
    refused(sign_up(gql, draft.pk), (None, "OPPORTUNITY_NOT_OPEN"), key="signup")
    refused(sign_up(gql, late.pk), (None, "DEADLINE_PASSED"), key="signup")
    refused(sign_up(gql, skilled.pk), (None, "REQUIREMENTS_NOT_MET"), key="signup")
    refused(sign_up(gql, team_only.pk), (None, "REQUIREMENTS_NOT_MET"), key="signup")
    refused(sign_up(gql, full.pk), (None, "SHIFT_FULL"), key="signup")
    refused(sign_up(gql, 999999), ("shiftId", "NOT_FOUND"), key="signup")
    refused(sign_up(gql, "1; DROP"), ("shiftId", "NOT_FOUND"), key="signup")
    assert not ShiftSignup.objects.filter(volunteer=volunteer).exists()


def test_overlap_names_the_other_shift(gql, org, shift, volunteer):
    gql.login(volunteer.user)
    done(sign_up(gql, shift.pk), "signup")
    overlapping = make_shift(org["district"], role_name="引导员", starts_at=tomorrow_at(10))
    payload = refused(sign_up(gql, overlapping.pk), (None, "OVERLAP"), key="signup")
    start = timezone.localtime(shift.starts_at).strftime("%Y-%m-%d %H:%M")
    assert "签到引导" in payload["errors"][0]["message"]
    assert start in payload["errors"][0]["message"]
    touching = make_shift(org["district"], starts_at=tomorrow_at(11))
    assert done(sign_up(gql, touching.pk), "signup")["status"] == "CONFIRMED"


# --- withdrawShiftSignup ---------------------------------------------------------------------------


def withdraw(gql, signup_id):
    return mutate(gql, "withdrawShiftSignup", {"signupId": str(signup_id)}, "signup { status canWithdraw }")


def test_withdraw_until_the_deadline(gql, org, shift, volunteer):
    signup = signup_of(volunteer, shift)
    refused(withdraw(gql, signup.pk), (None, "UNAUTHENTICATED"), key="signup")
    gql.login(make_user())
    refused(withdraw(gql, signup.pk), (None, "NOT_A_VOLUNTEER"), key="signup")
    gql.login(make_volunteer(org["community"]).user)
    refused(withdraw(gql, signup.pk), ("signupId", "NOT_FOUND"), key="signup")
    gql.login(volunteer.user)
    assert done(withdraw(gql, signup.pk), "signup") == {"status": "WITHDRAWN", "canWithdraw": False}
    refused(withdraw(gql, signup.pk), (None, "NOT_ACTIVE"), key="signup")

    late = signup_of(volunteer, make_shift(org["district"], starts_at=tomorrow_at(15)))
    late.shift.signup_deadline = timezone.now() - datetime.timedelta(minutes=1)
    late.shift.save()
    refused(withdraw(gql, late.pk), (None, "DEADLINE_PASSED"), key="signup")


# --- assignVolunteerToShift ------------------------------------------------------------------------


def assign(gql, volunteer, shift):
    return mutate(
        gql,
        "assignVolunteerToShift",
        {
            "volunteerId": str(getattr(volunteer, "pk", volunteer)),
            "shiftId": str(getattr(shift, "pk", shift)),
        },
        "signup { status volunteer { realName } }",
    )


def test_assign_skips_the_deadline(gql, org, organizer, volunteer):
    late = make_shift(org["district"], signup_deadline=timezone.now() - datetime.timedelta(minutes=1))
    gql.login(organizer)
    assert done(assign(gql, volunteer, late), "signup") == {
        "status": "CONFIRMED",
        "volunteer": {"realName": "王小红"},
    }
    refused(assign(gql, volunteer, late), (None, "ALREADY_SIGNED_UP"), key="signup")
    overlapping = make_shift(org["district"], starts_at=tomorrow_at(10))
    refused(assign(gql, volunteer, overlapping), (None, "OVERLAP"), key="signup")


def test_assign_refusals(gql, org, organizer, volunteer):
    shift = make_shift(org["district"], max_count=1)
    refused(assign(gql, volunteer, shift), (None, "UNAUTHENTICATED"), key="signup")
    gql.login(make_organizer(org["other_district"]))
    refused(assign(gql, volunteer, shift), (None, "PERMISSION_DENIED"), key="signup")
    gql.login(organizer)
    refused(assign(gql, 999999, shift), ("volunteerId", "NOT_FOUND"), key="signup")
    refused(assign(gql, volunteer, 999999), ("shiftId", "NOT_FOUND"), key="signup")
    applied = make_volunteer(org["community"], status=VolunteerStatus.APPLIED)
    refused(assign(gql, applied, shift), (None, "NOT_APPROVED"), key="signup")
    draft = make_shift(org["district"], status=OpportunityStatus.DRAFT, starts_at=tomorrow_at(14))
    refused(assign(gql, volunteer, draft), (None, "OPPORTUNITY_NOT_OPEN"), key="signup")
    skilled = make_shift(org["district"], skills=[make_skill("医护")], starts_at=tomorrow_at(16))
    refused(assign(gql, volunteer, skilled), (None, "REQUIREMENTS_NOT_MET"), key="signup")
    done(assign(gql, make_volunteer(org["community"]), shift), "signup")
    refused(assign(gql, volunteer, shift), (None, "SHIFT_FULL"), key="signup")


# --- myShifts --------------------------------------------------------------------------------------


def test_my_shifts_upcoming_and_past(gql, org, volunteer):
    soon = signup_of(volunteer, make_shift(org["district"], role_name="明天", starts_at=tomorrow_at(9)))
    later = signup_of(
        volunteer, make_shift(org["district"], role_name="下周", starts_at=tomorrow_at(9, days=7))
    )
    old = signup_of(
        volunteer, make_shift(org["district"], role_name="上周", starts_at=tomorrow_at(9, days=-7))
    )
    older = signup_of(
        volunteer, make_shift(org["district"], role_name="上月", starts_at=tomorrow_at(9, days=-30))
    )
    withdrawn = signup_of(
        volunteer,
        make_shift(org["district"], role_name="退出", starts_at=tomorrow_at(9, days=3)),
        SignupStatus.WITHDRAWN,
    )
    signup_of(make_volunteer(org["community"]), soon.shift)
    query = """query ($when: ShiftWhen, $status: ShiftSignupStatus) { myShifts(when: $when, status: $status) {
        totalCount items { id status canWithdraw shift { role { name } isSignedUp } } } }"""

    def ids(**variables):
        return [int(item["id"]) for item in gql(query, variables)["myShifts"]["items"]]

    assert gql(query)["myShifts"] == {"totalCount": 0, "items": []}
    gql.login(make_user())
    assert ids() == []
    gql.login(volunteer.user)
    assert ids(when="UPCOMING") == [soon.pk, withdrawn.pk, later.pk]
    assert ids(when="UPCOMING", status="CONFIRMED") == [soon.pk, later.pk]
    assert ids(when="PAST") == [old.pk, older.pk]
    assert ids() == [later.pk, withdrawn.pk, soon.pk, old.pk, older.pk]
    first = gql(query, {"when": "UPCOMING"})["myShifts"]["items"][0]
    assert first["canWithdraw"] is True
    assert first["shift"] == {"role": {"name": "明天"}, "isSignedUp": True}


# --- roster, code, check-in and check-out ---------------------------------------------------------

ROSTER = """query ($id: ID!) { shiftSignups(shiftId: $id) { totalCount items { status phone
    volunteer { realName } checkedInAt } } volunteerShift(id: $id) { canRun checkInCode } }"""


@pytest.fixture
def team_shift(org, volunteer):
    team = make_team(org["community"])
    leader = make_volunteer(org["community"], name="张丽华")
    make_member(team, leader, role=MembershipRole.LEADER)
    make_member(team, volunteer)
    shift = make_shift(org["district"], required_team=team)
    return shift, leader


def test_the_roster_and_the_code_are_for_those_who_run_the_shift(gql, org, organizer, volunteer, team_shift):
    shift, leader = team_shift
    signup_of(volunteer, shift)
    variables = {"id": str(shift.pk)}
    for viewer in (
        None,
        volunteer.user,
        make_organizer(org["other_district"]),
        make_organizer(org["community"]),
    ):
        if viewer is not None:
            gql.login(viewer)
        data = gql(ROSTER, variables)
        assert data["shiftSignups"] is None
        assert data["volunteerShift"] == {"canRun": False, "checkInCode": None}
    gql.login(leader.user)
    data = gql(ROSTER, variables)
    assert data["shiftSignups"]["items"] == [
        {"status": "CONFIRMED", "phone": None, "volunteer": {"realName": "王小红"}, "checkedInAt": None}
    ]
    assert data["volunteerShift"] == {"canRun": True, "checkInCode": services.shift_code(shift)}
    gql.login(organizer)
    data = gql(ROSTER, variables)
    assert data["shiftSignups"]["items"][0]["phone"] == "13900000000"
    assert data["volunteerShift"]["checkInCode"] == services.shift_code(shift)
    assert gql('{ shiftSignups(shiftId: "x") { totalCount } }')["shiftSignups"] is None


def test_leader_mode_lists_the_shifts_the_viewer_runs(gql, org, organizer, volunteer, team_shift):
    shift, leader = team_shift
    district_shift = make_shift(org["district"], role_name="场地布置")
    make_shift(org["other_district"], role_name="外区服务")
    query = "query($mine: Boolean) { volunteerShifts(runByMe: $mine) { totalCount items { id } } }"

    def ids(mine):
        return {int(item["id"]) for item in gql(query, {"mine": mine})["volunteerShifts"]["items"]}

    assert ids(True) == set()  # signed out
    gql.login(volunteer.user)
    assert ids(True) == set()
    gql.login(leader.user)
    assert ids(True) == {shift.pk}
    assert shift.pk not in ids(False) and district_shift.pk in ids(False)
    gql.login(organizer)
    assert ids(True) == {shift.pk, district_shift.pk}
    gql.login(make_superuser())
    assert len(ids(True)) == 3 and ids(False) == set()


ATTENDANCE = "signup { status checkedInAt checkedOutAt serviceRecord { hours status activityName } }"


def attend(gql, name, signup, **input):
    return mutate(gql, name, {"signupId": str(signup.pk), **input}, ATTENDANCE)


def test_organizer_checks_in_and_out_with_times_on_paper(gql, organizer, shift, volunteer):
    signup = signup_of(volunteer, shift)
    gql.login(organizer)
    arrived = shift.starts_at + datetime.timedelta(minutes=5)
    checked_in = done(attend(gql, "checkInVolunteer", signup, at=arrived.isoformat()), "signup")
    assert datetime.datetime.fromisoformat(checked_in["checkedInAt"]) == arrived
    refused(
        attend(gql, "checkOutVolunteer", signup, at=shift.starts_at.isoformat()),
        ("at", "INVALID_TIME"),
        key="signup",
    )
    left = arrived + datetime.timedelta(minutes=80)
    checked_out = done(attend(gql, "checkOutVolunteer", signup, at=left.isoformat()), "signup")
    assert checked_out["serviceRecord"] == {
        "hours": "1.50",
        "status": "PENDING",
        "activityName": shift.role.opportunity.title,
    }
    assert signup.volunteer.records.get().status == RecordStatus.PENDING
    refused(attend(gql, "checkOutVolunteer", signup), (None, "ALREADY_CHECKED_OUT"), key="signup")


def test_the_volunteer_checks_in_with_the_code(gql, org, shift, volunteer, team_shift):
    signup = signup_of(volunteer, shift)
    gql.login(volunteer.user)
    for name in ("checkInVolunteer", "checkOutVolunteer"):
        refused(attend(gql, name, signup), ("code", "INVALID_CODE"), key="signup")
        refused(
            attend(gql, name, signup, code="000000" if services.shift_code(shift) != "000000" else "111111"),
            ("code", "INVALID_CODE"),
            key="signup",
        )
    refused(
        attend(gql, "checkOutVolunteer", signup, code=services.shift_code(shift)),
        (None, "NOT_CHECKED_IN"),
        key="signup",
    )
    checked_in = done(attend(gql, "checkInVolunteer", signup, code=services.shift_code(shift)), "signup")
    assert checked_in["checkedInAt"] is not None
    gql.login(make_volunteer(org["community"]).user)
    refused(
        attend(gql, "checkOutVolunteer", signup, code=services.shift_code(shift)),
        (None, "PERMISSION_DENIED"),
        key="signup",
    )

    team_signup = signup_of(volunteer, team_shift[0])  # the leader of the shift's team runs it
    gql.login(team_shift[1].user)
    assert done(attend(gql, "checkInVolunteer", team_signup), "signup")["status"] == "CONFIRMED"


def test_attendance_refusals(gql, org, organizer, shift, volunteer):
    requested = signup_of(volunteer, shift, SignupStatus.REQUESTED)
    for name in ("checkInVolunteer", "checkOutVolunteer"):
        view = gql.logout()
        assert view is None
        refused(attend(gql, name, requested), (None, "UNAUTHENTICATED"), key="signup")
        gql.login(make_organizer(org["other_district"]))
        refused(attend(gql, name, requested), (None, "PERMISSION_DENIED"), key="signup")
        gql.login(organizer)
        refused(attend(gql, name, requested), (None, "NOT_CONFIRMED"), key="signup")
        refused(
            mutate(gql, name, {"signupId": "999999"}, ATTENDANCE), ("signupId", "NOT_FOUND"), key="signup"
        )


def test_shifts_of_one_opportunity_and_whether_sign_up_is_open(gql, org, shift):
    other = make_shift(org["district"], starts_at=tomorrow_at(14), max_count=1)
    signup_of(make_volunteer(org["community"]), other)
    late = make_shift(
        org["district"],
        opportunity=shift.role.opportunity,
        starts_at=tomorrow_at(15),
        signup_deadline=timezone.now() - datetime.timedelta(minutes=1),
    )
    query = """query ($id: ID) { volunteerShifts(opportunity: $id) { items { id signupOpen placesLeft } } }"""
    items = gql(query, {"id": str(shift.role.opportunity_id)})["volunteerShifts"]["items"]
    assert items == [
        {"id": str(shift.pk), "signupOpen": True, "placesLeft": 5},
        {"id": str(late.pk), "signupOpen": False, "placesLeft": 5},  # deadline passed
    ]
    [full] = gql(query, {"id": str(other.role.opportunity_id)})["volunteerShifts"]["items"]
    assert (full["signupOpen"], full["placesLeft"]) == (False, 0)
    assert gql(query, {"id": "x"})["volunteerShifts"]["items"] == []


def test_opportunities_filtered_by_skill_unit_and_dates(gql, org):
    law = make_skill("法律")
    make_shift(org["community"], role_name="法律咨询", skills=[law], starts_at=tomorrow_at(9, days=5))
    make_shift(org["other_district"], role_name="签到", starts_at=tomorrow_at(9, days=1))
    query = """query ($skill: ID, $unit: ID, $from: Date) {
        volunteerOpportunities(skill: $skill, orgUnit: $unit, from: $from) { items { roles { name } } } }"""

    def names(**variables):
        items = gql(query, variables)["volunteerOpportunities"]["items"]
        return [item["roles"][0]["name"] for item in items]

    assert names() == ["签到", "法律咨询"]
    assert names(skill=str(law.pk)) == ["法律咨询"]
    assert names(unit=str(org["district"].pk)) == ["法律咨询"]
    assert names(**{"from": (timezone.localdate() + datetime.timedelta(days=3)).isoformat()}) == ["法律咨询"]


def test_checking_in_again_keeps_the_first_time(gql, organizer, shift, volunteer):
    signup = signup_of(volunteer, shift)
    gql.login(organizer)
    first = shift.starts_at + datetime.timedelta(minutes=2)
    done(attend(gql, "checkInVolunteer", signup, at=first.isoformat()), "signup")
    later = (first + datetime.timedelta(minutes=30)).isoformat()
    again = done(attend(gql, "checkInVolunteer", signup, at=later), "signup")
    assert datetime.datetime.fromisoformat(again["checkedInAt"]) == first


def test_withdrawing_as_a_volunteer_gives_up_future_places(gql, shift, volunteer):
    signup = signup_of(volunteer, shift)
    gql.login(volunteer.user)
    done(mutate(gql, "withdrawAsVolunteer", fields="volunteer { status }"), "volunteer")
    signup.refresh_from_db()
    assert signup.status == SignupStatus.WITHDRAWN
    assert gql(f'{{ volunteerShift(id: "{shift.pk}") {{ placesLeft isSignedUp }} }}')["volunteerShift"] == {
        "placesLeft": 5,
        "isSignedUp": False,
    }
