"""Erase what registrants told about others once the event is long over (PIPL art. 19: kept no
longer than needed): companions' names and ages and the answers to the event's questions.

The registrations themselves stay (who came, party sizes, attendance) for the organizers'
statistics; a person's own name and phone go only when they delete their account.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Max, Q
from django.utils import timezone

from events.models import Registration


def purge_registration_details(days):
    """Blank companions and answers of registrations for events whose last session ended more than
    ``days`` days ago; the number of registrations changed."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    old = Registration.objects.alias(last_end=Max("event__sessions__ends_at")).filter(last_end__lt=cutoff)
    holding = old.filter(~Q(companions=[]) | ~Q(answers={}))
    return Registration.objects.filter(pk__in=list(holding.values_list("pk", flat=True))).update(
        companions=[], answers={}
    )


class Command(BaseCommand):
    help = (
        "Erase companions' details and answers of registrations for events that ended more than "
        "EVENT_DETAILS_RETENTION_DAYS (default 365) days ago. Safe to run daily "
        "(deploy/systemd/yulan-purge-details.timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the retention for this run.")

    def handle(self, *args, days=None, verbosity=1, **options):
        days = settings.EVENT_DETAILS_RETENTION_DAYS if days is None else days
        changed = purge_registration_details(days)
        if verbosity:
            self.stdout.write(
                f"Registrations erased of companions and answers: {changed} (older than {days} days)."
            )
