"""The ceiling: a plain Django view answering a payload captured beforehand.

For each read operation the harness stores the GraphQL response body under ``VAR_DIR/ceiling``
before the load starts; this view answers those bytes unchanged. Same size, same middleware, no
work: what this stack can serve at best for that response.
"""

import re

from django.http import Http404, HttpResponse

from bench import config

CEILING_DIR = config.VAR_DIR / "ceiling"
_payloads = {}


def payload_path(name):
    return CEILING_DIR / f"{name}.json"


def ceiling(request, name):
    if not re.fullmatch(r"[a-z0-9_-]+", name):
        raise Http404
    if name not in _payloads:
        try:
            _payloads[name] = payload_path(name).read_bytes()
        except OSError:
            raise Http404 from None
    return HttpResponse(_payloads[name], content_type="application/json; charset=utf-8")
