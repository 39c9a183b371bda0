"""/healthz: 200 when the database and the cache answer, 503 naming what failed (cms/health.py)."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError, connections

pytestmark = pytest.mark.django_db


def assert_never_cached(response):
    assert "no-store" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert_never_cached(response)


def test_needs_no_login_and_sets_no_cookie(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert not response.cookies


def test_head_works_and_writes_are_refused(client):
    assert client.head("/healthz").status_code == 200
    refused = client.post("/healthz")
    assert refused.status_code == 405
    assert_never_cached(refused)


def test_the_app_does_not_take_over_the_path(client):
    """Not the frontend's index.html, and /healthz/ is no client-side route either."""
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/healthz/").status_code == 404


def failing_cursor(*args, **kwargs):
    raise OperationalError("connection to server at 10.0.0.5 failed: secret detail")


def test_database_down(client, caplog):
    with mock.patch.object(connections["default"], "cursor", side_effect=failing_cursor):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok", "failed": ["database"]}
    assert_never_cached(response)
    # The reason is logged, not shown.
    assert b"secret detail" not in response.content
    assert "secret detail" in caplog.text


def test_database_answers_nonsense(client):
    cursor = mock.MagicMock()
    cursor.__enter__.return_value.fetchone.return_value = None
    with mock.patch.object(connections["default"], "cursor", return_value=cursor):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database"]


def test_cache_down(client):
    with mock.patch.object(cache, "set", side_effect=ConnectionError("Error 111 connecting to redis")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error", "failed": ["cache"]}
    assert_never_cached(response)
    assert b"redis" not in response.content


def test_cache_that_loses_what_was_written(client):
    with mock.patch.object(cache, "get", return_value=None):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]


def test_both_down(client):
    with (
        mock.patch.object(connections["default"], "cursor", side_effect=failing_cursor),
        mock.patch.object(cache, "get", side_effect=TimeoutError("Timeout reading from socket")),
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["failed"] == ["database", "cache"]
    assert body["database"] == body["cache"] == "error"


def test_redis_down_for_real(client, settings):
    """The production cache backend (django-redis) pointed at a port where nothing listens."""
    from django.core.cache import caches

    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    try:
        response = client.get("/healthz")
    finally:
        caches["default"].close()
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]
