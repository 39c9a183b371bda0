"""What the benchmark reads: the app's own GraphQL operations, with the data they ask for.

GraphQL requests are the app's: the operations of the frontend build (its trusted documents,
``frontend/dist/.vite/trusted-documents.json``), sent by GET with ``documentId`` as the app
sends them. Each public read also has its Wagtail API v2 request for the same content and fields
(bench/api.py) and its ceiling (bench/ceiling.py). The variables point at rows of the bench data:
the class page with the most upcoming events, an upcoming course, and so on.

``resized`` changes a document's page sizes: the query counts ask for 10 and for 100 rows.
"""

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from events.models import Event, EventKind, EventStatus
from home import selectors
from home.models import ClassPage

OPERATION_NAME = re.compile(r"^\s*(?:query|mutation)\s+(\w+)")
PAGE_SIZE = re.compile(r"\blimit: \d+")
SEARCH_WORDS = "茶艺"

# The organizers' roster is read in the admin, not the app: no trusted document has it.
EVENT_REGISTRATIONS = """
query EventRegistrations($eventId: ID!, $offset: Offset!) {
  eventRegistrations(eventId: $eventId, limit: 20, offset: $offset) {
    totalCount hasNextPage
    items {
      id status partySize name phone waitlistPosition token createdAt confirmedAt cancelledAt
      companions { name age }
      checkIns { id checkedInAt session { id title startsAt } }
    }
  }
}
"""


@dataclass
class Operation:
    name: str
    label: str
    document: str  # the operation's name in the app's documents
    variables: dict
    api: str = ""  # the Wagtail API v2 request for the same content; empty when none
    rows: str = ""  # where the response's rows are, e.g. "classes.items", for the query counts
    count_variables: dict = field(default_factory=dict)  # overrides for the query counts

    def text(self):
        return documents()[self.document][1]

    def graphql_url(self):
        document_id = documents()[self.document][0]
        return "/graphql/?" + urlencode({"documentId": document_id, "variables": compact(self.variables)})

    def ceiling_url(self):
        return f"/bench/ceiling/{self.name}/"


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_documents = {}


def documents():
    """``{operation name: (documentId, text)}`` of the frontend build, plus the bench's own."""
    if not _documents:
        path = settings.GRAPHQL_TRUSTED_DOCUMENTS
        if not path.exists():
            raise SystemExit(f"No frontend build at {path}: run make frontend first.")
        for document_id, text in json.loads(path.read_text(encoding="utf-8")).items():
            _documents[OPERATION_NAME.match(text).group(1)] = (document_id, text)
        _documents["EventRegistrations"] = ("", " ".join(EVENT_REGISTRATIONS.split()))
    return _documents


def resized(text, limit):
    """The document with every page size set to ``limit``."""
    return PAGE_SIZE.sub(f"limit: {limit}", text)


def upcoming_published():
    return Event.objects.filter(status=EventStatus.PUBLISHED, sessions__starts_at__gt=timezone.now())


def read_operations():
    """The public reads of the read path, in the issue's order."""
    locale = selectors.content_locale()
    home = selectors.site_home(locale)
    upcoming = Count("events", filter=Q(events__in=upcoming_published()), distinct=True)
    page = ClassPage.objects.live().annotate(upcoming=upcoming).order_by("-upcoming", "pk").first()
    course = upcoming_published().filter(kind=EventKind.COURSE).order_by("pk").first()
    card = "_,id,title,kind,status,summary,starts_at,ends_at,capacity,seats_left,has_free_seats,"
    card += "waitlist_length,waitlist_enabled,registration_open,venue,organizer,cover_thumbnail"
    page_fields = "_,id,title,path,summary,seo_title,cover_hero,audience,instructor,instructor_bio,term,"
    page_fields += "start_date,end_date,schedule,category,venue,body,upcoming_events"
    return [
        Operation(
            "home",
            "home",
            "Home",
            {},
            api=f"/api/v2/pages/{home.pk}/?fields=_,id,title,hero_title,hero_subtitle,cover_hero,figures,featured",
            rows="events.items",
        ),
        Operation(
            "classes",
            "class list",
            "Classes",
            {"offset": 0},
            api="/api/v2/pages/?type=home.ClassPage&order=-start_date&limit=20&fields=_,id,title,path,summary,"
            "term,schedule,start_date,category,venue,cover_thumbnail",
            rows="classes.items",
        ),
        Operation(
            "event",
            "event page",
            "Event",
            {"id": str(course.pk)},
            api=f"/api/v2/events/{course.pk}/",
            rows="event.sessions",
        ),
        Operation(
            "events",
            "events, filtered",
            "Events",
            {"when": "UPCOMING", "kind": "COURSE", "hasFreeSeats": True, "offset": 0},
            api=f"/api/v2/events/?when=upcoming&kind=course&has_free_seats=true&limit=20&fields={card}",
            rows="events.items",
            count_variables={"kind": None, "hasFreeSeats": None},
        ),
        Operation(
            "honours",
            "honour roll",
            "Honours",
            {"offset": 0},
            api="/api/v2/honours/?limit=20&fields=_,id,year,citation,title,recipient",
            rows="honours.items",
        ),
        Operation(
            "page",
            "page by path",
            "PageByPath",
            {"path": selectors.frontend_path(page)},
            api=f"/api/v2/pages/{page.pk}/?fields={page_fields}",
            rows="page.events",
        ),
        Operation(
            "search",
            f"search {SEARCH_WORDS}",
            "Search",
            {"query": SEARCH_WORDS, "offset": 0},
            api="/api/v2/pages/?" + urlencode({"search": SEARCH_WORDS, "limit": 20}),
            rows="search.items",
        ),
    ]


def personal_operations(event_id):
    """The signed-in reads of the scale queries; ``event_id``: the organizer's roster."""
    return [
        Operation("my-registrations", "myRegistrations", "MyRegistrations", {"when": "UPCOMING", "offset": 0},
                  rows="myRegistrations.items"),
        Operation("my-hours", "a volunteer's service records", "MyHours", {"offset": 0},
                  rows="myServiceRecords.items"),
        Operation("roster", "an organizer's registration list", "EventRegistrations",
                  {"eventId": str(event_id), "offset": 0}, rows="eventRegistrations.items"),
    ]  # fmt: skip
