"""Two-step verification: staff and organizers pass an authenticator code before the admin and the
organizer mutations (cms/accounts/mfa.py)."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Permission
from django.test import override_settings

from cms.graphql.mutations import ServiceMutation
from events.models import Registration, RegistrationStatus
from tests.accounts.conftest import Browser
from tests.accounts.test_auth_flows import pending_flow
from tests.conftest import force_login_without_mfa
from tests.events import factories

PASSWORD = "Yulan-2020-pass"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret=SECRET, offset=0):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.com", PASSWORD, is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


@pytest.fixture
def editor_with_totp(editor):
    TOTP.activate(editor, SECRET)
    return editor


def sent_to_security(response, next_path="/admin/"):
    return (
        response.status_code == 302
        and response["Location"] == f"/account/security?next={next_path.replace('/', '%2F')}"
    )


def test_staff_signed_in_by_password_is_sent_to_the_security_screen(client, editor):
    client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert sent_to_security(client.get("/admin/"))
    assert sent_to_security(client.get("/admin/pages/"), "/admin/pages/")
    assert client.get("/admin/login/").status_code == 302  # signing in and out stay open
    assert client.post("/admin/logout/").status_code == 302
    assert client.get("/admin/").url.startswith("/admin/login/")


def test_the_admin_opens_once_a_code_was_passed_in_the_session(db, editor_with_totp):
    browser = Browser()
    response = browser.post("/auth/login", {"email": "editor@example.com", "password": PASSWORD})
    assert pending_flow(response) == ["mfa_authenticate"]
    assert browser.client.get("/admin/").status_code == 302  # not signed in yet
    response = browser.post("/auth/2fa/authenticate", {"code": totp_code()})
    assert response.status_code == 200, response.json()
    assert browser.client.get("/admin/").status_code == 200


def test_a_recovery_code_also_passes(db, editor_with_totp):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    codes = RecoveryCodes.activate(editor_with_totp).get_unused_codes()
    browser = Browser()
    browser.post("/auth/login", {"email": "editor@example.com", "password": PASSWORD})
    assert browser.post("/auth/2fa/authenticate", {"code": codes[0]}).status_code == 200
    assert browser.client.get("/admin/").status_code == 200


def test_a_password_session_passes_by_entering_the_code(db, editor_with_totp):
    browser = Browser()
    csrf = browser.client.cookies["csrftoken"].value
    login = {"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": csrf}
    assert browser.client.post("/admin/login/", login).status_code == 302
    assert sent_to_security(browser.client.get("/admin/"))
    assert browser.graphql("{ me { mfaRequired mfaPassed } }").json()["data"]["me"] == {
        "mfaRequired": True,
        "mfaPassed": False,
    }
    assert browser.post("/auth/2fa/reauthenticate", {"code": "000000"}).status_code == 400
    assert sent_to_security(browser.client.get("/admin/"))
    assert browser.post("/auth/2fa/reauthenticate", {"code": totp_code()}).status_code == 200
    assert browser.client.get("/admin/").status_code == 200
    assert browser.graphql("{ me { mfaPassed } }").json()["data"]["me"] == {"mfaPassed": True}


# allauth announces the new authenticator on commit; the data are restored after (as elsewhere)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_setting_the_authenticator_up_passes_and_gives_recovery_codes(editor):
    browser = Browser()
    browser.post("/auth/login", {"email": "editor@example.com", "password": PASSWORD})
    assert sent_to_security(browser.client.get("/admin/"))
    response = browser.get("/account/authenticators/totp")
    assert response.status_code == 404
    secret = response.json()["meta"]["secret"]
    assert response.json()["meta"]["totp_url"].startswith("otpauth://totp/")
    # setting it up wants the password again (a stolen session alone cannot set up its own)
    assert browser.post("/account/authenticators/totp", {"code": totp_code(secret)}).status_code == 401
    assert browser.post("/auth/reauthenticate", {"password": PASSWORD}).status_code == 200
    assert browser.post("/account/authenticators/totp", {"code": "000000"}).status_code == 400
    assert not Authenticator.objects.filter(user=editor).exists()
    assert browser.post("/account/authenticators/totp", {"code": totp_code(secret)}).status_code == 200
    assert browser.client.get("/admin/").status_code == 200
    codes = browser.get("/account/authenticators/recovery-codes").json()["data"]["unused_codes"]
    assert len(codes) == 10


def test_people_who_are_neither_staff_nor_organizers_need_no_code(client, django_user_model):
    user = django_user_model.objects.create_user("lan", "lan@example.com", PASSWORD)
    force_login_without_mfa(client, user)
    data = client.post(
        "/graphql/", {"query": "{ me { mfaRequired mfaPassed } }"}, content_type="application/json"
    ).json()
    assert data["data"]["me"] == {"mfaRequired": False, "mfaPassed": False}


@override_settings(STAFF_MFA_REQUIRED=False)
def test_an_installation_may_switch_the_rule_off(client, editor):
    force_login_without_mfa(client, editor)
    assert client.get("/admin/").status_code == 200


# --- organizer mutations ------------------------------------------------------------------------


def test_the_organizer_mutations_are_marked():
    marked = {
        cls._meta.name.removesuffix("Payload")
        for cls in _subclasses(ServiceMutation)
        if not cls.__module__.startswith("tests.") and cls._meta.organizer
    }
    assert marked == {
        "ApproveRegistration",
        "RejectRegistration",
        "CheckIn",
        "UndoCheckIn",
        "CancelEvent",
        "ApproveVolunteer",
        "SuspendVolunteer",
        "DecideJoinRequest",
        "DecideShiftSignup",
        "AssignVolunteerToShift",
        "CheckInVolunteer",
        "CheckOutVolunteer",
        "ApproveServiceRecord",
        "CorrectServiceRecord",
        "VoidServiceRecord",
        "AddManualServiceRecord",
        "DecideCorrectionRequest",
    }


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


APPROVE = """mutation($id: ID!) { approveRegistration(input: {registrationId: $id}) {
  registration { status } errors { field code } } }"""


@pytest.fixture
def unit(db):
    return factories.make_org_tree()["district"]


@pytest.fixture
def pending(unit):
    event = factories.make_event(unit, requires_approval=True)
    return factories.make_registration(event, factories.make_user("小王"))


def test_an_organizer_without_a_code_is_refused_and_nothing_changes(gql, client, unit, pending):
    organizer = factories.make_organizer(unit)
    force_login_without_mfa(client, organizer)
    payload = gql(APPROVE, {"id": pending.pk})["approveRegistration"]
    assert payload == {"registration": None, "errors": [{"field": None, "code": "MFA_REQUIRED"}]}
    assert Registration.objects.get(pk=pending.pk).status == RegistrationStatus.PENDING


def test_an_organizer_with_a_code_may_act(gql, unit, pending):
    gql.login(factories.make_organizer(unit))  # as if signed in with the code
    payload = gql(APPROVE, {"id": pending.pk})["approveRegistration"]
    assert payload["errors"] == [] and payload["registration"]["status"] == "CONFIRMED"


def test_someone_else_is_still_told_they_may_not(gql, client, unit, pending):
    force_login_without_mfa(client, factories.make_user("路人"))
    payload = gql(APPROVE, {"id": pending.pk})["approveRegistration"]
    assert payload["errors"] == [{"field": None, "code": "PERMISSION_DENIED"}]


CANCEL = """mutation($id: ID!) { cancelRegistration(input: {registrationId: $id, reason: "场地维修"}) {
  registration { status } errors { code } } }"""


def test_an_organizer_cancels_her_own_registration_without_a_code_but_no_one_elses(gql, client, unit):
    organizer = factories.make_organizer(unit)
    event = factories.make_event(unit)
    hers = factories.make_registration(event, organizer)
    theirs = factories.make_registration(event, factories.make_user("小李"))
    force_login_without_mfa(client, organizer)
    refused = gql(CANCEL, {"id": theirs.pk})["cancelRegistration"]
    assert refused == {"registration": None, "errors": [{"code": "MFA_REQUIRED"}]}
    assert Registration.objects.get(pk=theirs.pk).status == RegistrationStatus.CONFIRMED
    done = gql(CANCEL, {"id": hers.pk})["cancelRegistration"]
    assert done["errors"] == [] and done["registration"]["status"] == "CANCELLED_BY_REGISTRANT"


def test_staff_cannot_turn_their_authenticator_off(db, editor_with_totp):
    browser = Browser()
    browser.post("/auth/login", {"email": "editor@example.com", "password": PASSWORD})
    browser.post("/auth/2fa/authenticate", {"code": totp_code()})
    response = browser.delete("/account/authenticators/totp")
    assert response.status_code == 403
    assert response.json()["errors"][0]["message"] == "工作人员和组织人员必须保持两步验证开启。"
    assert Authenticator.objects.filter(user=editor_with_totp).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # allauth deletes on commit
def test_others_may_turn_it_off(django_user_model):
    user = django_user_model.objects.create_user("lan", "lan@example.com", PASSWORD)
    TOTP.activate(user, SECRET)
    browser = Browser()
    browser.post("/auth/login", {"email": "lan@example.com", "password": PASSWORD})
    browser.post("/auth/2fa/authenticate", {"code": totp_code()})
    browser.post("/auth/reauthenticate", {"password": PASSWORD})
    assert browser.delete("/account/authenticators/totp").status_code == 200
    assert not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
