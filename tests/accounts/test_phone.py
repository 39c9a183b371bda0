"""Signing up and in with a mobile phone number and SMS codes, through allauth's headless API."""

import json
import logging
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from cms.accounts import sms
from cms.accounts.models import ConsentKind, ConsentRecord, mask_phone
from cms.accounts.phones import normalize_phone
from tests.accounts.conftest import Browser
from tests.accounts.test_auth_flows import me, pending_flow

PHONE = "+8613800138000"


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()


def last_sms_code():
    return re.search(r"\b(\d{6})\b", sms.outbox[-1]["message"]).group(1)


@pytest.fixture
def lan(django_user_model):
    """An account whose phone number was verified at sign-up."""
    return django_user_model.objects.create_user("lan", "", None, phone=PHONE, phone_verified=True)


@pytest.mark.parametrize(
    "typed", ["13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "008613800138000"]
)
def test_phone_numbers_are_normalized_to_e164(typed):
    assert normalize_phone(typed) == PHONE


@pytest.mark.parametrize(
    "typed", ["", "12345", "1380013800", "02568001234", "not a phone", "+86 138 0013 80001"]
)
def test_what_is_not_a_mobile_number_is_refused(typed):
    with pytest.raises(ValidationError):
        normalize_phone(typed)


def test_a_masked_phone_shows_its_ends_only():
    assert mask_phone(PHONE) == "138****8000"
    assert mask_phone("") == ""


def test_sign_up_by_phone_then_the_sms_code_signs_in(browser, django_user_model):
    response = browser.post("/auth/signup", {"phone": "138 0013 8000", "privacy_version": "2026-01"})
    assert pending_flow(response) == ["verify_phone"]
    assert me(browser) is None
    (text,) = sms.outbox
    assert text["phone"] == PHONE
    assert text["message"].startswith("【玉兰】")

    response = browser.post("/auth/phone/verify", {"code": last_sms_code()})
    assert response.status_code == 200, response.json()
    assert response.json()["meta"]["is_authenticated"] is True
    user = django_user_model.objects.get()
    assert (user.phone, user.phone_verified, user.email, user.has_usable_password()) == (
        PHONE,
        True,
        "",
        False,
    )
    assert str(user) == "138****8000"
    assert ConsentRecord.objects.get(user=user).kind == ConsentKind.PRIVACY_NOTICE
    data = browser.graphql("{ me { phone phoneVerified email } }").json()["data"]["me"]
    assert data == {"phone": PHONE, "phoneVerified": True, "email": ""}


def test_a_wrong_sms_code_does_not_sign_in(browser, django_user_model):
    browser.post("/auth/signup", {"phone": PHONE, "privacy_version": "2026-01"})
    response = browser.post("/auth/phone/verify", {"code": "000000"})
    assert response.status_code == 400
    assert me(browser) is None
    assert django_user_model.objects.get().phone_verified is False


def test_sign_up_refuses_an_invalid_phone_and_changes_nothing(browser, django_user_model):
    response = browser.post("/auth/signup", {"phone": "12345", "privacy_version": "2026-01"})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["param"] == "phone" and error["message"] == "请输入有效的手机号码。"
    assert not django_user_model.objects.exists() and sms.outbox == []


def test_sign_up_needs_a_phone_or_an_email(browser, django_user_model):
    response = browser.post("/auth/signup", {"password": "Yulan-2020-pass", "privacy_version": "2026-01"})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["param"] == "phone" and error["message"] == "请输入手机号码（或邮箱地址）。"
    assert not django_user_model.objects.exists()


def test_sign_up_with_a_taken_phone_creates_no_second_account(browser, lan, django_user_model):
    response = browser.post("/auth/signup", {"phone": "13800138000", "privacy_version": "2026-01"})
    assert pending_flow(response) == ["verify_phone"]  # the same answer: nobody learns who has an account
    assert django_user_model.objects.count() == 1
    (text,) = sms.outbox
    assert text["phone"] == PHONE and "已有账户" in text["message"]


def test_sign_in_by_sms_code(browser, lan):
    response = browser.post("/auth/code/request", {"phone": "138 0013 8000"})
    assert pending_flow(response) == ["login_by_code"]
    assert sms.outbox[-1]["phone"] == PHONE
    response = browser.post("/auth/code/confirm", {"code": last_sms_code()})
    assert response.status_code == 200, response.json()
    assert browser.graphql("{ me { phone } }").json()["data"]["me"] == {"phone": PHONE}


def test_a_code_for_an_unknown_number_says_so_to_that_phone_only(browser, lan):
    response = browser.post("/auth/code/request", {"phone": "13900139000"})
    assert pending_flow(response) == ["login_by_code"]  # as for a known number
    (text,) = sms.outbox
    assert text["phone"] == "+8613900139000" and "没有账户" in text["message"]


def test_sign_in_with_phone_and_password(browser, lan):
    lan.set_password("Yulan-2020-pass")
    lan.save()
    response = browser.post("/auth/login", {"phone": "13800138000", "password": "Yulan-2020-pass"})
    assert response.status_code == 200, response.json()
    assert me(browser) is not None


def test_code_requests_are_rate_limited(db, lan):
    browser = Browser()
    responses = [browser.post("/auth/code/request", {"phone": PHONE}) for _ in range(5)]
    assert [response.status_code for response in responses] == [401, 401, 401, 400, 400]
    assert responses[-1].json()["errors"][0]["code"] == "too_many_login_attempts"
    assert len(sms.outbox) == 3


def test_texts_follow_the_request_language(browser):
    browser.post("/auth/signup", {"phone": PHONE, "privacy_version": "2026-01"}, HTTP_ACCEPT_LANGUAGE="en")
    assert sms.outbox[-1]["message"].startswith("[Yulan] Your code is")


@override_settings(SMS_BACKEND="cms.accounts.sms.ConsoleBackend")
def test_sign_in_by_code_end_to_end_with_the_console_sender(browser, lan, caplog):
    """As in development: the code is read off the server's console."""
    with caplog.at_level(logging.WARNING, logger="cms.accounts.sms"):
        browser.post("/auth/code/request", {"phone": "13800138000"})
    code = re.search(r"SMS to \+8613800138000: .*?(\d{6})", caplog.text).group(1)
    assert browser.post("/auth/code/confirm", {"code": code}).status_code == 200
    assert me(browser) is not None


def test_the_console_backend_prints_the_text(caplog):
    with caplog.at_level(logging.WARNING, logger="cms.accounts.sms"):
        sms.ConsoleBackend().send(PHONE, "【玉兰】验证码 ABC123")
    assert "SMS to +8613800138000: 【玉兰】验证码 ABC123" in caplog.text


def test_the_file_backend_appends_json_lines(tmp_path):
    path = tmp_path / "sms" / "out.jsonl"
    with override_settings(SMS_BACKEND="cms.accounts.sms.FileBackend", SMS_FILE_PATH=str(path)):
        sms.send_sms(PHONE, "一")
        sms.send_sms(PHONE, "二")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines == [{"phone": PHONE, "message": "一"}, {"phone": PHONE, "message": "二"}]
