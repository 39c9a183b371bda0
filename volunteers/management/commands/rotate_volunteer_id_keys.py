"""Re-encrypt every volunteer's ID number with the first of VOLUNTEER_ID_KEYS (docs/volunteers.md)."""

from django.core.management.base import BaseCommand

from volunteers.identity import rotate_id_keys


class Command(BaseCommand):
    help = "Re-encrypt and re-hash volunteers' ID numbers with the first key of VOLUNTEER_ID_KEYS."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size, **options):
        count = rotate_id_keys(batch_size=batch_size)
        self.stdout.write(f"Re-encrypted {count} ID numbers with the current key.")
