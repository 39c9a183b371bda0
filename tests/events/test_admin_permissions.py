"""The unit-scoped rule in the admin (acceptance 6): an organizer manages the events of their unit
and every unit below it, nothing else; the city's organizer manages every event; superusers too.

Organizers enter the admin through the "Organizers" group (``wagtailadmin.access_admin`` and the
event permissions); the ``UnitOrganizer`` rows decide which events.
"""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from events.admin.permissions import event_permission_policy
from events.models import Event
from home.models.org_units import ORGANIZERS_GROUP, UnitOrganizer
from tests.events import factories

pytestmark = pytest.mark.django_db


def admin_url(name, *args):
    return reverse(f"events_admin:{name}", args=args)


@pytest.fixture
def organizers_group(db):
    return Group.objects.get(name=ORGANIZERS_GROUP)


@pytest.fixture
def events(org):
    """One event per unit, titled after it."""
    return {key: factories.make_event(unit, title=f"{unit.name}的活动") for key, unit in org.items()}


def login_organizer(client, unit, group, name=None):
    user = factories.make_organizer(unit, name=name)
    user.groups.add(group)
    client.force_login(user)
    return user


def listed_titles(response):
    assert response.status_code == 200
    return {event.title for event in response.context["object_list"]}


def sidebar_urls(html):
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    return re.findall(r'"url": "([^"]*)"', json.dumps(json.loads(props.group(1))))


def test_the_group_holds_admin_access_and_the_event_permissions(organizers_group):
    assert organizers_group.name == ORGANIZERS_GROUP == "Organizers"
    codenames = set(organizers_group.permissions.values_list("content_type__app_label", "codename"))
    assert codenames == {
        ("wagtailadmin", "access_admin"),
        ("events", "add_event"),
        ("events", "change_event"),
        ("events", "delete_event"),
    }


def test_district_organizer_lists_their_district_and_its_communities_only(
    client, org, events, organizers_group
):
    login_organizer(client, org["district"], organizers_group)
    titles = listed_titles(client.get(admin_url("index")))
    assert titles == {events["district"].title, events["street"].title, events["community"].title}
    assert events["other_district"].title not in titles  # 金坛区
    assert events["city"].title not in titles  # the unit above is not theirs


def test_city_organizer_lists_every_event(client, org, events, organizers_group):
    login_organizer(client, org["city"], organizers_group)
    assert listed_titles(client.get(admin_url("index"))) == {event.title for event in events.values()}


def test_superuser_lists_every_event(client, events):
    client.force_login(factories.make_superuser())
    assert listed_titles(client.get(admin_url("index"))) == {event.title for event in events.values()}


def test_community_organizer_sees_only_the_community(client, org, events, organizers_group):
    login_organizer(client, org["community"], organizers_group)
    assert listed_titles(client.get(admin_url("index"))) == {events["community"].title}


@pytest.mark.parametrize(
    ("name", "extra_args"),
    [
        ("edit", ()),
        ("delete", ()),
        ("copy", ()),
        ("history", ()),
        ("usage", ()),
        ("series", ()),
        ("registrations", ()),
        ("add_registration", ()),
        ("capacity", ()),
        ("cancel_event", ()),
        ("export", ()),
        ("check_in", ()),
        ("check_in_session", ("session",)),
        ("check_in_counts", ("session",)),
        ("check_in_search", ("session",)),
    ],
)
def test_another_units_event_is_refused(client, org, events, organizers_group, name, extra_args):
    login_organizer(client, org["district"], organizers_group)
    other = events["other_district"]
    args = [other.pk] + [factories.session_of(other).pk for _ in extra_args]
    response = client.get(admin_url(name, *args))
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard and a message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    # An XMLHttpRequest (the check-in screen's fetches) gets a plain 403.
    assert (
        client.get(admin_url(name, *args), headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    )


def test_another_units_event_cannot_be_changed_by_post(client, org, events, organizers_group):
    login_organizer(client, org["district"], organizers_group)
    other = events["other_district"]
    registration = factories.make_registration(other)
    session = factories.session_of(other)
    posts = [
        (admin_url("delete", other.pk), {}),
        (admin_url("capacity", other.pk), {"capacity": 50}),
        (admin_url("cancel_event", other.pk), {"reason": "下雨"}),
        (admin_url("cancel_registration", other.pk, registration.pk), {"reason": "重复报名"}),
        (admin_url("add_registration", other.pk), {"name": "王芳", "phone": "13800000000", "party_size": 1}),
        (admin_url("check_in_scan", other.pk, session.pk), {"token": registration.token}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 302, url
    other.refresh_from_db()
    registration.refresh_from_db()
    assert other.capacity == 10 and other.status == "published"
    assert registration.status == "confirmed" and not registration.check_ins.exists()
    assert other.registrations.count() == 1


def test_own_events_screens_open(client, org, events, organizers_group):
    login_organizer(client, org["district"], organizers_group)
    community_event = events["community"]
    for name in ("edit", "registrations", "export", "series", "copy"):
        assert client.get(admin_url(name, community_event.pk)).status_code == 200, name


def test_organizer_choice_is_limited_to_managed_units(client, org, organizers_group):
    login_organizer(client, org["district"], organizers_group)
    form = client.get(admin_url("add")).context["form"]
    assert set(form.fields["organizer"].queryset) == {org["district"], org["street"], org["community"]}


def test_organizer_cannot_create_an_event_for_another_unit(client, org, organizers_group):
    from tests.events.test_admin import event_form_data

    login_organizer(client, org["district"], organizers_group)
    venue = factories.make_venue(org["other_district"])
    response = client.post(
        admin_url("add"),
        event_form_data(title="越权活动", organizer=org["other_district"].pk, venue=venue.pk),
    )
    assert response.status_code == 200
    assert "organizer" in response.context["form"].errors
    assert not Event.objects.filter(title="越权活动").exists()


def test_group_member_without_a_unit_manages_nothing(client, events, organizers_group):
    user = factories.make_user("没有单位的人")
    user.groups.add(organizers_group)
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200  # may enter the admin
    assert admin_url("index") not in sidebar_urls(client.get(reverse("wagtailadmin_home")).content.decode())
    assert client.get(admin_url("index"))["Location"] == reverse("wagtailadmin_home")
    assert client.get(admin_url("registrations", events["district"].pk)).status_code == 302


def test_organizers_join_the_group_and_leave_it_with_their_last_unit(org):
    user = factories.make_organizer(org["district"])
    assert user.groups.filter(name=ORGANIZERS_GROUP).exists()
    role = UnitOrganizer.objects.create(user=user, org_unit=org["other_district"])
    user.organizer_roles.get(org_unit=org["district"]).delete()
    assert user.groups.filter(name=ORGANIZERS_GROUP).exists()
    role.delete()
    assert not user.groups.filter(name=ORGANIZERS_GROUP).exists()


def test_organizer_without_the_group_cannot_enter_the_admin(client, org, events):
    user = factories.make_organizer(org["district"])
    user.groups.clear()
    client.force_login(user)
    response = client.get(admin_url("index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_menu_shows_events_to_organizers(client, org, organizers_group):
    login_organizer(client, org["district"], organizers_group)
    assert admin_url("index") in sidebar_urls(client.get(reverse("wagtailadmin_home")).content.decode())


def test_policy_lists_the_users_who_manage_an_event(org, events, organizers_group):
    district = factories.make_organizer(org["district"])
    city = factories.make_organizer(org["city"])
    other = factories.make_organizer(org["other_district"])
    for user in (district, city, other):
        user.groups.add(organizers_group)
    superuser = factories.make_superuser()
    users = set(event_permission_policy.users_with_permission_for_instance("change", events["community"]))
    assert users == {district, city, superuser}
    assert event_permission_policy.user_has_permission_for_instance(district, "change", events["street"])
    assert not event_permission_policy.user_has_permission_for_instance(other, "change", events["street"])
    managed = event_permission_policy.instances_user_has_permission_for(other, "change")
    assert set(managed) == {events["other_district"]}
