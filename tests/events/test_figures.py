"""Event figures (events/figures.py): what lists show is the count of the rows, after every change."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Max, Min, Sum

from cms.accounts.deletion import delete_account
from events import figures, services
from events.models import SEATED_STATUSES, Event, EventFigures, EventSession, Registration, RegistrationStatus
from tests.events.factories import make_event, make_registration, make_user, session_of, session_times


def counted(event):
    """The figures as counted from the rows, to compare with the stored ones."""
    registrations = Registration.objects.filter(event=event)
    sessions = EventSession.objects.filter(event=event)
    sessions = sessions.aggregate(starts=Min("starts_at"), ends=Max("ends_at"))
    seated = registrations.filter(status__in=SEATED_STATUSES)
    return {
        "seats_taken": seated.aggregate(n=Sum("party_size"))["n"] or 0,
        "waitlist_length": registrations.filter(status=RegistrationStatus.WAITLISTED).count(),
        "starts_at": sessions["starts"],
        "ends_at": sessions["ends"],
    }


def stored(event):
    row = EventFigures.objects.get(event=event)
    return {name: getattr(row, name) for name in ("seats_taken", "waitlist_length", "starts_at", "ends_at")}


def assert_exact(event):
    assert stored(event) == counted(event)


@pytest.fixture
def small(org):
    return make_event(org["district"], capacity=3, max_party_size=2, sessions=2)


def test_a_new_event_has_figures_once_its_sessions_are_saved(small):
    assert stored(small) == {
        "seats_taken": 0,
        "waitlist_length": 0,
        "starts_at": session_of(small, 0).starts_at,
        "ends_at": session_of(small, 1).ends_at,
    }


def test_registering_cancelling_and_promotion_keep_the_counts_exact(small, organizer):
    first = make_registration(small, party_size=2)
    second = make_registration(small)
    assert stored(small)["seats_taken"] == 3
    waiting = [make_registration(small) for _ in range(2)]
    assert stored(small)["waitlist_length"] == 2
    make_registration(small, by=organizer)  # by hand: waitlisted too
    assert_exact(small)
    services.cancel_registration(first.pk, by=first.user)  # two seats: both waiting move up
    assert {r.status for r in Registration.objects.filter(pk__in=[w.pk for w in waiting])} == {
        RegistrationStatus.CONFIRMED
    }
    assert stored(small) == {**counted(small), "seats_taken": 3, "waitlist_length": 1}
    services.change_capacity(small.pk, 4, by=organizer)
    assert stored(small)["waitlist_length"] == 0
    assert_exact(small)
    services.cancel_registration(second.pk, by=organizer, reason="重复报名")
    assert_exact(small)


def test_approval_rejection_and_cancelling_the_event_keep_the_counts_exact(org, organizer):
    event = make_event(org["district"], capacity=2, requires_approval=True)
    pending = [make_registration(event) for _ in range(2)]
    waiting = make_registration(event)
    assert stored(event)["seats_taken"] == 2 and stored(event)["waitlist_length"] == 1
    services.approve(pending[0].pk, by=organizer)
    services.reject(pending[1].pk, by=organizer, reason="名额已满")
    assert Registration.objects.get(pk=waiting.pk).status == RegistrationStatus.PENDING
    assert_exact(event)
    services.cancel_event(event.pk, by=organizer, reason="场地维修")
    assert stored(event)["seats_taken"] == 0
    assert_exact(event)


def test_deleting_an_account_frees_its_seats_in_the_figures(small):
    person = make_user("小红")
    make_registration(small, person, party_size=2)
    make_registration(small, party_size=2)  # waits for the two seats
    delete_account(person, confirm=person.email)
    assert stored(small)["seats_taken"] == 2 and stored(small)["waitlist_length"] == 0
    assert_exact(small)


def test_sessions_edited_added_or_deleted_move_the_dates(small, organizer):
    last = session_of(small, 1)
    last.ends_at += datetime.timedelta(hours=1)
    last.save()
    assert_exact(small)
    last.delete()
    assert stored(small)["ends_at"] == session_of(small, 0).ends_at
    starts, _ends = session_times(1, first=session_of(small, 0).starts_at - datetime.timedelta(days=14))[0]
    services.add_weekly_sessions(
        small.pk, by=organizer, first_starts_at=starts, duration=datetime.timedelta(hours=2), count=3
    )
    assert stored(small)["starts_at"] == starts
    assert_exact(small)
    EventSession.objects.filter(event=small).delete()
    assert stored(small)["starts_at"] is None and stored(small)["ends_at"] is None


def test_a_copy_has_the_dates_of_its_sessions(small, organizer):
    shift = datetime.timedelta(weeks=8)
    copy = services.copy_event(small.pk, by=organizer, title="茶艺班（二期）", shift=shift)
    assert stored(copy)["starts_at"] == stored(small)["starts_at"] + shift
    assert_exact(copy)


def test_saving_an_event_read_before_a_registration_does_not_put_back_old_counts(small):
    in_the_admin = Event.objects.get(pk=small.pk)  # an organizer opened the edit form...
    make_registration(small, party_size=2)  # ...someone registers meanwhile...
    in_the_admin.title = "茶艺班（春季）"
    in_the_admin.save()  # ...and the form is saved
    assert stored(small)["seats_taken"] == 2


def test_the_command_refreshes_figures_changed_behind_the_services_back(small, capsys):
    make_registration(small)
    Registration.objects.filter(event=small).update(status=RegistrationStatus.CANCELLED_BY_ORGANIZER)
    EventFigures.objects.filter(event=small).delete()
    call_command("refresh_event_figures")
    assert_exact(small)
    assert "event figures refreshed" in capsys.readouterr().out


def test_refresh_is_one_statement_for_any_number_of_events(org, django_assert_num_queries):
    events = [make_event(org["district"]) for _ in range(3)]
    with django_assert_num_queries(1):
        figures.refresh([event.pk for event in events])
