"""Read-side queries of the content: what the public may see, filtered, localized and batched.

Every list function returns a queryset (filters applied, public pages only) and every
``prepare_*`` function batch-loads what the GraphQL types read for a page of rows, so a list
costs the same number of SQL queries for 10 rows as for 100.
"""

from django.conf import settings
from django.db.models import Case, Exists, IntegerField, OuterRef, Prefetch, Q, When, prefetch_related_objects
from django.db.models.functions import Length, Substr
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction

from cms.graphql.images import prefetch_image
from cms.graphql.selection import wanted
from cms.ids import parse_id
from home import models
from home.models.org_units import PATH_STEP
from home.models.pages import campaign_status_filter
from home.search import ranked, title_relevance

DISTRICT_PATH_LENGTH = 2 * PATH_STEP


def with_id(queryset, field, value):
    """Rows whose ``field`` is the id ``value``; none at all when ``value`` cannot be an id
    (filtering on ``None`` would select the rows where the relation is empty)."""
    pk = parse_id(value)
    return queryset.filter(**{field: pk}) if pk else queryset.none()


# Locales ---------------------------------------------------------------------------------


def content_locale(code=None):
    """The requested content locale, else the request's language, else the default."""
    code = code or translation.get_language() or settings.LANGUAGE_CODE
    codes = {language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    if code not in codes:
        code = next((c for c in codes if c.split("-")[0] == code.split("-")[0]), settings.LANGUAGE_CODE)
    return Locale.objects.filter(language_code=code).first() or Locale.get_default()


def localized(queryset, locale):
    """Pages in ``locale``, plus default-language pages not yet translated into it."""
    if locale.language_code == get_supported_content_language_variant(settings.LANGUAGE_CODE):
        return queryset.filter(locale=locale)  # the default locale (Locale.get_default(), no query)
    default = Locale.get_default()
    translated = Page.objects.filter(locale=locale).values("translation_key")
    return queryset.filter(Q(locale=locale) | Q(locale=default) & ~Q(translation_key__in=translated))


def public(queryset):
    """The pages of ``queryset`` that no view restriction covers (on them or an ancestor): Wagtail's
    ``public()`` as one SQL condition, without its query that first loads every restriction."""
    prefix = Substr(OuterRef("path"), 1, Length("page__path"))  # the restricted page's path, or not
    covering = PageViewRestriction.objects.filter(page__path=prefix)
    return queryset.filter(~Exists(covering))


def public_pages(model, locale):
    return localized(public(model.objects.live()), locale).select_related("locale")


def frontend_path(page):
    """``/classes/tea-art/`` for a page whose url_path is ``/home/classes/tea-art/``.

    Each language's tree hangs off its own home page at depth 2; the frontend's paths are
    relative to it, and the locale travels separately.
    """
    parts = (page.url_path or "/").strip("/").split("/")
    rest = "/".join(parts[1:])
    return f"/{rest}/" if rest else "/"


# Org units -------------------------------------------------------------------------------


def attach_districts(units):
    """Load the district of each unit in one query; ``district_of`` then reads it."""
    units = [unit for unit in units if unit is not None and not hasattr(unit, "_district")]
    paths = {unit.path[:DISTRICT_PATH_LENGTH] for unit in units if len(unit.path) >= DISTRICT_PATH_LENGTH}
    districts = {unit.path: unit for unit in models.OrgUnit.objects.filter(path__in=paths)} if paths else {}
    for unit in units:
        unit._district = districts.get(unit.path[:DISTRICT_PATH_LENGTH])


def district_of(unit):
    if unit is None:
        return None
    if not hasattr(unit, "_district"):
        attach_districts([unit])
    return unit._district


def org_unit_subtree(unit_id):
    """The tree path shared by a unit and its descendants; ``None`` for an unknown id."""
    unit = models.OrgUnit.objects.filter(pk=parse_id(unit_id)).only("path").first()
    return unit.path if unit else None


def org_units(level=None, parent=None):
    queryset = models.OrgUnit.objects.all()
    if level:
        queryset = queryset.filter(level=level)
    if parent is not None:
        queryset = with_id(queryset, "parent_id", parent)
    return queryset.order_by("path")


# Directory -------------------------------------------------------------------------------


def venues(kind=None, district=None, search_ids=None):
    queryset = models.Venue.objects.select_related("org_unit", "image")
    if kind:
        queryset = queryset.filter(kind=kind)
    if district is not None:
        path = org_unit_subtree(district)
        queryset = queryset.filter(org_unit__path__startswith=path) if path else queryset.none()
    return queryset.order_by("name")


def prepare_venues(items):
    """What venues read beyond their row: the image's renditions, the district."""
    prefetch_related_objects(items, prefetch_image("image"))
    attach_districts([venue.org_unit for venue in items])
    return items


def honours(year=None, level=None, title=None, recipient_kind=None, district=None):
    queryset = models.Honour.objects.select_related("title", "recipient__org_unit")
    if year is not None:
        queryset = queryset.filter(year=year)
    if level is not None:
        queryset = queryset.filter(title__level=level)
    if title is not None:
        queryset = with_id(queryset, "title_id", title)
    if recipient_kind:
        queryset = queryset.filter(recipient__kind=recipient_kind)
    if district is not None:
        path = org_unit_subtree(district)
        queryset = queryset.filter(recipient__org_unit__path__startswith=path) if path else queryset.none()
    return queryset.order_by(
        "-year", "title__level", "title__sort_order", "title__name", "sort_order", "recipient__name"
    )


# What a HonourRecipient reads beyond its row, with the names of the fields that read it.
_RECIPIENT_RELATIONS = (
    (("photo",), prefetch_image("photo")),
    (("honours",), Prefetch("honours", queryset=models.Honour.objects.select_related("title"))),
)


def prepare_honours(items, fields=None):
    """What a page of honours reads of their recipients: of ``fields`` (None: any), the asked."""
    prepare_recipients([honour.recipient for honour in items], fields)
    if fields is None or "honours" in fields:
        for honour in items:
            for other in honour.recipient.honours.all():
                other.recipient = honour.recipient
    return items


def honour_recipients():
    return models.HonourRecipient.objects.select_related("org_unit")


def prepare_recipients(items, fields=None):
    """What recipients read beyond their row (``_RECIPIENT_RELATIONS``, the district)."""
    prefetch_related_objects(items, *wanted(_RECIPIENT_RELATIONS, fields))
    if fields is None or "district" in fields:
        attach_districts([recipient.org_unit for recipient in items])
    return items


# Pages -----------------------------------------------------------------------------------


# Lists of pages join what they can; ``prepare_pages`` loads the rest that a query asks for.
_PAGE_JOINS = {
    models.ClassPage: ("category", "venue__org_unit", "cover_image"),
    models.CampaignPage: ("organizer", "cover_image"),
    models.ArticlePage: ("cover_image",),
}


def classes(locale, category=None, venue=None, district=None):
    queryset = public_pages(models.ClassPage, locale).select_related(*_PAGE_JOINS[models.ClassPage])
    if category is not None:
        queryset = with_id(queryset, "category_id", category)
    if venue is not None:
        queryset = with_id(queryset, "venue_id", venue)
    if district is not None:
        path = org_unit_subtree(district)
        queryset = queryset.filter(venue__org_unit__path__startswith=path) if path else queryset.none()
    return queryset.order_by("-start_date", "path")


_CAMPAIGN_ACTIONS = Prefetch(
    "actions", queryset=models.CampaignAction.objects.prefetch_related(prefetch_image("image"))
)


def campaigns(locale, kind=None, status=None):
    queryset = public_pages(models.CampaignPage, locale).select_related(*_PAGE_JOINS[models.CampaignPage])
    if kind:
        queryset = queryset.filter(kind=kind)
    if status:
        queryset = queryset.filter(campaign_status_filter(status))
    return queryset.order_by("-start_date", "path")


def articles(locale, tag=None):
    queryset = public_pages(models.ArticlePage, locale).select_related(*_PAGE_JOINS[models.ArticlePage])
    if tag:
        queryset = queryset.filter(tags__name=tag)
    return queryset.order_by("-date", "-first_published_at")


def specific_pages(ids):
    """Public pages with these ids, specific, in the given order, batched per page type."""
    if not ids:
        return []
    by_id = {page.pk: page for page in public(Page.objects.filter(pk__in=ids).live()).specific()}
    return [by_id[pk] for pk in ids if pk in by_id]


# What the page types' GraphQL fields read, batched like the lists above, with the names of the
# fields that read it.
_PAGE_RELATIONS = {
    models.ClassPage: (
        (("category",), "category"),
        (("venue",), "venue__org_unit"),
        (("coverImage",), prefetch_image("cover_image")),
        (("image",), prefetch_image("venue__image")),
    ),
    models.CampaignPage: (
        (("organizer",), "organizer"),
        (("coverImage",), prefetch_image("cover_image")),
        (("indicators",), "indicators"),
        (("actions",), _CAMPAIGN_ACTIONS),
    ),
    models.ArticlePage: ((("coverImage",), prefetch_image("cover_image")), (("tags",), "tags")),
}


def prepare_pages(pages, fields=None):
    """Load, for pages of mixed types, the relations their GraphQL types read: a few queries per
    type, whatever the number of pages. ``fields``: the names of the fields asked for (None: any),
    so that no relation is loaded that nothing reads."""

    for model, relations in _PAGE_RELATIONS.items():
        of_type = [page for page in pages if type(page) is model]
        if of_type:
            prefetch_related_objects(of_type, *wanted(relations, fields))
            if model is models.ClassPage and (fields is None or "district" in fields):
                attach_districts([page.venue.org_unit for page in of_type if page.venue_id])
    return pages


def featured_pages(home, page_class, fields=None):
    """The home page's featured pages of one type, in the editors' order, prepared for ``fields``
    (``prepare_pages``). The features are read once per request; a type's pages only when asked."""
    if not hasattr(home, "_featured_ids"):
        home._featured_ids = [feature.page_id for feature in home.features.all()]
    if not home._featured_ids:
        return []
    pages = public(page_class.objects.filter(pk__in=home._featured_ids).live())
    by_id = {page.pk: page for page in pages.select_related(*_PAGE_JOINS[page_class])}
    prepare_pages(list(by_id.values()), fields)
    return [by_id[pk] for pk in home._featured_ids if pk in by_id]


def page_by_id(page_id):
    pages = specific_pages([pk] if (pk := parse_id(page_id)) else [])
    return pages[0] if pages else None


def site_home(locale):
    """The home page in ``locale`` (the default site's root, or its translation)."""
    root = Page.objects.filter(sites_rooted_here__is_default_site=True).first()
    if root is None:
        return None
    if root.locale_id == locale.pk:
        return root
    return root.get_translation_or_none(locale) or root


def page_by_path(path, locale):
    home = site_home(locale)
    if home is None or not isinstance(path, str) or len(path) > 255:
        return None
    segments = [segment for segment in path.strip().strip("/").split("/") if segment]
    url_path = home.url_path + "".join(f"{segment}/" for segment in segments)
    page = public(Page.objects.live().filter(url_path=url_path)).specific().first()
    if page is None and home.locale_id != Locale.get_default().pk:
        return page_by_path(path, Locale.get_default())
    return page


def navigation(locale):
    home = site_home(locale)
    if home is None:
        return []
    return list(public(home.get_children().live().in_menu()).specific().order_by("path"))


def ordered_by_ids(queryset, ids):
    """``queryset`` restricted to ``ids``, in that order (search rank)."""
    if not ids:
        return queryset.none()
    order = Case(*(When(pk=pk, then=index) for index, pk in enumerate(ids)), output_field=IntegerField())
    return queryset.filter(pk__in=ids).order_by(order)


# Search ----------------------------------------------------------------------------------


def _searchables(locale):
    """For each kind of hit: the public queryset, its title field, the single-character
    fallback fields and what loads the relations its GraphQL type reads."""
    recipients = honour_recipients()
    return {
        "class": (public_pages(models.ClassPage, locale), "title", ("title", "summary"), prepare_pages),
        "campaign": (public_pages(models.CampaignPage, locale), "title", ("title", "summary"), prepare_pages),
        "article": (public_pages(models.ArticlePage, locale), "title", ("title", "summary"), prepare_pages),
        "honour": (recipients, "name", ("name", "affiliation"), prepare_recipients),
        "venue": (venues(), "name", ("name", "address"), prepare_venues),
    }


_PAGE_KINDS = ("class", "campaign", "article")


def search_everything(query, locale, limit, offset, with_relations=True):
    """``(total, [(kind, object), ...])``: one page of hits across every kind, best first.

    Hits whose title carries more of the query's words come first; within that, each kind's
    hits keep the search backend's order, interleaved by their relative position. The index
    knows nothing of publication: the pages found are checked against the public pages of the
    locale in one query. The hits' relations (images, districts, honours...) are loaded only
    ``with_relations``.
    """
    searchables = _searchables(locale)
    found = {
        kind: ranked(queryset, query, fallback_fields, title_field)
        for kind, (queryset, title_field, fallback_fields, _prepare) in searchables.items()
    }
    page_ids = [pk for kind in _PAGE_KINDS for pk, _title in found[kind]]
    public_pages_found = localized(public(Page.objects.live()), locale).filter(pk__in=page_ids)
    shown = set(public_pages_found.values_list("pk", flat=True))
    hits = []
    for kind, rows in found.items():
        visible = [(pk, title) for pk, title in rows if kind not in _PAGE_KINDS or pk in shown]
        hits.extend(
            (-title_relevance(query, title), position / len(visible), kind, pk)
            for position, (pk, title) in enumerate(visible)
        )
    hits.sort()
    page = hits[offset : offset + limit]
    loaded = {}
    for kind, (queryset, _title, _fields, prepare) in searchables.items():
        ids = [pk for *_rank, hit_kind, pk in page if hit_kind == kind]
        if ids:
            objects = list(queryset.filter(pk__in=ids))
            for obj in prepare(objects) if with_relations else objects:
                loaded[kind, obj.pk] = obj
    return len(hits), [(kind, loaded[kind, pk]) for *_rank, kind, pk in page if (kind, pk) in loaded]
