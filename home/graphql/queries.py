"""Content queries: lookups, lists with filters and bounded pagination, search, preview."""

import graphene
from wagtail.models import Site

from cms.graphql.pagination import Page, page_arguments, paginate, paginated_type
from cms.graphql.selection import asks_only, fields_below
from cms.ids import parse_id
from home import models, selectors
from home.graphql import types
from home.models.preview import read_preview_token
from home.search import ranked_ids

ClassPageList = paginated_type(types.ClassPage, "ClassPageList", "A page of classes.")
CampaignPageList = paginated_type(types.CampaignPage, "CampaignPageList", "A page of campaigns.")
ArticlePageList = paginated_type(types.ArticlePage, "ArticlePageList", "A page of articles.")
HonourList = paginated_type(types.Honour, "HonourList", "A page of the honour roll.")
VenueList = paginated_type(types.Venue, "VenueList", "A page of venues.")
OrgUnitList = paginated_type(types.OrgUnit, "OrgUnitList", "A page of organization units, in tree order.")
SearchHitList = paginated_type(types.SearchHit, "SearchHitList", "A page of search hits, best first.")

MAX_REFERENCE_ITEMS = 500
# A search asking for no more than these fields gets its hits without their relations.
PLAIN_HIT_FIELDS = {
    "totalCount", "hasNextPage", "items", "kind", "title", "summary", "page", "honourRecipient", "venue",
    "id", "path", "name",
}  # fmt: skip

SEARCH_KINDS = {
    "class": types.SearchKind.CLASS,
    "campaign": types.SearchKind.CAMPAIGN,
    "article": types.SearchKind.ARTICLE,
    "honour": types.SearchKind.HONOUR,
    "venue": types.SearchKind.VENUE,
}


def locale_argument():
    return types.ContentLocale(description="Content language; defaults to the request's language.")


def _prepared_pages(info):
    """Loads what a page of pages reads, of what the query asks for (``selectors.prepare_pages``)."""
    fields = fields_below(info)
    return lambda items: selectors.prepare_pages(items, fields)


def _locale(locale):
    return selectors.content_locale(types.enum_value(locale))


def _search_hit(kind, obj):
    summary = (
        getattr(obj, "summary", None) or getattr(obj, "affiliation", None) or getattr(obj, "address", "")
    )
    return types.SearchHit(
        kind=SEARCH_KINDS[kind],
        title=getattr(obj, "title", None) or obj.name,
        summary=summary or "",
        page=obj if kind in {"class", "campaign", "article"} else None,
        honour_recipient=obj if kind == "honour" else None,
        venue=obj if kind == "venue" else None,
    )


class ContentQuery(graphene.ObjectType):
    page = graphene.Field(
        types.PageInterface,
        id=graphene.ID(description="The page's id."),
        path=graphene.String(description='The frontend path, e.g. "/classes/tea-art/".'),
        locale=locale_argument(),
        description="A published page by id or by frontend path; null when there is none.",
    )
    site_settings = graphene.Field(
        types.SiteSettings, required=True, description="The organization's public contact details."
    )
    navigation = graphene.List(
        graphene.NonNull(types.NavItem), required=True, locale=locale_argument(), description="The main menu."
    )
    classes = graphene.Field(
        ClassPageList,
        required=True,
        category=graphene.ID(description="Only this category."),
        venue=graphene.ID(description="Only classes at this venue."),
        district=graphene.ID(description="Only classes at venues in this org unit or below it."),
        search=graphene.String(description="Words to look for (Chinese is segmented)."),
        locale=locale_argument(),
        **page_arguments(),
        description="Classes of 玉兰芬芳·WOMEN课堂, newest first or by relevance when searching.",
    )
    class_categories = graphene.List(
        graphene.NonNull(types.ClassCategory), required=True, description="Every class category, in order."
    )
    campaigns = graphene.Field(
        CampaignPageList,
        required=True,
        kind=types.CampaignKind(description="Only this kind."),
        status=types.CampaignStatus(description="Only campaigns in this status today."),
        locale=locale_argument(),
        **page_arguments(),
        description="Campaigns, latest start first.",
    )
    honours = graphene.Field(
        HonourList,
        required=True,
        year=graphene.Int(description="Only this year."),
        level=types.HonourLevel(description="Only honours of this level."),
        title=graphene.ID(description="Only this honour title."),
        recipient_kind=types.RecipientKind(description="Only persons, families or collectives."),
        district=graphene.ID(description="Only recipients in this org unit or below it."),
        **page_arguments(),
        description="The honour roll: latest year first, then by level.",
    )
    honour_titles = graphene.List(
        graphene.NonNull(types.HonourTitle),
        required=True,
        description="Every honour title, highest level first.",
    )
    honour_recipient = graphene.Field(
        types.HonourRecipient,
        id=graphene.ID(required=True, description="The recipient's id."),
        description="A recipient with their story and honours; null when there is none.",
    )
    venues = graphene.Field(
        VenueList,
        required=True,
        kind=types.VenueKind(description="Only this kind of venue."),
        district=graphene.ID(description="Only venues in this org unit or below it."),
        **page_arguments(),
        description="Venues by name.",
    )
    venue = graphene.Field(
        types.Venue,
        id=graphene.ID(required=True, description="The venue's id."),
        description="A venue, or null.",
    )
    articles = graphene.Field(
        ArticlePageList,
        required=True,
        tag=graphene.String(description="Only articles with this tag."),
        locale=locale_argument(),
        **page_arguments(),
        description="Articles, newest first.",
    )
    org_units = graphene.Field(
        OrgUnitList,
        required=True,
        level=types.OrgUnitLevel(description="Only units of this level."),
        parent=graphene.ID(description="Only the direct children of this unit."),
        **page_arguments(),
        description="The organization tree, flat, in tree order.",
    )
    search = graphene.Field(
        SearchHitList,
        required=True,
        query=graphene.String(required=True, description="Words to look for; Chinese is segmented."),
        locale=locale_argument(),
        **page_arguments(),
        description="Search classes, campaigns, articles, honours and venues at once.",
    )
    preview = graphene.Field(
        types.PreviewResult,
        required=True,
        token=graphene.String(required=True, description="The token from the admin's preview link."),
        description="The draft an editor is previewing.",
    )

    @staticmethod
    def resolve_page(root, info, id=None, path=None, locale=None):
        page = None
        if id is not None:
            page = selectors.page_by_id(id)
        elif path is not None:
            page = selectors.page_by_path(path, _locale(locale))
        # Only the page types of the API: not Wagtail's bare root page of a new installation.
        return page if type(page) in types.PAGE_TYPES else None

    @staticmethod
    def resolve_site_settings(root, info):
        site = Site.find_for_request(info.context) or Site.objects.filter(is_default_site=True).first()
        return models.SiteSettings.for_site(site) if site else models.SiteSettings()

    @staticmethod
    def resolve_navigation(root, info, locale=None):
        return [
            types.NavItem(
                title=page.title,
                path=selectors.frontend_path(page),
                page_type=types.PAGE_TYPES[type(page)]._meta.name,
            )
            for page in selectors.navigation(_locale(locale))
            if type(page) in types.PAGE_TYPES
        ]

    @staticmethod
    def resolve_classes(
        root, info, limit, offset, category=None, venue=None, district=None, search=None, locale=None
    ):
        queryset = selectors.classes(_locale(locale), category=category, venue=venue, district=district)
        if search is not None:
            queryset = selectors.ordered_by_ids(queryset, ranked_ids(queryset, search, ("title", "summary")))
        return paginate(queryset, limit, offset, _prepared_pages(info))

    @staticmethod
    def resolve_class_categories(root, info):
        return list(models.ClassCategory.objects.all()[:MAX_REFERENCE_ITEMS])

    @staticmethod
    def resolve_campaigns(root, info, limit, offset, kind=None, status=None, locale=None):
        queryset = selectors.campaigns(
            _locale(locale), kind=types.enum_value(kind), status=types.enum_value(status)
        )
        return paginate(queryset, limit, offset, _prepared_pages(info))

    @staticmethod
    def resolve_honours(
        root, info, limit, offset, year=None, level=None, title=None, recipient_kind=None, district=None
    ):
        queryset = selectors.honours(
            year=year,
            level=types.enum_value(level),
            title=title,
            recipient_kind=types.enum_value(recipient_kind),
            district=district,
        )
        return paginate(
            queryset, limit, offset, lambda items: selectors.prepare_honours(items, fields_below(info))
        )

    @staticmethod
    def resolve_honour_titles(root, info):
        return list(models.HonourTitle.objects.all()[:MAX_REFERENCE_ITEMS])

    @staticmethod
    def resolve_honour_recipient(root, info, id):
        recipient = selectors.honour_recipients().filter(pk=parse_id(id)).first()
        return recipient and selectors.prepare_recipients([recipient], fields_below(info))[0]

    @staticmethod
    def resolve_venues(root, info, limit, offset, kind=None, district=None):
        queryset = selectors.venues(kind=types.enum_value(kind), district=district)
        return paginate(queryset, limit, offset, selectors.prepare_venues)

    @staticmethod
    def resolve_venue(root, info, id):
        venue = selectors.venues().filter(pk=parse_id(id)).first()
        return venue and selectors.prepare_venues([venue])[0]

    @staticmethod
    def resolve_articles(root, info, limit, offset, tag=None, locale=None):
        return paginate(selectors.articles(_locale(locale), tag=tag), limit, offset, _prepared_pages(info))

    @staticmethod
    def resolve_org_units(root, info, limit, offset, level=None, parent=None):
        return paginate(selectors.org_units(level=types.enum_value(level), parent=parent), limit, offset)

    @staticmethod
    def resolve_search(root, info, query, limit, offset, locale=None):
        relations = not asks_only(info, PLAIN_HIT_FIELDS)
        total, hits = selectors.search_everything(query, _locale(locale), limit, offset, relations)
        return Page([_search_hit(kind, obj) for kind, obj in hits], total, offset)

    @staticmethod
    def resolve_preview(root, info, token):
        status, page = read_preview_token(token)
        return types.PreviewResult(status=status.value, page=page)
