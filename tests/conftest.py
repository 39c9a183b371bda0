"""Fixtures shared by every suite.

``REQUIRE_POSTGRES=1`` (set by CI for its second run) turns "this test needs PostgreSQL" from a
skip into a failure, so that a misconfigured CI cannot pass by skipping.

A test client's ``force_login`` signs in as if with the authenticator app's code too (staff and
organizers need one, cms/accounts/mfa.py); tests of that rule use ``force_login_without_mfa``.
"""

import json
import os
import time

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.internal.flows.login import _AUTHENTICATION_METHODS_USER_SESSION_KEY
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

REQUIRE_POSTGRES = os.environ.get("REQUIRE_POSTGRES") == "1"


def pytest_sessionstart(session):
    from django.conf import settings

    if REQUIRE_POSTGRES and "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        pytest.exit("REQUIRE_POSTGRES=1 but DATABASE_URL does not point at PostgreSQL", returncode=3)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: ids are reused after a rollback, and Wagtail caches
    renditions by image id."""
    from django.core.cache import cache

    cache.clear()


force_login_without_mfa = Client.force_login


def _force_login_with_mfa(client, user, backend=None):
    force_login_without_mfa(client, user, backend)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{"method": "mfa", "type": "totp", "at": time.time()}]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()


@pytest.fixture(autouse=True)
def signed_in_with_mfa(monkeypatch):
    monkeypatch.setattr(Client, "force_login", _force_login_with_mfa)


GRAPHQL_RESPONSE = "application/graphql-response+json"


class GraphQLClient:
    """Posts operations to the real /graphql/ endpoint, as the frontend does."""

    def __init__(self, client):
        self.client = client

    def login(self, user):
        self.client.force_login(user)

    def logout(self):
        self.client.logout()

    def post(self, query, variables=None, operation_name=None, **headers):
        payload = {"query": query}
        if variables is not None:
            payload["variables"] = variables
        if operation_name:
            payload["operationName"] = operation_name
        headers.setdefault("HTTP_ACCEPT", GRAPHQL_RESPONSE)
        return self.client.post("/graphql/", json.dumps(payload), content_type="application/json", **headers)

    def __call__(self, query, variables=None, **headers):
        """Run an operation that must succeed; return its ``data``."""
        response = self.post(query, variables, **headers)
        body = response.json()
        assert response.status_code == 200, body
        assert "errors" not in body, body["errors"]
        return body["data"]


@pytest.fixture
def gql(client):
    return GraphQLClient(client)


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for the whole class, in a transaction rolled back afterwards."""
    from home.demo.loader import read_admin_password

    folder = tmp_path_factory.mktemp("demo")
    paths = override_settings(MEDIA_ROOT=str(folder / "media"), VAR_DIR=folder / "var")
    with django_db_blocker.unblock(), paths:
        # Marked like Django's TestCase atomics, so that the services' durable transactions
        # may run inside it; everything is rolled back at the end.
        outer = transaction.atomic()
        outer._from_testcase = True
        with outer:
            call_command("load_demo", verbosity=0)
            yield {"password": read_admin_password(folder / "var" / "demo-admin.txt")}
            transaction.set_rollback(True)
