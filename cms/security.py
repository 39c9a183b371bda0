"""Content-Security-Policy per path, and who may frame what.

The strict policy (``CONTENT_SECURITY_POLICY``, django-csp 4) is the frontend app's: its scripts and
styles come only from this origin, no inline code, nothing framed. Paths that need something else
get a policy of their own from ``CSP_PATH_POLICIES`` (a list of ``(regex, directives)``, first match
wins): the Wagtail admin (its templates still carry inline scripts and styles), the public
certificate check (an inline stylesheet). A view decorated with django-csp's ``csp_override`` keeps
its own policy. When GraphiQL is on, its page at ``/graphql/`` gets ``CSP_GRAPHIQL_DIRECTIVES``
(it loads from a CDN and has an inline script); the JSON answers there keep the strict policy.

Framing: ``X_FRAME_OPTIONS = "DENY"`` and ``frame-ancestors 'none'`` everywhere, except the paths
in ``FRAMEABLE_PATHS``: the frontend's ``/preview`` route, shown inside the admin's preview panel,
gets ``SAMEORIGIN`` and ``frame-ancestors 'self'`` (Wagtail's own preview views set SAMEORIGIN
themselves and the admin's policy allows 'self').
"""

import re

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def _matches(patterns, path):
    return any(re.match(pattern, path) for pattern in patterns)


def _is_html(response):
    return response.get("Content-Type", "").startswith("text/html")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        path = request.path_info
        if parts.config is None:
            directives = self.directives_for(path, response)
            if directives is not None:
                parts.config = default_config(directives)
        if _matches(getattr(settings, "FRAMEABLE_PATHS", ()), path):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts

    @staticmethod
    def directives_for(path, response):
        if getattr(settings, "GRAPHIQL", False) and path == "/graphql/" and _is_html(response):
            return settings.CSP_GRAPHIQL_DIRECTIVES
        for pattern, directives in getattr(settings, "CSP_PATH_POLICIES", ()):
            if re.match(pattern, path):
                return directives
        return None


class FrameablePathsMiddleware:
    """X-Frame-Options: SAMEORIGIN for ``FRAMEABLE_PATHS``. Listed after Django's
    XFrameOptionsMiddleware, so that it sees the response first and Django's keeps its header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _matches(getattr(settings, "FRAMEABLE_PATHS", ()), request.path_info):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
