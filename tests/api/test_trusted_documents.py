"""Trusted documents: the frontend build's operations by ``documentId``; other documents only
where ``GRAPHQL_ARBITRARY_DOCUMENTS`` allows them, or from staff."""

import json
import os

import pytest
from django.test import override_settings
from graphql import parse as graphql_parse

from cms.graphql.trusted import document_id
from tests.api.test_http import assert_refused, get, post

pytestmark = pytest.mark.urls("tests.api.urls_for_tests")

HELLO = "query Hello($name: String) { hello(name: $name) }"
NODE = "query Node { node { name } }"


@pytest.fixture
def manifest(tmp_path):
    """A build's manifest with HELLO, and one entry whose id is not its text's (ignored)."""
    path = tmp_path / "trusted-documents.json"
    path.write_text(json.dumps({document_id(HELLO): HELLO, "sha256:" + "0" * 64: NODE}))
    with override_settings(GRAPHQL_TRUSTED_DOCUMENTS=path):
        yield path


@pytest.fixture
def trusted_only(manifest):
    with override_settings(GRAPHQL_ARBITRARY_DOCUMENTS=False):
        yield manifest


def test_a_trusted_document_runs_by_id_over_post_and_get(client, manifest):
    body = {"documentId": document_id(HELLO), "variables": {"name": "玉兰"}}
    response = post(client, body)
    assert response.status_code == 200
    assert response.json() == {"data": {"hello": "hello 玉兰"}}
    response = get(client, documentId=document_id(HELLO), variables=json.dumps({"name": "G"}))
    assert response.json() == {"data": {"hello": "hello G"}}


@pytest.mark.parametrize(
    "body, code",
    [
        ({"documentId": "sha256:" + "f" * 64}, "PERSISTED_DOCUMENT_NOT_FOUND"),
        ({"documentId": "sha256:" + "0" * 64}, "PERSISTED_DOCUMENT_NOT_FOUND"),  # id is not its hash
        ({"documentId": 12}, "BAD_REQUEST"),
        ({"documentId": document_id(HELLO), "query": HELLO}, "BAD_REQUEST"),
    ],
)
def test_bad_document_ids_are_refused(client, manifest, body, code):
    assert_refused(post(client, body), 400, code)


def test_in_production_only_trusted_documents_run(client, trusted_only, django_user_model):
    assert_refused(post(client, {"query": NODE}), 400, "PERSISTED_DOCUMENT_REQUIRED")
    assert_refused(get(client, query=NODE), 400, "PERSISTED_DOCUMENT_REQUIRED")
    client.force_login(django_user_model.objects.create_user("someone", password="x"))
    assert_refused(post(client, {"query": NODE}), 400, "PERSISTED_DOCUMENT_REQUIRED")
    # The exact text of a trusted document is as good as its id.
    assert post(client, {"query": HELLO}).json() == {"data": {"hello": "hello world"}}
    assert post(client, {"documentId": document_id(HELLO)}).json() == {"data": {"hello": "hello world"}}


def test_staff_may_send_any_document(client, trusted_only, django_user_model):
    client.force_login(django_user_model.objects.create_user("editor", password="x", is_staff=True))
    assert post(client, {"query": NODE}).json() == {"data": {"node": {"name": "node"}}}


def test_without_a_build_nothing_is_trusted(client, tmp_path):
    with override_settings(
        GRAPHQL_TRUSTED_DOCUMENTS=tmp_path / "missing.json", GRAPHQL_ARBITRARY_DOCUMENTS=False
    ):
        assert_refused(post(client, {"documentId": document_id(HELLO)}), 400, "PERSISTED_DOCUMENT_NOT_FOUND")
        assert_refused(post(client, {"query": HELLO}), 400, "PERSISTED_DOCUMENT_REQUIRED")


def test_a_new_build_is_read_without_a_restart(client, manifest):
    assert post(client, {"documentId": document_id(NODE)}).status_code == 400
    manifest.write_text(json.dumps({document_id(NODE): NODE}))
    stat = manifest.stat()
    os.utime(manifest, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert post(client, {"documentId": document_id(NODE)}).json() == {"data": {"node": {"name": "node"}}}


def test_trusted_documents_are_parsed_once_and_others_every_time(client, manifest, monkeypatch):
    from cms.graphql import view

    parsed = []
    monkeypatch.setattr(view, "parse", lambda text: parsed.append(text) or graphql_parse(text))
    view._parse_trusted.cache_clear()
    for _ in range(3):
        assert post(client, {"documentId": document_id(HELLO)}).json() == {"data": {"hello": "hello world"}}
        assert post(client, {"query": "{ hello }"}).status_code == 200
    assert parsed == [HELLO] + ["{ hello }"] * 3


def test_trusted_documents_are_checked_once_and_their_cost_every_time(client, manifest, monkeypatch):
    from graphql import validate as graphql_validate

    from cms.graphql import limits, view

    checked, weighed = [], []

    def validate(schema, document, rules, **kwargs):
        checked.append(document)
        return graphql_validate(schema, document, rules, **kwargs)

    def weigh(schema, document, variables):
        weighed.append(variables)
        return limits.weigh(schema, document, variables)

    monkeypatch.setattr(view, "validate", validate)
    monkeypatch.setattr(view, "weigh", weigh)
    view._trusted_document_errors.cache_clear()
    for name in ("甲", "乙"):
        answer = post(client, {"documentId": document_id(HELLO), "variables": {"name": name}}).json()
        assert answer == {"data": {"hello": f"hello {name}"}}
    post(client, {"query": "{ hello }"})
    assert len(checked) == 2  # HELLO once, "{ hello }" once
    assert weighed == [{"name": "甲"}, {"name": "乙"}, {}]


def test_a_trusted_document_is_checked_again_under_other_limits(client, manifest, settings):
    assert post(client, {"documentId": document_id(HELLO)}).status_code == 200
    settings.GRAPHQL_MAX_DEPTH = 0
    response = post(client, {"documentId": document_id(HELLO)})
    assert response.json()["errors"][0]["extensions"]["code"] == "DEPTH_LIMIT_EXCEEDED"
