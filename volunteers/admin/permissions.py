"""Who may do what with volunteers in the admin: the organizer's role is the permission.

Organizers (``home.models.UnitOrganizer``) see and act on the volunteers, teams, opportunities,
shifts and service records of the units they manage (their unit and every unit below it);
superusers on everything. No Django model permission is needed (the "Organizers" group gives
admin access), and nothing can be deleted: "delete" is refused to everyone.

Seeing and exporting full ID numbers needs, in addition, the Django permission
``volunteers.view_full_id_number`` (superusers have it).
"""

from cms.admin.permissions import OrganizerPermissionPolicy

FULL_ID_PERMISSION = "volunteers.view_full_id_number"
VIEW_AND_CHANGE = ("view", "change")

volunteer_policy = OrganizerPermissionPolicy("volunteers.Volunteer", "org_unit", VIEW_AND_CHANGE)
team_policy = OrganizerPermissionPolicy("volunteers.Team", "org_unit")
opportunity_policy = OrganizerPermissionPolicy("volunteers.Opportunity", "org_unit")
shift_policy = OrganizerPermissionPolicy("volunteers.Shift", "role__opportunity__org_unit", VIEW_AND_CHANGE)
record_policy = OrganizerPermissionPolicy("volunteers.ServiceRecord", "organization", VIEW_AND_CHANGE)


def sees_full_id_numbers(user):
    return user.has_perm(FULL_ID_PERMISSION)


correction_policy = OrganizerPermissionPolicy(
    "volunteers.CorrectionRequest", "record__organization", VIEW_AND_CHANGE
)
role_policy = OrganizerPermissionPolicy("volunteers.Role", "opportunity__org_unit", VIEW_AND_CHANGE)
