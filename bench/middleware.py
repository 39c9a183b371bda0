"""``X-Bench-Uncached: 1`` makes a request miss every Django cache, whatever caches the app adds.

The benchmark reports public reads twice: uncached (every request computed) and cached (the same
requests repeated, so that any response cache the app keeps answers them). Flushing the cache
before each request would race with the other workers, who refill it in between; instead each
such request gets its own key prefix on every configured cache, so nothing it reads was written
by another request. The prefix is restored afterwards; keys written meanwhile are left to expire
(the benchmark flushes its Redis database when it starts).
"""

import uuid

from django.conf import settings
from django.core.cache import caches

HEADER = "X-Bench-Uncached"
UNCACHED = {HEADER: "1"}  # the headers of a request that must miss every cache


class CacheBypassMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.headers.get(HEADER) != "1":
            return self.get_response(request)
        saved = {alias: caches[alias].key_prefix for alias in settings.CACHES}
        unique = uuid.uuid4().hex
        for alias, prefix in saved.items():
            caches[alias].key_prefix = f"{prefix}:uncached:{unique}"
        try:
            return self.get_response(request)
        finally:
            for alias, prefix in saved.items():
                caches[alias].key_prefix = prefix
