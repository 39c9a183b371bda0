from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class OrgUnitLevel(models.TextChoices):
    CITY = "city", _("City")
    DISTRICT = "district", _("District")
    STREET = "street", _("Street / town")
    COMMUNITY = "community", _("Community / village")


LEVEL_ORDER = [choice.value for choice in OrgUnitLevel]
PATH_STEP = 4


class OrgUnit(index.Indexed, models.Model):
    """A women's federation unit: city, district (辖市区), street or town, community or village.

    The tree is stored as an adjacency list plus a materialised ``path`` (four characters per
    level), so "this unit and every unit below it" is one indexed ``path__startswith`` filter.
    """

    name = models.CharField(_("name"), max_length=100, help_text=_("For example 金坛区妇联 or 菱溪社区."))
    short_name = models.CharField(
        _("short name"), max_length=30, blank=True, help_text=_("Used in lists and filters, e.g. 金坛区.")
    )
    level = models.CharField(
        _("level"),
        max_length=16,
        choices=OrgUnitLevel.choices,
        help_text=_("Exactly one level below the parent unit."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The unit this one belongs to. Leave empty only for the city federation."),
    )
    path = models.CharField(_("tree path"), max_length=64, unique=True, editable=False)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0, help_text=_("Smaller comes first."))
    volunteer_id_required = models.BooleanField(
        _("volunteers give their ID number"),
        default=False,
        help_text=_("Applies to this unit and every unit below it. The number is stored encrypted."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("level"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
        FieldPanel("volunteer_id_required"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["path"]
        verbose_name = _("organization unit")
        verbose_name_plural = _("organization units")

    def __str__(self):
        return self.name

    @transaction.atomic
    def save(self, *args, **kwargs):
        old_path = self.path
        parent_path = self.parent.path if self.parent_id else ""
        if not old_path or old_path[:-PATH_STEP] != parent_path:
            self.path = self._next_child_path(parent_path)
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            self._move_descendants(old_path)

    @property
    def label(self):
        return self.short_name or self.name

    def clean(self):
        if self.parent_id is None:
            if self.level != OrgUnitLevel.CITY:
                raise ValidationError({"parent": _("Only the city federation has no parent unit.")})
            return
        if self.pk and self.parent.path.startswith(self.path or "\0"):
            raise ValidationError({"parent": _("A unit cannot be placed under itself or its own sub-unit.")})
        expected = LEVEL_ORDER.index(self.parent.level) + 1
        if expected >= len(LEVEL_ORDER) or LEVEL_ORDER.index(self.level) != expected:
            raise ValidationError({"level": _("A unit must be exactly one level below its parent unit.")})

    def _next_child_path(self, parent_path):
        siblings = OrgUnit.objects.filter(parent_id=self.parent_id)
        last = siblings.exclude(pk=self.pk).order_by("-path").values_list("path", flat=True).first()
        number = int(last[-PATH_STEP:], 36) + 1 if last else 1
        return parent_path + _base36(number).rjust(PATH_STEP, "0")

    def _move_descendants(self, old_path):
        for unit in OrgUnit.objects.filter(path__startswith=old_path).exclude(pk=self.pk).order_by("path"):
            OrgUnit.objects.filter(pk=unit.pk).update(path=self.path + unit.path[len(old_path) :])

    def descendants_and_self(self):
        return OrgUnit.objects.filter(path__startswith=self.path)

    def ancestors_and_self(self):
        return OrgUnit.objects.filter(
            path__in=[self.path[:end] for end in range(PATH_STEP, len(self.path) + 1, PATH_STEP)]
        )

    def requires_volunteer_id(self):
        """Whether this unit or a unit above it asks its volunteers for their ID number."""
        return self.ancestors_and_self().filter(volunteer_id_required=True).exists()

    def ancestor_at(self, level):
        """This unit's ancestor (or itself) at ``level``, e.g. the district of a community."""
        if self.level == level:
            return self
        depth = LEVEL_ORDER.index(level) + 1
        if len(self.path) < depth * PATH_STEP:
            return None
        return OrgUnit.objects.filter(path=self.path[: depth * PATH_STEP]).first()


def _base36(number):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while number:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text or "0"


# Created with its permissions by a migration of the events app; an organizer is in it while
# they organize at least one unit.
ORGANIZERS_GROUP = "Organizers"


class UnitOrganizer(models.Model):
    """A person who organizes for a unit: they manage the unit's events (and, later, volunteer
    shifts) and those of every unit below it. Superusers manage everything."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="organizer_roles",
    )
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("organization unit"),
        on_delete=models.CASCADE,
        related_name="organizers",
        help_text=_("The person manages this unit and every unit below it."),
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    panels = [FieldPanel("user"), FieldPanel("org_unit")]

    class Meta:
        verbose_name = _("unit organizer")
        verbose_name_plural = _("unit organizers")
        constraints = [models.UniqueConstraint(fields=["user", "org_unit"], name="unique_organizer_per_unit")]

    def __str__(self):
        return f"{self.user} · {self.org_unit}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.user.groups.add(Group.objects.get_or_create(name=ORGANIZERS_GROUP)[0])

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        if not self.user.organizer_roles.exists():
            self.user.groups.remove(*Group.objects.filter(name=ORGANIZERS_GROUP))
        return result
