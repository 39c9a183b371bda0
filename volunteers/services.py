"""Every state change of volunteers, teams, shift sign-ups, attendance and service records.

One durable transaction each. The rules are written down in docs/volunteers.md; in short:

- Sign-ups follow ephios: lock the volunteer row, then the shift row, then re-check everything
  (approved, deadline, requirements, duplicate, maximum count, overlap). Every service that adds
  a place-holding sign-up (``sign_up``, ``assign``) takes the same two locks in the same order,
  so one volunteer's sign-ups are serialized (no two overlapping shifts) and one shift's are too
  (never more than ``max_count``). Freeing a place (withdraw, reject) takes no capacity lock.
  On SQLite ``select_for_update`` is a no-op and the IMMEDIATE transaction serializes writers.
- Nothing is deleted: sign-ups, memberships and records change status. Records are voided with a
  reason and every correction is a ``RecordChange`` row.
- Hours are actual time from check-in to check-out, rounded half up to
  ``settings.VOLUNTEER_HOURS_STEP`` and capped at the shift's length; only ``approve_record``
  may go above the cap, with a reason, kept in the history.

Services raise ``cms.errors.ServiceError`` with a ``VolunteerErrorCode`` or a
``CommonErrorCode``; messages are for people (gettext), labels for developers.
"""

import datetime
import hashlib
import hmac
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.accounts.models import ConsentKind, ConsentRecord
from cms.errors import CommonErrorCode, fail
from cms.ids import find_by_id, parse_id
from home.models import OrgUnit
from home.permissions import manages_unit
from volunteers import certificates
from volunteers.identity import (
    InvalidIdNumber,
    birth_date_of,
    id_number_hashes,
    protect_id_number,
    validate_id_number,
)
from volunteers.models import (
    CorrectionRequest,
    CorrectionStatus,
    Gender,
    MembershipRole,
    MembershipStatus,
    OpportunityStatus,
    RecordChange,
    RecordSource,
    RecordStatus,
    ServiceRecord,
    Shift,
    ShiftSignup,
    SignupFlow,
    SignupStatus,
    Skill,
    Team,
    TeamMembership,
    Volunteer,
    VolunteerAgreement,
    VolunteerStatus,
)

HOLDING_STATUSES = (SignupStatus.REQUESTED, SignupStatus.CONFIRMED)
ADULT_AGE = 18
MIN_AGE = 14
CODE_WINDOW_SECONDS = 300
NUMBER_PREFIX = "CZ"
REASON_MAX_LENGTH = 200
PROFILE_FIELDS = (
    "phone",
    "skills",
    "availability",
    "emergency_contact_name",
    "emergency_contact_phone",
    "on_public_leaderboard",
)
CORRECTABLE_FIELDS = (
    "activity_name",
    "service_date",
    "place",
    "service_object",
    "content",
    "hours",
    "evaluation",
    "responsible_person",
)


class VolunteerErrorCode(models.TextChoices):
    """Why a volunteers service refused; labels describe each code for developers."""

    TOO_YOUNG = "TOO_YOUNG", "The applicant is under 14: volunteers are 14 or older."
    GUARDIAN_CONSENT_REQUIRED = (
        "GUARDIAN_CONSENT_REQUIRED",
        "An applicant aged 14 to 17 needs a guardian's name, phone and consent.",
    )
    CONSENT_REQUIRED = "CONSENT_REQUIRED", "The volunteer agreement (consent_version) was not accepted."
    ID_NUMBER_REQUIRED = "ID_NUMBER_REQUIRED", "The unit requires an ID number and none was given."
    INVALID_ID_NUMBER = (
        "INVALID_ID_NUMBER",
        "Not a valid resident ID number (length, checksum, birth date, or it disagrees with birth_date).",
    )
    ID_NUMBER_TAKEN = "ID_NUMBER_TAKEN", "Another volunteer profile already has this ID number."
    ALREADY_APPLIED = "ALREADY_APPLIED", "The account already has a volunteer profile."
    NOT_A_VOLUNTEER = "NOT_A_VOLUNTEER", "The account has no volunteer profile."
    WRONG_STATUS = "WRONG_STATUS", "The volunteer's status does not allow this change."
    NOT_APPROVED = "NOT_APPROVED", "The volunteer is not approved (applied, suspended or withdrawn)."
    REASON_REQUIRED = "REASON_REQUIRED", "A reason must be given."
    ALREADY_IN_TEAM = "ALREADY_IN_TEAM", "The volunteer is already a member of the team or has asked to join."
    NOT_IN_TEAM = "NOT_IN_TEAM", "The volunteer is neither a member of the team nor waiting to join."
    NOT_REQUESTED = "NOT_REQUESTED", "Only a pending request (join or sign-up) can be decided."
    OPPORTUNITY_NOT_OPEN = "OPPORTUNITY_NOT_OPEN", "The opportunity is a draft or cancelled."
    DEADLINE_PASSED = (
        "DEADLINE_PASSED",
        "The shift's sign-up deadline (also the withdrawal deadline) has passed.",
    )
    REQUIREMENTS_NOT_MET = (
        "REQUIREMENTS_NOT_MET",
        "The volunteer lacks a required skill or is not an active member of the required team.",
    )
    ALREADY_SIGNED_UP = "ALREADY_SIGNED_UP", "The volunteer already holds a requested or confirmed place."
    SHIFT_FULL = "SHIFT_FULL", "Requested and confirmed sign-ups already reach the shift's max_count."
    OVERLAP = "OVERLAP", "The volunteer holds another shift at an overlapping time; the message names it."
    NOT_ACTIVE = "NOT_ACTIVE", "The sign-up is withdrawn or rejected."
    NOT_CONFIRMED = "NOT_CONFIRMED", "Only a confirmed sign-up checks in or out."
    INVALID_CODE = "INVALID_CODE", "The shift's check-in code is wrong or expired (older than two windows)."
    NOT_CHECKED_IN = "NOT_CHECKED_IN", "Checking out needs a check-in first."
    ALREADY_CHECKED_OUT = "ALREADY_CHECKED_OUT", "The sign-up is already checked out (its record exists)."
    INVALID_TIME = "INVALID_TIME", "A check-out time before the check-in time."
    INVALID_HOURS = "INVALID_HOURS", "Hours must be a number from 0 to 24 with at most two decimals."
    HOURS_ABOVE_CAP = (
        "HOURS_ABOVE_CAP",
        "Hours above the shift's length: only approve_record may allow that, with a reason.",
    )
    RECORD_NOT_PENDING = "RECORD_NOT_PENDING", "Only a record awaiting review can be approved."
    RECORD_VOIDED = "RECORD_VOIDED", "The record is voided: it can no longer change."
    NOTHING_CHANGED = "NOTHING_CHANGED", "A correction must change at least one field."
    CORRECTION_ALREADY_OPEN = "CORRECTION_ALREADY_OPEN", "The record already has an open correction request."
    CORRECTION_NOT_OPEN = "CORRECTION_NOT_OPEN", "The correction request was already decided."


Code = VolunteerErrorCode


def _now():
    """The current time; one function so that tests can move the clock."""
    return timezone.now()


def _get(queryset, pk, field, message, *, lock=False):
    if lock:
        queryset = queryset.select_for_update()
    found = find_by_id(queryset, pk)
    if found is None:
        fail(CommonErrorCode.NOT_FOUND, message, field)
    return found


def _require_user(user):
    if user is None or not user.is_authenticated:
        fail(CommonErrorCode.UNAUTHENTICATED, _("Please sign in first."))


def _require_manager(by, unit, message=None):
    _require_user(by)
    if not manages_unit(by, unit):
        fail(CommonErrorCode.PERMISSION_DENIED, message or _("Only the unit's organizers may do this."))


def _own_volunteer(user, *, lock=False):
    _require_user(user)
    queryset = Volunteer.objects.select_for_update() if lock else Volunteer.objects
    volunteer = queryset.filter(user=user).first()
    if volunteer is None:
        fail(Code.NOT_A_VOLUNTEER, _("Please apply as a volunteer first."))
    return volunteer


def _clean_reason(reason, *, required=True):
    reason = (reason or "").strip()
    if required and not reason:
        fail(Code.REASON_REQUIRED, _("Please give a reason."), "reason")
    if len(reason) > REASON_MAX_LENGTH:
        fail(
            CommonErrorCode.INVALID,
            _("A reason has at most %(count)d characters.") % {"count": REASON_MAX_LENGTH},
            "reason",
        )
    return reason


def display_name(user):
    if user is None:
        return ""
    name = (getattr(user, "display_name", "") or "").strip() or user.get_full_name().strip()
    if not name and user.email:
        name = user.email.split("@", 1)[0]
    return (name or user.get_username())[:40]


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


# --- applying and the volunteer's status -----------------------------------------------------------


def age_on(birth_date, day):
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def _text(value, field, max_length, *, required=False, label=None):
    value = (value or "").strip() if isinstance(value, str) or value is None else str(value).strip()
    if required and not value:
        fail(CommonErrorCode.REQUIRED, _("Please fill in %(field)s.") % {"field": label or field}, field)
    if len(value) > max_length:
        fail(
            CommonErrorCode.INVALID,
            _("At most %(count)d characters.") % {"count": max_length},
            field,
        )
    return value


def apply(
    user,
    *,
    real_name,
    gender,
    birth_date,
    phone,
    org_unit_id,
    skills=(),
    id_number="",
    consent_version,
    guardian_name="",
    guardian_phone="",
    guardian_consent=False,
    availability="",
    emergency_contact_name="",
    emergency_contact_phone="",
):
    """Create the account's volunteer profile, status APPLIED, awaiting an organizer's approval."""
    _require_user(user)
    field = Volunteer._meta.get_field
    real_name = _text(
        real_name, "real_name", field("real_name").max_length, required=True, label=_("real name")
    )
    phone = _text(phone, "phone", field("phone").max_length, required=True, label=_("phone"))
    if gender not in Gender.values:
        fail(CommonErrorCode.INVALID, _("Unknown gender."), "gender")
    if not isinstance(birth_date, datetime.date) or isinstance(birth_date, datetime.datetime):
        fail(CommonErrorCode.INVALID, _("Please give a birth date."), "birth_date")
    consent_version = _text(consent_version, "consent_version", field("consent_version").max_length)
    if not consent_version:
        fail(Code.CONSENT_REQUIRED, _("Please read and accept the volunteer agreement."), "consent_version")
    if consent_version != VolunteerAgreement.load().version:
        fail(
            Code.CONSENT_REQUIRED,
            _("The volunteer agreement has changed: please read it and accept it again."),
            "consent_version",
        )
    availability = _text(availability, "availability", field("availability").max_length)
    emergency_contact_name = _text(
        emergency_contact_name, "emergency_contact_name", field("emergency_contact_name").max_length
    )
    emergency_contact_phone = _text(
        emergency_contact_phone, "emergency_contact_phone", field("emergency_contact_phone").max_length
    )
    guardian_name = _text(guardian_name, "guardian_name", field("guardian_name").max_length)
    guardian_phone = _text(guardian_phone, "guardian_phone", field("guardian_phone").max_length)

    now = _now()
    age = age_on(birth_date, timezone.localdate(now))
    guardian_consented_at = None
    if age < MIN_AGE:
        fail(Code.TOO_YOUNG, _("Volunteers are 14 or older."), "birth_date")
    if age < ADULT_AGE:
        if not (guardian_name and guardian_phone and guardian_consent is True):
            fail(
                Code.GUARDIAN_CONSENT_REQUIRED,
                _("Volunteers aged 14 to 17 need their guardian's name, phone and consent."),
                "guardian_consent",
            )
        guardian_consented_at = now
    else:
        guardian_name = guardian_phone = ""

    with transaction.atomic(durable=True):
        unit = _get(OrgUnit.objects, org_unit_id, "org_unit_id", _("This community does not exist."))
        number, protected = _id_number(id_number, unit, birth_date, timezone.localdate(now))
        skill_ids = _skill_ids(skills)
        if Volunteer.objects.filter(user=user).exists():
            fail(Code.ALREADY_APPLIED, _("You have already applied as a volunteer."))
        if protected[1] and Volunteer.objects.filter(id_number_hash__in=id_number_hashes(number)).exists():
            fail(
                Code.ID_NUMBER_TAKEN, _("A volunteer with this ID number is already registered."), "id_number"
            )
        volunteer = Volunteer(
            user=user,
            real_name=real_name,
            gender=gender,
            birth_date=birth_date,
            phone=phone,
            id_number_encrypted=protected[0],
            id_number_hash=protected[1],
            id_number_masked=protected[2],
            org_unit=unit,
            availability=availability,
            emergency_contact_name=emergency_contact_name,
            emergency_contact_phone=emergency_contact_phone,
            consent_version=consent_version,
            consented_at=now,
            guardian_name=guardian_name,
            guardian_phone=guardian_phone,
            guardian_consented_at=guardian_consented_at,
            status=VolunteerStatus.APPLIED,
        )
        try:
            with transaction.atomic():
                volunteer.save()
        except IntegrityError:
            if Volunteer.objects.filter(user=user).exists():
                fail(Code.ALREADY_APPLIED, _("You have already applied as a volunteer."))
            fail(
                Code.ID_NUMBER_TAKEN, _("A volunteer with this ID number is already registered."), "id_number"
            )
        volunteer.skills.set(skill_ids)
        ConsentRecord.objects.create(user=user, kind=ConsentKind.VOLUNTEER_AGREEMENT, version=consent_version)
        if guardian_consented_at:
            ConsentRecord.objects.create(user=user, kind=ConsentKind.GUARDIAN, version=consent_version)
        return volunteer


def _id_number(raw, unit, birth_date, today):
    """(normalized ID number, its stored triple) for an application; empty when none is needed.

    A unit that requires ID numbers (``OrgUnit.volunteer_id_required``, on it or a unit above it)
    gets one from everybody; elsewhere a number given voluntarily is validated all the same.
    """
    raw = (raw or "").strip() if isinstance(raw, str) or raw is None else str(raw)
    if not raw:
        if unit.requires_volunteer_id():
            fail(Code.ID_NUMBER_REQUIRED, _("Please give your ID number."), "id_number")
        return "", ("", None, "")
    try:
        number = validate_id_number(raw, today=today)
    except InvalidIdNumber:
        fail(Code.INVALID_ID_NUMBER, _("This is not a valid ID number."), "id_number")
    if birth_date_of(number) != birth_date:
        fail(
            Code.INVALID_ID_NUMBER,
            _("The birth date in the ID number differs from the birth date given."),
            "id_number",
        )
    return number, protect_id_number(number)


def _skill_ids(skills):
    skills = list(skills or ())
    if not all(parse_id(pk) is not None for pk in skills):
        fail(CommonErrorCode.INVALID, _("Unknown skill."), "skills")
    wanted = {int(pk) for pk in skills}
    if set(Skill.objects.filter(pk__in=wanted).values_list("pk", flat=True)) != wanted:
        fail(CommonErrorCode.INVALID, _("Unknown skill."), "skills")
    return sorted(wanted)


def _next_number(year):
    prefix = f"{NUMBER_PREFIX}{year}"
    last = (
        Volunteer.objects.filter(number__startswith=prefix, number__regex=rf"^{prefix}\d{{6}}$")
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return f"{prefix}{(int(last[len(prefix) :]) if last else 0) + 1:06d}"


def approve_volunteer(volunteer_id, *, by):
    """Approve an application (or re-admit a suspended volunteer); assigns ``number`` the first time:
    ``CZ`` + year + a six-digit sequence per year."""
    with transaction.atomic(durable=True):
        volunteer = _get(Volunteer.objects, volunteer_id, "volunteer_id", _("This volunteer does not exist."))
        _require_manager(by, volunteer.org_unit)
        volunteer = _get(Volunteer.objects, volunteer.pk, "volunteer_id", "", lock=True)
        if volunteer.status not in (VolunteerStatus.APPLIED, VolunteerStatus.SUSPENDED):
            fail(
                Code.WRONG_STATUS,
                _("Only an application or a suspended volunteer can be approved; this one is %(status)s.")
                % {"status": volunteer.get_status_display()},
            )
        now = _now()
        volunteer.status = VolunteerStatus.APPROVED
        volunteer.status_reason = ""
        volunteer.approved_at = now
        volunteer.approved_by = by
        if volunteer.number:
            volunteer.save(update_fields=["status", "status_reason", "approved_at", "approved_by"])
            return volunteer
        for _attempt in range(20):
            volunteer.number = _next_number(timezone.localdate(now).year)
            try:
                with transaction.atomic():
                    volunteer.save(
                        update_fields=["status", "status_reason", "approved_at", "approved_by", "number"]
                    )
                return volunteer
            except IntegrityError:
                continue  # approved at the same moment elsewhere: take the next number
        raise RuntimeError("could not assign a volunteer number")


def suspend_volunteer(volunteer_id, *, by, reason):
    with transaction.atomic(durable=True):
        volunteer = _get(Volunteer.objects, volunteer_id, "volunteer_id", _("This volunteer does not exist."))
        _require_manager(by, volunteer.org_unit)
        reason = _clean_reason(reason)
        volunteer = _get(Volunteer.objects, volunteer.pk, "volunteer_id", "", lock=True)
        if volunteer.status not in (VolunteerStatus.APPLIED, VolunteerStatus.APPROVED):
            fail(
                Code.WRONG_STATUS,
                _("This volunteer cannot be suspended: %(status)s.")
                % {"status": volunteer.get_status_display()},
            )
        volunteer.status = VolunteerStatus.SUSPENDED
        volunteer.status_reason = reason
        volunteer.save(update_fields=["status", "status_reason"])
        return volunteer


def withdraw_volunteer(user):
    """The volunteer leaves; their records stay. Their open sign-ups are withdrawn."""
    with transaction.atomic(durable=True):
        volunteer = _own_volunteer(user, lock=True)
        if volunteer.status == VolunteerStatus.WITHDRAWN:
            fail(Code.WRONG_STATUS, _("You have already withdrawn."))
        _withdraw(volunteer)
        return volunteer


def _withdraw(volunteer):
    """Status WITHDRAWN; future places given up (they go back to the shift), teams left."""
    volunteer.status = VolunteerStatus.WITHDRAWN
    volunteer.save(update_fields=["status"])
    now = _now()
    ShiftSignup.objects.filter(
        volunteer=volunteer, status__in=HOLDING_STATUSES, shift__starts_at__gt=now
    ).update(status=SignupStatus.WITHDRAWN, decided_at=now)
    TeamMembership.objects.filter(
        volunteer=volunteer, status__in=[MembershipStatus.REQUESTED, MembershipStatus.ACTIVE]
    ).update(status=MembershipStatus.LEFT)


def forget_volunteer(user):
    """For an account being deleted (inside its transaction): withdraw the person's volunteer
    profile and blank its personal fields. The profile, its number, its skills, the year of
    birth and every service record stay: organizers' hour totals and statistics do not change."""
    volunteer = Volunteer.objects.select_for_update().filter(user=user).first()
    if volunteer is None:
        return
    if volunteer.status != VolunteerStatus.WITHDRAWN:
        _withdraw(volunteer)
    Volunteer.objects.filter(pk=volunteer.pk).update(
        real_name=_("Deleted volunteer"),
        phone="",
        birth_date=volunteer.birth_date.replace(month=1, day=1),
        id_number_encrypted="",
        id_number_hash=None,
        id_number_masked="",
        availability="",
        emergency_contact_name="",
        emergency_contact_phone="",
        guardian_name="",
        guardian_phone="",
        on_public_leaderboard=False,
    )


def _require_approved(volunteer, *, own=True):
    if volunteer.status != VolunteerStatus.APPROVED:
        fail(
            Code.NOT_APPROVED,
            _("Your volunteer profile is not approved yet (or is suspended).")
            if own
            else _("%(name)s is not an approved volunteer.") % {"name": volunteer.real_name},
        )


# --- teams -----------------------------------------------------------------------------------------


def is_team_leader(user, team):
    return (
        user is not None
        and user.is_authenticated
        and TeamMembership.objects.filter(
            team=team,
            volunteer__user=user,
            role=MembershipRole.LEADER,
            status=MembershipStatus.ACTIVE,
        ).exists()
    )


def request_to_join(user, team_id):
    with transaction.atomic(durable=True):
        volunteer = _own_volunteer(user, lock=True)
        _require_approved(volunteer)
        team = _get(Team.objects, team_id, "team_id", _("This team does not exist."))
        if TeamMembership.objects.filter(
            team=team, volunteer=volunteer, status__in=[MembershipStatus.REQUESTED, MembershipStatus.ACTIVE]
        ).exists():
            fail(Code.ALREADY_IN_TEAM, _("You are already in this team or have asked to join."))
        return TeamMembership.objects.create(
            team=team, volunteer=volunteer, status=MembershipStatus.REQUESTED
        )


def decide_join_request(membership_id, *, by, approve):
    """A leader of the team or an organizer of its unit accepts or declines a join request."""
    with transaction.atomic(durable=True):
        membership = _get(
            TeamMembership.objects.select_related("team__org_unit"),
            membership_id,
            "membership_id",
            _("This request does not exist."),
        )
        _require_user(by)
        if not (is_team_leader(by, membership.team) or manages_unit(by, membership.team.org_unit)):
            fail(CommonErrorCode.PERMISSION_DENIED, _("Only the team's leaders and organizers may decide."))
        membership = _get(TeamMembership.objects, membership.pk, "membership_id", "", lock=True)
        if membership.status != MembershipStatus.REQUESTED:
            fail(Code.NOT_REQUESTED, _("This request has already been decided."))
        if approve:
            membership.status = MembershipStatus.ACTIVE
            membership.joined_at = timezone.localdate(_now())
        else:
            membership.status = MembershipStatus.DECLINED
        membership.decided_by = by
        membership.save(update_fields=["status", "joined_at", "decided_by"])
        return membership


def leave_team(user, team_id):
    with transaction.atomic(durable=True):
        volunteer = _own_volunteer(user)
        membership = (
            TeamMembership.objects.select_for_update()
            .filter(
                team_id=parse_id(team_id),
                volunteer=volunteer,
                status__in=[MembershipStatus.REQUESTED, MembershipStatus.ACTIVE],
            )
            .first()
        )
        if membership is None:
            fail(Code.NOT_IN_TEAM, _("You are not in this team."))
        membership.status = MembershipStatus.LEFT
        membership.save(update_fields=["status"])
        return membership


def _require_team_manager(by, team):
    _require_manager(by, team.org_unit, _("Only the organizers of the team's unit may do this."))


def add_team_member(team_id, volunteer_id, *, by, role=MembershipRole.MEMBER):
    """An organizer of the team's unit puts an approved volunteer in the team: ACTIVE, joined today."""
    with transaction.atomic(durable=True):
        team = _get(
            Team.objects.select_related("org_unit"), team_id, "team_id", _("This team does not exist.")
        )
        _require_team_manager(by, team)
        if role not in MembershipRole.values:
            fail(CommonErrorCode.INVALID, _("Unknown team role."), "role")
        volunteer = _get(
            Volunteer.objects, volunteer_id, "volunteer_id", _("This volunteer does not exist."), lock=True
        )
        _require_approved(volunteer, own=False)
        if TeamMembership.objects.filter(
            team=team, volunteer=volunteer, status__in=[MembershipStatus.REQUESTED, MembershipStatus.ACTIVE]
        ).exists():
            fail(
                Code.ALREADY_IN_TEAM,
                _("%(name)s is already in this team or has asked to join.") % {"name": volunteer.real_name},
            )
        try:
            with transaction.atomic():
                return TeamMembership.objects.create(
                    team=team,
                    volunteer=volunteer,
                    role=role,
                    status=MembershipStatus.ACTIVE,
                    joined_at=timezone.localdate(_now()),
                    decided_by=by,
                )
        except IntegrityError:
            fail(
                Code.ALREADY_IN_TEAM,
                _("%(name)s is already in this team or has asked to join.") % {"name": volunteer.real_name},
            )


def _load_active_membership(membership_id, by):
    membership = _get(
        TeamMembership.objects.select_related("team__org_unit", "volunteer"),
        membership_id,
        "membership_id",
        _("This membership does not exist."),
    )
    _require_team_manager(by, membership.team)
    membership = _get(
        TeamMembership.objects.select_related("volunteer"), membership.pk, "membership_id", "", lock=True
    )
    if membership.status != MembershipStatus.ACTIVE:
        fail(Code.NOT_IN_TEAM, _("%(name)s is not a member of this team.") % {"name": membership.volunteer})
    return membership


def set_member_role(membership_id, *, by, role):
    """An organizer of the team's unit makes an active member a leader, or a leader a member."""
    with transaction.atomic(durable=True):
        membership = _load_active_membership(membership_id, by)
        if role not in MembershipRole.values:
            fail(CommonErrorCode.INVALID, _("Unknown team role."), "role")
        membership.role = role
        membership.save(update_fields=["role"])
        return membership


def remove_team_member(membership_id, *, by):
    """An organizer of the team's unit ends a membership (LEFT; the row stays)."""
    with transaction.atomic(durable=True):
        membership = _load_active_membership(membership_id, by)
        membership.status = MembershipStatus.LEFT
        membership.decided_by = by
        membership.save(update_fields=["status", "decided_by"])
        return membership


# --- shifts ----------------------------------------------------------------------------------------


def _load_shift(shift_id, *, lock=False):
    queryset = Shift.objects.select_related("role__opportunity__org_unit")
    if lock:
        # Lock only the shift row (PostgreSQL refuses FOR UPDATE on the nullable side of a join).
        queryset = queryset.select_for_update(of=("self",))
    return _get(queryset, shift_id, "shift_id", _("This shift does not exist."))


def _describe(shift):
    return _("%(role)s, %(start)s–%(end)s") % {
        "role": shift.role.name,
        "start": _local(shift.starts_at),
        "end": timezone.localtime(shift.ends_at).strftime("%H:%M"),
    }


def _check_place(volunteer, shift, *, own, check_deadline, now):
    """Every rule for a new place-holding sign-up; ``volunteer`` and ``shift`` are locked."""
    _require_approved(volunteer, own=own)
    if shift.role.opportunity.status != OpportunityStatus.PUBLISHED:
        fail(Code.OPPORTUNITY_NOT_OPEN, _("This opportunity is not open for sign-up."))
    if check_deadline and now >= shift.signup_deadline:
        fail(
            Code.DEADLINE_PASSED,
            _("Sign-up closed at %(time)s.") % {"time": _local(shift.signup_deadline)},
        )
    required = set(shift.required_skills.values_list("pk", flat=True))
    missing = required - set(volunteer.skills.values_list("pk", flat=True))
    if missing:
        names = "、".join(Skill.objects.filter(pk__in=missing).values_list("name", flat=True))
        fail(Code.REQUIREMENTS_NOT_MET, _("This shift needs these skills: %(skills)s.") % {"skills": names})
    if (
        shift.required_team_id
        and not TeamMembership.objects.filter(
            team_id=shift.required_team_id, volunteer=volunteer, status=MembershipStatus.ACTIVE
        ).exists()
    ):
        fail(
            Code.REQUIREMENTS_NOT_MET,
            _("This shift is for members of %(team)s.") % {"team": shift.required_team.name},
        )
    if ShiftSignup.objects.filter(shift=shift, volunteer=volunteer, status__in=HOLDING_STATUSES).exists():
        fail(Code.ALREADY_SIGNED_UP, _("Already signed up for this shift."))
    if ShiftSignup.objects.filter(shift=shift, status__in=HOLDING_STATUSES).count() >= shift.max_count:
        fail(Code.SHIFT_FULL, _("Sorry, this shift is full."))
    other = (
        ShiftSignup.objects.select_related("shift__role")
        .filter(
            volunteer=volunteer,
            status__in=HOLDING_STATUSES,
            shift__starts_at__lt=shift.ends_at,
            shift__ends_at__gt=shift.starts_at,
        )
        .exclude(shift=shift)
        .order_by("shift__starts_at")
        .first()
    )
    if other is not None:
        fail(
            Code.OVERLAP,
            _("This overlaps another shift: %(shift)s.") % {"shift": _describe(other.shift)},
        )


def _hold_place(volunteer, shift, *, status, by=None):
    try:
        with transaction.atomic():
            return ShiftSignup.objects.create(
                shift=shift,
                volunteer=volunteer,
                status=status,
                decided_at=_now() if by else None,
                decided_by=by,
            )
    except IntegrityError:
        fail(Code.ALREADY_SIGNED_UP, _("Already signed up for this shift."))


def sign_up(user, shift_id):
    """Sign the user's volunteer profile up for a shift: CONFIRMED (instant) or REQUESTED."""
    with transaction.atomic(durable=True):
        volunteer = _own_volunteer(user, lock=True)  # ephios: the volunteer first ...
        shift = _load_shift(shift_id, lock=True)  # ... then the shift
        _check_place(volunteer, shift, own=True, check_deadline=True, now=_now())
        status = SignupStatus.CONFIRMED if shift.signup_flow == SignupFlow.INSTANT else SignupStatus.REQUESTED
        return _hold_place(volunteer, shift, status=status)


def assign(volunteer_id, shift_id, *, by):
    """An organizer puts a volunteer on a shift (CONFIRMED): the deadline does not apply, the
    maximum, the overlap and the requirements do."""
    with transaction.atomic(durable=True):
        shift = _load_shift(shift_id)
        _require_manager(
            by, shift.role.opportunity.org_unit, _("Only the opportunity's organizers may assign.")
        )
        volunteer = _get(
            Volunteer.objects, volunteer_id, "volunteer_id", _("This volunteer does not exist."), lock=True
        )
        shift = _load_shift(shift.pk, lock=True)
        _check_place(volunteer, shift, own=False, check_deadline=False, now=_now())
        return _hold_place(volunteer, shift, status=SignupStatus.CONFIRMED, by=by)


def _load_signup(signup_id, *, lock=False):
    queryset = ShiftSignup.objects.select_related("shift__role__opportunity__org_unit", "volunteer")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    return _get(queryset, signup_id, "signup_id", _("This sign-up does not exist."))


def withdraw_signup(user, signup_id):
    """The volunteer gives up a requested or confirmed place, before the sign-up deadline."""
    with transaction.atomic(durable=True):
        volunteer = _own_volunteer(user)
        signup = _load_signup(signup_id, lock=True)
        if signup.volunteer_id != volunteer.pk:
            fail(CommonErrorCode.NOT_FOUND, _("This sign-up does not exist."), "signup_id")
        if signup.status not in HOLDING_STATUSES:
            fail(Code.NOT_ACTIVE, _("This sign-up is already withdrawn or rejected."))
        now = _now()
        if now >= signup.shift.signup_deadline:
            fail(
                Code.DEADLINE_PASSED,
                _("Withdrawing was possible until %(time)s; please contact the organizers.")
                % {"time": _local(signup.shift.signup_deadline)},
            )
        signup.status = SignupStatus.WITHDRAWN
        signup.decided_at = now
        signup.save(update_fields=["status", "decided_at"])
        return signup


def decide_signup(signup_id, *, by, approve):
    """An organizer confirms or rejects a REQUESTED sign-up (its place is already held)."""
    with transaction.atomic(durable=True):
        signup = _load_signup(signup_id)
        _require_manager(by, signup.shift.role.opportunity.org_unit)
        signup = _load_signup(signup.pk, lock=True)
        if signup.status != SignupStatus.REQUESTED:
            fail(Code.NOT_REQUESTED, _("Only a requested sign-up can be approved or rejected."))
        signup.status = SignupStatus.CONFIRMED if approve else SignupStatus.REJECTED
        signup.decided_at = _now()
        signup.decided_by = by
        signup.save(update_fields=["status", "decided_at", "decided_by"])
        return signup


# --- attendance ------------------------------------------------------------------------------------


def shift_code(shift, at=None):
    """The shift's rotating check-in code for the 5-minute window containing ``at``: 6 digits."""
    at = at or _now()
    window = int(at.timestamp()) // CODE_WINDOW_SECONDS
    digest = hmac.new(shift.check_in_secret.encode(), str(window).encode(), hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 1_000_000:06d}"


def _code_valid(shift, code, now):
    code = "".join(str(code or "").split())
    previous = now - datetime.timedelta(seconds=CODE_WINDOW_SECONDS)
    return any(hmac.compare_digest(code, shift_code(shift, moment)) for moment in (now, previous))


def can_run_shift(user, shift):
    """Organizers of the opportunity's unit, and leaders of the shift's required team."""
    if user is None or not user.is_authenticated:
        return False
    if manages_unit(user, shift.role.opportunity.org_unit):
        return True
    return bool(shift.required_team_id) and is_team_leader(user, shift.required_team)


def _attendance(signup_id, *, by, code, at):
    """(locked sign-up, time, whether ``by`` runs the shift) after the permission and code checks.

    A leader or organizer may give ``at`` (a time noted on paper); a volunteer scanning the code
    is always recorded at the current time.
    """
    _require_user(by)
    signup = _load_signup(signup_id)
    now = _now()
    runs = can_run_shift(by, signup.shift)
    if not runs:
        if signup.volunteer.user_id != by.pk:
            fail(CommonErrorCode.PERMISSION_DENIED, _("Only the shift's leaders and organizers may do this."))
        if not code or not _code_valid(signup.shift, code, now):
            fail(Code.INVALID_CODE, _("This code is wrong or has expired; scan it again."), "code")
        at = now
    signup = _load_signup(signup.pk, lock=True)
    if signup.status != SignupStatus.CONFIRMED:
        fail(
            Code.NOT_CONFIRMED,
            _("This sign-up is not confirmed: %(status)s.") % {"status": signup.get_status_display()},
        )
    return signup, at or now, runs


def check_in_volunteer(signup_id, *, by=None, code=None, at=None):
    """Record arrival; checking in again keeps the first time."""
    with transaction.atomic(durable=True):
        signup, at, _runs = _attendance(signup_id, by=by, code=code, at=at)
        if signup.checked_in_at is None:
            signup.checked_in_at = at
            signup.checked_in_by = by
            signup.save(update_fields=["checked_in_at", "checked_in_by"])
        return signup


def round_hours(duration, step=None):
    """A duration as hours rounded half up to ``step`` (``settings.VOLUNTEER_HOURS_STEP``)."""
    step = Decimal(str(step or settings.VOLUNTEER_HOURS_STEP))
    hours = Decimal(int(duration.total_seconds())) / Decimal(3600)
    return ((hours / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step).quantize(Decimal("0.01"))


def shift_hours(shift):
    """The shift's length in hours: the cap of a record's hours."""
    hours = Decimal(int((shift.ends_at - shift.starts_at).total_seconds())) / Decimal(3600)
    return hours.quantize(Decimal("0.01"))


def _responsible_person(by, opportunity, runs):
    """The opportunity's named person, else who ran the check-out, else the unit's first organizer."""
    if opportunity.responsible_person:
        return opportunity.responsible_person
    unit = opportunity.org_unit
    if runs and by is not None:
        return display_name(by)
    organizer = (
        unit.organizers.select_related("user").order_by("pk").first() if hasattr(unit, "organizers") else None
    )
    return display_name(organizer.user) if organizer else (unit.short_name or unit.name)[:40]


def check_out_volunteer(signup_id, *, by=None, code=None, at=None):
    """Record departure and create the PENDING service record with the national fields."""
    with transaction.atomic(durable=True):
        signup, at, runs = _attendance(signup_id, by=by, code=code, at=at)
        if signup.checked_in_at is None:
            fail(Code.NOT_CHECKED_IN, _("Please check in first."))
        if signup.checked_out_at is not None or ServiceRecord.objects.filter(signup=signup).exists():
            fail(Code.ALREADY_CHECKED_OUT, _("Already checked out."))
        if at < signup.checked_in_at:
            fail(Code.INVALID_TIME, _("Check-out cannot be before check-in."), "at")
        signup.checked_out_at = at
        signup.checked_out_by = by
        signup.save(update_fields=["checked_out_at", "checked_out_by"])
        shift = signup.shift
        role = shift.role
        opportunity = role.opportunity
        hours = min(round_hours(at - signup.checked_in_at), shift_hours(shift), Decimal("24.00"))
        content = role.name if not role.description else f"{role.name}：{role.description}"
        record = ServiceRecord.objects.create(
            volunteer=signup.volunteer,
            signup=signup,
            activity_name=opportunity.title[:120],
            service_date=timezone.localdate(shift.starts_at),
            place=shift.place[:120],
            service_object=opportunity.service_object,
            content=content,
            hours=hours,
            responsible_person=_responsible_person(by, opportunity, runs),
            recorder=by if runs else None,
            organization=opportunity.org_unit,
            source=RecordSource.ATTENDANCE,
            status=RecordStatus.PENDING,
        )
        return record


# --- service records -------------------------------------------------------------------------------


def _clean_hours(hours, field="hours"):
    try:
        value = Decimal(str(hours))
    except (InvalidOperation, ValueError, TypeError):
        fail(Code.INVALID_HOURS, _("Hours are a number from 0 to 24."), field)
    if not value.is_finite() or value < 0 or value > 24 or value != value.quantize(Decimal("0.01")):
        fail(Code.INVALID_HOURS, _("Hours are a number from 0 to 24, with at most two decimals."), field)
    return value.quantize(Decimal("0.01"))


def record_cap(record):
    """The most hours a record may carry without an approval above the cap (None: no shift)."""
    if record.signup_id is None:
        return None
    return shift_hours(record.signup.shift)


def _load_record(record_id, by):
    """The record, locked, after checking that ``by`` manages the recording unit."""
    queryset = ServiceRecord.objects.select_related("organization", "signup__shift")
    record = _get(queryset, record_id, "record_id", _("This record does not exist."))
    _require_manager(by, record.organization, _("Only the organizers of the recording unit may do this."))
    return _get(queryset.select_for_update(of=("self",)), record.pk, "record_id", "")


def _change(record, by, field, new, reason):
    old = getattr(record, field)
    if str(old) == str(new):
        return None
    setattr(record, field, new)
    return RecordChange.objects.create(
        record=record,
        changed_by=by,
        field=field,
        old_value=str(old)[:300],
        new_value=str(new)[:300],
        reason=reason,
    )


def _check_cap(record, hours):
    cap = record_cap(record)
    if cap is not None and hours > cap:
        fail(
            Code.HOURS_ABOVE_CAP,
            _("The shift lasted %(cap)s hours; more needs an organizer's approval with a reason.")
            % {"cap": cap},
            "hours",
        )


def approve_record(record_id, *, by, hours=None, reason=""):
    """Approve a PENDING record, optionally with other hours (with a reason; above the shift's
    length only here). The change is kept as a RecordChange."""
    with transaction.atomic(durable=True):
        record = _load_record(record_id, by)
        if record.status != RecordStatus.PENDING:
            fail(Code.RECORD_NOT_PENDING, _("Only a record awaiting review can be approved."))
        if hours is not None:
            hours = _clean_hours(hours)
            if hours != record.hours:
                reason = _clean_reason(reason)
                _change(record, by, "hours", hours, reason)
        _change(
            record,
            by,
            "status",
            RecordStatus.APPROVED,
            _clean_reason(reason, required=False) or _("Approved"),
        )
        record.save()
        return record


def correct_record(record_id, *, by, reason, **changes):
    """Change fields of a record (pending or approved), each change a RecordChange with the reason."""
    with transaction.atomic(durable=True):
        record = _load_record(record_id, by)
        reason = _clean_reason(reason)
        if record.status == RecordStatus.VOIDED:
            fail(Code.RECORD_VOIDED, _("A voided record cannot be corrected."))
        unknown = set(changes) - set(CORRECTABLE_FIELDS)
        if unknown:
            fail(CommonErrorCode.INVALID, _("These fields cannot be corrected."), sorted(unknown)[0])
        cleaned = {}
        for field, value in changes.items():
            if field == "hours":
                value = _clean_hours(value)
                _check_cap(record, value)
            elif field == "service_date":
                if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
                    fail(CommonErrorCode.INVALID, _("Please give a date."), field)
            else:
                required = field in ("activity_name", "place", "responsible_person")
                max_length = ServiceRecord._meta.get_field(field).max_length or 2000
                value = _text(value, field, max_length, required=required)
            cleaned[field] = value
        made = [_change(record, by, field, value, reason) for field, value in cleaned.items()]
        if not any(made):
            fail(Code.NOTHING_CHANGED, _("Nothing was changed."))
        record.save()
        return record


def void_record(record_id, *, by, reason):
    """Void a record with a reason (it stays, and no longer counts)."""
    with transaction.atomic(durable=True):
        record = _load_record(record_id, by)
        reason = _clean_reason(reason)
        if record.status == RecordStatus.VOIDED:
            fail(Code.RECORD_VOIDED, _("This record is already voided."))
        _change(record, by, "status", RecordStatus.VOIDED, reason)
        record.void_reason = reason
        record.save()
        CorrectionRequest.objects.filter(record=record, status=CorrectionStatus.OPEN).update(
            status=CorrectionStatus.DECLINED, decided_at=_now(), decided_by=by, response=reason[:300]
        )
        return record


def add_manual_record(
    *,
    by,
    volunteer_id,
    activity_name,
    service_date,
    place,
    hours,
    content="",
    service_object="",
    evaluation="",
    organization_id=None,
):
    """An organizer records offline service. Approved at once (the organizer is the reviewer);
    the organization is ``organization_id`` or the volunteer's unit, and ``by`` must manage it."""
    with transaction.atomic(durable=True):
        _require_user(by)
        volunteer = _get(Volunteer.objects, volunteer_id, "volunteer_id", _("This volunteer does not exist."))
        if organization_id is None:
            organization = volunteer.org_unit
        else:
            organization = _get(
                OrgUnit.objects, organization_id, "organization_id", _("This unit does not exist.")
            )
        _require_manager(by, organization)
        if volunteer.status == VolunteerStatus.APPLIED:
            fail(
                Code.NOT_APPROVED, _("%(name)s is not an approved volunteer.") % {"name": volunteer.real_name}
            )
        field = ServiceRecord._meta.get_field
        activity_name = _text(
            activity_name, "activity_name", field("activity_name").max_length, required=True
        )
        place = _text(place, "place", field("place").max_length, required=True)
        service_object = _text(service_object, "service_object", field("service_object").max_length)
        evaluation = _text(evaluation, "evaluation", field("evaluation").max_length)
        content = _text(content, "content", 2000)
        if not isinstance(service_date, datetime.date) or isinstance(service_date, datetime.datetime):
            fail(CommonErrorCode.INVALID, _("Please give a date."), "service_date")
        if service_date > timezone.localdate(_now()):
            fail(CommonErrorCode.INVALID, _("Service cannot be recorded ahead of time."), "service_date")
        hours = _clean_hours(hours)
        return ServiceRecord.objects.create(
            volunteer=volunteer,
            activity_name=activity_name,
            service_date=service_date,
            place=place,
            service_object=service_object,
            content=content,
            hours=hours,
            evaluation=evaluation,
            responsible_person=display_name(by),
            recorder=by,
            organization=organization,
            source=RecordSource.MANUAL,
            status=RecordStatus.APPROVED,
        )


def request_correction(user, record_id, *, message, proposed_hours=None):
    with transaction.atomic(durable=True):
        volunteer = _own_volunteer(user)
        record = find_by_id(ServiceRecord.objects.select_for_update().filter(volunteer=volunteer), record_id)
        if record is None:
            fail(CommonErrorCode.NOT_FOUND, _("This record does not exist."), "record_id")
        if record.status == RecordStatus.VOIDED:
            fail(Code.RECORD_VOIDED, _("A voided record cannot be corrected."))
        message = _text(message, "message", 500, required=True)
        if proposed_hours is not None:
            proposed_hours = _clean_hours(proposed_hours, "proposed_hours")
        if CorrectionRequest.objects.filter(record=record, status=CorrectionStatus.OPEN).exists():
            fail(Code.CORRECTION_ALREADY_OPEN, _("You have already asked to correct this record."))
        return CorrectionRequest.objects.create(record=record, message=message, proposed_hours=proposed_hours)


def decide_correction(request_id, *, by, accept, response="", hours=None):
    """Accept (applying ``hours``, or else the proposed hours, as a correction) or decline."""
    with transaction.atomic(durable=True):
        request = _get(
            CorrectionRequest.objects.select_related("record__organization"),
            request_id,
            "request_id",
            _("This correction request does not exist."),
        )
        _require_manager(by, request.record.organization)
        request = _get(CorrectionRequest.objects, request.pk, "request_id", "", lock=True)
        if request.status != CorrectionStatus.OPEN:
            fail(Code.CORRECTION_NOT_OPEN, _("This request has already been decided."))
        response = _text(response, "response", 300)
        record = _load_record(request.record_id, by)
        if accept:
            if record.status == RecordStatus.VOIDED:
                fail(Code.RECORD_VOIDED, _("A voided record cannot be corrected."))
            new_hours = hours if hours is not None else request.proposed_hours
            if new_hours is not None:
                new_hours = _clean_hours(new_hours)
                _check_cap(record, new_hours)
                reason = (response or request.message)[:REASON_MAX_LENGTH]
                if _change(record, by, "hours", new_hours, reason):
                    record.save()
        elif not response:
            fail(Code.REASON_REQUIRED, _("Please tell the volunteer why."), "response")
        request.status = CorrectionStatus.ACCEPTED if accept else CorrectionStatus.DECLINED
        request.decided_at = _now()
        request.decided_by = by
        request.response = response
        request.save(update_fields=["status", "decided_at", "decided_by", "response"])
        return request


# --- the volunteer's own profile and certificates --------------------------------------------------


def update_profile(user, **changes):
    """The volunteer changes their contact details, skills, availability or leaderboard choice.

    ``changes`` holds only the fields given (``phone``, ``skills``, ``availability``,
    ``emergency_contact_name``, ``emergency_contact_phone``, ``on_public_leaderboard``); a withdrawn
    volunteer can no longer change anything (``WRONG_STATUS``).
    """
    with transaction.atomic(durable=True):
        volunteer = _own_volunteer(user, lock=True)
        if volunteer.status == VolunteerStatus.WITHDRAWN:
            fail(Code.WRONG_STATUS, _("You have withdrawn as a volunteer."))
        unknown = set(changes) - set(PROFILE_FIELDS)
        if unknown:
            fail(CommonErrorCode.INVALID, _("These fields cannot be changed."), sorted(unknown)[0])
        field = Volunteer._meta.get_field
        skills = changes.pop("skills", None)
        for name, value in changes.items():
            if name == "on_public_leaderboard":
                value = bool(value)
            else:
                value = _text(value, name, field(name).max_length, required=name == "phone", label=_("phone"))
            setattr(volunteer, name, value)
        if changes:
            volunteer.save(update_fields=sorted(changes))
        if skills is not None:
            volunteer.skills.set(_skill_ids(skills))
        return volunteer


def request_certificate(user, *, period_start, period_end):
    """The volunteer asks for a 志愿服务证明 of a period; their own unit issues it at once.

    《志愿服务记录与证明出具办法》: the organization that keeps the records issues the proof when the
    volunteer asks, free of charge, from the records as kept; so no organizer needs to act, and
    the certificate names the volunteer's unit as issuer and the volunteer as the one who asked.
    """
    with transaction.atomic(durable=True):
        volunteer = _own_volunteer(user)
        return certificates.issue_certificate(
            volunteer,
            period_start=period_start,
            period_end=period_end,
            issuer_unit=volunteer.org_unit,
            by=user,
        )


__all__ = [
    "Code",
    "VolunteerErrorCode",
    "add_manual_record",
    "add_team_member",
    "apply",
    "approve_record",
    "approve_volunteer",
    "assign",
    "check_in_volunteer",
    "check_out_volunteer",
    "correct_record",
    "decide_correction",
    "decide_join_request",
    "decide_signup",
    "leave_team",
    "remove_team_member",
    "request_certificate",
    "request_correction",
    "request_to_join",
    "round_hours",
    "set_member_role",
    "shift_code",
    "sign_up",
    "suspend_volunteer",
    "update_profile",
    "void_record",
    "withdraw_signup",
    "withdraw_volunteer",
]
