"""Anonymous public reads, answered from the cache.

An anonymous query's answer depends only on the document, its variables, the language and the
site, so it is kept in the default cache (Redis in production, shared by every app server) under
those, for ``GRAPHQL_PUBLIC_CACHE_SECONDS``. Signed-in viewers and mutations always run.

Invalidation is by generation: the key carries a value that any publish, unpublish, move or
deletion of a page, a change to an event or its sessions, or an editor's preview replaces, so
the next anonymous read after such a change runs afresh on every server. Seat counts change with
every registration; they are left to the short lifetime instead, so that a burst of
registrations does not empty the cache for every reader: lists may show seats a few seconds
old, while the registration decision itself is always taken under the event's lock.
"""

import hashlib
import json
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from graphql import OperationType
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "graphql:public:generation"


def cacheable(request, operation):
    return (
        settings.GRAPHQL_PUBLIC_CACHE_SECONDS > 0
        and operation.operation == OperationType.QUERY
        and not request.user.is_authenticated
    )


def _generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def key(request, query, variables, operation_name):
    parts = [_generation(), request.get_host(), get_language(), operation_name, query, variables]
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()
    return f"graphql:public:{digest}"


def get(cache_key):
    return cache.get(cache_key)


def put(cache_key, payload):
    cache.set(cache_key, payload, timeout=settings.GRAPHQL_PUBLIC_CACHE_SECONDS)


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
