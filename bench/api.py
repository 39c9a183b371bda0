"""Wagtail's REST API v2 beside GraphQL, mounted for the benchmark only: the peer of the read path.

The app's models declare no ``api_fields``, so the endpoints here declare, per model, the fields
the app's GraphQL documents read, with the same named image sizes. Events and honours are not
pages: they get Wagtail's generic endpoint (``BaseAPIViewSet``). To compare the two API layers
rather than two ways of reading the database, the endpoints read through the app's own selectors
and batch loaders (related rows and seat counts loaded per page of rows), as a Wagtail developer
tuning this API would.
"""

from types import SimpleNamespace

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from cms.graphql.images import Image, prefetch_image
from events import selectors as event_selectors
from events.graphql import loaders
from events.graphql.queries import published_events
from events.models import Event
from home import models as home_models
from home import selectors


class Rendition(serializers.Field):
    """An image at one of the GraphQL API's named sizes: url, width, height, srcset, alt."""

    def __init__(self, size, **kwargs):
        self.size = size
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, image):
        rendition = Image.resolve_rendition(image, None, self.size)
        fields = ("url", "width", "height", "srcset", "alt")
        return {"id": image.pk, **{name: getattr(rendition, name) for name in fields}}


class Computed(serializers.Field):
    """``function(obj, request)``, for what GraphQL resolves beyond a model's attributes."""

    def __init__(self, function, **kwargs):
        self.function = function
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, obj):
        return self.function(obj, self.context.get("request"))


def plain(*names):
    """Attributes serialized as they are."""
    return {name: serializers.ReadOnlyField() for name in names}


def related(model, *names, **kwargs):
    """A read-only serializer of some fields of a related object."""
    meta = type("Meta", (), {"model": model, "fields": names})
    return type(f"{model.__name__}Fields", (serializers.ModelSerializer,), {"Meta": meta})(
        read_only=True, **kwargs
    )


def unit(field):
    """An org unit as GraphQL's ``{ id shortName }``; ``field`` names it on the object."""

    def represent(obj, request):
        value = getattr(obj, field)
        return value and {"id": value.pk, "short_name": value.label}

    return Computed(represent)


def district(obj, request):
    found = selectors.district_of(obj.recipient.org_unit)
    return found and {"id": found.pk, "short_name": found.label}


def serializer(name, fields):
    return type(name, (serializers.Serializer,), fields)


def wagtail_default(*names):
    """Model fields Wagtail serializes itself (StreamFields as their blocks' API representation)."""
    return dict.fromkeys(names)


def api_fields(fields):
    """Wagtail's ``APIField`` of each field; ``id`` is every endpoint's already."""
    return [APIField(name, serializer=field) for name, field in fields.items() if name != "id"]


# Events ----------------------------------------------------------------------------------


def event_card():
    """The fields of the app's ``EventCard`` fragment."""
    return plain("id", "title", "kind", "status", "summary", "capacity", "waitlist_enabled") | {
        "starts_at": serializers.DateTimeField(source="first_starts_at", read_only=True),
        "ends_at": serializers.DateTimeField(source="last_ends_at", read_only=True),
        "seats_left": Computed(lambda event, request: event_selectors.seats_left(event)),
        "has_free_seats": Computed(lambda event, request: event_selectors.availability(event).has_free_seats),
        "waitlist_length": Computed(lambda event, request: event_selectors.waitlist_length(event)),
        "registration_open": Computed(lambda event, request: event.registration_is_open()),
        "venue": related(home_models.Venue, "id", "name", "address"),
        "organizer": unit("organizer"),
        "cover_thumbnail": Rendition("THUMBNAIL", source="cover_image"),
    }


def event_detail():
    """What the app's ``Event`` query reads beyond the card."""
    return plain(
        "description",
        "audience",
        "min_age",
        "max_age",
        "online_url",
        "max_party_size",
        "ask_companions",
        "requires_approval",
        "registration_opens_at",
        "registration_closes_at",
        "cancellation_deadline",
        "cancelled_at",
        "cancel_reason",
        "contact_name",
        "contact_phone",
    ) | {  # fmt: skip
        "page": Computed(
            lambda event, request: (
                event.linked_page and {"id": event.page_id, "title": event.linked_page.title}
            )
        ),
        "sessions": Computed(
            lambda event, request: [
                {"id": s.pk, "title": s.title, "starts_at": s.starts_at, "ends_at": s.ends_at}
                for s in event.sessions.all()
            ]
        ),
        "questions": Computed(
            lambda event, request: [
                {"id": q.pk, "label": q.label, "kind": q.kind, "options": q.options, "required": q.required}
                for q in event.questions.all()
            ]
        ),
    }


def prepare_events(request, events):
    """The app's batch loader for a page of events (GraphQL's ``info`` is only its request)."""
    return loaders.prepare_events(SimpleNamespace(context=request), list(events))


class EventsAPIViewSet(BaseAPIViewSet):
    """Published events filtered like the GraphQL ``events`` field (``when``, ``kind``,
    ``has_free_seats``), by first session."""

    model = Event
    name = "events"
    body_fields = [*BaseAPIViewSet.body_fields, *api_fields(event_card() | event_detail())]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "title"]
    filter_backends = [FieldsFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["when", "has_free_seats"])

    def get_queryset(self):
        when = self.request.GET.get("when")
        free = self.request.GET.get("has_free_seats")
        queryset = published_events(when=when, has_free_seats=None if free is None else free == "true")
        return loaders.order_by_time(queryset, when)

    def paginate_queryset(self, queryset):
        return prepare_events(self.request, super().paginate_queryset(queryset))

    def get_object(self):
        return prepare_events(self.request, [super().get_object()])[0]


EventCard = serializer("EventCard", event_card())


# Honours ---------------------------------------------------------------------------------


class HonoursAPIViewSet(BaseAPIViewSet):
    """The honour roll, ordered and loaded as the GraphQL ``honours`` field does."""

    model = home_models.Honour
    name = "honours"
    body_fields = [
        *BaseAPIViewSet.body_fields,
        *api_fields(
            plain("year", "citation")
            | {
                "title": related(home_models.HonourTitle, "id", "name", "level"),
                "recipient": Computed(
                    lambda honour, request: {
                        "id": honour.recipient.pk,
                        "name": honour.recipient.name,
                        "kind": honour.recipient.kind,
                        "affiliation": honour.recipient.affiliation,
                        "district": district(honour, request),
                    }
                ),
            }
        ),
    ]
    filter_backends = [FieldsFilter]

    def get_queryset(self):
        return selectors.honours()

    def paginate_queryset(self, queryset):
        return selectors.prepare_honours(list(super().paginate_queryset(queryset)))


# Pages -----------------------------------------------------------------------------------


def class_card():
    """The fields of the app's ``ClassCard`` fragment."""
    return plain("id", "title", "summary", "term", "schedule", "start_date") | {
        "path": Computed(lambda page, request: selectors.frontend_path(page)),
        "category": related(home_models.ClassCategory, "id", "name"),
        "venue": related(home_models.Venue, "id", "name"),
        "cover_thumbnail": Rendition("THUMBNAIL", source="cover_image"),
    }


def campaign_card():
    """The fields of the app's ``CampaignCard`` fragment."""
    return plain("id", "title", "summary", "kind", "status", "start_date", "end_date") | {
        "path": Computed(lambda page, request: selectors.frontend_path(page)),
        "organizer": unit("organizer"),
        "indicators": related(home_models.CampaignIndicator, "label", "value", "unit", "target", many=True),
        "cover_card": Rendition("CARD", source="cover_image"),
    }


ClassCard = serializer("ClassCard", class_card())
CampaignCard = serializer("CampaignCard", campaign_card())


def featured(home, request):
    classes = selectors.featured_pages(home, home_models.ClassPage)
    campaigns = selectors.featured_pages(home, home_models.CampaignPage)
    return {
        "classes": ClassCard(classes, many=True).data,
        "campaigns": CampaignCard(campaigns, many=True).data,
    }


def upcoming_events(page, request):
    events = prepare_events(request, loaders.page_events(page, when="upcoming"))
    return EventCard(events, many=True).data


PAGE_FIELDS = {
    home_models.HomePage: wagtail_default("hero_title", "hero_subtitle", "figures")
    | {
        "cover_hero": Rendition("HERO", source="cover_image"),
        "featured": Computed(featured),
    },
    home_models.ClassPage: class_card()
    | wagtail_default("end_date", "audience", "instructor", "instructor_bio", "body")
    | {
        "venue": related(home_models.Venue, "id", "name", "address"),
        "cover_hero": Rendition("HERO", source="cover_image"),
        "upcoming_events": Computed(upcoming_events),
    },
}
# What the GraphQL list resolvers load with a page of rows (home.selectors.classes).
PAGE_RELATIONS = {
    home_models.ClassPage: (("category", "venue", "cover_image"), (prefetch_image("cover_image"),)),
}


class BenchPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint with the fields above, loading related rows per page of rows."""

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields([*cls.body_fields, *api_fields(PAGE_FIELDS.get(model, {}))])

    def get_queryset(self):
        queryset = super().get_queryset()
        select, prefetch = PAGE_RELATIONS.get(queryset.model, ((), ()))
        return queryset.select_related(*select).prefetch_related(*prefetch)


ROUTER = WagtailAPIRouter("wagtailapi")
ROUTER.register_endpoint("pages", BenchPagesAPIViewSet)
ROUTER.register_endpoint("events", EventsAPIViewSet)
ROUTER.register_endpoint("honours", HonoursAPIViewSet)
