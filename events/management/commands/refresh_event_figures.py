"""Recompute every event's figures (seats taken, waitlist, first and last session) from its rows.

The services and the session signals keep the figures current (events/figures.py); this is for
after data was changed behind their back: a restore, a bulk import, a manual fix in SQL.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from events import figures


class Command(BaseCommand):
    help = "Recompute the seats, waitlist and session dates that event lists show."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = figures.refresh_all()
        self.stdout.write(f"{count} event figures refreshed.")
