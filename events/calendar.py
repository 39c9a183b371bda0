"""Calendar files (.ics): one per event, and a private feed per person.

Every session is one VEVENT whose UID is stable (``yulan-session-<pk>@<frontend host>``), so a
calendar that imports the same file twice, or polls the feed, updates the entry instead of
adding a second one. The personal feed also holds the person's confirmed volunteer shifts
(``yulan-volunteer-shift-<pk>@<frontend host>``). Times are written in Asia/Shanghai with a
TZID and the matching VTIMEZONE, as calendar apps on Chinese phones expect.

The feed URL carries a random token (``CalendarFeed``): anyone with the link can read it, so
``rotate_calendar_feed`` replaces the token and the old link stops working at once.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from events.models import CalendarFeed, Event, EventSession, EventStatus, Registration, RegistrationStatus
from events.tokens import new_feed_token
from volunteers.models import OpportunityStatus, Shift, SignupStatus

PRODID = "-//Yulan//Events//ZH"
CALENDAR_TIME_ZONE = ZoneInfo("Asia/Shanghai")


def event_url(event):
    """The event's page in the frontend."""
    return f"{settings.FRONTEND_URL}/events/{event.pk}"


def _uid(kind, pk):
    host = urlsplit(settings.FRONTEND_URL).hostname or "yulan"
    return f"yulan-{kind}-{pk}@{host}"


def session_uid(session):
    return _uid("session", session.pk)


def shift_uid(shift):
    return _uid("volunteer-shift", shift.pk)


def event_location(event, session=None):
    """Venue name and address (and the session's room), or the online link."""
    parts = []
    if event.venue_id:
        venue = event.venue
        parts = [venue.name, venue.address]
    if session is not None and session.location_note:
        parts.append(session.location_note)
    if not parts and event.online_url:
        parts = [event.online_url]
    return "，".join(part for part in parts if part)


def session_summary(event, session):
    return f"{event.title} · {session.title}" if session.title else event.title


def _vevent(uid, dated, summary, stamp):
    """A VEVENT of ``dated`` (anything with ``starts_at`` and ``ends_at``), in Shanghai time."""
    vevent = icalendar.Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", stamp or timezone.now())
    vevent.add("dtstart", dated.starts_at.astimezone(CALENDAR_TIME_ZONE))
    vevent.add("dtend", dated.ends_at.astimezone(CALENDAR_TIME_ZONE))
    vevent.add("summary", summary)
    return vevent


def session_vevent(session, event=None, stamp=None):
    event = event or session.event
    url = event_url(event)
    vevent = _vevent(session_uid(session), session, session_summary(event, session), stamp)
    location = event_location(event, session)
    if location:
        vevent.add("location", location)
    online = event.online_url if event.venue_id else ""  # otherwise it is the location already
    description = "\n\n".join(text for text in (event.summary.strip(), online, url) if text)
    vevent.add("description", description)
    vevent.add("url", url)
    if event.updated_at:
        vevent.add("last-modified", event.updated_at)
    vevent.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    return vevent


def shift_vevent(shift, stamp=None):
    """A volunteer shift: the role and the opportunity's title, the place, the times."""
    role = shift.role
    opportunity = role.opportunity
    vevent = _vevent(shift_uid(shift), shift, f"{role.name} · {opportunity.title}", stamp)
    vevent.add("location", shift.place)
    label = gettext("Volunteer shift")
    description = "\n\n".join(
        text for text in (label, role.description.strip(), opportunity.description.strip()) if text
    )
    vevent.add("description", description)
    vevent.add("status", "CONFIRMED")
    return vevent


def build_calendar(sessions, name=None, shifts=()):
    """A ``Calendar`` with one VEVENT per session (each with its ``event`` and venue loaded) and
    per volunteer shift (each with its role and opportunity loaded)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", CALENDAR_TIME_ZONE.key)
    stamp = timezone.now()
    sessions, shifts = list(sessions), list(shifts)
    for session in sessions:
        calendar.add_component(session_vevent(session, stamp=stamp))
    for shift in shifts:
        calendar.add_component(shift_vevent(shift, stamp=stamp))
    dated = [*sessions, *shifts]
    first = min((s.starts_at for s in dated), default=stamp).astimezone(CALENDAR_TIME_ZONE).date()
    last = max((s.ends_at for s in dated), default=stamp).astimezone(CALENDAR_TIME_ZONE).date()
    calendar.add_missing_timezones(
        first_date=first - datetime.timedelta(days=1),
        last_date=max(last, first + datetime.timedelta(days=365)) + datetime.timedelta(days=1),
    )
    return calendar


def _sessions_of(events):
    return (
        EventSession.objects.filter(event__in=events)
        .select_related("event__venue")
        .order_by("starts_at", "pk")
    )


def event_calendar(event):
    """The calendar of one event: every session."""
    return build_calendar(_sessions_of([event]), name=f"{settings.WAGTAIL_SITE_NAME} · {event.title}")


def registration_calendar(registration):
    """The sessions of a registration's event, for the confirmation mail's attachment."""
    return event_calendar(registration.event)


def confirmed_shifts(user):
    """The shifts the person holds a confirmed place on, of opportunities still published."""
    return Shift.objects.filter(
        signups__volunteer__user=user,
        signups__status=SignupStatus.CONFIRMED,
        role__opportunity__status=OpportunityStatus.PUBLISHED,
    ).select_related("role__opportunity")


def user_calendar(user):
    """The person's feed: the sessions of every event they hold a confirmed registration for, and
    their confirmed volunteer shifts."""
    events = Event.objects.filter(
        status=EventStatus.PUBLISHED,
        pk__in=Registration.objects.filter(user=user, status=RegistrationStatus.CONFIRMED).values("event_id"),
    )
    label = gettext("My events")
    return build_calendar(
        _sessions_of(events), name=f"{settings.WAGTAIL_SITE_NAME} · {label}", shifts=confirmed_shifts(user)
    )


def to_ics(calendar):
    return calendar.to_ical()


# --- the private feed -------------------------------------------------------------------------


def calendar_feed(user):
    """The person's feed, created on first use."""
    feed, _ = CalendarFeed.objects.get_or_create(user=user)
    return feed


def rotate_calendar_feed(user):
    """Replace the person's feed token: the old URL answers 404 from now on."""
    feed, _ = CalendarFeed.objects.update_or_create(user=user, defaults={"token": new_feed_token()})
    return feed


def calendar_feed_url(user, request=None):
    """The absolute URL of the person's feed (created on first use).

    With a request, on the host it came to; otherwise on ``WAGTAILADMIN_BASE_URL`` (the
    server's public address). Calendar apps subscribe to it; ``webcal://`` works as well.
    """
    path = reverse("events:calendar_feed", kwargs={"token": calendar_feed(user).token})
    if request is not None:
        return request.build_absolute_uri(path)
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def feed_user(token):
    """The active user whose feed token this is, or None."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


__all__ = [
    "build_calendar",
    "calendar_feed",
    "calendar_feed_url",
    "event_calendar",
    "event_location",
    "event_url",
    "feed_user",
    "registration_calendar",
    "rotate_calendar_feed",
    "session_uid",
    "shift_uid",
    "to_ics",
    "user_calendar",
]
