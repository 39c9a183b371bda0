"""What every per-event admin screen shares: the event, checked against the unit rule."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.admin.views import ManagedObjectMixin
from events.admin.permissions import event_permission_policy
from events.models import Event

URL_NAMESPACE = "events_admin"


def url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


class EventObjectMixin(ManagedObjectMixin):
    """Loads ``self.event`` from the ``pk`` URL argument; refuses people who do not manage it."""

    permission_policy = event_permission_policy

    def get_queryset(self):
        return Event.objects.select_related("organizer", "venue")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.event = self.object


class EventAdminView(EventObjectMixin, WagtailAdminTemplateMixin, View):
    """A per-event screen in the admin's frame, under "Events > <event>"."""

    header_icon = "date"

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Events and registrations")},
            {"url": url("registrations", self.event.pk), "label": self.event.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        return context

    @cached_property
    def registrations_url(self):
        return url("registrations", self.event.pk)
