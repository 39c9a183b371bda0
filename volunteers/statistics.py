"""Statistics of volunteer service: hours, people and records per period, team and child unit, and
the opt-in public leaderboard. Read-only.

The rules are those of ``volunteers.selectors``: APPROVED records only, a period is ``start`` and
``end`` dates, both included, on ``service_date``, and a unit counts with every unit below it (the
volunteers who belong there). Every function runs a fixed number of queries, whatever the rows.

Each breakdown is a list of ``Row``: ``key`` (``2026-03``, ``2026``, a team's or a unit's id),
``label`` (the same period, or the team's or unit's name), the dates counted (periods only) and the
``hours``, ``people`` and ``records``.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, Sum, Value, Window
from django.db.models.functions import Coalesce, Rank, Substr, TruncMonth, TruncYear

from home.models import OrgUnit
from volunteers.certificates import masked_name
from volunteers.models import MembershipStatus, RecordStatus, Team, Volunteer, VolunteerStatus
from volunteers.selectors import ZERO, unit_records, unit_summary
from volunteers.stars import star_level

MONTH = "month"
YEAR = "year"
MAX_BUCKETS = 240
"""Period rows one breakdown may have: 20 years of months."""

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    hours: Decimal
    people: int
    records: int
    start: datetime.date | None = None
    end: datetime.date | None = None


@dataclass(frozen=True)
class LeaderboardEntry:
    """What the public sees of a volunteer: nothing that identifies them."""

    rank: int
    masked_name: str
    unit_name: str
    hours: Decimal
    star_level: int


def _hours(value):
    return (value or ZERO).quantize(CENT)


def _totals():
    """The three aggregates of a group of records."""
    return {"hours": Sum("hours"), "people": Count("volunteer", distinct=True), "records": Count("pk")}


def _row(key, label, values=None, **dates):
    values = values or {}
    return Row(
        key=str(key),
        label=label,
        hours=_hours(values.get("hours")),
        people=values.get("people") or 0,
        records=values.get("records") or 0,
        **dates,
    )


def _approved_in(records, start=None, end=None):
    """A ``Q`` on the records reached through ``records``: approved, in the period."""
    condition = Q(**{f"{records}__status": RecordStatus.APPROVED})
    if start is not None:
        condition &= Q(**{f"{records}__service_date__gte": start})
    if end is not None:
        condition &= Q(**{f"{records}__service_date__lte": end})
    return condition


def unit_total(unit, start=None, end=None):
    """The whole of ``unit`` (with its subtree) in the period, as a ``Row``."""
    return _row(unit.pk, unit.name, unit_summary(unit, start, end))


# --- periods -----------------------------------------------------------------------------------


def _next_bucket(day, bucket):
    if bucket == YEAR:
        return day.replace(year=day.year + 1, month=1, day=1)
    return (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def _bucket_start(day, bucket):
    return day.replace(month=1, day=1) if bucket == YEAR else day.replace(day=1)


def period_buckets(start, end, bucket=MONTH):
    """``[(first day, last day)]`` of each calendar month (or year) from ``start`` to ``end``,
    clipped to them; empty when ``end`` is before ``start``. ``ValueError`` above MAX_BUCKETS."""
    if bucket not in (MONTH, YEAR):
        raise ValueError(f"unknown bucket {bucket!r}")
    buckets = []
    first = _bucket_start(start, bucket)
    while first <= end:
        following = _next_bucket(first, bucket)
        buckets.append((max(first, start), min(following - datetime.timedelta(days=1), end)))
        if len(buckets) > MAX_BUCKETS:
            raise ValueError(f"more than {MAX_BUCKETS} periods")
        first = following
    return buckets


def _period_key(day, bucket):
    return f"{day.year}" if bucket == YEAR else f"{day.year}-{day.month:02d}"


def by_period(unit, start, end, bucket=MONTH):
    """One row per calendar month (or year) from ``start`` to ``end``, empty periods included. One
    query."""
    buckets = period_buckets(start, end, bucket)
    if not buckets:
        return []
    trunc = TruncYear if bucket == YEAR else TruncMonth
    rows = (
        unit_records(unit, start, end)
        .annotate(bucket=trunc("service_date"))
        .values("bucket")
        .annotate(**_totals())
        .order_by()
    )
    found = {_period_key(row["bucket"], bucket): row for row in rows}
    rows = []
    for first, last in buckets:
        key = _period_key(first, bucket)
        rows.append(_row(key, key, found.get(key), start=first, end=last))
    return rows


# --- teams and units ---------------------------------------------------------------------------


def by_team(unit, start=None, end=None):
    """One row per team of ``unit`` and the units below it, by name: the approved service (in the
    period) of its current active members, as ``selectors.team_summary``. One query."""
    record = "memberships__volunteer__records"
    counted = Q(memberships__status=MembershipStatus.ACTIVE) & _approved_in(record, start, end)
    teams = (
        Team.objects.filter(org_unit__path__startswith=unit.path)
        .annotate(
            hours=Sum(f"{record}__hours", filter=counted),
            people=Count("memberships__volunteer", distinct=True, filter=counted),
            records=Count(record, filter=counted),
        )
        .order_by("name", "pk")
    )
    return [_row(team.pk, team.name, vars(team)) for team in teams]


def by_child_unit(unit, start=None, end=None):
    """One row per unit directly below ``unit`` (each with its own subtree), in tree order, then
    one for ``unit`` itself when volunteers belong to it directly. Two queries."""
    children = list(OrgUnit.objects.filter(parent=unit).order_by("path"))
    width = len(children[0].path) if children else len(unit.path)  # a path grows by a fixed step
    rows = (
        unit_records(unit, start, end)
        .annotate(branch=Substr("volunteer__org_unit__path", 1, width))
        .values("branch")
        .annotate(**_totals())
        .order_by()
    )
    found = {row["branch"]: row for row in rows}
    result = [_row(child.pk, child.name, found.get(child.path)) for child in children]
    own = found.get(unit.path)
    if own:
        result.append(_row(unit.pk, unit.name, own))
    return result


# --- the public leaderboard ----------------------------------------------------------------------


def leaderboard(start=None, end=None, unit=None):
    """Approved volunteers who opted in (``on_public_leaderboard``), of ``unit`` and below when
    given, with approved hours in the period; most hours first, ties sharing a rank.

    A queryset annotated with ``period_hours``, ``total_hours`` (all time, for the star level) and
    ``rank``; turn its rows into ``LeaderboardEntry`` with ``leaderboard_entries`` before they
    leave the server.
    """
    counted = _approved_in("records")
    in_period = _approved_in("records", start, end)
    volunteers = Volunteer.objects.filter(status=VolunteerStatus.APPROVED, on_public_leaderboard=True)
    if unit is not None:
        volunteers = volunteers.filter(org_unit__path__startswith=unit.path)
    return (
        volunteers.annotate(
            period_hours=Coalesce(Sum("records__hours", filter=in_period), Value(ZERO)),
            total_hours=Coalesce(Sum("records__hours", filter=counted), Value(ZERO)),
        )
        .filter(period_hours__gt=0)
        .annotate(rank=Window(Rank(), order_by=F("period_hours").desc()))
        .select_related("org_unit")
        .only("real_name", "org_unit__name", "org_unit__short_name")
        .order_by("-period_hours", "pk")
    )


def leaderboard_entries(volunteers):
    """The public face of ``leaderboard`` rows: masked name, unit, hours and stars only."""
    return [
        LeaderboardEntry(
            rank=volunteer.rank,
            masked_name=masked_name(volunteer.real_name),
            unit_name=volunteer.org_unit.short_name or volunteer.org_unit.name,
            hours=_hours(volunteer.period_hours),
            star_level=star_level(volunteer.total_hours),
        )
        for volunteer in volunteers
    ]


__all__ = [
    "MAX_BUCKETS",
    "MONTH",
    "YEAR",
    "LeaderboardEntry",
    "Row",
    "by_child_unit",
    "by_period",
    "by_team",
    "leaderboard",
    "leaderboard_entries",
    "period_buckets",
    "unit_total",
]
