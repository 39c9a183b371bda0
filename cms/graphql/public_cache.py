"""Anonymous public reads, answered from the cache.

An anonymous query's answer depends only on the document, its variables, the language and the
site, so it is kept in the default cache (Redis in production, shared by every app server) under
those (a GET's whole query string), for ``GRAPHQL_PUBLIC_CACHE_SECONDS``, as the encoded
response: a hit costs one cache round trip and no parsing, validation or JSON encoding.
Signed-in viewers and mutations always run.

Invalidation is by generation: each kept answer carries a value that any publish, unpublish,
move or deletion of a page, a change to an event or its sessions, or an editor's preview
replaces, so the next anonymous read after such a change runs afresh on every server. Seat
counts change with every registration; they are left to the short lifetime instead, so that a
burst of registrations does not empty the cache for every reader: lists may show seats a few
seconds old, while the registration decision itself is always taken under the event's lock.
"""

import hashlib
import json
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "graphql:public:generation"


class Slot:
    """Where one anonymous query's answer is kept: its key and the generation it was read under.

    An answer is kept with the generation current when its query started, so that a change made
    while it ran makes it stale at once. ``look_up`` runs before the document is even parsed (for
    a GET, before the query string is): only answers of queries that were validated and executed
    without errors are ever kept, under a key holding the whole request, so finding one means
    this exact request was valid before.
    """

    def __init__(self, key, generation):
        self.key, self.generation = key, generation

    def store(self, body):
        """Keep ``body`` (the encoded JSON response) for the next anonymous readers."""
        cache.set(self.key, (self.generation, body), timeout=settings.GRAPHQL_PUBLIC_CACHE_SECONDS)


def look_up(request, *source):
    """``(slot, body)``: the kept body when there is a fresh one (one cache round trip), and the
    slot to store the answer in; ``(None, None)`` for a viewer whose reads are never kept.
    ``source``: what the answer depends on besides the site and the language (a GET's query
    string; a POST's document, variables and operation name)."""
    if settings.GRAPHQL_PUBLIC_CACHE_SECONDS <= 0 or not _anonymous(request):
        return None, None
    cache_key = key(request, *source)
    found = cache.get_many([GENERATION_KEY, cache_key])
    generation = found.get(GENERATION_KEY)
    if generation is None:  # never set, or evicted: any kept answer may predate a change
        generation = time.time_ns()
        if not cache.add(GENERATION_KEY, generation, timeout=None):  # another server was first
            generation = cache.get(GENERATION_KEY)
        return Slot(cache_key, generation), None
    kept_generation, body = found.get(cache_key, (None, None))
    return Slot(cache_key, generation), body if kept_generation == generation else None


def _anonymous(request):
    """Without a session cookie nobody is signed in, and the session need not be loaded."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES or not request.user.is_authenticated


def key(request, *source):
    parts = [request.get_host(), get_language(), *source]
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()
    return f"graphql:public:{digest}"


def invalidate(**kwargs):
    """Start a new generation: every cached answer is stale (a new value, not an increment, so that
    an evicted counter cannot come back to an old one)."""
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def connect():
    """Called once at start-up (cms.apps): the changes that readers must see at once."""
    from events.models import Event, EventSession
    from home.models import HonourRecipient, OrgUnit, PagePreview, Venue

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"public_cache_{signal}")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="public_cache_page_deleted")
    for model in (Event, EventSession, Venue, OrgUnit, HonourRecipient, PagePreview):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"public_cache_saved_{model.__name__}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"public_cache_deleted_{model.__name__}")
