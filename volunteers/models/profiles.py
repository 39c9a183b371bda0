from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Skill(models.Model):
    """A skill from the taxonomy (法律, 心理咨询, 调解, 家政, 宣讲, 摄影, 医护, 教育...)."""

    name = models.CharField(_("name"), max_length=30, unique=True, help_text=_("e.g. 心理咨询."))
    slug = models.SlugField(_("slug"), max_length=40, unique=True, help_text=_("Used in filters."))
    sort_order = models.PositiveIntegerField(_("sort order"), default=0, help_text=_("Smaller comes first."))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self):
        return self.name


class VolunteerStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Approved")
    SUSPENDED = "suspended", _("Suspended")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    UNDISCLOSED = "undisclosed", _("Prefer not to say")


class Volunteer(models.Model):
    """A person's volunteer profile, linked to their account.

    The ID number is stored encrypted (``id_number_encrypted``), found by a keyed hash
    (``id_number_hash``, unique: one ID is one volunteer) and shown masked
    (``id_number_masked``, e.g. 3204**********1234); see volunteers/identity.py.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        related_name="volunteer",
    )
    real_name = models.CharField(_("real name"), max_length=40, help_text=_("As on the ID card."))
    gender = models.CharField(_("gender"), max_length=12, choices=Gender.choices, default=Gender.UNDISCLOSED)
    birth_date = models.DateField(
        _("birth date"), help_text=_("Volunteers are 18 or older, or 14 to 17 with a guardian's consent.")
    )
    phone = models.CharField(
        _("phone"), max_length=30, help_text=_("Shown only to the volunteer and their organizers.")
    )
    id_number_encrypted = models.TextField(_("ID number (encrypted)"), blank=True, editable=False)
    id_number_hash = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    id_number_masked = models.CharField(_("ID number"), max_length=32, blank=True, editable=False)
    org_unit = models.ForeignKey(
        "home.OrgUnit",
        verbose_name=_("community"),
        on_delete=models.PROTECT,
        related_name="volunteers",
        help_text=_("The unit the volunteer belongs to, usually their community."),
    )
    skills = models.ManyToManyField(Skill, verbose_name=_("skills"), blank=True, related_name="volunteers")
    availability = models.CharField(
        _("availability"), max_length=200, blank=True, help_text=_("e.g. 周末上午.")
    )
    emergency_contact_name = models.CharField(_("emergency contact"), max_length=40, blank=True)
    emergency_contact_phone = models.CharField(_("emergency contact phone"), max_length=30, blank=True)
    consent_version = models.CharField(
        _("consent version"), max_length=20, help_text=_("The volunteer agreement accepted.")
    )
    consented_at = models.DateTimeField(_("consented at"))
    guardian_name = models.CharField(
        _("guardian"), max_length=40, blank=True, help_text=_("For volunteers aged 14 to 17.")
    )
    guardian_phone = models.CharField(_("guardian phone"), max_length=30, blank=True)
    guardian_consented_at = models.DateTimeField(_("guardian consented at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=VolunteerStatus.choices, default=VolunteerStatus.APPLIED
    )
    number = models.CharField(
        _("volunteer number"),
        max_length=20,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("Assigned on approval."),
    )
    status_reason = models.CharField(_("reason"), max_length=200, blank=True, editable=False)
    on_public_leaderboard = models.BooleanField(
        _("show on the public leaderboard"),
        default=False,
        help_text=_("Only a masked name and the hours are shown."),
    )
    applied_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["real_name", "pk"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        indexes = [models.Index(fields=["status", "org_unit"])]
        permissions = [("view_full_id_number", _("Can see and export full ID numbers"))]

    def __str__(self):
        return self.real_name
