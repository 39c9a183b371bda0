"""Settings of the benchmark: production's, on the dedicated PostgreSQL database and Redis db 14.

Production refuses to start without real secrets; the benchmark holds no secret worth keeping, so
it derives fixed ones here before production's checks run. Anything the environment already sets
wins. What differs from production, and why:

- plain HTTP on a local port (no TLS redirect, no proxy in front: the client address is the
  socket's), and ``testserver`` is allowed for the query counts through Django's test client;
- any GraphQL document is taken, so that the harness may change page sizes;
- registrations are limited per person as in production but not per address: the burst sends
  1,000 people's registrations from one address;
- Wagtail's REST API v2 and a "ceiling" view are mounted beside the app (bench/urls.py), and a
  request may ask to miss every cache (bench/middleware.py).
"""

import base64
import hashlib
import os

from bench import config

_derived = hashlib.sha256(b"yulan-bench-only").digest()
for name, value in {
    "SECRET_KEY": "yulan-bench-" + _derived.hex(),
    "VOLUNTEER_ID_KEYS": base64.urlsafe_b64encode(_derived).decode(),
    "DATABASE_URL": config.database_url(),
    "REDIS_URL": config.REDIS_URL,
    "CACHE_KEY_PREFIX": "yulan-bench",
    "CONN_MAX_AGE": "60",  # deploy/yulan.env.example
    "SECURE_SSL_REDIRECT": "0",
    "ALLAUTH_TRUSTED_PROXY_COUNT": "0",
    "GRAPHQL_ARBITRARY_DOCUMENTS": "1",
    "MEDIA_ROOT": str(config.VAR_DIR / "media"),
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    "LOG_FORMAT": "text",
    "LOG_LEVEL": "WARNING",
}.items():
    os.environ.setdefault(name, value)

from cms.settings.production import *  # noqa: E402, F403
from cms.settings.production import INSTALLED_APPS, MIDDLEWARE, MUTATION_RATE_LIMITS  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0

INSTALLED_APPS = [*INSTALLED_APPS, "bench", "wagtail.api.v2", "rest_framework"]
MIDDLEWARE = ["bench.middleware.CacheBypassMiddleware", *MIDDLEWARE]
ROOT_URLCONF = "bench.urls"

MUTATION_RATE_LIMITS = {
    action: {kind: rate for kind, rate in limits.items() if kind != "ip"}
    for action, limits in MUTATION_RATE_LIMITS.items()
}
