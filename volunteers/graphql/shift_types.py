"""GraphQL types of opportunities, roles, shifts and sign-ups.

Sign-ups are reached only by the volunteer and by those who run the shift; see ``types`` for the
privacy rule and why organizers of the shift's unit see phones on the roster but leaders do not.
"""

import graphene
from django.utils import timezone

from home.graphql.types import OrgUnit
from volunteers import models, services
from volunteers.graphql import loaders
from volunteers.graphql.record_types import ServiceRecord
from volunteers.graphql.types import (
    OpportunityStatus,
    SignupFlow,
    SignupStatus,
    Skill,
    Volunteer,
    VolunteerTeam,
)


class ShiftRole(graphene.ObjectType):
    """A post (岗位) within an opportunity: 签到引导, 亲子阅读讲师..."""

    id = graphene.ID(required=True, description="The role's id.")
    name = graphene.String(required=True, description="e.g. 签到引导.")
    description = graphene.String(required=True, description="What the role does, possibly empty.")


class VolunteerOpportunity(graphene.ObjectType):
    """A call for volunteers: roles, each with dated shifts to sign up for."""

    id = graphene.ID(required=True, description="The opportunity's id.")
    title = graphene.String(required=True, description="e.g. 亲子阅读会志愿服务.")
    description = graphene.String(required=True, description="What volunteers will do.")
    org_unit = graphene.Field(
        OrgUnit, required=True, description="The unit that organizes it and records the hours."
    )
    service_object = graphene.String(required=True, description="Who is served, possibly empty.")
    status = OpportunityStatus(required=True, description="Published or cancelled (drafts: organizers only).")
    event_id = graphene.ID(description="The event it belongs to, if any.")
    roles = graphene.List(graphene.NonNull(ShiftRole), required=True, description="Its roles.")
    shifts = graphene.List(
        graphene.NonNull(lambda: VolunteerShift), required=True, description="Every shift, by start."
    )
    can_manage = graphene.Boolean(required=True, description="Whether the viewer organizes its unit.")

    @staticmethod
    def resolve_roles(opportunity, info):
        return list(opportunity.roles.all())

    @staticmethod
    def resolve_shifts(opportunity, info):
        if not hasattr(opportunity, "shift_list"):
            loaders.prepare_opportunities(info, [opportunity])
        return opportunity.shift_list

    @staticmethod
    def resolve_can_manage(opportunity, info):
        return loaders.manages(info, opportunity.org_unit)


def _places_left(shift):
    taken = getattr(shift, "taken", None)
    if taken is None:
        taken = shift.signups.filter(status__in=services.HOLDING_STATUSES).count()
    return max(shift.max_count - taken, 0)


def _my_signup(info, shift):
    if not hasattr(shift, "my_signup"):
        loaders.attach_my_signups(info, [shift])
    return shift.my_signup


class VolunteerShift(graphene.ObjectType):
    """A dated shift of a role: when, where, how many volunteers, and the viewer's place."""

    id = graphene.ID(required=True, description="The shift's id.")
    opportunity = graphene.Field(VolunteerOpportunity, required=True, description="The opportunity.")
    role = graphene.Field(ShiftRole, required=True, description="The role served.")
    starts_at = graphene.DateTime(required=True, description="When it starts.")
    ends_at = graphene.DateTime(required=True, description="When it ends.")
    place = graphene.String(required=True, description="Where to report.")
    min_count = graphene.Int(required=True, description="Volunteers needed at least.")
    max_count = graphene.Int(required=True, description="Volunteers accepted at most.")
    places_left = graphene.Int(
        required=True, description="Places not held by requested or confirmed sign-ups; never negative."
    )
    signup_flow = SignupFlow(required=True, description="Instant, or requests approved by an organizer.")
    signup_deadline = graphene.DateTime(required=True, description="Last moment to sign up or withdraw.")
    signup_open = graphene.Boolean(
        required=True,
        description="Whether signing up is possible now: published, before the deadline, places left.",
    )
    required_skills = graphene.List(
        graphene.NonNull(Skill), required=True, description="Skills a volunteer needs for this shift."
    )
    required_team = graphene.Field(VolunteerTeam, description="Only members of this team may sign up.")
    is_signed_up = graphene.Boolean(
        required=True, description="Whether the viewer holds a requested or confirmed place."
    )
    my_signup = graphene.Field(
        lambda: ShiftSignup,
        description="The viewer's place-holding sign-up, else their latest one; null if none.",
    )
    can_run = graphene.Boolean(
        required=True,
        description="Whether the viewer runs the shift (organizer of its unit, or leader of its team).",
    )
    check_in_code = graphene.String(
        description=(
            "The current six-digit check-in code (changes every 5 minutes; the previous one is still "
            "accepted), to show volunteers; null unless the viewer runs the shift."
        )
    )

    @staticmethod
    def resolve_opportunity(shift, info):
        return shift.role.opportunity

    @staticmethod
    def resolve_places_left(shift, info):
        return _places_left(shift)

    @staticmethod
    def resolve_signup_open(shift, info):
        return (
            shift.role.opportunity.status == models.OpportunityStatus.PUBLISHED
            and timezone.now() < shift.signup_deadline
            and _places_left(shift) > 0
        )

    @staticmethod
    def resolve_required_skills(shift, info):
        return list(shift.required_skills.all())

    @staticmethod
    def resolve_is_signed_up(shift, info):
        signup = _my_signup(info, shift)
        return signup is not None and signup.status in services.HOLDING_STATUSES

    @staticmethod
    def resolve_my_signup(shift, info):
        return _my_signup(info, shift)

    @staticmethod
    def resolve_can_run(shift, info):
        return loaders.runs_shift(info, shift)

    @staticmethod
    def resolve_check_in_code(shift, info):
        return services.shift_code(shift) if loaders.runs_shift(info, shift) else None


class ShiftSignup(graphene.ObjectType):
    """A volunteer's place on a shift, with attendance.

    Reached only by the volunteer and by those who run the shift (see the module's note on
    phones).
    """

    id = graphene.ID(required=True, description="The sign-up's id.")
    shift = graphene.Field(VolunteerShift, required=True, description="The shift.")
    volunteer = graphene.Field(
        Volunteer, required=True, description="Who signed up (personal fields as on Volunteer)."
    )
    phone = graphene.String(
        description=(
            "The volunteer's phone, for the volunteer, the organizers of the shift's unit and of the "
            "volunteer's unit; null for team leaders and anyone else."
        )
    )
    status = SignupStatus(required=True, description="Requested, confirmed, withdrawn or rejected.")
    created_at = graphene.DateTime(required=True, description="When the volunteer signed up.")
    decided_at = graphene.DateTime(description="When it was confirmed, rejected or withdrawn.")
    checked_in_at = graphene.DateTime(description="Arrival; null before check-in.")
    checked_out_at = graphene.DateTime(description="Departure; null before check-out.")
    can_withdraw = graphene.Boolean(
        required=True,
        description="Whether the viewer may withdraw it now (theirs, holding a place, before the deadline).",
    )
    service_record = graphene.Field(ServiceRecord, description="The record made at check-out; null before.")

    @staticmethod
    def resolve_phone(signup, info):
        volunteer = signup.volunteer
        organizes = loaders.manages(info, signup.shift.role.opportunity.org_unit)
        return volunteer.phone if organizes or loaders.may_see_personal(info, volunteer) else None

    @staticmethod
    def resolve_can_withdraw(signup, info):
        return (
            loaders.is_self(info, signup.volunteer)
            and signup.status in services.HOLDING_STATUSES
            and timezone.now() < signup.shift.signup_deadline
        )

    @staticmethod
    def resolve_service_record(signup, info):
        record = getattr(signup, "record", None)
        if record is not None:
            record.volunteer = signup.volunteer
        return record
