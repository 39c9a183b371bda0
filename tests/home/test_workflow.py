"""Editorial rules: changes go through review (审核) and scheduled publishing works."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from home import models
from tests.home import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(username="editor", email="editor@example.com", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(username="moderator", email="mod@example.com", password="x")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_every_page_is_under_the_default_moderation_workflow(site, org):
    page = factories.make_class(site["classes"], factories.make_category())
    workflow = page.get_workflow()
    assert workflow is not None and workflow.active
    assert workflow.name == "Moderators approval"


def test_an_editor_submits_and_a_moderator_approves(site, editor, moderator):
    draft = models.ArticlePage(title="常阿姐调解", slug="chang-a-jie", live=False)
    site["articles"].add_child(instance=draft)
    draft.save_revision(user=editor)

    workflow_state = draft.get_workflow().start(draft, editor)
    draft.refresh_from_db()
    assert workflow_state.status == "in_progress" and not draft.live

    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    draft.refresh_from_db()
    assert draft.live


def test_editors_cannot_publish_without_review(client, site, editor):
    draft = models.ArticlePage(title="待审核", slug="pending", live=False)
    site["articles"].add_child(instance=draft)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{draft.pk}/edit/")
    assert response.status_code == 200
    assert 'name="action-publish"' not in response.content.decode()
    assert 'name="action-submit"' in response.content.decode()


def test_scheduled_publishing(site):
    page = models.ArticlePage(title="定时发布", slug="scheduled", live=False)
    site["articles"].add_child(instance=page)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live and page.has_unpublished_changes

    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live

    two_hours_later = timezone.now() + datetime.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=two_hours_later):
        call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
