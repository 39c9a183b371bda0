"""Production: `check --deploy` is clean, HTTPS and its headers, cache, media storage, logs, and the
files under deploy/ (gunicorn, systemd, nginx) fit the code. docs/deploy.md documents them.

Production settings are loaded in fresh interpreters with the environment production needs.
"""

import json
import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"

# Variables of this run that must not leak into the production interpreters.
SCRUBBED = re.compile(
    r"^(SECRET_KEY|DATABASE_URL|REDIS_URL|MEDIA_STORAGE|CORS_ALLOWED_ORIGINS|CSRF_TRUSTED_ORIGINS|"
    r"ALLOWED_HOSTS|EMAIL_HOST|DEFAULT_FROM_EMAIL|VOLUNTEER_ID_KEYS|DJANGO_SETTINGS_MODULE|DEBUG|"
    r"SECURE_.*|LOG_.*|AWS_.*|CSP_.*|GUNICORN_.*|WEB_CONCURRENCY|FRONTEND_URL|STATIC_ROOT|MEDIA_ROOT|SMS_.*)$"
)


@pytest.fixture
def production_env(tmp_path):
    env = {key: value for key, value in os.environ.items() if not SCRUBBED.match(key)}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="s" * 30 + "ecret-for-the-deploy-tests-only",
        VOLUNTEER_ID_KEYS=Fernet.generate_key().decode(),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        ALLOWED_HOSTS="yulan.example.cn,testserver",
        DEFAULT_FROM_EMAIL="玉兰 Yulan <noreply@yulan.example.cn>",
        SMS_BACKEND="cms.accounts.sms.FileBackend",  # stands for a provider's adapter
        YULAN_VAR_DIR=str(tmp_path / "var"),
    )
    return env


def run(args, env, **extra):
    return subprocess.run(args, cwd=ROOT, env={**env, **extra}, capture_output=True, text=True, timeout=120)


def run_django(code, env, **extra):
    """Run ``code`` after django.setup() under production settings; return its stdout as JSON."""
    script = "import json, django; django.setup()\n" + code
    result = run([sys.executable, "-c", script], env, **extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# manage.py check --deploy


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": "yulan-media",
            "AWS_S3_ENDPOINT_URL": "https://oss-cn-shanghai.aliyuncs.com",
            "CORS_ALLOWED_ORIGINS": "https://app.yulan.example.cn",
        },
    ],
    ids=["defaults", "redis-s3-cors"],
)
def test_check_deploy_reports_nothing(production_env, extra):
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env, **extra
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # silenced: allauth's warning that neither the phone nor the email is required (settings/base.py)
    assert "System check identified no issues (1 silenced)." in output


def test_check_deploy_flags_texts_that_are_only_logged(production_env):
    env = {**production_env, "SMS_BACKEND": "cms.accounts.sms.ConsoleBackend"}
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 1
    assert "(yulan.W001) SMS_BACKEND is the console" in result.stdout + result.stderr


# HTTPS and the security headers, through Django's test client under production settings.

HTTP_PROBE = """
from django.test import Client
c = Client()
plain_health = c.get("/healthz")
plain_app = c.get("/events/12")
proxied = c.get("/healthz", HTTP_X_FORWARDED_PROTO="https")
secure = c.get("/events/12", secure=True)
cookie = secure.cookies["csrftoken"]
print(json.dumps({
    "plain_health": plain_health.status_code,
    "plain_app": [plain_app.status_code, plain_app.get("Location")],
    "proxied": proxied.status_code,
    "headers": {k: secure.get(k) for k in (
        "Strict-Transport-Security", "X-Frame-Options", "Referrer-Policy", "X-Content-Type-Options",
        "Cross-Origin-Opener-Policy", "Content-Security-Policy")},
    "csrf_cookie": {key: cookie[key] for key in ("secure", "httponly", "samesite")},
    "session": [settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY],
}))
"""


def test_production_speaks_https_only_with_its_headers(production_env, tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>app</title>")
    result = run_django(
        "from django.conf import settings\n" + HTTP_PROBE, production_env, FRONTEND_DIST=str(tmp_path)
    )
    # A probe over plain HTTP on the app server itself still answers; everything else moves to HTTPS.
    assert result["plain_health"] == 200
    assert result["plain_app"] == [301, "https://testserver/events/12"]
    # nginx says the client came over HTTPS: no redirect.
    assert result["proxied"] == 200
    headers = result["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "script-src 'self';" in headers["Content-Security-Policy"] + ";"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    # The session cookie: HTTPS only, never readable by scripts. The CSRF cookie: HTTPS only, and
    # readable, since the app sends it back in X-CSRFToken.
    assert result["session"] == [True, True]
    assert result["csrf_cookie"] == {"secure": True, "httponly": "", "samesite": "Lax"}


def test_cors_origins_are_trusted_for_csrf_too(production_env):
    result = run_django(
        "from django.conf import settings\n"
        "print(json.dumps([settings.CORS_ALLOWED_ORIGINS, settings.CSRF_TRUSTED_ORIGINS,"
        " settings.CORS_ALLOW_CREDENTIALS]))",
        production_env,
        CORS_ALLOWED_ORIGINS="http://192.168.1.20:5173, https://app.yulan.example.cn",
        CSRF_TRUSTED_ORIGINS="https://yulan.example.cn",
    )
    cors, trusted, credentials = result
    assert cors == ["http://192.168.1.20:5173", "https://app.yulan.example.cn"]
    assert trusted == ["https://yulan.example.cn", *cors]
    assert credentials is True


# Cache: Redis by REDIS_URL in production; local memory in dev and test.

CACHE_PROBE = "from django.conf import settings\nprint(json.dumps(settings.CACHES['default']))"


def test_production_uses_redis_when_redis_url_is_set(production_env):
    cache = run_django(CACHE_PROBE, production_env, REDIS_URL="redis://:pw@cache.internal:6379/2")
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://:pw@cache.internal:6379/2"
    assert cache["OPTIONS"]["SOCKET_TIMEOUT"] <= 5


def test_production_without_redis_keeps_a_local_cache(production_env):
    cache = run_django(CACHE_PROBE, production_env)
    assert cache["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_dev_and_test_keep_the_local_memory_cache(production_env):
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    cache = run_django(
        CACHE_PROBE, production_env, DJANGO_SETTINGS_MODULE="cms.settings.dev", REDIS_URL="redis://x:6379/0"
    )
    assert cache["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis server: set REDIS_URL")
def test_production_cache_talks_to_redis(production_env):
    result = run_django(
        "from django.core.cache import caches\n"
        "cache = caches['default']\n"
        "cache.set('deploy-test', {'n': 1}, 5)\n"
        "print(json.dumps([cache.get('deploy-test'), type(cache).__module__]))",
        production_env,
        REDIS_URL=os.environ["REDIS_URL"],
    )
    assert result == [{"n": 1}, "django_redis.cache"]


# Media storage: local disk, or S3-compatible by setting; the policy lets its images in.

STORAGE_PROBE = """
from django.conf import settings
from django.core.files.storage import storages
default_storage = storages["default"]
print(json.dumps({
    "class": type(default_storage).__module__ + "." + type(default_storage).__name__,
    "url": default_storage.url("images/photo.fill-320x320.webp"),
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "admin_img_src": dict(settings.CSP_PATH_POLICIES)["^/admin/"]["img-src"],
}))
"""


def origin_of(url):
    return re.match(r"^https?://[^/]+", url).group(0)


def test_media_on_local_disk_by_default(production_env):
    result = run_django(STORAGE_PROBE, production_env)
    assert result["class"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert result["url"] == "/media/images/photo.fill-320x320.webp"
    assert result["img_src"] == ["'self'", "data:", "blob:"]


def test_media_on_s3_behind_a_cdn_domain(production_env):
    result = run_django(
        STORAGE_PROBE,
        production_env,
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="yulan-media",
        AWS_S3_CUSTOM_DOMAIN="media.yulan.example.cn",
        AWS_ACCESS_KEY_ID="AKIDEXAMPLE",
        AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    )
    assert result["class"] == "storages.backends.s3.S3Storage"
    assert result["url"] == "https://media.yulan.example.cn/media/images/photo.fill-320x320.webp"
    assert origin_of(result["url"]) in result["img_src"]
    assert origin_of(result["url"]) in result["admin_img_src"]


@pytest.mark.parametrize("addressing", ["path", "virtual"])
def test_media_on_an_s3_compatible_endpoint(production_env, addressing):
    """Aliyun OSS, Tencent COS, MinIO...: signed URLs from the endpoint, in the policy either way."""
    result = run_django(
        STORAGE_PROBE,
        production_env,
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="yulan-media",
        AWS_S3_ENDPOINT_URL="https://oss-cn-shanghai.aliyuncs.com",
        AWS_S3_ADDRESSING_STYLE=addressing,
        AWS_ACCESS_KEY_ID="AKIDEXAMPLE",
        AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    )
    assert result["class"] == "storages.backends.s3.S3Storage"
    assert "photo.fill-320x320.webp?" in result["url"]
    assert "Signature" in result["url"]
    assert origin_of(result["url"]) in result["img_src"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "AWS_STORAGE_BUCKET_NAME"),
        ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE"),
    ],
)
def test_media_storage_misconfigured_refuses_to_start(production_env, extra, message):
    result = run([sys.executable, "-c", "import django; django.setup()"], production_env, **extra)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


# Logs


def test_production_logs_are_json_lines(production_env):
    result = run(
        [
            sys.executable,
            "-c",
            "import django, logging; django.setup(); "
            "logging.getLogger('events.tasks').warning('Reminder mail failed for registration %s', 42); "
            "logging.getLogger('django.request').error('Internal Server Error: /graphql/')",
        ],
        production_env,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    entries = [json.loads(line) for line in lines]
    assert [(e["level"], e["logger"], e["message"]) for e in entries] == [
        ("WARNING", "events.tasks", "Reminder mail failed for registration 42"),
        ("ERROR", "django.request", "Internal Server Error: /graphql/"),
    ]


# deploy/: gunicorn, systemd, nginx


def test_gunicorn_configuration_loads_the_app(production_env):
    gunicorn = Path(sys.executable).parent / "gunicorn"
    result = run([str(gunicorn), "-c", "deploy/gunicorn.conf.py", "--check-config"], production_env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_gunicorn_configuration(monkeypatch):
    for name in ("GUNICORN_BIND", "WEB_CONCURRENCY", "GUNICORN_CONTROL_SOCKET", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    conf = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert conf["wsgi_app"] == "cms.wsgi:application"
    assert conf["bind"] == ["127.0.0.1:8000"]
    assert conf["workers"] >= 3
    # Only nginx on this host may say the request came over HTTPS.
    assert conf["forwarded_allow_ips"] == "127.0.0.1,::1"
    # Two instances on one machine must not fight over ~/.gunicorn/gunicorn.ctl.
    assert conf["control_socket_disable"] is True
    # Access lines: no client address, no query string (tokens), but the request id.
    log_format = conf["access_log_format"]
    assert "%(h)s" not in log_format and "%(q)s" not in log_format and "%(r)s" not in log_format
    assert "%({x-request-id}o)s" in log_format
    assert conf["logconfig_dict"]["formatters"]["json"]["()"] == "cms.logging.JsonFormatter"


def read_unit(name):
    """{section: {key: value}}; a key given more than once (Environment=) has its values joined."""
    sections = {}
    current = None
    for line in (DEPLOY / "systemd" / name).read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        current[key] = f"{current[key]}\n{value}" if key in current else value
    return sections


def test_systemd_web_unit_runs_gunicorn_with_the_configuration():
    unit = read_unit("yulan-web.service")
    service = unit["Service"]
    assert "gunicorn -c /srv/yulan/deploy/gunicorn.conf.py" in service["ExecStart"]
    assert service["EnvironmentFile"] == "/etc/yulan/yulan.env"
    assert "DJANGO_SETTINGS_MODULE=cms.settings.production" in service["Environment"]
    assert service["User"] == "yulan"
    assert service["NoNewPrivileges"] == "yes"


def manage_command(exec_start):
    match = re.search(r"manage\.py (\S+)", exec_start)
    assert match, exec_start
    return match.group(1)


def test_systemd_worker_unit_runs_the_task_worker():
    service = read_unit("yulan-worker.service")["Service"]
    assert manage_command(service["ExecStart"]) == "db_worker"
    assert get_commands()["db_worker"] == "django_tasks_db"
    assert "--no-reload" in service["ExecStart"]
    assert service["Restart"] == "always"
    assert "DJANGO_SETTINGS_MODULE=cms.settings.production" in service["Environment"]


@pytest.mark.parametrize(
    ("name", "command", "calendar"),
    [("publish-scheduled", "publish_scheduled", "*:*:00"), ("reminders", "send_reminders", "*:0/10:00")],
)
def test_systemd_timers_run_existing_commands(name, command, calendar):
    service = read_unit(f"yulan-{name}.service")["Service"]
    assert manage_command(service["ExecStart"]) == command
    assert command in get_commands()
    assert service["Type"] == "oneshot"
    timer = read_unit(f"yulan-{name}.timer")["Timer"]
    assert timer["OnCalendar"] == calendar


NGINX = (DEPLOY / "nginx" / "yulan.conf").read_text()


def nginx_location(prefix):
    """The body of the HTTPS server's ``location <prefix>`` block."""
    https_server = NGINX[NGINX.index("listen 443") :]
    match = re.search(r"location " + re.escape(prefix) + r" \{(.*?)\n    \}", https_server, re.S)
    assert match, prefix
    return match.group(1)


def test_nginx_proxies_with_the_headers_django_trusts():
    app = nginx_location("/")
    assert "proxy_pass http://yulan_app;" in app
    # SECURE_PROXY_SSL_HEADER is X-Forwarded-Proto; the request id ends up in every log line.
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in app
    assert "proxy_set_header Host $host;" in app
    assert "proxy_set_header X-Request-ID $request_id;" in app
    assert "server 127.0.0.1:8000;" in NGINX  # where gunicorn.conf.py binds


def test_nginx_serves_media_and_keeps_private_files_private():
    media = nginx_location("/media/")
    assert f"alias {Path('/var/lib/yulan/media')}/;" in media
    assert "sandbox" in media and "nosniff" in media
    # Documents go through Django, which checks collection privacy.
    assert "return 404;" in nginx_location("^~ /media/documents/")


def test_nginx_tls_uploads_and_compression():
    assert "listen 443 ssl" in NGINX
    assert "ssl_protocols TLSv1.2 TLSv1.3;" in NGINX
    assert "return 301 https://$host$request_uri;" in NGINX
    assert re.search(r"client_max_body_size \d+m;", NGINX)
    # whitenoise sends precompressed files; nginx compresses nothing.
    assert re.search(r"^\s*gzip off;", NGINX, re.M)
    assert not re.search(r"^\s*gzip on;", NGINX, re.M)


@pytest.mark.skipif(not (shutil.which("nginx") and shutil.which("openssl")), reason="nginx is not installed")
def test_nginx_accepts_the_configuration(tmp_path):
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (
        NGINX.replace("/etc/letsencrypt/live/yulan.example.cn/fullchain.pem", str(tmp_path / "cert.pem"))
        .replace("/etc/letsencrypt/live/yulan.example.cn/privkey.pem", str(tmp_path / "key.pem"))
        .replace("/var/log/nginx/", f"{tmp_path}/")
    )
    (tmp_path / "yulan.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log {tmp_path}/access.log;\n  include {tmp_path}/yulan.conf;\n}}\n"
    )
    result = subprocess.run(
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


# docs/deploy.md


def test_every_production_variable_is_documented():
    docs = (ROOT / "docs" / "deploy.md").read_text()
    sources = [ROOT / "cms" / "settings" / "production.py", DEPLOY / "gunicorn.conf.py"]
    names = set()
    for source in sources:
        names |= set(re.findall(r"""os\.environ(?:\.get)?[\(\[]["']([A-Z0-9_]+)["']""", source.read_text()))
        names |= set(re.findall(r"""env_(?:bool|list)\(["']([A-Z0-9_]+)["']""", source.read_text()))
    assert names >= {
        "REDIS_URL",
        "MEDIA_STORAGE",
        "SECURE_HSTS_SECONDS",
        "WEB_CONCURRENCY",
        "SECRET_KEY_FALLBACKS",
    }
    missing = sorted(name for name in names if f"`{name}`" not in docs)
    assert missing == []


def test_backup_and_restore_are_documented():
    docs = (ROOT / "docs" / "deploy.md").read_text()
    for needle in (
        "pg_dump",
        "pg_restore",
        "/var/lib/yulan/media",
        "VOLUNTEER_ID_KEYS",
        "rotate_volunteer_id_keys",
    ):
        assert needle in docs, needle
