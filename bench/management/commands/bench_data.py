"""``manage.py bench_data [--force]`` (with bench.settings): the benchmark's database, built or reused."""

from django.core.management.base import BaseCommand

from bench import config
from bench.data.build import ensure


class Command(BaseCommand):
    help = "Build the benchmark's PostgreSQL database at BENCH_SCALE, or reuse it when it is there."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Rebuild even if the data is there.")
        parser.add_argument("--scale", type=float, default=config.SCALE, help="Default: BENCH_SCALE or 1.")

    def handle(self, *args, force=False, scale=None, **options):
        ensure(scale, force=force, out=self.stdout.write)
