"""Events queries: the public list and detail, the viewer's registrations, organizers' rosters.

Expected outcomes are data: an unknown or hidden event or registration is ``null``, a list the
viewer may not see is empty (or ``null`` for the roster of an event the viewer does not
organize), a malformed id matches nothing.
"""

import datetime

import graphene
from django.db.models import Q
from django.utils import timezone

from cms.graphql.pagination import Page, page_arguments, paginate, paginated_type
from cms.ids import parse_id
from events import models
from events.calendar import calendar_feed_url
from events.graphql import loaders, types
from events.tokens import normalize_token
from home.search import ranked_ids
from home.selectors import ordered_by_ids, org_unit_subtree

EventList = paginated_type(types.Event, "EventList", "A page of events.")
RegistrationList = paginated_type(types.Registration, "RegistrationList", "A page of registrations.")

MAX_ROSTER_SEARCH = 60


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def published_events(
    when=None,
    starts=None,
    ends=None,
    kind=None,
    org_unit=None,
    venue=None,
    page=None,
    has_free_seats=None,
):
    """Published events, filtered; annotated with seat counts and first/last session times.

    ``starts``/``ends``: dates; events with a session overlapping those days (both included).
    """
    queryset = loaders.with_times(
        loaders.with_counts(loaders.base_events().filter(status=models.EventStatus.PUBLISHED))
    )
    queryset = loaders.filter_when(queryset, when)
    if starts is not None or ends is not None:
        if starts is not None and ends is not None and starts > ends:
            return queryset.none()
        lower = (
            _day_start(starts) if starts is not None else datetime.datetime.min.replace(tzinfo=datetime.UTC)
        )
        upper = (
            _day_start(ends + datetime.timedelta(days=1))
            if ends is not None
            else datetime.datetime.max.replace(tzinfo=datetime.UTC)
        )
        queryset = queryset.filter(loaders.overlapping_filter(lower, upper))
    if kind:
        queryset = queryset.filter(kind=kind)
    if org_unit is not None:
        path = org_unit_subtree(org_unit)
        queryset = queryset.filter(organizer__path__startswith=path) if path else queryset.none()
    if venue is not None:
        venue_id = parse_id(venue)
        queryset = queryset.filter(venue_id=venue_id) if venue_id else queryset.none()
    if page is not None:
        page_id = parse_id(page)
        queryset = queryset.filter(page_id=page_id) if page_id else queryset.none()
    if has_free_seats is not None:
        free = loaders.free_seats_filter()
        queryset = queryset.filter(free) if has_free_seats else queryset.exclude(free)
    return queryset


class EventQuery(graphene.ObjectType):
    events = graphene.Field(
        EventList,
        required=True,
        when=types.EventWhen(description="Only upcoming or only past events."),
        from_=graphene.Date(
            name="from", description="Only events with a session on or after this day (local time)."
        ),
        to=graphene.Date(description="Only events with a session on or before this day (local time)."),
        kind=types.EventKind(description="Only this kind of event."),
        org_unit=graphene.ID(description="Only events of this unit or of a unit below it."),
        venue=graphene.ID(description="Only events at this venue."),
        page=graphene.ID(description="Only events of this class or campaign page."),
        has_free_seats=graphene.Boolean(
            description=(
                "true: only events where a newcomer would get a seat now (a seat left and nobody "
                "waiting); false: only the others."
            )
        ),
        search=graphene.String(description="Words to look for (Chinese is segmented)."),
        **page_arguments(),
        description=(
            "Published events, by first session: earliest first, or latest first with when: PAST; "
            "by relevance when searching. An empty list when from is after to."
        ),
    )
    event = graphene.Field(
        types.Event,
        id=graphene.ID(required=True, description="The event's id."),
        description=(
            "A published event; its organizers also see drafts and cancelled ones, and a registrant "
            "sees a cancelled event they registered for. Null otherwise."
        ),
    )
    my_registrations = graphene.Field(
        RegistrationList,
        required=True,
        when=types.EventWhen(description="Only registrations for upcoming or only for past events."),
        status=types.RegistrationStatus(description="Only registrations in this status."),
        **page_arguments(),
        description=(
            "The viewer's own registrations, cancelled ones included; empty when nobody is signed in. "
            "Upcoming: soonest first; otherwise latest first."
        ),
    )
    registration = graphene.Field(
        types.Registration,
        id=graphene.ID(required=True, description="The registration's id."),
        description="A registration of the viewer's or of an event the viewer organizes; null otherwise.",
    )
    event_registrations = graphene.Field(
        RegistrationList,
        event_id=graphene.ID(required=True, description="The event's id."),
        status=types.RegistrationStatus(description="Only registrations in this status."),
        search=graphene.String(description="Part of a name or phone number, or a check-in code."),
        **page_arguments(),
        description=(
            "Organizers only: the roster of an event they organize, oldest first. Null for anyone "
            "else and for an unknown event."
        ),
    )

    my_calendar_feed_url = graphene.String(
        description=(
            "The viewer's private calendar feed (every confirmed session), for calendar apps to "
            "subscribe to; made on first use. Null when nobody is signed in."
        )
    )

    @staticmethod
    def resolve_events(
        root,
        info,
        limit,
        offset,
        when=None,
        from_=None,
        to=None,
        kind=None,
        org_unit=None,
        venue=None,
        page=None,
        has_free_seats=None,
        search=None,
    ):
        when = types.enum_value(when)
        queryset = published_events(
            when=when,
            starts=from_,
            ends=to,
            kind=types.enum_value(kind),
            org_unit=org_unit,
            venue=venue,
            page=page,
            has_free_seats=has_free_seats,
        )
        if search is not None:
            queryset = ordered_by_ids(queryset, ranked_ids(queryset, search, ("title", "summary")))
        else:
            queryset = loaders.order_by_time(queryset, when)
        return paginate(queryset, limit, offset, lambda items: loaders.prepare_events(info, items))

    @staticmethod
    def resolve_event(root, info, id):
        event_id = parse_id(id)
        if event_id is None:
            return None
        event = loaders.base_events().filter(pk=event_id).first()
        if event is None or not _may_see_event(info, event):
            return None
        return loaders.prepare_events(info, [event])[0]

    @staticmethod
    def resolve_my_registrations(root, info, limit, offset, when=None, status=None):
        user = info.context.user
        if not user.is_authenticated:
            return Page([], 0, offset)
        queryset = loaders.my_registrations(
            user, when=types.enum_value(when), status=types.enum_value(status)
        )
        return paginate(queryset, limit, offset, lambda items: loaders.prepare_registrations(info, items))

    @staticmethod
    def resolve_registration(root, info, id):
        return loaders.registration_for(info, parse_id(id))

    @staticmethod
    def resolve_event_registrations(root, info, event_id, limit, offset, status=None, search=None):
        event_pk = parse_id(event_id)
        if event_pk is None or not info.context.user.is_authenticated:
            return None
        event = loaders.base_events().filter(pk=event_pk).first()
        if event is None or not loaders.viewer_manages(info, event):
            return None
        queryset = loaders.base_registrations(with_events=False).filter(event=event)
        if status:
            queryset = queryset.filter(status=types.enum_value(status))
        search = (search or "").strip()[:MAX_ROSTER_SEARCH]
        if search:
            queryset = queryset.filter(
                Q(name__icontains=search) | Q(phone__icontains=search) | Q(token=normalize_token(search))
            )
        queryset = queryset.order_by("created_at", "pk")
        loaders.prepare_events(info, [event])

        def prepare(items):
            for registration in items:
                registration.event = event
            return loaders.prepare_registrations(info, items, events_prepared=True)

        return paginate(queryset, limit, offset, prepare)

    @staticmethod
    def resolve_my_calendar_feed_url(root, info):
        user = info.context.user
        return calendar_feed_url(user, info.context) if user.is_authenticated else None


def _may_see_event(info, event):
    if event.status == models.EventStatus.PUBLISHED or loaders.viewer_manages(info, event):
        return True
    user = info.context.user
    return (
        event.status == models.EventStatus.CANCELLED
        and user.is_authenticated
        and event.registrations.filter(user=user).exists()
    )
