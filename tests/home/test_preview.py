"""Headless preview: the admin's Preview redirects to the frontend with a signed, expiring
token, and the ``preview`` query returns the draft behind it."""

import time
from unittest import mock
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import signing

from home.models import PagePreview
from home.models.preview import SALT
from tests.home import factories

pytestmark = pytest.mark.django_db

PREVIEW = """query($token: String!) {
  preview(token: $token) {
    status
    page { __typename title ... on ClassPage { summary venue { name } category { name } } }
  }
}"""


@pytest.fixture
def tea_class(site, org):
    category = factories.make_category("茶艺")
    venue = factories.make_venue(org["community"], name="华润国际社区妇女儿童之家")
    return factories.make_class(site["classes"], category, venue, title="茶艺班", summary="已发布的简介")


def token_from(response):
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.path == "/preview"
    return parse_qs(location.query)["token"][0]


def edit_draft(page, **changes):
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision()


def test_view_draft_returns_the_unpublished_revision(gql, admin_client, tea_class):
    edit_draft(tea_class, title="茶艺班（草稿）", summary="草稿里的新简介")
    token = token_from(admin_client.get(f"/admin/pages/{tea_class.pk}/view_draft/"))

    result = gql(PREVIEW, {"token": token})["preview"]
    assert result["status"] == "OK"
    assert result["page"] == {
        "__typename": "ClassPage",
        "title": "茶艺班（草稿）",
        "summary": "草稿里的新简介",
        "venue": {"name": "华润国际社区妇女儿童之家"},
        "category": {"name": "茶艺"},
    }
    # The live page is untouched.
    live = gql("query($id: ID) { page(id: $id) { title } }", {"id": str(tea_class.pk)})
    assert live["page"]["title"] == "茶艺班"


def test_live_preview_of_unsaved_edits(gql, admin_client, tea_class):
    """The editor's preview panel posts the form, then loads the preview in its iframe."""
    edit_url = f"/admin/pages/{tea_class.pk}/edit/preview/"
    form = {
        "title": "茶艺班（未保存）",
        "slug": tea_class.slug,
        "summary": "",
        "category": tea_class.category_id,
        "venue": tea_class.venue_id,
        "body-count": 0,
        "audience": "",
        "instructor": "",
        "instructor_bio": "",
        "term": "",
        "schedule": "",
        "start_date": "",
        "end_date": "",
    }
    posted = admin_client.post(edit_url, form)
    assert posted.json()["is_valid"], posted.json()
    token = token_from(admin_client.get(edit_url))
    assert gql(PREVIEW, {"token": token})["preview"]["page"]["title"] == "茶艺班（未保存）"


def test_expired_token_is_refused(gql, admin_client, tea_class, settings):
    settings.PREVIEW_TOKEN_MAX_AGE = 60
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 61):
        token = token_from(admin_client.get(f"/admin/pages/{tea_class.pk}/view_draft/"))
    assert gql(PREVIEW, {"token": token})["preview"] == {"status": "EXPIRED", "page": None}


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: signing.dumps(1, salt="another-salt"),
        lambda token: signing.dumps(1, salt=SALT, key="not-our-secret-key-at-all"),
        lambda token: "",
        lambda token: "x" * 5000,
    ],
)
def test_forged_tokens_are_refused(gql, admin_client, tea_class, forge):
    token = token_from(admin_client.get(f"/admin/pages/{tea_class.pk}/view_draft/"))
    assert gql(PREVIEW, {"token": forge(token)})["preview"] == {"status": "INVALID", "page": None}


def test_only_editors_can_open_a_preview(client, tea_class):
    response = client.get(f"/admin/pages/{tea_class.pk}/view_draft/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_old_previews_are_cleaned_up(admin_client, tea_class, settings):
    settings.PREVIEW_TOKEN_MAX_AGE = 60
    admin_client.get(f"/admin/pages/{tea_class.pk}/view_draft/")
    PagePreview.objects.update(created_at="2000-01-01T00:00:00Z")
    admin_client.get(f"/admin/pages/{tea_class.pk}/view_draft/")
    assert PagePreview.objects.count() == 1
