from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.views.csrf import csrf_failure as django_csrf_failure


def frontend(request, path=""):
    """The public site's entry point: the frontend app owns every path not listed in urls.py.

    Until the frontend is built into this server this page tells visitors where the CMS admin
    and the GraphQL API are.
    """
    return render(request, "cms/frontend.html", {"path": path, "graphiql": settings.GRAPHIQL})


def csrf_failure(request, reason=""):
    """A refused cross-site POST: JSON for API clients, Django's page for everyone else."""
    if request.path.startswith("/graphql/"):
        error = {"message": "CSRF verification failed.", "extensions": {"code": "CSRF_FAILED"}}
        return JsonResponse({"errors": [error]}, status=403)
    return django_csrf_failure(request, reason=reason)
