"""The GraphQL endpoint against the GraphQL-over-HTTP specification.

Most tests mount the view at /graphql/ with the small schema of ``schema_for_tests`` (through
the whole middleware stack, CSRF included); those marked ``cms.urls`` use the project's real URL
configuration. ``CALLS`` records every resolver call, which proves that a refused request was
never executed.
"""

import json
import logging

import pytest
from django.test import Client, override_settings
from django.urls import resolve

from cms.graphql.view import GraphQLHTTPView, negotiate
from tests.api.schema_for_tests import CALLS

pytestmark = pytest.mark.urls("tests.api.urls_for_tests")

URL = "/graphql/"
GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def post(client, body, accept=GRAPHQL_RESPONSE, content_type=JSON, **headers):
    if accept is not None:
        headers["HTTP_ACCEPT"] = accept
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data, content_type=content_type, **headers)


def get(client, accept=GRAPHQL_RESPONSE, **params):
    headers = {"HTTP_ACCEPT": accept} if accept is not None else {}
    return client.get(URL, params, **headers)


def error_codes(response):
    return [error.get("extensions", {}).get("code") for error in response.json()["errors"]]


def assert_refused(response, status, code, media_type=GRAPHQL_RESPONSE):
    """A request error: the status, the code, no "data" key, and nothing executed."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == f"{media_type}; charset=utf-8"
    body = response.json()
    assert "data" not in body
    assert code in error_codes(response), body
    assert CALLS == []


# --- POST and its body ---------------------------------------------------------------------


def test_post_json_executes(client):
    response = post(client, {"query": "{ hello }"})
    assert response.status_code == 200
    assert response["Content-Type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    assert response.json() == {"data": {"hello": "hello world"}}


def test_post_with_variables_operation_name_and_extensions(client):
    response = post(
        client,
        {
            "query": "query A { node { name } } query B($n: String) { hello(name: $n) }",
            "variables": {"n": "玉兰"},
            "operationName": "B",
            "extensions": {"persistedQuery": None},
        },
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"hello": "hello 玉兰"}}
    assert "玉兰".encode() in response.content  # UTF-8, not \\u escapes


def test_null_optional_parameters_count_as_absent(client):
    body = {"query": "{ hello }", "variables": None, "operationName": None, "extensions": None}
    assert post(client, body).json() == {"data": {"hello": "hello world"}}


def test_gql_fixture_works_against_the_endpoint(gql):
    assert gql("{ hello }") == {"hello": "hello world"}


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        ("query=%7B+touch+%7D", "application/x-www-form-urlencoded"),
        ('{"query": "mutation { touch }"}', "text/plain"),
        ('{"query": "mutation { touch }"}', "application/graphql"),
        ('{"query": "mutation { touch }"}', "application/json; charset=latin-1"),
        ('{"query": "mutation { touch }"}', ""),
    ],
)
def test_other_content_types_get_415_and_are_not_executed(client, data, content_type):
    response = client.post(URL, data, content_type=content_type, HTTP_ACCEPT=GRAPHQL_RESPONSE)
    assert_refused(response, 415, "UNSUPPORTED_MEDIA_TYPE")


def test_multipart_post_gets_415(client):
    response = client.post(URL, {"query": "mutation { touch }"}, HTTP_ACCEPT=GRAPHQL_RESPONSE)
    assert_refused(response, 415, "UNSUPPORTED_MEDIA_TYPE")


def test_content_type_with_utf8_charset_is_accepted(client):
    response = post(client, {"query": "{ hello }"}, content_type="application/json; charset=UTF-8")
    assert response.status_code == 200


def test_batching_is_refused(client):
    body = [{"query": "mutation { touch }"}, {"query": "mutation { touch }"}]
    assert_refused(post(client, body), 400, "BATCHING_NOT_SUPPORTED")


@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, JSON])
@pytest.mark.parametrize(
    "body",
    [
        "NONSENSE",
        '{"query":',
        b"\xff\xfe{}",
        '{"query": "{ hello }"}'.encode("utf-16"),
        '\ufeff{"query": "{ hello }"}',
        '"{ hello }"',
        "{}",
        {"qeury": "{ hello }"},
        {"query": 7},
        {"query": None},
        {"query": "{ hello }", "variables": [7]},
        {"query": "{ hello }", "variables": "{}"},
        {"query": "{ hello }", "operationName": 3},
        {"query": "{ hello }", "extensions": []},
        "[" * 100_000 + "]" * 100_000,
        '{"query": "{ hello }", "variables": {"a": ' + "[" * 100_000 + "]" * 100_000 + "}}",
    ],
)
def test_malformed_requests_get_400_with_either_media_type(client, body, accept):
    response = post(client, body, accept=accept)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == f"{accept}; charset=utf-8"
    error = response.json()["errors"][0]
    assert error["message"]
    assert error["extensions"]["code"] in ("BAD_REQUEST", "BATCHING_NOT_SUPPORTED")
    assert CALLS == []


# --- GET -----------------------------------------------------------------------------------


def test_get_executes_queries(client):
    response = get(client, query="query($n: String) { hello(name: $n) }", variables='{"n": "GET"}')
    assert response.status_code == 200
    assert response.json() == {"data": {"hello": "hello GET"}}
    assert "Accept" in response["Vary"]


def test_get_with_empty_operation_name_means_none(client):
    response = get(client, query="{ hello }", operationName="")
    assert response.json() == {"data": {"hello": "hello world"}}


def test_get_selects_a_query_by_operation_name_beside_a_mutation(client):
    response = get(client, query="query Q { hello } mutation M { touch }", operationName="Q")
    assert response.json() == {"data": {"hello": "hello world"}}
    assert CALLS == ["hello"]


@pytest.mark.parametrize(
    "params",
    [
        {"query": "mutation { touch }"},
        {"query": "query Q { hello } mutation M { touch }", "operationName": "M"},
        {"query": "mutation { touch }", "variables": "{}"},
    ],
)
@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, JSON])
def test_mutation_by_get_is_405(client, params, accept):
    response = get(client, accept=accept, **params)
    assert_refused(response, 405, "METHOD_NOT_ALLOWED", media_type=accept)
    assert response["Allow"] == "POST"


def test_get_without_query_is_400(client):
    assert_refused(get(client), 400, "BAD_REQUEST")


def test_get_with_invalid_variables_json_is_400(client):
    assert_refused(get(client, query="{ hello }", variables="{nope"), 400, "BAD_REQUEST")
    assert_refused(get(client, query="{ hello }", variables="[1]"), 400, "BAD_REQUEST")


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options", "head"])
def test_other_methods_are_405(client, method):
    response = getattr(client, method)(URL, HTTP_ACCEPT=GRAPHQL_RESPONSE)
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"
    assert CALLS == []


# --- content negotiation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, GRAPHQL_RESPONSE),  # the spec's default since its 2025-01-01 watershed
        ("", GRAPHQL_RESPONSE),
        ("*/*", GRAPHQL_RESPONSE),
        ("application/*", GRAPHQL_RESPONSE),
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (JSON, JSON),
        ("application/json; charset=utf-8", JSON),
        (f"{GRAPHQL_RESPONSE}; charset=utf-8, {JSON}; charset=utf-8", GRAPHQL_RESPONSE),
        (f"{JSON}, {GRAPHQL_RESPONSE}", JSON),  # equal q: the one listed first
        (f"{GRAPHQL_RESPONSE};q=0.5, {JSON}", JSON),
        (f"{JSON};q=0.9, */*;q=0.1", JSON),
        (f"{JSON};q=0, */*", GRAPHQL_RESPONSE),
        (BROWSER_ACCEPT, GRAPHQL_RESPONSE),
        ("text/html", None),
        (f"{JSON};q=0", None),
        ("application/json; charset=latin-1", None),
        ("image/png, text/*", None),
        (f"{JSON};q=nan, {GRAPHQL_RESPONSE};q=2", None),
        (f"{JSON};q=abc, {GRAPHQL_RESPONSE};q=0.001", GRAPHQL_RESPONSE),
    ],
)
def test_negotiate(accept, expected):
    assert negotiate(accept, [GRAPHQL_RESPONSE, JSON]) == expected


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (None, GRAPHQL_RESPONSE),
        ("*/*", GRAPHQL_RESPONSE),
        (JSON, JSON),
        (f"{GRAPHQL_RESPONSE};q=0.1, {JSON}", JSON),
    ],
)
def test_response_content_type_follows_accept(client, accept, media_type):
    response = post(client, {"query": "{ hello }"}, accept=accept)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{media_type}; charset=utf-8"


@pytest.mark.parametrize("accept", ["text/html", "application/xml", f"{JSON};q=0, {GRAPHQL_RESPONSE};q=0"])
def test_nothing_acceptable_is_406_and_not_executed(client, accept):
    response = post(client, {"query": "mutation { touch }"}, accept=accept)
    assert_refused(response, 406, "NOT_ACCEPTABLE", media_type=JSON)


# --- status codes and response shapes ------------------------------------------------------


@pytest.mark.parametrize(("accept", "status"), [(GRAPHQL_RESPONSE, 400), (JSON, 200)])
@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"query": "{"}, "GRAPHQL_PARSE_FAILED"),
        ({"query": ""}, "GRAPHQL_PARSE_FAILED"),
        ({"query": "{" * 6000 + "}" * 6000}, "GRAPHQL_PARSE_FAILED"),
        ({"query": "{ hello bogus touch }"}, "GRAPHQL_VALIDATION_FAILED"),
        ({"query": "{ hello(nom: 1) }"}, "GRAPHQL_VALIDATION_FAILED"),
        ({"query": "query Q { hello } query R { hello }"}, "OPERATION_RESOLUTION_FAILURE"),
        ({"query": "query Q { hello }", "operationName": "R"}, "OPERATION_RESOLUTION_FAILURE"),
        ({"query": "fragment F on Query { hello }"}, "OPERATION_RESOLUTION_FAILURE"),
        ({"query": "subscription { hello }"}, "OPERATION_NOT_SUPPORTED"),
        ({"query": "query($n: String!) { hello(name: $n) }"}, "BAD_USER_INPUT"),
        ({"query": "query($n: String) { hello(name: $n) }", "variables": {"n": [1]}}, "BAD_USER_INPUT"),
        ({"query": "{ hello }" + " " * 20_000}, "DOCUMENT_TOO_LARGE"),
    ],
)
def test_requests_refused_before_execution(client, body, code, accept, status):
    """Spec: 400 with application/graphql-response+json, 200 with application/json; no data."""
    assert_refused(post(client, body, accept=accept), status, code, media_type=accept)


def test_unknown_field_is_rejected_and_nothing_runs(client):
    response = post(client, {"query": "mutation { touch bogus }"})
    assert_refused(response, 400, "GRAPHQL_VALIDATION_FAILED")
    assert "bogus" in response.json()["errors"][0]["message"]


def test_field_error_is_200_with_partial_data(client):
    response = post(client, {"query": "{ hello refused }"})
    assert response.status_code == 200
    body = response.json()
    assert body["data"] == {"hello": "hello world", "refused": None}
    assert body["errors"] == [
        {
            "message": "Deliberately refused.",
            "locations": [{"line": 1, "column": 9}],
            "path": ["refused"],
            "extensions": {"code": "REFUSED"},
        }
    ]


@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, JSON])
def test_null_data_after_execution_is_still_200(client, accept):
    response = post(client, {"query": "{ hello requiredBoom }"}, accept=accept)
    assert response.status_code == 200
    body = response.json()
    assert "data" in body and body["data"] is None
    assert error_codes(response) == ["INTERNAL_SERVER_ERROR"]


def test_unexpected_exception_is_logged_and_masked(client, caplog):
    with caplog.at_level(logging.ERROR, logger="cms.graphql"):
        response = post(client, {"query": "{ hello boom }"})
    assert response.status_code == 200
    assert b"SECRET" not in response.content
    assert b"Traceback" not in response.content
    body = response.json()
    assert body["data"] == {"hello": "hello world", "boom": None}
    assert body["errors"] == [
        {
            "message": "Internal server error",
            "locations": [{"line": 1, "column": 9}],
            "path": ["boom"],
            "extensions": {"code": "INTERNAL_SERVER_ERROR"},
        }
    ]
    records = [record for record in caplog.records if record.name == "cms.graphql"]
    assert len(records) == 1 and records[0].exc_info is not None
    assert "SECRET-DSN" in caplog.text  # the traceback went to the log


@override_settings(DEBUG=True)
def test_debug_adds_the_original_message_under_extensions(client):
    error = post(client, {"query": "{ boom }"}).json()["errors"][0]
    assert error["message"] == "Internal server error"
    assert error["extensions"]["exception"] == {
        "type": "RuntimeError",
        "message": "SECRET-DSN postgres://admin:hunter2@db/yulan",
    }


def test_a_server_bug_is_a_json_500_not_a_page(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("SECRET")

    monkeypatch.setattr("cms.graphql.view.validate", broken)
    response = post(client, {"query": "{ hello }"})
    assert response.status_code == 500
    assert response["Content-Type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    assert response.json() == {
        "errors": [{"message": "Internal server error", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]
    }


@pytest.mark.django_db
def test_context_is_the_request(client, django_user_model):
    assert post(client, {"query": "{ viewer }"}).json() == {"data": {"viewer": None}}
    client.force_login(django_user_model.objects.create_user(username="lan", password="x"))
    assert post(client, {"query": "{ viewer }"}).json() == {"data": {"viewer": "lan"}}


# --- CSRF ----------------------------------------------------------------------------------


def test_get_sets_the_csrf_cookie(client):
    response = get(client, query="{ hello }")
    assert response.cookies["csrftoken"].value


def test_a_browser_with_the_csrf_cookie_is_not_sent_it_again(client):
    token = get(client, query="{ hello }").cookies["csrftoken"].value
    response = get(client, query="{ hello }")
    assert "csrftoken" not in response.cookies and client.cookies["csrftoken"].value == token
    client.cookies["csrftoken"] = "not a token"
    assert get(client, query="{ hello }").cookies["csrftoken"].value not in ("", "not a token")


def test_cross_site_form_post_is_refused_and_not_executed():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        URL, "query=mutation+%7B+touch+%7D", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 403
    assert CALLS == []


def test_json_post_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    response = post(client, {"query": "mutation { touch }"})
    assert response.status_code == 403
    assert CALLS == []


def test_json_post_with_csrf_token_works():
    client = Client(enforce_csrf_checks=True)
    token = get(client, query="{ hello }").cookies["csrftoken"].value
    response = post(client, {"query": "mutation { touch }"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert response.json() == {"data": {"touch": "touched"}}


def test_form_post_with_a_valid_token_is_still_415():
    client = Client(enforce_csrf_checks=True)
    token = get(client, query="{ hello }").cookies["csrftoken"].value
    CALLS.clear()
    response = client.post(URL, {"query": "mutation { touch }", "csrfmiddlewaretoken": token})
    assert_refused(response, 415, "UNSUPPORTED_MEDIA_TYPE")


# --- GraphiQL ------------------------------------------------------------------------------


@override_settings(GRAPHIQL=True)
def test_graphiql_is_served_to_browsers_when_enabled(client):
    response = get(client, accept=BROWSER_ACCEPT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"graphiql" in response.content
    assert response.cookies["csrftoken"].value
    assert CALLS == []


@override_settings(GRAPHIQL=True)
def test_graphiql_enabled_still_answers_json_clients(client):
    response = get(client, query="{ hello }")
    assert response.json() == {"data": {"hello": "hello world"}}
    response = post(client, {"query": "{ hello }"}, accept="text/html")
    assert response.status_code == 406  # GraphiQL is a GET page only


@override_settings(GRAPHIQL=False)
def test_graphiql_disabled_gives_json_errors(client):
    response = get(client, accept=BROWSER_ACCEPT)
    assert_refused(response, 400, "BAD_REQUEST")
    response = get(client, accept="text/html")
    assert_refused(response, 406, "NOT_ACCEPTABLE", media_type=JSON)


# --- the real URL configuration ------------------------------------------------------------


@pytest.mark.urls("cms.urls")
def test_real_url_is_this_view():
    assert resolve(URL).func.view_class is GraphQLHTTPView


@pytest.mark.urls("cms.urls")
def test_real_url_refuses_form_posts(client):
    response = client.post(URL, {"query": "{ __typename }"}, HTTP_ACCEPT=GRAPHQL_RESPONSE)
    assert response.status_code == 415


@pytest.mark.urls("cms.urls")
@override_settings(GRAPHIQL=True)
def test_real_url_serves_graphiql_when_enabled(client):
    assert b"graphiql" in get(client, accept=BROWSER_ACCEPT).content


@pytest.mark.urls("cms.urls")
def test_real_schema_answers_typename(client):
    from graphql import validate_schema

    from cms.schema import schema

    assert validate_schema(schema.graphql_schema) == []
    response = post(client, {"query": "{ __typename }"})
    assert response.json() == {"data": {"__typename": "Query"}}
