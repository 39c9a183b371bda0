"""Read-only questions about volunteers: hours, people, who may manage whom.

Hours count APPROVED records only (pending ones await review, voided ones never count). A
period is ``start``/``end`` dates, both included, on ``service_date``; ``None`` is open-ended.
"""

from decimal import Decimal

from django.db.models import Count, Sum

from home.permissions import manages_unit
from volunteers.models import MembershipStatus, RecordStatus, ServiceRecord, Volunteer, VolunteerStatus

ZERO = Decimal("0.00")


def approved_records(start=None, end=None):
    records = ServiceRecord.objects.filter(status=RecordStatus.APPROVED)
    if start is not None:
        records = records.filter(service_date__gte=start)
    if end is not None:
        records = records.filter(service_date__lte=end)
    return records


def total_hours(volunteer, start=None, end=None):
    """The volunteer's approved hours (in the period), a Decimal."""
    total = approved_records(start, end).filter(volunteer=volunteer).aggregate(total=Sum("hours"))["total"]
    return (total or ZERO).quantize(Decimal("0.01"))


def _summary(records):
    row = records.aggregate(hours=Sum("hours"), people=Count("volunteer", distinct=True), records=Count("pk"))
    return {
        "hours": (row["hours"] or ZERO).quantize(Decimal("0.01")),
        "people": row["people"],
        "records": row["records"],
    }


def hours_by_volunteer(volunteers=None, start=None, end=None):
    """``{volunteer_id: approved hours}`` for the volunteers (a queryset; all when None) in the
    period, one query; volunteers without hours are left out."""
    records = approved_records(start, end)
    if volunteers is not None:
        records = records.filter(volunteer__in=volunteers)
    rows = records.values("volunteer_id").annotate(total=Sum("hours")).order_by()
    return {row["volunteer_id"]: row["total"].quantize(Decimal("0.01")) for row in rows}


def volunteer_summary(volunteer, start=None, end=None):
    return _summary(approved_records(start, end).filter(volunteer=volunteer))


def team_summary(team, start=None, end=None):
    """Hours and people of the team's current active members in the period (all their approved
    service, not only the team's own shifts)."""
    members = team.memberships.filter(status=MembershipStatus.ACTIVE).values("volunteer_id")
    return _summary(approved_records(start, end).filter(volunteer_id__in=members))


def unit_records(unit, start=None, end=None):
    """Approved records (in the period) of the volunteers of ``unit`` and every unit below it."""
    return approved_records(start, end).filter(volunteer__org_unit__path__startswith=unit.path)


def unit_summary(unit, start=None, end=None):
    """Hours and people of the volunteers belonging to ``unit`` or any unit below it."""
    return _summary(unit_records(unit, start, end))


def organized_summary(unit, start=None, end=None):
    """Hours and people of the service organized (recorded) by ``unit`` or any unit below it."""
    return _summary(approved_records(start, end).filter(organization__path__startswith=unit.path))


def active_volunteers(unit=None):
    volunteers = Volunteer.objects.filter(status=VolunteerStatus.APPROVED)
    if unit is not None:
        volunteers = volunteers.filter(org_unit__path__startswith=unit.path)
    return volunteers


def can_manage_volunteer(user, volunteer):
    """Organizers of the volunteer's unit (or any unit above it) and superusers."""
    return user is not None and user.is_authenticated and manages_unit(user, volunteer.org_unit)


__all__ = [
    "active_volunteers",
    "approved_records",
    "can_manage_volunteer",
    "hours_by_volunteer",
    "organized_summary",
    "team_summary",
    "total_hours",
    "unit_records",
    "unit_summary",
    "volunteer_summary",
]
