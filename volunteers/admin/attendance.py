"""The attendance screen, made for a phone at the place of service.

For one shift: its current rotating code (``services.shift_code``) shown large, for volunteers to
scan or type on their own phones; the confirmed sign-ups with big check-in and check-out buttons;
and a field for a volunteer's number, typed or scanned from their volunteer card's QR code.
Checking out creates the pending service record (``services.check_out_volunteer``). The organizer
may give the time noted on paper instead of now.

The page works without JavaScript (plain forms, the result as a message after a redirect); the
script only refreshes the code and scans with the camera where the browser can. Every state change
goes through ``volunteers.services`` with ``by=request.user``.
"""

import datetime
import re

from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin import messages

from cms.admin.errors import problems_text, wants_json
from cms.admin.views import ManagedObjectMixin
from cms.errors import CommonErrorCode, ServiceError
from volunteers import services
from volunteers.admin.base import url
from volunteers.admin.permissions import shift_policy
from volunteers.models import Shift, ShiftSignup, SignupStatus

_NUMBER = re.compile(r"[A-Z]{2,8}\d{6,14}")


def volunteer_number(scanned):
    """The volunteer number in what was typed or scanned (the number itself, or a text or link
    that contains it), upper case; "" if none."""
    text = "".join(str(scanned or "").split()).upper()
    match = _NUMBER.search(text)
    return match.group(0) if match else text


def _time(value):
    return timezone.localtime(value).strftime("%H:%M")


def code_state(shift, now=None):
    """The shift's current code and the seconds until it changes."""
    now = now or timezone.now()
    window = services.CODE_WINDOW_SECONDS
    return {"code": services.shift_code(shift, now), "seconds_left": window - int(now.timestamp()) % window}


def attendance_counts(shift):
    signups = ShiftSignup.objects.filter(shift=shift, status=SignupStatus.CONFIRMED)
    return {
        "confirmed": signups.count(),
        "checked_in": signups.filter(checked_in_at__isnull=False).count(),
        "checked_out": signups.filter(checked_out_at__isnull=False).count(),
    }


class ShiftObjectMixin(ManagedObjectMixin):
    permission_policy = shift_policy

    def get_queryset(self):
        return Shift.objects.select_related("role__opportunity__org_unit")


class AttendanceView(ShiftObjectMixin, View):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        shift = self.object
        signups = (
            ShiftSignup.objects.filter(shift=shift, status=SignupStatus.CONFIRMED)
            .select_related("volunteer")
            .order_by("volunteer__real_name", "pk")
        )
        context = {
            "shift": shift,
            "opportunity": shift.role.opportunity,
            "signups": signups,
            "counts": attendance_counts(shift),
            "code": code_state(shift),
            "roster_url": url("roster", shift.pk),
            "urls": {
                "code": url("attendance_code", shift.pk),
                "check_in": url("attendance_check_in", shift.pk),
            },
            "texts": {
                "scan": _("Scan a volunteer card"),
                "stop_scanning": _("Stop scanning"),
                "camera_unavailable": _("The camera cannot scan here: type the volunteer number."),
            },
        }
        return TemplateResponse(request, "volunteers/admin/attendance.html", context)


class CodeView(ShiftObjectMixin, View):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        return JsonResponse(code_state(self.object))


class AttendanceActionView(ShiftObjectMixin, View):
    """POST a ``signup_id`` (a button) or a ``number`` (typed or scanned): check in or out, now or
    at the ``time`` noted on paper (on the shift's day)."""

    http_method_names = ["post"]
    action = "check_in"

    def find_signup(self):
        signup_id = self.request.POST.get("signup_id", "")
        signups = ShiftSignup.objects.filter(shift=self.object).select_related("volunteer")
        if signup_id:
            signup = signups.filter(pk=signup_id).first() if signup_id.isdigit() else None
        else:
            number = volunteer_number(self.request.POST.get("number"))
            if not number:
                raise ServiceError(CommonErrorCode.REQUIRED, _("Type or scan a volunteer number."), "number")
            signup = signups.filter(volunteer__number=number).order_by("-pk").first()
        if signup is None:
            raise ServiceError(
                CommonErrorCode.NOT_FOUND, _("This volunteer has not signed up for this shift.")
            )
        return signup

    def noted_time(self):
        """The time noted on paper (``HH:MM`` on the shift's day), or None for now."""
        text = self.request.POST.get("time", "").strip()
        if not text:
            return None
        try:
            moment = datetime.time.fromisoformat(text)
        except ValueError:
            raise ServiceError(CommonErrorCode.INVALID, _("Write the time as 14:30."), "time") from None
        day = timezone.localtime(self.object.starts_at).date()
        return timezone.make_aware(datetime.datetime.combine(day, moment.replace(second=0, microsecond=0)))

    def post(self, request, *args, **kwargs):
        try:
            at = self.noted_time()
            signup = self.find_signup()
            name = signup.volunteer.real_name
            if self.action == "check_in":
                signup = services.check_in_volunteer(signup.pk, by=request.user, at=at)
                message = _("%(name)s checked in at %(time)s.") % {
                    "name": name,
                    "time": _time(signup.checked_in_at),
                }
            else:
                record = services.check_out_volunteer(signup.pk, by=request.user, at=at)
                message = _("%(name)s checked out at %(time)s: %(hours)s hours, awaiting review.") % {
                    "name": name,
                    "time": _time(record.signup.checked_out_at),
                    "hours": record.hours,
                }
            result = {"result": self.action, "message": message}
        except ServiceError as error:
            result = {"result": "refused", "message": problems_text(error)}
        if wants_json(request):
            return JsonResponse({**result, "counts": attendance_counts(self.object)})
        (messages.error if result["result"] == "refused" else messages.success)(request, result["message"])
        return redirect(url("attendance", self.object.pk))


urlpatterns = [
    path("shifts/<int:pk>/attendance/", AttendanceView.as_view(), name="attendance"),
    path("shifts/<int:pk>/attendance/code/", CodeView.as_view(), name="attendance_code"),
    path(
        "shifts/<int:pk>/attendance/check-in/",
        AttendanceActionView.as_view(action="check_in"),
        name="attendance_check_in",
    ),
    path(
        "shifts/<int:pk>/attendance/check-out/",
        AttendanceActionView.as_view(action="check_out"),
        name="attendance_check_out",
    ),
]
