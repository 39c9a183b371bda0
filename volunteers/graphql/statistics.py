"""Volunteer statistics in GraphQL: the public leaderboard and organizers' breakdowns.

``VolunteerStatisticsQuery`` is a mixin for the root ``Query``. ``volunteerLeaderboard`` is public
and shows only what volunteers agreed to show (a masked name, the unit, hours, stars);
``volunteerStatistics`` is for the organizers of the unit (or of a unit above it) and is null for
anyone else, as the events rosters are. Periods are inclusive dates, this year by default.
"""

import datetime

import graphene
from django.utils import timezone

from cms.graphql.pagination import Page, page_arguments, paginate, paginated_type
from cms.ids import find_by_id
from home.graphql.types import OrgUnit
from home.models import OrgUnit as OrgUnitModel
from home.permissions import manages_unit
from volunteers import statistics

GROUPS = {
    "MONTH": "One row per calendar month of the period, empty months included.",
    "YEAR": "One row per calendar year of the period, empty years included.",
    "TEAM": "One row per team of the unit and the units below it: its current active members' service.",
    "UNIT": "One row per unit directly below the unit (with its subtree), then the unit's own volunteers.",
}
VolunteerStatisticsGroupBy = graphene.Enum(
    "VolunteerStatisticsGroupBy",
    [(name, name) for name in GROUPS],
    description=lambda value: GROUPS[value.name] if value else "How volunteerStatistics splits its total.",
)


class VolunteerHours(graphene.ObjectType):
    """Approved service: hours, how many volunteers gave it, in how many records."""

    hours = graphene.Decimal(required=True, description="Approved service hours, two decimals.")
    people = graphene.Int(required=True, description="Volunteers with at least one approved record.")
    records = graphene.Int(required=True, description="Approved service records.")


class VolunteerStatisticsRow(VolunteerHours):
    """One period, team or unit of a breakdown."""

    key = graphene.String(
        required=True, description="2026-03 or 2026 for periods; the team's or the unit's id otherwise."
    )
    label = graphene.String(required=True, description="The period again, or the team's or unit's name.")
    from_ = graphene.Date(name="from", description="A period's first day counted; null for teams and units.")
    to = graphene.Date(description="A period's last day counted; null for teams and units.")

    @staticmethod
    def resolve_from_(row, info):
        return row.start

    @staticmethod
    def resolve_to(row, info):
        return row.end


class VolunteerStatistics(graphene.ObjectType):
    """A unit's volunteer service in a period (its volunteers and those of every unit below it)."""

    unit = graphene.Field(OrgUnit, required=True, description="The unit counted, with its subtree.")
    from_ = graphene.Date(name="from", required=True, description="The period's first day, included.")
    to = graphene.Date(required=True, description="The period's last day, included.")
    group_by = graphene.Field(VolunteerStatisticsGroupBy, required=True, description="How rows are split.")
    total = graphene.Field(VolunteerHours, required=True, description="The whole unit over the period.")
    rows = graphene.NonNull(
        graphene.List(graphene.NonNull(VolunteerStatisticsRow)),
        description="The breakdown; for TEAM, people in several teams count in each.",
    )


class VolunteerLeaderboardEntry(graphene.ObjectType):
    """A volunteer on the public leaderboard: nothing that identifies them."""

    rank = graphene.Int(required=True, description="1 for the most hours; equal hours share a rank.")
    masked_name = graphene.String(required=True, description="The name masked, e.g. 王*红.")
    unit_name = graphene.String(required=True, description="The short name of the volunteer's unit.")
    hours = graphene.Decimal(required=True, description="Approved service hours in the period.")
    star_level = graphene.Int(required=True, description="0 to 5 stars, from all approved hours so far.")


VolunteerLeaderboard = paginated_type(
    VolunteerLeaderboardEntry, "VolunteerLeaderboard", "A page of the public volunteer leaderboard."
)


def period(from_=None, to=None):
    """The period asked for: a missing first day is 1 January, a missing last day 31 December, of
    the other day's year (of this year when both are missing)."""
    today = timezone.localdate()
    start = from_ or datetime.date((to or today).year, 1, 1)
    return start, to or datetime.date((from_ or today).year, 12, 31)


def _rows(unit, start, end, group_by):
    if group_by == "TEAM":
        return statistics.by_team(unit, start, end)
    if group_by == "UNIT":
        return statistics.by_child_unit(unit, start, end)
    return statistics.by_period(unit, start, end, statistics.YEAR if group_by == "YEAR" else statistics.MONTH)


def period_arguments():
    """``from`` and ``to``, both included."""
    return {
        "from_": graphene.Date(
            name="from", description="The first day counted; default 1 January of to's year (or this year)."
        ),
        "to": graphene.Date(
            description="The last day counted; default 31 December of from's year (or this year)."
        ),
    }


class VolunteerStatisticsQuery(graphene.ObjectType):
    volunteer_leaderboard = graphene.Field(
        VolunteerLeaderboard,
        required=True,
        unit=graphene.ID(description="Only volunteers of this unit or of a unit below it."),
        **period_arguments(),
        **page_arguments(),
        description=(
            "Public: approved volunteers who chose to appear, by approved hours in the period, most "
            "first; those without hours in it are left out. Empty for an unknown unit or when from is "
            "after to."
        ),
    )
    volunteer_statistics = graphene.Field(
        VolunteerStatistics,
        unit_id=graphene.ID(required=True, description="The unit; its subtree counts with it."),
        group_by=VolunteerStatisticsGroupBy(required=True, description="How to split the total."),
        **period_arguments(),
        description=(
            "Organizers of the unit (or of a unit above it) only: hours, people and records of its "
            "volunteers. Null for anyone else, for an unknown unit, when from is after to, and for "
            f"more than {statistics.MAX_BUCKETS} months or years."
        ),
    )

    @staticmethod
    def resolve_volunteer_leaderboard(root, info, limit, offset, unit=None, from_=None, to=None):
        start, end = period(from_, to)
        scope = None
        if unit is not None:
            scope = find_by_id(OrgUnitModel.objects.only("path"), unit)
            if scope is None:
                return Page([], 0, offset)
        if start > end:
            return Page([], 0, offset)
        return paginate(
            statistics.leaderboard(start, end, scope), limit, offset, statistics.leaderboard_entries
        )

    @staticmethod
    def resolve_volunteer_statistics(root, info, unit_id, group_by, from_=None, to=None):
        user = info.context.user
        if not user.is_authenticated:
            return None
        unit = find_by_id(OrgUnitModel.objects.all(), unit_id)
        start, end = period(from_, to)
        if unit is None or start > end or not manages_unit(user, unit):
            return None
        group_by = getattr(group_by, "value", group_by)
        try:
            rows = _rows(unit, start, end, group_by)
        except ValueError:  # too many periods
            return None
        return VolunteerStatistics(
            unit=unit,
            from_=start,
            to=end,
            group_by=group_by,
            total=statistics.unit_total(unit, start, end),
            rows=rows,
        )
