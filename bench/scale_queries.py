"""Scale queries: the SQL of the reads that grow with the data, timed statement by statement.

Each read is the app's own GraphQL operation, sent through Django's test client as its user
(anonymous for the filtered events list, the heavy person for their registrations and service
records, the city's organizer for the roster of the biggest event) while its SQL is captured:
these are the querysets the resolvers really build. Every statement is then EXPLAIN ANALYZEd and
run ``SCALE_QUERY_RUNS`` times; reported are the p95 of the request, of its SQL (the statements'
sum per run) and of its slowest statement (by median), with that statement's plan. A sequential scan of one
of the big tables in a plan points at a missing index.
"""

import json
import re
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench import config
from bench.middleware import UNCACHED
from bench.stats import percentile

BIG_TABLES = (
    "events_registration", "events_event", "events_eventsession", "volunteers_servicerecord",
    "volunteers_volunteer", "accounts_user", "wagtailcore_page", "wagtailsearch_indexentry",
)  # fmt: skip
SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")
MIN_RUNS = 5
TIME_BUDGET = 5.0
SKIPPED = re.compile(r"^\s*(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK|BEGIN|COMMIT)", re.IGNORECASE)


def request(client, operation):
    return client.post(
        "/graphql/",
        data=json.dumps({"query": operation.text(), "variables": operation.variables}),
        content_type="application/json",
        headers={"Accept": "application/json", "Accept-Language": "zh-hans", **UNCACHED},
    )


def timed(function, runs):
    """Milliseconds of each of ``runs`` calls, or of fewer (at least ``MIN_RUNS``) once they took
    ``TIME_BUDGET`` seconds: a slow statement is slow enough after five runs."""
    durations = []
    while len(durations) < runs and (len(durations) < MIN_RUNS or sum(durations) < TIME_BUDGET * 1000):
        started = time.perf_counter()
        function()
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def execute(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        cursor.fetchall()


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def measure(operation, user=None, runs=config.SCALE_QUERY_RUNS):
    client = Client()
    if user is not None:
        client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        response = request(client, operation)
    if response.status_code != 200 or response.json().get("errors"):
        raise SystemExit(f"{operation.name}: {response.status_code} {response.content[:300]!r}")
    statements = [query["sql"] for query in captured if not SKIPPED.match(query["sql"])]
    per_statement = [timed(lambda sql=sql: execute(sql), runs) for sql in statements]
    totals = sorted(sum(run) for run in zip(*per_statement, strict=False))
    p95s = [percentile(sorted(durations), 0.95) for durations in per_statement]
    # By the median: on a shared machine one run of a 0.1 ms statement may catch a 40 ms pause.
    slowest = max(range(len(statements)), key=lambda index: percentile(sorted(per_statement[index]), 0.5))
    plans = [explain(sql) for sql in statements]
    return {
        "label": operation.label,
        "statements": len(statements),
        "request_p95_ms": percentile(sorted(timed(lambda: request(client, operation), runs)), 0.95),
        "sql_p95_ms": percentile(totals, 0.95),
        "slowest_p95_ms": p95s[slowest],
        "slowest_sql": statements[slowest],
        "slowest_plan": plans[slowest],
        "seq_scans": sorted(
            {table for plan in plans for table in SEQ_SCAN.findall(plan) if table in BIG_TABLES}
        ),
    }


def run(cases, out=print):
    """``cases``: ``[(operation, user or None)]``; returns ``{name: figures}``."""
    results = {}
    for operation, user in cases:
        results[operation.name] = figures = measure(operation, user)
        out(
            f"scale query {operation.label}: SQL p95 {figures['sql_p95_ms']:.1f} ms in "
            f"{figures['statements']} statements, request p95 {figures['request_p95_ms']:.0f} ms"
        )
    return results
