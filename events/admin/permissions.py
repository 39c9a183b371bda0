"""Who may do what with events in the admin.

Two things must both hold, so that neither alone gives access:

- the Django permission for the action (``events.add_event``, ``change_event``,
  ``delete_event``), which organizers get from the "Organizers" group together with
  ``wagtailadmin.access_admin``;
- the unit rule: a person manages the events of the units they organize (``UnitOrganizer``)
  and of every unit below them. Superusers manage everything.

Registrations, check-in, statistics and the export of an event need ``change`` on it.
"""

from cms.admin.permissions import UnitPermissionPolicy


class EventPermissionPolicy(UnitPermissionPolicy):
    """Model permissions, narrowed to the events of the units the user organizes."""

    unit_field = "organizer"


event_permission_policy = EventPermissionPolicy("events.Event")
