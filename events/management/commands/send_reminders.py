"""Mail the reminders that are due; safe to run as often as you like."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import Notification
from events.notifications import queue_reminders

REQUEUE_WINDOW = datetime.timedelta(minutes=60)


class Command(BaseCommand):
    help = (
        "Remind every confirmed registrant of a published event whose first session starts within "
        "EVENT_REMINDER_HOURS (default 24) and has not started yet. Each registration gets one "
        "reminder however often this runs, so run it every 10 minutes: in production from cron "
        "(*/10 * * * * cd /srv/yulan && .venv/bin/python manage.py send_reminders) or a systemd "
        "timer (OnCalendar=*:0/10) beside `manage.py db_worker`, which sends the queued mails. "
        "It also re-queues the notifications created 10 to 70 minutes ago whose delivery was never "
        "attempted (an enqueue lost in a crash right after the commit); a delivery that runs twice "
        "sends once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=None,
            help="Override EVENT_REMINDER_HOURS for this run.",
        )
        parser.add_argument(
            "--requeue-after",
            type=int,
            default=10,
            metavar="MINUTES",
            help=(
                "Re-queue notifications created between MINUTES and MINUTES + 60 ago and never "
                "attempted (default 10; 0: off)."
            ),
        )

    def handle(self, *args, hours=None, requeue_after=10, verbosity=1, **options):
        from events.tasks import deliver_notification

        hours = settings.EVENT_REMINDER_HOURS if hours is None else hours
        created = queue_reminders(hours=hours)
        requeued = 0
        if requeue_after > 0:
            # A bounded window, so that a worker that is merely down does not get each of its
            # queued deliveries again on every run.
            newest = timezone.now() - datetime.timedelta(minutes=requeue_after)
            stalled = Notification.objects.filter(
                sent_at__isnull=True,
                attempts=0,
                created_at__lt=newest,
                created_at__gte=newest - REQUEUE_WINDOW,
            ).values_list("pk", flat=True)
            for pk in list(stalled):
                deliver_notification.enqueue(pk)
                requeued += 1
        if verbosity:
            self.stdout.write(
                f"Reminders queued: {created} (within {hours} h); deliveries re-queued: {requeued}."
            )
