"""Read helpers for events: seats, waitlist, availability, who manages what.

These are for showing (GraphQL fields, admin screens, filters). The decision whether a
registration gets a seat is taken only in ``events.services``, under the event lock; a number
read here may be out of date the moment it is shown.

Every per-event helper uses the annotations of ``with_availability(queryset)`` when the event
carries them (read from the events' figures, events/figures.py), so a list of events costs one
query, not one per row; without them, it counts.
"""

from dataclasses import dataclass

from django.db.models import F, Q, Sum, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from events.models import SEATED_STATUSES, Event, Registration, RegistrationStatus
from home.permissions import managed_filter, manages_unit

# Names of the annotations with_availability() adds.
SEATS_TAKEN = "annotated_seats_taken"
WAITLIST_LENGTH = "annotated_waitlist_length"


def seats_taken(event):
    """Persons in pending and confirmed registrations (pending holds seats)."""
    annotated = getattr(event, SEATS_TAKEN, None)
    if annotated is not None:
        return annotated
    total = Registration.objects.filter(event=event, status__in=SEATED_STATUSES).aggregate(
        total=Sum("party_size")
    )["total"]
    return total or 0


def seats_left(event):
    """Capacity minus seats taken, never below zero (a lowered capacity may be overbooked)."""
    return max(0, event.capacity - seats_taken(event))


def waitlist_length(event):
    """Registrations (not persons) waiting on the waitlist."""
    annotated = getattr(event, WAITLIST_LENGTH, None)
    if annotated is not None:
        return annotated
    return Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).count()


def waitlist(event):
    """The waiting registrations, head first."""
    return Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).order_by(
        "waitlist_position", "pk"
    )


def seats_for_newcomers(event):
    """Seats a new registration could take now: none while anyone is waiting (nobody jumps the
    queue), else the seats left."""
    return 0 if waitlist_length(event) else seats_left(event)


@dataclass(frozen=True)
class Availability:
    capacity: int
    seats_taken: int
    seats_left: int
    waitlist_length: int
    # Seats a newcomer could take now (0 while anyone waits).
    seats_for_newcomers: int
    registration_open: bool
    waitlist_enabled: bool

    @property
    def has_free_seats(self):
        return self.seats_for_newcomers > 0

    @property
    def would_waitlist(self):
        """A newcomer of one person would join the waitlist now."""
        return self.seats_for_newcomers < 1 and self.waitlist_enabled


def availability(event, now=None):
    taken = seats_taken(event)
    left = max(0, event.capacity - taken)
    waiting = waitlist_length(event)
    return Availability(
        capacity=event.capacity,
        seats_taken=taken,
        seats_left=left,
        waitlist_length=waiting,
        seats_for_newcomers=0 if waiting else left,
        registration_open=event.registration_is_open(now),
        waitlist_enabled=event.waitlist_enabled,
    )


def with_availability(queryset=None):
    """``queryset`` (default: every event) annotated with seats taken and waitlist length from the
    events' figures (events/figures.py), which the helpers above then use instead of a query per
    event."""
    queryset = Event.objects.all() if queryset is None else queryset
    return queryset.annotate(
        **{
            SEATS_TAKEN: Coalesce(F("figures__seats_taken"), Value(0)),
            WAITLIST_LENGTH: Coalesce(F("figures__waitlist_length"), Value(0)),
        }
    )


def with_free_seats(queryset=None):
    """Events of ``queryset`` where a newcomer of one person would get a seat now: nobody waiting
    and at least one seat left (the ``hasFreeSeats`` filter)."""
    queryset = with_availability(queryset)
    return queryset.annotate(annotated_seats_left=Greatest(Value(0), F("capacity") - F(SEATS_TAKEN))).filter(
        Q(**{WAITLIST_LENGTH: 0}) & Q(annotated_seats_left__gt=0)
    )


def first_session_start(event):
    return event.sessions.order_by("starts_at").values_list("starts_at", flat=True).first()


def cancellation_deadline(event):
    """Until when the registrant may cancel: the event's deadline, else the first session's start;
    ``None`` for an event without sessions (no deadline)."""
    return event.cancellation_deadline or first_session_start(event)


def can_cancel_as_registrant(event, now=None):
    deadline = cancellation_deadline(event)
    return deadline is None or (now or timezone.now()) < deadline


def can_manage_event(user, event):
    """Whether ``user`` organizes the event's unit or a unit above it (superusers: always)."""
    return bool(user is not None and user.is_authenticated and manages_unit(user, event.organizer))


def managed_events(user, queryset=None):
    """The events of ``queryset`` (default: all) that ``user`` manages."""
    queryset = Event.objects.all() if queryset is None else queryset
    if user is None or not user.is_authenticated:
        return queryset.none()
    return queryset.filter(managed_filter(user, "organizer"))
