"""allauth's headless browser flows at /_allauth/browser/v1/, end to end, as the frontend uses them.

Every request goes through a client that enforces CSRF and sends the token from the `csrftoken`
cookie in `X-CSRFToken`, like the SPA does; after signing in, /graphql/ sees the same session.
"""

import re
from urllib.parse import unquote

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import override_settings
from django_tasks import default_task_backend

from cms.accounts.adapter import send_email
from tests.accounts.conftest import Browser, last_code

PASSWORD = "Yulan-2020-pass"
ME = "{ me { email emailVerified } }"


@pytest.fixture
def alice(django_user_model):
    """A verified account, as left by a completed sign-up."""
    user = django_user_model.objects.create_user("alice", "alice@example.com", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def me(browser):
    response = browser.graphql(ME)
    assert response.status_code == 200, response.content
    return response.json()["data"]["me"]


def pending_flow(response):
    assert response.status_code == 401, response.json()
    return [flow["id"] for flow in response.json()["data"]["flows"] if flow.get("is_pending")]


def test_sign_up_by_email_signs_in_and_mails_a_link_to_verify(browser, django_user_model):
    response = browser.post(
        "/auth/signup", {"email": "lan@example.com", "password": PASSWORD, "privacy_version": "2026-01"}
    )
    assert response.status_code == 200, response.json()
    assert me(browser) == {"email": "lan@example.com", "emailVerified": False}

    (message,) = mail.outbox
    assert message.to == ["lan@example.com"]
    assert message.subject == "[玉兰] 请确认您的Email地址"
    assert "来自玉兰 Yulan的" in message.body
    assert "用户 lan@example.com 使用" in message.body  # named as people know themselves, not "lan"
    assert "testserver的" not in message.body  # greeted by the site's name, not the host's

    response = browser.post("/auth/email/verify", {"key": mailed_key()})
    assert response.status_code == 200, response.json()
    assert me(browser) == {"email": "lan@example.com", "emailVerified": True}
    assert django_user_model.objects.get().username == "lan"


def mailed_key():
    """The key of the link in the latest mail (the frontend's /account/verify-email/<key>)."""
    return unquote(re.search(r"/account/verify-email/(\S+)", mail.outbox[-1].body).group(1))


def test_sign_up_mail_follows_the_request_language(browser):
    browser.post(
        "/auth/signup",
        {"email": "lan@example.com", "password": PASSWORD, "privacy_version": "2026-01"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert mail.outbox[0].subject == "[玉兰] Please Confirm Your Email Address"


def test_sign_up_generates_a_unique_username_from_the_email(django_user_model, db):
    for email in ["lan@example.com", "lan@example.org"]:
        response = Browser().post(
            "/auth/signup", {"email": email, "password": PASSWORD, "privacy_version": "2026-01"}
        )
        assert response.status_code == 200, response.json()
    usernames = set(django_user_model.objects.values_list("username", flat=True))
    assert len(usernames) == 2 and "lan" in usernames and "" not in usernames


def test_sign_up_with_a_taken_email_creates_no_second_account(browser, alice, django_user_model):
    response = browser.post(
        "/auth/signup", {"email": "Alice@example.com", "password": PASSWORD, "privacy_version": "2026-01"}
    )
    # With email verification optional, allauth says so (sign-up is by phone first, where it does not).
    assert response.status_code == 400
    assert [error["code"] for error in response.json()["errors"]] == ["email_taken"]
    assert django_user_model.objects.count() == 1
    assert mail.outbox == []


def test_login_with_email_and_password(browser, alice):
    response = browser.post("/auth/login", {"email": "alice@example.com", "password": PASSWORD})
    assert response.status_code == 200, response.json()
    assert response.json()["data"]["user"]["email"] == "alice@example.com"
    assert browser.get("/auth/session").status_code == 200
    assert me(browser) == {"email": "alice@example.com", "emailVerified": True}


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("zh-hans", "您提供的电子邮件地址和/或密码不正确。"),
        ("en", "The email address and/or password you specified are not correct."),
    ],
)
def test_wrong_password_is_refused_in_the_request_language(browser, alice, language, message):
    response = browser.post(
        "/auth/login", {"email": "alice@example.com", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == message
    assert me(browser) is None


def test_an_unverified_email_still_signs_in(browser, django_user_model):
    django_user_model.objects.create_user("lan", "lan@example.com", PASSWORD)
    response = browser.post("/auth/login", {"email": "lan@example.com", "password": PASSWORD})
    assert response.status_code == 200, response.json()
    assert me(browser) == {"email": "lan@example.com", "emailVerified": False}


def test_login_by_emailed_code(browser, alice):
    response = browser.post("/auth/code/request", {"email": "alice@example.com"})
    assert pending_flow(response) == ["login_by_code"]
    assert mail.outbox[-1].subject == "[玉兰] 登录代码"

    response = browser.post("/auth/code/confirm", {"code": last_code()})
    assert response.status_code == 200, response.json()
    assert me(browser)["email"] == "alice@example.com"


def test_password_reset_by_emailed_code(browser, alice):
    response = browser.post("/auth/password/request", {"email": "alice@example.com"})
    assert pending_flow(response) == ["password_reset_by_code"]
    assert mail.outbox[-1].subject == "[玉兰] 密码重置代码"

    response = browser.post("/auth/password/reset", {"key": last_code(), "password": "New-Yulan-2021"})
    assert response.status_code == 401  # reset done; signing in is the next step
    old = browser.post("/auth/login", {"email": "alice@example.com", "password": PASSWORD})
    assert old.status_code == 400
    new = browser.post("/auth/login", {"email": "alice@example.com", "password": "New-Yulan-2021"})
    assert new.status_code == 200, new.json()


def test_logout_ends_the_session_for_graphql_too(browser, alice):
    browser.post("/auth/login", {"email": "alice@example.com", "password": PASSWORD})
    assert me(browser) is not None

    response = browser.delete("/auth/session")
    assert response.status_code == 401
    assert browser.get("/auth/session").status_code == 401
    assert me(browser) is None


def test_session_cookie_alone_cannot_post_without_the_csrf_token(browser, alice):
    browser.post("/auth/login", {"email": "alice@example.com", "password": PASSWORD})
    forged = browser.client.post("/graphql/", {"query": ME}, content_type="application/json")
    assert forged.status_code == 403
    refused = browser.client.post(
        "/_allauth/browser/v1/auth/code/request",
        {"email": "alice@example.com"},
        content_type="application/json",
    )
    assert refused.status_code == 403


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_mails_are_sent_by_a_background_task(browser):
    browser.post(
        "/auth/signup", {"email": "lan@example.com", "password": PASSWORD, "privacy_version": "2026-01"}
    )
    assert mail.outbox == []
    (result,) = default_task_backend.results
    assert result.task.name == "send_email"

    result.task.call(*result.args, **result.kwargs)
    assert mail.outbox[0].subject == "[玉兰] 请确认您的Email地址"


def test_the_mail_task_keeps_an_html_part():
    send_email.call(
        "主题", "正文", "玉兰 Yulan <noreply@localhost>", ["lan@example.com"], [["<p>正文</p>", "text/html"]]
    )
    (message,) = mail.outbox
    assert (message.subject, message.body, message.alternatives) == (
        "主题",
        "正文",
        [("<p>正文</p>", "text/html")],
    )
