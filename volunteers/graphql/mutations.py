"""Volunteers mutations: apply, profile, teams, shifts and attendance.

Each one calls one service of ``volunteers.services`` and returns the changed object, re-read
through ``volunteers.graphql.loaders`` so that it carries what a query would show the viewer,
and a typed ``errors`` list whose code enum lists exactly the ``VolunteerErrorCode`` members the
service can raise (the common codes come with every enum). Ids go to the services as sent: they
answer NOT_FOUND for malformed ids as for unknown ones. Record, correction and certificate
mutations are in ``volunteers.graphql.record_mutations``.
"""

import graphene
from django.utils.translation import gettext as _

from cms.accounts.mfa import MFAErrorCode
from cms.errors import CommonErrorCode, fail
from cms.graphql.errors import error_type
from cms.graphql.mutations import ServiceMutation
from cms.ratelimit import RateLimitErrorCode
from volunteers import services
from volunteers.graphql import loaders, shift_types, types
from volunteers.graphql.record_mutations import RecordMutation, payload
from volunteers.services import VolunteerErrorCode as Code

MAX_SKILLS = 30

PLACE_CODES = [
    Code.NOT_APPROVED,
    Code.OPPORTUNITY_NOT_OPEN,
    Code.REQUIREMENTS_NOT_MET,
    Code.ALREADY_SIGNED_UP,
    Code.SHIFT_FULL,
    Code.OVERLAP,
]
ATTENDANCE_CODES = [Code.INVALID_CODE, Code.NOT_CONFIRMED]

ApplyAsVolunteerError = error_type(
    "ApplyAsVolunteer",
    [
        Code.TOO_YOUNG,
        Code.GUARDIAN_CONSENT_REQUIRED,
        Code.CONSENT_REQUIRED,
        Code.ID_NUMBER_REQUIRED,
        Code.INVALID_ID_NUMBER,
        Code.ID_NUMBER_TAKEN,
        Code.ALREADY_APPLIED,
        RateLimitErrorCode.RATE_LIMITED,
    ],
)
UpdateVolunteerProfileError = error_type("UpdateVolunteerProfile", [Code.NOT_A_VOLUNTEER, Code.WRONG_STATUS])
WithdrawAsVolunteerError = error_type("WithdrawAsVolunteer", [Code.NOT_A_VOLUNTEER, Code.WRONG_STATUS])
ApproveVolunteerError = error_type("ApproveVolunteer", [Code.WRONG_STATUS, MFAErrorCode.MFA_REQUIRED])
SuspendVolunteerError = error_type(
    "SuspendVolunteer", [Code.REASON_REQUIRED, Code.WRONG_STATUS, MFAErrorCode.MFA_REQUIRED]
)
RequestToJoinTeamError = error_type(
    "RequestToJoinTeam", [Code.NOT_A_VOLUNTEER, Code.NOT_APPROVED, Code.ALREADY_IN_TEAM]
)
LeaveTeamError = error_type("LeaveTeam", [Code.NOT_A_VOLUNTEER, Code.NOT_IN_TEAM])
DecideJoinRequestError = error_type("DecideJoinRequest", [Code.NOT_REQUESTED, MFAErrorCode.MFA_REQUIRED])
SignUpForShiftError = error_type(
    "SignUpForShift",
    [Code.NOT_A_VOLUNTEER, Code.DEADLINE_PASSED, *PLACE_CODES, RateLimitErrorCode.RATE_LIMITED],
)
WithdrawShiftSignupError = error_type(
    "WithdrawShiftSignup", [Code.NOT_A_VOLUNTEER, Code.NOT_ACTIVE, Code.DEADLINE_PASSED]
)
DecideShiftSignupError = error_type("DecideShiftSignup", [Code.NOT_REQUESTED, MFAErrorCode.MFA_REQUIRED])
AssignVolunteerToShiftError = error_type("AssignVolunteerToShift", [*PLACE_CODES, MFAErrorCode.MFA_REQUIRED])
CheckInVolunteerError = error_type("CheckInVolunteer", [*ATTENDANCE_CODES, MFAErrorCode.MFA_REQUIRED])
CheckOutVolunteerError = error_type(
    "CheckOutVolunteer",
    [
        *ATTENDANCE_CODES,
        Code.NOT_CHECKED_IN,
        Code.ALREADY_CHECKED_OUT,
        Code.INVALID_TIME,
        MFAErrorCode.MFA_REQUIRED,
    ],
)


def _volunteer(volunteer):
    return loaders.load_volunteer(volunteer.pk)


def _membership(membership):
    return loaders.team_memberships().get(pk=membership.pk)


def _signup(info, signup):
    return loaders.prepare_signups(info, [loaders.signups().get(pk=signup.pk)])[0]


def _skills(skills):
    skills = list(skills or ())
    if len(skills) > MAX_SKILLS:
        fail(CommonErrorCode.INVALID, _("At most %(count)d skills.") % {"count": MAX_SKILLS}, "skills")
    return skills


# --- the volunteer ---------------------------------------------------------------------------------


class ApplyAsVolunteer(ServiceMutation):
    """Apply as a volunteer: the profile starts APPLIED until an organizer of the community approves it."""

    class Input:
        real_name = graphene.String(required=True, description="The name on the ID card.")
        gender = types.VolunteerGender(required=True, description="Female, male, or not said.")
        birth_date = graphene.Date(required=True, description="Volunteers are 14 or older.")
        phone = graphene.String(required=True, description="A phone number for the organizers.")
        org_unit_id = graphene.ID(required=True, description="The community (an OrgUnit) joined.")
        skills = graphene.List(graphene.NonNull(graphene.ID), description=f"Skill ids, at most {MAX_SKILLS}.")
        id_number = graphene.String(
            description="The resident ID number; required where the unit asks for it. Never shown again."
        )
        consent_version = graphene.String(required=True, description="The volunteer agreement accepted.")
        guardian_name = graphene.String(description="For applicants aged 14 to 17: the guardian's name.")
        guardian_phone = graphene.String(description="For applicants aged 14 to 17: the guardian's phone.")
        guardian_consent = graphene.Boolean(
            description="For applicants aged 14 to 17: the guardian consents."
        )
        availability = graphene.String(description="When the applicant can serve, e.g. 周末上午.")
        emergency_contact_name = graphene.String(description="Whom to call in an emergency.")
        emergency_contact_phone = graphene.String(description="The emergency contact's phone.")

    volunteer = payload(types.Volunteer, "The new profile")

    class Meta:
        error_type = ApplyAsVolunteerError
        rate_limit = "apply_as_volunteer"

    @classmethod
    def perform(cls, info, skills=None, gender=None, guardian_consent=None, **fields):
        volunteer = services.apply(
            info.context.user,
            gender=types.enum_value(gender),
            skills=_skills(skills),
            guardian_consent=guardian_consent is True,
            **{name: "" if value is None else value for name, value in fields.items()},
        )
        return {"volunteer": _volunteer(volunteer)}


class UpdateVolunteerProfile(ServiceMutation):
    """Change one's phone, skills, availability, emergency contact or leaderboard choice;
    fields left out stay as they are."""

    class Input:
        phone = graphene.String(description="A new phone number.")
        skills = graphene.List(
            graphene.NonNull(graphene.ID),
            description=f"The skill ids (replacing the old), at most {MAX_SKILLS}.",
        )
        availability = graphene.String(description="When one can serve.")
        emergency_contact_name = graphene.String(description="Whom to call in an emergency.")
        emergency_contact_phone = graphene.String(description="The emergency contact's phone.")
        on_public_leaderboard = graphene.Boolean(
            description="Whether a masked name and the hours may appear on the public leaderboard."
        )

    volunteer = payload(types.Volunteer, "The updated profile")

    class Meta:
        error_type = UpdateVolunteerProfileError

    @classmethod
    def perform(cls, info, **changes):
        changes = {name: value for name, value in changes.items() if value is not None}
        if "skills" in changes:
            changes["skills"] = _skills(changes["skills"])
        return {"volunteer": _volunteer(services.update_profile(info.context.user, **changes))}


class WithdrawAsVolunteer(ServiceMutation):
    """Stop volunteering: future places are given up and team memberships end; records stay."""

    volunteer = payload(types.Volunteer, "The withdrawn profile")

    class Meta:
        error_type = WithdrawAsVolunteerError

    @classmethod
    def perform(cls, info):
        return {"volunteer": _volunteer(services.withdraw_volunteer(info.context.user))}


class ApproveVolunteer(ServiceMutation):
    """Organizers of the volunteer's unit: approve an application or re-admit a suspended volunteer."""

    class Input:
        volunteer_id = graphene.ID(required=True, description="The profile's id.")

    volunteer = payload(types.Volunteer, "The approved profile, with its number")

    class Meta:
        error_type = ApproveVolunteerError
        organizer = True

    @classmethod
    def perform(cls, info, volunteer_id):
        volunteer = services.approve_volunteer(volunteer_id, by=info.context.user)
        return {"volunteer": _volunteer(volunteer)}


class SuspendVolunteer(ServiceMutation):
    """Organizers of the volunteer's unit: suspend an applied or approved volunteer, with a reason."""

    class Input:
        volunteer_id = graphene.ID(required=True, description="The profile's id.")
        reason = graphene.String(required=True, description="Why, 1 to 200 characters.")

    volunteer = payload(types.Volunteer, "The suspended profile")

    class Meta:
        error_type = SuspendVolunteerError
        organizer = True

    @classmethod
    def perform(cls, info, volunteer_id, reason):
        volunteer = services.suspend_volunteer(volunteer_id, by=info.context.user, reason=reason)
        return {"volunteer": _volunteer(volunteer)}


# --- teams -----------------------------------------------------------------------------------------


class RequestToJoinTeam(ServiceMutation):
    """Ask to join a team; a leader or an organizer decides."""

    class Input:
        team_id = graphene.ID(required=True, description="The team's id.")

    membership = payload(types.TeamMembership, "The request")

    class Meta:
        error_type = RequestToJoinTeamError

    @classmethod
    def perform(cls, info, team_id):
        return {"membership": _membership(services.request_to_join(info.context.user, team_id))}


class LeaveTeam(ServiceMutation):
    """Leave a team, or take back a request to join it."""

    class Input:
        team_id = graphene.ID(required=True, description="The team's id.")

    membership = payload(types.TeamMembership, "The ended membership")

    class Meta:
        error_type = LeaveTeamError

    @classmethod
    def perform(cls, info, team_id):
        return {"membership": _membership(services.leave_team(info.context.user, team_id))}


class DecideJoinRequest(ServiceMutation):
    """Leaders of the team and organizers of its unit: accept or decline a request to join."""

    class Input:
        membership_id = graphene.ID(required=True, description="The request (VolunteerTeam.joinRequests).")
        approve = graphene.Boolean(required=True, description="true to accept, false to decline.")

    membership = payload(types.TeamMembership, "The decided membership")

    class Meta:
        error_type = DecideJoinRequestError
        organizer = True

    @classmethod
    def perform(cls, info, membership_id, approve):
        membership = services.decide_join_request(membership_id, by=info.context.user, approve=approve)
        return {"membership": _membership(membership)}


# --- shifts ----------------------------------------------------------------------------------------


class SignUpForShift(ServiceMutation):
    """Take a place on a shift: confirmed at once, or requested when an organizer approves sign-ups."""

    class Input:
        shift_id = graphene.ID(required=True, description="The shift's id.")

    signup = payload(shift_types.ShiftSignup, "The sign-up")

    class Meta:
        error_type = SignUpForShiftError
        rate_limit = "sign_up_for_shift"

    @classmethod
    def perform(cls, info, shift_id):
        return {"signup": _signup(info, services.sign_up(info.context.user, shift_id))}


class WithdrawShiftSignup(ServiceMutation):
    """Give up one's place on a shift, until its sign-up deadline."""

    class Input:
        signup_id = graphene.ID(required=True, description="The sign-up's id.")

    signup = payload(shift_types.ShiftSignup, "The withdrawn sign-up")

    class Meta:
        error_type = WithdrawShiftSignupError

    @classmethod
    def perform(cls, info, signup_id):
        return {"signup": _signup(info, services.withdraw_signup(info.context.user, signup_id))}


class DecideShiftSignup(ServiceMutation):
    """Organizers of the opportunity's unit: confirm or reject a requested sign-up."""

    class Input:
        signup_id = graphene.ID(required=True, description="The sign-up's id.")
        approve = graphene.Boolean(required=True, description="true to confirm, false to reject.")

    signup = payload(shift_types.ShiftSignup, "The decided sign-up")

    class Meta:
        error_type = DecideShiftSignupError
        organizer = True

    @classmethod
    def perform(cls, info, signup_id, approve):
        signup = services.decide_signup(signup_id, by=info.context.user, approve=approve)
        return {"signup": _signup(info, signup)}


class AssignVolunteerToShift(ServiceMutation):
    """Organizers of the opportunity's unit: put a volunteer on a shift, confirmed, even after the
    deadline; the maximum, overlaps and requirements still apply."""

    class Input:
        volunteer_id = graphene.ID(required=True, description="The volunteer's profile id.")
        shift_id = graphene.ID(required=True, description="The shift's id.")

    signup = payload(shift_types.ShiftSignup, "The confirmed sign-up")

    class Meta:
        error_type = AssignVolunteerToShiftError
        organizer = True

    @classmethod
    def perform(cls, info, volunteer_id, shift_id):
        signup = services.assign(volunteer_id, shift_id, by=info.context.user)
        return {"signup": _signup(info, signup)}


class AttendanceInput:
    signup_id = graphene.ID(required=True, description="The sign-up's id (from the volunteer's QR code).")
    code = graphene.String(
        description="The volunteer themself: the shift's current check-in code, shown by those who run it."
    )
    at = graphene.DateTime(
        description="Those who run the shift: the time noted on paper; now by default. Ignored otherwise."
    )


class CheckInVolunteer(ServiceMutation):
    """Record arrival at a confirmed shift: by those who run it, or by the volunteer with the
    shift's code. Checking in again keeps the first time."""

    Input = AttendanceInput
    signup = payload(shift_types.ShiftSignup, "The sign-up, checked in")

    class Meta:
        error_type = CheckInVolunteerError
        organizer = True

    @classmethod
    def perform(cls, info, signup_id, code=None, at=None):
        signup = services.check_in_volunteer(signup_id, by=info.context.user, code=code, at=at)
        return {"signup": _signup(info, signup)}


class CheckOutVolunteer(ServiceMutation):
    """Record departure: the service record is made, awaiting an organizer's review."""

    Input = AttendanceInput
    signup = payload(shift_types.ShiftSignup, "The sign-up, checked out, with its service record")

    class Meta:
        error_type = CheckOutVolunteerError
        organizer = True

    @classmethod
    def perform(cls, info, signup_id, code=None, at=None):
        record = services.check_out_volunteer(signup_id, by=info.context.user, code=code, at=at)
        return {"signup": _signup(info, record.signup)}


class VolunteerMutation(RecordMutation, graphene.ObjectType):
    apply_as_volunteer = ApplyAsVolunteer.Field()
    update_volunteer_profile = UpdateVolunteerProfile.Field()
    withdraw_as_volunteer = WithdrawAsVolunteer.Field()
    approve_volunteer = ApproveVolunteer.Field()
    suspend_volunteer = SuspendVolunteer.Field()
    request_to_join_team = RequestToJoinTeam.Field()
    leave_team = LeaveTeam.Field()
    decide_join_request = DecideJoinRequest.Field()
    sign_up_for_shift = SignUpForShift.Field()
    withdraw_shift_signup = WithdrawShiftSignup.Field()
    decide_shift_signup = DecideShiftSignup.Field()
    assign_volunteer_to_shift = AssignVolunteerToShift.Field()
    check_in_volunteer = CheckInVolunteer.Field()
    check_out_volunteer = CheckOutVolunteer.Field()
