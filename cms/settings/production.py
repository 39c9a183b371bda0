"""Production: PostgreSQL through DATABASE_URL, a real SECRET_KEY, HTTPS.

Redis for the cache when REDIS_URL is set, media on local disk or S3-compatible storage
(MEDIA_STORAGE), JSON log lines. docs/deploy.md lists every variable.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from cms.logging import json_logging

from .base import *  # noqa: F403
from .base import (
    CSP_MEDIA_ORIGINS,
    DATABASES,
    FRONTEND_URL,
    SECRET_KEY,
    STORAGES,
    content_security_policies,
    env_bool,
    env_list,
    origin,
)

if not SECRET_KEY or SECRET_KEY.startswith(("dev-", "test-", "django-insecure")) or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random string of at least 40 characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

# Rotating SECRET_KEY: the new one in SECRET_KEY, the old ones here (comma-separated) until the
# sessions, password-reset codes and preview links signed with them have expired.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

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
# The client address for rate limits (allauth's and cms/ratelimit.py): behind one proxy (nginx,
# deploy/nginx) the last X-Forwarded-For entry is the one it added; 0 when nothing is in front.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", "1"))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading needs includeSubDomains and a year (both above) and a submission to hstspreload.org;
# the directive alone changes nothing until somebody submits the registered domain.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Load balancers and monitoring probe /healthz over plain HTTP on the app server itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_HTTPONLY = True
# The frontend reads the csrftoken cookie to send X-CSRFToken (allauth headless, /graphql/): it
# must stay readable by JavaScript. HttpOnly would protect nothing (Django's docs): a script that
# could read the cookie could as well send the request itself.
CSRF_COOKIE_HTTPONLY = False
# X_FRAME_OPTIONS ("DENY") and the Content-Security-Policy come from base.py (cms/security.py).

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer fails the request (and /healthz) within seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )

# The cache: Redis when REDIS_URL is set (shared by every app server: rate limits, Wagtail's
# caches); otherwise each process keeps its own in memory, fine for one server.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "yulan"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # Seconds: a Redis that hangs fails the request (and /healthz) instead of holding it.
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }

# Uploads (images, documents): MEDIA_ROOT on local disk, served by nginx at /media/, or an
# S3-compatible bucket (AWS S3, MinIO, Aliyun OSS, Tencent COS...) through django-storages. Its
# credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (boto3).
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local").strip().lower()
media_origins = list(CSP_MEDIA_ORIGINS)
if MEDIA_STORAGE == "s3":
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    endpoint_url = os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None
    custom_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None
    region = os.environ.get("AWS_S3_REGION_NAME", "").strip() or None
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": endpoint_url,
                "region_name": region,
                "custom_domain": custom_domain,
                # "virtual" (bucket.host/key, Aliyun OSS needs it) or "path" (host/bucket/key, MinIO).
                "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE", "").strip() or None,
                "location": os.environ.get("AWS_LOCATION", "media"),
                # Signed, expiring URLs unless the bucket (or its CDN domain) is public.
                "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", not custom_domain),
                "file_overwrite": False,
                "default_acl": None,
            },
        },
    }
    if custom_domain:
        media_origins.append(f"https://{custom_domain}")
    elif endpoint_url:
        host = endpoint_url.split("://", 1)[-1].split("/", 1)[0]
        media_origins += [origin(endpoint_url), f"https://{bucket}.{host}"]
    else:
        media_origins += [f"https://{bucket}.s3.amazonaws.com"]
        if region:
            media_origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE is either 'local' (the default) or 's3'.")

CONTENT_SECURITY_POLICY, CSP_PATH_POLICIES = content_security_policies(
    media_origins, [o for o in [origin(FRONTEND_URL)] if o]
)

# One JSON object per line on stderr (cms/logging.py); LOG_FORMAT=text for plain lines.
if os.environ.get("LOG_FORMAT", "json") == "json":
    LOGGING = json_logging(os.environ.get("LOG_LEVEL", "INFO"))
