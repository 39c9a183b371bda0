"""Deleting or unpublishing a class or campaign page keeps its events and every registration
(acceptance 7): ``Event.page`` is cleared (SET_NULL), nothing cascades."""

import pytest
from django.urls import reverse

from events import services
from events.models import CheckIn, Event, Registration, RegistrationStatus
from tests.events import factories
from tests.home import factories as content

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    home, sections = content.make_site()
    return {"home": home, **sections}


@pytest.fixture
def superuser_client(client):
    client.force_login(factories.make_superuser())
    return client


@pytest.fixture
def class_page(site, venue):
    return content.make_class(site["classes"], content.make_category(), venue, title="茶艺课堂")


@pytest.fixture
def course(org, venue, organizer, class_page):
    """Two events of the class, with confirmed, cancelled and checked-in registrations."""
    first = factories.make_event(
        org["district"], venue=venue, page=class_page, title="茶艺班第一期", sessions=2
    )
    second = factories.make_event(org["district"], venue=venue, page=class_page, title="茶艺班第二期")
    kept = factories.make_registration(first)
    cancelled = factories.make_registration(first)
    services.cancel_registration(cancelled.pk, by=cancelled.user)
    services.check_in(by=organizer, session_id=factories.session_of(first).pk, token=kept.token, method="qr")
    factories.make_registration(second, by=organizer, name="王芳")
    return {"events": [first, second], "registrations": set(Registration.objects.values_list("pk", "status"))}


def assert_everything_kept(course, page):
    for event in course["events"]:
        event.refresh_from_db()  # raises if the event was deleted
        assert event.page_id == (None if page is None else page.pk)
    assert set(Registration.objects.values_list("pk", "status")) == course["registrations"]
    assert RegistrationStatus.CANCELLED_BY_REGISTRANT in {status for _pk, status in course["registrations"]}
    assert CheckIn.objects.count() == 1


def test_deleting_a_class_page_in_the_admin_keeps_its_events_and_registrations(
    superuser_client, class_page, course
):
    response = superuser_client.get(reverse("wagtailadmin_pages:delete", args=[class_page.pk]))
    assert response.status_code == 200
    response = superuser_client.post(reverse("wagtailadmin_pages:delete", args=[class_page.pk]))
    assert response.status_code == 302
    assert not type(class_page).objects.filter(pk=class_page.pk).exists()
    assert_everything_kept(course, None)


def test_deleting_the_section_above_keeps_the_events(site, class_page, course):
    site["classes"].delete()  # the class page goes with its parent
    assert not type(class_page).objects.filter(pk=class_page.pk).exists()
    assert_everything_kept(course, None)


def test_unpublishing_a_class_page_keeps_its_events_and_their_link(superuser_client, class_page, course):
    response = superuser_client.post(reverse("wagtailadmin_pages:unpublish", args=[class_page.pk]))
    assert response.status_code == 302
    class_page.refresh_from_db()
    assert not class_page.live
    assert_everything_kept(course, class_page)


def test_deleting_a_campaign_page_keeps_its_event(site, org, organizer):
    campaign = content.make_campaign(site["campaigns"], org["city"], title="家风小剧场巡演")
    event = factories.make_event(org["district"], page=campaign, title="家风小剧场（茶山站）")
    registration = factories.make_registration(event, by=organizer, name="李娜")
    campaign.delete()
    event.refresh_from_db()
    registration.refresh_from_db()
    assert event.page is None and registration.event == event
    assert Event.objects.filter(pk=event.pk).exists()
