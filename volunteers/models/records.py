from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class RecordStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    VOIDED = "voided", _("Voided")


class RecordSource(models.TextChoices):
    ATTENDANCE = "attendance", _("From check-in and check-out")
    MANUAL = "manual", _("Entered by an organizer")


class ServiceRecord(models.Model):
    """A 志愿服务记录 with the national fields, recorded by the organizing unit.

    Self-contained: the activity's name, date and place are copied in, so the record stays whole
    when the shift, the event or the campaign is deleted. Never deleted; voided with a reason.
    """

    volunteer = models.ForeignKey(
        "volunteers.Volunteer", verbose_name=_("volunteer"), on_delete=models.PROTECT, related_name="records"
    )
    signup = models.OneToOneField(
        "volunteers.ShiftSignup",
        verbose_name=_("shift sign-up"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="record",
    )
    activity_name = models.CharField(_("activity"), max_length=120)
    service_date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=120)
    service_object = models.CharField(_("served"), max_length=120, blank=True, help_text=_("Who was served."))
    content = models.TextField(_("service content"), blank=True)
    hours = models.DecimalField(
        _("hours"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("24"))],
        help_text=_("Actual service, travel excluded."),
    )
    evaluation = models.CharField(_("evaluation"), max_length=200, blank=True)
    responsible_person = models.CharField(_("responsible person"), max_length=40)
    recorder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorder"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organization = models.ForeignKey(
        "home.OrgUnit",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="service_records",
    )
    source = models.CharField(_("source"), max_length=12, choices=RecordSource.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=RecordStatus.choices, default=RecordStatus.PENDING
    )
    void_reason = models.CharField(_("void reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-service_date", "pk"]
        verbose_name = _("service record")
        verbose_name_plural = _("service records")
        indexes = [models.Index(fields=["volunteer", "status", "service_date"])]

    def __str__(self):
        return f"{self.volunteer} · {self.activity_name} · {self.hours} h"


class RecordChange(models.Model):
    """One correction of a record: who changed what, when and why."""

    record = models.ForeignKey(
        ServiceRecord, verbose_name=_("record"), on_delete=models.PROTECT, related_name="changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    field = models.CharField(_("field"), max_length=40)
    old_value = models.CharField(_("old value"), max_length=300, blank=True)
    new_value = models.CharField(_("new value"), max_length=300, blank=True)
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("record change")
        verbose_name_plural = _("record changes")

    def __str__(self):
        return f"{self.record_id}.{self.field}"


class CorrectionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class CorrectionRequest(models.Model):
    """A volunteer asks for a record to be corrected; an organizer accepts or declines."""

    record = models.ForeignKey(
        ServiceRecord, verbose_name=_("record"), on_delete=models.PROTECT, related_name="correction_requests"
    )
    message = models.TextField(_("message"), max_length=500)
    proposed_hours = models.DecimalField(
        _("proposed hours"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CorrectionStatus.choices, default=CorrectionStatus.OPEN
    )
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    response = models.CharField(_("response"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")

    def __str__(self):
        return f"{self.record} · {self.get_status_display()}"


class Certificate(models.Model):
    """A 志愿服务证明 issued for a period: what it certified is kept as issued."""

    number = models.CharField(_("certificate number"), max_length=32, unique=True)
    volunteer = models.ForeignKey(
        "volunteers.Volunteer",
        verbose_name=_("volunteer"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    total_hours = models.DecimalField(_("total hours"), max_digits=8, decimal_places=2)
    activities = models.JSONField(
        _("activities"), default=list, help_text=_("The records certified, as issued.")
    )
    issuer = models.ForeignKey(
        "home.OrgUnit", verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="certificates"
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by (person)"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-issued_at", "pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return self.number
