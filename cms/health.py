"""``/healthz``: is this server able to serve? For load balancers, systemd and monitoring.

Checks the database (``SELECT 1``) and the cache (a write and a read back). Both answer: 200 with
``{"status": "ok", "database": "ok", "cache": "ok"}``. Anything fails: 503 with the failing
check set to ``"error"`` and listed in ``"failed"``; the reason goes to the log, never to the
response. No authentication, never cached, GET and HEAD only.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not return 1")


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return what was written")
    finally:
        cache.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


@never_cache
@require_safe
def healthz(request):
    body = {}
    failed = []
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("Health check failed: %s", name)
            body[name] = "error"
            failed.append(name)
        else:
            body[name] = "ok"
    if failed:
        return JsonResponse({"status": "error", **body, "failed": failed}, status=503)
    return JsonResponse({"status": "ok", **body})
