"""Personal data of registrations through GraphQL: the registrant and the event's organizers only.

A registration's name, phone, companions, answers and check-in token are visible to the person
who registered and to the organizers of the event's unit (and of the units above it, and
superusers). Anyone else can never reach the registration at all: every way in answers null
(or an empty list), so there is no field to read.
"""

import pytest

from events import services
from events.graphql import loaders
from events.graphql import types as event_types
from tests.events import factories

pytestmark = pytest.mark.django_db

PERSONAL = "name phone token companions { name age } answers { questionId value }"
# The fields this suite checks viewer by viewer (tests/api/test_personal_data_matrix.py).
COVERED = {f"Registration.{field}" for field in ("name", "phone", "token", "companions", "answers")}

# viewer -> whether they may see the registration of ``registrant`` at ``event`` (district unit)
VIEWERS = {
    "anonymous": False,
    "another user": False,
    "owner": True,
    "organizer of another unit": False,
    "organizer of a unit below": False,
    "organizer of the unit": True,
    "organizer of the unit above": True,
    "superuser": True,
}


@pytest.fixture
def private_event(org):
    return factories.make_event(
        org["district"],
        max_party_size=2,
        ask_companions=True,
        questions=[{"label": "孩子的年龄段", "kind": "choice", "choices": "3-6岁\n7-12岁", "required": True}],
    )


@pytest.fixture
def registrant(db):
    return factories.make_user("陈静")


@pytest.fixture
def registration(private_event, registrant):
    question = private_event.questions.get()
    return factories.make_registration(
        private_event,
        registrant,
        party_size=2,
        companions=[{"name": "陈小宝", "age": 5}],
        answers={str(question.pk): "3-6岁"},
        phone="13700001234",
    )


@pytest.fixture
def viewers(org, registrant, organizer):
    return {
        "anonymous": None,
        "another user": factories.make_user("路人"),
        "owner": registrant,
        "organizer of another unit": factories.make_organizer(org["other_district"]),
        "organizer of a unit below": factories.make_organizer(org["community"]),
        "organizer of the unit": organizer,
        "organizer of the unit above": factories.make_organizer(org["city"]),
        "superuser": factories.make_superuser(),
    }


def view_as(gql, viewer):
    gql.logout()
    if viewer is not None:
        gql.login(viewer)


def expected_personal(registration):
    question = registration.event.questions.get()
    return {
        "name": "陈静",
        "phone": "13700001234",
        "token": registration.token,
        "companions": [{"name": "陈小宝", "age": 5}],
        "answers": [{"questionId": str(question.pk), "value": "3-6岁"}],
    }


@pytest.mark.parametrize("who", list(VIEWERS))
def test_registration_by_id(gql, registration, viewers, who):
    view_as(gql, viewers[who])
    data = gql(f'{{ registration(id: "{registration.pk}") {{ id {PERSONAL} }} }}')["registration"]
    if VIEWERS[who]:
        assert data == {"id": str(registration.pk), **expected_personal(registration)}
    else:
        assert data is None


@pytest.mark.parametrize("who", list(VIEWERS))
@pytest.mark.parametrize("field", ["name", "phone", "token", "companions", "answers"])
def test_each_personal_field(gql, registration, viewers, who, field):
    """Field by field: each is readable exactly when the registration is."""
    view_as(gql, viewers[who])
    selection = {"companions": "companions { name age }", "answers": "answers { questionId value }"}
    query = f'{{ registration(id: "{registration.pk}") {{ {selection.get(field, field)} }} }}'
    data = gql(query)["registration"]
    if VIEWERS[who]:
        assert data[field] == expected_personal(registration)[field]
        assert data[field]  # not empty
    else:
        assert data is None


@pytest.mark.parametrize("who", list(VIEWERS))
def test_roster(gql, registration, viewers, who):
    view_as(gql, viewers[who])
    query = f'{{ eventRegistrations(eventId: "{registration.event_id}") {{ items {{ id {PERSONAL} }} }} }}'
    data = gql(query)["eventRegistrations"]
    organizes = VIEWERS[who] and who != "owner"
    if organizes:
        assert data["items"] == [{"id": str(registration.pk), **expected_personal(registration)}]
    else:
        assert data is None


@pytest.mark.parametrize("who", list(VIEWERS))
def test_my_registrations_and_my_registration(gql, registration, viewers, who):
    view_as(gql, viewers[who])
    mine = gql(f"{{ myRegistrations {{ items {{ id {PERSONAL} }} }} }}")["myRegistrations"]["items"]
    event = gql(f'{{ event(id: "{registration.event_id}") {{ myRegistration {{ id {PERSONAL} }} }} }}')[
        "event"
    ]
    listed = gql(f"{{ events {{ items {{ myRegistration {{ id {PERSONAL} }} }} }} }}")["events"]["items"]
    if who == "owner":
        own = {"id": str(registration.pk), **expected_personal(registration)}
        assert mine == [own]
        assert event["myRegistration"] == own
        assert listed == [{"myRegistration": own}]
    else:  # organizers included: these show the viewer's own registrations, never others'
        assert mine == []
        assert event["myRegistration"] is None
        assert listed == [{"myRegistration": None}]


@pytest.mark.parametrize("who", list(VIEWERS))
def test_mutation_payloads_reveal_nothing_to_others(gql, registration, viewers, who):
    """A refused mutation returns no registration; one allowed returns it to its actor."""
    view_as(gql, viewers[who])
    session = factories.session_of(registration.event)
    query = """mutation ($input: CheckInInput!) { checkIn(input: $input) {
        checkIn { registration { id name phone token } } errors { code } } }"""
    payload = gql(query, {"input": {"sessionId": str(session.pk), "token": registration.token}})["checkIn"]
    organizes = VIEWERS[who] and who != "owner"
    if organizes:
        assert payload["checkIn"]["registration"] == {
            "id": str(registration.pk),
            "name": "陈静",
            "phone": "13700001234",
            "token": registration.token,
        }
    else:
        assert payload["checkIn"] is None
        assert payload["errors"][0]["code"] in {"UNAUTHENTICATED", "PERMISSION_DENIED"}

    query = """mutation ($input: CancelRegistrationInput!) { cancelRegistration(input: $input) {
        registration { id phone } errors { code } } }"""
    payload = gql(query, {"input": {"registrationId": str(registration.pk), "reason": "测试"}})
    if VIEWERS[who]:
        assert payload["cancelRegistration"]["registration"] == {
            "id": str(registration.pk),
            "phone": "13700001234",
        }
    else:
        assert payload["cancelRegistration"]["registration"] is None


def test_phone_in_registrations_are_the_organizers_only(gql, private_event, organizer):
    question = private_event.questions.get()
    by_phone = factories.make_registration(
        private_event,
        by=organizer,
        name="赵丽",
        phone="0519-1234",
        party_size=2,
        companions=[{"name": "赵小丽", "age": 6}],
        answers={str(question.pk): "3-6岁"},
    )
    query = f'{{ registration(id: "{by_phone.pk}") {{ name phone }} }}'
    assert gql(query)["registration"] is None
    gql.login(factories.make_user())
    assert gql(query)["registration"] is None
    gql.login(organizer)
    assert gql(query)["registration"] == {"name": "赵丽", "phone": "0519-1234"}


class _Request:
    def __init__(self, user):
        self.user = user


class _Info:
    def __init__(self, user):
        self.context = _Request(user)


def test_personal_fields_check_again(registration, viewers):
    """Defence in depth: should a registration ever reach a stranger, its fields stay null."""
    loaded = loaders.base_registrations().get(pk=registration.pk)
    for who, may_see in VIEWERS.items():
        user = viewers[who]
        if user is None:
            from django.contrib.auth.models import AnonymousUser

            user = AnonymousUser()
        info = _Info(user)
        values = {
            "name": event_types.Registration.resolve_name(loaded, info),
            "phone": event_types.Registration.resolve_phone(loaded, info),
            "token": event_types.Registration.resolve_token(loaded, info),
            "companions": event_types.Registration.resolve_companions(loaded, info),
            "answers": event_types.Registration.resolve_answers(loaded, info),
        }
        if may_see:
            assert all(values.values()), who
        else:
            assert values == dict.fromkeys(values), who


def test_cancelled_registrations_stay_private(gql, registration, viewers):
    services.cancel_registration(registration.pk, by=registration.user)
    gql.login(viewers["another user"])
    assert gql(f'{{ registration(id: "{registration.pk}") {{ id }} }}')["registration"] is None
    gql.login(viewers["owner"])
    assert gql(f'{{ registration(id: "{registration.pk}") {{ phone }} }}')["registration"] == {
        "phone": "13700001234"
    }
