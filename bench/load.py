"""Closed-loop HTTP load with locust, one scenario at a time: ``python load.py PLAN RESULTS``.

Runs in the load generator's virtualenv (bench/loadtool.py), not in Django. PLAN is JSON:
``{"host", "users", "seconds", "rounds", "warmup", "scenarios": [{"key", "url", "headers", "graphql"}]}``.
First every scenario runs for half a second, unmeasured, so that the server's workers are warm.
Then, ``rounds`` times over all scenarios in turn, ``users`` users request a scenario's URL back
to back (no think time) for ``warmup`` seconds, which are not counted, then for ``seconds``; the
round with the median requests per second is the scenario's figure. A response is a failure when
its status is not 200, or for GraphQL when it carries ``errors``. RESULTS gets, per key,
requests per second, failures and latency percentiles in milliseconds, and each round's rate.
"""

import json
import sys
import time

import gevent
from locust import FastHttpUser, constant, task
from locust.env import Environment

PERCENTILES = {"p50": 0.50, "p95": 0.95, "p99": 0.99}
WARM_UP_SECONDS = 0.5


def reader(host, scenario):
    class Reader(FastHttpUser):
        wait_time = constant(0)

        @task
        def read(self):
            with self.client.get(
                scenario["url"], headers=scenario["headers"], name="read", catch_response=True
            ) as response:
                if response.status_code != 200:
                    response.failure(f"HTTP {response.status_code}")
                elif scenario["graphql"] and b'"errors":' in (response.content or b""):
                    response.failure("GraphQL errors")

    Reader.host = host
    return Reader


def measure(plan, scenario):
    environment = Environment(user_classes=[reader(plan["host"], scenario)])
    runner = environment.create_local_runner()
    runner.start(plan["users"], spawn_rate=plan["users"])
    gevent.sleep(plan["warmup"])
    environment.stats.reset_all()
    started = time.monotonic()
    gevent.sleep(plan["seconds"])
    total = environment.stats.total
    elapsed = time.monotonic() - started
    result = {
        "requests": total.num_requests,
        "failures": total.num_failures,
        "rps": total.num_requests / elapsed,
        **{name: total.get_response_time_percentile(q) for name, q in PERCENTILES.items()},
        "errors": sorted({str(error.error) for error in environment.stats.errors.values()})[:3],
    }
    runner.quit()
    return result


def warm_up(plan):
    """Every URL under load for a moment, unmeasured, before the first measurement: each server
    worker loads what it loads lazily (the Chinese dictionary, templates, connections, parsed
    documents) here rather than in the first scenario's figures."""
    for scenario in plan["scenarios"]:
        environment = Environment(user_classes=[reader(plan["host"], scenario)])
        runner = environment.create_local_runner()
        runner.start(plan["users"], spawn_rate=plan["users"])
        gevent.sleep(WARM_UP_SECONDS)
        runner.quit()


def main(plan_path, results_path):
    with open(plan_path, encoding="utf-8") as file:
        plan = json.load(file)
    warm_up(plan)
    rounds = {scenario["key"]: [] for scenario in plan["scenarios"]}
    for number in range(1, plan["rounds"] + 1):
        for scenario in plan["scenarios"]:
            line = measure(plan, scenario)
            rounds[scenario["key"]].append(line)
            figures = f"{line['rps']:8.1f} req/s  p95 {line['p95']:6.0f} ms"
            print(f"  {number}: {scenario['key']:<28} {figures}", flush=True)
    results = {key: median_round(measured) for key, measured in rounds.items()}
    with open(results_path, "w", encoding="utf-8") as file:
        json.dump(results, file, indent=1)


def median_round(measured):
    """The round with the median requests per second, with every round's figure beside it."""
    ordered = sorted(measured, key=lambda line: line["rps"])
    return {**ordered[len(ordered) // 2], "rounds_rps": [line["rps"] for line in measured]}


if __name__ == "__main__":
    main(*sys.argv[1:3])
