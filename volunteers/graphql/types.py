"""GraphQL types of volunteers, skills and teams, and the volunteers enums; shifts and sign-ups are
in ``shift_types``, service records and certificates in ``record_types``.

Privacy (docs/volunteers.md): a volunteer's phone, birth date, masked ID number, emergency
contact, guardian and consent are **personal**: they resolve for the volunteer themself and for
organizers of the volunteer's unit or a unit above it (``selectors.can_manage_volunteer``), and
are null for everybody else, whoever reached the profile. The full ID number has no field at all.

Shift rosters: the organizers of the opportunity's unit see each sign-up's phone
(``ShiftSignup.phone``) because they run the shift and must reach the people on it, even when the
volunteer belongs to a unit they do not manage. Team leaders who run a shift (it is restricted to
their team) see names, statuses and check-in times, enough to check people in and out, but no
phone: the organizers are the volunteers' contact, and a leader is a fellow volunteer.
"""

import graphene
from wagtail.rich_text import expand_db_html

from home.graphql.types import OrgUnit
from volunteers import certificates, models, selectors, stars
from volunteers.graphql import loaders


def _enum(choices, name, description):
    return graphene.Enum.from_enum(choices, name=name, description=description)


VolunteerStatus = _enum(
    models.VolunteerStatus,
    "VolunteerStatus",
    "Where a volunteer stands: applied (awaiting approval), approved, suspended or withdrawn.",
)
VolunteerGender = _enum(models.Gender, "VolunteerGender", "Female, male, or not said.")
TeamKind = _enum(models.TeamKind, "TeamKind", "What kind of team: general, mediation, expert...")
TeamRole = _enum(models.MembershipRole, "TeamRole", "Member or leader of a team.")
TeamMembershipStatus = _enum(
    models.MembershipStatus, "TeamMembershipStatus", "Asked to join, member, declined, or left."
)
OpportunityStatus = _enum(
    models.OpportunityStatus, "OpportunityStatus", "Draft (organizers only), published or cancelled."
)
SignupFlow = _enum(
    models.SignupFlow,
    "ShiftSignupFlow",
    "INSTANT: a sign-up is confirmed at once. APPROVAL: an organizer confirms each request.",
)
SignupStatus = _enum(
    models.SignupStatus,
    "ShiftSignupStatus",
    "Requested and confirmed hold a place; withdrawn and rejected do not.",
)
RecordStatus = _enum(models.RecordStatus, "ServiceRecordStatus", "Awaiting review, approved or voided.")
RecordSource = _enum(
    models.RecordSource, "ServiceRecordSource", "From check-in and check-out, or entered by an organizer."
)
CorrectionStatus = _enum(models.CorrectionStatus, "CorrectionRequestStatus", "Open, accepted or declined.")
ShiftWhen = graphene.Enum(
    "ShiftWhen",
    [("UPCOMING", "upcoming"), ("PAST", "past")],
    description="UPCOMING: shifts that have not ended yet. PAST: shifts that have ended.",
)


def enum_value(value):
    return getattr(value, "value", value)


def _personal(resolve):
    """A personal field: null unless the viewer is the volunteer or manages them."""

    def resolver(volunteer, info):
        return resolve(volunteer) if loaders.may_see_personal(info, volunteer) else None

    return staticmethod(resolver)


def _hours(volunteer):
    if getattr(volunteer, "approved_hours", None) is None:
        volunteer.approved_hours = selectors.total_hours(volunteer)
    return volunteer.approved_hours


class Skill(graphene.ObjectType):
    """A skill of the taxonomy (法律, 心理咨询, 调解...); shifts may require some."""

    id = graphene.ID(required=True, description="The skill's id.")
    name = graphene.String(required=True, description="e.g. 心理咨询.")
    slug = graphene.String(required=True, description="A short name for filters and URLs.")


class VolunteerAgreement(graphene.ObjectType):
    """The volunteer agreement applicants read and accept (an editable setting)."""

    version = graphene.String(required=True, description="Its version; applying accepts exactly this one.")
    text = graphene.String(required=True, description="The agreement, as HTML.")

    @staticmethod
    def resolve_text(agreement, info):
        return expand_db_html(agreement.text)


class Volunteer(graphene.ObjectType):
    """A person's volunteer profile.

    Personal fields are null unless the viewer is the volunteer or organizes their unit (or a
    unit above it). The full ID number is never served; ``idNumberMasked`` shows 4 + 4 characters.
    """

    id = graphene.ID(required=True, description="The profile's id.")
    real_name = graphene.String(required=True, description="The name on the ID card.")
    gender = VolunteerGender(required=True, description="Female, male, or not said.")
    status = VolunteerStatus(required=True, description="Applied, approved, suspended or withdrawn.")
    status_reason = graphene.String(required=True, description="Why suspended; empty otherwise.")
    number = graphene.String(description="The volunteer number (CZ2026000001), given on approval.")
    org_unit = graphene.Field(OrgUnit, required=True, description="The community the volunteer belongs to.")
    skills = graphene.List(graphene.NonNull(Skill), required=True, description="The volunteer's skills.")
    availability = graphene.String(required=True, description="When they can serve, e.g. 周末上午.")
    on_public_leaderboard = graphene.Boolean(
        required=True, description="Whether a masked name and the hours may appear on the public leaderboard."
    )
    applied_at = graphene.DateTime(required=True, description="When they applied.")
    approved_at = graphene.DateTime(description="When they were last approved; null before.")
    total_hours = graphene.Decimal(required=True, description="Approved service hours, all time.")
    star_level = graphene.Int(required=True, description="0 to 5 stars (星级) from the approved hours.")
    next_star_threshold = graphene.Decimal(
        description="The hours that give the next star; null at the top level."
    )
    hours_to_next_star = graphene.Decimal(
        description="Hours still missing for the next star; null at the top."
    )
    phone = graphene.String(description="Personal: the volunteer's phone.")
    birth_date = graphene.Date(description="Personal: the birth date.")
    id_number_masked = graphene.String(
        description="Personal: the ID number masked (3204**********1234); empty when none was given."
    )
    emergency_contact_name = graphene.String(description="Personal: the emergency contact.")
    emergency_contact_phone = graphene.String(description="Personal: the emergency contact's phone.")
    guardian_name = graphene.String(description="Personal: the guardian of a volunteer under 18.")
    guardian_phone = graphene.String(description="Personal: the guardian's phone.")
    guardian_consented_at = graphene.DateTime(description="Personal: when the guardian consented.")
    consent_version = graphene.String(description="Personal: the volunteer agreement accepted.")
    consented_at = graphene.DateTime(description="Personal: when the agreement was accepted.")
    memberships = graphene.List(
        graphene.NonNull(lambda: TeamMembership),
        description="Personal: the teams joined or asked to join.",
    )

    @staticmethod
    def resolve_skills(volunteer, info):
        return list(volunteer.skills.all())

    @staticmethod
    def resolve_total_hours(volunteer, info):
        return _hours(volunteer)

    @staticmethod
    def resolve_star_level(volunteer, info):
        return stars.star_level(_hours(volunteer))

    @staticmethod
    def resolve_next_star_threshold(volunteer, info):
        hours = _hours(volunteer)
        return next((threshold for threshold in stars.star_thresholds() if hours < threshold), None)

    @staticmethod
    def resolve_hours_to_next_star(volunteer, info):
        return stars.hours_to_next_level(_hours(volunteer))

    resolve_phone = _personal(lambda volunteer: volunteer.phone)
    resolve_birth_date = _personal(lambda volunteer: volunteer.birth_date)
    resolve_id_number_masked = _personal(lambda volunteer: volunteer.id_number_masked)
    resolve_emergency_contact_name = _personal(lambda volunteer: volunteer.emergency_contact_name)
    resolve_emergency_contact_phone = _personal(lambda volunteer: volunteer.emergency_contact_phone)
    resolve_guardian_name = _personal(lambda volunteer: volunteer.guardian_name)
    resolve_guardian_phone = _personal(lambda volunteer: volunteer.guardian_phone)
    resolve_guardian_consented_at = _personal(lambda volunteer: volunteer.guardian_consented_at)
    resolve_consent_version = _personal(lambda volunteer: volunteer.consent_version)
    resolve_consented_at = _personal(lambda volunteer: volunteer.consented_at)

    @_personal
    def resolve_memberships(volunteer):
        if getattr(volunteer, "open_memberships", None) is None:
            memberships = loaders.team_memberships().filter(
                volunteer=volunteer, status__in=loaders.OPEN_MEMBERSHIP
            )
            volunteer.open_memberships = list(memberships)
        return volunteer.open_memberships


# --- teams -----------------------------------------------------------------------------------------


def _open_memberships(team):
    found = getattr(team, "open_memberships", None)
    if found is None:
        found = list(loaders.teams().get(pk=team.pk).open_memberships)
        team.open_memberships = found
    return found


def _active(team, role=None):
    return [
        membership
        for membership in _open_memberships(team)
        if membership.status == models.MembershipStatus.ACTIVE and (role is None or membership.role == role)
    ]


def _insider(info, team):
    """Members of the team and organizers of its unit see its member list and full names."""
    return team.pk in loaders.my_teams(info) or (loaders.manages(info, team.org_unit))


def _decides(info, team):
    return loaders.leads(info, team.pk) or (loaders.manages(info, team.org_unit))


class VolunteerTeam(graphene.ObjectType):
    """A volunteer team (志愿服务队) of a unit; members, and for leaders the join requests."""

    id = graphene.ID(required=True, description="The team's id.")
    name = graphene.String(required=True, description="e.g. 菱溪社区家调志愿花.")
    kind = TeamKind(required=True, description="What kind of team.")
    org_unit = graphene.Field(OrgUnit, required=True, description="The unit the team belongs to.")
    description = graphene.String(required=True, description="What the team does.")
    member_count = graphene.Int(required=True, description="Active members, leaders included.")
    leaders = graphene.List(
        graphene.NonNull(lambda: TeamMembership),
        required=True,
        description="The team's leaders; names are masked for people outside the team.",
    )
    members = graphene.List(
        graphene.NonNull(lambda: TeamMembership),
        description="Active members, leaders first; null unless the viewer is a member or an organizer.",
    )
    join_requests = graphene.List(
        graphene.NonNull(lambda: TeamMembership),
        description="Requests to join, oldest first; null unless the viewer leads the team or organizes it.",
    )
    my_membership = graphene.Field(
        lambda: TeamMembership, description="The viewer's membership or open request; null if none."
    )
    can_decide_join_requests = graphene.Boolean(
        required=True, description="Whether the viewer leads the team or organizes its unit."
    )

    @staticmethod
    def resolve_member_count(team, info):
        return len(_active(team))

    @staticmethod
    def resolve_leaders(team, info):
        return _active(team, models.MembershipRole.LEADER)

    @staticmethod
    def resolve_members(team, info):
        return _active(team) if _insider(info, team) else None

    @staticmethod
    def resolve_join_requests(team, info):
        if not _decides(info, team):
            return None
        requests = [m for m in _open_memberships(team) if m.status == models.MembershipStatus.REQUESTED]
        return sorted(requests, key=lambda membership: (membership.requested_at, membership.pk))

    @staticmethod
    def resolve_my_membership(team, info):
        mine = loaders.my_volunteer(info)
        if mine is None:
            return None
        return next((m for m in _open_memberships(team) if m.volunteer_id == mine.pk), None)

    @staticmethod
    def resolve_can_decide_join_requests(team, info):
        return _decides(info, team)


class TeamMembership(graphene.ObjectType):
    """A volunteer's place in a team, or their request to join it."""

    id = graphene.ID(required=True, description="The membership's id (to decide a join request).")
    team = graphene.Field(VolunteerTeam, required=True, description="The team.")
    name = graphene.String(
        required=True,
        description="The volunteer's name: full for the team's members and organizers, else masked (王*红).",
    )
    role = TeamRole(required=True, description="Member or leader.")
    status = TeamMembershipStatus(required=True, description="Asked to join, member, declined, or left.")
    requested_at = graphene.DateTime(required=True, description="When the volunteer asked to join.")
    joined_at = graphene.Date(description="When the request was accepted; null before.")

    @staticmethod
    def resolve_name(membership, info):
        volunteer = membership.volunteer
        if loaders.is_self(info, volunteer) or _insider(info, membership.team):
            return volunteer.real_name
        return certificates.masked_name(volunteer.real_name)


def schema_types():
    """Types reachable only through an interface; none."""
    return []
