"""Volunteers in the Wagtail admin: the organizers' tools (see ``volunteers/admin/``)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from volunteers.admin import permissions
from volunteers.models import Opportunity, ServiceRecord, Shift, Team, Volunteer

# Before anything asks Wagtail for these models' policies (which would create fallback ones).
register_permission_policy(Volunteer, permissions.volunteer_policy)
register_permission_policy(Team, permissions.team_policy)
register_permission_policy(Opportunity, permissions.opportunity_policy)
register_permission_policy(Shift, permissions.shift_policy)
register_permission_policy(ServiceRecord, permissions.record_policy)


@hooks.register("register_admin_viewset")
def register_volunteer_viewsets():
    from volunteers.admin.viewsets import VolunteersMenu

    return VolunteersMenu()
