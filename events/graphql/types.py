"""GraphQL types of events and registrations, written by hand, every field described.

Privacy: a ``Registration`` carries personal data (name, phone, companions, answers, the
check-in token). The resolvers that return one (``registration``, ``myRegistrations``,
``eventRegistrations``, ``Event.myRegistration`` and the mutations) only ever hand out the
viewer's own registrations or those of events the viewer organizes; the personal fields check
the same rule again, so a registration that reached a stranger by mistake would still show
nothing personal. Organizers are unit-scoped: a unit's organizers manage its events and those
of every unit below it (``home.permissions``).

Lists are batch-loaded by ``events.graphql.loaders``; the resolvers here read what it attached
and only fall back to a lookup of their own for an object that did not come through a list.
"""

import graphene
from django.urls import reverse
from django.utils import timezone

from cms.graphql.images import Image
from events import models, selectors
from events.graphql import loaders
from home.graphql.types import OrgUnit, PageInterface, Venue

EventKind = graphene.Enum.from_enum(
    models.EventKind, description="What kind of event: course, activity, training, lecture or livestream."
)
EventStatus = graphene.Enum.from_enum(
    models.EventStatus, description="Draft (organizers only), published or cancelled."
)
QuestionKind = graphene.Enum.from_enum(
    models.QuestionKind, description="How a question is answered: short text, one of a list, yes or no."
)
RegistrationStatus = graphene.Enum.from_enum(
    models.RegistrationStatus,
    description=(
        "Where a registration stands: pending approval, confirmed or waitlisted (active), or "
        "cancelled by the registrant, cancelled by the organizer, rejected."
    ),
)
CheckInMethod = graphene.Enum.from_enum(
    models.CheckInMethod,
    description="How a check-in was made: a scanned QR code, a name search, or a typed code.",
)
EventWhen = graphene.Enum(
    "EventWhen",
    [("UPCOMING", "upcoming"), ("PAST", "past")],
    description="UPCOMING: with a session that has not ended yet. PAST: every session has ended.",
)


def enum_value(value):
    return getattr(value, "value", value)


class EventSession(graphene.ObjectType):
    """One dated meeting of an event; a course has several, attended one by one."""

    id = graphene.ID(required=True, description="The session's id (for check-in).")
    title = graphene.String(required=True, description="e.g. 第 3 课：宋代点茶; possibly empty.")
    starts_at = graphene.DateTime(required=True, description="When it starts.")
    ends_at = graphene.DateTime(required=True, description="When it ends.")
    location_note = graphene.String(
        required=True,
        description="Where exactly, if different from the venue (e.g. 二楼活动室); possibly empty.",
    )


class EventQuestion(graphene.ObjectType):
    """A question registrants answer when they register."""

    id = graphene.ID(required=True, description="The question's id; answers refer to it.")
    label = graphene.String(required=True, description="The question, e.g. 孩子的年龄段.")
    kind = QuestionKind(required=True, description="Short text, choice, or yes/no.")
    options = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="For choice questions, the options in order; empty otherwise.",
    )
    required = graphene.Boolean(required=True, description="Whether an answer is required.")


class EventContact(graphene.ObjectType):
    """Whom to ask about an event: a public contact."""

    name = graphene.String(required=True, description="The contact person, possibly empty.")
    phone = graphene.String(required=True, description="A public phone number, possibly empty.")


def _figure(event, name):
    """``starts_at`` or ``ends_at`` of the event's figures (events/figures.py), without sessions."""
    figures = getattr(event, "figures", None)
    return getattr(figures, name) if figures is not None else None


def _ensure_prepared(info, event):
    """Load what a lone event (not from a list) lacks; lists come prepared."""
    if not hasattr(event, selectors.SEATS_TAKEN):
        loaders.prepare_events(info, [event])
    return event


class Event(graphene.ObjectType):
    """Something people register for: a course of sessions, an activity, a lecture, a livestream."""

    id = graphene.ID(required=True, description="The event's id.")
    title = graphene.String(required=True, description="The event's title.")
    kind = EventKind(required=True, description="Course, activity, training, lecture or livestream.")
    status = EventStatus(required=True, description="Published or cancelled (drafts: organizers only).")
    summary = graphene.String(required=True, description="One or two sentences for lists, possibly empty.")
    description = graphene.String(required=True, description="What happens, what to bring; possibly empty.")
    cover_image = graphene.Field(Image, description="The cover image.")
    page = graphene.Field(
        PageInterface,
        description="The class or campaign page the event belongs to; null when none or not published.",
    )
    organizer = graphene.Field(OrgUnit, required=True, description="The unit that runs the event.")
    venue = graphene.Field(Venue, description="Where it happens; null for online events.")
    online_url = graphene.String(required=True, description="The online link, possibly empty.")
    audience = graphene.String(required=True, description="Who it is for, possibly empty.")
    min_age = graphene.Int(description="Minimum age of every participant; null for no limit.")
    max_age = graphene.Int(description="Maximum age of every participant; null for no limit.")
    sessions = graphene.List(
        graphene.NonNull(EventSession), required=True, description="The sessions, in date order."
    )
    starts_at = graphene.DateTime(description="When the first session starts; null without sessions.")
    ends_at = graphene.DateTime(description="When the last session ends; null without sessions.")
    capacity = graphene.Int(required=True, description="Seats, counted in persons.")
    max_party_size = graphene.Int(
        required=True, description="Persons one registration may bring, the registrant included."
    )
    ask_companions = graphene.Boolean(
        required=True, description="Whether registrants give the name and age of everyone in the party."
    )
    seats_left = graphene.Int(
        required=True,
        description="Seats (persons) not taken by confirmed or pending registrations; never negative.",
    )
    has_free_seats = graphene.Boolean(
        required=True,
        description=(
            "Whether a newcomer would get a seat now: a seat is left and nobody is waiting "
            "(nobody jumps the waitlist)."
        ),
    )
    waitlist_length = graphene.Int(required=True, description="How many registrations are waitlisted.")
    waitlist_enabled = graphene.Boolean(
        required=True, description="Whether people join a waitlist when the event is full."
    )
    requires_approval = graphene.Boolean(
        required=True, description="Whether an organizer confirms each registration."
    )
    registration_open = graphene.Boolean(
        required=True, description="Whether registration is open now: published and within the window."
    )
    registration_opens_at = graphene.DateTime(required=True, description="From when people may register.")
    registration_closes_at = graphene.DateTime(required=True, description="Until when people may register.")
    cancellation_deadline = graphene.DateTime(
        description=(
            "Until when registrants may cancel: the set deadline, else the first session's start; "
            "null without either."
        )
    )
    questions = graphene.List(
        graphene.NonNull(EventQuestion), required=True, description="Questions for registrants, in order."
    )
    contact = graphene.Field(EventContact, required=True, description="Whom to ask about the event.")
    cancelled_at = graphene.DateTime(description="When the event was cancelled; null unless cancelled.")
    cancel_reason = graphene.String(
        required=True, description="Why the event was cancelled; empty unless cancelled."
    )
    calendar_url = graphene.String(
        description="The .ics file of every session, to add to a calendar; null unless published."
    )
    my_registration = graphene.Field(
        lambda: Registration,
        description="The viewer's active registration, else their latest one; null if none or anonymous.",
    )
    can_manage = graphene.Boolean(
        required=True, description="Whether the viewer organizes this event (its unit or a unit above it)."
    )

    @staticmethod
    def resolve_page(event, info):
        if not hasattr(event, "linked_page"):  # a lone event: lists asking for pages load them
            loaders.attach_pages([event])
        return event.linked_page

    @staticmethod
    def resolve_sessions(event, info):
        return list(event.sessions.all())

    @staticmethod
    def resolve_starts_at(event, info):
        return _figure(event, "starts_at")

    @staticmethod
    def resolve_ends_at(event, info):
        return _figure(event, "ends_at")

    @staticmethod
    def resolve_seats_left(event, info):
        return selectors.seats_left(_ensure_prepared(info, event))

    @staticmethod
    def resolve_has_free_seats(event, info):
        return selectors.availability(_ensure_prepared(info, event)).has_free_seats

    @staticmethod
    def resolve_waitlist_length(event, info):
        return selectors.waitlist_length(_ensure_prepared(info, event))

    @staticmethod
    def resolve_registration_open(event, info):
        return event.registration_is_open()

    @staticmethod
    def resolve_cancellation_deadline(event, info):
        return event.cancellation_deadline or _figure(event, "starts_at")

    @staticmethod
    def resolve_questions(event, info):
        return list(event.questions.all())

    @staticmethod
    def resolve_contact(event, info):
        return EventContact(name=event.contact_name, phone=event.contact_phone)

    @staticmethod
    def resolve_calendar_url(event, info):
        if event.status != models.EventStatus.PUBLISHED:
            return None
        return info.context.build_absolute_uri(reverse("events:event_ics", kwargs={"pk": event.pk}))

    @staticmethod
    def resolve_my_registration(event, info):
        if not hasattr(event, "my_registration"):
            loaders.attach_my_registrations(info, [event])
        return event.my_registration

    @staticmethod
    def resolve_can_manage(event, info):
        return loaders.viewer_manages(info, event)


class Companion(graphene.ObjectType):
    """Another member of a registrant's party."""

    name = graphene.String(required=True, description="The companion's name.")
    age = graphene.Int(description="The companion's age, if given.")


class RegistrationAnswer(graphene.ObjectType):
    """A registrant's answer to one of the event's questions."""

    question_id = graphene.ID(required=True, description="The question's id.")
    question = graphene.String(description="The question as asked; null if it was removed since.")
    value = graphene.String(
        required=True, description='The answer: the text, the chosen option, or "yes" / "no".'
    )


class CheckIn(graphene.ObjectType):
    """Attendance of one registration at one session."""

    id = graphene.ID(required=True, description="The check-in's id (to undo it).")
    session = graphene.Field(EventSession, required=True, description="The session attended.")
    checked_in_at = graphene.DateTime(required=True, description="When the person was checked in.")
    method = CheckInMethod(required=True, description="Scanned QR code, name search, or typed code.")
    undone_at = graphene.DateTime(description="When the check-in was undone; null while it stands.")
    registration = graphene.Field(lambda: Registration, required=True, description="Who was checked in.")


def _private(resolve):
    """Personal fields: null unless the viewer is the registrant or organizes the event."""

    def resolver(registration, info):
        if not loaders.viewer_may_see(info, registration):
            return None
        return resolve(registration, info)

    return staticmethod(resolver)


def _answer_text(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


class Registration(graphene.ObjectType):
    """A person's place at an event, for a party of one or more.

    Only the registrant and the event's organizers can ever reach a registration; its personal
    fields (name, phone, companions, answers, token) are null for anyone else.
    """

    id = graphene.ID(required=True, description="The registration's id.")
    event = graphene.Field(Event, required=True, description="The event registered for.")
    status = RegistrationStatus(required=True, description="Where the registration stands.")
    is_active = graphene.Boolean(
        required=True, description="Whether it holds a place: pending, confirmed or waitlisted."
    )
    party_size = graphene.Int(required=True, description="Persons in the party, the registrant included.")
    name = graphene.String(description="The registrant's name, as given. Registrant and organizers only.")
    phone = graphene.String(description="The registrant's phone. Registrant and organizers only.")
    companions = graphene.List(
        graphene.NonNull(Companion),
        description="The other members of the party. Registrant and organizers only.",
    )
    answers = graphene.List(
        graphene.NonNull(RegistrationAnswer),
        description="Answers to the event's questions, in question order. Registrant and organizers only.",
    )
    waitlist_position = graphene.Int(
        description="1 for the first on the waitlist, and so on; null unless waitlisted."
    )
    token = graphene.String(
        description="The check-in code, shown as a QR code; registrant and organizers only."
    )
    check_ins = graphene.List(
        graphene.NonNull(CheckIn),
        required=True,
        description="Sessions attended, in time order; undone check-ins are left out.",
    )
    created_at = graphene.DateTime(required=True, description="When the person registered.")
    confirmed_at = graphene.DateTime(description="When the registration was confirmed; null until then.")
    cancelled_at = graphene.DateTime(description="When it was cancelled or rejected; null otherwise.")
    cancel_reason = graphene.String(
        required=True, description="Why it was cancelled or rejected, possibly empty."
    )
    can_cancel = graphene.Boolean(
        required=True,
        description=(
            "Whether the viewer may cancel it now: the registrant until the cancellation deadline, "
            "the organizers while it is active."
        ),
    )

    @staticmethod
    def resolve_is_active(registration, info):
        return registration.is_active

    resolve_name = _private(lambda registration, info: registration.name)
    resolve_phone = _private(lambda registration, info: registration.phone)
    resolve_token = _private(lambda registration, info: registration.token)

    @_private
    def resolve_companions(registration, info):
        companions = registration.companions if isinstance(registration.companions, list) else []
        return [
            Companion(name=str(item.get("name", "")), age=item.get("age"))
            for item in companions
            if isinstance(item, dict)
        ]

    @_private
    def resolve_answers(registration, info):
        answers = registration.answers if isinstance(registration.answers, dict) else {}
        questions = {str(question.pk): question for question in registration.event.questions.all()}
        ordered = [key for key in questions if key in answers]
        ordered += [key for key in answers if key not in questions]
        return [
            RegistrationAnswer(
                question_id=key,
                question=questions[key].label if key in questions else None,
                value=_answer_text(answers[key]),
            )
            for key in ordered
        ]

    @staticmethod
    def resolve_waitlist_position(registration, info):
        if registration.status != models.RegistrationStatus.WAITLISTED:
            return None
        rank = getattr(registration, "waitlist_rank", None)
        if rank is None:
            rank = models.Registration.objects.filter(
                event_id=registration.event_id,
                status=models.RegistrationStatus.WAITLISTED,
                waitlist_position__lte=registration.waitlist_position,
            ).count()
        return rank

    @staticmethod
    def resolve_check_ins(registration, info):
        check_ins = getattr(registration, "active_check_ins", None)
        if check_ins is None:
            check_ins = list(
                registration.check_ins.filter(undone_at__isnull=True)
                .select_related("session")
                .order_by("checked_in_at", "pk")
            )
        for check_in in check_ins:
            check_in.registration = registration
        return check_ins

    @staticmethod
    def resolve_can_cancel(registration, info):
        if not registration.is_active:
            return False
        if loaders.viewer_manages(info, registration.event):
            return True
        if not loaders.viewer_owns(info, registration):
            return False
        deadline = Event.resolve_cancellation_deadline(registration.event, info)
        return deadline is None or timezone.now() < deadline


def schema_types():
    """Types reachable only through an interface; none so far."""
    return []
