"""Bounded offset pagination shared by every list field.

Each list field takes ``limit`` (a ``PageSize``: 1 to ``GRAPHQL_MAX_PAGE_SIZE``) and ``offset``
(an ``Offset``: 0 or more). Both are scalars that refuse bad values while the request is
validated, so an oversized page never reaches a resolver. The cost rule (cms.graphql.limits)
reads ``limit`` to weigh the field's children.
"""

import graphene
from django.conf import settings
from graphql import GraphQLError
from graphql.language import IntValueNode

DEFAULT_PAGE_SIZE = 20
MAX_OFFSET = 100_000


def _bounded_int(name, low, high):
    def coerce(value):
        if isinstance(value, bool) or not isinstance(value, int):
            raise GraphQLError(f"{name} must be an integer.")
        maximum = high() if callable(high) else high
        if not low <= value <= maximum:
            raise GraphQLError(f"{name} must be between {low} and {maximum}; got {value}.")
        return value

    def parse_literal(node, _variables=None):
        if not isinstance(node, IntValueNode):
            raise GraphQLError(f"{name} must be an integer.", node)
        try:
            return coerce(int(node.value))
        except GraphQLError as error:
            raise GraphQLError(error.message, node) from None

    return coerce, parse_literal


_page_size_coerce, _page_size_literal = _bounded_int("limit", 1, lambda: settings.GRAPHQL_MAX_PAGE_SIZE)
_offset_coerce, _offset_literal = _bounded_int("offset", 0, MAX_OFFSET)


class PageSize(graphene.Scalar):
    """How many items to return: an integer from 1 to the server's maximum page size (100)."""

    serialize = staticmethod(_page_size_coerce)
    parse_value = staticmethod(_page_size_coerce)
    parse_literal = staticmethod(_page_size_literal)


class Offset(graphene.Scalar):
    """How many items to skip: an integer from 0 to 100000."""

    serialize = staticmethod(_offset_coerce)
    parse_value = staticmethod(_offset_coerce)
    parse_literal = staticmethod(_offset_literal)


def page_arguments():
    """The arguments every list field takes."""
    return {
        "limit": PageSize(required=True, default_value=DEFAULT_PAGE_SIZE, description="Page size, 1 to 100."),
        "offset": Offset(required=True, default_value=0, description="Items to skip, 0 to 100000."),
    }


def paginated_type(item_type, name, description):
    """A page of ``item_type``: ``items``, ``totalCount`` and ``hasNextPage``."""
    return type(
        name,
        (graphene.ObjectType,),
        {
            "__doc__": description,
            "items": graphene.NonNull(
                graphene.List(graphene.NonNull(item_type)), description="The items of this page."
            ),
            "total_count": graphene.Int(required=True, description="How many items match, across all pages."),
            "has_next_page": graphene.Boolean(required=True, description="Whether another page follows."),
        },
    )


class Page:
    """What a paginated resolver returns; graphene reads its attributes.

    ``total_count`` is a number, or a function called only if the query asks for ``totalCount``
    (counting every match is often the dearest query of a list).
    """

    def __init__(self, items, total_count, offset, has_next_page=None):
        self.items = items
        self._total_count = total_count
        if has_next_page is None:
            has_next_page = offset + len(items) < self.total_count
        self.has_next_page = has_next_page

    @property
    def total_count(self):
        if callable(self._total_count):
            self._total_count = self._total_count()
        return self._total_count


def paginate(queryset, limit, offset, prepare=None):
    """Slice ``queryset`` into a page. ``prepare`` batch-loads relations for the page's rows.

    One query for the rows, plus one: whether another page follows; the count of all matches
    only when asked for.
    """
    rows = list(queryset[offset : offset + limit + 1])
    items = rows[:limit]
    if prepare and items:
        items = prepare(items)
    return Page(items, queryset.count, offset, has_next_page=len(rows) > limit)
