"""SQL queries per read operation at 10, 50 and 100 rows: a count that grows with the rows is an N+1.

Each operation's document is sent through Django's test client with its page sizes set to 10,
then to 100 (bench/operations.py ``resized``), and the queries of its second sending counted (the
first makes the image renditions new rows need, once). Detail reads have no page
size: for them the rows are arranged inside a transaction that is rolled back afterwards, e.g. an
event with 10, then 100 sessions. The rows actually returned are reported beside the counts.

Why three sizes: some relations are loaded only when a row has them (an event linked to a class
page loads the page and its relations, a fixed number of queries per page type), so the first 10
rows may lack a kind the first 100 have. A count that steps up between 10 and 50 rows and then
stays is such a branch; one that still grows from 50 to 100 is an N+1.
"""

import datetime
import json

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from bench.middleware import UNCACHED
from bench.operations import resized, upcoming_published
from events.models import Event, EventSession

ROWS = (10, 50, 100)


class Rollback(Exception):
    """Raised to leave an ``atomic`` block without keeping what it wrote."""


def more_sessions(operation, rows):
    """The event of ``operation`` with ``rows`` sessions."""
    event = Event.objects.get(pk=operation.variables["id"])
    have = event.sessions.count()
    last = event.sessions.order_by("-starts_at").first().starts_at
    EventSession.objects.bulk_create(
        EventSession(
            event=event,
            starts_at=last + datetime.timedelta(days=day),
            ends_at=last + datetime.timedelta(days=day, hours=1),
        )
        for day in range(1, rows - have + 1)
    )


def more_page_events(operation, rows):
    """The class page of ``operation`` with ``rows`` upcoming events."""
    page = Page.objects.get(url_path__endswith=operation.variables["path"])
    events = list(upcoming_published().distinct().order_by("pk").values_list("pk", flat=True)[:rows])
    Event.objects.filter(page=page).update(page=None)
    Event.objects.filter(pk__in=events).update(page=page)


ARRANGE = {"event": more_sessions, "page": more_page_events}


def rows_in(answer, path):
    value = answer["data"]
    for key in path.split("."):
        value = value[key]
    return len(value)


def count(client, operation, rows):
    """``(queries, rows returned)`` for ``operation`` at ``rows``."""
    variables = {**operation.variables, **operation.count_variables}
    body = json.dumps({"query": resized(operation.text(), rows), "variables": variables})
    headers = {"Accept": "application/json", "Accept-Language": "zh-hans", **UNCACHED}
    client.post("/graphql/", data=body, content_type="application/json", headers=headers)  # makes renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/graphql/", data=body, content_type="application/json", headers=headers)
    answer = response.json()
    if response.status_code != 200 or answer.get("errors"):
        raise SystemExit(f"{operation.name}: {response.status_code} {str(answer)[:300]}")
    return len(queries), rows_in(answer, operation.rows)


def measure(operation, user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    figures = {}
    for rows in ROWS:
        arrange = ARRANGE.get(operation.name)
        if arrange is None:
            figures[rows] = count(client, operation, rows)
            continue
        try:
            with transaction.atomic():
                arrange(operation, rows)
                figures[rows] = count(client, operation, rows)
                raise Rollback
        except Rollback:
            pass
    return figures


CONSTANT, STEP, GROWS = "constant", "step", "grows"


def verdict(queries):
    """``constant``, ``step`` (more queries once some rows have a relation, then constant) or ``grows``."""
    low, middle, high = (queries[rows] for rows in ROWS)
    if low == middle == high:
        return CONSTANT
    return STEP if middle == high else GROWS


def run(operations, users=None, out=print):
    """``{name: {"label", "queries": {rows: n}, "rows": {rows: returned}}}``; ``users`` by name."""
    users = users or {}
    results = {}
    started = timezone.now()
    for operation in operations:
        figures = measure(operation, users.get(operation.name))
        results[operation.name] = {
            "label": operation.label,
            "queries": {rows: queries for rows, (queries, _returned) in figures.items()},
            "rows": {rows: returned for rows, (_queries, returned) in figures.items()},
        }
    seconds = (timezone.now() - started).total_seconds()
    grows = [name for name, r in results.items() if verdict(r["queries"]) == GROWS]
    grown = ", ".join(grows) or "none"
    out(f"query counts: {len(results)} operations in {seconds:.0f} s; growing with the rows: {grown}")
    return results
