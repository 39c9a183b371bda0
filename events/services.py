"""Every state change of events and registrations, one transaction each.

The rules are written down in docs/events.md; in short:

- Capacity is consumed only inside one durable transaction that first locks the event row
  (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the IMMEDIATE transaction already holds the
  database's write lock) and then re-counts the seats taken. Every service that changes which
  registrations hold seats (register, cancel, approve/reject, capacity, cancelling the event)
  takes that one lock first, so promotion after a cancellation is serialized with new sign-ups.
  One event row per transaction, always taken first: there is no lock order to get wrong.
- Seats are counted in persons: the party sizes of pending and confirmed registrations.
- Waitlist entries still waiting reduce availability for newcomers: nobody jumps the queue.
- Promotion is strictly in waitlist order: if the head does not fit, nobody behind it moves.
- Nothing is ever deleted: cancelling and rejecting change the status and keep the row.
- Each such change ends by recounting the event's figures (events/figures.py), still under the
  lock, so that what lists show is exact once committed.

Services raise ``cms.errors.ServiceError`` with a ``RegistrationErrorCode`` or a
``CommonErrorCode``; messages are for people (gettext), labels for developers.
"""

import datetime
from collections.abc import Mapping

from django.db import IntegrityError, models, transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.accounts.models import ConsentKind, ConsentRecord, PrivacyNotice
from cms.errors import CommonErrorCode, Problem, ServiceError, fail
from cms.ids import find_by_id
from events import figures
from events.models import (
    ACTIVE_STATUSES,
    SEATED_STATUSES,
    CheckIn,
    CheckInMethod,
    Event,
    EventQuestion,
    EventSession,
    EventStatus,
    Notification,
    NotificationKind,
    QuestionKind,
    Registration,
    RegistrationStatus,
)
from events.notifications import notify
from events.selectors import can_manage_event, cancellation_deadline
from events.tokens import normalize_token

TEXT_ANSWER_MAX_LENGTH = 200
NAME_MAX_LENGTH = Registration._meta.get_field("name").max_length
PHONE_MAX_LENGTH = Registration._meta.get_field("phone").max_length
REASON_MAX_LENGTH = Registration._meta.get_field("cancel_reason").max_length
IDEMPOTENCY_KEY_MAX_LENGTH = Registration._meta.get_field("idempotency_key").max_length
MAX_AGE = 120


CHILD_AGE = 14  # PIPL: personal data of children under 14 needs a guardian's consent


class RegistrationErrorCode(models.TextChoices):
    """Why an events service refused; labels describe each code for developers."""

    NOT_PUBLISHED = "NOT_PUBLISHED", "The event is not published (still a draft)."
    EVENT_CANCELLED = "EVENT_CANCELLED", "The event has been cancelled."
    REGISTRATION_NOT_OPEN = "REGISTRATION_NOT_OPEN", "Registration has not opened yet."
    REGISTRATION_CLOSED = "REGISTRATION_CLOSED", "Registration has closed."
    PARTY_TOO_LARGE = "PARTY_TOO_LARGE", "The party is larger than the event's maximum party size."
    COMPANIONS_REQUIRED = (
        "COMPANIONS_REQUIRED",
        "The event asks for the name and age of each companion (party size minus one of them).",
    )
    AGE_NOT_ALLOWED = "AGE_NOT_ALLOWED", "A participant's age is outside the event's age limits."
    ANSWER_REQUIRED = "ANSWER_REQUIRED", "A required question was not answered (field answers.<questionId>)."
    INVALID_ANSWER = (
        "INVALID_ANSWER",
        "An answer does not fit its question: text too long, not one of the choices, not yes/no, "
        "or no such question (field answers.<questionId>).",
    )
    ALREADY_REGISTERED = "ALREADY_REGISTERED", "The person already has an active registration for the event."
    CHILDREN_CONSENT_REQUIRED = (
        "CHILDREN_CONSENT_REQUIRED",
        "A companion is under 14: the registrant must consent, as guardian, to the child's data.",
    )
    FULL = "FULL", "No seat is free for the party and the event has no waitlist."
    CANCELLATION_DEADLINE_PASSED = (
        "CANCELLATION_DEADLINE_PASSED",
        "The registrant may no longer cancel: the cancellation deadline (or first session) has passed.",
    )
    REASON_REQUIRED = "REASON_REQUIRED", "An organizer must give a reason."
    NOT_ACTIVE = "NOT_ACTIVE", "The registration is already cancelled or rejected."
    NOT_PENDING = "NOT_PENDING", "Only a registration pending approval can be approved or rejected."
    UNKNOWN_CODE = "UNKNOWN_CODE", "No registration has this check-in code (or id)."
    WRONG_EVENT = "WRONG_EVENT", "The check-in code belongs to another event than the session's."
    WRONG_SESSION = "WRONG_SESSION", "The session does not exist."
    NOT_CONFIRMED = (
        "NOT_CONFIRMED",
        "Only confirmed registrations check in; this one is pending, waitlisted, cancelled or rejected.",
    )


# --- loading and locking ---------------------------------------------------------------------------


def _lock_event(event_id):
    """The event row, locked until the transaction ends; re-read so every field is current.

    ``select_for_update`` is a no-op on SQLite, where the IMMEDIATE transaction already holds the
    database's write lock.
    """
    event = Event.objects.select_for_update().filter(pk=event_id).first()
    if event is None:
        fail(CommonErrorCode.NOT_FOUND, _("This event does not exist."), "event_id")
    return event


def _get_event(event_id):
    event = find_by_id(Event.objects, event_id)
    if event is None:
        fail(CommonErrorCode.NOT_FOUND, _("This event does not exist."), "event_id")
    return event


def _get_registration(registration_id, *, lock=False):
    queryset = Registration.objects.select_for_update() if lock else Registration.objects
    registration = find_by_id(queryset, registration_id)
    if registration is None:
        fail(CommonErrorCode.NOT_FOUND, _("This registration does not exist."), "registration_id")
    return registration


def _require_organizer(by, event):
    if not can_manage_event(by, event):
        fail(CommonErrorCode.PERMISSION_DENIED, _("Only the event's organizers may do this."))


def _seats_taken(event):
    total = Registration.objects.filter(event=event, status__in=SEATED_STATUSES).aggregate(
        total=Sum("party_size")
    )["total"]
    return total or 0


def _notify(registration, kind):
    """Tell the registrant; phone-in registrations have no account and are told by phone."""
    if registration.user_id is not None:
        notify(registration, kind)


# --- validation of a registration's content --------------------------------------------------------


def _clean_registration(event, *, party_size, companions, answers, name, phone, name_required):
    """The validated (party_size, companions, answers, name, phone), or ServiceError listing every
    problem at once."""
    problems = []
    if isinstance(party_size, bool) or not isinstance(party_size, int) or party_size < 1:
        problems.append(
            Problem(CommonErrorCode.INVALID, _("The party must have at least one person."), "party_size")
        )
        party_size = 1
    elif party_size > event.max_party_size:
        problems.append(
            Problem(
                RegistrationErrorCode.PARTY_TOO_LARGE,
                ngettext(
                    "At most %(count)d person may come on one registration.",
                    "At most %(count)d persons may come on one registration.",
                    event.max_party_size,
                )
                % {"count": event.max_party_size},
                "party_size",
            )
        )

    cleaned_companions = []
    if event.ask_companions:
        cleaned_companions = _clean_companions(event, party_size, companions, problems)

    cleaned_answers = _clean_answers(event, answers, problems)

    name = (name or "").strip()
    phone = (phone or "").strip()
    if name_required and not name:
        problems.append(Problem(CommonErrorCode.REQUIRED, _("Please give the registrant's name."), "name"))
    if len(name) > NAME_MAX_LENGTH:
        problems.append(
            Problem(
                CommonErrorCode.INVALID,
                _("A name has at most %(count)d characters.") % {"count": NAME_MAX_LENGTH},
                "name",
            )
        )
    if len(phone) > PHONE_MAX_LENGTH:
        problems.append(
            Problem(
                CommonErrorCode.INVALID,
                _("A phone number has at most %(count)d characters.") % {"count": PHONE_MAX_LENGTH},
                "phone",
            )
        )
    if problems:
        raise ServiceError.of(problems)
    return party_size, cleaned_companions, cleaned_answers, name, phone


def _clean_companions(event, party_size, companions, problems):
    companions = list(companions or ())
    expected = party_size - 1
    if len(companions) != expected:
        if expected:
            message = ngettext(
                "Please give the name and age of the %(count)d person coming with you.",
                "Please give the name and age of each of the %(count)d persons coming with you.",
                expected,
            ) % {"count": expected}
        else:
            message = _("A party of one person has no companions; raise the party size to bring someone.")
        problems.append(Problem(RegistrationErrorCode.COMPANIONS_REQUIRED, message, "companions"))
        return []
    cleaned = []
    for index, companion in enumerate(companions):
        if not isinstance(companion, Mapping):
            problems.append(
                Problem(
                    CommonErrorCode.INVALID, _("Give each companion's name and age."), f"companions.{index}"
                )
            )
            continue
        name = str(companion.get("name") or "").strip()
        age = companion.get("age")
        if not name:
            problems.append(
                Problem(
                    CommonErrorCode.REQUIRED,
                    _("Please give this companion's name."),
                    f"companions.{index}.name",
                )
            )
        elif len(name) > NAME_MAX_LENGTH:
            problems.append(
                Problem(
                    CommonErrorCode.INVALID,
                    _("A name has at most %(count)d characters.") % {"count": NAME_MAX_LENGTH},
                    f"companions.{index}.name",
                )
            )
        if age is None or age == "":
            problems.append(
                Problem(
                    CommonErrorCode.REQUIRED,
                    _("Please give this companion's age."),
                    f"companions.{index}.age",
                )
            )
        elif isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= MAX_AGE:
            problems.append(
                Problem(
                    CommonErrorCode.INVALID,
                    _("An age is a whole number from 0 to %(max)d.") % {"max": MAX_AGE},
                    f"companions.{index}.age",
                )
            )
        elif (event.min_age is not None and age < event.min_age) or (
            event.max_age is not None and age > event.max_age
        ):
            problems.append(
                Problem(
                    RegistrationErrorCode.AGE_NOT_ALLOWED,
                    _age_limits_message(event),
                    f"companions.{index}.age",
                )
            )
        cleaned.append({"name": name, "age": age})
    return cleaned


def _age_limits_message(event):
    if event.min_age is not None and event.max_age is not None:
        return _("This event is for ages %(min)d to %(max)d.") % {"min": event.min_age, "max": event.max_age}
    if event.min_age is not None:
        return _("This event is for ages %(min)d and over.") % {"min": event.min_age}
    return _("This event is for ages up to %(max)d.") % {"max": event.max_age}


_YES = {"true", "yes", "1"}
_NO = {"false", "no", "0"}


def _clean_answers(event, answers, problems):
    """Answers by question id (str), checked against the event's questions.

    Text: at most 200 characters (blank counts as unanswered). Choice: one of the options.
    Yes/no: a boolean (the strings "true"/"false"/"yes"/"no" are accepted too).
    """
    if answers is None:
        answers = {}
    if not isinstance(answers, Mapping):
        problems.append(Problem(CommonErrorCode.INVALID, _("Answers are given by question."), "answers"))
        return {}
    given = {str(key): value for key, value in answers.items()}
    questions = {str(question.pk): question for question in event.questions.all()}
    cleaned = {}
    for key in given.keys() - questions.keys():
        problems.append(
            Problem(
                RegistrationErrorCode.INVALID_ANSWER, _("This event has no such question."), f"answers.{key}"
            )
        )
    for key, question in questions.items():
        field = f"answers.{key}"
        value = given.get(key)
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if question.required:
                problems.append(
                    Problem(
                        RegistrationErrorCode.ANSWER_REQUIRED,
                        _("Please answer: %(question)s") % {"question": question.label},
                        field,
                    )
                )
            continue
        if question.kind == QuestionKind.YES_NO:
            if isinstance(value, str) and value.lower() in _YES | _NO:
                value = value.lower() in _YES
            if not isinstance(value, bool):
                problems.append(
                    Problem(RegistrationErrorCode.INVALID_ANSWER, _("Please answer yes or no."), field)
                )
                continue
        elif question.kind == QuestionKind.CHOICE:
            if not isinstance(value, str) or value not in question.options:
                problems.append(
                    Problem(
                        RegistrationErrorCode.INVALID_ANSWER, _("Please choose one of the options."), field
                    )
                )
                continue
        else:
            if not isinstance(value, str):
                problems.append(
                    Problem(RegistrationErrorCode.INVALID_ANSWER, _("Please answer in words."), field)
                )
                continue
            if len(value) > TEXT_ANSWER_MAX_LENGTH:
                problems.append(
                    Problem(
                        RegistrationErrorCode.INVALID_ANSWER,
                        _("An answer has at most %(count)d characters.") % {"count": TEXT_ANSWER_MAX_LENGTH},
                        field,
                    )
                )
                continue
        cleaned[key] = value
    return cleaned


def _check_open_for_registration(event, *, check_window, now):
    if event.status == EventStatus.CANCELLED:
        fail(RegistrationErrorCode.EVENT_CANCELLED, _("This event has been cancelled."))
    if event.status != EventStatus.PUBLISHED:
        fail(RegistrationErrorCode.NOT_PUBLISHED, _("This event is not published."))
    if check_window:
        if now < event.registration_opens_at:
            opens = timezone.localtime(event.registration_opens_at).strftime("%Y-%m-%d %H:%M")
            fail(
                RegistrationErrorCode.REGISTRATION_NOT_OPEN,
                _("Registration opens at %(time)s.") % {"time": opens},
            )
        if now >= event.registration_closes_at:
            fail(RegistrationErrorCode.REGISTRATION_CLOSED, _("Registration has closed."))


def _display_name(user):
    name = (getattr(user, "display_name", "") or "").strip() or user.get_full_name().strip()
    if not name and user.email:
        name = user.email.split("@", 1)[0]
    return (name or user.get_username())[:NAME_MAX_LENGTH]


# --- the capacity decision -------------------------------------------------------------------------


def _place(event, registration):
    """Seat ``registration`` (unsaved) or put it on the waitlist; ``event`` must be locked.

    Seats for a newcomer: none while anyone is waiting (nobody jumps the queue), otherwise the
    capacity minus the persons of pending and confirmed registrations.
    """
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).exists()
    free = event.capacity - _seats_taken(event)
    if not waiting and registration.party_size <= free:
        _seat(event, registration)
    elif event.waitlist_enabled:
        registration.status = RegistrationStatus.WAITLISTED
        registration.waitlist_position = _next_waitlist_position(event)
    else:
        fail(
            RegistrationErrorCode.FULL,
            _("Sorry, this event is full.")
            if free <= 0 or waiting
            else ngettext(
                "Sorry, only %(count)d seat is left.", "Sorry, only %(count)d seats are left.", free
            )
            % {"count": free},
        )


def _seat(event, registration):
    if event.requires_approval:
        registration.status = RegistrationStatus.PENDING
    else:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()


def _next_waitlist_position(event):
    """Positions are never reused: promoted and cancelled entries keep theirs, so the positions
    ever given on an event are 1, 2, 3 ... without gaps or repeats."""
    last = Registration.objects.filter(event=event).aggregate(last=Max("waitlist_position"))["last"]
    return (last or 0) + 1


def _settle(event):
    """After seats were freed or added, inside the transaction that locked ``event``: the waitlist
    moves up, then the event's figures are recounted."""
    promote_waitlist(event)
    figures.refresh([event.pk])


def promote_waitlist(event):
    """Move waitlisted registrations into free seats, strictly in waitlist order.

    Internal: call it inside the transaction that locked ``event`` (after freeing seats or raising
    the capacity). If the head of the waitlist does not fit into the free seats, nobody behind it
    is promoted: it waits for more seats. Promoted registrations become confirmed (pending when
    the event requires approval), keep their waitlist position and are told. Returns them.
    """
    if event.status != EventStatus.PUBLISHED:
        return []
    free = event.capacity - _seats_taken(event)
    promoted = []
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).order_by(
        "waitlist_position", "pk"
    )
    for registration in waiting:
        if registration.party_size > free:
            break
        _seat(event, registration)
        registration.save(update_fields=["status", "confirmed_at", "updated_at"])
        _notify(registration, NotificationKind.PROMOTED)
        free -= registration.party_size
        promoted.append(registration)
    return promoted


# --- registering -----------------------------------------------------------------------------------


def register(
    user,
    event_id,
    *,
    party_size=1,
    companions=(),
    answers=None,
    name="",
    phone="",
    idempotency_key="",
    children_consent=False,
):
    """Register ``user`` (and their party) for the event; confirmed, pending or waitlisted.

    A companion under 14 needs ``children_consent`` (PIPL art. 31: the guardian's consent to a
    child's data), recorded with the registration and as a consent record.
    Replaying the same ``idempotency_key`` returns the registration it made, unchanged.
    """
    if user is None or not user.is_authenticated:
        fail(CommonErrorCode.UNAUTHENTICATED, _("Please sign in first."))
    idempotency_key = (idempotency_key or "").strip()
    if len(idempotency_key) > IDEMPOTENCY_KEY_MAX_LENGTH:
        fail(
            CommonErrorCode.INVALID,
            _("An idempotency key has at most %(count)d characters.") % {"count": IDEMPOTENCY_KEY_MAX_LENGTH},
            "idempotency_key",
        )
    with transaction.atomic(durable=True):
        replayed = _replay(user, idempotency_key, event_id)
        if replayed is not None:
            return replayed
        event = _get_event(event_id)
        _check_open_for_registration(event, check_window=True, now=timezone.now())
        party_size, companions, answers, name, phone = _clean_registration(
            event,
            party_size=party_size,
            companions=companions,
            answers=answers,
            name=name,
            phone=phone,
            name_required=False,
        )
        has_children = any(companion["age"] < CHILD_AGE for companion in companions)
        if has_children and children_consent is not True:
            fail(
                RegistrationErrorCode.CHILDREN_CONSENT_REQUIRED,
                _("A companion is under 14: please confirm that you are their guardian and consent."),
                "children_consent",
            )
        event = _lock_event(event.pk)
        # Re-checked under the lock: a concurrent replay, a concurrent registration, a status change.
        replayed = _replay(user, idempotency_key, event_id)
        if replayed is not None:
            return replayed
        _check_open_for_registration(event, check_window=True, now=timezone.now())
        if Registration.objects.filter(event=event, user=user, status__in=ACTIVE_STATUSES).exists():
            fail(RegistrationErrorCode.ALREADY_REGISTERED, _("You have already registered for this event."))
        registration = Registration(
            event=event,
            user=user,
            name=name or _display_name(user),
            phone=phone,
            party_size=party_size,
            companions=companions,
            answers=answers,
            idempotency_key=idempotency_key,
            children_consent_at=timezone.now() if has_children else None,
        )
        _place(event, registration)
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            replayed = _replay(user, idempotency_key, event_id)
            if replayed is not None:
                return replayed
            fail(RegistrationErrorCode.ALREADY_REGISTERED, _("You have already registered for this event."))
        figures.refresh([event.pk])
        if has_children:
            ConsentRecord.objects.create(
                user=user, kind=ConsentKind.GUARDIAN, version=PrivacyNotice.load().version
            )
        _notify(registration, _placement_notification(registration))
        return registration


def _replay(user, idempotency_key, event_id):
    if not idempotency_key:
        return None
    existing = Registration.objects.filter(user=user, idempotency_key=idempotency_key).first()
    if existing is not None and str(existing.event_id) != str(event_id):
        fail(
            CommonErrorCode.INVALID,
            _("This idempotency key was already used for another event."),
            "idempotency_key",
        )
    return existing


def _placement_notification(registration):
    return {
        RegistrationStatus.CONFIRMED: NotificationKind.CONFIRMED,
        RegistrationStatus.PENDING: NotificationKind.PENDING,
        RegistrationStatus.WAITLISTED: NotificationKind.WAITLISTED,
    }[registration.status]


def add_by_hand(event_id, *, by, name, phone, party_size=1, companions=(), answers=None):
    """A phone-in registration an organizer enters (no account, ``added_by=by``).

    The registration window does not apply; capacity and the waitlist do. Nobody is notified.
    """
    with transaction.atomic(durable=True):
        event = _get_event(event_id)
        _require_organizer(by, event)
        _check_open_for_registration(event, check_window=False, now=timezone.now())
        party_size, companions, answers, name, phone = _clean_registration(
            event,
            party_size=party_size,
            companions=companions,
            answers=answers,
            name=name,
            phone=phone,
            name_required=True,
        )
        if not phone:
            fail(CommonErrorCode.REQUIRED, _("Please give a phone number to reach the registrant."), "phone")
        event = _lock_event(event.pk)
        _check_open_for_registration(event, check_window=False, now=timezone.now())
        registration = Registration(
            event=event,
            user=None,
            added_by=by,
            name=name,
            phone=phone,
            party_size=party_size,
            companions=companions,
            answers=answers,
        )
        _place(event, registration)
        registration.save()
        figures.refresh([event.pk])
        return registration


# --- cancelling, approving, rejecting --------------------------------------------------------------


def _clean_reason(reason, *, required):
    reason = (reason or "").strip()
    if required and not reason:
        fail(RegistrationErrorCode.REASON_REQUIRED, _("Please give a reason."), "reason")
    if len(reason) > REASON_MAX_LENGTH:
        fail(
            CommonErrorCode.INVALID,
            _("A reason has at most %(count)d characters.") % {"count": REASON_MAX_LENGTH},
            "reason",
        )
    return reason


def cancel_registration(registration_id, *, by, reason=""):
    """Cancel a registration: its registrant before the deadline, an organizer any time with a
    reason. Frees the seats and promotes from the waitlist."""
    with transaction.atomic(durable=True):
        registration = _get_registration(registration_id)
        event = registration.event
        is_registrant = by is not None and by.is_authenticated and registration.user_id == by.pk
        is_organizer = can_manage_event(by, event)
        if not is_registrant and not is_organizer:
            fail(CommonErrorCode.PERMISSION_DENIED, _("You may not cancel this registration."))
        event = _lock_event(event.pk)
        registration = _get_registration(registration.pk, lock=True)
        if not registration.is_active:
            fail(RegistrationErrorCode.NOT_ACTIVE, _("This registration is already cancelled or rejected."))
        now = timezone.now()
        deadline = cancellation_deadline(event)
        within_deadline = deadline is None or now < deadline
        if is_registrant and (within_deadline or not is_organizer):
            if not within_deadline:
                fail(
                    RegistrationErrorCode.CANCELLATION_DEADLINE_PASSED,
                    _("Cancelling was possible until %(time)s; please contact the organizers.")
                    % {"time": timezone.localtime(deadline).strftime("%Y-%m-%d %H:%M")},
                )
            reason = _clean_reason(reason, required=False)
            registration.status = RegistrationStatus.CANCELLED_BY_REGISTRANT
        else:
            reason = _clean_reason(reason, required=True)
            registration.status = RegistrationStatus.CANCELLED_BY_ORGANIZER
        registration.cancelled_at = now
        registration.cancelled_by = by
        registration.cancel_reason = reason
        registration.save(
            update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason", "updated_at"]
        )
        if registration.status == RegistrationStatus.CANCELLED_BY_ORGANIZER:
            _notify(registration, NotificationKind.CANCELLED_BY_ORGANIZER)
        # Always: freed seats go to the waitlist, and a cancelled head of the waitlist may unblock
        # a smaller party behind it.
        _settle(event)
        return registration


def _pending_for_organizer(registration_id, by):
    """(locked event, locked pending registration) for an organizer's decision."""
    registration = _get_registration(registration_id)
    _require_organizer(by, registration.event)
    event = _lock_event(registration.event_id)
    registration = _get_registration(registration.pk, lock=True)
    if registration.status != RegistrationStatus.PENDING:
        fail(
            RegistrationErrorCode.NOT_PENDING,
            _("Only a registration awaiting approval can be approved or rejected; this one is: %(status)s.")
            % {"status": registration.get_status_display()},
        )
    return event, registration


def approve(registration_id, *, by):
    """Confirm a registration pending approval (its seats are already held)."""
    with transaction.atomic(durable=True):
        _event, registration = _pending_for_organizer(registration_id, by)
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at", "updated_at"])
        _notify(registration, NotificationKind.APPROVED)
        return registration


def reject(registration_id, *, by, reason=""):
    """Refuse a registration pending approval; its seats go to the waitlist."""
    with transaction.atomic(durable=True):
        event, registration = _pending_for_organizer(registration_id, by)
        registration.status = RegistrationStatus.REJECTED
        registration.cancelled_at = timezone.now()
        registration.cancelled_by = by
        registration.cancel_reason = _clean_reason(reason, required=False)
        registration.save(
            update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason", "updated_at"]
        )
        _notify(registration, NotificationKind.REJECTED)
        _settle(event)
        return registration


# --- the event as a whole --------------------------------------------------------------------------


def forget_registrant(user):
    """For an account being deleted (inside its transaction): cancel the person's registrations
    for events not over yet, giving their seats to the waitlists, and blank what the person
    entered in every registration. The rows stay, with their status and party size, so that the
    organizers' numbers and attendance statistics do not change; unsent mails are dropped."""
    now = timezone.now()
    upcoming = Registration.objects.filter(
        user=user, status__in=ACTIVE_STATUSES, event__sessions__ends_at__gt=now
    )
    for event_id in sorted(set(upcoming.values_list("event_id", flat=True))):
        event = _lock_event(event_id)
        Registration.objects.filter(user=user, event=event, status__in=ACTIVE_STATUSES).update(
            status=RegistrationStatus.CANCELLED_BY_REGISTRANT,
            cancelled_at=now,
            cancelled_by=user,
            cancel_reason=_("The account was deleted."),
            updated_at=now,
        )
        _settle(event)
    mine = Registration.objects.filter(user=user)
    Notification.objects.filter(registration__in=mine, sent_at__isnull=True).delete()
    Notification.objects.filter(registration__in=mine).update(last_error="")
    mine.update(name=_("Deleted account"), phone="", companions=[], answers={}, updated_at=now)


def cancel_event(event_id, *, by, reason):
    """Cancel the event and every active registration of it, telling each registrant."""
    with transaction.atomic(durable=True):
        event = _get_event(event_id)
        _require_organizer(by, event)
        reason = _clean_reason(reason, required=True)
        event = _lock_event(event.pk)
        if event.status == EventStatus.CANCELLED:
            fail(RegistrationErrorCode.EVENT_CANCELLED, _("This event has already been cancelled."))
        now = timezone.now()
        event.status = EventStatus.CANCELLED
        event.cancelled_at = now
        event.cancel_reason = reason
        event.save(update_fields=["status", "cancelled_at", "cancel_reason", "updated_at"])
        active = Registration.objects.select_for_update().filter(event=event, status__in=ACTIVE_STATUSES)
        for registration in active.order_by("pk"):
            registration.status = RegistrationStatus.CANCELLED_BY_ORGANIZER
            registration.cancelled_at = now
            registration.cancelled_by = by
            registration.cancel_reason = reason
            registration.save(
                update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason", "updated_at"]
            )
            _notify(registration, NotificationKind.EVENT_CANCELLED)
        figures.refresh([event.pk])
        return event


def change_capacity(event_id, capacity, *, by):
    """Set the capacity. Lowering it below the seats taken bumps nobody (but lets nobody new in);
    raising it promotes from the waitlist."""
    with transaction.atomic(durable=True):
        event = _get_event(event_id)
        _require_organizer(by, event)
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
            fail(CommonErrorCode.INVALID, _("The capacity is at least one person."), "capacity")
        if capacity < event.max_party_size:
            fail(
                CommonErrorCode.INVALID,
                _("The capacity cannot be below the maximum party size (%(count)d).")
                % {"count": event.max_party_size},
                "capacity",
            )
        event = _lock_event(event.pk)
        if event.status == EventStatus.CANCELLED:
            fail(RegistrationErrorCode.EVENT_CANCELLED, _("This event has been cancelled."))
        event.capacity = capacity
        event.save(update_fields=["capacity", "updated_at"])
        _settle(event)
        return event


# --- check-in --------------------------------------------------------------------------------------


def check_in(*, by, session_id, token=None, registration_id=None, method):
    """Record that a confirmed registration came to a session; by scanned/typed code or by id.

    Idempotent: checking in again returns the existing check-in, whose ``already_checked_in`` is
    True (False on a new one).
    """
    with transaction.atomic(durable=True):
        session = find_by_id(EventSession.objects.select_related("event__organizer"), session_id)
        if session is None:
            fail(RegistrationErrorCode.WRONG_SESSION, _("This session does not exist."), "session_id")
        _require_organizer(by, session.event)
        if method not in CheckInMethod.values:
            fail(CommonErrorCode.INVALID, _("Unknown check-in method."), "method")
        if token:
            code = normalize_token(token)
            registration = Registration.objects.filter(token=code).first() if code else None
            field = "token"
        elif registration_id is not None:
            registration = find_by_id(Registration.objects, registration_id)
            field = "registration_id"
        else:
            fail(
                CommonErrorCode.REQUIRED,
                _("Scan or type a check-in code, or choose a registration."),
                "token",
            )
        if registration is None:
            fail(RegistrationErrorCode.UNKNOWN_CODE, _("No registration has this code."), field)
        if registration.event_id != session.event_id:
            fail(RegistrationErrorCode.WRONG_EVENT, _("This code is for another event."), field)
        registration = _get_registration(registration.pk, lock=True)
        if registration.status != RegistrationStatus.CONFIRMED:
            fail(
                RegistrationErrorCode.NOT_CONFIRMED,
                _("%(name)s cannot check in: the registration is %(status)s.")
                % {"name": registration.name, "status": registration.get_status_display()},
                field,
            )
        existing = _current_check_in(registration, session)
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                created = CheckIn.objects.create(
                    registration=registration, session=session, checked_in_by=by, method=method
                )
        except IntegrityError:
            # Checked in at the same moment from another phone: the constraint kept one.
            return _current_check_in(registration, session)
        created.already_checked_in = False
        return created


def _current_check_in(registration, session):
    existing = CheckIn.objects.filter(
        registration=registration, session=session, undone_at__isnull=True
    ).first()
    if existing is not None:
        existing.already_checked_in = True
    return existing


def undo_check_in(check_in_id, *, by):
    """Mark a check-in undone (the row stays); undoing twice changes nothing."""
    with transaction.atomic(durable=True):
        record = find_by_id(CheckIn.objects.select_related("session__event__organizer"), check_in_id)
        if record is None:
            fail(CommonErrorCode.NOT_FOUND, _("This check-in does not exist."), "check_in_id")
        _require_organizer(by, record.session.event)
        record = CheckIn.objects.select_for_update().get(pk=record.pk)
        if record.undone_at is None:
            record.undone_at = timezone.now()
            record.undone_by = by
            record.save(update_fields=["undone_at", "undone_by"])
        return record


# --- editing shortcuts of the admin: copy an event, add a weekly series of sessions ----------------
# Both only create rows (an event with its sessions and questions; sessions) and never touch a
# registration.

MAX_SERIES_LENGTH = 52
# Fields a copy starts afresh: identity, bookkeeping, the cancellation, the status.
_NOT_COPIED = {"id", "created_at", "updated_at", "cancelled_at", "cancel_reason", "status"}
# Dates that move with the sessions.
_SHIFTED = ("registration_opens_at", "registration_closes_at", "cancellation_deadline")


def copy_event(event_id, *, by, title, shift=datetime.timedelta(0)):
    """A draft copy of the event with its sessions and questions, every date moved by ``shift``.

    Registrations and check-ins stay with the original.
    """
    with transaction.atomic(durable=True):
        original = _get_event(event_id)
        _require_organizer(by, original)
        return _copy(original, title, shift)


def _copy(original, title, shift):
    fields = {
        field.attname: getattr(original, field.attname)
        for field in Event._meta.concrete_fields
        if field.attname not in _NOT_COPIED
    }
    for name in _SHIFTED:
        if fields[name] is not None:
            fields[name] += shift
    fields["title"] = title
    copy = Event(**fields, status=EventStatus.DRAFT)
    copy.save()
    EventSession.objects.bulk_create(
        EventSession(
            event=copy,
            title=session.title,
            starts_at=session.starts_at + shift,
            ends_at=session.ends_at + shift,
            location_note=session.location_note,
        )
        for session in original.sessions.order_by("starts_at", "pk")
    )
    figures.refresh([copy.pk])
    EventQuestion.objects.bulk_create(
        EventQuestion(
            event=copy,
            sort_order=question.sort_order,
            label=question.label,
            kind=question.kind,
            choices=question.choices,
            required=question.required,
        )
        for question in original.questions.order_by("sort_order", "pk")
    )
    return copy


def add_weekly_sessions(event_id, *, by, first_starts_at, duration, count, every_weeks=1, title=""):
    """Sessions at ``first_starts_at`` and every ``every_weeks`` weeks after, ``count`` in all
    (e.g. every Saturday 09:00-11:00, 8 times). A time the event already has is skipped.

    ``title`` may contain ``{n}``, the number of the session in the series (e.g. 第{n}课).
    Returns the sessions created.
    """
    if not 1 <= count <= MAX_SERIES_LENGTH:
        fail(
            CommonErrorCode.INVALID,
            _("A series has from 1 to %(max)d sessions.") % {"max": MAX_SERIES_LENGTH},
            "count",
        )
    if duration <= datetime.timedelta(0):
        fail(CommonErrorCode.INVALID, _("A session must end after it starts."), "duration")
    with transaction.atomic(durable=True):
        event = _get_event(event_id)
        _require_organizer(by, event)
        return _add_series(event, first_starts_at, duration, count, every_weeks, title)


def _add_series(event, first_starts_at, duration, count, every_weeks, title):
    existing = set(event.sessions.values_list("starts_at", flat=True))
    first_local = timezone.localtime(first_starts_at)  # weeks counted in wall-clock time
    created = []
    for number in range(1, count + 1):
        starts_at = first_local + datetime.timedelta(weeks=every_weeks * (number - 1))
        if starts_at in existing:
            continue
        created.append(
            EventSession(
                event=event,
                title=title.replace("{n}", str(number)) if title else "",
                starts_at=starts_at,
                ends_at=starts_at + duration,
            )
        )
    EventSession.objects.bulk_create(created)
    figures.refresh([event.pk])
    return created
