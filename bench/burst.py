"""The registration burst: 1,000 people register for one event of capacity 100 at the same moment.

The requests are the app's own ``registerForEvent`` mutation, by HTTP through gunicorn (4 workers,
each with its own database connection), sent by 4 client processes of 250 threads that all start
at one instant. The people are signed in beforehand: their sessions are written in bulk, as the
login would have written them. Afterwards the database must hold exactly ``capacity`` persons
confirmed and everybody else waitlisted in order of arrival at the event's lock: by insertion
order, all confirmations first, then waitlist positions 1, 2, 3 ... without gaps.
"""

import datetime
import http.client
import json
import multiprocessing
import secrets
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connections
from django.utils import timezone
from django.utils.crypto import get_random_string

from bench import config
from bench.operations import documents
from bench.stats import percentile
from events.models import Event, EventKind, EventSession, EventStatus, Registration, RegistrationStatus
from home.models import OrgUnit, Venue

TITLE = "并发报名压力测试"
USERNAME = "bench-burst-{:04d}"
BACKEND = "django.contrib.auth.backends.ModelBackend"
START_DELAY = 2.0  # seconds for every client thread to be ready before the common start
TIMEOUT = 300


def make_event():
    """A new event for this burst; the events of earlier bursts are cancelled, out of the public lists."""
    now = timezone.now()
    Event.objects.filter(title__startswith=TITLE).update(status=EventStatus.CANCELLED, cancelled_at=now)
    event = Event.objects.create(
        title=f"{TITLE} {now:%Y-%m-%d %H:%M}",
        kind=EventKind.ACTIVITY,
        organizer=OrgUnit.objects.filter(parent=None).first(),
        venue=Venue.objects.order_by("pk").first(),
        capacity=config.BURST_CAPACITY,
        registration_opens_at=now - datetime.timedelta(hours=1),
        registration_closes_at=now + datetime.timedelta(days=7),
        status=EventStatus.PUBLISHED,
    )
    starts = now + datetime.timedelta(days=8)
    EventSession.objects.create(event=event, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
    return event


def people(count):
    """``count`` accounts of the burst, made once."""
    names = [USERNAME.format(index) for index in range(count)]
    User = get_user_model()
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    User.objects.bulk_create(
        [
            User(username=name, email=f"{name}@example.com", password="!", display_name=name)
            for name in names
            if name not in existing
        ]
    )
    return list(User.objects.filter(username__in=names).order_by("username"))


def sign_in(users):
    """A session per person, as the login writes it; returns the session keys."""
    expires = timezone.now() + datetime.timedelta(hours=2)
    sessions = [
        Session(
            session_key=get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789"),
            session_data=SessionStore().encode(
                {
                    "_auth_user_id": str(user.pk),
                    "_auth_user_backend": BACKEND,
                    "_auth_user_hash": user.get_session_auth_hash(),
                }
            ),
            expire_date=expires,
        )
        for user in users
    ]
    Session.objects.bulk_create(sessions)
    return [session.session_key for session in sessions]


def register(job):
    """One person's registration by HTTP; ``(started, finished, outcome)``."""
    index, session_key, request = job
    key = f"burst-{request['event_id']}-{index}"  # a key is one person's, for one event
    variables = {"input": {"eventId": request["event_id"], "idempotencyKey": key}}
    body = json.dumps({"documentId": request["document_id"], "variables": variables})
    headers = {
        "Content-Type": "application/json",
        "Accept": "application/graphql-response+json",
        "Cookie": f"{request['session_cookie']}={session_key}; {request['csrf_cookie']}={request['csrf']}",
        "X-CSRFToken": request["csrf"],
    }
    time.sleep(max(0.0, request["start_at"] - time.time()))
    started = time.time()
    try:
        connection = http.client.HTTPConnection(config.HOST, config.PORT, timeout=TIMEOUT)
        connection.request("POST", "/graphql/", body=body, headers=headers)
        response = connection.getresponse()
        status, payload = response.status, response.read()
        connection.close()
    except OSError as error:
        return started, time.time(), f"connection: {type(error).__name__}"
    return started, time.time(), outcome(status, payload)


def outcome(status, payload):
    if status != 200:
        return f"HTTP {status}"
    answer = json.loads(payload)
    if answer.get("errors"):
        return "GraphQL error"
    result = answer["data"]["registerForEvent"]
    if result["errors"]:
        return result["errors"][0]["code"]
    return result["registration"]["status"].lower()


def client(jobs):
    """One client process: every job in its own thread, all released at the common start."""
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(register, jobs))


def run(out=print):
    event = make_event()
    users = people(config.BURST_REGISTRATIONS)
    keys = sign_in(users)
    request = {
        "document_id": documents()["RegisterForEvent"][0],
        "event_id": str(event.pk),
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "csrf": secrets.token_hex(16),
        "start_at": time.time() + START_DELAY,
    }
    jobs = [(index, key, request) for index, key in enumerate(keys)]
    chunks = [jobs[part :: config.BURST_CLIENTS] for part in range(config.BURST_CLIENTS)]
    connections.close_all()  # the client processes are forked: they must not share this connection
    with multiprocessing.get_context("fork").Pool(config.BURST_CLIENTS) as pool:
        results = [result for chunk in pool.map(client, chunks) for result in chunk]
    Session.objects.filter(session_key__in=keys).delete()
    figures = summarize(results) | check(event)
    out(
        f"burst: {figures['throughput']:.0f} registrations/s, p95 {figures['p95']:.0f} ms, "
        f"{figures['confirmed_persons']} confirmed, {figures['waitlisted']} waitlisted, "
        f"{figures['errors']} errors, order {'kept' if figures['in_order'] else 'BROKEN'}"
    )
    return figures


def summarize(results):
    started = min(start for start, _end, _outcome in results)
    finished = max(end for _start, end, _outcome in results)
    latencies = sorted((end - start) * 1000 for start, end, _outcome in results)
    outcomes = {}
    for _start, _end, result in results:
        outcomes[result] = outcomes.get(result, 0) + 1
    return {
        "requests": len(results),
        "seconds": finished - started,
        "throughput": len(results) / (finished - started),
        **{name: percentile(latencies, q) for name, q in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99))},
        "outcomes": outcomes,
        "errors": sum(n for result, n in outcomes.items() if result not in ("confirmed", "waitlisted")),
    }


def check(event):
    """What the database holds: persons confirmed, waitlisted, and whether arrival order was kept."""
    rows = list(
        Registration.objects.filter(event=event)
        .order_by("pk")
        .values_list("status", "party_size", "waitlist_position")
    )
    confirmed = [row for row in rows if row[0] == RegistrationStatus.CONFIRMED]
    waitlisted = [row for row in rows if row[0] == RegistrationStatus.WAITLISTED]
    statuses = [row[0] for row in rows]
    in_order = statuses == sorted(statuses, key=lambda status: status != RegistrationStatus.CONFIRMED) and [
        row[2] for row in waitlisted
    ] == list(range(1, len(waitlisted) + 1))
    return {
        "event_id": event.pk,
        "capacity": event.capacity,
        "confirmed_persons": sum(row[1] for row in confirmed),
        "waitlisted": len(waitlisted),
        "other": len(rows) - len(confirmed) - len(waitlisted),
        "in_order": in_order,
    }
