"""Event figures: the seats, waitlist and dates that lists show and filter on, one row per event.

Counting each event's registrations and sessions inside the list query made the public events
list cost one subquery per candidate event: about 70 ms at 10,000 events and 1,000,000
registrations, most of it for ``hasFreeSeats`` and the total count. The figures are kept in
``EventFigures`` instead, refreshed from the rows they summarize (never by adding deltas):

- by ``events.services``, in the transaction of every change to an event's registrations,
  after the event row is locked, so that the counts committed are exact;
- when a session is saved or deleted (sessions are edited inline in the admin), and by the
  services that add sessions in bulk.

The registration decision never reads these figures: it counts under the event lock.
``manage.py refresh_event_figures`` refreshes them all (after a restore, say).
"""

from django.db.models import Count, IntegerField, Max, Min, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save

from events.models import SEATED_STATUSES, Event, EventFigures, EventSession, Registration, RegistrationStatus


def _per_event(queryset, aggregate):
    """``aggregate`` over the rows of ``queryset`` of the figures' event, as a subquery."""
    rows = queryset.filter(event=OuterRef("event")).order_by().values("event")
    return Subquery(rows.annotate(value=aggregate).values("value"))


def refresh(event_ids):
    """Recompute the figures of these events from their registrations and sessions (one UPDATE)."""
    seated = Registration.objects.filter(status__in=SEATED_STATUSES)
    waiting = Registration.objects.filter(status=RegistrationStatus.WAITLISTED)
    EventFigures.objects.filter(event__in=event_ids).update(
        seats_taken=Coalesce(_per_event(seated, Sum("party_size")), Value(0), output_field=IntegerField()),
        waitlist_length=Coalesce(_per_event(waiting, Count("pk")), Value(0), output_field=IntegerField()),
        starts_at=_per_event(EventSession.objects, Min("starts_at")),
        ends_at=_per_event(EventSession.objects, Max("ends_at")),
    )


def refresh_all():
    """Every event gets its figures, recomputed. Returns how many events there are."""
    missing = Event.objects.filter(figures__isnull=True).values_list("pk", flat=True)
    EventFigures.objects.bulk_create([EventFigures(event_id=pk) for pk in missing], ignore_conflicts=True)
    refresh(Event.objects.values("pk"))
    return EventFigures.objects.count()


def _event_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        EventFigures.objects.get_or_create(event=instance)


def _session_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh([instance.event_id])


def connect():
    """Called once at start-up (events.apps)."""
    post_save.connect(_event_saved, sender=Event, dispatch_uid="event_figures_created")
    post_save.connect(_session_changed, sender=EventSession, dispatch_uid="event_figures_session_saved")
    post_delete.connect(_session_changed, sender=EventSession, dispatch_uid="event_figures_session_deleted")
