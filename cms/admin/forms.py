"""Form helpers of the admin screens."""

from django import forms

from home.permissions import managed_units


def unit_label(unit):
    """A unit indented by its depth in the tree, e.g. "— — 菱溪社区"."""
    depth = max(0, len(unit.path) // 4 - 1)
    return "— " * depth + unit.name


def limit_to_managed_units(field, user):
    """Offer only the units ``user`` manages, as an indented list."""
    if field is None or user is None:
        return
    field.widget = forms.Select()
    field.queryset = managed_units(user).order_by("path")
    field.label_from_instance = unit_label
