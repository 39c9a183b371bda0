"""The events queries through the real /graphql/ endpoint: every field, filter and visibility rule."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import figures, services
from events.models import CheckIn, CheckInMethod, EventKind, EventSession, EventStatus, Registration
from tests.events import factories
from tests.home import factories as content

pytestmark = pytest.mark.django_db

EVENT_FIELDS = """
    id title kind status summary description
    coverImage { alt }
    page { id title path __typename }
    organizer { id name }
    venue { id name district { name } }
    onlineUrl audience minAge maxAge
    sessions { id title startsAt endsAt locationNote }
    startsAt endsAt capacity maxPartySize askCompanions
    seatsLeft hasFreeSeats waitlistLength waitlistEnabled requiresApproval
    registrationOpen registrationOpensAt registrationClosesAt cancellationDeadline
    questions { id label kind options required }
    contact { name phone }
    cancelledAt cancelReason canManage
    myRegistration { id status }
"""

REGISTRATION_FIELDS = """
    id status isActive partySize name phone token waitlistPosition
    companions { name age } answers { questionId question value }
    checkIns { id session { id } checkedInAt method undoneAt }
    createdAt confirmedAt cancelledAt cancelReason canCancel
    event { id title sessions { startsAt } }
"""


def ids(items):
    return [int(item["id"]) for item in items]


def days(n, hour=9):
    base = (timezone.localtime() + datetime.timedelta(days=n)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )
    return base


def past_event(org_unit, days_ago=10, **fields):
    starts = days(-days_ago)
    fields.setdefault("registration_opens_at", starts - datetime.timedelta(days=20))
    fields.setdefault("registration_closes_at", starts - datetime.timedelta(days=1))
    return factories.make_event(org_unit, sessions=[(starts, starts + datetime.timedelta(hours=2))], **fields)


def move_to_past(event, days_ago=3):
    starts = days(-days_ago)
    EventSession.objects.filter(event=event).update(
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )
    figures.refresh([event.pk])  # changed behind the services' back


@pytest.fixture
def site(db):
    home, sections = content.make_site()
    return {"home": home, **sections}


def events_query(args="", fields="id"):
    query = f"{{ events{args} {{ totalCount hasNextPage items {{ {fields} }} }} }}"
    return query


# --- events ------------------------------------------------------------------------------------


def test_events_lists_published_events_only(gql, org):
    published = factories.make_event(org["district"])
    factories.make_event(org["district"], status=EventStatus.DRAFT)
    cancelled = factories.make_event(org["district"])
    services.cancel_event(cancelled.pk, by=factories.make_superuser(), reason="天气原因")
    data = gql(events_query())
    assert ids(data["events"]["items"]) == [published.pk]
    assert data["events"]["totalCount"] == 1


def test_event_fields(gql, org, venue, site):
    category = content.make_category()
    class_page = content.make_class(site["classes"], category, venue, title="茶艺课堂")
    image = content.make_image("茶艺封面")
    starts = days(2)
    event = factories.make_event(
        org["district"],
        venue=venue,
        sessions=[(starts, starts + datetime.timedelta(hours=2)), (days(9), days(9, hour=11))],
        questions=[
            {"label": "孩子的年龄段", "kind": "choice", "choices": "3-6岁\n7-12岁", "required": True},
            {"label": "是否需要停车位", "kind": "yes_no"},
        ],
        title="茶艺班（秋季）",
        kind=EventKind.COURSE,
        summary="八个周六",
        description="带上茶杯",
        page=class_page,
        cover_image=image,
        audience="成年女性",
        min_age=18,
        max_age=65,
        capacity=30,
        max_party_size=2,
        ask_companions=True,
        requires_approval=True,
        contact_name="王老师",
        contact_phone="0519-88888888",
    )
    EventSession.objects.filter(event=event, starts_at=starts).update(title="第 1 课", location_note="二楼")
    data = gql(f'{{ event(id: "{event.pk}") {{ {EVENT_FIELDS} }} }}')["event"]
    assert data["title"] == "茶艺班（秋季）"
    assert data["kind"] == "COURSE"
    assert data["status"] == "PUBLISHED"
    assert data["summary"] == "八个周六"
    assert data["description"] == "带上茶杯"
    assert data["coverImage"] == {"alt": "茶艺封面"}
    assert data["page"] == {
        "id": str(class_page.pk),
        "title": "茶艺课堂",
        "path": f"/classes/{class_page.slug}/",
        "__typename": "ClassPage",
    }
    assert data["organizer"] == {"id": str(org["district"].pk), "name": "天宁区妇联"}
    assert data["venue"] == {
        "id": str(venue.pk),
        "name": "天宁区妇女微家",
        "district": {"name": "天宁区妇联"},
    }
    assert data["onlineUrl"] == ""
    assert (data["audience"], data["minAge"], data["maxAge"]) == ("成年女性", 18, 65)
    assert [s["title"] for s in data["sessions"]] == ["第 1 课", ""]
    assert data["sessions"][0]["locationNote"] == "二楼"
    assert data["startsAt"] == data["sessions"][0]["startsAt"]
    assert data["endsAt"] == data["sessions"][1]["endsAt"]
    assert (data["capacity"], data["maxPartySize"], data["askCompanions"]) == (30, 2, True)
    assert (data["seatsLeft"], data["hasFreeSeats"], data["waitlistLength"]) == (30, True, 0)
    assert (data["waitlistEnabled"], data["requiresApproval"], data["registrationOpen"]) == (True, True, True)
    assert datetime.datetime.fromisoformat(data["registrationOpensAt"]) == event.registration_opens_at
    assert datetime.datetime.fromisoformat(data["registrationClosesAt"]) == event.registration_closes_at
    # No deadline set: until the first session starts.
    assert data["cancellationDeadline"] == data["sessions"][0]["startsAt"]
    questions = data["questions"]
    assert [(q["label"], q["kind"], q["options"], q["required"]) for q in questions] == [
        ("孩子的年龄段", "CHOICE", ["3-6岁", "7-12岁"], True),
        ("是否需要停车位", "YES_NO", [], False),
    ]
    assert data["contact"] == {"name": "王老师", "phone": "0519-88888888"}
    assert (data["cancelledAt"], data["cancelReason"], data["canManage"]) == (None, "", False)
    assert data["myRegistration"] is None


def test_event_online_and_explicit_deadline(gql, org):
    deadline = days(1, hour=8)
    event = factories.make_event(
        org["district"], online_url="https://live.example.com/1", cancellation_deadline=deadline
    )
    data = gql(f'{{ event(id: "{event.pk}") {{ venue {{ id }} onlineUrl cancellationDeadline }} }}')["event"]
    assert data["venue"] is None
    assert data["onlineUrl"] == "https://live.example.com/1"
    assert datetime.datetime.fromisoformat(data["cancellationDeadline"]) == deadline


def test_event_page_is_null_when_unpublished(gql, org, venue, site):
    class_page = content.make_class(site["classes"], content.make_category(), venue)
    event = factories.make_event(org["district"], page=class_page)
    class_page.unpublish()
    data = gql(f'{{ event(id: "{event.pk}") {{ page {{ id }} }} }}')
    assert data["event"]["page"] is None


def test_seats_left_and_waitlist_length(gql, org):
    event = factories.make_event(org["district"], capacity=3, max_party_size=3)
    factories.make_registration(event, party_size=2)
    query = f'{{ event(id: "{event.pk}") {{ seatsLeft hasFreeSeats waitlistLength registrationOpen }} }}'
    assert gql(query)["event"] == {
        "seatsLeft": 1,
        "hasFreeSeats": True,
        "waitlistLength": 0,
        "registrationOpen": True,
    }
    factories.make_registration(event, party_size=2)  # does not fit: waitlisted
    assert gql(query)["event"]["seatsLeft"] == 1
    assert gql(query)["event"]["waitlistLength"] == 1
    # Nobody jumps the queue: one seat left, but someone waits.
    assert gql(query)["event"]["hasFreeSeats"] is False


def test_seats_left_is_never_negative(gql, org):
    event = factories.make_event(org["district"], capacity=3, max_party_size=3)
    factories.make_registration(event, party_size=3)
    type(event).objects.filter(pk=event.pk).update(capacity=1)
    assert gql(f'{{ event(id: "{event.pk}") {{ seatsLeft }} }}')["event"]["seatsLeft"] == 0


def test_registration_open_is_false_outside_the_window(gql, org):
    later = factories.make_event(
        org["district"],
        registration_opens_at=timezone.now() + datetime.timedelta(hours=1),
        registration_closes_at=timezone.now() + datetime.timedelta(hours=5),
    )
    data = gql(f'{{ event(id: "{later.pk}") {{ registrationOpen }} }}')
    assert data["event"]["registrationOpen"] is False


def test_event_visibility(gql, org, organizer, user):
    draft = factories.make_event(org["district"], status=EventStatus.DRAFT)
    cancelled = factories.make_event(org["district"])
    registrant = factories.make_user("报名者")
    factories.make_registration(cancelled, registrant)
    services.cancel_event(cancelled.pk, by=organizer, reason="场地维修")
    query = '{ event(id: "%s") { id status cancelReason } }'

    assert gql(query % draft.pk)["event"] is None
    assert gql(query % cancelled.pk)["event"] is None
    assert gql(query % "abc")["event"] is None
    assert gql(query % "999999")["event"] is None
    assert gql(query % "99999999999999999999999")["event"] is None

    gql.login(user)
    assert gql(query % draft.pk)["event"] is None
    assert gql(query % cancelled.pk)["event"] is None

    gql.login(registrant)  # sees the cancelled event they had registered for
    assert gql(query % cancelled.pk)["event"] == {
        "id": str(cancelled.pk),
        "status": "CANCELLED",
        "cancelReason": "场地维修",
    }

    gql.login(factories.make_organizer(org["other_district"]))
    assert gql(query % draft.pk)["event"] is None

    for manager in (organizer, factories.make_organizer(org["city"]), factories.make_superuser()):
        gql.login(manager)
        assert gql(query % draft.pk)["event"]["status"] == "DRAFT"
        assert gql(query % cancelled.pk)["event"]["status"] == "CANCELLED"


def test_can_manage(gql, org, event, organizer):
    query = f'{{ event(id: "{event.pk}") {{ canManage }} }}'
    assert gql(query)["event"]["canManage"] is False
    cases = [
        (factories.make_user(), False),
        (factories.make_organizer(org["other_district"]), False),
        (factories.make_organizer(org["community"]), False),  # below the event's unit
        (organizer, True),
        (factories.make_organizer(org["city"]), True),
        (factories.make_superuser(), True),
    ]
    for viewer, expected in cases:
        gql.login(viewer)
        assert gql(query)["event"]["canManage"] is expected, viewer


def test_my_registration_prefers_the_active_one(gql, org, event, user):
    query = f'{{ event(id: "{event.pk}") {{ myRegistration {{ id status }} }} }}'
    gql.login(user)
    assert gql(query)["event"]["myRegistration"] is None
    first = factories.make_registration(event, user)
    services.cancel_registration(first.pk, by=user)
    assert gql(query)["event"]["myRegistration"] == {"id": str(first.pk), "status": "CANCELLED_BY_REGISTRANT"}
    second = factories.make_registration(event, user)
    assert gql(query)["event"]["myRegistration"] == {"id": str(second.pk), "status": "CONFIRMED"}
    gql.login(factories.make_user())
    assert gql(query)["event"]["myRegistration"] is None
    gql.logout()
    assert gql(query)["event"]["myRegistration"] is None


def test_my_registration_in_the_list(gql, org, user):
    mine = factories.make_event(org["district"])
    other = factories.make_event(org["district"])
    registration = factories.make_registration(mine, user)
    gql.login(user)
    data = gql(events_query(fields="id myRegistration { id }"))
    by_id = {int(item["id"]): item["myRegistration"] for item in data["events"]["items"]}
    assert by_id == {mine.pk: {"id": str(registration.pk)}, other.pk: None}


def test_events_order_and_when(gql, org):
    later = factories.make_event(org["district"], sessions=[(days(5), days(5, hour=11))])
    sooner = factories.make_event(org["district"], sessions=[(days(2), days(2, hour=11))])
    long_ago = past_event(org["district"], days_ago=30)
    recently = past_event(org["district"], days_ago=3)
    # started yesterday, a session still to come: upcoming
    running = factories.make_event(
        org["district"], sessions=[(days(-1), days(-1, hour=11)), (days(6), days(6, hour=11))]
    )
    assert ids(gql(events_query("(when: UPCOMING)"))["events"]["items"]) == [running.pk, sooner.pk, later.pk]
    assert ids(gql(events_query("(when: PAST)"))["events"]["items"]) == [recently.pk, long_ago.pk]
    everything = ids(gql(events_query())["events"]["items"])
    assert everything == [long_ago.pk, recently.pk, running.pk, sooner.pk, later.pk]


def test_events_date_range(gql, org):
    today = timezone.localdate()
    two_days = factories.make_event(org["district"], sessions=[(days(2), days(2, hour=11))])
    five_days = factories.make_event(org["district"], sessions=[(days(5), days(5, hour=11))])
    course = factories.make_event(
        org["district"], sessions=[(days(1), days(1, hour=11)), (days(8), days(8, hour=11))]
    )

    def between(start, end):
        args = []
        if start is not None:
            args.append(f'from: "{(today + datetime.timedelta(days=start)).isoformat()}"')
        if end is not None:
            args.append(f'to: "{(today + datetime.timedelta(days=end)).isoformat()}"')
        return set(ids(gql(events_query(f"({', '.join(args)})"))["events"]["items"]))

    assert between(2, 2) == {two_days.pk}
    assert between(2, 5) == {two_days.pk, five_days.pk}
    assert between(8, None) == {course.pk}
    assert between(None, 1) == {course.pk}
    assert between(3, 4) == set()
    assert between(5, 2) == set()  # from after to: empty, not an error


def test_events_filter_kind_venue_page_org_unit(gql, org, site, venue):
    other_venue = factories.make_venue(org["street"])
    class_page = content.make_class(site["classes"], content.make_category(), venue)
    campaign = content.make_campaign(site["campaigns"], org["district"])
    lecture = factories.make_event(org["district"], kind=EventKind.LECTURE, venue=venue, page=class_page)
    course = factories.make_event(org["street"], kind=EventKind.COURSE, venue=other_venue, page=campaign)
    elsewhere = factories.make_event(org["other_district"], kind=EventKind.COURSE)

    def found(args):
        return set(ids(gql(events_query(args))["events"]["items"]))

    assert found("(kind: LECTURE)") == {lecture.pk}
    assert found("(kind: COURSE)") == {course.pk, elsewhere.pk}
    assert found(f'(venue: "{venue.pk}")') == {lecture.pk}
    assert found('(venue: "x")') == set()
    assert found(f'(page: "{class_page.pk}")') == {lecture.pk}
    assert found(f'(page: "{campaign.pk}")') == {course.pk}
    assert found('(page: "-1")') == set()
    assert found(f'(orgUnit: "{org["district"].pk}")') == {lecture.pk, course.pk}
    assert found(f'(orgUnit: "{org["street"].pk}")') == {course.pk}
    assert found(f'(orgUnit: "{org["city"].pk}")') == {lecture.pk, course.pk, elsewhere.pk}
    assert found(f'(orgUnit: "{org["other_district"].pk}")') == {elsewhere.pk}
    assert found('(orgUnit: "999999")') == set()
    assert found(f'(orgUnit: "{org["district"].pk}", kind: COURSE)') == {course.pk}


def test_events_has_free_seats(gql, org):
    free = factories.make_event(org["district"], capacity=5)
    full = factories.make_event(org["district"], capacity=1)
    factories.make_registration(full)
    queued = factories.make_event(org["district"], capacity=3, max_party_size=3)
    factories.make_registration(queued, party_size=2)
    factories.make_registration(queued, party_size=2)  # waits although one seat is left
    assert set(ids(gql(events_query("(hasFreeSeats: true)"))["events"]["items"])) == {free.pk}
    assert set(ids(gql(events_query("(hasFreeSeats: false)"))["events"]["items"])) == {full.pk, queued.pk}


def test_events_search(gql, org):
    reading = factories.make_event(org["district"], title="亲子阅读会", summary="周末的绘本共读")
    theatre = factories.make_event(org["district"], title="家风小剧场", summary="巡演")
    factories.make_event(org["district"], title="亲子阅读草稿", status=EventStatus.DRAFT)
    assert ids(gql(events_query('(search: "阅读")'))["events"]["items"]) == [reading.pk]
    assert ids(gql(events_query('(search: "剧场")'))["events"]["items"]) == [theatre.pk]
    assert ids(gql(events_query('(search: "周末")'))["events"]["items"]) == [reading.pk]  # in the summary
    assert ids(gql(events_query('(search: "剧")'))["events"]["items"]) == [theatre.pk]  # one character
    assert gql(events_query('(search: "志愿者")'))["events"]["items"] == []


def test_events_pagination(gql, org):
    events = [
        factories.make_event(org["district"], sessions=[(days(n), days(n, hour=11))]) for n in (1, 2, 3)
    ]
    data = gql(events_query("(limit: 2)"))["events"]
    assert (ids(data["items"]), data["totalCount"], data["hasNextPage"]) == (
        [events[0].pk, events[1].pk],
        3,
        True,
    )
    data = gql(events_query("(limit: 2, offset: 2)"))["events"]
    assert (ids(data["items"]), data["hasNextPage"]) == ([events[2].pk], False)
    data = gql(events_query("(limit: 3)"))["events"]
    assert (len(data["items"]), data["totalCount"], data["hasNextPage"]) == (3, 3, False)
    data = gql(events_query("(offset: 5)"))["events"]
    assert (data["items"], data["totalCount"], data["hasNextPage"]) == ([], 3, False)


def test_events_are_counted_only_when_the_query_asks_for_the_total(gql, org):
    for n in (1, 2, 3):
        factories.make_event(org["district"], sessions=[(days(n), days(n, hour=11))])
    with CaptureQueriesContext(connection) as with_total:
        gql("{ events(limit: 2) { totalCount hasNextPage items { id } } }")
    with CaptureQueriesContext(connection) as without_total:
        assert gql("{ events(limit: 2) { hasNextPage items { id } } }")["events"]["hasNextPage"] is True
    counts = [query["sql"] for query in with_total.captured_queries if "COUNT(*)" in query["sql"]]
    assert len(counts) == 1
    assert len(without_total.captured_queries) == len(with_total.captured_queries) - 1


# --- class and campaign pages --------------------------------------------------------------------


def test_class_and_campaign_pages_expose_their_published_events(gql, org, site, venue):
    class_page = content.make_class(site["classes"], content.make_category(), venue)
    campaign = content.make_campaign(site["campaigns"], org["district"])
    upcoming = factories.make_event(org["district"], page=class_page, sessions=[(days(3), days(3, hour=11))])
    sooner = factories.make_event(org["district"], page=class_page, sessions=[(days(1), days(1, hour=11))])
    old = past_event(org["district"], page=class_page)
    factories.make_event(org["district"], page=class_page, status=EventStatus.DRAFT)
    campaign_event = factories.make_event(org["district"], page=campaign)
    query = """query ($id: ID!, $when: EventWhen) { page(id: $id) {
        ... on ClassPage { events(when: $when) { id seatsLeft page { id } } }
        ... on CampaignPage { events(when: $when) { id } } } }"""
    data = gql(query, {"id": str(class_page.pk)})["page"]["events"]
    assert ids(data) == [old.pk, sooner.pk, upcoming.pk]
    assert data[0]["page"] == {"id": str(class_page.pk)}
    assert ids(gql(query, {"id": str(class_page.pk), "when": "UPCOMING"})["page"]["events"]) == [
        sooner.pk,
        upcoming.pk,
    ]
    assert ids(gql(query, {"id": str(class_page.pk), "when": "PAST"})["page"]["events"]) == [old.pk]
    assert ids(gql(query, {"id": str(campaign.pk)})["page"]["events"]) == [campaign_event.pk]


def test_deleting_the_class_page_keeps_the_event(gql, org, site, venue):
    class_page = content.make_class(site["classes"], content.make_category(), venue)
    event = factories.make_event(org["district"], page=class_page)
    registration = factories.make_registration(event)
    class_page.delete()
    data = gql(f'{{ event(id: "{event.pk}") {{ id page {{ id }} }} }}')
    assert data["event"] == {"id": str(event.pk), "page": None}
    assert Registration.objects.filter(pk=registration.pk).exists()


# --- myRegistrations and registration ------------------------------------------------------------


def test_my_registrations_is_empty_for_anonymous(gql, org, event):
    factories.make_registration(event)
    data = gql("{ myRegistrations { totalCount hasNextPage items { id } } }")
    assert data["myRegistrations"] == {"totalCount": 0, "hasNextPage": False, "items": []}


def test_my_registrations_lists_only_the_viewers(gql, org, user, organizer):
    soon = factories.make_event(org["district"], sessions=[(days(1), days(1, hour=11))])
    later = factories.make_event(org["district"], sessions=[(days(4), days(4, hour=11))])
    done = factories.make_event(org["district"], sessions=[(days(2), days(2, hour=11))])
    cancelled_event = factories.make_event(org["district"], sessions=[(days(3), days(3, hour=11))])
    mine_later = factories.make_registration(later, user)
    mine_soon = factories.make_registration(soon, user)
    mine_done = factories.make_registration(done, user)
    mine_cancelled = factories.make_registration(cancelled_event, user)
    services.cancel_registration(mine_cancelled.pk, by=user)
    factories.make_registration(soon)  # someone else's
    move_to_past(done)
    gql.login(user)
    everything = gql("{ myRegistrations { totalCount items { id } } }")["myRegistrations"]
    assert everything["totalCount"] == 4
    assert set(ids(everything["items"])) == {mine_later.pk, mine_soon.pk, mine_done.pk, mine_cancelled.pk}
    upcoming = gql("{ myRegistrations(when: UPCOMING) { items { id } } }")["myRegistrations"]["items"]
    assert ids(upcoming) == [mine_soon.pk, mine_cancelled.pk, mine_later.pk]
    past = gql("{ myRegistrations(when: PAST) { items { id } } }")["myRegistrations"]["items"]
    assert ids(past) == [mine_done.pk]
    cancelled = gql("{ myRegistrations(status: CANCELLED_BY_REGISTRANT) { items { id } } }")
    assert ids(cancelled["myRegistrations"]["items"]) == [mine_cancelled.pk]
    gql.login(organizer)  # organizers see their own registrations here, not the roster
    assert gql("{ myRegistrations { totalCount } }")["myRegistrations"]["totalCount"] == 0


def test_registration_fields(gql, org, organizer, user):
    event = factories.make_event(
        org["district"],
        sessions=2,
        max_party_size=3,
        ask_companions=True,
        questions=[
            {"label": "孩子的年龄段", "kind": "choice", "choices": "3-6岁\n7-12岁", "required": True},
            {"label": "是否需要停车位", "kind": "yes_no"},
            {"label": "备注", "kind": "text"},
        ],
    )
    questions = list(event.questions.order_by("sort_order", "pk"))
    registration = factories.make_registration(
        event,
        user,
        party_size=2,
        companions=[{"name": "小明", "age": 6}],
        answers={str(questions[0].pk): "3-6岁", str(questions[1].pk): "yes"},
        phone="13912345678",
    )
    first, second = factories.session_of(event, 0), factories.session_of(event, 1)
    kept = services.check_in(by=organizer, session_id=first.pk, token=registration.token, method="qr")
    undone = services.check_in(
        by=organizer, session_id=second.pk, registration_id=registration.pk, method="search"
    )
    services.undo_check_in(undone.pk, by=organizer)
    gql.login(user)
    data = gql(f'{{ registration(id: "{registration.pk}") {{ {REGISTRATION_FIELDS} }} }}')["registration"]
    assert data["status"] == "CONFIRMED"
    assert data["isActive"] is True
    assert data["partySize"] == 2
    assert data["name"] == "小兰"
    assert data["phone"] == "13912345678"
    assert data["token"] == registration.token
    assert data["waitlistPosition"] is None
    assert data["companions"] == [{"name": "小明", "age": 6}]
    assert data["answers"] == [
        {"questionId": str(questions[0].pk), "question": "孩子的年龄段", "value": "3-6岁"},
        {"questionId": str(questions[1].pk), "question": "是否需要停车位", "value": "yes"},
    ]
    assert data["checkIns"] == [
        {
            "id": str(kept.pk),
            "session": {"id": str(first.pk)},
            "checkedInAt": data["checkIns"][0]["checkedInAt"],
            "method": "QR",
            "undoneAt": None,
        }
    ]
    assert data["confirmedAt"] is not None and data["createdAt"] is not None
    assert (data["cancelledAt"], data["cancelReason"], data["canCancel"]) == (None, "", True)
    assert data["event"]["id"] == str(event.pk)
    assert len(data["event"]["sessions"]) == 2


def test_waitlist_position(gql, org):
    event = factories.make_event(org["district"], capacity=1)
    factories.make_registration(event)
    waiting = [factories.make_registration(event) for _ in range(3)]
    services.cancel_registration(waiting[0].pk, by=waiting[0].user)
    for expected, registration in zip((1, 2), waiting[1:], strict=True):
        gql.login(registration.user)
        data = gql(f'{{ registration(id: "{registration.pk}") {{ status waitlistPosition }} }}')
        assert data["registration"] == {"status": "WAITLISTED", "waitlistPosition": expected}
        listed = gql("{ myRegistrations { items { waitlistPosition } } }")["myRegistrations"]["items"]
        assert listed == [{"waitlistPosition": expected}]


def test_can_cancel(gql, org, organizer):
    event = factories.make_event(
        org["district"], cancellation_deadline=timezone.now() + datetime.timedelta(hours=1)
    )
    registration = factories.make_registration(event)
    query = f'{{ registration(id: "{registration.pk}") {{ canCancel }} }}'
    gql.login(registration.user)
    assert gql(query)["registration"]["canCancel"] is True
    type(event).objects.filter(pk=event.pk).update(
        cancellation_deadline=timezone.now() - datetime.timedelta(hours=1)
    )
    assert gql(query)["registration"]["canCancel"] is False
    gql.login(organizer)
    assert gql(query)["registration"]["canCancel"] is True
    services.cancel_registration(registration.pk, by=organizer, reason="重复报名")
    assert gql(query)["registration"]["canCancel"] is False


def test_registration_is_null_for_others_and_bad_ids(gql, org, event, user):
    registration = factories.make_registration(event)
    query = '{ registration(id: "%s") { id } }'
    assert gql(query % registration.pk)["registration"] is None
    gql.login(user)
    assert gql(query % registration.pk)["registration"] is None
    gql.login(registration.user)
    assert gql(query % registration.pk)["registration"] == {"id": str(registration.pk)}
    for bad in ("x", "0", "-3", "1.5", "999999", "99999999999999999999999"):
        assert gql(query % bad)["registration"] is None


# --- eventRegistrations ----------------------------------------------------------------------------


def test_event_registrations_roster(gql, org, organizer):
    event = factories.make_event(org["district"], capacity=2, requires_approval=True)
    first = factories.make_registration(event, factories.make_user("李娟"), phone="13900000001")
    second = factories.make_registration(event, factories.make_user("张敏"), phone="13900000002")
    waiting = factories.make_registration(event, factories.make_user("王芳"))
    by_phone = factories.make_registration(event, by=organizer, name="赵丽", phone="0519-1234")
    query = """query ($id: ID!, $status: RegistrationStatus, $search: String, $limit: PageSize) {
        eventRegistrations(eventId: $id, status: $status, search: $search, limit: $limit) {
            totalCount hasNextPage items { id name phone status token event { id canManage } } } }"""
    gql.login(organizer)
    roster = gql(query, {"id": str(event.pk)})["eventRegistrations"]
    assert roster["totalCount"] == 4
    assert ids(roster["items"]) == [first.pk, second.pk, waiting.pk, by_phone.pk]
    assert roster["items"][0]["phone"] == "13900000001"
    assert roster["items"][0]["event"] == {"id": str(event.pk), "canManage": True}
    pending = gql(query, {"id": str(event.pk), "status": "PENDING"})["eventRegistrations"]
    assert ids(pending["items"]) == [first.pk, second.pk]
    assert ids(gql(query, {"id": str(event.pk), "search": "王"})["eventRegistrations"]["items"]) == [
        waiting.pk
    ]
    assert ids(gql(query, {"id": str(event.pk), "search": "0002"})["eventRegistrations"]["items"]) == [
        second.pk
    ]
    token = "-".join([first.token[:5], first.token[5:].lower()])
    assert ids(gql(query, {"id": str(event.pk), "search": token})["eventRegistrations"]["items"]) == [
        first.pk
    ]
    paged = gql(query, {"id": str(event.pk), "limit": 3})["eventRegistrations"]
    assert (len(paged["items"]), paged["hasNextPage"]) == (3, True)


def test_event_registrations_is_null_for_non_organizers(gql, org, event, user):
    registration = factories.make_registration(event, user)
    query = '{ eventRegistrations(eventId: "%s") { totalCount items { id } } }'
    assert gql(query % event.pk)["eventRegistrations"] is None
    for viewer in (
        registration.user,
        factories.make_organizer(org["other_district"]),
        factories.make_organizer(org["community"]),
    ):
        gql.login(viewer)
        assert gql(query % event.pk)["eventRegistrations"] is None
    for manager in (factories.make_organizer(org["city"]), factories.make_superuser()):
        gql.login(manager)
        assert gql(query % event.pk)["eventRegistrations"]["totalCount"] == 1
        assert gql(query % "abc")["eventRegistrations"] is None
        assert gql(query % "999999")["eventRegistrations"] is None


def test_check_ins_exclude_undone(gql, org, organizer, event):
    registration = factories.make_registration(event)
    session = factories.session_of(event)
    record = services.check_in(by=organizer, session_id=session.pk, token=registration.token, method="qr")
    services.undo_check_in(record.pk, by=organizer)
    again = services.check_in(
        by=organizer, session_id=session.pk, registration_id=registration.pk, method=CheckInMethod.MANUAL
    )
    gql.login(organizer)
    query = f'{{ registration(id: "{registration.pk}") {{ checkIns {{ id method }} }} }}'
    assert gql(query)["registration"]["checkIns"] == [{"id": str(again.pk), "method": "MANUAL"}]
    assert CheckIn.objects.filter(registration=registration).count() == 2


# --- calendars -------------------------------------------------------------------------------------


def test_calendar_urls(gql, org, event, user):
    draft = factories.make_event(org["district"], status=EventStatus.DRAFT)
    query = f'{{ event(id: "{event.pk}") {{ calendarUrl }} myCalendarFeedUrl }}'
    data = gql(query)
    assert data["event"]["calendarUrl"] == f"http://testserver/events/{event.pk}.ics"
    assert data["myCalendarFeedUrl"] is None
    gql.login(user)
    url = gql(query)["myCalendarFeedUrl"]
    assert url.startswith("http://testserver/events/feed/") and url.endswith(".ics")
    assert gql(query)["myCalendarFeedUrl"] == url  # stable until revoked
    assert gql.client.get(url.removeprefix("http://testserver")).status_code == 200
    gql.login(factories.make_superuser())
    assert gql(f'{{ event(id: "{draft.pk}") {{ calendarUrl }} }}')["event"]["calendarUrl"] is None
