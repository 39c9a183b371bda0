"""Download my data: everything held on the signed-in person, nobody else's, and no credentials."""

import json

import pytest
from django.test import Client

from events import services as event_services
from events.models import CalendarFeed, CheckInMethod
from tests.events import factories as event_factories
from tests.home.factories import make_org_tree
from tests.volunteers.api import make_record
from tests.volunteers.factories import make_id_number, make_volunteer
from volunteers.identity import protect_id_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    """陈静: a registration with a companion, checked in by an organizer; a volunteer with an ID
    number and an approved service record; a calendar feed."""
    org = make_org_tree()
    user = event_factories.make_user("陈静")
    event = event_factories.make_event(org["district"], max_party_size=2, ask_companions=True)
    registration = event_factories.make_registration(
        event, user, party_size=2, companions=[{"name": "陈小宝", "age": 5}], phone="13700001234"
    )
    organizer = event_factories.make_organizer(org["district"], name="王组织")
    event_services.check_in(
        by=organizer,
        session_id=event.sessions.get().pk,
        registration_id=registration.pk,
        method=CheckInMethod.MANUAL,
    )
    encrypted, keyed_hash, masked = protect_id_number(make_id_number())
    volunteer = make_volunteer(
        org["community"],
        user,
        phone="13911112222",
        id_number_encrypted=encrypted,
        id_number_hash=keyed_hash,
        id_number_masked=masked,
    )
    make_record(volunteer, hours="3.50")
    CalendarFeed.objects.create(user=user)
    someone_else = event_factories.make_user("路人")
    event_factories.make_registration(event, someone_else, party_size=1, phone="13600009999")
    return {"user": user, "registration": registration, "volunteer": volunteer, "organizer": organizer}


def download(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get("/my-data.json")


def test_everything_held_on_me(person):
    response = download(person["user"])
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="yulan-my-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["display_name"] == "陈静"
    [registration] = data["registrations"]
    assert registration["phone"] == "13700001234"
    assert registration["companions"] == [{"name": "陈小宝", "age": 5}]
    assert registration["event"]["name"] == person["registration"].event.title
    [check_in] = data["check_ins"]
    assert check_in["checked_in_by"] == {"id": person["organizer"].pk}
    assert data["volunteer"]["phone"] == "13911112222"
    assert data["volunteer"]["id_number_masked"] == person["volunteer"].id_number_masked
    assert [record["hours"] for record in data["service_records"]] == ["3.50"]
    assert len(data["calendar_feed"]) == 1


def test_no_credentials_nor_anybody_else(person):
    text = download(person["user"]).content.decode()
    volunteer, registration = person["volunteer"], person["registration"]
    for secret in (
        person["user"].password,
        registration.token,
        CalendarFeed.objects.get(user=person["user"]).token,
        volunteer.id_number_encrypted,
        volunteer.id_number_hash,
        person["organizer"].email,
        "王组织",
        "13600009999",
    ):
        assert secret not in text


def test_only_for_the_signed_in(person):
    assert download(None).status_code == 401
    assert Client().post("/my-data.json").status_code in (401, 405)


def test_what_is_withheld_names_real_fields():
    from django.apps import apps

    from cms.accounts.personal_data import WITHHELD

    for label, fields in WITHHELD.items():
        names = {field.name for field in apps.get_model(label)._meta.concrete_fields}
        assert fields <= names, label
