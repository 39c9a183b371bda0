"""Builders for the events suites (and any other suite that needs an event), so that tests state
only what they are about.

    org = make_org_tree()                       # city > district > street > community, + other district
    organizer = make_organizer(org["district"])  # a user who manages the district and below
    event = make_event(org["district"], capacity=3, max_party_size=2, sessions=2)
    registration = make_registration(event, make_user("小兰"), party_size=2)

``make_event`` gives a published event whose registration is open now, capacity 10, one session
tomorrow, unless told otherwise. ``make_registration`` goes through ``events.services.register``
(or ``add_by_hand`` with ``by=``), so it obeys every rule: the window, capacity, the waitlist.
"""

import datetime
import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from events.models import Event, EventQuestion, EventSession, EventStatus, QuestionKind
from home.models import UnitOrganizer
from tests.home.factories import make_org_tree, make_venue, unique

__all__ = [
    "make_event",
    "make_org_tree",
    "make_organizer",
    "make_question",
    "make_registration",
    "make_superuser",
    "make_user",
    "make_venue",
    "session_of",
    "session_times",
]

_users = itertools.count(1)


def make_user(name=None, *, email=None, **fields):
    """An ordinary account with a verified email; ``name`` becomes its display name (empty by default)."""
    number = next(_users)
    username = fields.pop("username", f"user{number}")
    email = email if email is not None else f"{username}@example.com"
    user = get_user_model().objects.create_user(
        username=username, email=email, password="x", display_name=name or "", **fields
    )
    if email:
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_superuser(name="管理员"):
    return make_user(name, is_staff=True, is_superuser=True)


def make_organizer(unit, user=None, name=None):
    """A user who organizes for ``unit`` (and so manages it and every unit below it)."""
    user = user or make_user(name or f"{unit.name}组织者")
    UnitOrganizer.objects.create(user=user, org_unit=unit)
    return user


def session_times(count=1, first=None, hours=2, every=datetime.timedelta(days=7)):
    """``count`` (starts_at, ends_at) pairs: the first tomorrow 09:00 local time unless ``first``."""
    if first is None:
        tomorrow = timezone.localtime() + datetime.timedelta(days=1)
        first = tomorrow.replace(hour=9, minute=0, second=0, microsecond=0)
    return [(first + every * i, first + every * i + datetime.timedelta(hours=hours)) for i in range(count)]


def make_event(organizer, *, sessions=1, questions=(), venue=None, **fields):
    """A published event of ``organizer`` (an OrgUnit), registration open from an hour ago.

    ``sessions``: how many weekly sessions (from tomorrow 09:00), or a list of (starts, ends).
    ``questions``: dicts of EventQuestion fields, e.g. ``{"label": "年级", "kind": "choice",
    "choices": "一年级\\n二年级", "required": True}``.
    Every other keyword is an Event field (``capacity``, ``max_party_size``, ``status`` ...).
    """
    now = timezone.now()
    times = session_times(sessions) if isinstance(sessions, int) else list(sessions)
    if venue is None and not fields.get("online_url"):
        venue = make_venue(organizer)
    fields.setdefault("title", unique("茶艺班"))
    fields.setdefault("status", EventStatus.PUBLISHED)
    fields.setdefault("capacity", 10)
    fields.setdefault("registration_opens_at", now - datetime.timedelta(hours=1))
    fields.setdefault(
        "registration_closes_at",
        min(times[0][0], now + datetime.timedelta(days=30)) if times else now + datetime.timedelta(days=1),
    )
    event = Event.objects.create(organizer=organizer, venue=venue, **fields)
    for starts_at, ends_at in times:
        EventSession.objects.create(event=event, starts_at=starts_at, ends_at=ends_at)
    for question in questions:
        make_question(event, **question)
    return event


def make_question(event, label=None, kind=QuestionKind.TEXT, **fields):
    return EventQuestion.objects.create(event=event, label=label or unique("问题"), kind=kind, **fields)


def make_registration(event, user=None, *, by=None, **kwargs):
    """A registration made through the services (so it may be pending or waitlisted).

    With ``by`` (an organizer) it is a phone-in registration (``add_by_hand``, no account);
    otherwise ``user`` (a new account when omitted) registers. Keywords go to the service.
    """
    from events import services

    if by is not None:
        kwargs.setdefault("name", unique("电话报名"))
        kwargs.setdefault("phone", "13800000000")
        return services.add_by_hand(event.pk, by=by, **kwargs)
    if kwargs.get("companions"):
        kwargs.setdefault("children_consent", True)  # the registrant consents for any child
    return services.register(user or make_user(), event.pk, **kwargs)


def session_of(event, index=0):
    """The ``index``-th session of ``event``, in date order."""
    return event.sessions.order_by("starts_at", "pk")[index]
