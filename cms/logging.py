"""Structured logs and request ids.

Production writes one JSON object per line to stderr (``JsonFormatter``): ``time`` (UTC, ISO 8601),
``level``, ``logger``, ``message``, ``request_id`` when the line was written while serving a
request, and ``exception`` with the traceback when there is one. Nothing else of the record is
written: Django attaches the request object (with its cookies, user and address) to the records of
``django.request``; it never reaches the log.

``RequestIdMiddleware`` gives every request an id: the one nginx sent in ``X-Request-ID`` (see
deploy/nginx/yulan.conf) when it looks like one, else a new random one. It is sent back in the
response's ``X-Request-ID`` header and written with every log line of that request, so that an
error a person reports with the id can be found in the logs of nginx, gunicorn and Django.
"""

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

REQUEST_ID_HEADER = "X-Request-ID"
# nginx's $request_id is 32 hex digits; accept any short token of safe characters, nothing that
# could break a log line or smuggle text into it.
VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)


def current_request_id():
    return request_id_var.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every record (``record.request_id``, None outside requests)."""

    def filter(self, record):
        # django.request logs "Not Found: ..." after the middleware has returned; its record
        # carries the request itself.
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", None) or request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line; only the fields listed in the module docstring."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = (
            getattr(record, "request_id", None)
            or getattr(getattr(record, "request", None), "request_id", None)
            or request_id_var.get()
        )
        if request_id:
            entry["request_id"] = request_id
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.stack_info:
            entry["exception"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def json_logging(level="INFO"):
    """The LOGGING setting of production: everything to stderr as JSON lines."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "cms.logging.RequestIdFilter"}},
        "formatters": {"json": {"()": "cms.logging.JsonFormatter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own loggers propagate to the root; their default handlers (mail to admins,
            # plain-text console) are replaced so that every line is JSON and nothing is mailed.
            "django": {"handlers": ["console"], "level": level, "propagate": False},
            "django.server": {"handlers": ["console"], "level": level, "propagate": False},
        },
    }
