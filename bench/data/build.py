"""The benchmark's database at a scale: built once, then reused (``manage.py bench_data``).

Built from nothing: Django's migrations, the demo content (``manage.py load_demo``), then the
scale data in bulk (COPY and bulk INSERTs, no request per row), then ANALYZE so that PostgreSQL
plans with the real row counts. Reused while it holds the requested scale and is at most
``MAX_AGE_DAYS`` old (the demo's and the scale data's dates are relative to the day they were
made); migrations added since are applied to it, so that new indexes get measured.
"""

import datetime
import random
import time

from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from bench import config
from bench.data import database
from bench.data.events import create_events, create_registrations
from bench.data.pages import BulkRandomData
from bench.data.people import create_people
from events import figures
from events.models import Event, EventSession, Registration
from home.demo.loader import quiet_logging
from home.models import ClassPage, Honour, Venue
from volunteers.models import ServiceRecord, Volunteer

MAX_AGE_DAYS = 7
SEED = 2026
VENUES = 64
HONOUR_RECIPIENTS = 500
INDEX_BATCH = 2_000
COUNTED = {
    "pages": Page,
    "classes": ClassPage,
    "venues": Venue,
    "honours": Honour,
    "volunteers": Volunteer,
    "service records": ServiceRecord,
    "events": Event,
    "sessions": EventSession,
    "registrations": Registration,
}


def ensure(scale=config.SCALE, force=False, out=print):
    """The label of a database holding the data at ``scale``, built unless one can be reused."""
    label = database.read_label() if database.exists() else None
    if not force and label and label["scale"] == scale and _age_days(label) <= MAX_AGE_DAYS:
        call_command("migrate", interactive=False, verbosity=0)
        out(f"data: reusing {config.DATABASE} at scale {scale:g} (built {label['built_at'][:16]})")
        return label
    out(f"data: building {config.DATABASE} at scale {scale:g}")
    started = time.monotonic()
    timings = {}
    database.recreate()
    with quiet_logging():
        _timed(timings, "migrations", out, call_command, "migrate", interactive=False, verbosity=0)
        _timed(timings, "demo content", out, call_command, "load_demo", no_admin=True, verbosity=0)
        ids = _timed(timings, "scale data", out, make_scale_data, scale, out)
    _timed(timings, "analyze", out, _analyze)
    label = {
        "scale": scale,
        "built_at": timezone.now().isoformat(),
        "seconds": round(time.monotonic() - started, 1),
        "timings": timings,
        "rows": {name: model.objects.count() for name, model in COUNTED.items()},
        **ids,
    }
    database.write_label(label)
    out(
        f"data: built in {label['seconds']:.0f} s: "
        + ", ".join(f"{n:,} {k}" for k, n in label["rows"].items())
    )
    return label


def make_scale_data(scale, out=print):
    """Pages, honours, volunteers, events and registrations at ``scale``; the ids worth knowing."""
    rng = random.Random(SEED)
    content = BulkRandomData(seed_value=SEED)
    clock = Clock(out)
    content.prepare()
    content.venues(VENUES)
    content.honours(max(config.MINIMUM["pages"] // 2, round(HONOUR_RECIPIENTS * scale)))
    pages = config.size("pages", scale)
    content.classes(pages // 2)
    content.campaigns(pages // 5)
    content.articles(pages - pages // 2 - pages // 5)
    clock.lap(f"{pages:,} pages with cover images, venues, honours")
    people = create_people(config.size("volunteers", scale), rng)
    clock.lap(f"{len(people.user_ids) + 1:,} volunteers with {people.records:,} service records")
    events = create_events(config.size("events", scale), rng)
    _index(Event, [event.id for event in events])
    clock.lap(f"{len(events):,} events with sessions, indexed for search")
    count = create_registrations(
        events, config.size("registrations", scale), people.user_ids, people.heavy_user_id, rng
    )
    clock.lap(f"{count:,} registrations")
    figures.refresh_all()  # COPY skipped the services and signals that keep them
    clock.lap("the events' figures (seats, waitlist, first and last session)")
    return {"heavy_user_id": people.heavy_user_id, "heavy_volunteer_id": people.heavy_volunteer_id}


class Clock:
    """Prints what was done since the last lap, with the seconds it took."""

    def __init__(self, out):
        self.out, self.last = out, time.monotonic()

    def lap(self, done):
        now = time.monotonic()
        self.out(f"    {done} ({now - self.last:.1f} s)")
        self.last = now


def _index(model, ids):
    """The search index of ``model`` rows, written in bulk (COPY skips Wagtail's signals)."""
    for start in range(0, len(ids), INDEX_BATCH):
        objects = list(model.objects.filter(pk__in=ids[start : start + INDEX_BATCH]))
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)


def _analyze():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _timed(timings, name, out, function, *args, **kwargs):
    started = time.monotonic()
    result = function(*args, **kwargs)
    timings[name] = round(time.monotonic() - started, 1)
    out(f"  {name}: {timings[name]:.1f} s")
    return result


def _age_days(label):
    return (timezone.now() - datetime.datetime.fromisoformat(label["built_at"])).days
