"""Rate limits on the mutations that create things for the public (registrations, applications,
shift sign-ups): so many attempts per person and per client address in a window.

Counters live in the default cache, which production points at Redis so that every app server
counts together. A window is fixed (the count resets when it ends): simple, one cache key per
person or address, and good enough against scripts hammering an endpoint. The client address
is allauth's (``ALLAUTH_TRUSTED_PROXY_COUNT`` / ``ALLAUTH_TRUSTED_CLIENT_IP_HEADER`` behind a
proxy), so that the login and sign-up limits of allauth and these count the same address.

Limits are ``settings.MUTATION_RATE_LIMITS``: ``{action: {"user": "30/h", "ip": "120/h"}}``,
a count per second (s), minute (m), hour (h) or day (d).
"""

import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext as _

from cms.errors import fail

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class RateLimitErrorCode(models.TextChoices):
    RATE_LIMITED = "RATE_LIMITED", "Too many attempts from this person or address; try again later."


def parse_rate(rate):
    """``"30/h"`` -> ``(30, 3600)``."""
    count, _slash, period = rate.partition("/")
    return int(count), PERIODS[period]


def _within(key, rate, now):
    count, seconds = parse_rate(rate)
    window = int(now // seconds)
    cache_key = f"ratelimit:{key}:{seconds}:{window}"
    cache.add(cache_key, 0, timeout=seconds + 1)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add and incr: this is the first attempt
        used = 1
        cache.set(cache_key, used, timeout=seconds + 1)
    return used <= count


def check(request, action):
    """Count one attempt at ``action``; refuse with RATE_LIMITED when a limit is used up."""
    limits = settings.MUTATION_RATE_LIMITS[action]
    now = time.time()
    subjects = {"ip": get_adapter(request).get_client_ip(request)}
    if request.user.is_authenticated:
        subjects["user"] = request.user.pk
    # Every limit counts the attempt (no short-circuit), so that a refused burst still costs.
    allowed = [
        _within(f"{action}:{kind}:{subject}", limits[kind], now)
        for kind, subject in subjects.items()
        if kind in limits
    ]
    if not all(allowed):
        fail(RateLimitErrorCode.RATE_LIMITED, _("Too many attempts. Please wait a while and try again."))
