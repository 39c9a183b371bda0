"""Consent records: the privacy notice accepted at sign-up (its current version only), the
volunteer agreement and a guardian's consent at application; all in "my data"."""

import json

import pytest
from django.test import Client

from cms.accounts.models import ConsentKind, ConsentRecord, PrivacyNotice
from tests.accounts.conftest import Browser
from tests.home.factories import make_org_tree
from tests.volunteers.factories import apply_as, make_user, years_ago

pytestmark = pytest.mark.django_db

PASSWORD = "Yulan-2026-consent"


def sign_up(browser, **fields):
    return browser.post("/auth/signup", {"email": "lan@example.com", "password": PASSWORD, **fields})


def test_signing_up_records_the_notice_accepted(django_user_model):
    response = sign_up(Browser(), privacy_version="2026-01")
    assert response.status_code == 200  # signed in: verifying the email address is optional
    [record] = ConsentRecord.objects.all()
    assert (record.user.email, record.kind, record.version) == (
        "lan@example.com",
        "privacy_notice",
        "2026-01",
    )


@pytest.mark.parametrize("fields", [{}, {"privacy_version": "2025-01"}, {"privacy_version": ""}])
def test_no_account_without_the_current_notice(django_user_model, fields):
    response = sign_up(Browser(), **fields)
    assert response.status_code == 400
    assert [error["param"] for error in response.json()["errors"]] == ["privacy_version"]
    assert not django_user_model.objects.exists() and not ConsentRecord.objects.exists()


def test_the_notice_in_force_and_my_consents(gql):
    notice = PrivacyNotice.load()
    notice.version, notice.text = "2027-01", "<p>新版隐私政策</p>"
    notice.save()
    assert gql("{ privacyNotice { version text } }")["privacyNotice"] == {
        "version": "2027-01",
        "text": "<p>新版隐私政策</p>",
    }
    assert sign_up(Browser(), privacy_version="2026-01").status_code == 400  # no longer current
    org = make_org_tree()
    minor = make_user("李小梅")
    apply_as(
        minor,
        org["community"],
        birth_date=years_ago(16),
        guardian_name="李父",
        guardian_phone="13800000003",
        guardian_consent=True,
    )
    gql.login(minor)
    consents = gql("{ me { consents { kind version givenAt } } }")["me"]["consents"]
    assert [(c["kind"], c["version"]) for c in consents] == [
        (ConsentKind.VOLUNTEER_AGREEMENT.name, "2026-01"),
        (ConsentKind.GUARDIAN.name, "2026-01"),
    ]
    client = Client()
    client.force_login(minor)
    exported = json.loads(client.get("/my-data.json").content)["consents"]
    assert [row["kind"] for row in exported] == ["volunteer_agreement", "guardian"]
