"""Batch loading for the events API: what the GraphQL types read, loaded per page of rows.

Every ``prepare_*`` function takes the rows of one page (events or registrations) and loads
everything the types in ``events.graphql.types`` read with a fixed number of queries, however
many rows there are: sessions, questions, venue and its district, organizer, the linked page,
seat and waitlist counts, the viewer's own registration, check-ins and waitlist ranks. The
types then read what was attached here and fall back to a lazy lookup only for a lone object.

The viewer's rights are computed once per request (``viewer_unit_paths``) and reused by every
row, so "may this viewer see this registration" never costs a query per row.
"""

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    prefetch_related_objects,
)
from django.utils import timezone

from cms.graphql.images import prefetch_image
from cms.graphql.selection import fields_below, wanted
from events import selectors
from events.models import (
    CheckIn,
    Event,
    EventQuestion,
    EventSession,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from home.permissions import managed_unit_paths
from home.selectors import attach_districts, prepare_pages, specific_pages

# Viewer -----------------------------------------------------------------------------------

_PATHS_ATTRIBUTE = "_events_managed_unit_paths"


def viewer(info):
    return info.context.user


def viewer_unit_paths(info):
    """The tree paths of the units the viewer organizes (``None``: all), once per request."""
    request = info.context
    if not hasattr(request, _PATHS_ATTRIBUTE):
        setattr(request, _PATHS_ATTRIBUTE, managed_unit_paths(request.user))
    return getattr(request, _PATHS_ATTRIBUTE)


def viewer_manages(info, event):
    """Whether the viewer organizes the event's unit (or one above it), or is a superuser."""
    paths = viewer_unit_paths(info)
    if paths is None:
        return True
    if not paths:
        return False
    unit_path = event.organizer.path
    return any(unit_path.startswith(path) for path in paths)


def viewer_owns(info, registration):
    user = viewer(info)
    return user.is_authenticated and registration.user_id is not None and registration.user_id == user.pk


def viewer_may_see(info, registration):
    """The privacy rule: a registration is the registrant's and the event's organizers' only."""
    return viewer_owns(info, registration) or viewer_manages(info, registration.event)


# Events -----------------------------------------------------------------------------------


def with_counts(queryset):
    """Annotate seats taken and waitlist length (``events.selectors.with_availability``), which
    the selectors' ``seats_left``/``waitlist_length``/``availability`` then read."""
    return selectors.with_availability(queryset)


def free_seats_filter():
    """Events where a newcomer of one would get a seat now: nobody waiting and a seat left
    (``events.selectors.Availability.has_free_seats``); needs ``with_counts``."""
    return Q(**{selectors.WAITLIST_LENGTH: 0}) & Q(**{f"{selectors.SEATS_TAKEN}__lt": F("capacity")})


def with_times(queryset):
    """Annotate ``first_starts_at`` and ``last_ends_at`` from the events' figures."""
    return queryset.annotate(first_starts_at=F("figures__starts_at"), last_ends_at=F("figures__ends_at"))


def base_events():
    """Events with their organizer, venue and figures joined, for any status; ``prepare_events``
    loads the rest that a query asks for."""
    return Event.objects.select_related("organizer", "venue__org_unit", "figures", "cover_image").order_by()


def upcoming_filter(now=None):
    """Events with a session that has not ended yet."""
    return Q(figures__ends_at__gt=now or timezone.now())


def overlapping_filter(starts, ends):
    """Events with a session overlapping [starts, ends)."""
    return Exists(EventSession.objects.filter(event=OuterRef("pk"), starts_at__lt=ends, ends_at__gt=starts))


def attach_counts(events):
    """Seats taken and waitlist length for events loaded without ``with_counts``: one query."""
    missing = [event for event in events if not hasattr(event, selectors.SEATS_TAKEN)]
    if missing:
        fields = ("pk", selectors.SEATS_TAKEN, selectors.WAITLIST_LENGTH)
        queryset = with_counts(Event.objects.filter(pk__in={event.pk for event in missing}).order_by())
        counts = {row["pk"]: row for row in queryset.values(*fields)}
        for event in missing:
            row = counts.get(event.pk, {})
            setattr(event, selectors.SEATS_TAKEN, row.get(selectors.SEATS_TAKEN) or 0)
            setattr(event, selectors.WAITLIST_LENGTH, row.get(selectors.WAITLIST_LENGTH) or 0)
    return events


def attach_pages(events, fields=None):
    """Set ``linked_page``: the class or campaign page when it is live and public, else None.

    The pages come specific, with the relations their GraphQL types read (of ``fields``, the
    fields asked for; None: any) loaded per page type.
    """
    missing = [event for event in events if not hasattr(event, "linked_page")]
    ids = list(dict.fromkeys(event.page_id for event in missing if event.page_id))
    pages = {page.pk: page for page in prepare_pages(specific_pages(ids), fields)}
    for event in missing:
        event.linked_page = pages.get(event.page_id)
    return events


def attach_my_registrations(info, events):
    """Set ``my_registration``: the viewer's active registration, else the latest, else None."""
    missing = [event for event in events if not hasattr(event, "my_registration")]
    if not missing:
        return events
    user = viewer(info)
    mine = {}
    if user.is_authenticated:
        by_event = {event.pk: event for event in missing}
        rows = (
            base_registrations(with_events=False)
            .filter(user=user, event_id__in=list(by_event))
            .order_by("created_at", "pk")
        )
        for registration in rows:
            current = mine.get(registration.event_id)
            if current is None or not current.is_active:
                mine[registration.event_id] = registration
            # an active one stays; otherwise the latest (rows come oldest first) wins
        for registration in mine.values():
            registration.event = by_event[registration.event_id]
        prepare_registrations(info, list(mine.values()), events_prepared=True)
    for event in missing:
        event.my_registration = mine.get(event.pk)
    return events


# What a page of events may need, and the names of the fields that read it (a registration's
# answers read its event's questions).
_EVENT_RELATIONS = (
    (("sessions",), Prefetch("sessions", queryset=EventSession.objects.order_by("starts_at", "pk"))),
    (
        ("questions", "answers"),
        Prefetch("questions", queryset=EventQuestion.objects.order_by("sort_order", "pk")),
    ),
    (("coverImage",), prefetch_image("cover_image")),
    (("image",), prefetch_image("venue__image")),
)


def prepare_events(info, events):
    """Everything an Event reads that the query asks for, for a page of events: a fixed number of
    queries, none for what is not asked (``fields_below``): sessions, questions, images, the venue's
    district, the linked page (several queries), the viewer's registration."""
    fields = fields_below(info)

    def asked(name):
        return fields is None or name in fields

    prefetch_related_objects(events, *wanted(_EVENT_RELATIONS, fields))
    if asked("district"):
        attach_districts([event.venue.org_unit for event in events if event.venue_id])
    attach_counts(events)
    if asked("page"):
        attach_pages(events, fields)
    if asked("myRegistration"):
        attach_my_registrations(info, events)
    return events


def page_events(page, when=None, limit=100):
    """The published events linked to ``page`` (a class or campaign), by first session."""
    queryset = with_times(with_counts(base_events().filter(page=page, status=EventStatus.PUBLISHED)))
    queryset = filter_when(queryset, when)
    return list(order_by_time(queryset, when)[:limit])


def filter_when(queryset, when):
    if when == "upcoming":
        return queryset.filter(upcoming_filter())
    if when == "past":
        return queryset.filter(~upcoming_filter())
    return queryset


def order_by_time(queryset, when):
    """Upcoming (or unfiltered): soonest first session first. Past: latest first."""
    if when == "past":
        return queryset.order_by(F("first_starts_at").desc(nulls_last=True), "-pk")
    return queryset.order_by(F("first_starts_at").asc(nulls_last=True), "pk")


# Registrations ----------------------------------------------------------------------------


def with_waitlist_rank(queryset):
    """Annotate ``waitlist_rank``: 1 for the first waiting registration of its event, and so on."""
    ahead = (
        Registration.objects.filter(
            event=OuterRef("event"),
            status=RegistrationStatus.WAITLISTED,
            waitlist_position__lte=OuterRef("waitlist_position"),
        )
        .order_by()
        .values("event")
        .annotate(rank=Count("pk"))
        .values("rank")
    )
    return queryset.annotate(waitlist_rank=Subquery(ahead, output_field=IntegerField()))


def base_registrations(with_events=True):
    """Registrations with their check-ins (undone ones left out), waitlist rank and, unless
    ``with_events`` is false, their events joined as ``base_events`` joins them."""
    queryset = Registration.objects.prefetch_related(
        Prefetch(
            "check_ins",
            queryset=CheckIn.objects.filter(undone_at__isnull=True)
            .select_related("session")
            .order_by("checked_in_at", "pk"),
            to_attr="active_check_ins",
        )
    )
    if with_events:
        queryset = queryset.select_related("event__organizer", "event__venue__org_unit", "event__figures")
    else:
        queryset = queryset.select_related("event__organizer")
    return with_waitlist_rank(queryset)


def prepare_registrations(info, registrations, events_prepared=False):
    """Everything a Registration reads, its event included, for a page of registrations."""
    if not events_prepared:
        prepare_events(info, [registration.event for registration in registrations])
    return registrations


def registration_for(info, registration_id):
    """The registration with this id if the viewer may see it, prepared; else None."""
    if registration_id is None or not viewer(info).is_authenticated:
        return None
    registration = base_registrations().filter(pk=registration_id).first()
    if registration is None or not viewer_may_see(info, registration):
        return None
    return prepare_registrations(info, [registration])[0]


def my_registrations(user, when=None, status=None):
    queryset = base_registrations().filter(user=user)
    if status:
        queryset = queryset.filter(status=status)
    queryset = queryset.annotate(first_starts_at=F("event__figures__starts_at"))
    upcoming = Q(event__figures__ends_at__gt=timezone.now())
    if when == "upcoming":
        queryset = queryset.filter(upcoming)
    elif when == "past":
        queryset = queryset.filter(~upcoming)
    if when == "upcoming":
        return queryset.order_by(F("first_starts_at").asc(nulls_last=True), "pk")
    return queryset.order_by(F("first_starts_at").desc(nulls_last=True), "-created_at", "-pk")
