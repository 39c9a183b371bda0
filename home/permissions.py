"""Who manages what: an organizer of a unit manages that unit and every unit below it."""

from django.db.models import Q

from home.models import OrgUnit


def managed_unit_paths(user):
    """Tree paths of the units ``user`` organizes; ``None`` means every unit (superusers)."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return None
    return list(user.organizer_roles.values_list("org_unit__path", flat=True))


def managed_filter(user, unit_field=None):
    """A ``Q`` selecting rows whose unit ``user`` manages.

    ``unit_field`` names the row's OrgUnit relation (e.g. ``"organizer"``); ``None`` filters
    OrgUnit rows themselves.
    """
    paths = managed_unit_paths(user)
    if paths is None:
        return Q()
    lookup = f"{unit_field}__path__startswith" if unit_field else "path__startswith"
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{lookup: path})
    return condition


def managed_units(user):
    return OrgUnit.objects.filter(managed_filter(user))


def manages_unit(user, unit):
    paths = managed_unit_paths(user)
    return paths is None or any(unit.path.startswith(path) for path in paths)


def is_organizer(user):
    paths = managed_unit_paths(user)
    return paths is None or bool(paths)
