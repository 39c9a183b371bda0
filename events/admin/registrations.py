"""Per event: the registrations (search, status filter, statistics) and the organizer's actions.

Every action goes through ``events.services``; a refusal (``ServiceError``) is shown as an admin
message or on the form, never as an error page.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets.button import Button, HeaderButton

from cms.admin.errors import service_error_message
from cms.admin.views import ServiceFormMixin
from cms.errors import ServiceError
from events import services
from events.admin.base import EventAdminView, EventObjectMixin, url
from events.admin.stats import event_stats
from events.exports import registrations_response
from events.forms import (
    AddByHandForm,
    CancelEventForm,
    CapacityForm,
    ReasonForm,
    RegistrationFilterForm,
)
from events.models import ACTIVE_STATUSES, EventStatus, Registration, RegistrationStatus
from events.tokens import normalize_token

PER_PAGE = 50


def search_registrations(registrations, query):
    """By name or phone (contains), or by check-in code (as typed or scanned)."""
    query = query.strip()
    if not query:
        return registrations
    condition = Q(name__icontains=query) | Q(phone__icontains=query)
    code = normalize_token(query)
    if len(code) >= 4:
        condition |= Q(token__startswith=code)
    return registrations.filter(condition)


class RegistrationsView(EventAdminView):
    template_name = "events/admin/registrations.html"
    page_title = gettext_lazy("Registrations")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": _("Events and registrations")},
            {"url": "", "label": self.event.title},
        ]

    def get_page_subtitle(self):
        return self.event.title

    @property
    def header_buttons(self):
        pk = self.event.pk
        buttons = [
            HeaderButton(_("Check-in"), url=url("check_in", pk), icon_name="tick"),
            HeaderButton(_("Export to Excel"), url=url("export", pk), icon_name="download"),
        ]
        if self.event.status != EventStatus.CANCELLED:
            buttons.insert(
                0, HeaderButton(_("Add by hand"), url=url("add_registration", pk), icon_name="plus")
            )
        return buttons

    def get_header_more_buttons(self):
        pk = self.event.pk
        buttons = [Button(_("Edit event"), url=url("edit", pk), icon_name="edit", priority=10)]
        if self.event.status != EventStatus.CANCELLED:
            buttons += [
                Button(_("Change capacity"), url=url("capacity", pk), icon_name="resubmit", priority=20),
                Button(_("Cancel event"), url=url("cancel_event", pk), icon_name="cross", priority=40),
            ]
        return sorted(buttons)

    def get(self, request, *args, **kwargs):
        filters = RegistrationFilterForm(request.GET or None)
        registrations = (
            Registration.objects.filter(event=self.event)
            .select_related("user")
            .annotate(attended=Count("check_ins", filter=Q(check_ins__undone_at__isnull=True)))
            .order_by("created_at", "pk")
        )
        if filters.is_valid():
            registrations = search_registrations(registrations, filters.cleaned_data["q"])
            if filters.cleaned_data["status"]:
                registrations = registrations.filter(status=filters.cleaned_data["status"])
        page = Paginator(registrations, PER_PAGE).get_page(request.GET.get("p"))
        query = request.GET.copy()
        query.pop("p", None)
        context = self.get_context_data(
            filters=filters,
            page=page,
            query_string=query.urlencode(),
            stats=event_stats(self.event),
            statuses=RegistrationStatus,
            active_statuses=ACTIVE_STATUSES,
            reason_max_length=200,
            sessions_count=self.event.sessions.count(),
            next_url=request.get_full_path(),
        )
        return TemplateResponse(request, self.template_name, context)


class RegistrationActionView(EventObjectMixin, View):
    """POST only: approve, reject or cancel one registration of the event, then go back."""

    http_method_names = ["post"]
    action = None

    def post(self, request, *args, **kwargs):
        registration = get_object_or_404(Registration, pk=kwargs["registration_id"], event=self.event)
        form = ReasonForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else request.POST.get("reason", "")
        try:
            if self.action == "approve":
                services.approve(registration.pk, by=request.user)
                messages.success(request, _("%(name)s is confirmed.") % {"name": registration.name})
            elif self.action == "reject":
                services.reject(registration.pk, by=request.user, reason=reason)
                messages.success(request, _("%(name)s is rejected.") % {"name": registration.name})
            else:
                services.cancel_registration(registration.pk, by=request.user, reason=reason)
                messages.success(request, _("%(name)s is cancelled.") % {"name": registration.name})
        except ServiceError as error:
            service_error_message(request, error)
        return redirect(get_valid_next_url_from_request(request) or url("registrations", self.event.pk))


class FormView(ServiceFormMixin, EventAdminView):
    """A small form about the event: GET shows it, POST calls a service, then the registrations."""

    template_name = "events/admin/form.html"

    def get_success_url(self):
        return url("registrations", self.event.pk)


class AddByHandView(FormView):
    page_title = gettext_lazy("Add a registration by hand")
    submit_label = gettext_lazy("Add registration")
    intro = gettext_lazy(
        "For people who register by phone. Capacity and the waitlist apply as for everyone; "
        "the registration window does not."
    )

    def get_form(self, data=None):
        return AddByHandForm(data, event=self.event)

    def act(self, form):
        registration = services.add_by_hand(self.event.pk, by=self.request.user, **form.service_kwargs())
        return _("%(name)s is registered: %(status)s.") % {
            "name": registration.name,
            "status": registration.get_status_display(),
        }


class CapacityView(FormView):
    page_title = gettext_lazy("Change capacity")

    def get_form(self, data=None):
        return CapacityForm(data, initial={"capacity": self.event.capacity})

    def get_intro(self):
        stats = event_stats(self.event)
        return _("Now: %(capacity)d seats, %(taken)d taken, %(waiting)d registrations on the waitlist.") % {
            "capacity": stats.capacity,
            "taken": stats.seats_taken,
            "waiting": stats.waitlisted,
        }

    def act(self, form):
        event = services.change_capacity(self.event.pk, form.cleaned_data["capacity"], by=self.request.user)
        return _("The capacity is now %(capacity)d.") % {"capacity": event.capacity}


class CancelEventView(FormView):
    page_title = gettext_lazy("Cancel event")
    submit_label = gettext_lazy("Cancel the event")
    intro = gettext_lazy(
        "Every registration is cancelled and every registrant told. Nothing is deleted; this cannot "
        "be undone."
    )

    def get_form(self, data=None):
        return CancelEventForm(data)

    def act(self, form):
        services.cancel_event(self.event.pk, by=self.request.user, reason=form.cleaned_data["reason"])
        return _("“%(event)s” is cancelled.") % {"event": self.event.title}


class ExportView(EventObjectMixin, View):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        return registrations_response(request, self.event)


urlpatterns = [
    path("<int:pk>/registrations/", RegistrationsView.as_view(), name="registrations"),
    path("<int:pk>/registrations/add/", AddByHandView.as_view(), name="add_registration"),
    path(
        "<int:pk>/registrations/<int:registration_id>/approve/",
        RegistrationActionView.as_view(action="approve"),
        name="approve",
    ),
    path(
        "<int:pk>/registrations/<int:registration_id>/reject/",
        RegistrationActionView.as_view(action="reject"),
        name="reject",
    ),
    path(
        "<int:pk>/registrations/<int:registration_id>/cancel/",
        RegistrationActionView.as_view(action="cancel"),
        name="cancel_registration",
    ),
    path("<int:pk>/capacity/", CapacityView.as_view(), name="capacity"),
    path("<int:pk>/cancel/", CancelEventView.as_view(), name="cancel_event"),
    path("<int:pk>/export/", ExportView.as_view(), name="export"),
]
