"""The unit rule as a Wagtail permission policy.

A person manages the rows of the units they organize (``UnitOrganizer``) and of every unit below
them; superusers manage everything (``home.permissions``). ``unit_field`` names the row's
``OrgUnit`` relation (``"organizer"``, ``"org_unit"``, ``"organization"``...).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from home.models.org_units import PATH_STEP
from home.permissions import is_organizer, managed_filter, manages_unit


class UnitPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the rows of the units the user organizes.

    ``user_has_permission`` decides the action; each row is then checked against the unit rule.
    """

    unit_field = "org_unit"

    def __init__(self, model, unit_field=None, **kwargs):
        super().__init__(model, **kwargs)
        if unit_field:
            self.unit_field = unit_field

    def unit_of(self, instance):
        unit = instance
        for name in self.unit_field.split("__"):
            unit = getattr(unit, name)
        return unit

    def user_has_permission(self, user, action):
        return super().user_has_permission(user, action) and is_organizer(user)

    def manages(self, user, instance):
        return bool(user is not None and user.is_authenticated and manages_unit(user, self.unit_of(instance)))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self.manages(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self.manages(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(managed_filter(user, self.unit_field))

    def _candidates(self, actions):
        """The users whom the action itself allows, before the unit rule."""
        return super().users_with_any_permission(actions)

    def users_with_any_permission(self, actions):
        users = self._candidates(actions)
        return users.filter(Q(is_superuser=True) | Q(organizer_roles__isnull=False)).distinct()

    def users_with_any_permission_for_instance(self, actions, instance):
        path = self.unit_of(instance).path
        above_or_same = [path[:end] for end in range(PATH_STEP, len(path) + 1, PATH_STEP)]
        return (
            self._candidates(actions)
            .filter(Q(is_superuser=True) | Q(organizer_roles__org_unit__path__in=above_or_same))
            .distinct()
            .order_by(get_user_model().USERNAME_FIELD)
        )


class OrganizerPermissionPolicy(UnitPermissionPolicy):
    """The organizer's role is the permission: any active organizer may do ``actions`` (superusers
    too), on the rows of the units they manage; no Django model permission is needed.

    For screens whose every change goes through a service that checks the unit rule again.
    Actions outside ``actions`` (e.g. ``delete``) are refused to everyone, superusers included.
    """

    actions = frozenset({"add", "change", "view"})

    def __init__(self, model, unit_field=None, actions=None, **kwargs):
        super().__init__(model, unit_field, **kwargs)
        if actions is not None:
            self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and user.is_active and is_organizer(user)

    def _candidates(self, actions):
        if not set(actions) & self.actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True)
