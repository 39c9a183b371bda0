"""Chinese full-text search: jieba segmentation on both sides of Wagtail's search index.

Wagtail's database backends tokenise on spaces and punctuation, so a run of Chinese text is
one token and 志愿者 inside 巾帼志愿者服务队 is never found. Models index a *segmented* copy of
their text (``search_title``, ``search_body``), and queries are segmented the same way, which
behaves identically on SQLite (FTS5) and PostgreSQL (tsvector) with no extension. A query of a
single character cannot be matched against words, so it falls back to ``icontains``.
"""

from functools import lru_cache

import jieba
from django.db.models import Q
from django.utils.html import strip_tags
from modelcluster.models import ClusterableModel
from modelsearch.tasks import insert_or_update_object_task
from wagtail.search import index

jieba.setLogLevel(60)  # jieba logs its dictionary loading at INFO


@lru_cache(maxsize=2048)
def _tokens(text):
    seen = []
    for token in jieba.cut_for_search(text):
        token = token.strip().lower()
        if token and any(ch.isalnum() for ch in token) and token not in seen:
            seen.append(token)
    return tuple(seen)


def segment(*texts):
    """The words of ``texts`` (HTML stripped), space-separated, each word once."""
    words = []
    for text in texts:
        if text:
            words.extend(_tokens(strip_tags(str(text))))
    return " ".join(dict.fromkeys(words))


def is_single_character(query):
    return len(query.strip()) == 1


class SegmentedSearchMixin:
    """Adds ``search_title`` and ``search_body``, segmented, for models to index.

    A model lists the fields to segment in ``search_title_fields`` and ``search_body_fields``
    (attribute names or zero-argument methods) and puts ``*segmented_search_fields()`` in its
    ``search_fields``.
    """

    search_title_fields = ("title",)
    search_body_fields = ()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if isinstance(self, ClusterableModel):
            # The post_save signal indexed this object before ClusterableModel.save wrote its
            # inline children (honours, sub-actions, tags), whose text is indexed too.
            insert_or_update_object_task.enqueue(self._meta.app_label, self._meta.model_name, str(self.pk))

    def _values(self, names):
        for name in names:
            value = getattr(self, name, None)
            yield value() if callable(value) else value

    def search_title(self):
        return segment(*self._values(self.search_title_fields))

    def search_body(self):
        return segment(*self._values(self.search_body_fields))


def segmented_search_fields():
    return [
        index.SearchField("search_title", boost=3),
        index.SearchField("search_body"),
    ]


MAX_QUERY_LENGTH = 100
MAX_CANDIDATES = 500


def ranked_ids(queryset, query, fallback_fields):
    """Ids of ``queryset``'s rows matching ``query``, best first.

    The index is searched without the queryset's filters (Wagtail's backends accept only
    declared filter fields); callers intersect the ids with their own filtered queryset.
    Words must all match; when nothing does, any word may. A single character cannot be a
    word, so it is looked up with ``icontains`` in ``fallback_fields`` (title fields first).
    """
    return [pk for pk, *_fields in ranked(queryset, query, fallback_fields)]


def ranked(queryset, query, fallback_fields, *fields):
    """``ranked_ids``, each with the values of ``fields``: ``(pk, *values)`` tuples."""
    from wagtail.search.backends import get_search_backend  # needs the app registry

    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    if not query:
        return []
    if is_single_character(query):
        rows = {}
        for field in fallback_fields:
            found = queryset.filter(Q(**{f"{field}__icontains": query})).values_list("pk", *fields)
            rows.update((row[0], row) for row in found[:MAX_CANDIDATES] if row[0] not in rows)
        return list(rows.values())[:MAX_CANDIDATES]
    terms = segment(query)
    if not terms:
        return []
    base = queryset.model._default_manager.all()
    # Any word when not every word matches; with one word, "any" finds nothing more.
    for operator in ("and", "or") if " " in terms else ("and",):
        results = get_search_backend().search(terms, base, operator=operator)[:MAX_CANDIDATES]
        # The database backends' results are a queryset underneath: the values, in rank order,
        # without building a model object per hit.
        rows = list(results.get_queryset().values_list("pk", *fields))
        if rows:
            return rows
    return []


@lru_cache(maxsize=256)
def _query_words(query):
    """A query's words, once per query rather than once per hit."""
    return tuple(segment(query).split())


def title_relevance(query, title):
    """The share of the query's words found in ``title``, from 0 to 1.

    Backends score on different scales (FTS5's bm25 is negative, PostgreSQL's ts_rank is not),
    so hits of different kinds are merged on this instead, with each backend's own order
    breaking ties.
    """
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    if is_single_character(query):
        return float(query in title)
    words = _query_words(query)
    if not words:
        return 0.0
    title = title.lower()  # words are lower-case; a plain containment test, as titles are plain text
    return sum(word in title for word in words) / len(words)
