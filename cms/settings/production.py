"""Production: PostgreSQL through DATABASE_URL, a real SECRET_KEY, HTTPS."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

if not SECRET_KEY or SECRET_KEY.startswith(("dev-", "test-", "django-insecure")) or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random string of at least 40 characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

if "EMAIL_HOST" in os.environ and "DEFAULT_FROM_EMAIL" not in os.environ:
    raise ImproperlyConfigured(
        "Set DEFAULT_FROM_EMAIL to the address that sign-up and login codes are mailed from, "
        "e.g. '玉兰 Yulan <noreply@example.org>': mail servers refuse the @localhost default."
    )

if not os.environ.get("VOLUNTEER_ID_KEYS", "").strip():
    raise ImproperlyConfigured(
        "Set VOLUNTEER_ID_KEYS to one or more comma-separated Fernet keys that encrypt volunteers' "
        "ID numbers (make one with: python -c 'from cryptography.fernet import Fernet; "
        "print(Fernet.generate_key().decode())'); the first encrypts, "
        "all decrypt. See docs/volunteers.md on rotating them."
    )

DEBUG = env_bool("DEBUG", False)
GRAPHIQL = env_bool("GRAPHIQL", False)
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", False)
GRAPHQL_ARBITRARY_DOCUMENTS = env_bool("GRAPHQL_ARBITRARY_DOCUMENTS", False)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
