"""Django serves the built frontend: index.html for every client-side route, hashed assets
cached for a year, Django's own paths left alone, a clear page while nothing is built."""

import re

import pytest
from django.urls import reverse

from cms.whitenoise import VITE_ASSET, FrontendWhiteNoiseMiddleware

INDEX = (
    '<!doctype html><html><body><div id="app"></div>'
    '<script src="/assets/index-AbC12_-z.js"></script></body></html>'
)


@pytest.fixture
def built(tmp_path, settings):
    (tmp_path / "index.html").write_text(INDEX)
    settings.FRONTEND_DIST = tmp_path
    return tmp_path


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/events/12",
        "/events/12/register",
        "/classes/tea-art/",
        "/account/login",
        "/preview",
        "/tickets/",
    ],
)
def test_client_side_routes_get_the_app(client, built, path):
    response = client.get(path, {"token": "x"} if path == "/preview" else {})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response.content.decode() == INDEX
    assert "no-cache" in response["Cache-Control"]
    assert "csrftoken" in response.cookies  # before the app's first POST


@pytest.mark.parametrize(
    "path", ["/assets/index-missing0.js", "/favicon.ico", "/events/999999.ics", "/robots.txt", "/media/x.jpg"]
)
def test_files_that_do_not_exist_are_404_not_the_app(client, built, db, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/admin/login/", "/graphql/", "/_allauth/browser/v1/config"])
def test_djangos_own_paths_are_not_the_app(client, built, db, path):
    response = client.get(path)
    assert response.content.decode() != INDEX


def test_without_a_build_a_page_says_how_to_build_it(client, tmp_path, settings):
    settings.FRONTEND_DIST = tmp_path / "missing"
    response = client.get("/events/12")
    assert response.status_code == 503
    html = response.content.decode()
    assert "npm run build" in html and "/admin/" in html
    # its stylesheet is allowed by the Content-Security-Policy through a nonce
    nonce = re.search(r'<style nonce="([^"]+)">', html).group(1)
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_wagtail_computes_page_urls_as_frontend_paths():
    assert reverse("wagtail_serve", args=("classes/tea-art/",)) == "/classes/tea-art/"
    assert reverse("wagtail_serve", args=("",)) == "/"


@pytest.mark.parametrize(
    ("url", "immutable"),
    [
        ("/assets/index-BAoBuRCL.js", True),
        ("/assets/EventView-CACc8nE0.js.br", True),
        ("/assets/index-Cbb8MW4l.css.gz", True),
        ("/assets/QueryState--ydl58h_.js", True),
        ("/favicon.svg", False),
        ("/index.html", False),
        ("/assets/logo.svg", False),
    ],
)
def test_vite_hashed_assets_are_immutable(url, immutable):
    assert bool(VITE_ASSET.match(url)) is immutable


def test_whitenoise_serves_the_build_with_long_cache_headers(tmp_path, settings):
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "index-BAoBuRCL.js").write_text("console.log(1)")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    settings.WHITENOISE_ROOT = tmp_path
    middleware = FrontendWhiteNoiseMiddleware(get_response=lambda request: None)
    assert middleware.files["/assets/index-BAoBuRCL.js"] is not None

    def headers(url):
        return dict(middleware.files[url].get_response("GET", {}).headers)

    assert "immutable" in headers("/assets/index-BAoBuRCL.js")["Cache-Control"]
    assert "immutable" not in headers("/favicon.svg").get("Cache-Control", "")
