"""Snippets in the admin, grouped under one menu item, with filters editors need."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import ClassCategory, HonourRecipient, HonourTitle, OrgUnit, UnitOrganizer, Venue


class OrgUnitViewSet(SnippetViewSet):
    model = OrgUnit
    icon = "group"
    menu_label = _("Organization units")
    list_display = ["name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name", "short_name"]
    ordering = ["path"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    list_display = ["name", "kind", "org_unit", "address"]
    list_filter = ["kind"]
    search_fields = ["name", "address"]


class ClassCategoryViewSet(SnippetViewSet):
    model = ClassCategory
    icon = "tag"
    menu_label = _("Class categories")
    list_display = ["name", "slug", "sort_order"]


class HonourTitleViewSet(SnippetViewSet):
    model = HonourTitle
    icon = "pick"
    menu_label = _("Honour titles")
    list_display = ["name", "level", "awarded_by"]
    list_filter = ["level"]


class HonourRecipientViewSet(SnippetViewSet):
    model = HonourRecipient
    icon = "user"
    menu_label = _("Honour recipients")
    list_display = ["name", "kind", "org_unit"]
    list_filter = ["kind"]
    search_fields = ["name", "affiliation"]


class UnitOrganizerViewSet(SnippetViewSet):
    """Who organizes which unit (and so manages its events and those of the units below it)."""

    model = UnitOrganizer
    icon = "user"
    list_display = ["user", "org_unit", "created_at"]
    search_fields = ["user__display_name", "user__email", "org_unit__name"]
    ordering = ["org_unit__path", "pk"]


class ContentSnippets(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_name = "directory"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        OrgUnitViewSet,
        UnitOrganizerViewSet,
        VenueViewSet,
        ClassCategoryViewSet,
        HonourTitleViewSet,
        HonourRecipientViewSet,
    )


register_snippet(ContentSnippets)
