"""The volunteers: the listing (search, status, unit), the approval queue, a volunteer's page,
approve and suspend (``volunteers.services``), and the Excel export."""

from django import forms
from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets.button import HeaderButton

from volunteers import services
from volunteers.admin.base import REASON_MAX_LENGTH, ActionView, FilterForm, ListScreen, ObjectScreen, url
from volunteers.admin.permissions import sees_full_id_numbers, volunteer_policy
from volunteers.exports import volunteers_response
from volunteers.identity import reveal_id_number
from volunteers.models import (
    MembershipStatus,
    RecordStatus,
    ServiceRecord,
    SignupStatus,
    Volunteer,
    VolunteerStatus,
)
from volunteers.selectors import total_hours

RECENT = 20
SEARCH_LIMIT = 20


def managed_volunteers(user):
    return volunteer_policy.instances_user_has_any_permission_for(user, ["view"]).select_related("org_unit")


def find_approved(user, query):
    """Approved volunteers to assign or add: of the managed units by name or phone, anyone's by
    their exact volunteer number."""
    query = query.strip()
    if not query:
        return Volunteer.objects.none()
    by_number = Volunteer.objects.filter(status=VolunteerStatus.APPROVED, number__iexact=query)
    managed = managed_volunteers(user).filter(
        Q(real_name__icontains=query) | Q(phone__icontains=query), status=VolunteerStatus.APPROVED
    )
    return (by_number | managed).select_related("org_unit").order_by("real_name", "pk")[:SEARCH_LIMIT]


class VolunteerFilterForm(FilterForm):
    search_placeholder = gettext_lazy("Name, phone or volunteer number")
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("All statuses")), *VolunteerStatus.choices],
    )

    def filter(self, volunteers):
        if not self.is_valid():
            return volunteers
        query = self.query()
        if query:
            volunteers = volunteers.filter(
                Q(real_name__icontains=query) | Q(phone__icontains=query) | Q(number__iexact=query)
            )
        if self.cleaned_data["status"]:
            volunteers = volunteers.filter(status=self.cleaned_data["status"])
        return self.filter_unit(volunteers)


class VolunteerListView(ListScreen):
    template_name = "volunteers/admin/volunteers.html"
    page_title = gettext_lazy("Volunteers")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    @property
    def header_buttons(self):
        export = url("export_volunteers")
        if self.request.GET:
            export += "?" + self.request.GET.urlencode()
        return [
            HeaderButton(_("Applications"), url=url("applications"), icon_name="tasks"),
            HeaderButton(_("Export to Excel"), url=export, icon_name="download"),
        ]

    def get(self, request, *args, **kwargs):
        filters = VolunteerFilterForm(request.GET or None, user=request.user)
        volunteers = filters.filter(managed_volunteers(request.user)).order_by("real_name", "pk")
        return self.render_page(volunteers, filters=filters)


class ApplicationsView(ListScreen):
    """The approval queue: applications of the units the organizer manages, oldest first."""

    template_name = "volunteers/admin/applications.html"
    page_title = gettext_lazy("Applications")

    def get(self, request, *args, **kwargs):
        applications = (
            managed_volunteers(request.user)
            .filter(status=VolunteerStatus.APPLIED)
            .prefetch_related("skills")
            .order_by("applied_at", "pk")
        )
        return self.render_page(applications)


class VolunteerView(ObjectScreen):
    """One volunteer: the profile, teams, hours and recent service; approve or suspend."""

    permission_policy = volunteer_policy
    permission_required = "view"
    template_name = "volunteers/admin/volunteer.html"
    page_title = gettext_lazy("Volunteer")

    def get_queryset(self):
        return Volunteer.objects.select_related("org_unit", "approved_by", "user")

    def get(self, request, *args, **kwargs):
        volunteer = self.object
        full_id = reveal_id_number(volunteer) if sees_full_id_numbers(request.user) else ""
        return self.render(
            volunteer=volunteer,
            id_number=full_id or volunteer.id_number_masked,
            skills=volunteer.skills.all(),
            memberships=volunteer.memberships.select_related("team").filter(
                status__in=[MembershipStatus.ACTIVE, MembershipStatus.REQUESTED]
            ),
            hours=total_hours(volunteer),
            pending_records=volunteer.records.filter(status=RecordStatus.PENDING).count(),
            records=ServiceRecord.objects.filter(volunteer=volunteer).select_related("organization")[:RECENT],
            signups=volunteer.signups.select_related("shift__role__opportunity")
            .filter(status__in=[SignupStatus.REQUESTED, SignupStatus.CONFIRMED])
            .order_by("-shift__starts_at")[:RECENT],
            statuses=VolunteerStatus,
            next_url=request.get_full_path(),
            reason_max_length=REASON_MAX_LENGTH,
        )


class VolunteerActionView(ActionView):
    """Approve or suspend (with a reason) through the services."""

    permission_policy = volunteer_policy
    action = None

    def act(self):
        volunteer = self.object
        if self.action == "approve":
            volunteer = services.approve_volunteer(volunteer.pk, by=self.request.user)
            return _("%(name)s is approved, volunteer number %(number)s.") % {
                "name": volunteer.real_name,
                "number": volunteer.number,
            }
        services.suspend_volunteer(volunteer.pk, by=self.request.user, reason=self.request.POST.get("reason"))
        return _("%(name)s is suspended.") % {"name": volunteer.real_name}

    def get_success_url(self):
        return url("volunteer", self.object.pk)


class ExportVolunteersView(ListScreen):
    """The listing's volunteers (same filters) as Excel; full ID numbers only with the permission."""

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        filters = VolunteerFilterForm(request.GET or None, user=request.user)
        volunteers = filters.filter(managed_volunteers(request.user))
        volunteers = volunteers.order_by("org_unit__path", "real_name", "pk")
        return volunteers_response(request, volunteers, full_ids=sees_full_id_numbers(request.user))


urlpatterns = [
    path("", VolunteerListView.as_view(), name="index"),
    path("applications/", ApplicationsView.as_view(), name="applications"),
    path("export/", ExportVolunteersView.as_view(), name="export_volunteers"),
    path("<int:pk>/", VolunteerView.as_view(), name="volunteer"),
    path("<int:pk>/approve/", VolunteerActionView.as_view(action="approve"), name="approve_volunteer"),
    path("<int:pk>/suspend/", VolunteerActionView.as_view(action="suspend"), name="suspend_volunteer"),
]
