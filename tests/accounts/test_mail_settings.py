"""Mail settings: a sender that mail servers accept, and no send that hangs forever."""

from django.core.mail import get_connection


def test_smtp_sends_time_out():
    assert get_connection("django.core.mail.backends.smtp.EmailBackend").timeout == 20
