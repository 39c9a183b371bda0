"""The "Volunteer service" (志愿服务) menu group.

``VolunteersAdminViewSet`` holds the custom screens' URLs under ``/admin/volunteers/`` (namespace
``volunteers_admin``); ``MenuLink``s are further menu entries into it (applications, hours,
correction requests); teams and opportunities are model viewsets of their own. Every entry shows
to organizers (and superusers) only.
"""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from home.permissions import is_organizer
from volunteers.admin import attendance, opportunities, profiles, records, teams
from volunteers.admin.base import URL_NAMESPACE
from volunteers.admin.opportunities import OpportunityViewSet
from volunteers.admin.teams import TeamViewSet


class OrganizerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_organizer(request.user)


class OrganizerMenuMixin:
    menu_item_class = OrganizerMenuItem


class VolunteersAdminViewSet(OrganizerMenuMixin, ViewSet):
    name = "volunteers"
    url_namespace = URL_NAMESPACE
    icon = "group"
    menu_label = _("Volunteers")

    def get_urlpatterns(self):
        return [
            *profiles.urlpatterns,
            *records.urlpatterns,
            *opportunities.urlpatterns,
            *attendance.urlpatterns,
            *teams.urlpatterns,
        ]


class MenuLink(OrganizerMenuMixin, ViewSet):
    """A menu entry for a screen of ``VolunteersAdminViewSet`` (``url_name``); no URLs of its own."""

    url_name = None

    @cached_property
    def menu_url(self):
        return reverse(f"{URL_NAMESPACE}:{self.url_name}")


class VolunteersMenu(ViewSetGroup):
    menu_label = _("Volunteer service")
    menu_name = "volunteer-service"
    menu_icon = "group"
    menu_order = 160
    items = (
        MenuLink("applications", url_name="applications", menu_label=_("Applications"), icon="tasks"),
        VolunteersAdminViewSet(),
        TeamViewSet(),
        OpportunityViewSet(),
        MenuLink("volunteer-hours", url_name="records", menu_label=_("Service hours"), icon="time"),
        MenuLink("volunteer-corrections", url_name="corrections", menu_label=_("Correction requests")),
    )
