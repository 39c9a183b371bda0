"""Depth, alias, cost and page-size limits: the rules directly, then through the endpoint."""

import json
import time

import pytest
from django.test import override_settings
from graphql import (
    NoSchemaIntrospectionCustomRule,
    get_introspection_query,
    parse,
    specified_rules,
    validate,
)

from cms.graphql.limits import (
    AliasLimitRule,
    DepthLimitRule,
    QueryCostRule,
    cost_limit_rule,
    validation_rules,
    weigh,
)
from tests.api.schema_for_tests import CALLS, schema

GRAPHQL_RESPONSE = "application/graphql-response+json"


def check(query, variables=None):
    """The extensions.code of every validation error, with the view's rules."""
    errors = validate(schema.graphql_schema, parse(query), validation_rules(variables))
    return [error.extensions.get("code") for error in errors]


def errors_of(query, variables=None):
    return validate(schema.graphql_schema, parse(query), validation_rules(variables))


def nested(depth, leaf="name"):
    """``{ node { child { child ... { name } } } }`` with ``depth`` levels of fields."""
    return "{ node " + "{ child " * (depth - 2) + "{ " + leaf + " }" + " }" * (depth - 2) + " }"


# --- the rule list -------------------------------------------------------------------------


def test_rules_extend_the_specified_rules():
    rules = validation_rules()
    assert rules[: len(specified_rules)] == tuple(specified_rules)
    assert DepthLimitRule in rules and AliasLimitRule in rules
    assert any(issubclass(rule, QueryCostRule) for rule in rules)
    assert NoSchemaIntrospectionCustomRule not in rules


def test_rules_use_graphql_core_3_hook_names():
    for rule in (DepthLimitRule, AliasLimitRule, QueryCostRule):
        hooks = [name for name in vars(rule) if name.startswith(("enter_", "leave_"))]
        assert hooks and all(name == name.lower() for name in hooks), hooks


def test_unknown_field_is_still_rejected():
    assert "GRAPHQL_VALIDATION_FAILED" not in check("{ bogus }")  # the view adds that code
    [error] = errors_of("{ bogus }")
    assert error.message.startswith("Cannot query field 'bogus' on type 'Query'.")


# --- depth ---------------------------------------------------------------------------------


def test_depth_at_the_limit_passes_and_one_more_is_refused():
    assert check(nested(10)) == []
    errors = errors_of(nested(11))
    assert [error.extensions["code"] for error in errors] == ["DEPTH_LIMIT_EXCEEDED"]
    assert errors[0].message == "The operation is nested 11 levels deep; the maximum depth is 10."
    assert errors[0].extensions["depth"] == 11 and errors[0].extensions["maxDepth"] == 10


def test_depth_names_the_operation():
    message = errors_of("query Deep " + nested(11))[0].message
    assert message.startswith("Operation 'Deep' is nested 11 levels deep")


@override_settings(GRAPHQL_MAX_DEPTH=3)
def test_depth_follows_fragment_spreads_and_inline_fragments():
    assert check("{ node { child { name } } }") == []
    assert check("{ node { child { child { name } } } }") == ["DEPTH_LIMIT_EXCEEDED"]
    spread = "{ node { ...F } } fragment F on Node { child { child { name } } }"
    assert check(spread) == ["DEPTH_LIMIT_EXCEEDED"]
    inline = "{ node { ... on Node { child { ... { child { name } } } } } }"
    assert check(inline) == ["DEPTH_LIMIT_EXCEEDED"]
    nested_spreads = (
        "{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { name } }"
    )
    assert check(nested_spreads) == ["DEPTH_LIMIT_EXCEEDED"]


@override_settings(GRAPHQL_MAX_DEPTH=3)
def test_typename_costs_no_depth():
    assert check("{ node { child { child { __typename } } } }") == []


@override_settings(GRAPHQL_MAX_DEPTH=2)
def test_introspection_is_exempt_from_depth():
    assert check(get_introspection_query(descriptions=True)) == []
    deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }"
    assert check(deep) == []
    assert check('{ __type(name: "Node") { fields { type { ofType { name } } } } }') == []


def test_depth_is_per_operation():
    document = "query A " + nested(11) + " query B { hello }"
    assert check(document) == ["DEPTH_LIMIT_EXCEEDED"]


# --- aliases -------------------------------------------------------------------------------


def aliased(count):
    return "{ " + " ".join(f"a{i}: hello" for i in range(count)) + " }"


def test_aliases_at_the_limit_pass_and_one_more_is_refused():
    assert check(aliased(30)) == []
    errors = errors_of(aliased(31))
    assert [error.extensions["code"] for error in errors] == ["ALIAS_LIMIT_EXCEEDED"]
    assert errors[0].message == "The document uses 31 aliases; the maximum is 30."


def test_aliases_in_fragments_count_each_time_they_are_spread():
    fragment = "fragment F on Node { " + " ".join(f"n{i}: name" for i in range(15)) + " }"
    assert check("{ node { ...F } } " + fragment) == []
    assert check("{ a: node { ...F } b: node { ...F } } " + fragment) == ["ALIAS_LIMIT_EXCEEDED"]


@override_settings(GRAPHQL_MAX_ALIASES=3)
def test_aliases_are_counted_across_the_document():
    assert check("query A { a: hello b: hello } query B { c: hello d: hello }") == ["ALIAS_LIMIT_EXCEEDED"]


# --- cost ----------------------------------------------------------------------------------

# nodes(limit: a) { children(limit: b) { child { name } } }: 1 + a * (1 + b * 1)
LISTS = "query($a: PageSize, $b: PageSize) { nodes(limit: $a) { children(limit: $b) { child { name } } } }"


def test_cost_with_literal_limits():
    assert check("{ nodes(limit: 50) { children(limit: 50) { child { name } } } }") == []  # 2551
    errors = errors_of("{ nodes(limit: 100) { children(limit: 100) { child { name } } } }")
    assert [error.extensions["code"] for error in errors] == ["COST_LIMIT_EXCEEDED"]
    assert errors[0].message.startswith("The operation costs 10101; the maximum cost is 5000.")
    assert errors[0].extensions["cost"] == 10101 and errors[0].extensions["maxCost"] == 5000


def test_cost_with_variables():
    assert check(LISTS, {"a": 10, "b": 10}) == []
    assert check(LISTS, {"a": 100, "b": 100}) == ["COST_LIMIT_EXCEEDED"]


def test_cost_with_variable_defaults_and_argument_defaults():
    with_defaults = LISTS.replace("$a: PageSize", "$a: PageSize = 100").replace(
        "$b: PageSize", "$b: PageSize = 100"
    )
    assert check(with_defaults) == ["COST_LIMIT_EXCEEDED"]
    assert check(with_defaults, {"a": 1, "b": 1}) == []
    # No limit anywhere: the argument default, 20: 1 + 20 * (1 + 20) = 421.
    assert check("{ nodes { children { child { name } } } }") == []


@override_settings(GRAPHQL_MAX_COST=420)
def test_cost_uses_the_argument_default_of_20():
    assert check("{ nodes { children { child { name } } } }") == ["COST_LIMIT_EXCEEDED"]


@override_settings(GRAPHQL_MAX_COST=101)
def test_cost_follows_fragments_and_skips_introspection_and_scalars():
    assert check("{ nodes(limit: 10) { children(limit: 9) { child { name __typename } } } }") == []  # 101
    spread = "{ nodes(limit: 10) { ...F } } fragment F on Node { children(limit: 10) { child { name } } }"
    assert check(spread) == ["COST_LIMIT_EXCEEDED"]  # 111
    inline = "{ nodes(limit: 10) { ... on Node { children(limit: 10) { child { name } } } } }"
    assert check(inline) == ["COST_LIMIT_EXCEEDED"]
    assert check(get_introspection_query(descriptions=True)) == []


def test_invalid_limit_variables_are_left_to_variable_coercion():
    assert check(LISTS, {"a": "many", "b": 10_000}) == []
    assert check(LISTS, {"a": None, "b": None}) == []  # limit is non-null: coercion refuses null


@override_settings(GRAPHQL_MAX_COST=101)
@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ("{ nodes(limit: 10) { children(limit: 9) { child { name __typename } } } }", None),
        ("{ nodes(limit: 10) { ...F } } fragment F on Node { children(limit: 10) { child { name } } }", None),
        ("{ nodes(limit: 10) { ... on Node { children(limit: 10) { child { name } } } } }", None),
        (LISTS, {"a": 100, "b": 100}),
        (LISTS, {"a": 2, "b": 2}),
        ("query A { nodes(limit: 1) { name } } query B { nodes(limit: 90) { children { name } } }", None),
        (get_introspection_query(descriptions=True), None),
    ],
)
def test_weighing_alone_finds_what_the_cost_rule_finds(query, variables):
    document = parse(query)
    expected = validate(schema.graphql_schema, document, [cost_limit_rule(variables)])
    found = weigh(schema.graphql_schema, document, variables)
    assert [error.formatted for error in found] == [error.formatted for error in expected]


def test_cost_rule_used_alone_sees_no_variables():
    document = parse(LISTS)
    assert validate(schema.graphql_schema, document, [QueryCostRule]) == []
    assert validate(schema.graphql_schema, document, [cost_limit_rule({"a": 100, "b": 100})])


def test_fragment_bomb_is_checked_in_linear_time():
    """Each fragment spreads the next one twice: 2**40 fields once expanded."""
    fragments = " ".join(
        f"fragment F{i} on Node {{ a: child {{ ...F{i + 1} }} b: child {{ ...F{i + 1} }} }}"
        for i in range(40)
    )
    document = "{ node { ...F0 } } " + fragments + " fragment F40 on Node { name }"
    started = time.monotonic()
    codes = check(document)
    assert time.monotonic() - started < 2
    assert {"DEPTH_LIMIT_EXCEEDED", "ALIAS_LIMIT_EXCEEDED", "COST_LIMIT_EXCEEDED"} <= set(codes)


def test_fragment_cycles_do_not_hang_the_rules():
    codes = check(
        "{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ...A } }"
    )
    assert codes and set(codes) <= {None}  # only NoFragmentCyclesRule's error, which has no code yet


# --- introspection switch ------------------------------------------------------------------


@override_settings(GRAPHQL_INTROSPECTION=False)
def test_introspection_can_be_disabled():
    assert NoSchemaIntrospectionCustomRule in validation_rules()
    assert check("{ __schema { queryType { name } } }")
    assert check("{ hello __typename }") == []


# --- through the endpoint ------------------------------------------------------------------

pytest_urls = pytest.mark.urls("tests.api.urls_for_tests")


def post(client, query, variables=None, accept=GRAPHQL_RESPONSE):
    body = {"query": query} if variables is None else {"query": query, "variables": variables}
    return client.post("/graphql/", json.dumps(body), content_type="application/json", HTTP_ACCEPT=accept)


def assert_refused(response, code, status=400):
    assert response.status_code == status, response.content
    body = response.json()
    assert "data" not in body
    assert code in [error["extensions"]["code"] for error in body["errors"]], body
    assert CALLS == []


@pytest_urls
def test_endpoint_refuses_depth_over_the_limit(client):
    assert_refused(post(client, nested(11)), "DEPTH_LIMIT_EXCEEDED")
    assert_refused(post(client, nested(11), accept="application/json"), "DEPTH_LIMIT_EXCEEDED", 200)
    assert post(client, nested(10)).status_code == 200


@pytest_urls
def test_endpoint_allows_graphiql_introspection_under_the_depth_limit(client):
    response = post(client, get_introspection_query(descriptions=True))
    assert response.status_code == 200
    assert response.json()["data"]["__schema"]["queryType"]["name"] == "Query"


@pytest_urls
def test_endpoint_refuses_aliases_over_the_limit(client):
    assert_refused(post(client, aliased(31)), "ALIAS_LIMIT_EXCEEDED")


@pytest_urls
def test_endpoint_refuses_cost_over_the_limit(client):
    assert_refused(
        post(client, "{ nodes(limit: 100) { children(limit: 100) { child { name } } } }"),
        "COST_LIMIT_EXCEEDED",
    )
    assert_refused(post(client, LISTS, {"a": 100, "b": 100}), "COST_LIMIT_EXCEEDED")
    response = post(client, LISTS, {"a": 2, "b": 2})
    assert response.status_code == 200
    assert len(response.json()["data"]["nodes"]) == 2


@pytest_urls
@pytest.mark.parametrize("limit", ["101", "0", "-1", '"10"', "1.5"])
def test_endpoint_refuses_bad_literal_page_sizes(client, limit):
    assert_refused(post(client, f"{{ nodes(limit: {limit}) {{ name }} }}"), "GRAPHQL_VALIDATION_FAILED")


@pytest_urls
@pytest.mark.parametrize("limit", [101, 0, -1, "10", 1.5, True])
def test_endpoint_refuses_bad_page_size_variables(client, limit):
    query = "query($n: PageSize) { nodes(limit: $n) { name } }"
    assert_refused(post(client, query, {"n": limit}), "BAD_USER_INPUT")


@pytest_urls
def test_endpoint_refuses_negative_offsets(client):
    assert_refused(post(client, "{ nodes(offset: -1) { name } }"), "GRAPHQL_VALIDATION_FAILED")
    query = "query($o: Offset) { nodes(offset: $o) { name } }"
    assert_refused(post(client, query, {"o": -1}), "BAD_USER_INPUT")


@pytest_urls
def test_endpoint_accepts_the_largest_page(client):
    response = post(client, "{ nodes(limit: 100, offset: 0) { name } }")
    assert response.status_code == 200
    assert CALLS[0] == "nodes(100,0)"


@pytest_urls
@override_settings(GRAPHQL_INTROSPECTION=False)
def test_endpoint_refuses_introspection_when_disabled_without_suggestions(client):
    assert_refused(post(client, "{ __schema { types { name } } }"), "GRAPHQL_VALIDATION_FAILED")
    message = post(client, "{ nodez { name } }").json()["errors"][0]["message"]
    assert "Did you mean" not in message
    assert post(client, "{ __typename }").json() == {"data": {"__typename": "Query"}}
