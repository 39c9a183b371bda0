"""The viewer's account through /graphql/: the `me` query and `updateProfile`."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Permission

ME = "{ me { id email displayName emailVerified isStaff canUseAdmin dateJoined } }"
UPDATE = """mutation ($name: String!) {
  updateProfile(input: {displayName: $name}) {
    user { displayName }
    errors { field code message }
  }
}"""


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("alice", "alice@example.com", "x", display_name="Alice")


def test_me_is_null_for_anonymous_viewers(gql, db):
    assert gql(ME) == {"me": None}


def test_me_describes_the_signed_in_account(gql, user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    gql.login(user)
    me = gql(ME)["me"]
    assert me == {
        "id": str(user.pk),
        "email": "alice@example.com",
        "displayName": "Alice",
        "emailVerified": True,
        "isStaff": False,
        "canUseAdmin": False,
        "dateJoined": user.date_joined.isoformat(),
    }


def test_me_tells_editors_they_may_use_the_admin(gql, django_user_model):
    editor = django_user_model.objects.create_user("editor", "editor@example.com", "x", is_staff=True)
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    gql.login(editor)
    assert gql("{ me { isStaff canUseAdmin } }") == {"me": {"isStaff": True, "canUseAdmin": True}}


def test_me_reports_an_unverified_email(gql, user):
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    gql.login(user)
    assert gql(ME)["me"]["emailVerified"] is False


def test_update_profile_trims_and_saves_the_display_name(gql, user):
    gql.login(user)
    assert gql(UPDATE, {"name": "  王小兰 "}) == {
        "updateProfile": {"user": {"displayName": "王小兰"}, "errors": []}
    }
    user.refresh_from_db()
    assert user.display_name == "王小兰"


def test_update_profile_accepts_the_longest_name(gql, user):
    gql.login(user)
    assert gql(UPDATE, {"name": "兰" * 64})["updateProfile"]["errors"] == []


def test_update_profile_refuses_anonymous_viewers(gql, db):
    assert gql(UPDATE, {"name": "Alice"}) == {
        "updateProfile": {
            "user": None,
            "errors": [{"field": None, "code": "UNAUTHENTICATED", "message": "请先登录。"}],
        }
    }


@pytest.mark.parametrize(
    ("name", "language", "message"),
    [
        ("   ", "zh-hans", "请输入显示名称。"),
        ("", "en", "Please enter a display name."),
        ("兰" * 65, "zh-hans", "显示名称最多 64 个字符。"),
        ("x" * 65, "en", "The display name can have at most 64 characters."),
    ],
)
def test_update_profile_refuses_blank_or_long_names_in_the_viewers_language(
    gql, user, name, language, message
):
    gql.login(user)
    data = gql(UPDATE, {"name": name}, HTTP_ACCEPT_LANGUAGE=language)
    assert data == {
        "updateProfile": {
            "user": None,
            "errors": [{"field": "displayName", "code": "INVALID", "message": message}],
        }
    }
    user.refresh_from_db()
    assert user.display_name == "Alice"
