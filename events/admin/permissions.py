"""Who may do what with events in the admin.

Two things must both hold, so that neither alone gives access:

- the Django permission for the action (``events.add_event``, ``change_event``,
  ``delete_event``), which organizers get from the "Organizers" group together with
  ``wagtailadmin.access_admin``;
- the unit rule: a person manages the events of the units they organize (``UnitOrganizer``)
  and of every unit below them. Superusers manage everything.

Registrations, check-in, statistics and the export of an event need ``change`` on it.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from events.selectors import can_manage_event, managed_events
from home.models.org_units import PATH_STEP
from home.permissions import is_organizer


class EventPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the events of the units the user organizes."""

    def user_has_permission(self, user, action):
        return super().user_has_permission(user, action) and is_organizer(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_manage_event(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and can_manage_event(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return managed_events(user, self.model._default_manager.all())

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        return users.filter(Q(is_superuser=True) | Q(organizer_roles__isnull=False)).distinct()

    def users_with_any_permission_for_instance(self, actions, instance):
        path = instance.organizer.path
        above_or_same = [path[:end] for end in range(PATH_STEP, len(path) + 1, PATH_STEP)]
        users = super().users_with_any_permission(actions)
        return (
            users.filter(Q(is_superuser=True) | Q(organizer_roles__org_unit__path__in=above_or_same))
            .distinct()
            .order_by(get_user_model().USERNAME_FIELD)
        )


event_permission_policy = EventPermissionPolicy("events.Event")
