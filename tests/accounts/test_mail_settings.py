"""Mail settings: a sender that mail servers accept, and no send that hangs forever."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.mail import get_connection


def import_production(**env):
    inherited = {k: v for k, v in os.environ.items() if k not in {"EMAIL_HOST", "DEFAULT_FROM_EMAIL"}}
    return subprocess.run(
        [sys.executable, "-c", "import cms.settings.production"],
        cwd=settings.BASE_DIR,
        env={**inherited, "SECRET_KEY": "p" * 50, **env},
        capture_output=True,
        text=True,
    )


def test_production_with_a_mail_server_requires_a_sender_address():
    result = import_production(EMAIL_HOST="smtp.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured: Set DEFAULT_FROM_EMAIL" in result.stderr


def test_production_with_a_mail_server_and_a_sender_starts():
    result = import_production(
        EMAIL_HOST="smtp.example.org", DEFAULT_FROM_EMAIL="玉兰 Yulan <noreply@example.org>"
    )
    assert result.returncode == 0, result.stderr


def test_smtp_sends_time_out():
    assert get_connection("django.core.mail.backends.smtp.EmailBackend").timeout == 20
