"""``manage.py create_random_data``: many plausible rows for scale tests and benchmarks.

    manage.py create_random_data --classes 500 --campaigns 100 --articles 200 \
        --honours 300 --venues 64 --seed 1

Adds to the demo tree (creating the home page and its sections if missing). See
``home/demo/random_data.py``.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo.loader import quiet_logging
from home.demo.random_data import RandomData


class Command(BaseCommand):
    help = "Create random but plausible classes, campaigns, articles, honour recipients and venues."

    def add_arguments(self, parser):
        parser.add_argument("--classes", type=int, default=20, help="Class pages to add (default 20).")
        parser.add_argument("--campaigns", type=int, default=10, help="Campaign pages to add (default 10).")
        parser.add_argument("--articles", type=int, default=10, help="Article pages to add (default 10).")
        parser.add_argument("--honours", type=int, default=20, help="Honour recipients to add (default 20).")
        parser.add_argument("--venues", type=int, default=10, help="Venues to add (default 10).")
        parser.add_argument("--seed", type=int, default=None, help="Random seed, for repeatable data.")

    def handle(self, *args, verbosity=1, **options):
        started = time.monotonic()
        self.verbosity = verbosity
        generator = RandomData(seed_value=options["seed"], progress=self.progress)
        with quiet_logging():
            generator.prepare()
            with transaction.atomic():
                generator.venues(max(options["venues"], 0))
                generator.honours(max(options["honours"], 0))
            # Pages in their own transactions: one per section keeps SQLite's write lock short.
            for section in ("classes", "campaigns", "articles"):
                with transaction.atomic():
                    getattr(generator, section)(max(options[section], 0))
        if verbosity >= 1:
            elapsed = time.monotonic() - started
            self.stdout.write(self.style.SUCCESS(f"Random data created in {elapsed:.1f} s."))

    def progress(self, label, done, total):
        if self.verbosity >= 1 and total:
            ending = "\n" if done == total else "\r"
            self.stdout.write(f"  {label}: {done}/{total}", ending=ending)
            self.stdout.flush()
