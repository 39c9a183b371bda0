"""Content-Security-Policy per path, framing, CORS and request ids (cms/security.py, cms/logging.py).

The policies are the ones every environment gets (cms/settings/base.py); production adds HTTPS on
top (tests/cms/test_deploy.py).
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from cms.settings.base import content_security_policies

ROOT = Path(__file__).resolve().parents[2]
APP_ORIGIN = "http://192.168.1.20:5173"


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def built_app(tmp_path, settings):
    """A stand-in for frontend/dist, so that the app's index is served whatever was built."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><script type="module" src="/assets/index-abcdefgh.js"></script>'
    )
    settings.FRONTEND_DIST = tmp_path
    from cms import views

    views._index_cache.clear()
    yield tmp_path
    views._index_cache.clear()


def test_the_app_gets_the_strict_policy(client, built_app):
    response = client.get("/events/12")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]
    # Vant's icon font is a data: URI in the CSS; images may be data: too (QR codes).
    assert csp["font-src"] == ["'self'", "data:"]
    assert set(csp["img-src"]) >= {"'self'", "data:"}
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_preview_route_may_be_framed_by_the_admin_only(client, built_app):
    """The admin's preview panel shows the app's /preview route in an iframe of the same origin."""
    response = client.get("/preview", {"token": "abc"})
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    csp = policy(response)
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    # Only that route: its look-alikes stay unframeable.
    for path in ("/previews", "/preview/other", "/events/preview"):
        other = client.get(path)
        assert other["X-Frame-Options"] == "DENY", path
        assert policy(other)["frame-ancestors"] == ["'none'"], path


def test_the_app_index_has_no_inline_code():
    """The strict policy holds because Vite's template has no inline script or style: only the
    module entry (built into /assets/) and stylesheet links."""

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.inline = []
            self.current = None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if "style" in attrs or any(name.startswith("on") for name in attrs):
                self.inline.append((tag, attrs))
            if tag in ("script", "style"):
                self.current = (tag, attrs)

        def handle_data(self, data):
            if self.current and data.strip():
                self.inline.append(self.current)

        def handle_endtag(self, tag):
            self.current = None

    parser = Collect()
    parser.feed((ROOT / "frontend" / "index.html").read_text())
    assert parser.inline == []
    built = ROOT / "frontend" / "dist" / "index.html"
    if built.exists():
        parser = Collect()
        parser.feed(built.read_text())
        assert parser.inline == []


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    csp = policy(response)
    # Wagtail 8's templates carry inline scripts and styles without nonces.
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["object-src"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    # The preview panel frames the frontend; the admin itself is framed only by itself.
    frontend_origin = re.match(r"^https?://[^/]+", settings.FRONTEND_URL).group(0)
    assert csp["frame-src"] == ["'self'", frontend_origin]
    assert csp["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_certificate_check_may_style_inline_but_not_script(client, db):
    response = client.get("/volunteers/verify/ZYFW-0000-000000/")
    assert response.status_code == 404  # an unknown number: the page says so
    csp = policy(response)
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]


GRAPHQL = {"query": "{ __typename }"}


def test_api_answers_get_the_strict_policy(client):
    response = client.get("/graphql/", GRAPHQL, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert policy(response)["script-src"] == ["'self'"]


@override_settings(GRAPHIQL=True)
def test_graphiql_page_gets_its_policy_when_enabled(client):
    page = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    csp = policy(page)
    assert "https://cdn.jsdelivr.net" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'none'"]
    # Its JSON answers keep the strict one.
    answer = client.get("/graphql/", GRAPHQL, HTTP_ACCEPT="application/json")
    assert policy(answer)["script-src"] == ["'self'"]


def test_graphiql_policy_is_not_used_when_graphiql_is_off(client, settings):
    settings.GRAPHIQL = False
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert "cdn.jsdelivr.net" not in response.get("Content-Security-Policy", "")


def test_images_may_come_from_the_media_storage():
    app, paths = content_security_policies(["https://cdn.example.cn"], ["https://app.example.cn"])
    assert "https://cdn.example.cn" in app["DIRECTIVES"]["img-src"]
    admin = dict(paths)[r"^/admin/"]
    assert "https://cdn.example.cn" in admin["img-src"]
    assert admin["frame-src"] == ["'self'", "https://app.example.cn"]
    assert "https://cdn.example.cn" not in app["DIRECTIVES"]["script-src"]


# CORS: the app is same-origin; only the configured origins get CORS headers, with credentials.


def preflight(client, path, origin):
    return client.options(
        path,
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type, x-csrftoken",
    )


def test_no_cors_by_default(client):
    assert settings.CORS_ALLOWED_ORIGINS == []
    response = preflight(client, "/graphql/", APP_ORIGIN)
    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Credentials" not in response
    get = client.get("/graphql/", GRAPHQL, HTTP_ORIGIN=APP_ORIGIN, HTTP_ACCEPT="application/json")
    assert "Access-Control-Allow-Origin" not in get


@override_settings(CORS_ALLOWED_ORIGINS=[APP_ORIGIN])
@pytest.mark.parametrize("path", ["/graphql/", "/_allauth/browser/v1/auth/session"])
def test_a_configured_origin_may_call_the_api_with_credentials(client, path):
    response = preflight(client, path, APP_ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == APP_ORIGIN
    assert response["Access-Control-Allow-Credentials"] == "true"
    assert "x-csrftoken" in response["Access-Control-Allow-Headers"]
    assert "POST" in response["Access-Control-Allow-Methods"]


@override_settings(CORS_ALLOWED_ORIGINS=[APP_ORIGIN])
def test_an_actual_request_from_a_configured_origin_is_allowed(client):
    response = client.get("/graphql/", GRAPHQL, HTTP_ORIGIN=APP_ORIGIN, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == APP_ORIGIN
    assert response["Access-Control-Allow-Credentials"] == "true"


@override_settings(CORS_ALLOWED_ORIGINS=[APP_ORIGIN])
@pytest.mark.parametrize("origin", ["https://evil.example", "http://192.168.1.20:5174", "null"])
def test_other_origins_get_no_cors_headers(client, origin):
    response = preflight(client, "/graphql/", origin)
    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Credentials" not in response


@override_settings(CORS_ALLOWED_ORIGINS=[APP_ORIGIN])
def test_cors_covers_the_api_only(client, db):
    response = preflight(client, "/admin/login/", APP_ORIGIN)
    assert "Access-Control-Allow-Origin" not in response


# Request ids.


def test_every_response_has_a_request_id(client, db):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


def test_the_proxy_request_id_is_kept(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="0123456789abcdef0123456789abcdef")
    assert response["X-Request-ID"] == "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize(
    "bad", ["short", "x" * 65, "abc def ghi jkl", "abcdefgh\nforged: line", "<script>xx"]
)
def test_a_malformed_request_id_is_replaced(client, db, bad):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=bad)
    assert response["X-Request-ID"] != bad
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
