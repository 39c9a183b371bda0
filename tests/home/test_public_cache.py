"""Anonymous reads come from the cache until a change that readers must see (cms/graphql/public_cache.py)."""

import json
import time

import pytest
from django.utils import translation

from cms.graphql import public_cache
from events.models import Event
from tests.events import factories as event_factories
from tests.home import factories

PAGE = "query($path: String!) { page(path: $path) { title } }"
EVENT = "query($id: ID!) { event(id: $id) { title seatsLeft } }"

pytestmark = pytest.mark.usefixtures("cache_on")


@pytest.fixture
def cache_on(settings):
    settings.GRAPHQL_PUBLIC_CACHE_SECONDS = 5


@pytest.fixture
def article(site):
    return factories.make_article(site["articles"], title="巾帼志愿者在行动")


def path_of(page):
    return page.get_url_parts()[2]


def test_an_anonymous_read_is_answered_from_the_cache(gql, article, django_assert_num_queries):
    first = gql(PAGE, {"path": path_of(article)})
    with django_assert_num_queries(0):
        assert gql(PAGE, {"path": path_of(article)}) == first


def test_a_get_is_answered_by_its_query_string_before_it_is_parsed(
    client, article, monkeypatch, django_assert_num_queries
):
    from cms.graphql import view

    def read(**params):
        response = client.get("/graphql/", params, HTTP_ACCEPT="application/graphql-response+json")
        assert response.status_code == 200
        return response.json()

    params = {"query": PAGE, "variables": json.dumps({"path": path_of(article)})}
    first = read(**params)
    assert first == {"data": {"page": {"title": "巾帼志愿者在行动"}}}
    monkeypatch.setattr(view.GraphQLHTTPView, "parameters", lambda *args: pytest.fail("parsed"))
    with django_assert_num_queries(0):
        assert read(**params) == first
    monkeypatch.undo()
    assert read(variables=params["variables"], query=params["query"] + " ") == first  # another key


def test_a_session_cookie_without_a_signed_in_user_still_reads_from_the_cache(
    gql, client, settings, article, django_assert_max_num_queries
):
    first = gql(PAGE, {"path": path_of(article)})
    client.cookies[settings.SESSION_COOKIE_NAME] = "a-session-that-does-not-exist"
    with django_assert_max_num_queries(1):  # looking the session up, nothing else
        assert gql(PAGE, {"path": path_of(article)}) == first


def test_signed_in_viewers_always_run_their_query(gql, article, django_assert_max_num_queries):
    gql.login(event_factories.make_user("小王"))
    gql(PAGE, {"path": path_of(article)})
    with django_assert_max_num_queries(100) as queries:
        gql(PAGE, {"path": path_of(article)})
    assert len(queries) > 0


def test_publishing_a_change_shows_in_the_next_anonymous_read(gql, article):
    assert gql(PAGE, {"path": path_of(article)})["page"]["title"] == "巾帼志愿者在行动"
    article.title = "巾帼志愿者在社区"
    factories.publish(article)
    assert gql(PAGE, {"path": path_of(article)})["page"]["title"] == "巾帼志愿者在社区"


def test_unpublishing_and_moving_show_at_once(gql, site, article):
    old_path = path_of(article)
    assert gql(PAGE, {"path": old_path})["page"] is not None
    article.move(site["classes"], pos="last-child")
    article.refresh_from_db()
    assert gql(PAGE, {"path": old_path})["page"] is None
    assert gql(PAGE, {"path": path_of(article)})["page"]["title"] == "巾帼志愿者在行动"
    article.unpublish()
    assert gql(PAGE, {"path": path_of(article)})["page"] is None


def test_an_event_edit_shows_at_once_and_seats_within_the_lifetime(gql, settings, org):
    event = event_factories.make_event(org["district"], title="茶艺课", capacity=10)
    assert gql(EVENT, {"id": event.pk})["event"] == {"title": "茶艺课", "seatsLeft": 10}
    Event.objects.filter(pk=event.pk).get().save()  # an organizer saves it in the admin
    event_factories.make_registration(event)
    assert gql(EVENT, {"id": event.pk})["event"]["seatsLeft"] == 9

    settings.GRAPHQL_PUBLIC_CACHE_SECONDS = 1
    event = event_factories.make_event(org["district"], title="花艺课", capacity=10)
    event_factories.make_registration(event)
    assert gql(EVENT, {"id": event.pk})["event"]["seatsLeft"] == 9
    event_factories.make_registration(event)  # a registration does not empty the cache...
    assert gql(EVENT, {"id": event.pk})["event"]["seatsLeft"] == 9
    time.sleep(1.1)  # ...the short lifetime brings the seats up to date
    assert gql(EVENT, {"id": event.pk})["event"]["seatsLeft"] == 8


def test_the_key_holds_the_language_the_site_the_document_and_the_variables(rf, db):
    from django.contrib.auth.models import AnonymousUser

    def key(host="localhost", language="zh-hans", query=PAGE, variables=None):
        request = rf.get("/graphql/", HTTP_HOST=host)
        request.user = AnonymousUser()
        with translation.override(language):
            return public_cache.key(request, query, variables or {"path": "/a/"}, None)

    keys = [
        key(),
        key(language="en"),
        key(host="127.0.0.1"),
        key(query=EVENT),
        key(variables={"path": "/b/"}),
    ]
    assert len(set(keys)) == 5 and key() == keys[0]


def test_refused_queries_are_not_kept(gql, article, monkeypatch):
    kept = []
    monkeypatch.setattr(public_cache.Slot, "store", lambda slot, body: kept.append(json.loads(body)))
    assert gql.post(PAGE, {"path": 5}).status_code == 400
    assert gql.post('{ page(path: "/") { nope } }').status_code == 400
    assert kept == []
    gql(PAGE, {"path": path_of(article)})
    assert kept == [{"data": {"page": {"title": "巾帼志愿者在行动"}}}]


def test_a_refused_request_stays_refused_after_a_valid_one_was_kept(gql, article):
    """The kept answer is found before parsing: only the very same request may get it."""
    assert gql(PAGE, {"path": path_of(article)})["page"]["title"] == "巾帼志愿者在行动"
    assert gql.post(PAGE, {"path": 5}).status_code == 400
    assert gql.post(PAGE + " ", {"path": path_of(article)}).status_code == 200


def test_a_change_made_while_a_query_runs_makes_its_answer_stale(gql, article, monkeypatch):
    real_store = public_cache.Slot.store

    def publish_then_store(slot, body):
        public_cache.invalidate()  # an editor publishes while the query was running
        real_store(slot, body)

    monkeypatch.setattr(public_cache.Slot, "store", publish_then_store)
    gql(PAGE, {"path": path_of(article)})
    monkeypatch.setattr(public_cache.Slot, "store", real_store)
    kept = []
    monkeypatch.setattr(public_cache.Slot, "store", lambda slot, body: kept.append(body))
    gql(PAGE, {"path": path_of(article)})
    assert len(kept) == 1  # ran again instead of answering from the stale entry


def test_a_mutation_is_never_kept(gql, monkeypatch):
    kept = []
    monkeypatch.setattr(public_cache.Slot, "store", lambda slot, body: kept.append(body))
    answer = gql("mutation { cancelRegistration(input: {registrationId: \"1\"}) { errors { code } } }")
    assert answer["cancelRegistration"]["errors"] and kept == []


def test_a_generation_started_by_another_server_meanwhile_is_the_one_used(rf, monkeypatch):
    from django.contrib.auth.models import AnonymousUser
    from django.core.cache import cache

    def another_server_was_first(key, value, timeout=None):
        cache.set(key, 42, timeout=timeout)
        return False

    monkeypatch.setattr(public_cache.cache, "add", another_server_was_first)
    request = rf.get("/graphql/")
    request.user = AnonymousUser()
    slot, kept = public_cache.look_up(request, "documentId=sha256:x")
    assert (slot.generation, kept) == (42, None)
