"""load_demo adds the volunteers demo (issue 4): the seeds' teams, people over every star level,
shifts to come and shifts done, and logins that share the demo admin's password."""

import datetime

import pytest
from django.apps import apps
from django.utils import timezone

from home.models import HonourRecipient, OrgUnit
from home.permissions import manages_unit
from volunteers import selectors, statistics
from volunteers.demo import fake_id_number, load_demo_volunteers, monthly_hours
from volunteers.identity import reveal_id_number, validate_id_number
from volunteers.models import (
    Certificate,
    CorrectionRequest,
    MembershipRole,
    MembershipStatus,
    Opportunity,
    RecordSource,
    RecordStatus,
    ServiceRecord,
    Shift,
    ShiftSignup,
    SignupFlow,
    SignupStatus,
    Skill,
    Team,
    TeamKind,
    Volunteer,
    VolunteerStatus,
)
from volunteers.stars import star_level

pytestmark = pytest.mark.django_db


def test_monthly_hours_add_up_in_half_hours_under_a_day():
    for total in [0, 8, 132, 330, 1520]:
        months = monthly_hours(total)
        assert sum(months) == total
        assert all(0 < hours <= 24 and hours * 2 == int(hours * 2) for hours in months)


def test_fake_id_numbers_are_valid():
    born = datetime.date(1980, 2, 29)
    assert validate_id_number(fake_id_number(born, 7)) == fake_id_number(born, 7)


@pytest.mark.usefixtures("demo")
class TestVolunteersDemo:
    def test_the_skills_taxonomy(self):
        names = set(Skill.objects.values_list("name", flat=True))
        assert {"法律", "心理咨询", "调解", "家政", "宣讲", "摄影", "医护", "教育"} <= names

    def test_the_seeds_teams_with_one_leader_each(self):
        teams = {team.name: team for team in Team.objects.select_related("org_unit")}
        kinds = {team.kind for team in teams.values()}
        assert kinds == set(TeamKind.values)
        assert sum("巾帼志愿者" in name for name in teams) >= 2
        assert any("家调志愿花" in name for name in teams)
        assert any("常阿姐" in name for name in teams)
        assert (
            teams["施暴者心理干预志愿者队伍"].memberships.filter(status=MembershipStatus.ACTIVE).count() == 20
        )
        assert teams["菱溪社区家调志愿花"].org_unit.name == "菱溪社区"
        for team in teams.values():
            leaders = team.memberships.filter(role=MembershipRole.LEADER, status=MembershipStatus.ACTIVE)
            assert leaders.count() == 1, team.name

    def test_people_over_every_star_level_and_status(self):
        volunteers = Volunteer.objects.all()
        assert 40 <= volunteers.count() <= 80
        hours = selectors.hours_by_volunteer()
        approved = volunteers.filter(status=VolunteerStatus.APPROVED)
        assert {star_level(hours.get(v.pk, 0)) for v in approved} == {0, 1, 2, 3, 4, 5}
        statuses = list(volunteers.values_list("status", flat=True))
        assert statuses.count(VolunteerStatus.SUSPENDED) == 1
        assert statuses.count(VolunteerStatus.APPLIED) >= 2
        assert approved.filter(number__startswith="CZ").count() == approved.count()
        assert 0 < approved.filter(on_public_leaderboard=True).count() < approved.count()
        recipients = set(HonourRecipient.objects.values_list("name", flat=True))
        assert not recipients & set(volunteers.values_list("real_name", flat=True))

    def test_phones_and_id_numbers_are_fake_but_well_formed(self):
        with_id = Volunteer.objects.exclude(id_number_encrypted="")
        assert 0 < with_id.count() < Volunteer.objects.count()
        for volunteer in with_id:
            number = reveal_id_number(volunteer)
            assert validate_id_number(number) == number
            assert volunteer.id_number_masked == f"{number[:4]}**********{number[-4:]}"
        assert all(phone.startswith("1390000") for phone in Volunteer.objects.values_list("phone", flat=True))

    def test_shifts_to_come_cover_every_kind_of_sign_up(self):
        now = timezone.now()
        upcoming = Shift.objects.filter(starts_at__gt=now)
        assert upcoming.filter(role__opportunity__event__isnull=False).exists()
        assert upcoming.filter(role__opportunity__page__slug="99-giving-day").exists()
        assert upcoming.filter(required_team__isnull=False).exists()
        assert upcoming.filter(
            signup_flow=SignupFlow.APPROVAL, signups__status=SignupStatus.REQUESTED
        ).exists()
        full = [
            shift for shift in upcoming if shift.signups.filter(status="confirmed").count() == shift.max_count
        ]
        assert full
        roles = set(Opportunity.objects.values_list("roles__name", flat=True))
        assert {"签到引导", "亲子阅读讲师", "调解员"} <= roles

    def test_shifts_done_have_check_ins_and_records(self):
        past = ShiftSignup.objects.filter(shift__starts_at__lt=timezone.now())
        assert past.exists() and not past.filter(checked_in_at__isnull=True).exists()
        attendance = ServiceRecord.objects.filter(source=RecordSource.ATTENDANCE)
        assert attendance.count() == past.count()
        assert {RecordStatus.APPROVED, RecordStatus.PENDING} <= set(
            attendance.values_list("status", flat=True)
        )
        assert ServiceRecord.objects.filter(status=RecordStatus.VOIDED).exists()
        assert CorrectionRequest.objects.exists() and Certificate.objects.exists()

    def test_logins_share_the_admin_password(self, demo):
        users = {v.user.username: v for v in Volunteer.objects.select_related("user")}
        volunteer, leader = users["demo-volunteer"], users["demo-leader"]
        for account in [volunteer.user, leader.user]:
            assert account.check_password(demo["password"])
            assert account.emailaddress_set.filter(verified=True, primary=True).exists()
        assert volunteer.status == VolunteerStatus.APPROVED
        assert volunteer.signups.filter(shift__starts_at__gt=timezone.now()).exists()
        assert leader.memberships.filter(role=MembershipRole.LEADER, status=MembershipStatus.ACTIVE).exists()
        organizer = volunteer.approved_by
        assert organizer.username == "demo-organizer" and organizer.check_password(demo["password"])
        assert manages_unit(organizer, OrgUnit.objects.get(name="菱溪社区"))

    def test_the_leaderboard_has_entries(self):
        year = timezone.localdate().year
        entries = statistics.leaderboard_entries(
            statistics.leaderboard(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        )
        assert len(entries) >= 10 and entries[0].rank == 1

    def test_loading_again_on_a_later_day_adds_nothing_and_moves_what_is_to_come(self):
        def counts():
            return {
                model: model._base_manager.count() for model in apps.get_app_config("volunteers").get_models()
            }

        before = counts()
        first_upcoming = Shift.objects.filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
        load_demo_volunteers(today=timezone.localdate() + datetime.timedelta(days=7))
        assert counts() == before
        first_upcoming.refresh_from_db()
        assert first_upcoming.starts_at > timezone.now() + datetime.timedelta(days=7)
