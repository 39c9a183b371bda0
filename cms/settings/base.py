"""Settings shared by every environment.

Everything that differs between machines comes from the environment; the README lists
each variable. ``dev``, ``test`` and ``production`` import this module and override.
"""

import os
from decimal import Decimal
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("YULAN_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"

INSTALLED_APPS = [
    "cms",
    "cms.accounts",
    "home",
    "events",
    "volunteers",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "graphene_django",
    "allauth",
    "allauth.account",
    "allauth.headless",
    "allauth.mfa",
    "csp",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "cms.logging.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "cms.whitenoise.FrontendWhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.security.FrameablePathsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cms.accounts.mfa.StaffMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: embedded SQLite unless DATABASE_URL says otherwise. On SQLite, IMMEDIATE
# transactions take the write lock at BEGIN, so concurrent writers queue on the busy
# timeout instead of failing halfway with "database is locked"; WAL lets readers run
# while one writer writes.
SQLITE_PATH = VAR_DIR / "db.sqlite3"
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{SQLITE_PATH}", conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0"))
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA busy_timeout=20000;"
            "PRAGMA foreign_keys=ON;"
        ),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: Chinese first, English second.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "玉兰 Yulan")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# Static files and uploads. whitenoise serves static files and the built frontend.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The frontend app (frontend/, docs/frontend.md), built by `make run` into FRONTEND_DIST.
# whitenoise serves its files from the site root (hashed /assets/* cached for a year, see
# cms/whitenoise.py); cms.views.frontend answers every client-side route with its index.html.
FRONTEND_DIST = Path(os.environ.get("FRONTEND_DIST", BASE_DIR / "frontend" / "dist"))
WHITENOISE_ROOT = FRONTEND_DIST

# Search: Wagtail's database backend over jieba-segmented fields (see home/search.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Background work (mail, reminders) runs as django-tasks; production runs `manage.py db_worker`.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Reminders: mailed to confirmed registrants this many hours before an event's first session
# (events/management/commands/send_reminders.py, run every 10 minutes by cron or a timer).
EVENT_REMINDER_HOURS = int(os.environ.get("EVENT_REMINDER_HOURS", "24"))
# Companions' details and answers of registrations are erased this many days after the event's
# last session (manage.py purge_registration_details, daily).
EVENT_DETAILS_RETENTION_DAYS = int(os.environ.get("EVENT_DETAILS_RETENTION_DAYS", "365"))

# Volunteers (docs/volunteers.md). ID numbers are encrypted with Fernet keys: the first key
# encrypts, every key decrypts (prepend a new key, run `manage.py rotate_volunteer_id_keys`, then
# drop the old one). Unset: a key derived from SECRET_KEY (dev and test only; production refuses).
VOLUNTEER_ID_KEYS = env_list("VOLUNTEER_ID_KEYS")
VOLUNTEER_HOURS_STEP = Decimal(os.environ.get("VOLUNTEER_HOURS_STEP", "0.5"))
VOLUNTEER_STAR_THRESHOLDS = [100, 300, 600, 1000, 1500]

# Mail.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "玉兰 Yulan <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend writes mails to files here instead.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
# Seconds before a stuck SMTP server fails the send instead of holding a worker forever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))

# Accounts: allauth, used by the frontend through the headless browser client. People sign up
# with a mobile phone number, verified by an SMS code, or an email address (the sign-up form wants
# one of them; a password is optional), and sign in by either, with a code or a password. allauth
# would abort the sign-in of accounts without a phone number (staff made by createsuperuser, older
# accounts) were the phone required, hence its warning that neither is.
ACCOUNT_LOGIN_METHODS = {"phone", "email"}
ACCOUNT_SIGNUP_FIELDS = ["phone", "email", "password1"]
SILENCED_SYSTEM_CHECKS = ["account.W001"]
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
# Codes by text and mail: six digits, as people in China are used to typing them.
ALLAUTH_USER_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
PHONE_DEFAULT_REGION = os.environ.get("PHONE_DEFAULT_REGION", "CN")
# Text messages (cms/accounts/sms.py): the console in development; a provider adapter in production.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "cms.accounts.sms.ConsoleBackend")
# SMS_BACKEND=cms.accounts.sms.FileBackend appends the messages here instead (the browser tests).
SMS_FILE_PATH = os.environ.get("SMS_FILE_PATH", str(VAR_DIR / "sms.jsonl"))
# People never see or type a username, but User.username is NOT NULL UNIQUE (Django's admin
# tooling and createsuperuser rely on it), so allauth generates a unique one from the email.
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_UNIQUE_EMAIL = True
# An email address is optional, so its verification can only be "optional" (by a mailed link), and
# notifications go only to verified addresses (events.notifications.recipient_of).
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[玉兰] "
ACCOUNT_ADAPTER = "cms.accounts.adapter.AccountAdapter"
# The privacy notice accepted at sign-up, recorded (cms/accounts/forms.py).
ACCOUNT_SIGNUP_FORM_CLASS = "cms.accounts.forms.SignupConsentForm"
ACCOUNT_USER_DISPLAY = str  # User.__str__: the display name or the email, never the generated username
HEADLESS_ONLY = True
# Two-step verification (cms/accounts/mfa.py): an authenticator app's codes, with recovery codes.
# Staff and organizers must have passed it in their session before the admin or an organizer
# mutation; an installation may switch that off (STAFF_MFA_REQUIRED=0), never by default.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "玉兰 Yulan"
# allauth refuses an authenticator while an email address is unverified; the phone may be the
# verified way in, and the email an optional contact.
MFA_ALLOW_UNVERIFIED_EMAIL = True
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", True)
HEADLESS_CLIENTS = ("browser",)
FRONTEND_URL = os.environ.get("FRONTEND_URL", "http://127.0.0.1:8000").rstrip("/")
HEADLESS_FRONTEND_URLS = {
    "account_confirm_email": f"{FRONTEND_URL}/account/verify-email/{{key}}",
    "account_reset_password": f"{FRONTEND_URL}/account/reset-password",  # in "account exists" mails
    "account_reset_password_from_key": f"{FRONTEND_URL}/account/reset-password/{{key}}",
    "account_signup": f"{FRONTEND_URL}/account/signup",
}

# GraphQL.
GRAPHENE = {"SCHEMA": "cms.schema.schema"}
GRAPHQL_MAX_DEPTH = int(os.environ.get("GRAPHQL_MAX_DEPTH", "10"))
GRAPHQL_MAX_ALIASES = int(os.environ.get("GRAPHQL_MAX_ALIASES", "30"))
GRAPHQL_MAX_COST = int(os.environ.get("GRAPHQL_MAX_COST", "5000"))
GRAPHQL_MAX_PAGE_SIZE = 100
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", True)
# Trusted documents (cms/graphql/trusted.py): the operations of the frontend build, by id. Other
# documents are taken only when GRAPHQL_ARBITRARY_DOCUMENTS is on, or from staff.
GRAPHQL_TRUSTED_DOCUMENTS = Path(
    os.environ.get("GRAPHQL_TRUSTED_DOCUMENTS", FRONTEND_DIST / ".vite" / "trusted-documents.json")
)
GRAPHQL_ARBITRARY_DOCUMENTS = env_bool("GRAPHQL_ARBITRARY_DOCUMENTS", True)
GRAPHIQL = env_bool("GRAPHIQL", False)
# Anonymous queries are answered from the cache for this many seconds (cms/graphql/public_cache.py);
# content changes show at once, seat counts within this time; 0 turns it off.
GRAPHQL_PUBLIC_CACHE_SECONDS = int(os.environ.get("GRAPHQL_PUBLIC_CACHE_SECONDS", "5"))

# Headless preview: the admin's Preview opens the frontend with a signed token.
PREVIEW_TOKEN_MAX_AGE = int(os.environ.get("PREVIEW_TOKEN_MAX_AGE", str(60 * 60)))

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def origin(url):
    """``https://host:port`` of a URL, or None for a relative one."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}" if rest else None


# Web security (cms/security.py, docs/deploy.md). Content-Security-Policy by django-csp: the strict
# policy is the frontend app's (Vite's module scripts and stylesheets from /assets/, Vant's icon
# font as a data: URI, images from this origin or the media storage's, API calls to /graphql/ and
# /_allauth/ on this origin); the admin and the certificate check get their own (CSP_PATH_POLICIES).
CSP_MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS")  # more origins images may come from


def content_security_policies(media_origins=(), frame_origins=()):
    """(CONTENT_SECURITY_POLICY, CSP_PATH_POLICIES) for images from ``media_origins`` and an admin
    preview panel that may show ``frame_origins``."""
    images = [SELF, "data:", "blob:", *media_origins]
    app = {
        "default-src": [NONE],
        "script-src": [SELF],
        # NONCE: only pages that use it get one (the no-build page's <style nonce>); the app has none.
        "style-src": [SELF, NONCE],
        "img-src": images,
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
    }
    # Wagtail 8's admin templates still carry inline <script> and style="" (date pickers, inline
    # panels, listings) without nonces: 'unsafe-inline' for the admin only. The preview panel frames
    # the frontend's /preview route.
    admin = {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": images,
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF, "blob:", *media_origins],
        "worker-src": [SELF, "blob:"],
        "frame-src": [SELF, *frame_origins],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
    }
    # The public certificate check (volunteers/verify.html) has an inline stylesheet; scripts stay strict.
    certificate_check = {**app, "style-src": [SELF, UNSAFE_INLINE]}
    return {"DIRECTIVES": app}, [(r"^/admin/", admin), (r"^/volunteers/verify/", certificate_check)]


CONTENT_SECURITY_POLICY, CSP_PATH_POLICIES = content_security_policies(
    CSP_MEDIA_ORIGINS, [o for o in [origin(FRONTEND_URL)] if o]
)
# GraphiQL's page (when GRAPHIQL is on) loads React and GraphiQL from jsDelivr, with an inline script.
CSP_GRAPHIQL_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE, "https://cdn.jsdelivr.net"],
    "style-src": [SELF, UNSAFE_INLINE, "https://cdn.jsdelivr.net"],
    "img-src": [SELF, "data:", "https://cdn.jsdelivr.net"],
    "font-src": [SELF, "data:", "https://cdn.jsdelivr.net"],
    "connect-src": [SELF],
    "base-uri": [NONE],
    "frame-ancestors": [NONE],
    "object-src": [NONE],
}
# Nothing is framed (X-Frame-Options: DENY, frame-ancestors 'none') but the frontend's /preview
# route, which the admin's preview panel shows (SAMEORIGIN, frame-ancestors 'self').
X_FRAME_OPTIONS = "DENY"
FRAMEABLE_PATHS = [r"^/preview/?$"]
# The admin asks nobody else for anything: no Gravatar (it would send a hash of each editor's email
# and is blocked by the policy), no update check against releases.wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# CORS (django-cors-headers): the frontend app is served from this origin and needs none. Origins
# listed in CORS_ALLOWED_ORIGINS (e.g. `npm run dev` on another host: http://192.168.1.20:5173) may
# call the API with credentials (the session cookie); nobody else gets any CORS header. They are
# trusted for CSRF too, since they post with the session.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_ALLOW_CREDENTIALS = True
CORS_URLS_REGEX = r"^/(graphql|_allauth)/"
CSRF_TRUSTED_ORIGINS = [*CSRF_TRUSTED_ORIGINS, *CORS_ALLOWED_ORIGINS]

# Attempts per signed-in person and per client address (cms/ratelimit.py); allauth limits logins,
# sign-ups and codes itself (ACCOUNT_RATE_LIMITS).
MUTATION_RATE_LIMITS = {
    "register_for_event": {"user": "30/h", "ip": "300/h"},
    "apply_as_volunteer": {"user": "10/h", "ip": "60/h"},
    "sign_up_for_shift": {"user": "30/h", "ip": "300/h"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
