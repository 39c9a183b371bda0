from django.conf import settings
from django.shortcuts import render


def frontend(request, path=""):
    """The public site's entry point: the frontend app owns every path not listed in urls.py.

    Until the frontend is built into this server this page tells visitors where the CMS admin
    and the GraphQL API are.
    """
    return render(request, "cms/frontend.html", {"path": path, "graphiql": settings.GRAPHIQL})
