"""Builders for the volunteers suites, so that tests state only what they are about.

    org = make_org_tree()                              # city > district > street > community
    volunteer = make_volunteer(org["community"])       # approved, adult, with a user account
    shift = make_shift(org["district"], max_count=2)   # published opportunity, role, shift tomorrow

``make_volunteer`` writes the row directly (status given, approved by default, a number when
approved); ``apply_as`` goes through ``volunteers.services.apply``. ``make_shift`` gives a shift
tomorrow 09:00-11:00 local time, sign-up deadline in a day-minus-an-hour, instant flow.
"""

import datetime
import itertools

from django.utils import timezone

from tests.events.factories import make_org_tree, make_organizer, make_superuser, make_user
from tests.home.factories import unique
from volunteers import services
from volunteers.models import (
    MembershipRole,
    MembershipStatus,
    Opportunity,
    OpportunityStatus,
    Role,
    Shift,
    Skill,
    Team,
    TeamMembership,
    Volunteer,
    VolunteerStatus,
)

__all__ = [
    "VALID_ID",
    "adult_birth_date",
    "apply_as",
    "make_id_number",
    "make_member",
    "make_org_tree",
    "make_organizer",
    "make_shift",
    "make_skill",
    "make_superuser",
    "make_team",
    "make_user",
    "make_volunteer",
    "tomorrow_at",
]

_numbers = itertools.count(1)

# A well-formed number (GB 11643 example): 11010519491231002X, born 1949-12-31.
VALID_ID = "11010519491231002X"


def make_id_number(birth=datetime.date(1990, 5, 17), area="320402", serial=None):
    """A valid ID number born on ``birth``; ``serial`` (3 digits) differs per call by default."""
    from volunteers.identity import check_digit

    serial = serial if serial is not None else f"{next(_numbers) % 1000:03d}"
    first = f"{area}{birth:%Y%m%d}{serial}"
    return first + check_digit(first)


def years_ago(years, days=0):
    """The date ``years`` years ago today, plus ``days``: a birth date for an age."""
    today = timezone.localdate()
    return today.replace(year=today.year - years) + datetime.timedelta(days=days)


def adult_birth_date(years=30):
    return years_ago(years)


def make_skill(name=None):
    name = name or unique("技能")
    return Skill.objects.get_or_create(name=name, defaults={"slug": unique("skill")})[0]


def make_volunteer(unit, user=None, *, name=None, status=VolunteerStatus.APPROVED, skills=(), **fields):
    user = user or make_user(name or "志愿者")
    now = timezone.now()
    fields.setdefault("birth_date", adult_birth_date())
    fields.setdefault("phone", "13900000000")
    fields.setdefault("consent_version", "2026-01")
    fields.setdefault("consented_at", now)
    if status == VolunteerStatus.APPROVED:
        fields.setdefault("number", f"TEST{next(_numbers):08d}")
        fields.setdefault("approved_at", now)
    volunteer = Volunteer.objects.create(
        user=user, real_name=name or unique("王小红"), org_unit=unit, status=status, **fields
    )
    if skills:
        volunteer.skills.set(skills)
    return volunteer


def apply_as(user, unit, **kwargs):
    """Apply through the service with sensible adult defaults."""
    kwargs.setdefault("real_name", "李小梅")
    kwargs.setdefault("gender", "female")
    kwargs.setdefault("birth_date", adult_birth_date())
    kwargs.setdefault("phone", "13800000001")
    kwargs.setdefault("consent_version", "2026-01")
    return services.apply(user, org_unit_id=unit.pk, **kwargs)


def make_team(unit, name=None, **fields):
    return Team.objects.create(name=name or unique("巾帼志愿服务队"), org_unit=unit, **fields)


def make_member(team, volunteer, role=MembershipRole.MEMBER, status=MembershipStatus.ACTIVE):
    return TeamMembership.objects.create(
        team=team, volunteer=volunteer, role=role, status=status, joined_at=timezone.localdate()
    )


def tomorrow_at(hour, minute=0, days=1):
    day = timezone.localtime() + datetime.timedelta(days=days)
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


def make_shift(
    unit,
    *,
    opportunity=None,
    role_name="签到引导",
    starts_at=None,
    hours=2,
    status=OpportunityStatus.PUBLISHED,
    skills=(),
    **fields,
):
    """A shift of a published opportunity of ``unit`` (a new opportunity and role unless given)."""
    if opportunity is None:
        opportunity = Opportunity.objects.create(
            title=unique("亲子阅读会志愿服务"), org_unit=unit, status=status
        )
    role = Role.objects.create(opportunity=opportunity, name=role_name)
    starts_at = starts_at or tomorrow_at(9)
    fields.setdefault("ends_at", starts_at + datetime.timedelta(hours=hours))
    fields.setdefault("place", "天宁区妇女儿童活动中心")
    fields.setdefault("max_count", 5)
    fields.setdefault("signup_deadline", starts_at - datetime.timedelta(hours=1))
    shift = Shift.objects.create(role=role, starts_at=starts_at, **fields)
    if skills:
        shift.required_skills.set(skills)
    return shift
