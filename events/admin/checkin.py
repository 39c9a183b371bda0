"""The check-in screen, made for a phone at the door.

Choose the session, then scan the registrant's QR code (the browser's ``BarcodeDetector`` and
camera where available), type the code, or find the person by name or phone. The result
(checked in, already checked in, refused with the reason) and the live counts (checked in /
expected) show at once; the last check-in can be undone.

The page works without JavaScript (plain forms, the result as a message after a redirect); with
JavaScript the same endpoints answer JSON when asked for ``application/json``. Every POST is
CSRF-protected; every state change goes through ``events.services.check_in`` and
``undo_check_in``.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin import messages

from cms.admin.errors import wants_json
from cms.errors import ServiceError
from events import services
from events.admin.base import EventObjectMixin, url
from events.admin.registrations import search_registrations
from events.admin.stats import session_counts
from events.models import CheckIn, CheckInMethod, EventSession, Registration, RegistrationStatus

SEARCH_LIMIT = 20


def current_session(sessions, now=None):
    """The session in progress, else the next one, else the last one."""
    now = now or timezone.now()
    sessions = list(sessions)
    for session in sessions:
        if session.ends_at >= now:
            return session
    return sessions[-1] if sessions else None


def _time(value):
    return timezone.localtime(value).strftime("%H:%M")


class SessionMixin(EventObjectMixin):
    """``self.session``: a session of ``self.event`` (404 for another event's session)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.session = get_object_or_404(EventSession, pk=kwargs["session_id"], event=self.event)

    def session_url(self, name="check_in_session"):
        return url(name, self.event.pk, self.session.pk)


class ChooseSessionView(EventObjectMixin, View):
    """With one session (or a session under way) go straight to it; else choose."""

    def get(self, request, *args, **kwargs):
        sessions = list(self.event.sessions.order_by("starts_at", "pk"))
        if len(sessions) == 1:
            return redirect(url("check_in_session", self.event.pk, sessions[0].pk))
        context = {
            "event": self.event,
            "sessions": sessions,
            "current": current_session(sessions),
            "registrations_url": url("registrations", self.event.pk),
        }
        return TemplateResponse(request, "events/admin/check_in_sessions.html", context)


class CheckInPageView(SessionMixin, View):
    def get(self, request, *args, **kwargs):
        query = request.GET.get("q", "").strip()[:60]
        last = None
        if request.GET.get("last", "").isdigit():
            last = (
                CheckIn.objects.filter(pk=request.GET["last"], session=self.session, undone_at__isnull=True)
                .select_related("registration")
                .first()
            )
        context = {
            "event": self.event,
            "session": self.session,
            "sessions": self.event.sessions.order_by("starts_at", "pk"),
            "counts": session_counts(self.session),
            "query": query,
            "results": search_results(self.event, self.session, query) if query else None,
            "last": last,
            "registrations_url": url("registrations", self.event.pk),
            "urls": {
                "scan": self.session_url("check_in_scan"),
                "undo": self.session_url("check_in_undo"),
                "counts": self.session_url("check_in_counts"),
                "search": self.session_url("check_in_search"),
            },
            "methods": {
                "qr": CheckInMethod.QR,
                "manual": CheckInMethod.MANUAL,
                "search": CheckInMethod.SEARCH,
            },
            "texts": {
                "camera_unavailable": _("The camera cannot scan here: type the code or search a name."),
                "camera_denied": _("The camera was not allowed: type the code or search a name."),
                "scanning": _("Point the camera at the QR code."),
                "stop_scanning": _("Stop scanning"),
                "scan": _("Scan QR code"),
                "no_results": _("Nobody found."),
                "check_in": _("Check in"),
                "checked_in": _("Checked in"),
                "network_error": _("No connection. Try again."),
                "persons": _("persons"),
            },
        }
        return TemplateResponse(request, "events/admin/check_in.html", context)


def search_results(event, session, query):
    registrations = search_registrations(Registration.objects.filter(event=event), query).order_by(
        "name", "pk"
    )[:SEARCH_LIMIT]
    checked_in = set(
        CheckIn.objects.filter(
            session=session, undone_at__isnull=True, registration__in=registrations
        ).values_list("registration_id", flat=True)
    )
    return [
        {
            "id": registration.pk,
            "name": registration.name,
            "phone_tail": registration.phone[-4:],
            "party_size": registration.party_size,
            "status": registration.status,
            "status_label": registration.get_status_display(),
            "can_check_in": registration.status == RegistrationStatus.CONFIRMED,
            "checked_in": registration.pk in checked_in,
        }
        for registration in registrations
    ]


class ScanView(SessionMixin, View):
    """POST a ``token`` (scanned or typed) or a ``registration_id`` (found by name)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        token = request.POST.get("token", "").strip()
        registration_id = request.POST.get("registration_id") or None
        method = request.POST.get("method") or (CheckInMethod.MANUAL if token else CheckInMethod.SEARCH)
        try:
            record = services.check_in(
                by=request.user,
                session_id=self.session.pk,
                token=token or None,
                registration_id=None if token else registration_id,
                method=method,
            )
        except ServiceError as error:
            result = {
                "result": "refused",
                "code": str(error.problems[0].code),
                "message": " ".join(str(problem.message) for problem in error.problems),
            }
        else:
            result = self.describe(record)
        return self.respond(result)

    @staticmethod
    def describe(record):
        registration = record.registration
        if getattr(record, "already_checked_in", False):
            message = _("%(name)s was already checked in at %(time)s.") % {
                "name": registration.name,
                "time": _time(record.checked_in_at),
            }
            outcome = "already"
        else:
            message = ngettext(
                "%(name)s is checked in (%(count)d person).",
                "%(name)s is checked in (%(count)d persons).",
                registration.party_size,
            ) % {"name": registration.name, "count": registration.party_size}
            outcome = "checked_in"
        return {
            "result": outcome,
            "message": message,
            "check_in_id": record.pk,
            "registration_id": registration.pk,
            "name": registration.name,
            "party_size": registration.party_size,
        }

    def respond(self, result):
        if wants_json(self.request):
            return JsonResponse({**result, "counts": session_counts(self.session)})
        if result["result"] == "refused":
            messages.error(self.request, result["message"])
            return redirect(self.session_url())
        if result["result"] == "already":
            messages.warning(self.request, result["message"])
            return redirect(self.session_url())
        messages.success(self.request, result["message"])
        return redirect(f"{self.session_url()}?last={result['check_in_id']}")


class UndoView(SessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        check_in_id = request.POST.get("check_in_id", "")
        record = (
            CheckIn.objects.filter(pk=check_in_id, session=self.session)
            .select_related("registration")
            .first()
            if check_in_id.isdigit()
            else None
        )
        if record is None:
            raise Http404
        try:
            services.undo_check_in(record.pk, by=request.user)
        except ServiceError as error:
            result = {"result": "refused", "message": " ".join(str(p.message) for p in error.problems)}
        else:
            result = {
                "result": "undone",
                "message": _("Check-in of %(name)s undone.") % {"name": record.registration.name},
            }
        if wants_json(request):
            return JsonResponse({**result, "counts": session_counts(self.session)})
        (messages.error if result["result"] == "refused" else messages.success)(request, result["message"])
        return redirect(self.session_url())


class CountsView(SessionMixin, View):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        return JsonResponse(session_counts(self.session))


class SearchView(SessionMixin, View):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        query = request.GET.get("q", "").strip()[:60]
        results = search_results(self.event, self.session, query) if query else []
        return JsonResponse({"results": results})


urlpatterns = [
    path("<int:pk>/check-in/", ChooseSessionView.as_view(), name="check_in"),
    path("<int:pk>/check-in/<int:session_id>/", CheckInPageView.as_view(), name="check_in_session"),
    path("<int:pk>/check-in/<int:session_id>/scan/", ScanView.as_view(), name="check_in_scan"),
    path("<int:pk>/check-in/<int:session_id>/undo/", UndoView.as_view(), name="check_in_undo"),
    path("<int:pk>/check-in/<int:session_id>/counts/", CountsView.as_view(), name="check_in_counts"),
    path("<int:pk>/check-in/<int:session_id>/search/", SearchView.as_view(), name="check_in_search"),
]
