"""Forms of the organizers' admin screens.

They check the shape of what was typed; the rules (capacity, the waitlist, who may do what)
live in ``events.services``, whose ``ServiceError`` problems ``add_problems`` puts back on the
form's fields.
"""

import datetime
import re

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateTimeInput

from cms.admin.errors import add_problems
from cms.admin.forms import limit_to_managed_units
from events.models import CheckIn, QuestionKind, RegistrationStatus
from events.services import MAX_SERIES_LENGTH

__all__ = [
    "AddByHandForm",
    "CancelEventForm",
    "CapacityForm",
    "CopyEventForm",
    "EventAdminForm",
    "ReasonForm",
    "RegistrationFilterForm",
    "WeeklySeriesForm",
    "add_problems",
    "default_series_initial",
]


class EventAdminForm(WagtailAdminModelForm):
    """The event's create and edit form (the model's panels).

    - The organizer is chosen among the units the person manages, shown as an indented list.
    - A session that has check-ins cannot be removed (``CheckIn.session`` protects it): the form
      says so instead of failing on save, and puts the session back.
    """

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and hasattr(data, "copy"):
            data = data.copy()  # mutable, so that a protected session can be put back
        super().__init__(data, *args, **kwargs)
        limit_to_managed_units(self.fields.get("organizer"), self.for_user)

    def clean(self):
        cleaned_data = super().clean()
        sessions = self.formsets.get("sessions")
        if sessions is None or not self.is_bound:
            return cleaned_data
        for form in sessions.initial_forms:
            if not form.instance.pk or not self._marked_deleted(form):
                continue
            if CheckIn.objects.filter(session_id=form.instance.pk).exists():
                message = _("The session %(session)s has check-ins and cannot be removed.") % {
                    "session": form.instance
                }
                self.add_error(None, message)
                form.add_error(None, message)
                self.data[form.add_prefix(DELETION_FIELD_NAME)] = ""
        return cleaned_data

    @staticmethod
    def _marked_deleted(form):
        field = form.fields.get(DELETION_FIELD_NAME)
        return field is not None and bool(field.to_python(form[DELETION_FIELD_NAME].data))


class CopyEventForm(forms.Form):
    title = forms.CharField(label=_("Title of the copy"), max_length=120)
    shift_days = forms.IntegerField(
        label=_("Move the dates by (days)"),
        min_value=-3650,
        max_value=3650,
        initial=7,
        help_text=_("Sessions, registration window and cancellation deadline move together."),
    )

    @property
    def shift(self):
        return datetime.timedelta(days=self.cleaned_data["shift_days"])


class WeeklySeriesForm(forms.Form):
    first_starts_at = forms.DateTimeField(label=_("First session starts"), widget=AdminDateTimeInput)
    first_ends_at = forms.DateTimeField(label=_("First session ends"), widget=AdminDateTimeInput)
    count = forms.IntegerField(
        label=_("Number of sessions"),
        min_value=1,
        max_value=MAX_SERIES_LENGTH,
        initial=8,
        help_text=_("The first session included, e.g. 8 for eight Saturdays."),
    )
    every_weeks = forms.IntegerField(label=_("Every how many weeks"), min_value=1, max_value=4, initial=1)
    title = forms.CharField(
        label=_("Session title"),
        max_length=80,
        required=False,
        help_text=_("Optional; {n} becomes the number of the session, e.g. 第{n}课."),
    )

    def clean(self):
        cleaned_data = super().clean()
        starts, ends = cleaned_data.get("first_starts_at"), cleaned_data.get("first_ends_at")
        if starts and ends and ends <= starts:
            self.add_error("first_ends_at", _("A session must end after it starts."))
        return cleaned_data

    @property
    def duration(self):
        return self.cleaned_data["first_ends_at"] - self.cleaned_data["first_starts_at"]


class RegistrationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=60)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *RegistrationStatus.choices],
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=200,
        help_text=_("Every registrant is told, with this reason."),
    )


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(
        label=_("Capacity"),
        min_value=1,
        help_text=_("Seats, counted in persons. A larger capacity promotes people from the waitlist."),
    )


_COMPANION_LINE = re.compile(r"^(?P<name>.+?)[\s,，、:：]+(?P<age>\d{1,3})\s*岁?$")


class AddByHandForm(forms.Form):
    """A phone-in registration: name, phone, party size, companions and answers when asked."""

    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=60)
    phone = forms.CharField(label=pgettext_lazy("person", "Phone"), max_length=30)
    party_size = forms.IntegerField(label=_("Party size"), min_value=1, initial=1)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["party_size"].max_value = event.max_party_size
        self.fields["party_size"].widget.attrs["max"] = event.max_party_size
        self.fields["party_size"].help_text = _("Persons, the registrant included; at most %(count)d.") % {
            "count": event.max_party_size
        }
        if event.ask_companions:
            self.fields["companions"] = forms.CharField(
                label=_("Companions"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("One per line: name and age, e.g. 小明 6."),
            )
        self.questions = list(event.questions.order_by("sort_order", "pk"))
        for question in self.questions:
            self.fields[self.answer_field(question)] = self._question_field(question)

    @staticmethod
    def answer_field(question):
        return f"answer_{question.pk}"

    @staticmethod
    def _question_field(question):
        if question.kind == QuestionKind.CHOICE:
            choices = [("", "---------")] + [(option, option) for option in question.options]
            return forms.ChoiceField(label=question.label, choices=choices, required=question.required)
        if question.kind == QuestionKind.YES_NO:
            choices = [("", "---------"), ("yes", _("Yes")), ("no", _("No"))]
            return forms.ChoiceField(label=question.label, choices=choices, required=question.required)
        return forms.CharField(label=question.label, max_length=200, required=question.required)

    def clean_companions(self):
        companions = []
        for line in self.cleaned_data.get("companions", "").splitlines():
            if not line.strip():
                continue
            match = _COMPANION_LINE.match(line.strip())
            if match is None:
                raise forms.ValidationError(
                    _("Write each companion as name and age, e.g. 小明 6: %(line)s") % {"line": line.strip()}
                )
            companions.append({"name": match["name"].strip(), "age": int(match["age"])})
        return companions

    def service_kwargs(self):
        data = self.cleaned_data
        answers = {}
        for question in self.questions:
            value = data.get(self.answer_field(question))
            if value in ("", None):
                continue
            if question.kind == QuestionKind.YES_NO:
                value = value == "yes"
            answers[str(question.pk)] = value
        return {
            "name": data["name"],
            "phone": data["phone"],
            "party_size": data["party_size"],
            "companions": data.get("companions", []),
            "answers": answers,
        }

    def field_map(self):
        """Service problem fields to this form's fields."""
        mapping = {f"answers.{question.pk}": self.answer_field(question) for question in self.questions}
        mapping["companions"] = "companions"
        return mapping


def default_series_initial(event):
    """The series form starts from the event's first session, or tomorrow 09:00-11:00."""
    first = event.sessions.order_by("starts_at", "pk").first()
    if first is not None:
        return {
            "first_starts_at": timezone.localtime(first.starts_at),
            "first_ends_at": timezone.localtime(first.ends_at),
        }
    tomorrow = (timezone.localtime() + datetime.timedelta(days=1)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    return {"first_starts_at": tomorrow, "first_ends_at": tomorrow + datetime.timedelta(hours=2)}
