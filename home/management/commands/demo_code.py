"""``manage.py demo_code [login]``: the current two-step code of a demo account (DEBUG only).

Staff and organizers must pass two-step verification; the demo gives their accounts an
authenticator (``load_demo``) so that trying the admin needs no phone app.
"""

import time

from allauth.mfa.app_settings import TOTP_PERIOD
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from home.demo.loader import ADMIN_USERNAME


class Command(BaseCommand):
    help = "Print the current two-step verification code of a demo account (only with DEBUG on)."

    def add_arguments(self, parser):
        parser.add_argument("login", nargs="?", default=ADMIN_USERNAME, help="username or email (admin)")

    def handle(self, *args, login, **options):
        if not settings.DEBUG:
            raise CommandError("demo_code is for the demo only: it runs with DEBUG on.")
        user = get_user_model().objects.filter(Q(username=login) | Q(email__iexact=login)).first()
        authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if authenticator is None:
            raise CommandError(f"{login} has no authenticator: run `manage.py load_demo` first.")
        secret = decrypt(authenticator.data["secret"])
        self.stdout.write(format_hotp_value(hotp_value(secret, int(time.time()) // TOTP_PERIOD)))
