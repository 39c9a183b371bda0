"""Events mutations: register and cancel; for organizers approve, reject, check in, undo, cancel
the event.

Each one calls one service of ``events.services`` and returns the changed object with a typed
``errors`` list (``cms.graphql.mutations.ServiceMutation``). Each has its own error code enum:
the common codes plus the ``RegistrationErrorCode`` members its service can raise; a service
that starts raising another code must have it added here (the base refuses unknown codes
loudly rather than hide them).

Ids are parsed before any service sees them: a malformed id is ``NOT_FOUND`` on its field.
Input lists are capped (``MAX_COMPANIONS``, ``MAX_ANSWERS``) before they reach a service.
The changed object is re-read through ``events.graphql.loaders`` so that it carries exactly
what a query would show the viewer.
"""

import graphene
from django.utils.translation import gettext as _

from cms.accounts import mfa
from cms.accounts.mfa import MFAErrorCode
from cms.errors import CommonErrorCode, Problem, ServiceError, fail
from cms.graphql.errors import error_type
from cms.graphql.mutations import ServiceMutation
from cms.ids import parse_id
from cms.ratelimit import RateLimitErrorCode
from events import services
from events.calendar import calendar_feed_url, rotate_calendar_feed
from events.graphql import loaders, types
from events.models import CheckIn as CheckInModel
from events.models import CheckInMethod as CheckInMethodChoices
from events.models import Registration
from events.services import RegistrationErrorCode as Code

MAX_COMPANIONS = 20
MAX_ANSWERS = 50

RegisterForEventError = error_type(
    "RegisterForEvent",
    [
        Code.NOT_PUBLISHED,
        Code.EVENT_CANCELLED,
        Code.REGISTRATION_NOT_OPEN,
        Code.REGISTRATION_CLOSED,
        Code.PARTY_TOO_LARGE,
        Code.COMPANIONS_REQUIRED,
        Code.AGE_NOT_ALLOWED,
        Code.ANSWER_REQUIRED,
        Code.INVALID_ANSWER,
        Code.ALREADY_REGISTERED,
        Code.FULL,
        Code.CHILDREN_CONSENT_REQUIRED,
        RateLimitErrorCode.RATE_LIMITED,
    ],
)
CancelRegistrationError = error_type(
    "CancelRegistration",
    [Code.NOT_ACTIVE, Code.CANCELLATION_DEADLINE_PASSED, Code.REASON_REQUIRED, MFAErrorCode.MFA_REQUIRED],
)
ApproveRegistrationError = error_type("ApproveRegistration", [Code.NOT_PENDING, MFAErrorCode.MFA_REQUIRED])
RejectRegistrationError = error_type("RejectRegistration", [Code.NOT_PENDING, MFAErrorCode.MFA_REQUIRED])
CheckInError = error_type(
    "CheckIn",
    [Code.WRONG_SESSION, Code.UNKNOWN_CODE, Code.WRONG_EVENT, Code.NOT_CONFIRMED, MFAErrorCode.MFA_REQUIRED],
)
UndoCheckInError = error_type("UndoCheckIn", [MFAErrorCode.MFA_REQUIRED])
CancelEventError = error_type(
    "CancelEvent", [Code.REASON_REQUIRED, Code.EVENT_CANCELLED, MFAErrorCode.MFA_REQUIRED]
)
RotateCalendarFeedError = error_type("RotateCalendarFeed")


def _not_found_message(field):
    # The services' own messages for an unknown id: a malformed id is just as unknown.
    return {
        "event_id": _("This event does not exist."),
        "registration_id": _("This registration does not exist."),
        "session_id": _("This session does not exist."),
        "check_in_id": _("This check-in does not exist."),
    }[field]


def _id(value, field):
    """The integer id, or ``NOT_FOUND`` on ``field`` for a malformed one."""
    number = parse_id(value)
    if number is None:
        raise ServiceError(CommonErrorCode.NOT_FOUND, _not_found_message(field), field)
    return number


def _capped(items, maximum, field):
    items = list(items or ())
    if len(items) > maximum:
        raise ServiceError(CommonErrorCode.INVALID, _("At most %(count)d items.") % {"count": maximum}, field)
    return items


def _registration(info, registration):
    return loaders.registration_for(info, registration.pk)


def _event(info, event):
    event = loaders.base_events().filter(pk=event.pk).first()
    return loaders.prepare_events(info, [event])[0]


def _check_in(info, record):
    record = CheckInModel.objects.select_related("session").get(pk=record.pk)
    record.registration = loaders.registration_for(info, record.registration_id)
    return record


class CompanionInput(graphene.InputObjectType):
    """Another member of the party, when the event asks for companions."""

    name = graphene.String(description="The companion's name (required by the event).")
    age = graphene.Int(description="The companion's age in years, 0 to 120 (required by the event).")


class AnswerInput(graphene.InputObjectType):
    """An answer to one of the event's questions."""

    question_id = graphene.ID(required=True, description="The question's id (Event.questions).")
    value = graphene.String(
        description='The answer: text, one of the options, or "yes" / "no"; null or empty for none.'
    )


class RegisterForEvent(ServiceMutation):
    """Register the viewer (and their party) for an event: confirmed, pending approval, or
    waitlisted when the event is full. Replaying an idempotency key returns the same registration."""

    class Input:
        event_id = graphene.ID(required=True, description="The event's id.")
        party_size = graphene.Int(
            default_value=1, description="Persons coming, the registrant included; 1 by default."
        )
        companions = graphene.List(
            graphene.NonNull(CompanionInput),
            description=(
                f"The other members of the party (party size minus one), when the event asks; at most "
                f"{MAX_COMPANIONS}."
            ),
        )
        answers = graphene.List(
            graphene.NonNull(AnswerInput),
            description=f"Answers to the event's questions, at most {MAX_ANSWERS}.",
        )
        name = graphene.String(description="The registrant's name; the account's display name by default.")
        phone = graphene.String(description="A phone number for the organizers, possibly empty.")
        idempotency_key = graphene.String(
            description="A key the client makes up per attempt (at most 64 characters); a retry with "
            "the same key returns the registration it made instead of registering twice."
        )
        children_consent = graphene.Boolean(
            description="The registrant consents, as guardian, to the data of companions under 14; "
            "required when there are any."
        )

    registration = graphene.Field(
        types.Registration, description="The registration; null when the mutation was refused."
    )

    class Meta:
        error_type = RegisterForEventError
        rate_limit = "register_for_event"

    @classmethod
    def perform(
        cls,
        info,
        event_id,
        party_size=1,
        companions=None,
        answers=None,
        name=None,
        phone=None,
        idempotency_key=None,
        children_consent=None,
    ):
        event_pk = _id(event_id, "event_id")
        companions = _capped(companions, MAX_COMPANIONS, "companions")
        answers = _capped(answers, MAX_ANSWERS, "answers")
        by_question = {}
        problems = []
        for index, answer in enumerate(answers):
            question = parse_id(answer.question_id)
            if question is None or str(question) in by_question:
                problems.append(
                    Problem(
                        CommonErrorCode.INVALID,
                        _("Answer each question once, by its id."),
                        f"answers.{index}.question_id",
                    )
                )
                continue
            by_question[str(question)] = answer.value
        if problems:
            raise ServiceError.of(problems)
        registration = services.register(
            info.context.user,
            event_pk,
            party_size=1 if party_size is None else party_size,
            companions=[{"name": companion.name, "age": companion.age} for companion in companions],
            answers=by_question,
            name=name or "",
            phone=phone or "",
            idempotency_key=idempotency_key or "",
            children_consent=children_consent is True,
        )
        return {"registration": _registration(info, registration)}


class CancelRegistration(ServiceMutation):
    """Cancel a registration: the registrant until the cancellation deadline, the event's
    organizers at any time with a reason. Freed seats go to the waitlist."""

    class Input:
        registration_id = graphene.ID(required=True, description="The registration's id.")
        reason = graphene.String(
            description="Why; required from organizers (who are not the registrant), at most 200 characters."
        )

    registration = graphene.Field(
        types.Registration, description="The cancelled registration; null when the mutation was refused."
    )

    class Meta:
        error_type = CancelRegistrationError

    @classmethod
    def perform(cls, info, registration_id, reason=None):
        pk = _id(registration_id, "registration_id")
        user = info.context.user
        # Cancelling one's own needs no code; cancelling someone else's is the organizer's act.
        if mfa.missing(info.context) and not Registration.objects.filter(pk=pk, user=user).exists():
            fail(MFAErrorCode.MFA_REQUIRED, mfa.REQUIRED_MESSAGE)
        registration = services.cancel_registration(pk, by=user, reason=reason or "")
        return {"registration": _registration(info, registration)}


class ApproveRegistration(ServiceMutation):
    """Organizers: confirm a registration pending approval."""

    class Input:
        registration_id = graphene.ID(required=True, description="The registration's id.")

    registration = graphene.Field(
        types.Registration, description="The confirmed registration; null when the mutation was refused."
    )

    class Meta:
        error_type = ApproveRegistrationError
        organizer = True

    @classmethod
    def perform(cls, info, registration_id):
        registration = services.approve(_id(registration_id, "registration_id"), by=info.context.user)
        return {"registration": _registration(info, registration)}


class RejectRegistration(ServiceMutation):
    """Organizers: refuse a registration pending approval; its seats go to the waitlist."""

    class Input:
        registration_id = graphene.ID(required=True, description="The registration's id.")
        reason = graphene.String(description="Why, for the registrant; at most 200 characters.")

    registration = graphene.Field(
        types.Registration, description="The rejected registration; null when the mutation was refused."
    )

    class Meta:
        error_type = RejectRegistrationError
        organizer = True

    @classmethod
    def perform(cls, info, registration_id, reason=None):
        registration = services.reject(
            _id(registration_id, "registration_id"), by=info.context.user, reason=reason or ""
        )
        return {"registration": _registration(info, registration)}


class CheckIn(ServiceMutation):
    """Organizers: check a confirmed registration in at a session, by its code (scanned or
    typed) or by its id (found by name). Checking in twice returns the first check-in."""

    class Input:
        session_id = graphene.ID(required=True, description="The session (Event.sessions) being attended.")
        token = graphene.String(description="The check-in code, scanned from the QR code or typed.")
        registration_id = graphene.ID(description="Or the registration's id, found in the roster.")
        method = types.CheckInMethod(
            description="How: QR (default with a token), SEARCH (default with a registration id) or MANUAL."
        )

    check_in = graphene.Field(types.CheckIn, description="The check-in; null when the mutation was refused.")
    already_checked_in = graphene.Boolean(
        description="Whether the person had already been checked in at this session (nothing new was "
        "recorded); null when refused."
    )

    class Meta:
        error_type = CheckInError
        organizer = True

    @classmethod
    def perform(cls, info, session_id, token=None, registration_id=None, method=None):
        session_pk = _id(session_id, "session_id")
        registration_pk = None if registration_id is None else _id(registration_id, "registration_id")
        method = types.enum_value(method) or (
            CheckInMethodChoices.QR if token else CheckInMethodChoices.SEARCH
        )
        record = services.check_in(
            by=info.context.user,
            session_id=session_pk,
            token=token or None,
            registration_id=registration_pk,
            method=str(method),
        )
        already = getattr(record, "already_checked_in", False)
        return {"check_in": _check_in(info, record), "already_checked_in": already}


class UndoCheckIn(ServiceMutation):
    """Organizers: undo a check-in (it is kept, marked undone). Undoing twice changes nothing."""

    class Input:
        check_in_id = graphene.ID(required=True, description="The check-in's id.")

    check_in = graphene.Field(
        types.CheckIn, description="The undone check-in; null when the mutation was refused."
    )

    class Meta:
        error_type = UndoCheckInError
        organizer = True

    @classmethod
    def perform(cls, info, check_in_id):
        record = services.undo_check_in(_id(check_in_id, "check_in_id"), by=info.context.user)
        return {"check_in": _check_in(info, record)}


class CancelEvent(ServiceMutation):
    """Organizers: cancel an event and every active registration of it; registrants are told."""

    class Input:
        event_id = graphene.ID(required=True, description="The event's id.")
        reason = graphene.String(
            required=True, description="Why, told to every registrant; 1 to 200 characters."
        )

    event = graphene.Field(
        types.Event, description="The cancelled event; null when the mutation was refused."
    )

    class Meta:
        error_type = CancelEventError
        organizer = True

    @classmethod
    def perform(cls, info, event_id, reason):
        event = services.cancel_event(_id(event_id, "event_id"), by=info.context.user, reason=reason)
        return {"event": _event(info, event)}


class RotateCalendarFeed(ServiceMutation):
    """Replace the viewer's private calendar feed link; the old link stops working at once."""

    calendar_feed_url = graphene.String(
        description="The new feed URL for calendar apps; null when the mutation was refused."
    )

    class Meta:
        error_type = RotateCalendarFeedError

    @classmethod
    def perform(cls, info):
        rotate_calendar_feed(info.context.user)
        return {"calendar_feed_url": calendar_feed_url(info.context.user, info.context)}


class EventMutation(graphene.ObjectType):
    register_for_event = RegisterForEvent.Field()
    cancel_registration = CancelRegistration.Field()
    approve_registration = ApproveRegistration.Field()
    reject_registration = RejectRegistration.Field()
    check_in = CheckIn.Field()
    undo_check_in = UndoCheckIn.Field()
    cancel_event = CancelEvent.Field()
    rotate_calendar_feed = RotateCalendarFeed.Field()
