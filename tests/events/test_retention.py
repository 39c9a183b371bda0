"""purge_registration_details: companions and answers go once an event is long over; the rest stays."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Registration, RegistrationStatus
from tests.events import factories

pytestmark = pytest.mark.django_db


def event_ended(org, days_ago):
    event = factories.make_event(
        org["district"],
        max_party_size=2,
        ask_companions=True,
        questions=[{"label": "孩子的年龄段", "kind": "text", "required": True}],
    )
    question = event.questions.get()
    registration = factories.make_registration(
        event,
        party_size=2,
        companions=[{"name": "陈小宝", "age": 5}],
        answers={str(question.pk): "3-6岁"},
        phone="13700001234",
    )
    ended = timezone.now() - datetime.timedelta(days=days_ago)
    event.sessions.update(starts_at=ended - datetime.timedelta(hours=2), ends_at=ended)
    return registration


def test_old_details_are_erased_recent_ones_kept(org, settings):
    settings.EVENT_DETAILS_RETENTION_DAYS = 365
    old = event_ended(org, 400)
    recent = event_ended(org, 30)
    out = StringIO()
    call_command("purge_registration_details", stdout=out)
    assert "1" in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.companions, old.answers) == ([], {})
    assert (old.party_size, old.phone, old.status) == (2, "13700001234", RegistrationStatus.CONFIRMED)
    assert recent.companions == [{"name": "陈小宝", "age": 5}] and recent.answers
    out = StringIO()
    call_command("purge_registration_details", "--days", "10", stdout=out)
    assert Registration.objects.get(pk=recent.pk).companions == []
    call_command("purge_registration_details", stdout=out)  # nothing left: changes nothing
    assert "Registrations erased of companions and answers: 0" in out.getvalue().splitlines()[-1]
