"""Opportunities with their roles (岗位) and shifts, and each shift's roster.

The opportunity is edited with Wagtail's generic views (``OpportunityViewSet``); its roles and
shifts on one screen ("Roles and shifts") with small forms. The roster lists a shift's sign-ups
(status, check-in and check-out times) and decides requested ones and assigns volunteers through
``volunteers.services`` (``decide_signup``, ``assign``). Nothing is deleted: an opportunity is
cancelled by its status, a sign-up is rejected.
"""

from django import forms
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.admin.widgets.button import Button, HeaderButton

from cms.admin.views import ServiceFormMixin
from events.selectors import managed_events
from volunteers import services
from volunteers.admin.base import ActionView, ObjectScreen, url
from volunteers.admin.models import ScopedEditView, ScopedIndexView, ScopedModelViewSet, UnitForm
from volunteers.admin.permissions import opportunity_policy, role_policy, shift_policy, team_policy
from volunteers.admin.profiles import find_approved
from volunteers.models import (
    Opportunity,
    OpportunityStatus,
    Role,
    Shift,
    ShiftSignup,
    SignupStatus,
)

HOLDING = [SignupStatus.REQUESTED, SignupStatus.CONFIRMED]


class OpportunityForm(UnitForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.fields.get("event")
        if event is not None and self.for_user is not None:
            event.queryset = managed_events(self.for_user).order_by("-registration_opens_at", "pk")


class OpportunityIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(shift_count=Count("roles__shifts"))

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            MenuItem(_("Roles and shifts"), url("shifts", instance.pk), icon_name="time", priority=1),
        ]


class OpportunityEditView(ScopedEditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(Button(_("Roles and shifts"), url=url("shifts", self.object.pk), icon_name="time"))
        return buttons


class OpportunityViewSet(ScopedModelViewSet):
    model = Opportunity
    name = "volunteer-opportunities"
    url_namespace = "volunteer_opportunities"
    icon = "calendar-alt"
    menu_label = gettext_lazy("Opportunities")
    index_view_class = OpportunityIndexView
    edit_view_class = OpportunityEditView
    base_form_class = OpportunityForm
    list_filter = ["status"]
    search_fields = ["title", "description"]
    ordering = ["-created_at", "pk"]
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("org_unit"),
        FieldPanel("service_object"),
        FieldPanel("responsible_person"),
        FieldPanel("event"),
        FieldPanel("page"),
        FieldPanel("status"),
    ]

    @property
    def list_display(self):
        return [
            "title",
            Column("org_unit", label=gettext_lazy("Organizer"), accessor="org_unit.name"),
            "status",
            Column("shift_count", label=gettext_lazy("Shifts")),
            "created_at",
        ]


# --- roles and shifts --------------------------------------------------------------------------


class OpportunityMixin:
    permission_policy = opportunity_policy
    parent_label = gettext_lazy("Opportunities")

    def get_queryset(self):
        return Opportunity.objects.select_related("org_unit")

    def get_parent(self):
        return url("shifts", self.opportunity.pk), self.opportunity.title

    @property
    def opportunity(self):
        return self.object


class ShiftsView(OpportunityMixin, ObjectScreen):
    """The opportunity's roles, each with its shifts and their places taken."""

    template_name = "volunteers/admin/shifts.html"
    page_title = gettext_lazy("Roles and shifts")

    def get_parent(self):
        return reverse(f"{OpportunityViewSet.url_namespace}:index"), self.parent_label

    @property
    def header_buttons(self):
        return [
            HeaderButton(_("Add a role"), url=url("add_role", self.object.pk), icon_name="plus"),
            HeaderButton(
                _("Edit opportunity"),
                url=reverse(f"{OpportunityViewSet.url_namespace}:edit", args=[self.object.pk]),
                icon_name="edit",
            ),
        ]

    def get(self, request, *args, **kwargs):
        shifts = Shift.objects.annotate(
            confirmed=Count("signups", filter=Q(signups__status=SignupStatus.CONFIRMED)),
            requested=Count("signups", filter=Q(signups__status=SignupStatus.REQUESTED)),
        ).order_by("starts_at", "pk")
        roles = self.object.roles.prefetch_related(Prefetch("shifts", queryset=shifts)).order_by("pk")
        return self.render(opportunity=self.object, roles=roles, published=OpportunityStatus.PUBLISHED)


class RoleForm(forms.ModelForm):
    class Meta:
        model = Role
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ShiftForm(forms.ModelForm):
    class Meta:
        model = Shift
        fields = [
            "starts_at",
            "ends_at",
            "place",
            "min_count",
            "max_count",
            "signup_flow",
            "signup_deadline",
            "required_skills",
            "required_team",
        ]
        widgets = {
            "starts_at": AdminDateTimeInput,
            "ends_at": AdminDateTimeInput,
            "signup_deadline": AdminDateTimeInput,
            "required_skills": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["required_team"].queryset = team_policy.instances_user_has_any_permission_for(
            user, ["view"]
        ).order_by("name")

    def clean(self):
        cleaned_data = super().clean()
        starts, deadline = cleaned_data.get("starts_at"), cleaned_data.get("signup_deadline")
        if starts and deadline and deadline > starts:
            self.add_error("signup_deadline", _("The sign-up deadline cannot be after the shift starts."))
        return cleaned_data


class RowFormView(ServiceFormMixin, ObjectScreen):
    """Create or edit a role or a shift with a model form (content, not a state change)."""

    form_class = None
    message = ""

    def get_instance(self):
        raise NotImplementedError

    def get_form(self, data=None):
        kwargs = {"user": self.request.user} if self.form_class is ShiftForm else {}
        return self.form_class(data, instance=self.get_instance(), **kwargs)

    def act(self, form):
        form.save()
        return self.message % {"name": str(form.instance)}

    def get_success_url(self):
        return url("shifts", self.opportunity.pk)


class AddRoleView(OpportunityMixin, RowFormView):
    page_title = gettext_lazy("Add a role")
    form_class = RoleForm
    message = gettext_lazy("Role “%(name)s” added.")
    intro = gettext_lazy("A post within the opportunity, e.g. 签到引导 or 亲子阅读讲师; shifts come next.")

    def get_instance(self):
        return Role(opportunity=self.object)


class RoleMixin(OpportunityMixin):
    permission_policy = role_policy

    def get_queryset(self):
        return Role.objects.select_related("opportunity__org_unit")

    @property
    def opportunity(self):
        return self.object.opportunity


class EditRoleView(RoleMixin, RowFormView):
    page_title = gettext_lazy("Edit role")
    form_class = RoleForm
    message = gettext_lazy("Role “%(name)s” saved.")

    def get_instance(self):
        return self.get_queryset().get(pk=self.object.pk)


class AddShiftView(RoleMixin, RowFormView):
    page_title = gettext_lazy("Add a shift")
    form_class = ShiftForm
    message = gettext_lazy("Shift “%(name)s” added.")

    def get_instance(self):
        return Shift(role=self.object)


class ShiftMixin(OpportunityMixin):
    permission_policy = shift_policy

    def get_queryset(self):
        return Shift.objects.select_related("role__opportunity__org_unit", "required_team")

    @property
    def opportunity(self):
        return self.object.role.opportunity


class EditShiftView(ShiftMixin, RowFormView):
    page_title = gettext_lazy("Edit shift")
    form_class = ShiftForm
    message = gettext_lazy("Shift “%(name)s” saved.")
    intro = gettext_lazy("Volunteers already signed up keep their places; tell them about any change.")

    def get_instance(self):
        return self.get_queryset().get(pk=self.object.pk)


# --- the roster ----------------------------------------------------------------------------------


class RosterView(ShiftMixin, ObjectScreen):
    template_name = "volunteers/admin/roster.html"
    page_title = gettext_lazy("Roster")

    @property
    def header_buttons(self):
        return [
            HeaderButton(_("Attendance"), url=url("attendance", self.object.pk), icon_name="tick"),
            HeaderButton(_("Edit shift"), url=url("edit_shift", self.object.pk), icon_name="edit"),
        ]

    def get(self, request, *args, **kwargs):
        shift = self.object
        signups = (
            shift.signups.select_related("volunteer", "record", "decided_by")
            .order_by("created_at", "pk")
            .all()
        )
        query = request.GET.get("q", "").strip()[:60]
        return self.render(
            shift=shift,
            signups=signups,
            taken=sum(1 for signup in signups if signup.status in HOLDING),
            statuses=SignupStatus,
            query=query,
            candidates=find_approved(request.user, query) if query else None,
            next_url=request.get_full_path(),
        )


class SignupActionView(ShiftMixin, ActionView):
    """Approve or reject a requested sign-up, or assign a volunteer, through the services."""

    action = None

    def act(self):
        by, shift = self.request.user, self.object
        if self.action == "assign":
            signup = services.assign(self.request.POST.get("volunteer_id", ""), shift.pk, by=by)
            return _("%(name)s is assigned.") % {"name": signup.volunteer.real_name}
        signup = get_object_or_404(ShiftSignup, pk=self.kwargs["signup_id"], shift=shift)
        signup = services.decide_signup(signup.pk, by=by, approve=self.action == "approve")
        if signup.status == SignupStatus.CONFIRMED:
            return _("%(name)s is confirmed.") % {"name": signup.volunteer.real_name}
        return _("%(name)s is rejected.") % {"name": signup.volunteer.real_name}

    def get_success_url(self):
        return url("roster", self.object.pk)


urlpatterns = [
    path("opportunities/<int:pk>/shifts/", ShiftsView.as_view(), name="shifts"),
    path("opportunities/<int:pk>/roles/add/", AddRoleView.as_view(), name="add_role"),
    path("roles/<int:pk>/", EditRoleView.as_view(), name="edit_role"),
    path("roles/<int:pk>/shifts/add/", AddShiftView.as_view(), name="add_shift"),
    path("shifts/<int:pk>/", EditShiftView.as_view(), name="edit_shift"),
    path("shifts/<int:pk>/roster/", RosterView.as_view(), name="roster"),
    path("shifts/<int:pk>/assign/", SignupActionView.as_view(action="assign"), name="assign"),
    path(
        "shifts/<int:pk>/signups/<int:signup_id>/approve/",
        SignupActionView.as_view(action="approve"),
        name="approve_signup",
    ),
    path(
        "shifts/<int:pk>/signups/<int:signup_id>/reject/",
        SignupActionView.as_view(action="reject"),
        name="reject_signup",
    ),
]
