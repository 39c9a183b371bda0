"""Two-step verification for the people who see others' data: staff and organizers.

They must have passed an authenticator-app code (or a recovery code) in their current session
before they reach the admin or run an organizer mutation. allauth records each way a session
was authenticated; a code passed at sign-in, on re-authentication, or when the authenticator was
just set up (``authenticator_added`` below) counts. Wagtail's own login form checks the password
only, so the admin sends a session without a code to the app's security screen (``SECURITY_PATH``),
which asks for the code, or sets the authenticator up first, and comes back.
"""

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.conf import settings
from django.db import models
from django.dispatch import receiver
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from home.permissions import is_organizer

SECURITY_PATH = "/account/security"


class MFAErrorCode(models.TextChoices):
    MFA_REQUIRED = (
        "MFA_REQUIRED",
        "Staff and organizers must pass two-step verification in this session first (set it up or "
        "enter a code on the app's security screen).",
    )


REQUIRED_MESSAGE = _("Organizers must verify with their authenticator app first: open Me → Security.")

KEEP_MESSAGE = _("Staff and organizers must keep two-step verification on.")
_TOTP_PATH = "/account/authenticators/totp"  # under /_allauth/<client>/v1

# Admin pages reachable with a password alone: signing in and out, and resetting the password.
_OPEN_ADMIN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/password_reset/")


def required_for(user):
    """Whether ``user`` must pass a code: staff, superusers and organizers of any unit."""
    if not settings.STAFF_MFA_REQUIRED or not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or is_organizer(user)


def passed(request):
    """Whether this session passed a code (at sign-in, re-authentication or set-up)."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def missing(request):
    """Whether the viewer must pass a code before acting as staff or organizer."""
    return required_for(request.user) and not passed(request)


class StaffMFAMiddleware:
    """Sends staff without a code in their session from the admin to the app's security screen,
    and keeps those who must use an authenticator from removing it (allauth's headless API
    would let them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if (
            path.startswith("/admin/")
            and not path.startswith(_OPEN_ADMIN_PATHS)
            and missing(request)
            and request.user.has_perm("wagtailadmin.access_admin")  # the others Wagtail turns away
        ):
            return redirect(f"{SECURITY_PATH}?{urlencode({'next': request.get_full_path()})}")
        if request.method == "DELETE" and path.endswith(_TOTP_PATH) and required_for(request.user):
            error = {"message": str(KEEP_MESSAGE), "code": "mfa_required"}
            return JsonResponse({"status": 403, "errors": [error]}, status=403)
        return self.get_response(request)


@receiver(authenticator_added)
def count_set_up_as_passed(sender, request, user, authenticator, **kwargs):
    """Setting the authenticator up took a valid code from it: the session has passed one."""
    if authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", type=authenticator.type, id=authenticator.pk)
