"""Events at scale: sessions spread over a year around today, and registrations that follow the
app's rules (seats counted in persons, then the waitlist in order of arrival).

Registrations are spread over the published events (about ``registrations / events`` each, at
most one active registration per person and event); the heavy person of bench/data/people.py
registers for ``HEAVY_REGISTRATIONS`` of them. A third of the events belong to a class page.
"""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone
from wagtail.images import get_image_model

from bench.data.copy import copy_rows, ids_after, last_id
from events.models import Event, EventKind, EventSession, EventStatus, Registration, RegistrationStatus
from events.tokens import ALPHABET, TOKEN_LENGTH
from home.demo.random_data import CLASS_SUFFIXES, TOPICS, seed_sentences
from home.models import ClassPage, Venue
from volunteers.demo import fake_phone, person_name

HEAVY_REGISTRATIONS = 200
DAYS_AROUND_TODAY = 180
CAPACITIES = (20, 30, 50, 80, 100, 150, 200)
EVENT_FIELDS = (
    "title", "kind", "summary", "description", "page", "organizer", "venue", "online_url", "audience",
    "capacity", "max_party_size", "ask_companions", "registration_opens_at", "registration_closes_at",
    "requires_approval", "waitlist_enabled", "status", "contact_name", "contact_phone", "cover_image",
    "cancel_reason", "created_at", "updated_at",
)  # fmt: skip
SESSION_FIELDS = ("event", "title", "starts_at", "ends_at", "location_note")
REGISTRATION_FIELDS = (
    "event", "user", "name", "phone", "party_size", "companions", "answers", "status", "waitlist_position",
    "token", "idempotency_key", "created_at", "updated_at", "confirmed_at", "cancel_reason",
)  # fmt: skip


@dataclass
class Planned:
    """An event as generated, with what its registrations need."""

    id: int
    status: str
    capacity: int
    max_party_size: int
    opens: datetime.datetime
    first_start: datetime.datetime


def create_events(count, rng: random.Random, now=None):
    """``count`` events with their sessions; returns them as ``Planned``."""
    now = now or timezone.now()
    sentences = seed_sentences()
    venues = list(Venue.objects.values_list("pk", "org_unit_id"))
    pages = list(ClassPage.objects.live().values_list("pk", flat=True))
    images = list(get_image_model().objects.values_list("pk", flat=True))
    topics = [topic for group in TOPICS.values() for topic in group]
    first_id = last_id(Event)
    specs = []
    for _ in range(count):
        kind = rng.choice(list(EventKind))
        first_start = now.replace(minute=0, second=0, microsecond=0) + datetime.timedelta(
            days=rng.randint(-DAYS_AROUND_TODAY, DAYS_AROUND_TODAY), hours=rng.randint(-6, 6)
        )
        sessions = rng.randint(4, 8) if kind == EventKind.COURSE else 1
        status = rng.choices([EventStatus.PUBLISHED, EventStatus.DRAFT, EventStatus.CANCELLED], [90, 5, 5])[0]
        specs.append((kind, first_start, sessions, status, rng.choice(CAPACITIES), rng.choice([1, 1, 1, 3])))
    copy_rows(
        Event,
        EVENT_FIELDS,
        (event_row(spec, rng, now, sentences, venues, pages, images, topics) for spec in specs),
    )
    ids = ids_after(Event, first_id)
    copy_rows(EventSession, SESSION_FIELDS, session_rows(ids, specs))
    return [
        Planned(
            id=event_id,
            status=status,
            capacity=capacity,
            max_party_size=party,
            opens=first_start - datetime.timedelta(days=30),
            first_start=first_start,
        )
        for event_id, (_kind, first_start, _sessions, status, capacity, party) in zip(ids, specs, strict=True)
    ]


def event_row(spec, rng, now, sentences, venues, pages, images, topics):
    kind, first_start, _sessions, status, capacity, party = spec
    venue, unit = rng.choice(venues)
    return (
        f"{rng.choice(topics)}{rng.choice(CLASS_SUFFIXES)}（第{rng.randint(1, 20)}期）", kind,
        rng.choice(sentences), "".join(rng.sample(sentences, 2)),
        rng.choice(pages) if pages and rng.random() < 1 / 3 else None, unit, venue, "", "社区女性", capacity,
        party, False, first_start - datetime.timedelta(days=30), first_start - datetime.timedelta(hours=2),
        False, True, status, "活动联络员", "0519-85683822", rng.choice(images) if images else None, "", now,
        now,
    )  # fmt: skip


def session_rows(ids, specs):
    for event_id, (_kind, first_start, sessions, *_rest) in zip(ids, specs, strict=True):
        for week in range(sessions):
            starts = first_start + datetime.timedelta(weeks=week)
            title = f"第 {week + 1} 课" if sessions > 1 else ""
            yield (event_id, title, starts, starts + datetime.timedelta(minutes=90), "")


def create_registrations(events, total, user_ids, heavy_user_id, rng: random.Random):
    """About ``total`` registrations over the published events; returns how many were made."""
    published = [event for event in events if event.status == EventStatus.PUBLISHED]
    heavy = set(rng.sample([event.id for event in published], min(HEAVY_REGISTRATIONS, len(published))))
    weights = [rng.random() + 0.5 for _ in published]
    scale = total / sum(weights)
    counts = [min(len(user_ids), round(weight * scale)) for weight in weights]
    rows = (
        row
        for event, count in zip(published, counts, strict=True)
        for row in registration_rows(
            event, count, user_ids, heavy_user_id if event.id in heavy else None, rng
        )
    )
    return copy_rows(Registration, REGISTRATION_FIELDS, rows)


def registration_rows(event, count, user_ids, heavy_user_id, rng):
    """The registrations of one event in order of arrival: seated while seats last and nobody
    waits, then waitlisted; one in twenty later cancelled."""
    stride = max(1, len(user_ids) // max(count, 1))
    start = rng.randrange(len(user_ids))
    people = [
        (user_ids[(start + k * stride) % len(user_ids)], (start + k * stride) % len(user_ids))
        for k in range(count)
    ]
    if heavy_user_id is not None:
        people.insert(rng.randint(0, len(people)), (heavy_user_id, 0))
    seats, waiting = 0, 0
    window = max(1.0, (event.first_start - event.opens).total_seconds() - 3 * 3600)
    for arrival, (user_id, index) in enumerate(people):
        created = event.opens + datetime.timedelta(seconds=window * (arrival + 1) / (len(people) + 1))
        party = rng.randint(1, event.max_party_size)
        position, confirmed_at = None, None
        if rng.random() < 0.05:
            status = RegistrationStatus.CANCELLED_BY_REGISTRANT
        elif not waiting and seats + party <= event.capacity:
            status, confirmed_at = RegistrationStatus.CONFIRMED, created
            seats += party
        else:
            waiting += 1
            status, position = RegistrationStatus.WAITLISTED, waiting
        token = "".join(rng.choices(ALPHABET, k=TOKEN_LENGTH))
        yield (
            event.id, user_id, person_name(index), fake_phone(index % 10_000), party, "[]", "{}", status,
            position, token, "", created, created, confirmed_at, "",
        )  # fmt: skip
