"""Rate limits (cms.ratelimit) on registerForEvent, and the limiter itself: per person, per client
address (behind a trusted proxy, the forwarded one), per window; a refusal changes nothing."""

import pytest
from django.test import override_settings

from cms.graphql.errors import error_type
from cms.graphql.mutations import ServiceMutation
from cms.ratelimit import parse_rate
from events.models import Registration
from tests.events.factories import make_user
from tests.events.test_api_mutations import refused, register

pytestmark = pytest.mark.django_db

TWO_EACH = {"register_for_event": {"user": "2/h", "ip": "3/h"}}


def test_rates_are_a_count_per_period():
    assert parse_rate("30/h") == (30, 3600)
    assert parse_rate("5/m") == (5, 60)
    assert parse_rate("1000/d") == (1000, 86400)


@override_settings(MUTATION_RATE_LIMITS=TWO_EACH)
def test_a_person_is_limited_then_refused_without_change(gql, event, user):
    gql.login(user)
    assert register(gql, event, partySize=1)["errors"] == []
    refused(register(gql, event, partySize=1), (None, "ALREADY_REGISTERED"))  # attempts count
    payload = refused(register(gql, event, partySize=1), (None, "RATE_LIMITED"))
    assert "稍后" in payload["errors"][0]["message"] or "wait" in payload["errors"][0]["message"]
    assert Registration.objects.filter(user=user).count() == 1


@override_settings(MUTATION_RATE_LIMITS=TWO_EACH)
def test_one_address_is_limited_across_people(gql, event):
    for _ in range(3):
        gql.login(make_user())
        assert register(gql, event, partySize=1)["errors"] == []
    gql.login(make_user())
    refused(register(gql, event, partySize=1), (None, "RATE_LIMITED"))
    assert Registration.objects.filter(event=event).count() == 3


@override_settings(MUTATION_RATE_LIMITS=TWO_EACH, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_each_forwarded_address_counts_alone(gql, event):
    for number in range(5):
        gql.login(make_user())
        address = {"HTTP_X_FORWARDED_FOR": f"203.0.113.{number}"}
        payload = gql.post(
            "mutation($input: RegisterForEventInput!) "
            "{ registerForEvent(input: $input) { errors { code } } }",
            {"input": {"eventId": str(event.pk), "partySize": 1}},
            **address,
        ).json()["data"]["registerForEvent"]
        assert payload["errors"] == []


@override_settings(MUTATION_RATE_LIMITS=TWO_EACH)
def test_the_window_resets(gql, event, user, monkeypatch):
    clock = [1_000_000.0]
    monkeypatch.setattr("cms.ratelimit.time.time", lambda: clock[0])
    gql.login(user)
    register(gql, event, partySize=1)
    register(gql, event, partySize=1)
    refused(register(gql, event, partySize=1), (None, "RATE_LIMITED"))
    clock[0] += 3600
    refused(register(gql, event, partySize=1), (None, "ALREADY_REGISTERED"))


def test_a_rate_limited_mutation_must_offer_the_code():
    with pytest.raises(TypeError, match="RATE_LIMITED"):

        class Unlimited(ServiceMutation):
            class Meta:
                error_type = error_type("UnlimitedForTest")
                rate_limit = "register_for_event"


def test_the_public_creating_mutations_are_limited_by_configured_actions(settings):
    from cms.schema import schema

    fields = schema.graphql_schema.mutation_type.fields
    mutations = {name: field.resolve.__self__ for name, field in fields.items()}  # mutate, bound
    limited = {name: cls._meta.rate_limit for name, cls in mutations.items() if cls._meta.rate_limit}
    assert limited == {
        "registerForEvent": "register_for_event",
        "applyAsVolunteer": "apply_as_volunteer",
        "signUpForShift": "sign_up_for_shift",
    }
    assert set(limited.values()) == set(settings.MUTATION_RATE_LIMITS)
