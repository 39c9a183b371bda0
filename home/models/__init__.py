from .honours import Honour, HonourLevel, HonourRecipient, HonourTitle, RecipientKind
from .org_units import OrgUnit, OrgUnitLevel, UnitOrganizer
from .pages import (
    ArticleIndexPage,
    ArticlePage,
    CampaignAction,
    CampaignIndexPage,
    CampaignIndicator,
    CampaignKind,
    CampaignPage,
    CampaignStatus,
    ClassIndexPage,
    ClassPage,
    FundingLevel,
    HomeFeature,
    HomePage,
    HonourRollPage,
)
from .preview import PagePreview
from .site_settings import SiteSettings
from .taxonomy import ArticleTag, ClassCategory
from .venues import Venue, VenueKind

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleTag",
    "CampaignAction",
    "CampaignIndexPage",
    "CampaignIndicator",
    "CampaignKind",
    "CampaignPage",
    "CampaignStatus",
    "ClassCategory",
    "ClassIndexPage",
    "ClassPage",
    "FundingLevel",
    "HomeFeature",
    "HomePage",
    "Honour",
    "HonourLevel",
    "HonourRecipient",
    "HonourRollPage",
    "HonourTitle",
    "OrgUnit",
    "OrgUnitLevel",
    "PagePreview",
    "RecipientKind",
    "SiteSettings",
    "UnitOrganizer",
    "Venue",
    "VenueKind",
]
