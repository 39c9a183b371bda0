"""A bounded fuzz of the whole API: every query and every mutation of the real schema, with
arguments and selections generated from the schema (hypothesis-graphql), valid and invalid, sent
over HTTP to /graphql/ on the demo data as an anonymous visitor, a volunteer and a superuser.
Whatever comes in, no answer is a 5xx and no error is an INTERNAL_SERVER_ERROR.

Bounded by FUZZ_EXAMPLES per root field (default 6; raise it locally to dig deeper).
"""

import json
import os

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, nodes
from hypothesis_graphql import strategies as graphql_st

from cms.schema import schema

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))
SCHEMA = schema.graphql_schema
QUERIES = sorted(SCHEMA.query_type.fields)
MUTATIONS = sorted(SCHEMA.mutation_type.fields)

# Our scalars, well-formed and not: dates, times, amounts, page sizes and offsets out of range.
TEXT = st.text(max_size=12).map(nodes.String)
SCALARS = {
    "Date": st.dates().map(lambda day: nodes.String(day.isoformat())) | TEXT,
    "DateTime": st.datetimes().map(lambda moment: nodes.String(moment.isoformat())) | TEXT,
    "Decimal": st.decimals(allow_nan=False, allow_infinity=False, places=2).map(nodes.String) | TEXT,
    "PageSize": st.integers(-3, 200).map(nodes.Int),
    "Offset": st.integers(-3, 10**7).map(nodes.Int),
}
VIEWERS = ["anonymous", "demo-volunteer@example.com", "superuser"]
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


def viewer(name):
    users = get_user_model().objects
    if name == "anonymous":
        return None
    if name == "superuser":
        return users.filter(is_superuser=True).order_by("pk").first()
    return users.get(email=name)


def send(document, who):
    client = Client()
    user = viewer(who)
    if user is not None:
        client.force_login(user)
    response = client.post(
        "/graphql/",
        json.dumps({"query": document}),
        content_type="application/json",
        HTTP_ACCEPT="application/graphql-response+json",
    )
    assert response.status_code < 500, (document, response.content[:500])
    body = response.json()
    internal = [
        e for e in body.get("errors", []) if e.get("extensions", {}).get("code") == "INTERNAL_SERVER_ERROR"
    ]
    assert internal == [], (document, internal)


def documents(strategy, root, field):
    """Valid documents using ``field``, and invalid ones where it has arguments to get wrong."""
    modes = [Mode.POSITIVE, Mode.NEGATIVE] if root.fields[field].args else [Mode.POSITIVE]
    return st.one_of(*(strategy(SCHEMA, fields=[field], custom_scalars=SCALARS, mode=mode) for mode in modes))


class TestFuzz:
    """In a class, so that the class-scoped demo data is loaded once for all of them."""

    @pytest.mark.parametrize("field", QUERIES)
    def test_queries(self, field):
        @FUZZ
        @given(document=documents(graphql_st.queries, SCHEMA.query_type, field), who=st.sampled_from(VIEWERS))
        def run(document, who):
            send(document, who)

        run()

    @pytest.mark.parametrize("field", MUTATIONS)
    def test_mutations(self, field):
        @FUZZ
        @given(
            document=documents(graphql_st.mutations, SCHEMA.mutation_type, field),
            who=st.sampled_from(VIEWERS),
        )
        def run(document, who):
            send(document, who)

        run()
