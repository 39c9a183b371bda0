"""The events services, rule by rule and error code by error code (docs/events.md)."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.errors import CommonErrorCode, ServiceError
from events import selectors, services
from events.models import (
    CheckIn,
    CheckInMethod,
    Event,
    EventStatus,
    Notification,
    NotificationKind,
    QuestionKind,
    Registration,
    RegistrationStatus,
)
from events.services import RegistrationErrorCode as Code
from tests.events.factories import (
    make_event,
    make_organizer,
    make_question,
    make_registration,
    make_superuser,
    make_user,
    session_of,
)

S = RegistrationStatus


def refused(code, call, *args, field=None, **kwargs):
    """Call a service that must refuse with ``code`` (on ``field`` if given); nothing changes."""
    with pytest.raises(ServiceError) as excinfo:
        call(*args, **kwargs)
    problems = excinfo.value.problems
    assert code in [problem.code for problem in problems], problems
    if field is not None:
        assert field in [problem.field for problem in problems if problem.code == code], problems
    for problem in problems:
        assert str(problem.message)
    return excinfo.value


def statuses(event):
    return list(event.registrations.order_by("pk").values_list("status", flat=True))


def kinds(registration):
    return sorted(registration.notifications.values_list("kind", flat=True))


def fill(event, persons):
    """Confirmed registrations (parties of up to the event's max) taking ``persons`` seats."""
    made = []
    while persons > 0:
        size = min(persons, event.max_party_size)
        made.append(make_registration(event, party_size=size))
        persons -= size
    return made


# --- register: the happy path --------------------------------------------------------------------


def test_register_confirms_and_notifies(event, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register(user, event.pk, party_size=2)
    assert registration.status == S.CONFIRMED
    assert registration.confirmed_at is not None
    assert registration.waitlist_position is None
    assert registration.name == "小兰"
    assert registration.user == user
    assert registration.party_size == 2
    assert len(registration.token) >= 16
    assert kinds(registration) == [NotificationKind.CONFIRMED]
    assert [message.to for message in mail.outbox] == [[user.email]]
    assert selectors.seats_taken(event) == 2


def test_name_defaults_to_the_email_local_part(event):
    user = make_user(email="lanlan@example.com")
    assert services.register(user, event.pk).name == "lanlan"


def test_given_name_and_phone_are_kept(event, user):
    registration = services.register(user, event.pk, name=" 王小兰 ", phone=" 13912345678 ")
    assert (registration.name, registration.phone) == ("王小兰", "13912345678")


def test_name_and_phone_length(event, user):
    refused(CommonErrorCode.INVALID, services.register, user, event.pk, name="兰" * 61, field="name")
    refused(CommonErrorCode.INVALID, services.register, user, event.pk, phone="1" * 31, field="phone")


def test_anonymous_users_cannot_register(event):
    from django.contrib.auth.models import AnonymousUser

    refused(CommonErrorCode.UNAUTHENTICATED, services.register, AnonymousUser(), event.pk)
    refused(CommonErrorCode.UNAUTHENTICATED, services.register, None, event.pk)


# --- register: the event and its window ----------------------------------------------------------


@pytest.mark.parametrize("event_id", [999999, 0, -1, "abc", None])
def test_unknown_event(db, user, event_id):
    refused(CommonErrorCode.NOT_FOUND, services.register, user, event_id)


def test_draft_event_is_not_published(org, user):
    event = make_event(org["district"], status=EventStatus.DRAFT)
    refused(Code.NOT_PUBLISHED, services.register, user, event.pk)


def test_cancelled_event(org, user):
    event = make_event(org["district"], status=EventStatus.CANCELLED)
    refused(Code.EVENT_CANCELLED, services.register, user, event.pk)


def test_registration_not_open_yet(org, user):
    now = timezone.now()
    event = make_event(
        org["district"],
        registration_opens_at=now + datetime.timedelta(hours=1),
        registration_closes_at=now + datetime.timedelta(hours=5),
    )
    refused(Code.REGISTRATION_NOT_OPEN, services.register, user, event.pk)


def test_registration_closed(org, user):
    now = timezone.now()
    event = make_event(
        org["district"],
        registration_opens_at=now - datetime.timedelta(days=2),
        registration_closes_at=now - datetime.timedelta(seconds=1),
    )
    refused(Code.REGISTRATION_CLOSED, services.register, user, event.pk)
    assert not Registration.objects.exists()


# --- register: party, companions, answers ----------------------------------------------------------


def test_party_too_large(event, user):
    refused(Code.PARTY_TOO_LARGE, services.register, user, event.pk, party_size=4, field="party_size")
    refused(CommonErrorCode.INVALID, services.register, user, event.pk, party_size=0, field="party_size")
    assert services.register(user, event.pk, party_size=3).party_size == 3


@pytest.fixture
def family_event(org):
    return make_event(org["district"], max_party_size=3, ask_companions=True, min_age=3, max_age=60)


def test_companions_are_required_when_asked(family_event, user):
    refused(
        Code.COMPANIONS_REQUIRED, services.register, user, family_event.pk, party_size=3, field="companions"
    )
    refused(
        Code.COMPANIONS_REQUIRED,
        services.register,
        user,
        family_event.pk,
        party_size=3,
        companions=[{"name": "豆豆", "age": 5}],
    )
    refused(
        Code.COMPANIONS_REQUIRED,
        services.register,
        user,
        family_event.pk,
        party_size=1,
        companions=[{"name": "豆豆", "age": 5}],
    )


def test_each_companion_needs_a_name_and_a_valid_age(family_event, user):
    error = refused(
        CommonErrorCode.REQUIRED,
        services.register,
        user,
        family_event.pk,
        party_size=3,
        companions=[{"name": " ", "age": 5}, {"name": "乐乐"}],
    )
    assert {(p.code, p.field) for p in error.problems} == {
        (CommonErrorCode.REQUIRED, "companions.0.name"),
        (CommonErrorCode.REQUIRED, "companions.1.age"),
    }
    for age in ("five", -1, 121, 2.5, True):
        refused(
            CommonErrorCode.INVALID,
            services.register,
            user,
            family_event.pk,
            party_size=2,
            companions=[{"name": "豆豆", "age": age}],
            field="companions.0.age",
        )
    refused(
        CommonErrorCode.INVALID,
        services.register,
        user,
        family_event.pk,
        party_size=2,
        companions=["豆豆"],
        field="companions.0",
    )


def test_companions_ages_within_limits(family_event, user):
    for age in (2, 61):
        refused(
            Code.AGE_NOT_ALLOWED,
            services.register,
            user,
            family_event.pk,
            party_size=2,
            companions=[{"name": "豆豆", "age": age}],
            field="companions.0.age",
        )
    registration = services.register(
        user,
        family_event.pk,
        party_size=3,
        companions=[{"name": " 豆豆 ", "age": 3}, {"name": "乐乐", "age": 60}],
        children_consent=True,
    )
    assert registration.companions == [{"name": "豆豆", "age": 3}, {"name": "乐乐", "age": 60}]


def test_companions_are_not_stored_when_not_asked(event, user):
    registration = services.register(user, event.pk, party_size=2, companions=[{"name": "豆豆", "age": 5}])
    assert registration.companions == []


@pytest.fixture
def questions(event):
    return {
        "text": make_question(event, "孩子的名字", QuestionKind.TEXT, required=True),
        "choice": make_question(
            event, "年级", QuestionKind.CHOICE, choices="一年级\n二年级\n", required=True
        ),
        "yes_no": make_question(event, "需要停车位吗", QuestionKind.YES_NO, required=True),
        "optional": make_question(event, "备注", QuestionKind.TEXT),
    }


def valid_answers(questions):
    return {
        questions["text"].pk: "豆豆",
        str(questions["choice"].pk): "二年级",
        questions["yes_no"].pk: False,
    }


def test_valid_answers_are_stored_by_question_id(event, user, questions):
    registration = services.register(user, event.pk, answers=valid_answers(questions))
    assert registration.answers == {
        str(questions["text"].pk): "豆豆",
        str(questions["choice"].pk): "二年级",
        str(questions["yes_no"].pk): False,
    }


def test_required_answers(event, user, questions):
    error = refused(
        Code.ANSWER_REQUIRED, services.register, user, event.pk, answers={questions["text"].pk: "  "}
    )
    assert sorted(p.field for p in error.problems) == sorted(
        f"answers.{questions[key].pk}" for key in ("text", "choice", "yes_no")
    )
    assert {p.code for p in error.problems} == {Code.ANSWER_REQUIRED}
    refused(Code.ANSWER_REQUIRED, services.register, user, event.pk, answers=None)


@pytest.mark.parametrize(
    ("key", "value"),
    [("text", "字" * 201), ("text", 12), ("choice", "三年级"), ("yes_no", "maybe"), ("yes_no", 1)],
)
def test_invalid_answers(event, user, questions, key, value):
    answers = valid_answers(questions) | {questions[key].pk: value}
    refused(
        Code.INVALID_ANSWER,
        services.register,
        user,
        event.pk,
        answers=answers,
        field=f"answers.{questions[key].pk}",
    )


def test_answer_to_a_question_of_another_event(event, user, questions, org):
    other = make_question(make_event(org["district"]), "别的问题")
    answers = valid_answers(questions) | {other.pk: "x"}
    refused(
        Code.INVALID_ANSWER, services.register, user, event.pk, answers=answers, field=f"answers.{other.pk}"
    )


def test_yes_no_accepts_words_and_text_is_stripped(event, user, questions):
    answers = valid_answers(questions) | {questions["yes_no"].pk: "Yes", questions["optional"].pk: " 无 "}
    registration = services.register(user, event.pk, answers=answers)
    assert registration.answers[str(questions["yes_no"].pk)] is True
    assert registration.answers[str(questions["optional"].pk)] == "无"


def test_every_problem_is_reported_at_once(family_event, user):
    question = make_question(family_event, "年级", QuestionKind.CHOICE, choices="一\n二", required=True)
    error = refused(Code.PARTY_TOO_LARGE, services.register, user, family_event.pk, party_size=5, answers={})
    assert {p.code for p in error.problems} == {
        Code.PARTY_TOO_LARGE,
        Code.COMPANIONS_REQUIRED,
        Code.ANSWER_REQUIRED,
    }
    assert f"answers.{question.pk}" in {p.field for p in error.problems}


# --- register: one active registration per person ------------------------------------------------


def test_one_active_registration_per_person(event, user):
    first = services.register(user, event.pk)
    refused(Code.ALREADY_REGISTERED, services.register, user, event.pk)
    services.cancel_registration(first.pk, by=user)
    second = services.register(user, event.pk)
    assert second.pk != first.pk and second.status == S.CONFIRMED
    assert statuses(event) == [S.CANCELLED_BY_REGISTRANT, S.CONFIRMED]


def test_a_waitlisted_person_is_already_registered(org, user):
    event = make_event(org["district"], capacity=1)
    fill(event, 1)
    assert services.register(user, event.pk).status == S.WAITLISTED
    refused(Code.ALREADY_REGISTERED, services.register, user, event.pk)


def test_the_database_constraint_backs_the_rule(event, user, monkeypatch):
    services.register(user, event.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, user=user, name="x", status=S.WAITLISTED)
    # A race the check does not see (simulated by blinding it) ends in the same refusal.
    monkeypatch.setattr(services, "ACTIVE_STATUSES", ())
    refused(Code.ALREADY_REGISTERED, services.register, user, event.pk)
    assert event.registrations.count() == 1


# --- register: idempotency -------------------------------------------------------------------------


def test_idempotency_key_replays_the_same_registration(org, user):
    event = make_event(org["district"], capacity=2, max_party_size=2)
    first = services.register(user, event.pk, party_size=2, idempotency_key="req-1")
    # The event fills up, closes even; the replay still returns the registration unchanged.
    Event.objects.filter(pk=event.pk).update(registration_closes_at=timezone.now())
    replay = services.register(user, event.pk, party_size=1, name="别的", idempotency_key="req-1")
    assert replay.pk == first.pk
    assert (replay.status, replay.party_size, replay.name) == (S.CONFIRMED, 2, first.name)
    assert event.registrations.count() == 1
    assert kinds(first) == [NotificationKind.CONFIRMED]


def test_idempotency_keys_are_per_user(event, user):
    mine = services.register(user, event.pk, idempotency_key="k")
    theirs = services.register(make_user(), event.pk, idempotency_key="k")
    assert mine.pk != theirs.pk


def test_idempotency_key_for_another_event(org, event, user):
    services.register(user, event.pk, idempotency_key="k")
    other = make_event(org["district"])
    refused(
        CommonErrorCode.INVALID,
        services.register,
        user,
        other.pk,
        idempotency_key="k",
        field="idempotency_key",
    )
    refused(CommonErrorCode.INVALID, services.register, user, other.pk, idempotency_key="k" * 65)


# --- register: capacity and the waitlist ---------------------------------------------------------


def test_full_event_waitlists_in_order(org, django_capture_on_commit_callbacks):
    event = make_event(org["district"], capacity=3, max_party_size=3)
    fill(event, 3)
    first, second = make_user(), make_user()
    with django_capture_on_commit_callbacks(execute=True):
        one = services.register(first, event.pk)
        two = services.register(second, event.pk, party_size=2)
    assert (one.status, one.waitlist_position) == (S.WAITLISTED, 1)
    assert (two.status, two.waitlist_position) == (S.WAITLISTED, 2)
    assert kinds(one) == [NotificationKind.WAITLISTED]
    assert [m.to for m in mail.outbox] == [[first.email], [second.email]]
    assert selectors.availability(event).waitlist_length == 2


def test_full_event_without_waitlist(org, user):
    event = make_event(org["district"], capacity=3, max_party_size=3, waitlist_enabled=False)
    fill(event, 2)
    error = refused(Code.FULL, services.register, user, event.pk, party_size=2)
    assert "1" in error.problems[0].message
    assert services.register(user, event.pk, party_size=1).status == S.CONFIRMED
    refused(Code.FULL, services.register, make_user(), event.pk)
    assert event.registrations.count() == 2


def test_a_party_that_does_not_fit_waits_and_nobody_jumps_it(org):
    event = make_event(org["district"], capacity=4, max_party_size=3)
    fill(event, 2)
    big = make_registration(event, party_size=3)
    assert big.status == S.WAITLISTED
    # Two seats are free, but someone is waiting: a newcomer of one queues behind.
    small = make_registration(event, party_size=1)
    assert (small.status, small.waitlist_position) == (S.WAITLISTED, 2)
    assert selectors.seats_left(event) == 2
    assert selectors.seats_for_newcomers(event) == 0


def test_pending_registrations_hold_seats(org, django_capture_on_commit_callbacks):
    event = make_event(org["district"], capacity=3, max_party_size=3, requires_approval=True)
    with django_capture_on_commit_callbacks(execute=True):
        pending = make_registration(event, party_size=3)
    assert pending.status == S.PENDING and pending.confirmed_at is None
    assert kinds(pending) == [NotificationKind.PENDING]
    assert len(mail.outbox) == 1
    assert selectors.seats_taken(event) == 3
    assert make_registration(event).status == S.WAITLISTED


# --- add by hand -----------------------------------------------------------------------------------


def test_add_by_hand(event, organizer):
    registration = services.add_by_hand(
        event.pk, by=organizer, name=" 李阿姨 ", phone="13800000001", party_size=2
    )
    assert registration.user is None
    assert registration.added_by == organizer
    assert (registration.name, registration.phone, registration.status) == (
        "李阿姨",
        "13800000001",
        S.CONFIRMED,
    )
    assert not Notification.objects.exists()


def test_add_by_hand_ignores_the_window_but_not_capacity(org, organizer):
    now = timezone.now()
    event = make_event(
        org["district"],
        capacity=1,
        registration_opens_at=now - datetime.timedelta(days=3),
        registration_closes_at=now - datetime.timedelta(days=1),
    )
    first = make_registration(event, by=organizer)
    second = make_registration(event, by=organizer)
    assert (first.status, second.status, second.waitlist_position) == (S.CONFIRMED, S.WAITLISTED, 1)
    # Phone-in registrations are told by phone, also when promoted.
    services.cancel_registration(first.pk, by=organizer, reason="来不了")
    second.refresh_from_db()
    assert second.status == S.CONFIRMED
    assert not Notification.objects.exists()


def test_add_by_hand_refusals(org, event, organizer, user):
    refused(CommonErrorCode.PERMISSION_DENIED, services.add_by_hand, event.pk, by=user, name="x", phone="1")
    other = make_organizer(org["other_district"])
    refused(CommonErrorCode.PERMISSION_DENIED, services.add_by_hand, event.pk, by=other, name="x", phone="1")
    refused(
        CommonErrorCode.REQUIRED,
        services.add_by_hand,
        event.pk,
        by=organizer,
        name=" ",
        phone="1",
        field="name",
    )
    refused(
        CommonErrorCode.REQUIRED,
        services.add_by_hand,
        event.pk,
        by=organizer,
        name="x",
        phone="",
        field="phone",
    )
    refused(CommonErrorCode.NOT_FOUND, services.add_by_hand, 999999, by=organizer, name="x", phone="1")
    refused(
        Code.PARTY_TOO_LARGE, services.add_by_hand, event.pk, by=organizer, name="x", phone="1", party_size=9
    )
    services.cancel_event(event.pk, by=organizer, reason="暴雨")
    refused(Code.EVENT_CANCELLED, services.add_by_hand, event.pk, by=organizer, name="x", phone="1")
    assert not event.registrations.exists()


def test_an_organizer_of_a_parent_unit_and_a_superuser_may_add(org, event):
    assert make_registration(event, by=make_organizer(org["city"])).user is None
    assert make_registration(event, by=make_superuser()).user is None


# --- cancelling ------------------------------------------------------------------------------------


def test_registrant_cancels_before_the_deadline(event, user, django_capture_on_commit_callbacks):
    registration = services.register(user, event.pk, party_size=2)
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.cancel_registration(registration.pk, by=user)
    assert cancelled.status == S.CANCELLED_BY_REGISTRANT
    assert cancelled.cancelled_by == user and cancelled.cancelled_at is not None
    assert kinds(cancelled) == [NotificationKind.CONFIRMED]  # nothing new: they did it themselves
    assert mail.outbox == []
    assert selectors.seats_taken(event) == 0
    refused(Code.NOT_ACTIVE, services.cancel_registration, registration.pk, by=user)


def test_registrant_cannot_cancel_after_the_deadline(event, user, organizer):
    registration = services.register(user, event.pk)
    Event.objects.filter(pk=event.pk).update(
        cancellation_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    refused(Code.CANCELLATION_DEADLINE_PASSED, services.cancel_registration, registration.pk, by=user)
    # The organizer still can, with a reason.
    assert services.cancel_registration(registration.pk, by=organizer, reason="本人来电").status == (
        S.CANCELLED_BY_ORGANIZER
    )


def test_the_deadline_defaults_to_the_first_session(event, user):
    registration = services.register(user, event.pk)
    session_of(event).__class__.objects.filter(event=event).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    assert selectors.cancellation_deadline(event) < timezone.now()
    refused(Code.CANCELLATION_DEADLINE_PASSED, services.cancel_registration, registration.pk, by=user)


def test_explicit_deadline_wins_over_the_first_session(event, user):
    registration = services.register(user, event.pk)
    event.sessions.update(starts_at=timezone.now() - datetime.timedelta(minutes=5))
    Event.objects.filter(pk=event.pk).update(
        cancellation_deadline=timezone.now() + datetime.timedelta(hours=1)
    )
    assert services.cancel_registration(registration.pk, by=user).status == S.CANCELLED_BY_REGISTRANT


def test_organizer_cancels_with_a_reason_and_the_registrant_is_told(
    event, user, organizer, django_capture_on_commit_callbacks
):
    registration = services.register(user, event.pk)
    refused(Code.REASON_REQUIRED, services.cancel_registration, registration.pk, by=organizer, field="reason")
    refused(Code.REASON_REQUIRED, services.cancel_registration, registration.pk, by=organizer, reason="  ")
    refused(
        CommonErrorCode.INVALID,
        services.cancel_registration,
        registration.pk,
        by=organizer,
        reason="字" * 201,
    )
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.cancel_registration(registration.pk, by=organizer, reason="名额调整")
    assert (cancelled.status, cancelled.cancel_reason, cancelled.cancelled_by) == (
        S.CANCELLED_BY_ORGANIZER,
        "名额调整",
        organizer,
    )
    assert kinds(cancelled) == [NotificationKind.CANCELLED_BY_ORGANIZER, NotificationKind.CONFIRMED]
    assert [m.to for m in mail.outbox] == [[user.email]]


def test_organizer_cancelling_their_own_registration_is_a_registrant_before_the_deadline(event, organizer):
    registration = services.register(organizer, event.pk)
    assert services.cancel_registration(registration.pk, by=organizer).status == S.CANCELLED_BY_REGISTRANT


def test_who_may_cancel(org, event, user):
    registration = services.register(user, event.pk)
    refused(CommonErrorCode.PERMISSION_DENIED, services.cancel_registration, registration.pk, by=make_user())
    other_district = make_organizer(org["other_district"])
    refused(
        CommonErrorCode.PERMISSION_DENIED,
        services.cancel_registration,
        registration.pk,
        by=other_district,
        reason="x",
    )
    below = make_organizer(org["street"])  # a unit below the event's: does not manage it
    refused(
        CommonErrorCode.PERMISSION_DENIED, services.cancel_registration, registration.pk, by=below, reason="x"
    )
    refused(CommonErrorCode.NOT_FOUND, services.cancel_registration, 999999, by=user)
    city = make_organizer(org["city"])
    assert (
        services.cancel_registration(registration.pk, by=city, reason="x").status == S.CANCELLED_BY_ORGANIZER
    )
    again = services.register(user, event.pk)
    assert (
        services.cancel_registration(again.pk, by=make_superuser(), reason="x").status
        == S.CANCELLED_BY_ORGANIZER
    )


def test_cancelling_a_waitlisted_registration(org, user):
    event = make_event(org["district"], capacity=1)
    fill(event, 1)
    waiting = services.register(user, event.pk)
    cancelled = services.cancel_registration(waiting.pk, by=user)
    assert cancelled.status == S.CANCELLED_BY_REGISTRANT and cancelled.waitlist_position == 1
    assert selectors.waitlist_length(event) == 0


# --- promotion and the strict waitlist rule ------------------------------------------------------


@pytest.fixture
def strict_case(org):
    """Capacity 4: A (3) and B (1) confirmed; W1 (3) and W2 (1) waiting, in that order."""
    event = make_event(org["district"], capacity=4, max_party_size=3)
    a = make_registration(event, party_size=3)
    b = make_registration(event, party_size=1)
    w1 = make_registration(event, party_size=3)
    w2 = make_registration(event, party_size=1)
    assert [r.status for r in (a, b, w1, w2)] == [S.CONFIRMED, S.CONFIRMED, S.WAITLISTED, S.WAITLISTED]
    return event, a, b, w1, w2


def refreshed(*registrations):
    for registration in registrations:
        registration.refresh_from_db()
    return [registration.status for registration in registrations]


def test_strict_rule_the_head_that_does_not_fit_blocks_everyone_behind(
    strict_case, django_capture_on_commit_callbacks
):
    event, a, b, w1, w2 = strict_case
    services.cancel_registration(b.pk, by=b.user)
    # One seat is free; W1 needs three, so W1 waits, and W2 (who would fit) does not jump it.
    assert refreshed(w1, w2) == [S.WAITLISTED, S.WAITLISTED]
    assert selectors.seats_left(event) == 1
    late = make_registration(event)  # and a newcomer queues behind them
    assert (late.status, late.waitlist_position) == (S.WAITLISTED, 3)

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(a.pk, by=a.user)
    # Four free: W1 (3) then W2 (1) are promoted; the newcomer waits (no seat left).
    assert refreshed(w1, w2, late) == [S.CONFIRMED, S.CONFIRMED, S.WAITLISTED]
    assert (w1.waitlist_position, w2.waitlist_position) == (1, 2)  # kept for the record
    assert w1.confirmed_at is not None
    assert kinds(w1) == [NotificationKind.PROMOTED, NotificationKind.WAITLISTED]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([w1.user.email, w2.user.email])
    assert selectors.seats_taken(event) == 4


def test_when_the_blocking_head_leaves_the_next_one_moves_up(strict_case):
    event, a, b, w1, w2 = strict_case
    services.cancel_registration(b.pk, by=b.user)
    assert refreshed(w2) == [S.WAITLISTED]
    services.cancel_registration(w1.pk, by=w1.user)
    assert refreshed(w1, w2) == [S.CANCELLED_BY_REGISTRANT, S.CONFIRMED]
    assert kinds(w2) == [NotificationKind.PROMOTED, NotificationKind.WAITLISTED]


def test_raising_the_capacity_promotes_in_order(strict_case, organizer):
    event, a, b, w1, w2 = strict_case
    services.change_capacity(event.pk, 6, by=organizer)
    assert refreshed(w1, w2) == [S.WAITLISTED, S.WAITLISTED]  # 2 free, W1 needs 3: strict
    services.change_capacity(event.pk, 7, by=organizer)
    assert refreshed(w1, w2) == [S.CONFIRMED, S.WAITLISTED]  # 3 free: W1 in, none left for W2
    services.change_capacity(event.pk, 8, by=organizer)
    assert refreshed(w2) == [S.CONFIRMED]
    event.refresh_from_db()
    assert event.capacity == 8 and selectors.seats_taken(event) == 8


def test_lowering_the_capacity_bumps_nobody(strict_case, organizer):
    event, a, b, w1, w2 = strict_case
    services.change_capacity(event.pk, 3, by=organizer)
    assert refreshed(a, b) == [S.CONFIRMED, S.CONFIRMED]
    assert selectors.seats_taken(event) == 4 and selectors.seats_left(event) == 0
    services.cancel_registration(b.pk, by=b.user)
    assert refreshed(w1, w2) == [S.WAITLISTED, S.WAITLISTED]  # still 3 taken of 3
    assert make_registration(event).status == S.WAITLISTED


def test_promotion_into_an_event_that_requires_approval(org, organizer):
    event = make_event(org["district"], capacity=2, max_party_size=2, requires_approval=True)
    pending = make_registration(event, party_size=2)
    waiting = make_registration(event, party_size=1)
    assert (pending.status, waiting.status) == (S.PENDING, S.WAITLISTED)
    services.reject(pending.pk, by=organizer, reason="不符合条件")
    assert refreshed(pending, waiting) == [S.REJECTED, S.PENDING]
    assert kinds(waiting) == [NotificationKind.PROMOTED, NotificationKind.WAITLISTED]
    services.approve(waiting.pk, by=organizer)
    assert refreshed(waiting) == [S.CONFIRMED]
    assert kinds(waiting) == [
        NotificationKind.APPROVED,
        NotificationKind.PROMOTED,
        NotificationKind.WAITLISTED,
    ]


def test_change_capacity_refusals(org, event, organizer, user):
    refused(CommonErrorCode.INVALID, services.change_capacity, event.pk, 0, by=organizer, field="capacity")
    refused(CommonErrorCode.INVALID, services.change_capacity, event.pk, "5", by=organizer)
    refused(CommonErrorCode.INVALID, services.change_capacity, event.pk, 2, by=organizer)  # max party is 3
    refused(CommonErrorCode.PERMISSION_DENIED, services.change_capacity, event.pk, 20, by=user)
    refused(
        CommonErrorCode.PERMISSION_DENIED,
        services.change_capacity,
        event.pk,
        20,
        by=make_organizer(org["other_district"]),
    )
    refused(CommonErrorCode.NOT_FOUND, services.change_capacity, 999999, 20, by=organizer)
    services.cancel_event(event.pk, by=organizer, reason="x")
    refused(Code.EVENT_CANCELLED, services.change_capacity, event.pk, 20, by=organizer)
    event.refresh_from_db()
    assert event.capacity == 10
    assert services.change_capacity(make_event(org["community"]).pk, 1, by=organizer).capacity == 1


# --- approve and reject ----------------------------------------------------------------------------


@pytest.fixture
def approval_event(org):
    return make_event(org["district"], capacity=5, requires_approval=True)


def test_approve(approval_event, organizer, django_capture_on_commit_callbacks):
    registration = make_registration(approval_event)
    with django_capture_on_commit_callbacks(execute=True):
        approved = services.approve(registration.pk, by=organizer)
    assert approved.status == S.CONFIRMED and approved.confirmed_at is not None
    assert kinds(approved) == [NotificationKind.APPROVED, NotificationKind.PENDING]
    assert [m.to for m in mail.outbox] == [[registration.user.email]]
    refused(Code.NOT_PENDING, services.approve, registration.pk, by=organizer)
    refused(Code.NOT_PENDING, services.reject, registration.pk, by=organizer)


def test_reject(approval_event, organizer, django_capture_on_commit_callbacks):
    registration = make_registration(approval_event, party_size=1)
    with django_capture_on_commit_callbacks(execute=True):
        rejected = services.reject(registration.pk, by=organizer)
    assert (rejected.status, rejected.cancelled_by, rejected.cancel_reason) == (S.REJECTED, organizer, "")
    assert rejected.cancelled_at is not None
    assert kinds(rejected) == [NotificationKind.PENDING, NotificationKind.REJECTED]
    assert len(mail.outbox) == 1
    assert selectors.seats_taken(approval_event) == 0
    refused(Code.NOT_PENDING, services.reject, registration.pk, by=organizer)


def test_only_organizers_approve_and_reject(org, approval_event, user):
    registration = make_registration(approval_event)
    for by in (user, registration.user, make_organizer(org["other_district"])):
        refused(CommonErrorCode.PERMISSION_DENIED, services.approve, registration.pk, by=by)
        refused(CommonErrorCode.PERMISSION_DENIED, services.reject, registration.pk, by=by)
    refused(CommonErrorCode.NOT_FOUND, services.approve, 999999, by=user)
    assert services.approve(registration.pk, by=make_organizer(org["city"])).status == S.CONFIRMED


def test_a_waitlisted_registration_is_not_pending(org, organizer):
    event = make_event(org["district"], capacity=1, requires_approval=True)
    make_registration(event)
    waiting = make_registration(event)
    error = refused(Code.NOT_PENDING, services.approve, waiting.pk, by=organizer)
    assert str(S.WAITLISTED.label) in error.problems[0].message or waiting.get_status_display() in str(
        error.problems[0].message
    )


# --- cancelling the event --------------------------------------------------------------------------


def test_cancel_event_cancels_every_active_registration(org, organizer, django_capture_on_commit_callbacks):
    event = make_event(org["district"], capacity=2, max_party_size=2)
    confirmed = make_registration(event, party_size=2)
    waiting = make_registration(event)
    gone = make_registration(event)
    services.cancel_registration(gone.pk, by=gone.user)
    by_hand = make_registration(event, by=organizer)
    refused(Code.REASON_REQUIRED, services.cancel_event, event.pk, by=organizer, reason=" ", field="reason")

    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.cancel_event(event.pk, by=organizer, reason="台风预警")
    assert (cancelled.status, cancelled.cancel_reason) == (EventStatus.CANCELLED, "台风预警")
    assert cancelled.cancelled_at is not None
    assert refreshed(confirmed, waiting, gone, by_hand) == [
        S.CANCELLED_BY_ORGANIZER,
        S.CANCELLED_BY_ORGANIZER,
        S.CANCELLED_BY_REGISTRANT,  # already cancelled: untouched
        S.CANCELLED_BY_ORGANIZER,
    ]
    assert (confirmed.cancel_reason, confirmed.cancelled_by) == ("台风预警", organizer)
    assert gone.cancel_reason == ""
    assert NotificationKind.EVENT_CANCELLED in kinds(confirmed) and NotificationKind.EVENT_CANCELLED in kinds(
        waiting
    )
    assert NotificationKind.EVENT_CANCELLED not in kinds(gone)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([confirmed.user.email, waiting.user.email])
    assert event.registrations.count() == 4

    refused(Code.EVENT_CANCELLED, services.cancel_event, event.pk, by=organizer, reason="again")
    refused(Code.EVENT_CANCELLED, services.register, make_user(), event.pk)


def test_only_organizers_cancel_events(org, event, user):
    refused(CommonErrorCode.PERMISSION_DENIED, services.cancel_event, event.pk, by=user, reason="x")
    refused(
        CommonErrorCode.PERMISSION_DENIED,
        services.cancel_event,
        event.pk,
        by=make_organizer(org["other_district"]),
        reason="x",
    )
    refused(CommonErrorCode.NOT_FOUND, services.cancel_event, 999999, by=user, reason="x")
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED


# --- check-in --------------------------------------------------------------------------------------


@pytest.fixture
def course(org):
    return make_event(org["district"], sessions=3, capacity=5, title="茶艺班")


def test_check_in_by_scanned_token(course, organizer):
    registration = make_registration(course)
    session = session_of(course)
    typed = "-".join(registration.token[i : i + 4] for i in range(0, 20, 4)).lower()
    record = services.check_in(
        by=organizer, session_id=session.pk, token=f" {typed} ", method=CheckInMethod.QR
    )
    assert (record.registration, record.session, record.checked_in_by) == (registration, session, organizer)
    assert record.method == CheckInMethod.QR and record.already_checked_in is False

    again = services.check_in(
        by=organizer, session_id=session.pk, token=registration.token, method=CheckInMethod.MANUAL
    )
    assert again.pk == record.pk and again.already_checked_in is True
    assert CheckIn.objects.count() == 1


def test_check_in_by_registration_and_per_session(course, organizer):
    registration = make_registration(course)
    for index in range(3):
        services.check_in(
            by=organizer,
            session_id=session_of(course, index).pk,
            registration_id=registration.pk,
            method=CheckInMethod.SEARCH,
        )
    assert registration.check_ins.count() == 3


def test_check_in_refusals(org, course, organizer, user):
    registration = make_registration(course)
    session = session_of(course)
    other_event = make_event(org["district"])
    stranger = make_registration(other_event)

    def check(**kwargs):
        kwargs.setdefault("session_id", session.pk)
        kwargs.setdefault("method", CheckInMethod.QR)
        kwargs.setdefault("by", organizer)
        return services.check_in(**kwargs)

    refused(Code.UNKNOWN_CODE, check, token="ACDEFGHJKMNPQRTUVWXY", field="token")
    refused(Code.UNKNOWN_CODE, check, token="---", field="token")
    refused(Code.UNKNOWN_CODE, check, registration_id=999999, field="registration_id")
    refused(Code.WRONG_EVENT, check, token=stranger.token)
    refused(Code.WRONG_EVENT, check, registration_id=stranger.pk)
    refused(Code.WRONG_EVENT, check, session_id=session_of(other_event).pk, token=registration.token)
    refused(Code.WRONG_SESSION, check, session_id=999999, token=registration.token, field="session_id")
    refused(CommonErrorCode.PERMISSION_DENIED, check, token=registration.token, by=user)
    refused(
        CommonErrorCode.PERMISSION_DENIED,
        check,
        token=registration.token,
        by=make_organizer(org["other_district"]),
    )
    refused(CommonErrorCode.INVALID, check, token=registration.token, method="teleport", field="method")
    refused(CommonErrorCode.REQUIRED, check)
    assert not CheckIn.objects.exists()
    assert check(token=registration.token, by=make_organizer(org["city"])).pk


@pytest.mark.parametrize(
    "status", [S.WAITLISTED, S.PENDING, S.CANCELLED_BY_REGISTRANT, S.CANCELLED_BY_ORGANIZER, S.REJECTED]
)
def test_only_confirmed_registrations_check_in(course, organizer, status):
    registration = make_registration(course)
    Registration.objects.filter(pk=registration.pk).update(status=status)
    error = refused(
        Code.NOT_CONFIRMED,
        services.check_in,
        by=organizer,
        session_id=session_of(course).pk,
        token=registration.token,
        method=CheckInMethod.QR,
    )
    registration.refresh_from_db()
    assert registration.get_status_display() in error.problems[0].message
    assert not CheckIn.objects.exists()


def test_undo_check_in(course, organizer, org):
    registration = make_registration(course)
    session = session_of(course)
    record = services.check_in(
        by=organizer, session_id=session.pk, token=registration.token, method=CheckInMethod.QR
    )
    refused(CommonErrorCode.PERMISSION_DENIED, services.undo_check_in, record.pk, by=registration.user)
    refused(CommonErrorCode.NOT_FOUND, services.undo_check_in, 999999, by=organizer)

    undone = services.undo_check_in(record.pk, by=organizer)
    assert undone.pk == record.pk and undone.undone_at is not None and undone.undone_by == organizer
    twice = services.undo_check_in(record.pk, by=make_organizer(org["city"]))
    assert (twice.undone_at, twice.undone_by) == (undone.undone_at, organizer)

    again = services.check_in(
        by=organizer, session_id=session.pk, token=registration.token, method=CheckInMethod.QR
    )
    assert again.pk != record.pk and again.already_checked_in is False
    assert CheckIn.objects.count() == 2
    assert CheckIn.objects.filter(undone_at__isnull=True).count() == 1


# --- nothing is ever deleted; every notification kind --------------------------------------------


def test_nothing_is_ever_deleted_and_each_kind_is_sent_once(
    org, organizer, django_capture_on_commit_callbacks
):
    event = make_event(org["district"], capacity=2, max_party_size=2, requires_approval=True)
    session = session_of(event)
    counts = []

    def snapshot():
        counts.append(
            (
                Registration.objects.count(),
                CheckIn.objects.count(),
                Notification.objects.count(),
                Event.objects.count(),
            )
        )

    with django_capture_on_commit_callbacks(execute=True):
        pending = make_registration(event)  # pending
        snapshot()
        waiting = make_registration(event, party_size=2)  # waitlisted: only 1 seat left
        snapshot()
        services.approve(pending.pk, by=organizer)  # approved
        snapshot()
        services.cancel_registration(pending.pk, by=organizer, reason="重复报名")  # cancelled by organizer
        snapshot()
        waiting.refresh_from_db()
        assert waiting.status == S.PENDING  # promoted (approval required)
        services.reject(waiting.pk, by=organizer)  # rejected
        snapshot()
        services.change_capacity(event.pk, 3, by=organizer)
        Event.objects.filter(pk=event.pk).update(requires_approval=False)
        confirmed = make_registration(event)  # confirmed
        snapshot()
        services.check_in(by=organizer, session_id=session.pk, token=confirmed.token, method="qr")
        snapshot()
        record = services.undo_check_in(confirmed.check_ins.get().pk, by=organizer)
        snapshot()
        services.cancel_event(event.pk, by=organizer, reason="场地维修")  # event cancelled
        snapshot()

    for before, after in zip(counts, counts[1:], strict=False):
        assert all(b <= a for b, a in zip(before, after, strict=True)), counts
    assert Registration.objects.count() == 3
    record.refresh_from_db()
    assert record.undone_at is not None
    sent = sorted(Notification.objects.values_list("kind", flat=True))
    assert sent == sorted(
        [
            NotificationKind.PENDING,
            NotificationKind.WAITLISTED,
            NotificationKind.APPROVED,
            NotificationKind.CANCELLED_BY_ORGANIZER,
            NotificationKind.PROMOTED,
            NotificationKind.REJECTED,
            NotificationKind.CONFIRMED,
            NotificationKind.EVENT_CANCELLED,
        ]
    )
    assert Notification.objects.filter(sent_at__isnull=True).count() == 0
    assert len(mail.outbox) == len(sent)
    # The wording belongs to the notifications module; here: one mail per notification, to the registrant.
    assert {m.to[0] for m in mail.outbox} <= set(Registration.objects.values_list("user__email", flat=True))


def test_a_refused_service_sends_nothing(event, user, django_capture_on_commit_callbacks):
    services.register(user, event.pk)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        refused(Code.ALREADY_REGISTERED, services.register, user, event.pk)
    assert callbacks == [] and mail.outbox == []


def test_services_are_the_outermost_transaction(event, user):
    # durable=True: calling a service inside another transaction is a programming error.
    with pytest.raises(RuntimeError), transaction.atomic():
        services.register(user, event.pk)


# --- selectors -----------------------------------------------------------------------------------


def test_selectors(org, organizer):
    event = make_event(org["district"], capacity=5, max_party_size=3)
    make_registration(event, party_size=3)
    make_registration(event, party_size=1)
    make_registration(event, party_size=3)  # waits: one seat left
    quiet = make_event(org["other_district"], capacity=5)
    make_registration(quiet, party_size=1)

    info = selectors.availability(event)
    assert (info.capacity, info.seats_taken, info.seats_left, info.waitlist_length) == (5, 4, 1, 1)
    assert info.seats_for_newcomers == 0 and not info.has_free_seats and info.would_waitlist
    assert info.registration_open
    assert selectors.availability(quiet).has_free_seats

    annotated = {e.pk: e for e in selectors.with_availability(Event.objects.all())}
    assert (selectors.seats_taken(annotated[event.pk]), selectors.waitlist_length(annotated[event.pk])) == (
        4,
        1,
    )
    assert (selectors.seats_taken(annotated[quiet.pk]), selectors.waitlist_length(annotated[quiet.pk])) == (
        1,
        0,
    )
    assert list(selectors.with_free_seats()) == [quiet]
    assert [r.party_size for r in selectors.waitlist(event)] == [3]

    assert selectors.can_manage_event(organizer, event)
    assert not selectors.can_manage_event(organizer, quiet)
    assert selectors.can_manage_event(make_organizer(org["city"]), quiet)
    assert not selectors.can_manage_event(make_user(), event)
    assert not selectors.can_manage_event(None, event)
    assert list(selectors.managed_events(organizer)) == [event]
    assert set(selectors.managed_events(make_superuser())) == {event, quiet}


def test_with_availability_costs_one_query(org, django_assert_num_queries):
    for _ in range(5):
        event = make_event(org["district"], capacity=2)
        make_registration(event)
    with django_assert_num_queries(1):
        rows = [
            (selectors.seats_left(e), selectors.waitlist_length(e)) for e in selectors.with_availability()
        ]
    assert rows == [(1, 0)] * 5


# --- the admin's editing shortcuts ----------------------------------------------------------------


def test_copy_and_series_are_for_the_events_organizers_only(event, org):
    stranger = make_organizer(org["other_district"])
    before = (Event.objects.count(), event.sessions.count())
    refused(CommonErrorCode.PERMISSION_DENIED, services.copy_event, event.pk, by=stranger, title="副本")
    refused(
        CommonErrorCode.PERMISSION_DENIED,
        services.add_weekly_sessions,
        event.pk,
        by=stranger,
        first_starts_at=timezone.now(),
        duration=datetime.timedelta(hours=1),
        count=2,
    )
    refused(
        CommonErrorCode.NOT_FOUND, services.copy_event, "nope", by=stranger, title="副本", field="event_id"
    )
    assert (Event.objects.count(), event.sessions.count()) == before


@pytest.mark.parametrize("count", [0, services.MAX_SERIES_LENGTH + 1])
def test_a_series_has_a_bounded_length(event, org, count):
    organizer = make_organizer(org["district"])
    refused(
        CommonErrorCode.INVALID,
        services.add_weekly_sessions,
        event.pk,
        by=organizer,
        first_starts_at=timezone.now(),
        duration=datetime.timedelta(hours=1),
        count=count,
        field="count",
    )
