"""The events list fields run the same number of SQL queries for 10 rows as for 100."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import services
from tests.events import factories
from tests.home import factories as content

pytestmark = pytest.mark.django_db

EVENT = """id title kind status coverImage { rendition(size: CARD) { url } }
    page { id title path ... on ClassPage { category { name } } }
    organizer { name } venue { name district { name } image { rendition(size: THUMBNAIL) { url } } }
    sessions { id startsAt endsAt } startsAt endsAt questions { id label options }
    seatsLeft hasFreeSeats waitlistLength registrationOpen cancellationDeadline canManage contact { phone }"""

REGISTRATION = """id status partySize name phone token waitlistPosition canCancel
    companions { name age } answers { questionId question value }
    checkIns { id method session { id startsAt } }"""


def count_queries(gql, query, variables=None):
    gql(query, variables)  # warm up: renditions are generated on first use, jieba loads its dictionary
    with CaptureQueriesContext(connection) as captured:
        data = gql(query, variables)
    return len(captured.captured_queries), data


def assert_constant(gql, query, add_rows, field, variables=None):
    """Add 10 rows, count; add 90 more, count again: the counts must be equal."""
    add_rows(10)
    small, data = count_queries(gql, query, variables)
    assert data[field]["totalCount"] == 10
    add_rows(90)
    large, data = count_queries(gql, query, variables)
    assert data[field]["totalCount"] == 100
    assert len(data[field]["items"]) == 100
    assert small == large, f"{field}: {small} queries for 10 rows, {large} for 100"
    return small


@pytest.fixture
def site(db):
    home, sections = content.make_site()
    return {"home": home, **sections}


@pytest.fixture
def world(org, site):
    image = content.make_image("封面")
    category = content.make_category()
    return {"image": image, "category": category, "site": site, "org": org}


def make_rich_event(world, **fields):
    """An event with everything a row shows: venue and district, image, class page, two
    sessions, a question, a confirmed and a waitlisted registration."""
    org = world["org"]
    venue = factories.make_venue(org["community"], image=world["image"])
    page = content.make_class(world["site"]["classes"], world["category"], venue)
    event = factories.make_event(
        org["district"],
        venue=venue,
        page=page,
        cover_image=world["image"],
        sessions=2,
        capacity=1,
        questions=[{"label": "年级", "kind": "choice", "choices": "一年级\n二年级"}],
        **fields,
    )
    return event


def test_events(gql, world, organizer):
    viewer = factories.make_user("小兰")

    def add(n):
        for _ in range(n):
            event = make_rich_event(world)
            question = str(event.questions.get().pk)
            mine = factories.make_registration(event, viewer, answers={question: "一年级"})
            factories.make_registration(event)  # waitlisted
            services.check_in(
                by=organizer, session_id=factories.session_of(event).pk, token=mine.token, method="qr"
            )

    query = f"""{{ events(limit: 100) {{ totalCount items {{ {EVENT}
        myRegistration {{ {REGISTRATION} event {{ id seatsLeft }} }} }} }} }}"""
    gql.login(viewer)
    count = assert_constant(gql, query, add, "events")
    print(f"events: {count} queries")


def test_linked_pages_are_loaded_only_when_asked_for(gql, world):
    for _ in range(3):
        make_rich_event(world)
    without = "{ events(limit: 10) { items { id title seatsLeft } } }"
    with CaptureQueriesContext(connection) as captured:
        gql(without)
    assert not [query for query in captured.captured_queries if "wagtailcore_page" in query["sql"]]
    fragment = """query { events(limit: 10) { items { ...Row } } }
        fragment Row on Event { id page { title } }"""
    data = gql(fragment)["events"]["items"]
    assert all(item["page"]["title"] for item in data)


def test_a_card_loads_no_sessions_questions_venue_images_or_districts(gql, world):
    for _ in range(3):
        make_rich_event(world)
    card = "{ events(limit: 10) { items { id title startsAt endsAt seatsLeft venue { name } } } }"
    with CaptureQueriesContext(connection) as captured:
        items = gql(card)["events"]["items"]
    assert all(item["startsAt"] < item["endsAt"] for item in items)  # from the events' figures
    sql = " ".join(query["sql"] for query in captured.captured_queries)
    districts = '"home_orgunit"."path" IN'
    for table in ("events_eventsession", "events_eventquestion", "wagtailimages_rendition", districts):
        assert table not in sql
    full = "{ events(limit: 10) { items { sessions { id } questions { id } venue { district { name } } } } }"
    with CaptureQueriesContext(connection) as captured:
        items = gql(full)["events"]["items"]
    assert all(item["sessions"] and item["questions"] and item["venue"]["district"] for item in items)
    sql = " ".join(query["sql"] for query in captured.captured_queries)
    assert "events_eventsession" in sql and "events_eventquestion" in sql and districts in sql


def test_events_filtered_and_searched(gql, world):
    def add(n):
        for _ in range(n):
            make_rich_event(world, title=factories.unique("亲子阅读会"))

    city = world["org"]["city"].pk
    query = f"""{{ events(limit: 100, when: UPCOMING, hasFreeSeats: true, orgUnit: "{city}",
        search: "亲子阅读") {{ totalCount items {{ {EVENT} myRegistration {{ id }} }} }} }}"""
    count = assert_constant(gql, query, add, "events")
    print(f"events (filtered, searched, anonymous): {count} queries")


def test_my_registrations(gql, world, organizer):
    viewer = factories.make_user("小兰")

    def add(n):
        for _ in range(n):
            event = make_rich_event(world)
            factories.make_registration(event)  # takes the seat: the viewer waits
            factories.make_registration(event, viewer)
            other = make_rich_event(world)
            mine = factories.make_registration(other, viewer, party_size=1)
            services.cancel_registration(mine.pk, by=viewer)  # half of them are cancelled
        for registration in viewer.registrations.filter(status="confirmed"):
            services.check_in(
                by=organizer,
                session_id=factories.session_of(registration.event).pk,
                token=registration.token,
                method="qr",
            )

    def add_registrations(n):
        add(n // 2)

    query = f"""{{ myRegistrations(limit: 100) {{ totalCount items {{ {REGISTRATION}
        event {{ {EVENT} myRegistration {{ id waitlistPosition }} }} }} }} }}"""
    gql.login(viewer)
    count = assert_constant(gql, query, add_registrations, "myRegistrations")
    print(f"myRegistrations: {count} queries")


def test_event_registrations(gql, world, organizer):
    event = make_rich_event(world)
    event.capacity = 60
    event.save()
    question = str(event.questions.get().pk)
    session = factories.session_of(event)

    def add(n):
        for _ in range(n):
            registration = factories.make_registration(event, answers={question: "二年级"})
            if registration.status == "confirmed":
                services.check_in(by=organizer, session_id=session.pk, token=registration.token, method="qr")

    query = f"""query ($id: ID!) {{ eventRegistrations(eventId: $id, limit: 100) {{ totalCount
        items {{ {REGISTRATION} event {{ id title seatsLeft canManage }} }} }} }}"""
    gql.login(organizer)
    count = assert_constant(gql, query, add, "eventRegistrations", {"id": str(event.pk)})
    print(f"eventRegistrations: {count} queries")


def test_events_of_a_class_page(gql, world):
    """Per page, the events field costs the same for 10 events as for 100."""
    org = world["org"]
    venue = factories.make_venue(org["community"], image=world["image"])
    page = content.make_class(world["site"]["classes"], world["category"], venue)
    added = []

    def add(n):
        for _ in range(n):
            added.append(factories.make_event(org["district"], venue=venue, page=page, sessions=2))

    query = f"""query ($id: ID!) {{ page(id: $id) {{ ... on ClassPage {{ events {{ {EVENT} }} }} }} }}"""

    add(10)
    small, data = count_queries(gql, query, {"id": str(page.pk)})
    assert len(data["page"]["events"]) == 10
    add(90)
    large, data = count_queries(gql, query, {"id": str(page.pk)})
    assert len(data["page"]["events"]) == 100
    assert small == large, f"ClassPage.events: {small} queries for 10 events, {large} for 100"
