"""Deleting one's account (PIPL art. 47): the person's data goes, the organizations' numbers stay.

One transaction: future registrations are cancelled (their seats go to the waitlists) and future
shift places given up; what the person entered (names, phones, companions, answers, the volunteer
profile's personal fields) is blanked; the account is anonymized and closed, its email addresses,
authenticators, calendar feed and organizer roles removed. Registrations, attendance and service
records stay as anonymous rows, so that statistics and the hour totals organizers report are
unchanged.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cms.accounts.models import User
from cms.accounts.phones import normalize_phone
from cms.errors import CommonErrorCode, fail
from events.models import CalendarFeed
from events.services import forget_registrant
from home.models import UnitOrganizer
from volunteers.services import forget_volunteer


def delete_account(user, *, confirm):
    """Delete ``user``'s account after they typed their email address or phone number again."""
    if user.is_staff or user.is_superuser:
        fail(CommonErrorCode.PERMISSION_DENIED, _("Staff accounts are closed by an administrator."))
    if not _confirms(user, confirm):
        fail(
            CommonErrorCode.INVALID,
            _("Type your email address or mobile phone number to confirm."),
            "confirm",
        )
    with transaction.atomic(durable=True):
        user = User.objects.select_for_update().get(pk=user.pk)
        forget_registrant(user)
        forget_volunteer(user)
        EmailAddress.objects.filter(user=user).delete()
        Authenticator.objects.filter(user=user).delete()
        CalendarFeed.objects.filter(user=user).delete()
        UnitOrganizer.objects.filter(user=user).delete()
        user.username = f"deleted-{user.pk}"
        user.email = user.first_name = user.last_name = user.display_name = user.phone = ""
        user.phone_verified = False
        user.is_active = False
        user.set_unusable_password()
        user.save()
        return user


def _confirms(user, typed):
    """Whether ``typed`` is the account's email address or phone number (as people write it)."""
    if not isinstance(typed, str) or not typed.strip():
        return False
    if user.email and typed.strip().casefold() == user.email.casefold():
        return True
    try:
        return bool(user.phone) and normalize_phone(typed) == user.phone
    except ValidationError:
        return False
