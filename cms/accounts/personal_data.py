"""Everything Yulan holds on one person, as one JSON document (PIPL art. 45: the right to a copy).

Rows are written field by field from the models, so that a field added later is exported without
anyone remembering to: only the keys that let someone act as the person (password hash, ticket
and calendar tokens) and the ID number's ciphertext and lookup hash are left out; the ID number
appears masked, as everywhere else. A related object appears as its name, not its id alone,
except accounts (an organizer who checked the person in): their names are theirs.
"""

import datetime
import decimal

from allauth.account.models import EmailAddress
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.utils import timezone

from cms.accounts.models import ConsentRecord
from events.models import CalendarFeed, CheckIn, Registration
from events.models.notifications import Notification
from volunteers.models import (
    Certificate,
    CorrectionRequest,
    RecordChange,
    ServiceRecord,
    ShiftSignup,
    TeamMembership,
    Volunteer,
)

# model -> fields never exported (credentials and the encrypted ID number)
WITHHELD = {
    "accounts.User": {"password"},
    "events.Registration": {"token", "idempotency_key"},
    "events.CalendarFeed": {"token"},
    "volunteers.Volunteer": {"id_number_encrypted", "id_number_hash"},
}


def _value(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, AbstractBaseUser):
        return {"id": value.pk}  # an organizer's name or email is theirs, not the person's
    if isinstance(value, models.Model):
        return {"id": value.pk, "name": str(value)}
    return value


def row(obj):
    """The object's own fields (foreign keys as their object's name) and its many-to-many ones."""
    withheld = WITHHELD.get(obj._meta.label, set())
    data = {
        field.name: _value(getattr(obj, field.name))
        for field in obj._meta.concrete_fields
        if field.name not in withheld
    }
    for field in obj._meta.many_to_many:
        data[field.name] = [str(item) for item in getattr(obj, field.name).all()]
    return data


def rows(queryset):
    return [row(obj) for obj in queryset.order_by("pk")]


def personal_data(user):
    """The person's data: account, registrations, and the volunteer profile with its history."""
    registrations = Registration.objects.filter(user=user)
    volunteer = Volunteer.objects.filter(user=user).first()
    records = ServiceRecord.objects.filter(volunteer=volunteer)
    return {
        "exported_at": timezone.now().isoformat(),
        "account": row(user),
        "email_addresses": rows(EmailAddress.objects.filter(user=user)),
        "consents": rows(ConsentRecord.objects.filter(user=user)),
        "calendar_feed": rows(CalendarFeed.objects.filter(user=user)),
        "registrations": rows(registrations),
        "check_ins": rows(CheckIn.objects.filter(registration__in=registrations)),
        "notifications": rows(Notification.objects.filter(registration__in=registrations)),
        "volunteer": row(volunteer) if volunteer else None,
        "team_memberships": rows(TeamMembership.objects.filter(volunteer=volunteer)),
        "shift_signups": rows(ShiftSignup.objects.filter(volunteer=volunteer)),
        "service_records": rows(records),
        "service_record_changes": rows(RecordChange.objects.filter(record__in=records)),
        "correction_requests": rows(CorrectionRequest.objects.filter(record__in=records)),
        "certificates": rows(Certificate.objects.filter(volunteer=volunteer)),
    }
