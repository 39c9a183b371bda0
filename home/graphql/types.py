"""GraphQL types of the content: directory snippets, honours and every page type.

Types are written by hand (no DjangoObjectType) so that the API exposes exactly what the
frontend needs, each field described. List resolvers prefetch what these types read
(see home/selectors.py); detail lookups may query lazily.
"""

import graphene
from django.conf import settings
from wagtail.rich_text import expand_db_html

from cms.graphql.images import Image
from cms.graphql.selection import fields_below
from home import models
from home.graphql.blocks import BLOCK_TYPES, Figure, body_field, resolve_body
from home.models.preview import PreviewStatus as PreviewStatusChoices
from home.selectors import district_of, featured_pages, frontend_path, public

ContentLocale = graphene.Enum(
    "ContentLocale",
    [(code.replace("-", "_").upper(), code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES],
    description="A content language. Without one, the request's language (Accept-Language) is used.",
)
OrgUnitLevel = graphene.Enum.from_enum(models.OrgUnitLevel, description="The level of an organization unit.")
VenueKind = graphene.Enum.from_enum(models.VenueKind, description="What kind of place a venue is.")
HonourLevel = graphene.Enum(
    "HonourLevel",
    [(choice.name, choice.value) for choice in models.HonourLevel],
    description="Who awards an honour: national, provincial, city or district.",
)
RecipientKind = graphene.Enum.from_enum(models.RecipientKind, description="Who received an honour.")
CampaignKind = graphene.Enum.from_enum(models.CampaignKind, description="What kind of campaign it is.")
CampaignStatus = graphene.Enum.from_enum(
    models.CampaignStatus, description="Where a campaign is in its period."
)
FundingLevel = graphene.Enum.from_enum(models.FundingLevel, description="Who funds a public-benefit project.")


def enum_value(value):
    return getattr(value, "value", value)


def _event_type():
    from events.graphql.types import Event

    return Event


def _event_when():
    from events.graphql.types import EventWhen

    return EventWhen


def events_field(of):
    """The published events of a class or campaign page (resolved by events.graphql.loaders)."""
    return graphene.List(
        graphene.NonNull(_event_type),
        required=True,
        when=graphene.Argument(_event_when, description="Only upcoming or only past events."),
        description=(
            f"The published events of this {of} (at most 100), by first session: earliest first, "
            "or latest first with when: PAST."
        ),
    )


def resolve_events(page, info, when=None):
    from events.graphql import loaders

    events = loaders.page_events(page, when=enum_value(when))
    return loaders.prepare_events(info, events)


class OrgUnit(graphene.ObjectType):
    """A federation unit in the city > district > street > community tree."""

    id = graphene.ID(required=True, description="The unit's id.")
    name = graphene.String(required=True, description="Full name, e.g. 金坛区妇联.")
    short_name = graphene.String(required=True, description="Short name for filters, e.g. 金坛区.")
    level = OrgUnitLevel(required=True, description="City, district, street or community.")
    parent_id = graphene.ID(description="The parent unit's id; null for the city.")
    path = graphene.String(required=True, description="Tree path; a unit's descendants' paths start with it.")
    volunteer_id_required = graphene.Boolean(
        required=True,
        description="Whether volunteers of this unit give their ID number when applying (set on the "
        "unit or on a unit above it).",
    )

    @staticmethod
    def resolve_short_name(unit, info):
        return unit.label

    @staticmethod
    def resolve_volunteer_id_required(unit, info):
        request = info.context
        if not hasattr(request, "_volunteer_id_paths"):
            request._volunteer_id_paths = list(
                models.OrgUnit.objects.filter(volunteer_id_required=True).values_list("path", flat=True)
            )
        return any(unit.path.startswith(path) for path in request._volunteer_id_paths)


class Venue(graphene.ObjectType):
    """A place where classes and events happen."""

    id = graphene.ID(required=True, description="The venue's id.")
    name = graphene.String(required=True, description="The venue's public name.")
    kind = VenueKind(required=True, description="What kind of place it is.")
    org_unit = graphene.Field(OrgUnit, required=True, description="The unit that runs it.")
    district = graphene.Field(OrgUnit, description="The district it is in.")
    address = graphene.String(required=True, description="Street address.")
    latitude = graphene.Float(description="Latitude (GCJ-02), if known.")
    longitude = graphene.Float(description="Longitude (GCJ-02), if known.")
    opening_hours = graphene.String(required=True, description="Opening hours, possibly empty.")
    contact_name = graphene.String(required=True, description="The venue's contact person, possibly empty.")
    contact_phone = graphene.String(
        required=True, description="The venue's public phone number, possibly empty."
    )
    description = graphene.String(required=True, description="A few sentences for visitors.")
    image = graphene.Field(Image, description="A photo of the venue.")

    @staticmethod
    def resolve_district(venue, info):
        return district_of(venue.org_unit)


class ClassCategory(graphene.ObjectType):
    """A subject of classes, e.g. 茶艺."""

    id = graphene.ID(required=True, description="The category's id.")
    name = graphene.String(required=True, description="Its name.")
    slug = graphene.String(required=True, description="Its slug, for links.")


class HonourTitle(graphene.ObjectType):
    """An honour that can be awarded, e.g. 全国三八红旗手."""

    id = graphene.ID(required=True, description="The title's id.")
    name = graphene.String(required=True, description="The honour's name.")
    level = HonourLevel(required=True, description="National, provincial, city or district.")
    awarded_by = graphene.String(required=True, description="The awarding body, possibly empty.")
    description = graphene.String(required=True, description="About this honour, possibly empty.")


class Honour(graphene.ObjectType):
    """One award on the honour roll: a recipient received a title in a year."""

    id = graphene.ID(required=True, description="The award's id.")
    year = graphene.Int(required=True, description="The year awarded.")
    title = graphene.Field(HonourTitle, required=True, description="The honour received.")
    citation = graphene.String(required=True, description="Why, in one sentence; possibly empty.")
    recipient = graphene.Field(lambda: HonourRecipient, required=True, description="Who received it.")


class HonourRecipient(graphene.ObjectType):
    """A person, family or collective on the honour roll, with their story."""

    id = graphene.ID(required=True, description="The recipient's id.")
    name = graphene.String(required=True, description="Name of the person, family or collective.")
    kind = RecipientKind(required=True, description="Person, family or collective.")
    org_unit = graphene.Field(OrgUnit, description="Where they live or work.")
    district = graphene.Field(OrgUnit, description="The district they belong to.")
    affiliation = graphene.String(required=True, description="Position or workplace, possibly empty.")
    photo = graphene.Field(Image, description="Their photo.")
    story = graphene.String(required=True, description="Their story as HTML, possibly empty.")
    honours = graphene.List(
        graphene.NonNull(Honour), required=True, description="Every honour they received."
    )

    @staticmethod
    def resolve_district(recipient, info):
        return district_of(recipient.org_unit)

    @staticmethod
    def resolve_story(recipient, info):
        return expand_db_html(recipient.story)

    @staticmethod
    def resolve_honours(recipient, info):
        return list(recipient.honours.all())


class Translation(graphene.ObjectType):
    """The same page in another language."""

    locale = graphene.String(required=True, description="Language code, e.g. en.")
    path = graphene.String(required=True, description="The translation's frontend path.")


class PageInterface(graphene.Interface):
    """What every content page has."""

    id = graphene.ID(required=True, description="The page's id.")
    title = graphene.String(required=True, description="The page title.")
    slug = graphene.String(required=True, description="The last part of the page's path.")
    path = graphene.String(required=True, description='The page\'s frontend path, e.g. "/classes/tea-art/".')
    locale = graphene.String(required=True, description="The page's language code, e.g. zh-hans.")
    seo_title = graphene.String(
        required=True, description="Title for search engines and shares; falls back to the title."
    )
    search_description = graphene.String(
        required=True, description="Description for search engines, possibly empty."
    )
    summary = graphene.String(required=True, description="One or two sentences for lists, possibly empty.")
    cover_image = graphene.Field(Image, description="The cover image.")
    first_published_at = graphene.DateTime(description="When the page was first published; null in previews.")
    last_published_at = graphene.DateTime(description="When the page was last published; null in previews.")
    translations = graphene.List(
        graphene.NonNull(Translation), required=True, description="The page in other languages, published."
    )

    class Meta:
        name = "Page"

    @classmethod
    def resolve_type(cls, instance, info):
        return PAGE_TYPES.get(type(instance))

    @staticmethod
    def resolve_path(page, info):
        return frontend_path(page)

    @staticmethod
    def resolve_locale(page, info):
        return page.locale.language_code

    @staticmethod
    def resolve_seo_title(page, info):
        return page.seo_title or page.title

    @staticmethod
    def resolve_translations(page, info):
        if not page.pk:
            return []
        return [
            Translation(locale=other.locale.language_code, path=frontend_path(other))
            for other in public(page.get_translations().live()).select_related("locale")
        ]


class HomePage(graphene.ObjectType):
    """The home page: hero, highlight figures and featured content."""

    hero_title = graphene.String(required=True, description="The hero's main line.")
    hero_subtitle = graphene.String(required=True, description="The hero's second line, possibly empty.")
    figures = graphene.List(
        graphene.NonNull(Figure), required=True, description="Highlight figures, in order."
    )
    featured_classes = graphene.List(
        graphene.NonNull(lambda: ClassPage), required=True, description="Featured classes."
    )
    featured_campaigns = graphene.List(
        graphene.NonNull(lambda: CampaignPage), required=True, description="Featured campaigns."
    )
    featured_articles = graphene.List(
        graphene.NonNull(lambda: ArticlePage), required=True, description="Featured articles."
    )

    class Meta:
        interfaces = (PageInterface,)

    @staticmethod
    def resolve_figures(page, info):
        return [block.value for block in page.figures]

    @staticmethod
    def resolve_featured_classes(page, info):
        return featured_pages(page, models.ClassPage, fields_below(info))

    @staticmethod
    def resolve_featured_campaigns(page, info):
        return featured_pages(page, models.CampaignPage, fields_below(info))

    @staticmethod
    def resolve_featured_articles(page, info):
        return featured_pages(page, models.ArticlePage, fields_below(info))


class IndexPageFields:
    intro = graphene.String(required=True, description="Introduction shown above the list, possibly empty.")


class ClassIndexPage(IndexPageFields, graphene.ObjectType):
    """The landing page of 玉兰芬芳·WOMEN课堂; its list comes from the classes query."""

    class Meta:
        interfaces = (PageInterface,)


class CampaignIndexPage(IndexPageFields, graphene.ObjectType):
    """The landing page of campaigns; its list comes from the campaigns query."""

    class Meta:
        interfaces = (PageInterface,)


class ArticleIndexPage(IndexPageFields, graphene.ObjectType):
    """The landing page of articles; its list comes from the articles query."""

    class Meta:
        interfaces = (PageInterface,)


class HonourRollPage(IndexPageFields, graphene.ObjectType):
    """The honour roll (光荣榜); its list comes from the honours query."""

    class Meta:
        interfaces = (PageInterface,)


class ClassPage(graphene.ObjectType):
    """A class of 玉兰芬芳·WOMEN课堂."""

    category = graphene.Field(ClassCategory, required=True, description="The class's subject.")
    audience = graphene.String(required=True, description="Who it is for, possibly empty.")
    instructor = graphene.String(required=True, description="The instructor, possibly empty.")
    instructor_bio = graphene.String(required=True, description="About the instructor, possibly empty.")
    venue = graphene.Field(Venue, description="The class site; null for online classes.")
    term = graphene.String(required=True, description="The term, e.g. 2026 年秋季班; possibly empty.")
    start_date = graphene.Date(description="The first day.")
    end_date = graphene.Date(description="The last day.")
    schedule = graphene.String(required=True, description="When it meets, possibly empty.")
    body = body_field()
    events = events_field("class")

    class Meta:
        interfaces = (PageInterface,)

    resolve_body = staticmethod(resolve_body)
    resolve_events = staticmethod(resolve_events)


class CampaignIndicator(graphene.ObjectType):
    """A progress figure of a campaign, optionally against a target."""

    label = graphene.String(required=True, description="What is measured.")
    value = graphene.Float(required=True, description="The value reached.")
    unit = graphene.String(required=True, description="The unit, possibly empty.")
    target = graphene.Float(description="The goal in the same unit, if any.")
    progress = graphene.Float(description="value / target, from 0 (may exceed 1); null without a target.")

    @staticmethod
    def resolve_progress(indicator, info):
        if not indicator.target:
            return None
        return float(indicator.value / indicator.target)


class CampaignAction(graphene.ObjectType):
    """A sub-action of a campaign, e.g. 暖心包."""

    name = graphene.String(required=True, description="The sub-action's name.")
    description = graphene.String(required=True, description="What it does, possibly empty.")
    image = graphene.Field(Image, description="An image for the sub-action.")


class CampaignPage(graphene.ObjectType):
    """A campaign: an action plan, a public-benefit project, a fundraiser or a theme activity."""

    kind = CampaignKind(required=True, description="What kind of campaign.")
    status = CampaignStatus(
        required=True, description="Upcoming, active or finished, from its period and today."
    )
    start_date = graphene.Date(required=True, description="When it starts.")
    end_date = graphene.Date(description="When it ends; null if ongoing.")
    organizer = graphene.Field(OrgUnit, required=True, description="The unit that runs it.")
    funding_level = FundingLevel(description="For public-benefit projects: provincial or city funding.")
    indicators = graphene.List(
        graphene.NonNull(CampaignIndicator), required=True, description="Progress figures."
    )
    actions = graphene.List(
        graphene.NonNull(CampaignAction), required=True, description="Sub-actions, in order."
    )
    body = body_field()
    events = events_field("campaign")

    class Meta:
        interfaces = (PageInterface,)

    resolve_body = staticmethod(resolve_body)
    resolve_events = staticmethod(resolve_events)

    @staticmethod
    def resolve_funding_level(page, info):
        return page.funding_level or None

    @staticmethod
    def resolve_indicators(page, info):
        return list(page.indicators.all())

    @staticmethod
    def resolve_actions(page, info):
        return list(page.actions.all())


class ArticlePage(graphene.ObjectType):
    """A story."""

    date = graphene.Date(required=True, description="The article's date.")
    author = graphene.String(required=True, description="Author or source, possibly empty.")
    tags = graphene.List(graphene.NonNull(graphene.String), required=True, description="Tag names.")
    body = body_field()

    class Meta:
        interfaces = (PageInterface,)

    resolve_body = staticmethod(resolve_body)

    @staticmethod
    def resolve_tags(page, info):
        return [tag.name for tag in page.tags.all()]


PAGE_TYPES = {
    models.HomePage: HomePage,
    models.ClassIndexPage: ClassIndexPage,
    models.ClassPage: ClassPage,
    models.CampaignIndexPage: CampaignIndexPage,
    models.CampaignPage: CampaignPage,
    models.ArticleIndexPage: ArticleIndexPage,
    models.ArticlePage: ArticlePage,
    models.HonourRollPage: HonourRollPage,
}


class SiteSettings(graphene.ObjectType):
    """The organization's public contact details."""

    name = graphene.String(required=True, description="Organization name.")
    hotline = graphene.String(required=True, description="Hotline, possibly empty.")
    address = graphene.String(required=True, description="Address, possibly empty.")
    email = graphene.String(required=True, description="Public email, possibly empty.")
    wechat_account = graphene.String(
        required=True, description="WeChat official account name, possibly empty."
    )
    wechat_qr_code = graphene.Field(Image, description="WeChat QR code image.")


class NavItem(graphene.ObjectType):
    """An entry of the main navigation."""

    title = graphene.String(required=True, description="The menu label.")
    path = graphene.String(required=True, description="The frontend path.")
    page_type = graphene.String(
        required=True, description="The GraphQL type of the page, e.g. ClassIndexPage."
    )


SearchKind = graphene.Enum(
    "SearchKind",
    [
        ("CLASS", "class"),
        ("CAMPAIGN", "campaign"),
        ("ARTICLE", "article"),
        ("HONOUR", "honour"),
        ("VENUE", "venue"),
    ],
    description="What a search hit is.",
)


class SearchHit(graphene.ObjectType):
    """One search result; exactly one of page, honourRecipient and venue is set."""

    kind = SearchKind(required=True, description="What the hit is.")
    title = graphene.String(required=True, description="The hit's title or name.")
    summary = graphene.String(required=True, description="A short description, possibly empty.")
    page = graphene.Field(PageInterface, description="The page, for classes, campaigns and articles.")
    honour_recipient = graphene.Field(HonourRecipient, description="The recipient, for honours.")
    venue = graphene.Field(Venue, description="The venue, for venues.")


PreviewStatus = graphene.Enum.from_enum(
    PreviewStatusChoices, description="Whether a preview token was accepted."
)


class PreviewResult(graphene.ObjectType):
    """The draft behind a preview token."""

    status = PreviewStatus(required=True, description="OK, or why the token was refused (expired, invalid).")
    page = graphene.Field(PageInterface, description="The draft page, when the status is OK.")


def schema_types():
    """Types reachable only through an interface; the root schema must list them."""
    return [*PAGE_TYPES.values(), *BLOCK_TYPES.values()]
