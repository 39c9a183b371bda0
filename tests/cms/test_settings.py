"""Configuration comes from the environment; production refuses an unsafe one."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def run_python(code, **env):
    """Run ``code`` in a fresh interpreter without this run's SECRET_KEY and DATABASE_URL."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL", "EMAIL_HOST", "DEFAULT_FROM_EMAIL", "VOLUNTEER_ID_KEYS"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def load_settings(module, **env):
    """Import a settings module in a fresh interpreter; return (exit code, output)."""
    code = (
        f"import importlib, json; s = importlib.import_module('cms.settings.{module}'); "
        "db = s.DATABASES['default']; "
        "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']),"
        " 'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS}))"
    )
    result = run_python(code, **env)
    return result.returncode, result.stdout + result.stderr


VALID_FERNET_KEY = "x" * 43 + "="


@pytest.mark.parametrize("secret", [None, "", "dev-only-insecure-key", "short"])
def test_production_refuses_to_start_without_a_real_secret_key(secret):
    env = {} if secret is None else {"SECRET_KEY": secret}
    code, output = load_settings("production", **env)
    assert code != 0
    assert "ImproperlyConfigured" in output and "SECRET_KEY" in output


def test_production_starts_with_a_real_key_and_reads_the_environment():
    code, output = load_settings(
        "production",
        SECRET_KEY="k" * 50,
        DATABASE_URL="postgres://yulan:pw@db.internal:5432/yulan",
        ALLOWED_HOSTS="yulan.example.cn, www.yulan.example.cn",
        DEFAULT_FROM_EMAIL="玉兰 <noreply@yulan.example.cn>",
        VOLUNTEER_ID_KEYS=VALID_FERNET_KEY,
    )
    assert code == 0, output
    assert '"engine": "django.db.backends.postgresql"' in output
    assert '"debug": false' in output
    assert '"hosts": ["yulan.example.cn", "www.yulan.example.cn"]' in output


def test_production_refuses_to_start_without_keys_for_id_numbers():
    code, output = load_settings("production", SECRET_KEY="k" * 50)
    assert code != 0
    assert "VOLUNTEER_ID_KEYS" in output


PRODUCTION = {"SECRET_KEY": "p" * 50, "VOLUNTEER_ID_KEYS": VALID_FERNET_KEY}


def test_production_with_a_mail_server_requires_a_sender_address():
    code, output = load_settings("production", EMAIL_HOST="smtp.example.org", **PRODUCTION)
    assert code != 0
    assert "ImproperlyConfigured: Set DEFAULT_FROM_EMAIL" in output


def test_production_with_a_mail_server_and_a_sender_starts():
    code, output = load_settings(
        "production",
        EMAIL_HOST="smtp.example.org",
        DEFAULT_FROM_EMAIL="玉兰 Yulan <noreply@example.org>",
        **PRODUCTION,
    )
    assert code == 0, output


def test_dev_defaults_to_embedded_sqlite():
    code, output = load_settings("dev", YULAN_VAR_DIR="/tmp/yulan-settings-test")
    assert code == 0, output
    assert '"engine": "django.db.backends.sqlite3"' in output
    assert "/tmp/yulan-settings-test/db.sqlite3" in output


def test_chinese_first_in_shanghai():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert [code for code, _name in settings.LANGUAGES] == ["zh-hans", "en"]
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.WAGTAIL_I18N_ENABLED


def test_embedded_sqlite_is_configured_for_concurrent_writers(tmp_path):
    """Checked in a fresh process on the default database, whatever this run's database is."""
    code = (
        "import django; django.setup(); from django.db import connection; c = connection.cursor(); "
        "print(connection.settings_dict['OPTIONS']['transaction_mode']); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0]); "
        "print(c.execute('PRAGMA busy_timeout').fetchone()[0])"
    )
    result = run_python(code, YULAN_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="cms.settings.dev")
    assert result.returncode == 0, result.stderr
    mode, journal, timeout = result.stdout.split()
    assert (mode, journal) == ("IMMEDIATE", "wal")
    assert int(timeout) >= 5000
