"""The events in the admin: listing with filters, create/edit/delete with the model's panels,
copy and weekly series, and the per-event screens (registrations, check-in, export)."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.deletion import ProtectedError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from cms.admin.views import InstancePermissionMixin
from cms.errors import ServiceError
from events.admin import checkin, registrations
from events.admin.base import URL_NAMESPACE, EventAdminView, url
from events.admin.permissions import event_permission_policy
from events.forms import CopyEventForm, EventAdminForm, WeeklySeriesForm, add_problems, default_series_initial
from events.models import Event, EventKind, EventSession, EventStatus
from events.selectors import seats_taken, with_availability
from events.services import add_weekly_sessions, copy_event
from home.models import OrgUnit
from home.permissions import managed_units


def _managed_units(request):
    if request is None:
        return OrgUnit.objects.none()
    return managed_units(request.user).order_by("path")


class EventFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=EventStatus.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind"),
        choices=EventKind.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    when = django_filters.ChoiceFilter(
        label=gettext_lazy("When"),
        choices=[("upcoming", gettext_lazy("Upcoming")), ("past", gettext_lazy("Past"))],
        empty_label=gettext_lazy("All"),
        method="filter_when",
        widget=forms.RadioSelect,
    )
    organizer = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Organizer unit"),
        queryset=_managed_units,
        method="filter_organizer",
        help_text=gettext_lazy("The unit and every unit below it."),
    )

    class Meta:
        model = Event
        fields = []

    def filter_when(self, queryset, name, value):
        """Upcoming: a session has not ended yet. Past: every session has ended."""
        not_over = Exists(EventSession.objects.filter(event=OuterRef("pk"), ends_at__gte=timezone.now()))
        if value == "upcoming":
            return queryset.filter(not_over)
        if value == "past":
            return queryset.filter(~not_over)
        return queryset

    def filter_organizer(self, queryset, name, value):
        return queryset.filter(organizer__path__startswith=value.path) if value else queryset


def _seats(event):
    return f"{seats_taken(event)} / {event.capacity}"


def _first_session(event):
    starts = getattr(event, "first_session_at", None)
    return timezone.localtime(starts).strftime("%Y-%m-%d %H:%M") if starts else ""


class EventIndexView(generic.IndexView):
    """Only the events the person manages; each row links to its registrations and check-in."""

    def get_base_queryset(self):
        events = event_permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["add", "change", "delete"]
        )
        first_session = EventSession.objects.filter(event=OuterRef("pk")).order_by("starts_at", "pk")
        return with_availability(events.select_related("organizer")).annotate(
            first_session_at=Subquery(first_session.values("starts_at")[:1])
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            buttons += [
                MenuItem(
                    _("Registrations"), url("registrations", instance.pk), icon_name="list-ul", priority=1
                ),
                MenuItem(_("Check-in"), url("check_in", instance.pk), icon_name="tick", priority=2),
                MenuItem(_("Export to Excel"), url("export", instance.pk), icon_name="download", priority=3),
                MenuItem(_("Weekly series"), url("series", instance.pk), icon_name="repeat", priority=25),
            ]
        return buttons


class EventEditView(InstancePermissionMixin, generic.EditView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            # A check-in arrived between validation and saving: refuse, never a 500.
            form.add_error(None, _("A session that has check-ins cannot be removed."))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        pk = self.object.pk
        buttons += [
            Button(_("Registrations"), url=url("registrations", pk), icon_name="list-ul", priority=1),
            Button(_("Check-in"), url=url("check_in", pk), icon_name="tick", priority=2),
            Button(_("Export to Excel"), url=url("export", pk), icon_name="download", priority=3),
            Button(_("Weekly series"), url=url("series", pk), icon_name="repeat", priority=15),
        ]
        return buttons


class EventHistoryView(InstancePermissionMixin, generic.history.HistoryView):
    pass


class EventUsageView(InstancePermissionMixin, generic.usage.UsageView):
    pass


class EventDeleteView(InstancePermissionMixin, generic.DeleteView):
    """Deleting is for mistakes: an event with registrations is kept (cancel it instead)."""

    instance_permission = "delete"

    def registration_count(self):
        return self.object.registrations.count()

    def dispatch(self, request, *args, **kwargs):
        count = self.registration_count()
        if count:
            messages.error(
                request,
                ngettext(
                    "“%(event)s” has %(count)d registration and cannot be deleted; cancel the event instead.",
                    "“%(event)s” has %(count)d registrations and cannot be deleted; cancel the event "
                    "instead.",
                    count,
                )
                % {"event": self.object, "count": count},
            )
            return redirect(url("registrations", self.object.pk))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            # A registration arrived since the page was shown: PROTECT refused, nothing was deleted.
            messages.error(
                self.request, _("“%(event)s” is still in use and cannot be deleted.") % {"event": self.object}
            )
            return redirect(url("edit", self.object.pk))


class EventCopyView(EventAdminView):
    """A draft copy with its sessions and questions, the dates moved by N days."""

    permission_required = "add"
    template_name = "events/admin/form.html"
    page_title = gettext_lazy("Copy event")

    def get(self, request, *args, **kwargs):
        form = CopyEventForm(initial={"title": _("%(title)s (copy)") % {"title": self.event.title}})
        return self.render(form)

    def post(self, request, *args, **kwargs):
        form = CopyEventForm(request.POST)
        if form.is_valid():
            try:
                copy = copy_event(
                    self.event.pk, by=request.user, title=form.cleaned_data["title"], shift=form.shift
                )
            except ServiceError as error:
                add_problems(form, error)
            else:
                messages.success(
                    request,
                    _("Copied as draft “%(title)s”. Check its dates, then publish it.")
                    % {"title": copy.title},
                )
                return redirect(url("edit", copy.pk))
        return self.render(form)

    def render(self, form):
        context = self.get_context_data(
            form=form,
            action=self.request.path,
            intro=_(
                "The copy is a draft with the same sessions and questions, its dates moved; "
                "registrations stay with the original."
            ),
            submit_label=_("Copy"),
            cancel_url=url("edit", self.event.pk),
        )
        return TemplateResponse(self.request, self.template_name, context)


class WeeklySeriesView(EventAdminView):
    """Sessions every week (or every N weeks) from a first session, e.g. every Saturday, 8 times."""

    template_name = "events/admin/series.html"
    page_title = gettext_lazy("Weekly series")

    def get(self, request, *args, **kwargs):
        return self.render(WeeklySeriesForm(initial=default_series_initial(self.event)))

    def post(self, request, *args, **kwargs):
        form = WeeklySeriesForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                created = add_weekly_sessions(
                    self.event.pk,
                    by=request.user,
                    first_starts_at=data["first_starts_at"],
                    duration=form.duration,
                    count=data["count"],
                    every_weeks=data["every_weeks"],
                    title=data["title"],
                )
            except ServiceError as error:
                add_problems(form, error)
            else:
                messages.success(
                    request,
                    ngettext("%(count)d session added.", "%(count)d sessions added.", len(created))
                    % {"count": len(created)},
                )
                return redirect(url("edit", self.event.pk))
        return self.render(form)

    def render(self, form):
        context = self.get_context_data(
            form=form,
            sessions=self.event.sessions.order_by("starts_at", "pk"),
            action=self.request.path,
            submit_label=_("Add sessions"),
            cancel_url=url("edit", self.event.pk),
        )
        return TemplateResponse(self.request, self.template_name, context)


class EventViewSet(ModelViewSet):
    model = Event
    name = "events"  # /admin/events/
    url_namespace = URL_NAMESPACE  # "events" is the public calendar URLs' namespace
    icon = "date"
    menu_label = gettext_lazy("Events and registrations")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = EventIndexView
    edit_view_class = EventEditView
    delete_view_class = EventDeleteView
    history_view_class = EventHistoryView
    usage_view_class = EventUsageView
    copy_view_enabled = True
    filterset_class = EventFilterSet
    search_fields = ["title", "summary", "organizer__name"]
    search_backend_name = None  # icontains: finds 茶艺 inside 茶艺班 without segmentation
    ordering = ["-registration_opens_at", "pk"]
    list_per_page = 30

    @property
    def list_display(self):
        return [
            "title",
            "kind",
            "status",
            Column("organizer", label=gettext_lazy("Organizer"), accessor="organizer.label"),
            Column("first_session_at", label=gettext_lazy("First session"), accessor=_first_session),
            Column("seats", label=gettext_lazy("Seats taken / capacity"), accessor=_seats),
            TitleColumn(
                "registrations",
                label=gettext_lazy("Registrations"),
                accessor=lambda event: _("Registrations"),
                get_url=lambda event: url("registrations", event.pk),
            ),
        ]

    def get_edit_handler(self):
        return ObjectList(Event.panels, base_form_class=EventAdminForm).bind_to_model(Event)

    @property
    def copy_view(self):
        return EventCopyView.as_view()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/series/", WeeklySeriesView.as_view(), name="series"),
            *registrations.urlpatterns,
            *checkin.urlpatterns,
        ]
