from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.csrf import ensure_csrf_cookie

_index_cache = {}


def _built_index():
    """The built app's index.html (frontend/dist by default), or None before the first build.

    Read once per process unless DEBUG, when a rebuild shows at the next request.
    """
    path = Path(settings.FRONTEND_DIST) / "index.html"
    if not settings.DEBUG and path in _index_cache:
        return _index_cache[path]
    try:
        html = path.read_bytes()
    except FileNotFoundError:
        html = None
    if not settings.DEBUG and html is not None:
        _index_cache[path] = html
    return html


@ensure_csrf_cookie
def frontend(request, path=""):
    """The public site's entry point: the frontend app owns every path not listed in urls.py.

    Serves the built app's index.html for every client-side route (its hashed assets are served
    by whitenoise from the same directory), never cached so that a new build shows at once.
    The CSRF cookie is set here, before the app's first POST. Without a build, a page says
    where the admin and the API are and how to build the app, with status 503.
    """
    html = _built_index()
    if html is None:
        response = render(
            request, "cms/frontend.html", {"path": path, "graphiql": settings.GRAPHIQL}, status=503
        )
    else:
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
    add_never_cache_headers(response)
    return response


def csrf_failure(request, reason=""):
    """A refused cross-site POST: JSON for API clients, Django's page for everyone else."""
    if request.path.startswith("/graphql/"):
        error = {"message": "CSRF verification failed.", "extensions": {"code": "CSRF_FAILED"}}
        return JsonResponse({"errors": [error]}, status=403)
    return django_csrf_failure(request, reason=reason)
