"""An event's numbers, for the registrations screen, the check-in screen and the export.

Check-in is per registration (the whole party comes in together), so attendance is counted in
registrations and in persons (their party sizes). A session's no-shows are the confirmed
registrations that did not check in; the no-show rate counts only sessions that have started.
A few grouped queries per event, whatever the number of registrations.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils import timezone

from events.models import CheckIn, Registration, RegistrationStatus
from events.selectors import seats_left, seats_taken


def format_rate(rate):
    """0.125 -> "12.5%"; ``None`` (nothing to count yet) -> "–"."""
    return "–" if rate is None else f"{rate * 100:.1f}%"


@dataclass(frozen=True)
class SessionStats:
    session: object
    expected: int  # registrations expected: confirmed, plus any checked in since cancelled
    expected_persons: int
    attended: int
    attended_persons: int
    started: bool

    @property
    def no_shows(self):
        return max(0, self.expected - self.attended) if self.started else None

    @property
    def no_show_rate(self):
        if not self.started or not self.expected:
            return None
        return self.no_shows / self.expected

    @property
    def no_show_rate_display(self):
        return format_rate(self.no_show_rate)


@dataclass(frozen=True)
class EventStats:
    capacity: int
    seats_taken: int
    seats_left: int
    registrations: int
    # {status: (registrations, persons)} for every status, zeros included.
    by_status: dict
    sessions: list = field(default_factory=list)

    def count(self, status):
        return self.by_status[status][0]

    def persons(self, status):
        return self.by_status[status][1]

    @property
    def registered_persons(self):
        """Persons holding seats: confirmed and pending."""
        return self.persons(RegistrationStatus.CONFIRMED) + self.persons(RegistrationStatus.PENDING)

    @property
    def confirmed_persons(self):
        return self.persons(RegistrationStatus.CONFIRMED)

    @property
    def pending_persons(self):
        return self.persons(RegistrationStatus.PENDING)

    @property
    def waitlisted(self):
        return self.count(RegistrationStatus.WAITLISTED)

    @property
    def waitlisted_persons(self):
        return self.persons(RegistrationStatus.WAITLISTED)

    @property
    def cancelled(self):
        return sum(
            self.count(status)
            for status in (
                RegistrationStatus.CANCELLED_BY_REGISTRANT,
                RegistrationStatus.CANCELLED_BY_ORGANIZER,
                RegistrationStatus.REJECTED,
            )
        )

    @property
    def no_show_rate(self):
        started = [session for session in self.sessions if session.started]
        expected = sum(session.expected for session in started)
        if not expected:
            return None
        return sum(session.no_shows for session in started) / expected

    @property
    def no_show_rate_display(self):
        return format_rate(self.no_show_rate)


def event_stats(event, now=None):
    now = now or timezone.now()
    rows = (
        Registration.objects.filter(event=event)
        .order_by()
        .values("status")
        .annotate(registrations=Count("pk"), persons=Sum("party_size"))
    )
    by_status = dict.fromkeys(RegistrationStatus.values, (0, 0))
    for row in rows:
        by_status[row["status"]] = (row["registrations"], row["persons"] or 0)
    confirmed, confirmed_persons = by_status[RegistrationStatus.CONFIRMED]
    check_ins = {
        row["session"]: row
        for row in CheckIn.objects.filter(session__event=event, undone_at__isnull=True)
        .order_by()
        .values("session")
        .annotate(
            attended=Count("pk"),
            attended_persons=Sum("registration__party_size"),
            others=Count("pk", filter=~Q(registration__status=RegistrationStatus.CONFIRMED)),
            others_persons=Sum(
                "registration__party_size", filter=~Q(registration__status=RegistrationStatus.CONFIRMED)
            ),
        )
    }
    sessions = []
    for session in event.sessions.order_by("starts_at", "pk"):
        row = check_ins.get(session.pk, {})
        sessions.append(
            SessionStats(
                session=session,
                expected=confirmed + row.get("others", 0),
                expected_persons=confirmed_persons + (row.get("others_persons") or 0),
                attended=row.get("attended", 0),
                attended_persons=row.get("attended_persons") or 0,
                started=session.starts_at <= now,
            )
        )
    return EventStats(
        capacity=event.capacity,
        seats_taken=seats_taken(event),
        seats_left=seats_left(event),
        registrations=sum(count for count, _persons in by_status.values()),
        by_status=by_status,
        sessions=sessions,
    )


def session_counts(session):
    """Live counts for the check-in screen: checked in and expected, in registrations and persons."""
    confirmed = Registration.objects.filter(event_id=session.event_id, status=RegistrationStatus.CONFIRMED)
    expected = confirmed.aggregate(registrations=Count("pk"), persons=Sum("party_size"))
    attended = CheckIn.objects.filter(session=session, undone_at__isnull=True).aggregate(
        registrations=Count("pk"), persons=Sum("registration__party_size")
    )
    return {
        "checked_in": attended["registrations"],
        "checked_in_persons": attended["persons"] or 0,
        "expected": expected["registrations"],
        "expected_persons": expected["persons"] or 0,
    }
