"""Every filter of the API can be answered through indexes (PostgreSQL; bench/RESULTS.md shows the
plans at full scale).

Each read runs through the real endpoint as its viewer while its SQL is captured; each statement
is then planned with sequential scans disabled. PostgreSQL still scans a table sequentially when
no index can serve the statement, so a ``Seq Scan`` on one of the tables that grow with use means
a filter without an index. Small tables (units, venues, categories) are read whole on purpose.
"""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import services
from tests.events import factories
from tests.events.test_concurrency import require_postgres
from tests.volunteers.api import make_record
from tests.volunteers.factories import make_shift, make_volunteer

GROWING_TABLES = (
    "events_event", "events_eventfigures", "events_eventsession", "events_registration",
    "volunteers_volunteer", "volunteers_servicerecord", "volunteers_shift", "volunteers_shiftsignup",
)  # fmt: skip

EVENTS = "query ($f: Boolean, $k: EventKind, $w: EventWhen, $u: ID, $v: ID, $from: Date, $to: Date) {" \
    " events(hasFreeSeats: $f, kind: $k, when: $w, orgUnit: $u, venue: $v, from: $from, to: $to)" \
    " { totalCount items { id startsAt seatsLeft } } }"  # fmt: skip
MY_REGISTRATIONS = "query ($w: EventWhen, $s: RegistrationStatus) { myRegistrations(when: $w, status: $s)" \
    " { totalCount items { id event { id } } } }"  # fmt: skip
ROSTER = "query ($e: ID!, $s: RegistrationStatus) { eventRegistrations(eventId: $e, status: $s)" \
    " { totalCount items { id name } } }"  # fmt: skip
MY_RECORDS = "query ($s: ServiceRecordStatus) { myServiceRecords(status: $s) { totalCount items { id } } }"
VOLUNTEERS = "query ($s: VolunteerStatus, $u: ID) { managedVolunteers(status: $s, orgUnit: $u)" \
    " { totalCount items { id } } }"  # fmt: skip
SHIFTS = "query ($w: ShiftWhen, $o: Boolean, $u: ID) { volunteerShifts(when: $w, hasOpenPlaces: $o," \
    " orgUnit: $u) { totalCount items { id } } }"  # fmt: skip


@pytest.fixture
def world(db):
    require_postgres()
    org = factories.make_org_tree()
    organizer = factories.make_organizer(org["district"])
    event = factories.make_event(org["district"], capacity=2)
    person = factories.make_user("小兰")
    factories.make_registration(event, person)
    for _ in range(2):
        factories.make_registration(event)
    elsewhere = factories.make_registration(factories.make_event(org["city"]), person)
    services.cancel_registration(elsewhere.pk, by=person)
    volunteer = make_volunteer(org["community"], user=factories.make_user("小红"))
    make_record(volunteer)
    make_shift(org["community"])
    return {"org": org, "organizer": organizer, "event": event, "person": person, "volunteer": volunteer}


def statements(gql, query, variables):
    with CaptureQueriesContext(connection) as captured:
        response = gql.post(query, variables)
    assert response.status_code == 200 and "errors" not in response.json(), response.content
    return [query["sql"] for query in captured.captured_queries if query["sql"].lstrip().startswith("SELECT")]


def sequential_scans(sql):
    """The growing tables the plan of ``sql`` scans sequentially even with sequential scans off."""
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
            plan = cursor.fetchone()[0]
        finally:
            cursor.execute("RESET enable_seqscan")
    plan = json.loads(plan) if isinstance(plan, str) else plan
    found, pending = set(), [plan[0]["Plan"]]
    while pending:
        node = pending.pop()
        if node["Node Type"] == "Seq Scan" and node["Relation Name"] in GROWING_TABLES:
            found.add(node["Relation Name"])
        pending.extend(node.get("Plans", ()))
    return found


def reads(world):
    """``(label, query, variables, viewer)`` for each filter of the lists that grow."""
    org, event = world["org"], world["event"]
    district, venue = str(org["district"].pk), str(event.venue_id)
    return [
        ("events", EVENTS, {}, None),
        ("events upcoming", EVENTS, {"w": "UPCOMING"}, None),
        ("events past", EVENTS, {"w": "PAST"}, None),
        ("events by kind with free seats", EVENTS, {"k": "COURSE", "f": True}, None),
        ("events by unit", EVENTS, {"u": district}, None),
        ("events by venue", EVENTS, {"v": venue}, None),
        ("events by dates", EVENTS, {"from": "2026-01-01", "to": "2027-12-31"}, None),
        ("my registrations", MY_REGISTRATIONS, {}, world["person"]),
        ("my upcoming registrations", MY_REGISTRATIONS, {"w": "UPCOMING"}, world["person"]),
        ("my cancelled registrations", MY_REGISTRATIONS, {"s": "CANCELLED_BY_REGISTRANT"}, world["person"]),
        ("roster", ROSTER, {"e": str(event.pk)}, world["organizer"]),
        ("roster's waitlist", ROSTER, {"e": str(event.pk), "s": "WAITLISTED"}, world["organizer"]),
        ("my service records", MY_RECORDS, {"s": "APPROVED"}, world["volunteer"].user),
        ("volunteers by status and unit", VOLUNTEERS, {"s": "APPROVED", "u": district}, world["organizer"]),
        ("upcoming shifts with places", SHIFTS, {"w": "UPCOMING", "o": True, "u": district}, None),
    ]


def test_a_filter_without_an_index_is_caught(world):
    unindexed = "SELECT id FROM events_registration WHERE phone = '13800000000'"
    assert sequential_scans(unindexed) == {"events_registration"}


def test_every_filter_can_use_an_index(gql, world):
    problems = {}
    for label, query, variables, viewer in reads(world):
        gql.logout()
        if viewer is not None:
            gql.login(viewer)
        for sql in statements(gql, query, variables):
            if scanned := sequential_scans(sql):
                problems.setdefault(label, []).append((sorted(scanned), sql[:300]))
    assert problems == {}
