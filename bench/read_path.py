"""The read path: requests per second and latency of each public read, four ways, one server.

For each operation of bench/operations.py, one after the other against the same gunicorn:

- GraphQL uncached: every request misses every cache (bench/middleware.py);
- GraphQL cached: the same request repeated, so that a response cache the app keeps answers it
  (while the app has none, this column is the first one again);
- Wagtail API v2: the same content and fields through wagtail.api.v2 (bench/api.py), uncached;
- ceiling: a plain view answering the GraphQL response's bytes (bench/ceiling.py), uncached.

Before the load, each request is made once: it must answer 200 (GraphQL without errors); its
body becomes the ceiling's payload, and image renditions get made. The load itself runs in
locust's own environment (bench/load.py).
"""

import json
import subprocess
import urllib.request

from bench import config
from bench.ceiling import CEILING_DIR, payload_path
from bench.loadtool import locust_python
from bench.middleware import UNCACHED

GRAPHQL_HEADERS = {"Accept": "application/graphql-response+json", "Accept-Language": "zh-hans"}
JSON_HEADERS = {"Accept": "application/json", "Accept-Language": "zh-hans"}
VARIANTS = ("graphql_uncached", "graphql_cached", "api", "ceiling")


def fetch(url, headers):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, response.read()


def prepare(operation, base_url):
    """Make each request once and check it; store the ceiling's payload. Returns the sizes."""
    status, body = fetch(base_url + operation.graphql_url(), GRAPHQL_HEADERS | UNCACHED)
    answer = json.loads(body)
    if status != 200 or answer.get("errors") or not answer.get("data"):
        raise SystemExit(f"{operation.name}: GraphQL answered {status}: {body[:300]!r}")
    payload_path(operation.name).write_bytes(body)
    status, api_body = fetch(base_url + operation.api, JSON_HEADERS | UNCACHED)
    if status != 200:
        raise SystemExit(f"{operation.name}: the Wagtail API answered {status}: {api_body[:300]!r}")
    return {"graphql": len(body), "api": len(api_body)}


def scenarios(operation):
    return [
        (operation.graphql_url(), GRAPHQL_HEADERS | UNCACHED, True),
        (operation.graphql_url(), GRAPHQL_HEADERS, True),
        (operation.api, JSON_HEADERS | UNCACHED, False),
        (operation.ceiling_url(), JSON_HEADERS | UNCACHED, False),
    ]


def run(operations, base_url, out=print):
    """``{operation name: {"label", "bytes", variant: {rps, p50, p95, p99, failures...}}}``."""
    CEILING_DIR.mkdir(parents=True, exist_ok=True)
    results, plan_scenarios = {}, []
    for operation in operations:
        results[operation.name] = {"label": operation.label, "bytes": prepare(operation, base_url)}
        for variant, (url, headers, graphql) in zip(VARIANTS, scenarios(operation), strict=True):
            key = f"{operation.name}/{variant}"
            plan_scenarios.append({"key": key, "url": url, "headers": headers, "graphql": graphql})
    plan = {
        "host": base_url,
        "users": config.LOAD_USERS,
        "seconds": config.LOAD_SECONDS / config.LOAD_ROUNDS,
        "rounds": config.LOAD_ROUNDS,
        "warmup": min(1.0, config.LOAD_SECONDS / config.LOAD_ROUNDS / 3),
        "scenarios": plan_scenarios,
    }
    plan_path, results_path = config.VAR_DIR / "load-plan.json", config.VAR_DIR / "load-results.json"
    plan_path.write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")
    out(
        f"read path: {len(plan_scenarios)} cells, {plan['rounds']} rounds of {plan['seconds']:g} s each, "
        f"{plan['users']} users"
    )
    script = config.BENCH_DIR / "load.py"
    subprocess.run([str(locust_python()), str(script), str(plan_path), str(results_path)], check=True)
    measured = json.loads(results_path.read_text(encoding="utf-8"))
    for key, figures in measured.items():
        name, variant = key.split("/")
        results[name][variant] = figures
    return results
