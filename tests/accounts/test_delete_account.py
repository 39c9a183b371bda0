"""Delete my account: personal data goes, seats and places go back, organizers' numbers stay."""

import datetime
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from cms.accounts.models import User
from events.models import CalendarFeed, Registration, RegistrationStatus
from tests.events import factories as event_factories
from tests.home.factories import make_org_tree
from tests.volunteers.api import make_record
from tests.volunteers.factories import make_shift, make_volunteer
from volunteers.models import ServiceRecord, ShiftSignup, SignupStatus, Volunteer, VolunteerStatus

pytestmark = pytest.mark.django_db

DELETE = """mutation($typed: String!) { deleteMyAccount(input: {confirm: $typed}) {
  deleted errors { field code } } }"""


@pytest.fixture
def world():
    org = make_org_tree()
    user = event_factories.make_user(
        "陈静", email="chen@example.com", phone="+8613800138000", phone_verified=True
    )
    CalendarFeed.objects.create(user=user)
    TOTP.activate(user, "JBSWY3DPEHPK3PXP")
    full = event_factories.make_event(org["district"], capacity=1, waitlist_enabled=True)
    mine = event_factories.make_registration(full, user, phone="13700001234")
    waiting = event_factories.make_registration(full, event_factories.make_user("等待者"))
    assert waiting.status == RegistrationStatus.WAITLISTED
    past_event = event_factories.make_event(org["district"], ask_companions=True, max_party_size=2)
    attended = event_factories.make_registration(
        past_event, user, party_size=2, companions=[{"name": "陈小宝", "age": 5}], phone="13700001234"
    )
    yesterday = timezone.now() - datetime.timedelta(days=1)
    past_event.sessions.update(starts_at=yesterday, ends_at=yesterday + datetime.timedelta(hours=2))
    volunteer = make_volunteer(
        org["community"], user, phone="13911112222", id_number_masked="3204**********123X"
    )
    record = make_record(volunteer, hours="3.50")
    shift = make_shift(org["district"])
    signup = ShiftSignup.objects.create(volunteer=volunteer, shift=shift, status=SignupStatus.CONFIRMED)
    return locals()


def test_deleting_keeps_the_numbers_and_drops_the_person(gql, world):
    gql.login(world["user"])
    assert gql(DELETE, {"typed": " CHEN@example.com "})["deleteMyAccount"] == {"deleted": True, "errors": []}
    assert gql("{ me { id } }")["me"] is None  # signed out

    user = User.objects.get(pk=world["user"].pk)
    assert (user.email, user.phone, user.display_name) == ("", "", "")
    assert not user.is_active and not user.has_usable_password() and not user.phone_verified
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Authenticator.objects.filter(user=user).exists()
    assert not CalendarFeed.objects.filter(user=user).exists()

    mine = Registration.objects.get(pk=world["mine"].pk)
    assert mine.status == RegistrationStatus.CANCELLED_BY_REGISTRANT
    assert Registration.objects.get(pk=world["waiting"].pk).status == RegistrationStatus.CONFIRMED  # promoted
    attended = Registration.objects.get(pk=world["attended"].pk)
    assert attended.status == RegistrationStatus.CONFIRMED and attended.party_size == 2  # past: kept
    for registration in (mine, attended):
        assert (registration.phone, registration.companions, registration.answers) == ("", [], {})
        assert "陈静" not in registration.name

    volunteer = Volunteer.objects.get(pk=world["volunteer"].pk)
    assert volunteer.status == VolunteerStatus.WITHDRAWN
    assert (volunteer.phone, volunteer.id_number_masked, volunteer.emergency_contact_phone) == ("", "", "")
    assert volunteer.real_name != "陈静" and (volunteer.birth_date.month, volunteer.birth_date.day) == (1, 1)
    assert volunteer.number == world["volunteer"].number
    assert ShiftSignup.objects.get(pk=world["signup"].pk).status == SignupStatus.WITHDRAWN
    assert ServiceRecord.objects.get(pk=world["record"].pk).hours == Decimal("3.50")


def test_the_phone_number_confirms_too(gql, world):
    gql.login(world["user"])
    assert gql(DELETE, {"typed": "138 0013 8000"})["deleteMyAccount"] == {"deleted": True, "errors": []}
    assert not User.objects.get(pk=world["user"].pk).is_active


@pytest.mark.parametrize("typed", ["", "someone@example.com", "chen@example", "13900139000", "12345"])
def test_a_wrong_confirmation_changes_nothing(gql, world, typed):
    gql.login(world["user"])
    payload = gql(DELETE, {"typed": typed})["deleteMyAccount"]
    assert payload == {"deleted": False, "errors": [{"field": "confirm", "code": "INVALID"}]}
    user = User.objects.get(pk=world["user"].pk)
    assert user.is_active and user.email == "chen@example.com"
    assert Registration.objects.get(pk=world["mine"].pk).status == RegistrationStatus.CONFIRMED
    assert Volunteer.objects.get(pk=world["volunteer"].pk).phone == "13911112222"


def test_staff_and_anonymous_cannot(gql, world):
    payload = gql(DELETE, {"typed": "x"})["deleteMyAccount"]
    assert payload["errors"] == [{"field": None, "code": "UNAUTHENTICATED"}]
    staff = event_factories.make_user("编辑", email="editor@example.com", is_staff=True)
    gql.login(staff)
    payload = gql(DELETE, {"typed": "editor@example.com"})["deleteMyAccount"]
    assert payload == {"deleted": False, "errors": [{"field": None, "code": "PERMISSION_DENIED"}]}
    assert User.objects.get(pk=staff.pk).is_active
