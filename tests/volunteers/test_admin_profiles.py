"""The volunteers screens of the admin: the listing, the approval queue, a volunteer's page, and
approve / suspend through the services. Organizers see only the volunteers of the units they
manage; direct URLs to anybody else's are refused."""

import re

import pytest
from django.urls import reverse

from tests.volunteers import factories
from tests.volunteers.admin_helpers import admin_url, messages_of, refused, staff_client
from volunteers.models import VolunteerStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, organizer):
    return staff_client(client, organizer)


@pytest.fixture
def applicant(org):
    return factories.make_volunteer(org["community"], name="李小梅", status=VolunteerStatus.APPLIED)


@pytest.fixture
def stranger(org):
    """An applicant of another district (金坛区)."""
    return factories.make_volunteer(org["other_district"], name="赵外区", status=VolunteerStatus.APPLIED)


def names(response):
    assert response.status_code == 200
    return {volunteer.real_name for volunteer in response.context["page"].object_list}


def test_queue_lists_the_applications_of_managed_units_only(staff, applicant, stranger, volunteer):
    response = staff.get(admin_url("applications"))
    assert names(response) == {"李小梅"}  # not the approved 王小红, not 赵外区 of another district
    html = response.content.decode()
    assert admin_url("approve_volunteer", applicant.pk) in html
    assert admin_url("suspend_volunteer", applicant.pk) in html


def test_approve_from_the_queue_assigns_a_number(staff, applicant):
    next_url = admin_url("applications")
    response = staff.post(admin_url("approve_volunteer", applicant.pk), {"next": next_url})
    assert response.status_code == 302 and response["Location"] == next_url
    applicant.refresh_from_db()
    assert applicant.status == VolunteerStatus.APPROVED
    assert re.fullmatch(r"CZ\d{10}", applicant.number)
    assert any(applicant.number in message for message in messages_of(response))


def test_suspend_needs_a_reason_and_shows_the_refusal_as_a_message(staff, applicant):
    response = staff.post(admin_url("suspend_volunteer", applicant.pk), {"reason": "  "}, follow=True)
    assert response.status_code == 200
    assert any("reason" in message.lower() or "原因" in message for message in messages_of(response))
    applicant.refresh_from_db()
    assert applicant.status == VolunteerStatus.APPLIED
    staff.post(admin_url("suspend_volunteer", applicant.pk), {"reason": "材料不全"})
    applicant.refresh_from_db()
    assert applicant.status == VolunteerStatus.SUSPENDED and applicant.status_reason == "材料不全"


def test_approving_twice_is_a_message_not_an_error_page(staff, volunteer):
    response = staff.post(admin_url("approve_volunteer", volunteer.pk))
    assert response.status_code == 302
    assert messages_of(response)  # WRONG_STATUS, as a readable message
    volunteer.refresh_from_db()
    assert volunteer.status == VolunteerStatus.APPROVED


def test_actions_are_post_only(staff, applicant):
    assert staff.get(admin_url("approve_volunteer", applicant.pk)).status_code == 405


def test_listing_searches_and_filters_within_managed_units(staff, org, applicant, stranger, volunteer):
    assert names(staff.get(admin_url("index"))) == {"李小梅", "王小红"}
    assert names(staff.get(admin_url("index"), {"q": "小梅"})) == {"李小梅"}
    assert names(staff.get(admin_url("index"), {"q": volunteer.number})) == {"王小红"}
    assert names(staff.get(admin_url("index"), {"status": "approved"})) == {"王小红"}
    assert names(staff.get(admin_url("index"), {"unit": org["street"].pk})) == {"李小梅", "王小红"}


def test_volunteer_page_shows_the_masked_id_and_the_actions(staff, org):
    volunteer = factories.make_volunteer(
        org["community"], status=VolunteerStatus.APPLIED, id_number_masked="3204**********1234"
    )
    response = staff.get(admin_url("volunteer", volunteer.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "3204**********1234" in html
    assert admin_url("approve_volunteer", volunteer.pk) in html


def test_volunteer_page_shows_the_full_id_only_with_the_permission(client, organizer, org):
    from django.contrib.auth.models import Permission

    from volunteers.identity import protect_id_number

    number = factories.make_id_number(birth=factories.adult_birth_date())
    encrypted, hashed, masked = protect_id_number(number)
    volunteer = factories.make_volunteer(
        org["community"], id_number_encrypted=encrypted, id_number_hash=hashed, id_number_masked=masked
    )
    staff_client(client, organizer)
    html = client.get(admin_url("volunteer", volunteer.pk)).content.decode()
    assert masked in html and number not in html
    organizer.user_permissions.add(Permission.objects.get(codename="view_full_id_number"))
    html = client.get(admin_url("volunteer", volunteer.pk)).content.decode()
    assert number in html


def test_another_units_volunteer_is_refused(client, org, stranger, applicant):
    other = factories.make_organizer(org["other_district"])
    staff = staff_client(client, factories.make_organizer(org["district"]))
    assert refused(staff.get(admin_url("volunteer", stranger.pk)))
    response = staff.post(admin_url("approve_volunteer", stranger.pk))
    assert refused(response)
    response = staff.post(admin_url("suspend_volunteer", stranger.pk), {"reason": "越权"})
    assert refused(response)
    stranger.refresh_from_db()
    assert stranger.status == VolunteerStatus.APPLIED
    # ... and the other district's organizer sees only theirs
    staff_client(client, other)
    assert names(client.get(admin_url("applications"))) == {"赵外区"}
    assert refused(client.get(admin_url("volunteer", applicant.pk)))


def test_superuser_sees_every_unit(client, applicant, stranger):
    staff_client(client, factories.make_superuser())
    assert names(client.get(admin_url("applications"))) == {"李小梅", "赵外区"}


def test_people_who_organize_nothing_are_refused_and_see_no_menu(client, org, applicant):
    from django.contrib.auth.models import Group

    from home.models.org_units import ORGANIZERS_GROUP

    user = factories.make_user("路人")
    user.groups.add(Group.objects.get(name=ORGANIZERS_GROUP))
    staff_client(client, user)
    assert refused(client.get(admin_url("applications")))
    assert refused(client.get(admin_url("volunteer", applicant.pk)))
    assert admin_url("index") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_menu_group_shows_to_organizers(staff):
    html = staff.get(reverse("wagtailadmin_home")).content.decode()
    for url in (
        admin_url("applications"),
        admin_url("index"),
        admin_url("records"),
        admin_url("corrections"),
        reverse("volunteer_teams:index"),
        reverse("volunteer_opportunities:index"),
    ):
        assert url in html, url
