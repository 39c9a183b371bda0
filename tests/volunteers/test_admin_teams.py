"""Teams in the admin: create and edit (the unit among the managed ones), the members screen with
roles and joining dates, join requests accepted or declined through the services, members added,
made leaders and ended; another unit's teams are refused; nothing is deleted."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.volunteers import factories
from tests.volunteers.admin_helpers import admin_url, messages_of, refused, staff_client
from volunteers import services
from volunteers.models import (
    MembershipRole,
    MembershipStatus,
    Team,
    TeamKind,
    TeamMembership,
    VolunteerStatus,
)

pytestmark = pytest.mark.django_db


def teams_url(name, *args):
    return reverse(f"volunteer_teams:{name}", args=args)


@pytest.fixture
def staff(client, organizer):
    return staff_client(client, organizer)


@pytest.fixture
def team(org):
    return factories.make_team(org["community"], name="菱溪社区家调志愿花", kind=TeamKind.MEDIATION)


@pytest.fixture
def foreign_team(org):
    return factories.make_team(org["other_district"], name="金坛巾帼志愿服务队")


def test_team_listing_is_scoped_and_links_to_members(staff, team, foreign_team, volunteer):
    factories.make_member(team, volunteer)
    response = staff.get(teams_url("index"))
    assert response.status_code == 200
    assert list(response.context["object_list"]) == [team]
    assert response.context["object_list"][0].members == 1
    assert admin_url("team_members", team.pk) in response.content.decode()


def test_create_team_for_a_managed_unit_only(staff, org):
    data = {
        "name": "天宁心理援助队",
        "kind": TeamKind.PSYCHOLOGICAL,
        "org_unit": org["street"].pk,
        "description": "",
    }
    assert staff.post(teams_url("add"), data).status_code == 302
    assert Team.objects.get(name="天宁心理援助队").org_unit == org["street"]
    response = staff.post(teams_url("add"), {**data, "name": "越权队", "org_unit": org["other_district"].pk})
    assert response.status_code == 200 and "org_unit" in response.context["form"].errors
    assert not Team.objects.filter(name="越权队").exists()


def test_members_screen_shows_roles_and_joining_dates(staff, team, volunteer):
    factories.make_member(team, volunteer, role=MembershipRole.LEADER)
    response = staff.get(admin_url("team_members", team.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "王小红" in html and timezone.localdate().strftime("%Y-%m-%d") in html
    assert [m.volunteer for m in response.context["members"]] == [volunteer]


def test_join_requests_are_accepted_and_declined(staff, org, team, volunteer):
    other = factories.make_volunteer(org["community"], name="陈静")
    first = services.request_to_join(volunteer.user, team.pk)
    second = services.request_to_join(other.user, team.pk)
    assert {m.pk for m in staff.get(admin_url("team_members", team.pk)).context["requests"]} == {
        first.pk,
        second.pk,
    }
    staff.post(admin_url("accept_membership", team.pk, first.pk))
    staff.post(admin_url("decline_membership", team.pk, second.pk))
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == MembershipStatus.ACTIVE and first.joined_at == timezone.localdate()
    assert second.status == MembershipStatus.DECLINED
    response = staff.post(admin_url("accept_membership", team.pk, second.pk))
    assert messages_of(response)  # NOT_REQUESTED, as a message
    second.refresh_from_db()
    assert second.status == MembershipStatus.DECLINED


def test_add_member_make_leader_and_end_membership(staff, org, team, volunteer):
    response = staff.get(admin_url("team_members", team.pk), {"q": volunteer.number})
    assert list(response.context["candidates"]) == [volunteer]
    staff.post(admin_url("add_member", team.pk), {"volunteer_id": volunteer.pk})
    membership = TeamMembership.objects.get(team=team, volunteer=volunteer)
    assert membership.status == MembershipStatus.ACTIVE and membership.role == MembershipRole.MEMBER
    response = staff.post(admin_url("add_member", team.pk), {"volunteer_id": volunteer.pk})
    assert messages_of(response)  # ALREADY_IN_TEAM
    staff.post(admin_url("role_membership", team.pk, membership.pk), {"role": MembershipRole.LEADER})
    membership.refresh_from_db()
    assert membership.role == MembershipRole.LEADER
    assert services.is_team_leader(volunteer.user, team)
    staff.post(admin_url("remove_membership", team.pk, membership.pk))
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.LEFT  # kept, not deleted
    applicant = factories.make_volunteer(org["community"], status=VolunteerStatus.APPLIED)
    response = staff.post(admin_url("add_member", team.pk), {"volunteer_id": applicant.pk})
    assert messages_of(response)  # NOT_APPROVED
    assert not TeamMembership.objects.filter(volunteer=applicant).exists()


def test_a_membership_of_another_team_is_not_found(staff, org, team, volunteer):
    other_team = factories.make_team(org["district"])
    membership = factories.make_member(other_team, volunteer)
    assert staff.post(admin_url("remove_membership", team.pk, membership.pk)).status_code == 404


def test_teams_are_never_deleted_and_others_are_refused(staff, org, team, foreign_team):
    assert refused(staff.post(teams_url("delete", team.pk)))
    assert Team.objects.filter(pk=team.pk).exists()
    assert refused(staff.get(teams_url("edit", foreign_team.pk)))
    assert refused(staff.get(admin_url("team_members", foreign_team.pk)))
    volunteer = factories.make_volunteer(org["other_district"])
    request = services.request_to_join(volunteer.user, foreign_team.pk)
    assert refused(staff.post(admin_url("accept_membership", foreign_team.pk, request.pk)))
    assert refused(staff.post(admin_url("add_member", foreign_team.pk), {"volunteer_id": volunteer.pk}))
    request.refresh_from_db()
    assert request.status == MembershipStatus.REQUESTED
    assert TeamMembership.objects.filter(team=foreign_team).count() == 1


def test_team_services_refuse_organizers_of_other_units(org, foreign_team, organizer):
    from cms.errors import ServiceError

    volunteer = factories.make_volunteer(org["other_district"])
    with pytest.raises(ServiceError) as refused_error:
        services.add_team_member(foreign_team.pk, volunteer.pk, by=organizer)
    assert refused_error.value.problems[0].code == "PERMISSION_DENIED"
    membership = factories.make_member(foreign_team, volunteer)
    for call in (
        lambda: services.set_member_role(membership.pk, by=organizer, role=MembershipRole.LEADER),
        lambda: services.remove_team_member(membership.pk, by=organizer),
    ):
        with pytest.raises(ServiceError):
            call()
    membership.refresh_from_db()
    assert (membership.role, membership.status) == (MembershipRole.MEMBER, MembershipStatus.ACTIVE)
