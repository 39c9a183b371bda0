"""What every per-event admin screen shares: the event, checked against the unit rule."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from events.admin.permissions import event_permission_policy
from events.models import Event

URL_NAMESPACE = "events_admin"


def url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


def can(user, action, event):
    return event_permission_policy.user_has_permission_for_instance(user, action, event)


def service_error_message(request, error):
    """Show a ``ServiceError``'s problems as one admin error message."""
    messages.error(request, " ".join(str(problem.message) for problem in error.problems))


class EventObjectMixin:
    """Loads ``self.event`` from the ``pk`` URL argument; refuses people who do not manage it.

    The refusal is ``PermissionDenied``: Wagtail's admin turns it into a redirect to the
    dashboard with a message (and a 403 for XMLHttpRequest).
    """

    permission_required = "change"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.event = get_object_or_404(Event.objects.select_related("organizer", "venue"), pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if not can(request.user, self.permission_required, self.event):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


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
