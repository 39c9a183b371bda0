from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from home.search import SegmentedSearchMixin, segmented_search_fields


class VenueKind(models.TextChoices):
    CLASS_SITE = "class_site", _("Class site (分课堂点)")
    WOMENS_HOME = "womens_home", _('Women\'s micro-home ("妇女微家")')
    FAMILY_HOME = "family_home", _("Women and children's home (妇女儿童之家)")
    SERVICE_CENTRE = "service_centre", _("Service centre (服务中心)")
    BASE = "base", _("Base (基地)")


class Venue(SegmentedSearchMixin, index.Indexed, models.Model):
    """A place where classes and events happen: a class site, a 妇女微家, a service centre."""

    name = models.CharField(_("name"), max_length=120, help_text=_("The venue's public name."))
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=VenueKind.choices,
        default=VenueKind.CLASS_SITE,
        help_text=_("What kind of place it is; used in filters."),
    )
    org_unit = models.ForeignKey(
        "home.OrgUnit",
        verbose_name=_("organization unit"),
        on_delete=models.PROTECT,
        related_name="venues",
        help_text=_("The federation unit that runs this venue; its district is used in filters."),
    )
    address = models.CharField(
        _("address"), max_length=200, help_text=_("Street address, as a visitor would search it.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Optional, for maps (GCJ-02)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Optional, for maps (GCJ-02)."),
    )
    opening_hours = models.CharField(
        _("opening hours"), max_length=200, blank=True, help_text=_("e.g. 周一至周五 9:00–17:00.")
    )
    contact_name = models.CharField(
        _("contact person"), max_length=50, blank=True, help_text=_("Who visitors can ask for, e.g. 王老师.")
    )
    contact_phone = models.CharField(
        _("contact phone"),
        max_length=30,
        blank=True,
        help_text=_("The venue's public phone number, shown to visitors."),
    )
    description = models.TextField(_("description"), blank=True, help_text=_("A few sentences for visitors."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        help_text=_("A photo of the venue; optional."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("org_unit")]),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Coordinates")),
        FieldPanel("opening_hours"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_phone")], heading=_("Contact")),
        FieldPanel("description"),
        FieldPanel("image"),
    ]
    search_title_fields = ("name",)
    search_body_fields = ("address", "description", "get_kind_display")
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), *segmented_search_fields()]

    class Meta:
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return self.name
