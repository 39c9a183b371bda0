"""volunteers.statistics and the volunteerLeaderboard / volunteerStatistics queries (issue 4)."""

import datetime
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.volunteers.factories import (
    make_id_number,
    make_member,
    make_organizer,
    make_team,
    make_user,
    make_volunteer,
)
from volunteers import selectors, statistics
from volunteers.identity import protect_id_number
from volunteers.models import MembershipStatus, RecordSource, RecordStatus, ServiceRecord, VolunteerStatus

pytestmark = pytest.mark.django_db

D = datetime.date
YEAR = 2025


def record(volunteer, day, hours, status=RecordStatus.APPROVED):
    return ServiceRecord.objects.create(
        volunteer=volunteer,
        activity_name="亲子阅读会",
        service_date=day,
        place="华润国际社区",
        hours=Decimal(str(hours)),
        responsible_person="张老师",
        organization=volunteer.org_unit,
        source=RecordSource.MANUAL,
        status=status,
    )


def numbers(row):
    return (row.hours, row.people, row.records)


# --- periods --------------------------------------------------------------------------------------


def test_months_count_approved_records_inside_the_period_both_ends_included(org):
    red, blue = make_volunteer(org["community"]), make_volunteer(org["street"])
    record(red, D(YEAR, 1, 10), 2)  # first day of the period: counted
    record(red, D(YEAR, 1, 31), 1.5)
    record(blue, D(YEAR, 1, 20), 3)
    record(blue, D(YEAR, 3, 31), 4)  # last day: counted
    record(blue, D(YEAR, 1, 9), 100)  # the day before: not counted
    record(blue, D(YEAR, 4, 1), 100)  # the day after
    record(red, D(YEAR, 1, 15), 50, RecordStatus.PENDING)
    record(red, D(YEAR, 1, 16), 50, RecordStatus.VOIDED)
    record(make_volunteer(org["other_district"]), D(YEAR, 1, 15), 9)  # another subtree

    rows = statistics.by_period(org["district"], D(YEAR, 1, 10), D(YEAR, 3, 31))

    assert [(row.key, row.start, row.end) for row in rows] == [
        ("2025-01", D(YEAR, 1, 10), D(YEAR, 1, 31)),
        ("2025-02", D(YEAR, 2, 1), D(YEAR, 2, 28)),
        ("2025-03", D(YEAR, 3, 1), D(YEAR, 3, 31)),
    ]
    assert [numbers(row) for row in rows] == [
        (Decimal("6.50"), 2, 3),
        (Decimal("0.00"), 0, 0),
        (Decimal("4.00"), 1, 1),
    ]
    total = statistics.unit_total(org["district"], D(YEAR, 1, 10), D(YEAR, 3, 31))
    assert numbers(total) == (Decimal("10.50"), 2, 4)


def test_years_and_the_limit_on_periods(org):
    volunteer = make_volunteer(org["community"])
    record(volunteer, D(2024, 12, 31), 1)
    record(volunteer, D(2025, 1, 1), 2)
    rows = statistics.by_period(org["city"], D(2024, 6, 1), D(2026, 2, 1), statistics.YEAR)
    assert [(row.key, row.start, row.end, row.hours) for row in rows] == [
        ("2024", D(2024, 6, 1), D(2024, 12, 31), Decimal("1.00")),
        ("2025", D(2025, 1, 1), D(2025, 12, 31), Decimal("2.00")),
        ("2026", D(2026, 1, 1), D(2026, 2, 1), Decimal("0.00")),
    ]
    assert statistics.by_period(org["city"], D(2025, 2, 1), D(2025, 1, 1)) == []
    assert len(statistics.period_buckets(D(2000, 1, 1), D(2019, 12, 31))) == statistics.MAX_BUCKETS
    with pytest.raises(ValueError):
        statistics.period_buckets(D(2000, 1, 1), D(2020, 1, 1))


# --- units and teams ------------------------------------------------------------------------------


def test_child_units_count_their_subtrees_and_add_up_to_the_total(org):
    record(make_volunteer(org["community"]), D(YEAR, 5, 1), 2)
    record(make_volunteer(org["district"]), D(YEAR, 5, 2), 3)
    record(make_volunteer(org["other_district"]), D(YEAR, 5, 3), 4)
    record(make_volunteer(org["city"]), D(YEAR, 5, 4), 5)  # directly at the city

    rows = statistics.by_child_unit(org["city"], D(YEAR, 1, 1), D(YEAR, 12, 31))

    assert [(row.label, row.hours, row.people) for row in rows] == [
        ("天宁区妇联", Decimal("5.00"), 2),
        ("金坛区妇联", Decimal("4.00"), 1),
        ("常州市妇联", Decimal("5.00"), 1),
    ]
    assert [row.key for row in rows] == [
        str(org["district"].pk),
        str(org["other_district"].pk),
        str(org["city"].pk),
    ]
    total = statistics.unit_total(org["city"], D(YEAR, 1, 1), D(YEAR, 12, 31))
    assert sum(row.hours for row in rows) == total.hours == Decimal("14.00")
    assert sum(row.people for row in rows) == total.people
    # A unit without children: its own volunteers only.
    assert [row.label for row in statistics.by_child_unit(org["community"])] == ["华润国际社区"]


def test_teams_count_their_active_members_like_team_summary(org):
    team = make_team(org["street"], name="茶山街道巾帼志愿者服务队")
    empty = make_team(org["district"], name="天宁区家调志愿花")
    elsewhere = make_team(org["other_district"], name="金坛区巾帼志愿者服务队")
    leader, member, gone = (make_volunteer(org["community"]) for _ in range(3))
    make_member(team, leader, role="leader")
    make_member(team, member)
    make_member(team, gone, status=MembershipStatus.LEFT)
    make_member(elsewhere, member)
    record(leader, D(YEAR, 2, 1), 2)
    record(member, D(YEAR, 2, 2), 1)
    record(member, D(YEAR, 2, 3), 1, RecordStatus.VOIDED)
    record(gone, D(YEAR, 2, 3), 8)

    rows = statistics.by_team(org["district"], D(YEAR, 1, 1), D(YEAR, 12, 31))

    assert [row.label for row in rows] == ["天宁区家调志愿花", "茶山街道巾帼志愿者服务队"]
    assert numbers(rows[0]) == (Decimal("0.00"), 0, 0)
    summary = selectors.team_summary(team, D(YEAR, 1, 1), D(YEAR, 12, 31))
    assert (
        numbers(rows[1])
        == (summary["hours"], summary["people"], summary["records"])
        == (
            Decimal("3.00"),
            2,
            2,
        )
    )
    assert rows[0].key == str(empty.pk)


# --- the leaderboard ------------------------------------------------------------------------------


def test_the_leaderboard_shows_only_approved_volunteers_who_opted_in(org):
    top = make_volunteer(org["community"], name="王小红", on_public_leaderboard=True)
    tied = make_volunteer(org["other_district"], name="欧阳春花", on_public_leaderboard=True)
    third = make_volunteer(org["community"], name="李梅", on_public_leaderboard=True)
    shy = make_volunteer(org["community"], name="张静")
    suspended = make_volunteer(
        org["community"], name="赵敏", status=VolunteerStatus.SUSPENDED, on_public_leaderboard=True
    )
    idle = make_volunteer(org["community"], name="孙丽", on_public_leaderboard=True)
    record(top, D(YEAR, 3, 1), 10)
    record(top, D(YEAR - 1, 3, 1), 95)  # earlier year: stars only
    record(tied, D(YEAR, 3, 1), 10)
    record(third, D(YEAR, 3, 1), 4)
    record(third, D(YEAR, 3, 2), 20, RecordStatus.PENDING)
    record(shy, D(YEAR, 3, 1), 50)
    record(suspended, D(YEAR, 3, 1), 50)
    record(idle, D(YEAR - 1, 3, 1), 3)

    entries = statistics.leaderboard_entries(statistics.leaderboard(D(YEAR, 1, 1), D(YEAR, 12, 31)))

    assert [(e.rank, e.masked_name, e.unit_name, e.hours, e.star_level) for e in entries] == [
        (1, "王*红", "华润国际社区", Decimal("10.00"), 1),
        (1, "欧**花", "金坛区", Decimal("10.00"), 0),
        (3, "李*", "华润国际社区", Decimal("4.00"), 0),
    ]
    in_district = statistics.leaderboard(D(YEAR, 1, 1), D(YEAR, 12, 31), unit=org["district"])
    assert [e.masked_name for e in statistics.leaderboard_entries(in_district)] == ["王*红", "李*"]


LEADERBOARD = """
query Board($unit: ID, $from: Date, $to: Date, $limit: PageSize, $offset: Offset) {
  volunteerLeaderboard(unit: $unit, from: $from, to: $to, limit: $limit, offset: $offset) {
    totalCount hasNextPage items { rank maskedName unitName hours starLevel }
  }
}
"""


def test_the_leaderboard_query_is_public_and_shows_nothing_personal(gql, org):
    number = make_id_number()
    encrypted, hashed, masked = protect_id_number(number)
    volunteer = make_volunteer(
        org["community"],
        name="王小红",
        phone="13912345678",
        on_public_leaderboard=True,
        id_number_encrypted=encrypted,
        id_number_hash=hashed,
        id_number_masked=masked,
    )
    record(volunteer, timezone.localdate(), 3)

    response = gql.post(LEADERBOARD, {"limit": 10})
    text = response.content.decode()
    data = json.loads(text)["data"]["volunteerLeaderboard"]

    assert data == {
        "totalCount": 1,
        "hasNextPage": False,
        "items": [
            {"rank": 1, "maskedName": "王*红", "unitName": "华润国际社区", "hours": "3.00", "starLevel": 0}
        ],
    }
    for secret in ["王小红", "13912345678", number, masked, volunteer.number]:
        assert secret not in text
    # Unknown unit, reversed period: empty.
    assert gql(LEADERBOARD, {"unit": "999999"})["volunteerLeaderboard"]["totalCount"] == 0
    assert gql(LEADERBOARD, {"from": "2025-02-01", "to": "2025-01-01"})["volunteerLeaderboard"]["items"] == []


STATISTICS = """
query Stats($unit: ID!, $groupBy: VolunteerStatisticsGroupBy!, $from: Date, $to: Date) {
  volunteerStatistics(unitId: $unit, groupBy: $groupBy, from: $from, to: $to) {
    unit { name } from to groupBy
    total { hours people records }
    rows { key label from to hours people records }
  }
}
"""


def test_statistics_are_for_the_units_organizers_only(gql, org):
    record(make_volunteer(org["community"]), D(YEAR, 2, 10), 2.5)
    variables = {
        "unit": str(org["district"].pk),
        "groupBy": "MONTH",
        "from": "2025-01-01",
        "to": "2025-03-31",
    }

    assert gql(STATISTICS, variables)["volunteerStatistics"] is None  # anonymous
    gql.login(make_user("路人"))
    assert gql(STATISTICS, variables)["volunteerStatistics"] is None
    gql.login(make_organizer(org["other_district"]))
    assert gql(STATISTICS, variables)["volunteerStatistics"] is None
    gql.login(make_organizer(org["city"]))  # an organizer above the unit manages it

    result = gql(STATISTICS, variables)["volunteerStatistics"]

    assert result["unit"] == {"name": "天宁区妇联"}
    assert (result["from"], result["to"], result["groupBy"]) == ("2025-01-01", "2025-03-31", "MONTH")
    assert result["total"] == {"hours": "2.50", "people": 1, "records": 1}
    assert [(row["key"], row["hours"]) for row in result["rows"]] == [
        ("2025-01", "0.00"),
        ("2025-02", "2.50"),
        ("2025-03", "0.00"),
    ]
    assert result["rows"][1]["from"] == "2025-02-01" and result["rows"][1]["to"] == "2025-02-28"
    by_unit = gql(STATISTICS, {**variables, "groupBy": "UNIT"})["volunteerStatistics"]["rows"]
    assert [(row["label"], row["from"], row["hours"]) for row in by_unit] == [("茶山街道", None, "2.50")]
    assert gql(STATISTICS, {**variables, "groupBy": "TEAM"})["volunteerStatistics"]["rows"] == []
    for refused in [
        {**variables, "unit": "999999"},
        {**variables, "unit": "x"},
        {**variables, "from": "2025-04-01"},
        {**variables, "from": "1990-01-01"},  # more than MAX_BUCKETS months
    ]:
        assert gql(STATISTICS, refused)["volunteerStatistics"] is None


def test_the_period_defaults_to_this_year(gql, org):
    gql.login(make_organizer(org["district"]))
    result = gql(STATISTICS, {"unit": str(org["district"].pk), "groupBy": "YEAR"})["volunteerStatistics"]
    year = timezone.localdate().year
    assert (result["from"], result["to"]) == (f"{year}-01-01", f"{year}-12-31")
    assert [row["key"] for row in result["rows"]] == [str(year)]
    only_to = {"unit": str(org["district"].pk), "groupBy": "MONTH", "to": "2024-03-31"}
    result = gql(STATISTICS, only_to)["volunteerStatistics"]
    assert (result["from"], len(result["rows"])) == ("2024-01-01", 3)


def populate(org, count):
    teams = [make_team(org["street"]), make_team(org["other_district"])]
    for index in range(count):
        unit = org["community"] if index % 2 else org["other_district"]
        volunteer = make_volunteer(unit, on_public_leaderboard=True)
        make_member(teams[index % 2], volunteer)
        record(volunteer, D(YEAR, 1 + index % 12, 1), 1 + index % 5)


@pytest.mark.parametrize("group_by", ["MONTH", "TEAM", "UNIT"])
def test_query_counts_do_not_grow_with_the_rows(gql, org, group_by):
    gql.login(make_organizer(org["city"]))
    stats = {"unit": str(org["city"].pk), "groupBy": group_by, "from": "2025-01-01", "to": "2025-12-31"}
    board = {"from": "2025-01-01", "to": "2025-12-31", "limit": 100}
    counts = []
    for more in (10, 90):
        populate(org, more)
        with CaptureQueriesContext(connection) as captured:
            gql(STATISTICS, stats)
            gql(LEADERBOARD, board)
        counts.append(len(captured))
    assert counts[0] == counts[1]
    assert gql(LEADERBOARD, board)["volunteerLeaderboard"]["totalCount"] == 100
