"""The personal calendar feed (/events/feed/<token>.ics) holds the person's confirmed shifts.

Every file is parsed back with ``icalendar.Calendar.from_ical``.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from events.calendar import calendar_feed_url, shift_uid
from events.models import Registration, RegistrationStatus
from tests.events import factories as event_factories
from tests.volunteers.factories import make_shift, make_volunteer
from volunteers.models import OpportunityStatus, Role, ShiftSignup, SignupStatus

SHANGHAI = ZoneInfo("Asia/Shanghai")
pytestmark = pytest.mark.django_db


def feed(client, user):
    response = client.get(calendar_feed_url(user))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def shifts_in(calendar):
    return sorted(
        (vevent for vevent in calendar.walk("VEVENT") if "volunteer-shift" in str(vevent["uid"])),
        key=lambda vevent: vevent.decoded("dtstart"),
    )


@pytest.fixture
def reading(org):
    first = datetime.datetime(2031, 9, 6, 9, 0, tzinfo=SHANGHAI)
    shift = make_shift(org["district"], role_name="签到引导", starts_at=first, place="天宁区妇女儿童活动中心")
    opportunity = shift.role.opportunity
    opportunity.title = "亲子阅读会志愿服务"
    opportunity.save()
    Role.objects.filter(pk=shift.role_id).update(description="引导家庭签到入场")
    return shift


def sign(volunteer, shift, status=SignupStatus.CONFIRMED):
    return ShiftSignup.objects.create(volunteer=volunteer, shift=shift, status=status)


def test_confirmed_shifts_are_in_the_feed(client, org, reading, volunteer):
    sign(volunteer, reading)
    [vevent] = shifts_in(feed(client, volunteer.user))
    assert str(vevent["uid"]) == shift_uid(reading)
    assert str(vevent["summary"]) == "签到引导 · 亲子阅读会志愿服务"
    assert str(vevent["location"]) == "天宁区妇女儿童活动中心"
    assert "引导家庭签到入场" in str(vevent["description"])
    assert vevent["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert vevent.decoded("dtstart") == reading.starts_at
    assert vevent.decoded("dtend") == reading.ends_at
    assert str(vevent["status"]) == "CONFIRMED"


def test_uids_are_stable_and_distinct(client, org, reading, volunteer):
    sign(volunteer, reading)
    sign(volunteer, make_shift(org["district"], starts_at=reading.starts_at + datetime.timedelta(days=1)))
    first = [str(vevent["uid"]) for vevent in shifts_in(feed(client, volunteer.user))]
    second = [str(vevent["uid"]) for vevent in shifts_in(feed(client, volunteer.user))]
    assert first == second
    assert len(set(first)) == 2


@pytest.mark.parametrize("status", [SignupStatus.REQUESTED, SignupStatus.WITHDRAWN, SignupStatus.REJECTED])
def test_only_confirmed_places_are_in_the_feed(client, reading, volunteer, status):
    sign(volunteer, reading, status)
    assert shifts_in(feed(client, volunteer.user)) == []


@pytest.mark.parametrize("status", [OpportunityStatus.CANCELLED, OpportunityStatus.DRAFT])
def test_shifts_of_unpublished_opportunities_leave_the_feed(client, reading, volunteer, status):
    sign(volunteer, reading)
    reading.role.opportunity.status = status
    reading.role.opportunity.save()
    assert shifts_in(feed(client, volunteer.user)) == []


def test_other_volunteers_shifts_stay_out(client, org, reading, volunteer):
    sign(make_volunteer(org["community"]), reading)
    assert shifts_in(feed(client, volunteer.user)) == []


def test_shifts_and_event_sessions_together(client, org, reading, volunteer):
    sign(volunteer, reading)
    event = event_factories.make_event(org["district"], title="茶艺班", sessions=2)
    Registration.objects.create(
        event=event, user=volunteer.user, name="王小红", status=RegistrationStatus.CONFIRMED
    )
    summaries = sorted(str(vevent["summary"]) for vevent in feed(client, volunteer.user).walk("VEVENT"))
    assert summaries == ["签到引导 · 亲子阅读会志愿服务", "茶艺班", "茶艺班"]


def test_feed_queries_do_not_grow_with_shifts(client, org, volunteer, django_assert_max_num_queries):
    for day in range(6):
        sign(
            volunteer,
            make_shift(
                org["district"],
                starts_at=event_factories.session_times(1)[0][0] + datetime.timedelta(days=day),
            ),
        )
    url = calendar_feed_url(volunteer.user)
    with django_assert_max_num_queries(3):
        assert len(shifts_in(icalendar.Calendar.from_ical(client.get(url).content))) == 6
