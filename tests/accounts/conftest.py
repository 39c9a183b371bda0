import json
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from tests.conftest import GRAPHQL_RESPONSE

API = "/_allauth/browser/v1"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts attempts in the cache; a test must not inherit the previous test's."""
    cache.clear()


class Browser:
    """The frontend in a browser: session cookie, CSRF enforced, token read from the cookie."""

    def __init__(self):
        self.client = Client(enforce_csrf_checks=True)
        # The SPA's first call: it answers 401 (nobody signed in) and sets the csrftoken cookie.
        assert self.get("/auth/session").status_code == 401

    def _csrf(self):
        """Read afresh each time: signing in rotates the token."""
        return {"HTTP_X_CSRFTOKEN": self.client.cookies["csrftoken"].value}

    def get(self, path):
        return self.client.get(API + path)

    def post(self, path, data, **headers):
        return self.client.post(
            API + path, json.dumps(data), content_type="application/json", **self._csrf(), **headers
        )

    def delete(self, path):
        return self.client.delete(API + path, **self._csrf())

    def graphql(self, query):
        return self.client.post(
            "/graphql/",
            json.dumps({"query": query}),
            content_type="application/json",
            HTTP_ACCEPT=GRAPHQL_RESPONSE,
            **self._csrf(),
        )


@pytest.fixture
def browser(db):
    return Browser()


def last_code():
    """The code in the latest mail: allauth puts it on a line of its own."""
    return re.search(r"^\s*([A-Z0-9-]{6,})\s*$", mail.outbox[-1].body, re.MULTILINE).group(1)
