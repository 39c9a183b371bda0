"""Trusted documents: the server runs the operations of the frontend build, by their id.

The build (frontend/build/graphql-documents.ts) writes every operation of the app, exactly as
the client sends it, to a JSON object ``{"sha256:<hex>": document}`` at
``settings.GRAPHQL_TRUSTED_DOCUMENTS``; the app then sends ``documentId`` instead of ``query``
(the GraphQL-over-HTTP persisted documents proposal), by GET for queries so that HTTP caches
can keep the answers. Any other document is taken only when ``GRAPHQL_ARBITRARY_DOCUMENTS`` is
on (development, tests) or from staff (GraphiQL, scripts); production turns it off, so that
the public endpoint runs nothing but what the app was built with.
"""

import hashlib
import json
import logging

from django.conf import settings

logger = logging.getLogger("cms.graphql")

_loaded = {}  # {(path, modification time): documents}: a new build is read once, on first use


def document_id(text):
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def trusted_documents():
    """``{id: document}`` of the current build; empty when there is none."""
    path = settings.GRAPHQL_TRUSTED_DOCUMENTS
    try:
        key = (str(path), path.stat().st_mtime_ns)
    except OSError:
        return {}
    if key not in _loaded:
        try:
            documents = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            logger.exception("Trusted documents unreadable at %s", path)
            documents = {}
        _loaded.clear()
        _loaded[key] = {
            id_: text for id_, text in documents.items() if isinstance(text, str) and id_ == document_id(text)
        }
    return _loaded[key]


def is_trusted(text):
    return document_id(text) in trusted_documents()


def may_send_any_document(request):
    return settings.GRAPHQL_ARBITRARY_DOCUMENTS or (request.user.is_authenticated and request.user.is_staff)
