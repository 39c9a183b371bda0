"""``manage.py bench`` (with bench.settings; ``make bench``): every benchmark, then bench/RESULTS.md.

In order: the data (built or reused, bench/data/build.py), the read path under gunicorn with
2 workers, the registration burst under gunicorn with 4 workers, the query counts and the scale
queries in this process, the frontend's first load. The figures also go to
``var/bench/results.json``.
"""

import json
import time

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management.base import BaseCommand

from bench import burst, config, frontend_size, query_counts, read_path, report, scale_queries
from bench.data.build import ensure
from bench.operations import personal_operations, read_operations
from bench.server import gunicorn

ORGANIZER = "demo-organizer"  # the city federation's organizer of the demo: every unit


class Command(BaseCommand):
    help = "Run the benchmarks at BENCH_SCALE and write bench/RESULTS.md."

    def add_arguments(self, parser):
        parser.add_argument("--force-data", action="store_true", help="Rebuild the data even if it is there.")

    def handle(self, *args, force_data=False, **options):
        started = time.monotonic()
        out = self.stdout.write
        results = {"data": ensure(config.SCALE, force=force_data, out=out), "machine": report.machine()}
        for alias in caches:
            caches[alias].clear()
        operations = read_operations()
        with gunicorn(config.READ_WORKERS) as url:
            results["read"] = read_path.run(operations, url, out=out)
        with gunicorn(config.BURST_WORKERS):
            results["burst"] = burst.run(out=out)
        User = get_user_model()
        heavy = User.objects.get(pk=results["data"]["heavy_user_id"])
        organizer = User.objects.get(username=ORGANIZER)
        personal = personal_operations(results["burst"]["event_id"])
        users = dict(zip([operation.name for operation in personal], [heavy, heavy, organizer], strict=True))
        results["counts"] = query_counts.run([*operations, *personal], users, out=out)
        events = next(operation for operation in operations if operation.name == "events")
        cases = [(events, None), *((operation, users[operation.name]) for operation in personal)]
        results["scale"] = scale_queries.run(cases, out=out)
        results["frontend"] = frontend_size.run(out=out)
        results["seconds"] = time.monotonic() - started
        (config.VAR_DIR / "results.json").write_text(
            json.dumps(results, indent=1, default=str), encoding="utf-8"
        )
        out(f"bench: {results['seconds'] / 60:.1f} minutes; results in {report.write(results)}")
