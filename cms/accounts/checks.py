"""``check --deploy``: a production whose texts only reach a log cannot sign anybody up by phone."""

from django.conf import settings
from django.core import checks

CONSOLE = "cms.accounts.sms.ConsoleBackend"


@checks.register(checks.Tags.security, deploy=True)
def sms_backend_sends(app_configs, **kwargs):
    if settings.SMS_BACKEND != CONSOLE:
        return []
    return [
        checks.Warning(
            "SMS_BACKEND is the console: sign-up and login codes are only logged, never sent.",
            hint="Set SMS_BACKEND to your provider's adapter (docs/deploy.md, Text messages).",
            id="yulan.W001",
        )
    ]
