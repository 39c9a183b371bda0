"""``manage.py load_demo``: the demo content of Yulan, from the federation's own 2020 review.

Idempotent: run it as often as you like. See ``home/demo/seed_data.py`` for the content and
``home/demo/loader.py`` for how it is loaded.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.accounts import mfa
from events.demo import load_demo_events
from home.demo.loader import (
    ADMIN_PASSWORD_ENV,
    DemoLoader,
    admin_password_file,
    ensure_demo_authenticator,
    quiet_logging,
)
from volunteers.demo import load_demo_volunteers


class Command(BaseCommand):
    help = "Load (or refresh) the demo content: pages, snippets, images, site settings and a demo admin."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create or refresh the demo admin."
        )

    def handle(self, *args, no_admin=False, verbosity=1, **options):
        loader = DemoLoader()
        with quiet_logging():
            login = loader.load(admin=not no_admin)
            events = load_demo_events()
            volunteers, seconds = load_demo_volunteers(admin=login[0] if login else None)
            accounts = [login[0], *volunteers.logins.values()] if login else []
            for account in accounts:
                if mfa.required_for(account):
                    ensure_demo_authenticator(account)
        if verbosity < 1:
            return
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded in {loader.elapsed:.1f} s."))
        for line in loader.stats.lines():
            self.stdout.write(line)
        self.stdout.write(f"  events: {len(events)} (with sessions, questions and demo registrations)")
        self.stdout.write(
            f"  volunteers: {len(volunteers.volunteers)} in {len(volunteers.teams)} teams, "
            f"with shifts and service records ({seconds:.1f} s)"
        )
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write("")
        self.stdout.write(f"  Site:     {base}/")
        self.stdout.write(f"  Admin:    {base}/admin/")
        self.stdout.write(f"  GraphQL:  {base}/graphql/")
        if login:
            user, password, source = login
            where = {
                "env": f"from ${ADMIN_PASSWORD_ENV}",
                "file": f"stored in {admin_password_file()}",
                "new": f"new, stored in {admin_password_file()}",
            }[source]
            self.stdout.write(f"  Login:    {user.username} ({user.email}) / {password}  ({where})")
            for role, account in volunteers.logins.items():
                self.stdout.write(f"            {account.email} ({role}), the same password")
            self.stdout.write("  Two-step: the admin and organizers are asked for a code: `make demo-code`")
