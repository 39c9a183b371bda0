"""Every rule and error code of volunteers/services.py, at the service level."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from cms.errors import CommonErrorCode, ServiceError
from events.models import Event
from tests.events.factories import make_event
from tests.home.factories import make_campaign, make_site
from tests.volunteers.factories import (
    adult_birth_date,
    apply_as,
    make_id_number,
    make_member,
    make_organizer,
    make_shift,
    make_skill,
    make_superuser,
    make_team,
    make_user,
    make_volunteer,
    tomorrow_at,
    years_ago,
)
from volunteers import selectors, services
from volunteers.identity import reveal_id_number
from volunteers.models import (
    CorrectionStatus,
    MembershipRole,
    MembershipStatus,
    Opportunity,
    OpportunityStatus,
    RecordChange,
    RecordSource,
    RecordStatus,
    ServiceRecord,
    ShiftSignup,
    SignupFlow,
    SignupStatus,
    Volunteer,
    VolunteerAgreement,
    VolunteerStatus,
)
from volunteers.services import VolunteerErrorCode as Code

pytestmark = pytest.mark.django_db
H = Decimal


def code_of(call, *args, **kwargs):
    with pytest.raises(ServiceError) as caught:
        call(*args, **kwargs)
    return caught.value.problems[0].code


@pytest.fixture
def clock(monkeypatch):
    """Move the services' clock: ``clock(moment)``."""

    def set_to(moment):
        monkeypatch.setattr(services, "_now", lambda: moment)
        return moment

    return set_to


# --- apply -----------------------------------------------------------------------------------------


def test_apply_creates_an_applied_profile(org):
    user = make_user()
    skill = make_skill("心理咨询")
    volunteer = apply_as(user, org["community"], skills=[skill.pk], availability="周末上午")
    assert volunteer.status == VolunteerStatus.APPLIED
    assert volunteer.consent_version == "2026-01" and volunteer.consented_at is not None
    assert volunteer.guardian_consented_at is None and volunteer.number is None
    assert list(volunteer.skills.all()) == [skill]
    assert volunteer.id_number_hash is None and volunteer.id_number_encrypted == ""


def test_one_profile_per_user(org):
    user = make_user()
    apply_as(user, org["community"])
    assert code_of(apply_as, user, org["community"]) == Code.ALREADY_APPLIED


def test_anonymous_cannot_apply(org):
    from django.contrib.auth.models import AnonymousUser

    assert code_of(apply_as, AnonymousUser(), org["community"]) == CommonErrorCode.UNAUTHENTICATED


def test_consent_is_required(org):
    assert code_of(apply_as, make_user(), org["community"], consent_version="  ") == Code.CONSENT_REQUIRED


def test_consent_is_to_the_current_agreement(org):
    agreement = VolunteerAgreement.load()
    agreement.version = "2027-01"
    agreement.save()
    user = make_user()
    assert code_of(apply_as, user, org["community"], consent_version="2026-01") == Code.CONSENT_REQUIRED
    assert not Volunteer.objects.filter(user=user).exists()
    assert apply_as(user, org["community"], consent_version="2027-01").consent_version == "2027-01"


def test_required_fields_and_unknown_unit_or_skill(org):
    assert code_of(apply_as, make_user(), org["community"], real_name="") == CommonErrorCode.REQUIRED
    assert code_of(apply_as, make_user(), org["community"], gender="x") == CommonErrorCode.INVALID
    assert code_of(apply_as, make_user(), org["community"], skills=[999999]) == CommonErrorCode.INVALID
    with pytest.raises(ServiceError) as caught:
        services.apply(
            make_user(),
            real_name="李",
            gender="female",
            birth_date=adult_birth_date(),
            phone="1",
            org_unit_id=999999,
            consent_version="2026-01",
        )
    assert caught.value.problems[0].code == CommonErrorCode.NOT_FOUND


def test_age_boundaries(org):
    unit = org["community"]
    # Under 14 (14th birthday tomorrow): refused even with a guardian.
    guardian = {"guardian_name": "李妈妈", "guardian_phone": "13700000000", "guardian_consent": True}
    assert code_of(apply_as, make_user(), unit, birth_date=years_ago(14, 1), **guardian) == Code.TOO_YOUNG
    # 14 today: with a guardian's consent, recorded with time.
    minor = apply_as(make_user(), unit, birth_date=years_ago(14), **guardian)
    assert minor.guardian_consented_at is not None and minor.guardian_name == "李妈妈"
    # 17 without any of name, phone, consent.
    for missing in ("guardian_name", "guardian_phone", "guardian_consent"):
        partial = {**guardian, missing: False if missing == "guardian_consent" else ""}
        assert (
            code_of(apply_as, make_user(), unit, birth_date=years_ago(18, 1), **partial)
            == Code.GUARDIAN_CONSENT_REQUIRED
        )
    # 18 today: an adult, no guardian needed (and none stored).
    adult = apply_as(make_user(), unit, birth_date=years_ago(18), guardian_name="不需要")
    assert adult.guardian_consented_at is None and adult.guardian_name == ""


def test_id_number_required_where_the_unit_or_a_unit_above_requires_it(org):
    assert apply_as(make_user(), org["community"]).id_number_masked == ""
    district = org["district"]
    district.volunteer_id_required = True
    district.save()
    assert code_of(apply_as, make_user(), org["community"]) == Code.ID_NUMBER_REQUIRED
    assert code_of(apply_as, make_user(), district) == Code.ID_NUMBER_REQUIRED
    # Neither the unit above nor a sibling district is covered.
    assert apply_as(make_user(), org["city"]).id_number_masked == ""
    assert apply_as(make_user(), org["other_district"]).id_number_masked == ""


def test_id_number_is_validated_protected_and_unique(org):
    birth = adult_birth_date()
    number = make_id_number(birth, area="320402")
    volunteer = apply_as(make_user(), org["community"], birth_date=birth, id_number=number)
    volunteer.refresh_from_db()
    assert volunteer.id_number_masked == f"3204**********{number[-4:]}"
    assert number not in volunteer.id_number_encrypted
    assert reveal_id_number(volunteer) == number
    assert (
        code_of(apply_as, make_user(), org["community"], birth_date=birth, id_number=number.lower())
        == Code.ID_NUMBER_TAKEN
    )
    bad = number[:-1] + ("0" if number[-1] != "0" else "1")
    assert (
        code_of(apply_as, make_user(), org["community"], birth_date=birth, id_number=bad)
        == Code.INVALID_ID_NUMBER
    )
    # Valid, but the birth date inside disagrees with the one given.
    other = make_id_number(birth - datetime.timedelta(days=1))
    assert (
        code_of(apply_as, make_user(), org["community"], birth_date=birth, id_number=other)
        == Code.INVALID_ID_NUMBER
    )


# --- approve, suspend, withdraw --------------------------------------------------------------------


def test_approve_assigns_sequential_numbers_per_year(org, organizer, clock):
    first = apply_as(make_user(), org["community"])
    second = apply_as(make_user(), org["community"])
    clock(timezone.make_aware(datetime.datetime(2026, 3, 1, 10)))
    assert services.approve_volunteer(first.pk, by=organizer).number == "CZ2026000001"
    approved = services.approve_volunteer(second.pk, by=organizer)
    assert approved.number == "CZ2026000002"
    assert approved.status == VolunteerStatus.APPROVED and approved.approved_by == organizer
    clock(timezone.make_aware(datetime.datetime(2027, 1, 2, 10)))
    third = services.approve_volunteer(apply_as(make_user(), org["community"]).pk, by=organizer)
    assert third.number == "CZ2027000001"
    # Suspended then re-approved: the number stays.
    services.suspend_volunteer(first.pk, by=organizer, reason="长期未参加")
    assert services.approve_volunteer(first.pk, by=organizer).number == "CZ2026000001"


def test_approve_needs_an_organizer_of_the_unit(org):
    applied = apply_as(make_user(), org["community"])
    other = make_organizer(org["other_district"])
    assert code_of(services.approve_volunteer, applied.pk, by=other) == CommonErrorCode.PERMISSION_DENIED
    assert (
        code_of(services.approve_volunteer, applied.pk, by=make_user()) == CommonErrorCode.PERMISSION_DENIED
    )
    assert code_of(services.approve_volunteer, 999999, by=other) == CommonErrorCode.NOT_FOUND
    # An organizer above (city) and a superuser may.
    assert services.approve_volunteer(applied.pk, by=make_organizer(org["city"])).status == "approved"


def test_approving_twice_or_a_withdrawn_volunteer_is_refused(org, organizer, volunteer):
    assert code_of(services.approve_volunteer, volunteer.pk, by=organizer) == Code.WRONG_STATUS


def test_suspend_needs_a_reason_and_a_suspendable_status(org, organizer, volunteer):
    assert code_of(services.suspend_volunteer, volunteer.pk, by=organizer, reason=" ") == Code.REASON_REQUIRED
    suspended = services.suspend_volunteer(volunteer.pk, by=organizer, reason="违反守则")
    assert suspended.status == VolunteerStatus.SUSPENDED and suspended.status_reason == "违反守则"
    assert code_of(services.suspend_volunteer, volunteer.pk, by=organizer, reason="再次") == Code.WRONG_STATUS
    assert (
        code_of(
            services.suspend_volunteer, volunteer.pk, by=make_organizer(org["other_district"]), reason="x"
        )
        == CommonErrorCode.PERMISSION_DENIED
    )


def test_withdraw_volunteer_frees_future_places_and_keeps_records(org, volunteer, shift):
    signup = services.sign_up(volunteer.user, shift.pk)
    services.withdraw_volunteer(volunteer.user)
    volunteer.refresh_from_db()
    signup.refresh_from_db()
    assert volunteer.status == VolunteerStatus.WITHDRAWN
    assert signup.status == SignupStatus.WITHDRAWN
    assert code_of(services.withdraw_volunteer, volunteer.user) == Code.WRONG_STATUS
    assert code_of(services.withdraw_volunteer, make_user()) == Code.NOT_A_VOLUNTEER


# --- teams -----------------------------------------------------------------------------------------


def test_join_request_decided_by_a_leader(org, volunteer):
    team = make_team(org["street"], name="菱溪社区家调志愿花")
    leader = make_volunteer(org["community"])
    make_member(team, leader, role=MembershipRole.LEADER)
    membership = services.request_to_join(volunteer.user, team.pk)
    assert membership.status == MembershipStatus.REQUESTED
    assert code_of(services.request_to_join, volunteer.user, team.pk) == Code.ALREADY_IN_TEAM
    # An ordinary member, a volunteer and an organizer elsewhere may not decide.
    member = make_volunteer(org["community"])
    make_member(team, member)
    for outsider in (member.user, make_user(), make_organizer(org["other_district"])):
        assert (
            code_of(services.decide_join_request, membership.pk, by=outsider, approve=True)
            == CommonErrorCode.PERMISSION_DENIED
        )
    decided = services.decide_join_request(membership.pk, by=leader.user, approve=True)
    assert decided.status == MembershipStatus.ACTIVE and decided.joined_at == timezone.localdate()
    assert (
        code_of(services.decide_join_request, membership.pk, by=leader.user, approve=False)
        == Code.NOT_REQUESTED
    )
    assert code_of(services.request_to_join, volunteer.user, team.pk) == Code.ALREADY_IN_TEAM
    left = services.leave_team(volunteer.user, team.pk)
    assert left.status == MembershipStatus.LEFT
    assert code_of(services.leave_team, volunteer.user, team.pk) == Code.NOT_IN_TEAM
    # Rejoining is a new request; an organizer of the team's unit declines it.
    again = services.request_to_join(volunteer.user, team.pk)
    declined = services.decide_join_request(again.pk, by=make_organizer(org["street"]), approve=False)
    assert declined.status == MembershipStatus.DECLINED


def test_only_approved_volunteers_join_teams(org):
    applied = make_volunteer(org["community"], status=VolunteerStatus.APPLIED)
    team = make_team(org["street"])
    assert code_of(services.request_to_join, applied.user, team.pk) == Code.NOT_APPROVED
    assert code_of(services.request_to_join, make_user(), team.pk) == Code.NOT_A_VOLUNTEER
    volunteer = make_volunteer(org["community"])
    assert code_of(services.request_to_join, volunteer.user, 999999) == CommonErrorCode.NOT_FOUND


# --- sign-up ---------------------------------------------------------------------------------------


def test_instant_sign_up_confirms(volunteer, shift):
    signup = services.sign_up(volunteer.user, shift.pk)
    assert signup.status == SignupStatus.CONFIRMED
    assert code_of(services.sign_up, volunteer.user, shift.pk) == Code.ALREADY_SIGNED_UP


def test_approval_flow_requests_then_organizer_decides(org, organizer, volunteer):
    shift = make_shift(org["district"], signup_flow=SignupFlow.APPROVAL)
    signup = services.sign_up(volunteer.user, shift.pk)
    assert signup.status == SignupStatus.REQUESTED
    other = make_organizer(org["other_district"])
    assert (
        code_of(services.decide_signup, signup.pk, by=other, approve=True)
        == CommonErrorCode.PERMISSION_DENIED
    )
    assert services.decide_signup(signup.pk, by=organizer, approve=True).status == SignupStatus.CONFIRMED
    assert code_of(services.decide_signup, signup.pk, by=organizer, approve=False) == Code.NOT_REQUESTED
    second = services.sign_up(make_volunteer(org["community"]).user, shift.pk)
    rejected = services.decide_signup(second.pk, by=organizer, approve=False)
    assert rejected.status == SignupStatus.REJECTED and rejected.decided_by == organizer


def test_sign_up_needs_an_approved_volunteer(org, shift):
    for status in (VolunteerStatus.APPLIED, VolunteerStatus.SUSPENDED, VolunteerStatus.WITHDRAWN):
        volunteer = make_volunteer(org["community"], status=status)
        assert code_of(services.sign_up, volunteer.user, shift.pk) == Code.NOT_APPROVED
    assert code_of(services.sign_up, make_user(), shift.pk) == Code.NOT_A_VOLUNTEER


def test_sign_up_for_a_draft_or_missing_shift(org, volunteer):
    draft = make_shift(org["district"], status=OpportunityStatus.DRAFT)
    assert code_of(services.sign_up, volunteer.user, draft.pk) == Code.OPPORTUNITY_NOT_OPEN
    assert code_of(services.sign_up, volunteer.user, 999999) == CommonErrorCode.NOT_FOUND
    assert code_of(services.sign_up, volunteer.user, "abc") == CommonErrorCode.NOT_FOUND


def test_deadline(org, volunteer, shift, clock):
    clock(shift.signup_deadline)
    assert code_of(services.sign_up, volunteer.user, shift.pk) == Code.DEADLINE_PASSED
    clock(shift.signup_deadline - datetime.timedelta(seconds=1))
    assert services.sign_up(volunteer.user, shift.pk).status == SignupStatus.CONFIRMED


def test_required_skills_and_team(org, volunteer):
    law, mediation = make_skill("法律"), make_skill("调解")
    shift = make_shift(org["district"], role_name="调解员", skills=[law, mediation])
    volunteer.skills.set([law])
    assert code_of(services.sign_up, volunteer.user, shift.pk) == Code.REQUIREMENTS_NOT_MET
    volunteer.skills.set([law, mediation, make_skill("摄影")])
    assert services.sign_up(volunteer.user, shift.pk).status == SignupStatus.CONFIRMED

    team = make_team(org["district"], name="常阿姐调解队")
    team_shift = make_shift(org["district"], required_team=team, starts_at=tomorrow_at(14))
    assert code_of(services.sign_up, volunteer.user, team_shift.pk) == Code.REQUIREMENTS_NOT_MET
    make_member(team, volunteer, status=MembershipStatus.REQUESTED)
    assert code_of(services.sign_up, volunteer.user, team_shift.pk) == Code.REQUIREMENTS_NOT_MET
    volunteer.memberships.update(status=MembershipStatus.ACTIVE)
    assert services.sign_up(volunteer.user, team_shift.pk).status == SignupStatus.CONFIRMED


def test_max_count_counts_requested_and_confirmed(org):
    shift = make_shift(org["district"], max_count=2, signup_flow=SignupFlow.APPROVAL)
    first = services.sign_up(make_volunteer(org["community"]).user, shift.pk)
    services.sign_up(make_volunteer(org["community"]).user, shift.pk)
    late = make_volunteer(org["community"])
    assert code_of(services.sign_up, late.user, shift.pk) == Code.SHIFT_FULL
    # A withdrawal frees the place.
    services.withdraw_signup(first.volunteer.user, first.pk)
    assert services.sign_up(late.user, shift.pk).status == SignupStatus.REQUESTED


def test_overlap_names_the_other_shift(org, volunteer):
    morning = make_shift(org["district"], role_name="签到引导", starts_at=tomorrow_at(9), hours=2)
    overlapping = make_shift(org["district"], role_name="亲子阅读讲师", starts_at=tomorrow_at(10), hours=2)
    touching = make_shift(org["district"], role_name="摄影", starts_at=tomorrow_at(11), hours=1)
    services.sign_up(volunteer.user, morning.pk)
    with pytest.raises(ServiceError) as caught:
        services.sign_up(volunteer.user, overlapping.pk)
    problem = caught.value.problems[0]
    assert problem.code == Code.OVERLAP
    start = timezone.localtime(morning.starts_at)
    assert "签到引导" in problem.message and start.strftime("%Y-%m-%d %H:%M") in problem.message
    assert "11:00" in problem.message
    # Ending when the other starts is not an overlap.
    assert services.sign_up(volunteer.user, touching.pk).status == SignupStatus.CONFIRMED


def test_a_requested_shift_blocks_overlaps_and_a_withdrawn_one_does_not(org, volunteer):
    requested = make_shift(org["district"], signup_flow=SignupFlow.APPROVAL)
    other = make_shift(org["district"], starts_at=tomorrow_at(10))
    signup = services.sign_up(volunteer.user, requested.pk)
    assert code_of(services.sign_up, volunteer.user, other.pk) == Code.OVERLAP
    services.withdraw_signup(volunteer.user, signup.pk)
    assert services.sign_up(volunteer.user, other.pk).status == SignupStatus.CONFIRMED
    # Signing up again after withdrawing is a new row; the old one stays.
    services.withdraw_signup(volunteer.user, ShiftSignup.objects.get(shift=other).pk)
    services.sign_up(volunteer.user, requested.pk)
    assert ShiftSignup.objects.filter(volunteer=volunteer).count() == 3


def test_withdraw_signup_rules(org, volunteer, shift, clock):
    signup = services.sign_up(volunteer.user, shift.pk)
    stranger = make_volunteer(org["community"])
    assert code_of(services.withdraw_signup, stranger.user, signup.pk) == CommonErrorCode.NOT_FOUND
    clock(shift.signup_deadline)
    assert code_of(services.withdraw_signup, volunteer.user, signup.pk) == Code.DEADLINE_PASSED
    clock(shift.signup_deadline - datetime.timedelta(minutes=1))
    assert services.withdraw_signup(volunteer.user, signup.pk).status == SignupStatus.WITHDRAWN
    assert code_of(services.withdraw_signup, volunteer.user, signup.pk) == Code.NOT_ACTIVE


def test_assign_bypasses_the_deadline_but_not_the_maximum_or_overlap(org, organizer, clock):
    shift = make_shift(org["district"], max_count=1)
    clash = make_shift(org["district"], starts_at=tomorrow_at(10))
    clock(shift.signup_deadline + datetime.timedelta(minutes=5))
    first = make_volunteer(org["community"])
    signup = services.assign(first.pk, shift.pk, by=organizer)
    assert signup.status == SignupStatus.CONFIRMED and signup.decided_by == organizer
    assert (
        code_of(services.assign, make_volunteer(org["community"]).pk, shift.pk, by=organizer)
        == Code.SHIFT_FULL
    )
    assert code_of(services.assign, first.pk, clash.pk, by=organizer) == Code.OVERLAP
    applied = make_volunteer(org["community"], status=VolunteerStatus.APPLIED)
    assert code_of(services.assign, applied.pk, clash.pk, by=organizer) == Code.NOT_APPROVED
    other = make_organizer(org["other_district"])
    assert code_of(services.assign, first.pk, clash.pk, by=other) == CommonErrorCode.PERMISSION_DENIED


# --- attendance ------------------------------------------------------------------------------------


@pytest.fixture
def confirmed(volunteer, shift):
    return services.sign_up(volunteer.user, shift.pk)


def test_rounding_half_up_to_the_step(settings):
    minutes = lambda m: datetime.timedelta(minutes=m)  # noqa: E731
    assert services.round_hours(minutes(44)) == H("0.50")
    assert services.round_hours(minutes(45)) == H("1.00")  # exactly half a step: up
    assert services.round_hours(minutes(74)) == H("1.00")
    assert services.round_hours(minutes(75)) == H("1.50")
    assert services.round_hours(minutes(14)) == H("0.00")
    settings.VOLUNTEER_HOURS_STEP = Decimal("0.25")
    assert services.round_hours(minutes(52)) == H("0.75")
    assert services.round_hours(minutes(53)) == H("1.00")  # 0.883 h -> 3.53 steps -> 4


def test_organizer_checks_in_and_out_and_a_pending_record_is_created(org, organizer, confirmed, shift):
    at = shift.starts_at - datetime.timedelta(minutes=10)
    signup = services.check_in_volunteer(confirmed.pk, by=organizer, at=at)
    assert signup.checked_in_at == at and signup.checked_in_by == organizer
    # Checking in again keeps the first time.
    assert (
        services.check_in_volunteer(
            confirmed.pk, by=organizer, at=at + datetime.timedelta(hours=1)
        ).checked_in_at
        == at
    )
    record = services.check_out_volunteer(confirmed.pk, by=organizer, at=at + datetime.timedelta(minutes=100))
    assert record.status == RecordStatus.PENDING and record.source == RecordSource.ATTENDANCE
    assert record.hours == H("1.50")  # 100 minutes -> 1.67 h -> 1.5
    opportunity = shift.role.opportunity
    assert record.activity_name == opportunity.title
    assert record.content.startswith(shift.role.name)
    assert record.place == shift.place
    assert record.service_date == timezone.localdate(shift.starts_at)
    assert record.responsible_person == "天宁组织者"
    assert record.recorder == organizer and record.organization == org["district"]
    confirmed.refresh_from_db()
    assert confirmed.checked_out_by == organizer
    assert code_of(services.check_out_volunteer, confirmed.pk, by=organizer) == Code.ALREADY_CHECKED_OUT


def test_hours_are_capped_at_the_shift_length(organizer, confirmed, shift):
    services.check_in_volunteer(confirmed.pk, by=organizer, at=shift.starts_at - datetime.timedelta(hours=1))
    record = services.check_out_volunteer(
        confirmed.pk, by=organizer, at=shift.ends_at + datetime.timedelta(hours=1)
    )
    assert record.hours == H("2.00")


def test_check_out_needs_a_check_in_and_a_sane_time(organizer, confirmed, shift):
    assert code_of(services.check_out_volunteer, confirmed.pk, by=organizer) == Code.NOT_CHECKED_IN
    services.check_in_volunteer(confirmed.pk, by=organizer, at=shift.starts_at)
    assert (
        code_of(
            services.check_out_volunteer,
            confirmed.pk,
            by=organizer,
            at=shift.starts_at - datetime.timedelta(1),
        )
        == Code.INVALID_TIME
    )


def test_only_confirmed_sign_ups_check_in(org, organizer, volunteer):
    shift = make_shift(org["district"], signup_flow=SignupFlow.APPROVAL)
    signup = services.sign_up(volunteer.user, shift.pk)
    assert code_of(services.check_in_volunteer, signup.pk, by=organizer) == Code.NOT_CONFIRMED


def test_volunteer_checks_in_with_the_rotating_code(volunteer, confirmed, shift, clock):
    now = clock(shift.starts_at)
    code = services.shift_code(shift, now)
    assert len(code) == 6 and code.isdigit()
    assert code_of(services.check_in_volunteer, confirmed.pk, by=volunteer.user) == Code.INVALID_CODE
    assert (
        code_of(services.check_in_volunteer, confirmed.pk, by=volunteer.user, code="000000x")
        == Code.INVALID_CODE
    )
    # ``at`` from a volunteer is ignored: the time is now.
    signup = services.check_in_volunteer(
        confirmed.pk, by=volunteer.user, code=code, at=now - datetime.timedelta(days=1)
    )
    assert signup.checked_in_at == now
    # The previous window's code still works, the one before it does not.
    later = clock(now + datetime.timedelta(minutes=125))
    previous = services.shift_code(shift, later - datetime.timedelta(minutes=5))
    too_old = services.shift_code(shift, later - datetime.timedelta(minutes=10))
    if too_old not in (previous, services.shift_code(shift, later)):
        assert (
            code_of(services.check_out_volunteer, confirmed.pk, by=volunteer.user, code=too_old)
            == Code.INVALID_CODE
        )
    record = services.check_out_volunteer(confirmed.pk, by=volunteer.user, code=previous)
    assert record.hours == H("2.00") and record.recorder is None
    # Nobody checked them out in person: the responsible person is an organizer of the unit, or its name.
    assert record.responsible_person == "天宁区"
    confirmed.refresh_from_db()
    assert confirmed.checked_in_by == confirmed.checked_out_by == volunteer.user


def test_the_opportunitys_served_and_responsible_person_go_into_the_record(organizer, confirmed, shift):
    opportunity = shift.role.opportunity
    opportunity.service_object = "社区老人"
    opportunity.responsible_person = "周主任"
    opportunity.save()
    services.check_in_volunteer(confirmed.pk, by=organizer, at=shift.starts_at)
    record = services.check_out_volunteer(confirmed.pk, by=organizer, at=shift.ends_at)
    assert record.service_object == "社区老人" and record.responsible_person == "周主任"
    assert record.recorder == organizer


def test_another_volunteer_cannot_check_someone_in(org, confirmed, shift):
    other = make_volunteer(org["community"])
    code = services.shift_code(shift)
    assert (
        code_of(services.check_in_volunteer, confirmed.pk, by=other.user, code=code)
        == CommonErrorCode.PERMISSION_DENIED
    )
    from django.contrib.auth.models import AnonymousUser

    assert (
        code_of(services.check_in_volunteer, confirmed.pk, by=AnonymousUser())
        == CommonErrorCode.UNAUTHENTICATED
    )


def test_a_team_leader_of_the_required_team_runs_the_shift(org, volunteer):
    team = make_team(org["district"])
    make_member(team, volunteer)
    leader = make_volunteer(org["community"], name="队长")
    make_member(team, leader, role=MembershipRole.LEADER)
    shift = make_shift(org["district"], required_team=team)
    signup = services.sign_up(volunteer.user, shift.pk)
    services.check_in_volunteer(signup.pk, by=leader.user, at=shift.starts_at)
    record = services.check_out_volunteer(
        signup.pk, by=leader.user, at=shift.starts_at + datetime.timedelta(hours=1)
    )
    assert record.hours == H("1.00") and record.responsible_person == leader.user.display_name


def test_shift_codes_differ_per_window_and_shift(shift, org):
    at = shift.starts_at
    assert services.shift_code(shift, at) == services.shift_code(shift, at + datetime.timedelta(seconds=1))
    other = make_shift(org["district"])
    codes = {services.shift_code(shift, at + datetime.timedelta(minutes=5 * i)) for i in range(12)}
    assert len(codes) > 6
    assert other.check_in_secret != shift.check_in_secret


# --- records ---------------------------------------------------------------------------------------


@pytest.fixture
def pending(organizer, confirmed, shift):
    services.check_in_volunteer(confirmed.pk, by=organizer, at=shift.starts_at)
    return services.check_out_volunteer(confirmed.pk, by=organizer, at=shift.ends_at)


def test_approve_record(org, organizer, pending):
    other = make_organizer(org["other_district"])
    assert code_of(services.approve_record, pending.pk, by=other) == CommonErrorCode.PERMISSION_DENIED
    # An organizer of the volunteer's community only (not of the recording district) may not.
    assert (
        code_of(services.approve_record, pending.pk, by=make_organizer(org["community"]))
        == CommonErrorCode.PERMISSION_DENIED
    )
    record = services.approve_record(pending.pk, by=organizer)
    assert record.status == RecordStatus.APPROVED
    assert list(record.changes.values_list("field", "old_value", "new_value")) == [
        ("status", "pending", "approved")
    ]
    assert code_of(services.approve_record, pending.pk, by=organizer) == Code.RECORD_NOT_PENDING
    assert selectors.total_hours(pending.volunteer) == H("2.00")


def test_approve_above_the_cap_needs_a_reason_and_is_kept_in_history(organizer, pending):
    assert code_of(services.approve_record, pending.pk, by=organizer, hours="3") == Code.REASON_REQUIRED
    assert (
        code_of(services.approve_record, pending.pk, by=organizer, hours="25", reason="x")
        == Code.INVALID_HOURS
    )
    assert (
        code_of(services.approve_record, pending.pk, by=organizer, hours="1.234", reason="x")
        == Code.INVALID_HOURS
    )
    assert (
        code_of(services.approve_record, pending.pk, by=organizer, hours="abc", reason="x")
        == Code.INVALID_HOURS
    )
    record = services.approve_record(pending.pk, by=organizer, hours="3", reason="活动延长一小时")
    assert record.hours == H("3.00") and record.status == RecordStatus.APPROVED
    change = record.changes.get(field="hours")
    assert (change.old_value, change.new_value, change.reason, change.changed_by) == (
        "2.00",
        "3.00",
        "活动延长一小时",
        organizer,
    )


def test_correct_record_writes_history_and_respects_the_cap(organizer, pending):
    assert (
        code_of(services.correct_record, pending.pk, by=organizer, reason="", place="x")
        == Code.REASON_REQUIRED
    )
    assert (
        code_of(services.correct_record, pending.pk, by=organizer, reason="r", hours="2.5")
        == Code.HOURS_ABOVE_CAP
    )
    assert (
        code_of(services.correct_record, pending.pk, by=organizer, reason="r", status="voided")
        == CommonErrorCode.INVALID
    )
    assert (
        code_of(services.correct_record, pending.pk, by=organizer, reason="r", place=pending.place)
        == Code.NOTHING_CHANGED
    )
    record = services.correct_record(
        pending.pk, by=organizer, reason="登记有误", hours="1.5", place="茶山街道文化站", evaluation="优秀"
    )
    assert (record.hours, record.place, record.evaluation) == (H("1.50"), "茶山街道文化站", "优秀")
    assert set(RecordChange.objects.filter(record=record).values_list("field", flat=True)) == {
        "hours",
        "place",
        "evaluation",
    }
    assert all(c.reason == "登记有误" for c in record.changes.all())


def test_void_keeps_the_record_and_stops_counting_it(organizer, pending):
    services.approve_record(pending.pk, by=organizer)
    assert code_of(services.void_record, pending.pk, by=organizer, reason="") == Code.REASON_REQUIRED
    record = services.void_record(pending.pk, by=organizer, reason="重复登记")
    assert record.status == RecordStatus.VOIDED and record.void_reason == "重复登记"
    assert ServiceRecord.objects.filter(pk=pending.pk).exists()
    assert selectors.total_hours(pending.volunteer) == H("0.00")
    assert code_of(services.void_record, pending.pk, by=organizer, reason="x") == Code.RECORD_VOIDED
    assert (
        code_of(services.correct_record, pending.pk, by=organizer, reason="x", place="y")
        == Code.RECORD_VOIDED
    )
    assert (
        code_of(services.request_correction, pending.volunteer.user, pending.pk, message="?")
        == Code.RECORD_VOIDED
    )


def test_manual_record(org, organizer, volunteer):
    day = timezone.localdate() - datetime.timedelta(days=3)
    record = services.add_manual_record(
        by=organizer,
        volunteer_id=volunteer.pk,
        activity_name="家庭教育宣讲",
        service_date=day,
        place="华润国际社区",
        hours="3.5",
        service_object="社区家长",
    )
    assert record.status == RecordStatus.APPROVED and record.source == RecordSource.MANUAL
    assert record.organization == volunteer.org_unit and record.recorder == organizer
    assert record.responsible_person == "天宁组织者"
    kwargs = {
        "volunteer_id": volunteer.pk,
        "activity_name": "x",
        "service_date": day,
        "place": "p",
        "hours": 1,
    }
    assert code_of(services.add_manual_record, by=make_organizer(org["other_district"]), **kwargs) == (
        CommonErrorCode.PERMISSION_DENIED
    )
    assert code_of(services.add_manual_record, by=organizer, **{**kwargs, "hours": 30}) == Code.INVALID_HOURS
    assert (
        code_of(services.add_manual_record, by=organizer, **{**kwargs, "activity_name": ""})
        == CommonErrorCode.REQUIRED
    )
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert (
        code_of(services.add_manual_record, by=organizer, **{**kwargs, "service_date": tomorrow})
        == CommonErrorCode.INVALID
    )
    applied = make_volunteer(org["community"], status=VolunteerStatus.APPLIED)
    assert (
        code_of(services.add_manual_record, by=organizer, **{**kwargs, "volunteer_id": applied.pk})
        == Code.NOT_APPROVED
    )
    # Manual hours have no shift, so no cap; with an organization the organizer manages.
    long_day = services.add_manual_record(
        by=organizer, **{**kwargs, "hours": 10, "organization_id": org["street"].pk}
    )
    assert long_day.hours == H("10.00") and long_day.organization == org["street"]


def test_correction_requests(org, organizer, pending):
    user = pending.volunteer.user
    stranger = make_volunteer(org["community"])
    assert (
        code_of(services.request_correction, stranger.user, pending.pk, message="?")
        == CommonErrorCode.NOT_FOUND
    )
    assert code_of(services.request_correction, user, pending.pk, message="") == CommonErrorCode.REQUIRED
    request = services.request_correction(user, pending.pk, message="我提前到岗半小时", proposed_hours="1.5")
    assert request.status == CorrectionStatus.OPEN
    assert (
        code_of(services.request_correction, user, pending.pk, message="again")
        == Code.CORRECTION_ALREADY_OPEN
    )
    other = make_organizer(org["other_district"])
    assert (
        code_of(services.decide_correction, request.pk, by=other, accept=True)
        == CommonErrorCode.PERMISSION_DENIED
    )
    decided = services.decide_correction(request.pk, by=organizer, accept=True, response="已核实")
    assert decided.status == CorrectionStatus.ACCEPTED and decided.decided_by == organizer
    pending.refresh_from_db()
    assert pending.hours == H("1.50")
    assert pending.changes.get(field="hours").reason == "已核实"
    assert (
        code_of(services.decide_correction, request.pk, by=organizer, accept=False, response="x")
        == Code.CORRECTION_NOT_OPEN
    )
    # Declining needs a response; above the cap is refused.
    second = services.request_correction(user, pending.pk, message="应为三小时", proposed_hours="3")
    assert code_of(services.decide_correction, second.pk, by=organizer, accept=False) == Code.REASON_REQUIRED
    assert code_of(services.decide_correction, second.pk, by=organizer, accept=True) == Code.HOURS_ABOVE_CAP
    assert (
        services.decide_correction(second.pk, by=organizer, accept=False, response="以签到为准").status
        == "declined"
    )


# --- records outlive their events and campaigns (acceptance 7) -------------------------------------


def test_deleting_the_event_or_the_campaign_keeps_every_record(org, organizer, volunteer):
    event = make_event(org["district"])
    _home, sections = make_site()
    campaign = make_campaign(sections["campaigns"], org["district"])
    records = []
    for link in ({"event": event}, {"page": campaign}):
        opportunity = Opportunity.objects.create(
            title="巾帼志愿服务", org_unit=org["district"], status=OpportunityStatus.PUBLISHED, **link
        )
        shift = make_shift(
            org["district"], opportunity=opportunity, starts_at=tomorrow_at(9, days=len(records) + 1)
        )
        signup = services.sign_up(volunteer.user, shift.pk)
        services.check_in_volunteer(signup.pk, by=organizer, at=shift.starts_at)
        record = services.check_out_volunteer(signup.pk, by=organizer, at=shift.ends_at)
        records.append(services.approve_record(record.pk, by=organizer))
    before = list(ServiceRecord.objects.order_by("pk").values())

    Event.objects.filter(pk=event.pk).delete()
    campaign.delete()

    assert list(ServiceRecord.objects.order_by("pk").values()) == before
    assert Opportunity.objects.filter(event__isnull=True, page__isnull=True).count() == 2
    assert selectors.total_hours(volunteer) == H("4.00")
    assert ShiftSignup.objects.filter(volunteer=volunteer).count() == 2


# --- selectors -------------------------------------------------------------------------------------


def test_hours_and_people_per_volunteer_team_unit_and_period(org, organizer):
    a = make_volunteer(org["community"])
    b = make_volunteer(org["street"])
    c = make_volunteer(org["other_district"])
    team = make_team(org["district"])
    make_member(team, a)
    make_member(team, c)
    city = make_superuser()
    jan, feb = datetime.date(2026, 1, 10), datetime.date(2026, 2, 10)

    def add(volunteer, day, hours):
        return services.add_manual_record(
            by=city, volunteer_id=volunteer.pk, activity_name="宣讲", service_date=day, place="p", hours=hours
        )

    add(a, jan, 2)
    add(a, feb, 3)
    add(b, jan, 1.5)
    add(c, feb, 4)
    services.void_record(add(a, jan, 9).pk, by=city, reason="重复")

    assert selectors.total_hours(a) == H("5.00")
    assert selectors.total_hours(a, start=feb) == H("3.00")
    assert selectors.hours_by_volunteer() == {a.pk: H("5.00"), b.pk: H("1.50"), c.pk: H("4.00")}
    assert selectors.hours_by_volunteer(Volunteer.objects.filter(pk=b.pk), end=jan) == {b.pk: H("1.50")}
    assert selectors.team_summary(team) == {"hours": H("9.00"), "people": 2, "records": 3}
    assert selectors.unit_summary(org["district"]) == {"hours": H("6.50"), "people": 2, "records": 3}
    assert selectors.unit_summary(org["district"], end=jan) == {"hours": H("3.50"), "people": 2, "records": 2}
    assert selectors.unit_summary(org["city"])["people"] == 3
    assert selectors.volunteer_summary(c) == {"hours": H("4.00"), "people": 1, "records": 1}


def test_can_manage_volunteer(org, organizer, volunteer):
    from django.contrib.auth.models import AnonymousUser

    assert selectors.can_manage_volunteer(organizer, volunteer)
    assert selectors.can_manage_volunteer(make_organizer(org["community"]), volunteer)
    assert not selectors.can_manage_volunteer(make_organizer(org["other_district"]), volunteer)
    assert not selectors.can_manage_volunteer(volunteer.user, volunteer)
    assert not selectors.can_manage_volunteer(AnonymousUser(), volunteer)
    assert selectors.can_manage_volunteer(make_superuser(), volunteer)


def test_every_error_code_is_described_for_developers():
    for code in Code:
        assert code.label and code.label != code.value
