"""Sending text messages: one small interface, the provider chosen by ``SMS_BACKEND``.

A provider adapter is a class with ``send(phone, message)`` (``phone`` in E.164, ``message`` the
whole text, already in the person's language) that raises ``SMSError`` when the provider refuses.
Point ``SMS_BACKEND`` at it; docs/deploy.md shows one for a Chinese provider's HTTP API. allauth
sends its codes through ``cms.accounts.adapter``, from a background task.
"""

import json
import logging
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# What the locmem backend sent, for tests (like django.core.mail.outbox).
outbox = []


class SMSError(Exception):
    """The provider did not take the message."""


class ConsoleBackend:
    """Development: the message is logged (and so printed by ``runserver``), nothing is sent."""

    def send(self, phone, message):
        logger.warning("SMS to %s: %s", phone, message)


class FileBackend:
    """Development and browser tests: one JSON line per message appended to ``SMS_FILE_PATH``."""

    def send(self, phone, message):
        path = Path(settings.SMS_FILE_PATH)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as file:
            file.write(json.dumps({"phone": phone, "message": message}, ensure_ascii=False) + "\n")


class LocmemBackend:
    """Tests: the message is kept in ``cms.accounts.sms.outbox``."""

    def send(self, phone, message):
        outbox.append({"phone": phone, "message": message})


def send_sms(phone, message):
    import_string(settings.SMS_BACKEND)().send(phone, message)
