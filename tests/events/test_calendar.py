"""Calendar files: the public .ics of an event and the private, revocable per-person feed.

Every file is parsed back with ``icalendar.Calendar.from_ical``.
"""

import datetime
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model

from events.calendar import (
    calendar_feed_url,
    event_calendar,
    rotate_calendar_feed,
    session_uid,
)
from events.models import CalendarFeed, EventStatus, Registration, RegistrationStatus
from tests.events import factories

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def unit(db):
    return factories.make_org_tree()["district"]


@pytest.fixture
def course(unit):
    venue = factories.make_venue(unit, name="天宁区妇女微家", address="天宁区茶山街道 8 号")
    first = datetime.datetime(2031, 9, 6, 9, 0, tzinfo=SHANGHAI)  # a Saturday, 09:00 in Changzhou
    return factories.make_event(
        unit,
        venue=venue,
        title="茶艺班（秋季）",
        summary="宋代点茶入门，八周课程",
        sessions=factories.session_times(3, first=first, hours=2),
    )


@pytest.fixture
def person(db):
    return factories.make_user("小兰", email="xiaolan@example.com")


def register(event, user, status=RegistrationStatus.CONFIRMED):
    return Registration.objects.create(event=event, user=user, name=str(user), status=status)


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return sorted(calendar.walk("VEVENT"), key=lambda vevent: vevent.decoded("dtstart"))


# --- one event ------------------------------------------------------------------------------------


def test_event_ics_has_one_vevent_per_session_in_shanghai_time(client, course):
    response = client.get(f"/events/{course.pk}.ics")
    calendar = parse(response)
    assert response["Content-Disposition"] == f'attachment; filename="event-{course.pk}.ics"'
    assert "public" in response["Cache-Control"]

    sessions = list(course.sessions.order_by("starts_at"))
    events = vevents(calendar)
    assert len(events) == 3
    assert [tz.tz_name for tz in calendar.timezones] == ["Asia/Shanghai"]
    for vevent, session in zip(events, sessions, strict=True):
        assert vevent["dtstart"].params["TZID"] == "Asia/Shanghai"
        assert vevent["dtend"].params["TZID"] == "Asia/Shanghai"
        assert vevent.decoded("dtstart") == session.starts_at
        assert vevent.decoded("dtend") == session.ends_at
        assert str(vevent["uid"]) == session_uid(session)
        assert str(vevent["summary"]) == "茶艺班（秋季）"
        assert str(vevent["location"]) == "天宁区妇女微家，天宁区茶山街道 8 号"
        assert "宋代点茶入门，八周课程" in str(vevent["description"])
        assert str(vevent["url"]) == f"{django_settings.FRONTEND_URL}/events/{course.pk}"
    assert "DTSTART;TZID=Asia/Shanghai:20310906T090000" in response.content.decode()
    assert events[0].decoded("dtstart").astimezone(datetime.UTC).hour == 1  # 09:00 +08:00


def test_uids_are_stable_and_distinct(client, course):
    first = [str(v["uid"]) for v in vevents(parse(client.get(f"/events/{course.pk}.ics")))]
    second = [str(v["uid"]) for v in vevents(parse(client.get(f"/events/{course.pk}.ics")))]
    assert first == second
    assert len(set(first)) == 3


def test_session_titles_and_rooms_are_in_the_vevent(course):
    session = course.sessions.order_by("starts_at").first()
    session.title = "第 1 课：宋代点茶"
    session.location_note = "二楼活动室"
    session.save()
    vevent = vevents(event_calendar(course))[0]
    assert str(vevent["summary"]) == "茶艺班（秋季） · 第 1 课：宋代点茶"
    assert str(vevent["location"]) == "天宁区妇女微家，天宁区茶山街道 8 号，二楼活动室"


def test_online_event_location_is_the_link(client, unit):
    event = factories.make_event(unit, title="巾帼宣讲直播", online_url="https://live.example.com/123")
    [vevent] = vevents(parse(client.get(f"/events/{event.pk}.ics")))
    assert str(vevent["location"]) == "https://live.example.com/123"


@pytest.mark.parametrize("status", [EventStatus.DRAFT, EventStatus.CANCELLED])
def test_unpublished_events_have_no_ics(client, unit, status):
    event = factories.make_event(unit, status=status)
    assert client.get(f"/events/{event.pk}.ics").status_code == 404


def test_unknown_event_has_no_ics(client, db):
    assert client.get("/events/999999.ics").status_code == 404


# --- the private feed ----------------------------------------------------------------------------


def test_feed_lists_the_sessions_of_confirmed_registrations_only(client, unit, course, person):
    reading = factories.make_event(unit, title="亲子阅读", sessions=2)
    cancelled_here = factories.make_event(unit, title="家风小剧场")
    waiting = factories.make_event(unit, title="巾帼宣讲")
    someone_elses = factories.make_event(unit, title="别人的活动")
    register(course, person)
    register(reading, person)
    register(cancelled_here, person, status=RegistrationStatus.CANCELLED_BY_REGISTRANT)
    register(waiting, person, status=RegistrationStatus.WAITLISTED)
    register(someone_elses, factories.make_user())

    response = client.get(calendar_feed_url(person))
    calendar = parse(response)

    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    summaries = sorted(str(vevent["summary"]) for vevent in calendar.walk("VEVENT"))
    assert summaries == ["亲子阅读"] * 2 + ["茶艺班（秋季）"] * 3
    assert {vevent["dtstart"].params["TZID"] for vevent in calendar.walk("VEVENT")} == {"Asia/Shanghai"}
    starts = {vevent.decoded("dtstart") for vevent in calendar.walk("VEVENT")}
    assert starts == {s.starts_at for s in [*course.sessions.all(), *reading.sessions.all()]}


def test_a_cancelled_registration_leaves_the_feed(client, course, person):
    registration = register(course, person)
    url = calendar_feed_url(person)
    assert len(parse(client.get(url)).walk("VEVENT")) == 3

    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.CANCELLED_BY_REGISTRANT)
    assert parse(client.get(url)).walk("VEVENT") == []


def test_a_cancelled_event_leaves_the_feed(client, course, person):
    register(course, person)
    course.status = EventStatus.CANCELLED
    course.save(update_fields=["status"])
    assert parse(client.get(calendar_feed_url(person))).walk("VEVENT") == []


def test_feed_url_is_created_once_and_absolute(rf, person, settings):
    settings.ALLOWED_HOSTS = ["yulan.example.org"]
    url = calendar_feed_url(person)
    assert url == calendar_feed_url(person)
    assert CalendarFeed.objects.filter(user=person).count() == 1
    token = CalendarFeed.objects.get(user=person).token
    assert len(token) >= 32
    assert url == f"{django_settings.WAGTAILADMIN_BASE_URL}/events/feed/{token}.ics"
    request = rf.get("/", HTTP_HOST="yulan.example.org", secure=True)
    assert calendar_feed_url(person, request) == f"https://yulan.example.org/events/feed/{token}.ics"


def test_rotating_the_token_revokes_the_old_url(client, course, person):
    register(course, person)
    old = calendar_feed_url(person)
    assert client.get(old).status_code == 200

    feed = rotate_calendar_feed(person)

    new = calendar_feed_url(person)
    assert new != old and feed.token in new
    assert client.get(old).status_code == 404
    assert len(parse(client.get(new)).walk("VEVENT")) == 3


def test_unknown_and_malformed_tokens_are_404(client, person):
    calendar_feed_url(person)
    assert client.get("/events/feed/NOTATOKEN.ics").status_code == 404
    assert client.get("/events/feed/.ics").status_code == 404
    assert client.get("/events/feed/abc-def.ics").status_code == 404


def test_an_inactive_account_has_no_feed(client, course, person):
    register(course, person)
    url = calendar_feed_url(person)
    person.is_active = False
    person.save(update_fields=["is_active"])
    assert client.get(url).status_code == 404


def test_the_feed_only_answers_get(client, person):
    assert client.post(calendar_feed_url(person)).status_code == 405


def test_feed_queries_do_not_grow_with_registrations(client, unit, person, django_assert_max_num_queries):
    for _ in range(6):
        register(factories.make_event(unit, sessions=2), person)
    url = calendar_feed_url(person)
    with django_assert_max_num_queries(3):
        assert len(parse(client.get(url)).walk("VEVENT")) == 12


ROTATE = "mutation { rotateCalendarFeed { calendarFeedUrl errors { code } } }"


@pytest.mark.django_db
def test_rotating_the_feed_through_graphql_revokes_the_old_link(gql, client):
    user = get_user_model().objects.create_user(username="feed", email="feed@example.com")
    gql.login(user)
    old_url = gql("{ myCalendarFeedUrl }")["myCalendarFeedUrl"]
    rotated = gql(ROTATE)["rotateCalendarFeed"]
    assert rotated["errors"] == [] and rotated["calendarFeedUrl"] != old_url
    assert client.get(urlparse(old_url).path).status_code == 404
    assert client.get(urlparse(rotated["calendarFeedUrl"]).path).status_code == 200


@pytest.mark.django_db
def test_rotating_needs_a_login(gql):
    assert gql(ROTATE)["rotateCalendarFeed"] == {
        "calendarFeedUrl": None,
        "errors": [{"code": "UNAUTHENTICATED"}],
    }
