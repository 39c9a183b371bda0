"""Teams: created and edited with Wagtail's generic views (``TeamViewSet``); per team, the
members with their role and joining date, and the join requests to accept or decline
(``services.decide_join_request``). Organizers add members, make leaders and end memberships
through the services too; nothing is deleted (an ended membership is "left")."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button, HeaderButton

from volunteers import services
from volunteers.admin.base import ActionView, ObjectScreen, url
from volunteers.admin.models import ScopedEditView, ScopedIndexView, ScopedModelViewSet
from volunteers.admin.permissions import team_policy
from volunteers.admin.profiles import find_approved
from volunteers.models import MembershipRole, MembershipStatus, Team, TeamMembership


class TeamIndexView(ScopedIndexView):
    def get_base_queryset(self):
        active = Q(memberships__status=MembershipStatus.ACTIVE)
        requested = Q(memberships__status=MembershipStatus.REQUESTED)
        return (
            super()
            .get_base_queryset()
            .annotate(
                members=Count("memberships", filter=active), requests=Count("memberships", filter=requested)
            )
        )

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            MenuItem(_("Members"), url("team_members", instance.pk), icon_name="group", priority=1),
        ]


class TeamEditView(ScopedEditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(Button(_("Members"), url=url("team_members", self.object.pk), icon_name="group"))
        return buttons


class TeamViewSet(ScopedModelViewSet):
    model = Team
    name = "volunteer-teams"
    url_namespace = "volunteer_teams"
    icon = "group"
    menu_label = gettext_lazy("Teams")
    index_view_class = TeamIndexView
    edit_view_class = TeamEditView
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    ordering = ["name"]
    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("org_unit"), FieldPanel("description")]

    @property
    def list_display(self):
        return [
            "name",
            "kind",
            Column("org_unit", label=gettext_lazy("Organization unit"), accessor="org_unit.name"),
            Column("members", label=gettext_lazy("Members")),
            Column("requests", label=gettext_lazy("Join requests")),
        ]


class TeamMixin:
    permission_policy = team_policy
    parent_label = gettext_lazy("Teams")

    def get_queryset(self):
        return Team.objects.select_related("org_unit")

    def get_parent(self):
        return reverse(f"{TeamViewSet.url_namespace}:index"), self.parent_label


class MembersView(TeamMixin, ObjectScreen):
    template_name = "volunteers/admin/members.html"
    page_title = gettext_lazy("Members")

    @property
    def header_buttons(self):
        edit = reverse(f"{TeamViewSet.url_namespace}:edit", args=[self.object.pk])
        return [HeaderButton(_("Edit team"), url=edit, icon_name="edit")]

    def get(self, request, *args, **kwargs):
        memberships = self.object.memberships.select_related("volunteer__org_unit", "decided_by").order_by(
            "-role", "joined_at", "pk"
        )
        query = request.GET.get("q", "").strip()[:60]
        return self.render(
            team=self.object,
            members=[m for m in memberships if m.status == MembershipStatus.ACTIVE],
            requests=[m for m in memberships if m.status == MembershipStatus.REQUESTED],
            former=[m for m in memberships if m.status in (MembershipStatus.LEFT, MembershipStatus.DECLINED)],
            roles=MembershipRole,
            query=query,
            candidates=find_approved(request.user, query) if query else None,
            next_url=request.get_full_path(),
        )


class MembershipActionView(TeamMixin, ActionView):
    """Accept or decline a join request, add a member, change a role, end a membership."""

    action = None

    def membership(self):
        return get_object_or_404(
            TeamMembership.objects.select_related("volunteer"),
            pk=self.kwargs["membership_id"],
            team=self.object,
        )

    def act(self):
        by, post = self.request.user, self.request.POST
        if self.action == "add":
            membership = services.add_team_member(
                self.object.pk,
                post.get("volunteer_id", ""),
                by=by,
                role=post.get("role", MembershipRole.MEMBER),
            )
            return _("%(name)s joined the team.") % {"name": membership.volunteer.real_name}
        membership = self.membership()
        name = membership.volunteer.real_name
        if self.action in ("accept", "decline"):
            services.decide_join_request(membership.pk, by=by, approve=self.action == "accept")
            if self.action == "accept":
                return _("%(name)s joined the team.") % {"name": name}
            return _("The request of %(name)s is declined.") % {"name": name}
        if self.action == "role":
            membership = services.set_member_role(membership.pk, by=by, role=post.get("role", ""))
            return _("%(name)s is now: %(role)s.") % {"name": name, "role": membership.get_role_display()}
        services.remove_team_member(membership.pk, by=by)
        return _("%(name)s has left the team.") % {"name": name}

    def get_success_url(self):
        return url("team_members", self.object.pk)


def _action(action, suffix):
    return path(
        f"teams/<int:pk>/members/<int:membership_id>/{suffix}/",
        MembershipActionView.as_view(action=action),
        name=f"{action}_membership",
    )


urlpatterns = [
    path("teams/<int:pk>/members/", MembersView.as_view(), name="team_members"),
    path("teams/<int:pk>/members/add/", MembershipActionView.as_view(action="add"), name="add_member"),
    _action("accept", "accept"),
    _action("decline", "decline"),
    _action("role", "role"),
    _action("remove", "remove"),
]
