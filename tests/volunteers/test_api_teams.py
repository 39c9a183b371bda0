"""Teams through the real /graphql/ endpoint: lists, what non-members see, joining, leaving and
leaders' decisions, each error code included."""

import pytest

from tests.volunteers.api import done, mutate, refused
from tests.volunteers.factories import (
    make_member,
    make_organizer,
    make_team,
    make_user,
    make_volunteer,
)
from volunteers.models import MembershipRole, MembershipStatus, TeamKind, TeamMembership, VolunteerStatus

pytestmark = pytest.mark.django_db

MEMBERSHIP = "membership { id status role name team { id memberCount } }"


@pytest.fixture
def team(org):
    return make_team(
        org["community"], name="华润社区家调志愿花", kind=TeamKind.MEDIATION, description="调解家庭纠纷"
    )


@pytest.fixture
def leader(org, team):
    leader = make_volunteer(org["community"], name="张丽华")
    make_member(team, leader, role=MembershipRole.LEADER)
    return leader


def test_teams_filtered_by_unit_and_kind(gql, org, team):
    make_team(org["other_district"], name="金坛巾帼志愿服务队")
    query = """query ($unit: ID, $kind: TeamKind) { volunteerTeams(orgUnit: $unit, kind: $kind) {
        totalCount items { name kind orgUnit { name } } } }"""
    names = [item["name"] for item in gql(query)["volunteerTeams"]["items"]]
    assert names == ["华润社区家调志愿花", "金坛巾帼志愿服务队"]
    page = gql(query, {"unit": str(org["district"].pk)})["volunteerTeams"]
    assert page == {
        "totalCount": 1,
        "items": [{"name": "华润社区家调志愿花", "kind": "MEDIATION", "orgUnit": {"name": "华润国际社区"}}],
    }
    assert [item["name"] for item in gql(query, {"kind": "GENERAL"})["volunteerTeams"]["items"]] == [
        "金坛巾帼志愿服务队"
    ]
    assert gql(query, {"kind": "EXPERT"})["volunteerTeams"]["totalCount"] == 0
    assert gql(query, {"unit": "999999"})["volunteerTeams"]["totalCount"] == 0


TEAM = """query ($id: ID!) { volunteerTeam(id: $id) { name description memberCount
    leaders { name role } members { name } joinRequests { name } myMembership { status }
    canDecideJoinRequests } }"""


def test_non_members_see_public_fields_only(gql, org, team, leader, volunteer):
    make_member(team, volunteer)
    outsider = make_volunteer(org["community"], name="赵敏")
    TeamMembership.objects.create(team=team, volunteer=outsider, status=MembershipStatus.REQUESTED)
    public = {
        "name": "华润社区家调志愿花",
        "description": "调解家庭纠纷",
        "memberCount": 2,
        "leaders": [{"name": "张*华", "role": "LEADER"}],
        "members": None,
        "joinRequests": None,
        "canDecideJoinRequests": False,
    }
    variables = {"id": str(team.pk)}
    assert gql(TEAM, variables)["volunteerTeam"] == {**public, "myMembership": None}
    gql.login(outsider.user)
    assert gql(TEAM, variables)["volunteerTeam"] == {**public, "myMembership": {"status": "REQUESTED"}}

    gql.login(volunteer.user)  # a member: full names, the member list, no requests
    data = gql(TEAM, variables)["volunteerTeam"]
    assert data["leaders"] == [{"name": "张丽华", "role": "LEADER"}]
    assert sorted(member["name"] for member in data["members"]) == ["张丽华", "王小红"]
    assert data["joinRequests"] is None
    assert data["myMembership"] == {"status": "ACTIVE"}

    for decider in (leader.user, make_organizer(org["street"])):
        gql.login(decider)
        data = gql(TEAM, variables)["volunteerTeam"]
        assert data["joinRequests"] == [{"name": "赵敏"}]
        assert data["canDecideJoinRequests"] is True
    assert gql('{ volunteerTeam(id: "0") { name } }')["volunteerTeam"] is None


def join(gql, team_id):
    return mutate(gql, "requestToJoinTeam", {"teamId": str(team_id)}, MEMBERSHIP)


def leave(gql, team_id):
    return mutate(gql, "leaveTeam", {"teamId": str(team_id)}, MEMBERSHIP)


def decide(gql, membership_id, approve=True):
    return mutate(
        gql, "decideJoinRequest", {"membershipId": str(membership_id), "approve": approve}, MEMBERSHIP
    )


def test_join_then_a_leader_accepts(gql, team, leader, volunteer):
    gql.login(volunteer.user)
    membership = done(join(gql, team.pk), "membership")
    assert (membership["status"], membership["role"], membership["name"]) == ("REQUESTED", "MEMBER", "王小红")
    refused(join(gql, team.pk), (None, "ALREADY_IN_TEAM"), key="membership")
    refused(decide(gql, membership["id"]), (None, "PERMISSION_DENIED"), key="membership")

    gql.login(leader.user)
    decided = done(decide(gql, membership["id"]), "membership")
    assert (decided["status"], decided["team"]["memberCount"]) == ("ACTIVE", 2)
    refused(decide(gql, membership["id"]), (None, "NOT_REQUESTED"), key="membership")

    gql.login(volunteer.user)
    refused(join(gql, team.pk), (None, "ALREADY_IN_TEAM"), key="membership")
    assert done(leave(gql, team.pk), "membership")["status"] == "LEFT"
    refused(leave(gql, team.pk), (None, "NOT_IN_TEAM"), key="membership")
    assert done(join(gql, team.pk), "membership")["status"] == "REQUESTED"  # a new request


def test_an_organizer_declines(gql, organizer, team, volunteer):
    membership = TeamMembership.objects.create(
        team=team, volunteer=volunteer, status=MembershipStatus.REQUESTED
    )
    gql.login(organizer)
    assert done(decide(gql, membership.pk, approve=False), "membership")["status"] == "DECLINED"


def test_join_refusals(gql, org, team):
    refused(join(gql, team.pk), (None, "UNAUTHENTICATED"), key="membership")
    gql.login(make_user())
    refused(join(gql, team.pk), (None, "NOT_A_VOLUNTEER"), key="membership")
    refused(leave(gql, team.pk), (None, "NOT_A_VOLUNTEER"), key="membership")
    applied = make_volunteer(org["community"], status=VolunteerStatus.APPLIED)
    gql.login(applied.user)
    refused(join(gql, team.pk), (None, "NOT_APPROVED"), key="membership")
    gql.login(make_volunteer(org["community"]).user)
    refused(join(gql, 999999), ("teamId", "NOT_FOUND"), key="membership")
    refused(leave(gql, "bad"), (None, "NOT_IN_TEAM"), key="membership")
    assert not TeamMembership.objects.exists()


def test_decide_refusals(gql, org, team, volunteer):
    membership = TeamMembership.objects.create(
        team=team, volunteer=volunteer, status=MembershipStatus.REQUESTED
    )
    refused(decide(gql, membership.pk), (None, "UNAUTHENTICATED"), key="membership")
    gql.login(make_organizer(org["other_district"]))
    refused(decide(gql, membership.pk), (None, "PERMISSION_DENIED"), key="membership")
    refused(decide(gql, 999999), ("membershipId", "NOT_FOUND"), key="membership")
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REQUESTED


def test_my_memberships_on_the_profile(gql, team, volunteer):
    make_member(team, volunteer)
    gql.login(volunteer.user)
    data = gql("{ myVolunteerProfile { memberships { status team { name } } } }")["myVolunteerProfile"]
    assert data == {"memberships": [{"status": "ACTIVE", "team": {"name": "华润社区家调志愿花"}}]}


def test_a_leader_of_another_team_may_not_decide(gql, org, team, volunteer):
    other_team = make_team(org["community"])
    other_leader = make_volunteer(org["community"])
    make_member(other_team, other_leader, role=MembershipRole.LEADER)
    membership = TeamMembership.objects.create(
        team=team, volunteer=volunteer, status=MembershipStatus.REQUESTED
    )
    gql.login(other_leader.user)
    refused(decide(gql, membership.pk), (None, "PERMISSION_DENIED"), key="membership")
    query = f'{{ volunteerTeam(id: "{team.pk}") {{ joinRequests {{ name }} canDecideJoinRequests }} }}'
    assert gql(query)["volunteerTeam"] == {"joinRequests": None, "canDecideJoinRequests": False}
