"""The CMS admin keeps Wagtail's own login page; allauth's headless API does not replace it. The
password opens the session; the admin itself wants the two-step code too (test_mfa.py)."""

import pytest
from django.contrib.auth.models import Permission

PASSWORD = "Yulan-2020-pass"


@pytest.fixture
def editor(django_user_model):
    """Staff with Wagtail's admin access, which the Editors and Moderators groups grant."""
    user = django_user_model.objects.create_user("editor", "editor@example.com", PASSWORD, is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


def test_admin_login_is_wagtails_page(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "wagtailadmin/login.html" in [t.name for t in response.templates]


@pytest.mark.parametrize("login", ["editor", "editor@example.com"])
def test_staff_signs_into_the_admin_with_username_or_email(client, editor, login):
    response = client.post("/admin/login/", {"username": login, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/")["Location"] == "/account/security?next=%2Fadmin%2F"


def test_people_without_admin_access_stay_out(client, django_user_model):
    django_user_model.objects.create_user("lan", "lan@example.com", PASSWORD, is_staff=True)
    client.post("/admin/login/", {"username": "lan@example.com", "password": PASSWORD})
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
