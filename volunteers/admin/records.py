"""The hours review: service records of the units the organizer manages (pending first), and
per record approve (other hours, above the shift's length too, with a reason), correct (with a
reason; the history is shown), void (with a reason); manual records; correction requests.

Records belong to the unit that recorded them (``organization``). Every change goes through
``volunteers.services``; nothing is deleted.
"""

from django import forms
from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminDateInput
from wagtail.admin.widgets.button import HeaderButton

from cms.admin.forms import limit_to_managed_units
from cms.admin.views import ServiceFormMixin
from volunteers import services
from volunteers.admin.base import (
    REASON_MAX_LENGTH,
    ActionView,
    FilterForm,
    ListScreen,
    ObjectScreen,
    url,
)
from volunteers.admin.permissions import correction_policy, record_policy
from volunteers.exports import records_response
from volunteers.models import CorrectionRequest, CorrectionStatus, RecordStatus, ServiceRecord, Volunteer

ALL = "all"


def managed_records(user):
    records = record_policy.instances_user_has_any_permission_for(user, ["view"])
    return records.select_related("volunteer", "organization", "signup__shift", "recorder")


class RecordFilterForm(FilterForm):
    search_placeholder = gettext_lazy("Name, volunteer number or activity")
    unit_label = gettext_lazy("Recorded by")
    unit_lookup = "organization"
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[*RecordStatus.choices, (ALL, gettext_lazy("All statuses"))],
    )
    start = forms.DateField(label=gettext_lazy("From"), required=False, widget=AdminDateInput)
    end = forms.DateField(label=gettext_lazy("To"), required=False, widget=AdminDateInput)

    def __init__(self, data, *, user):
        data = data.copy()
        data.setdefault("status", RecordStatus.PENDING)  # the review queue by default
        super().__init__(data, user=user)

    def filter(self, records):
        if not self.is_valid():
            return records.none()
        data = self.cleaned_data
        query = self.query()
        if query:
            records = records.filter(
                Q(volunteer__real_name__icontains=query)
                | Q(volunteer__number__iexact=query)
                | Q(activity_name__icontains=query)
            )
        if data["status"] != ALL:
            records = records.filter(status=data["status"])
        if data["start"]:
            records = records.filter(service_date__gte=data["start"])
        if data["end"]:
            records = records.filter(service_date__lte=data["end"])
        return self.filter_unit(records)


def _with_cap(record):
    record.cap = services.record_cap(record)


class RecordListView(ListScreen):
    template_name = "volunteers/admin/records.html"
    page_title = gettext_lazy("Service hours")

    @property
    def header_buttons(self):
        export = url("export_records") + "?" + self.request.GET.urlencode()
        return [
            HeaderButton(_("Add a manual record"), url=url("add_record"), icon_name="plus"),
            HeaderButton(_("Correction requests"), url=url("corrections"), icon_name="help"),
            HeaderButton(_("Export to Excel"), url=export, icon_name="download"),
        ]

    def get(self, request, *args, **kwargs):
        filters = RecordFilterForm(request.GET, user=request.user)
        records = filters.filter(managed_records(request.user)).order_by("service_date", "pk")
        return self.render_page(records, _with_cap, filters=filters, statuses=RecordStatus)


class ExportRecordsView(ListScreen):
    """The listing's records (same filters; pending by default) with the national fields."""

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        filters = RecordFilterForm(request.GET, user=request.user)
        return records_response(request, filters.filter(managed_records(request.user)))


class RecordMixin:
    permission_policy = record_policy
    parent_url_name = "records"
    parent_label = gettext_lazy("Service hours")

    def get_queryset(self):
        return ServiceRecord.objects.select_related("volunteer", "organization", "signup__shift", "recorder")

    def get_success_url(self):
        return url("record", self.object.pk)


class ApproveForm(forms.Form):
    hours = forms.DecimalField(
        label=gettext_lazy("Hours"),
        required=False,
        min_value=0,
        max_value=24,
        decimal_places=2,
        help_text=gettext_lazy("Leave empty to approve as recorded; other hours need a reason."),
    )
    reason = forms.CharField(label=gettext_lazy("Reason"), required=False, max_length=REASON_MAX_LENGTH)


class RecordView(RecordMixin, ObjectScreen):
    """One record: its fields, the approve and void forms, its history and correction requests."""

    permission_required = "view"
    template_name = "volunteers/admin/record.html"
    page_title = gettext_lazy("Service record")

    def get(self, request, *args, **kwargs):
        record = self.object
        return self.render(
            record=record,
            cap=services.record_cap(record),
            approve_form=ApproveForm(initial={"hours": record.hours}),
            changes=record.changes.select_related("changed_by"),
            corrections=record.correction_requests.select_related("decided_by"),
            statuses=RecordStatus,
            open_status=CorrectionStatus.OPEN,
            next_url=request.get_full_path(),
            reason_max_length=REASON_MAX_LENGTH,
        )


class RecordActionView(RecordMixin, ActionView):
    """Approve (as recorded or with other hours and a reason) or void (with a reason)."""

    action = None

    def act(self):
        by, pk = self.request.user, self.object.pk
        if self.action == "void":
            services.void_record(pk, by=by, reason=self.request.POST.get("reason", ""))
            return _("The record is voided.")
        hours = self.request.POST.get("hours", "").strip() or None  # the service checks them
        record = services.approve_record(pk, by=by, hours=hours, reason=self.request.POST.get("reason", ""))
        return _("Approved: %(hours)s hours for %(name)s.") % {
            "hours": record.hours,
            "name": record.volunteer.real_name,
        }


class CorrectForm(forms.ModelForm):
    reason = forms.CharField(label=gettext_lazy("Reason for the correction"), max_length=REASON_MAX_LENGTH)

    class Meta:
        model = ServiceRecord
        fields = services.CORRECTABLE_FIELDS
        widgets = {"service_date": AdminDateInput, "content": forms.Textarea(attrs={"rows": 3})}

    def changes(self):
        """Only the fields that differ from the record (unchanged hours are not re-checked)."""
        return {field: self.cleaned_data[field] for field in self.changed_data if field != "reason"}


class CorrectRecordView(RecordMixin, ServiceFormMixin, ObjectScreen):
    page_title = gettext_lazy("Correct a record")
    submit_label = gettext_lazy("Save the correction")
    intro = gettext_lazy("Every changed field is kept in the record's history with the reason.")

    def get_form(self, data=None):
        # A copy, so that a refused correction leaves ``self.object`` as stored.
        instance = self.get_queryset().get(pk=self.object.pk)
        return CorrectForm(data, instance=instance)

    def act(self, form):
        services.correct_record(
            self.object.pk, by=self.request.user, reason=form.cleaned_data["reason"], **form.changes()
        )
        return _("The record is corrected.")


class ManualRecordForm(forms.Form):
    volunteer = forms.CharField(
        label=gettext_lazy("Volunteer number"), max_length=20, help_text=gettext_lazy("e.g. CZ2026000001.")
    )
    activity_name = forms.CharField(label=gettext_lazy("Activity"), max_length=120)
    service_date = forms.DateField(label=gettext_lazy("Date"), widget=AdminDateInput)
    place = forms.CharField(label=gettext_lazy("Place"), max_length=120)
    hours = forms.DecimalField(label=gettext_lazy("Hours"), min_value=0, max_value=24, decimal_places=2)
    service_object = forms.CharField(label=gettext_lazy("Served"), max_length=120, required=False)
    content = forms.CharField(label=gettext_lazy("Service content"), required=False, widget=forms.Textarea)
    evaluation = forms.CharField(label=gettext_lazy("Evaluation"), max_length=200, required=False)
    organization = forms.ModelChoiceField(
        label=gettext_lazy("Recorded by"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("The volunteer's unit"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        limit_to_managed_units(self.fields["organization"], user)

    def clean_volunteer(self):
        number = self.cleaned_data["volunteer"].strip().upper()
        volunteer = Volunteer.objects.filter(number=number).first()
        if volunteer is None:
            raise forms.ValidationError(_("No volunteer has this number."))
        return volunteer

    def field_map(self):
        return {"volunteer_id": "volunteer", "organization_id": "organization"}

    def service_kwargs(self):
        data = dict(self.cleaned_data)
        organization = data.pop("organization")
        data["volunteer_id"] = data.pop("volunteer").pk
        data["organization_id"] = organization.pk if organization else None
        return data


class ManualRecordView(ServiceFormMixin, ListScreen):
    page_title = gettext_lazy("Add a manual record")
    submit_label = gettext_lazy("Add record")
    intro = gettext_lazy("Offline service, approved at once: you are its reviewer.")
    parent_url_name = "records"
    parent_label = gettext_lazy("Service hours")

    def get_form(self, data=None):
        initial = {"volunteer": self.request.GET.get("volunteer", "")}
        return ManualRecordForm(data, initial=initial, user=self.request.user)

    def act(self, form):
        record = services.add_manual_record(by=self.request.user, **form.service_kwargs())
        self.record = record
        return _("Recorded %(hours)s hours for %(name)s.") % {
            "hours": record.hours,
            "name": record.volunteer.real_name,
        }

    def get_success_url(self):
        record = getattr(self, "record", None)
        return url("record", record.pk) if record else url("records")


class CorrectionListView(ListScreen):
    template_name = "volunteers/admin/corrections.html"
    page_title = gettext_lazy("Correction requests")
    parent_url_name = "records"
    parent_label = gettext_lazy("Service hours")

    def get(self, request, *args, **kwargs):
        requests = (
            correction_policy.instances_user_has_any_permission_for(request.user, ["view"])
            .filter(status=CorrectionStatus.OPEN)
            .select_related("record__volunteer", "record__organization")
            .order_by("created_at", "pk")
        )
        return self.render_page(requests)


class DecideCorrectionView(ActionView):
    """Accept (applying the proposed or the given hours) or decline (with a response)."""

    permission_policy = correction_policy
    accept = True

    def get_queryset(self):
        return CorrectionRequest.objects.select_related("record__volunteer", "record__organization")

    def act(self):
        hours = self.request.POST.get("hours", "").strip() or None
        request = services.decide_correction(
            self.object.pk,
            by=self.request.user,
            accept=self.accept,
            response=self.request.POST.get("response", ""),
            hours=hours,
        )
        name = self.object.record.volunteer.real_name
        if request.status == CorrectionStatus.ACCEPTED:
            return _("The request of %(name)s is accepted.") % {"name": name}
        return _("The request of %(name)s is declined.") % {"name": name}

    def get_success_url(self):
        return url("corrections")


urlpatterns = [
    path("hours/", RecordListView.as_view(), name="records"),
    path("hours/add/", ManualRecordView.as_view(), name="add_record"),
    path("hours/export/", ExportRecordsView.as_view(), name="export_records"),
    path("hours/<int:pk>/", RecordView.as_view(), name="record"),
    path("hours/<int:pk>/approve/", RecordActionView.as_view(action="approve"), name="approve_record"),
    path("hours/<int:pk>/void/", RecordActionView.as_view(action="void"), name="void_record"),
    path("hours/<int:pk>/correct/", CorrectRecordView.as_view(), name="correct_record"),
    path("corrections/", CorrectionListView.as_view(), name="corrections"),
    path("corrections/<int:pk>/accept/", DecideCorrectionView.as_view(accept=True), name="accept_correction"),
    path(
        "corrections/<int:pk>/decline/", DecideCorrectionView.as_view(accept=False), name="decline_correction"
    ),
]
