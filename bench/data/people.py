"""Accounts and volunteers at scale: one account per volunteer, each with a few service records.

One extra account, the "heavy" person, is both a volunteer with ``HEAVY_RECORDS`` service records
and (bench/data/events.py) a registrant of many events: the worst case of "my" lists.
Accounts get an unusable password: the benchmark signs people in by creating their sessions.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from bench.data.copy import copy_rows, ids_after, last_id
from cms.accounts.models import FIRST_VERSION, User
from home.models import OrgUnit, OrgUnitLevel
from volunteers.demo import birth_date, fake_phone, person_name
from volunteers.demo_data import HISTORY
from volunteers.models import Gender, RecordSource, RecordStatus, ServiceRecord, Volunteer, VolunteerStatus

HEAVY_USERNAME = "bench-heavy"
HEAVY_RECORDS = 300
MEAN_RECORDS = 5
USER_FIELDS = (
    "password", "is_superuser", "username", "first_name", "last_name", "email", "is_staff", "is_active",
    "date_joined", "display_name",
)  # fmt: skip
VOLUNTEER_FIELDS = (
    "user", "real_name", "gender", "birth_date", "phone", "id_number_encrypted", "id_number_masked",
    "org_unit", "availability", "emergency_contact_name", "emergency_contact_phone", "consent_version",
    "consented_at", "guardian_name", "guardian_phone", "status", "number", "status_reason",
    "on_public_leaderboard", "applied_at", "approved_at",
)  # fmt: skip
RECORD_FIELDS = (
    "volunteer", "activity_name", "service_date", "place", "service_object", "content", "hours", "evaluation",
    "responsible_person", "organization", "source", "status", "void_reason", "created_at", "updated_at",
)  # fmt: skip


@dataclass
class People:
    user_ids: list  # the ordinary accounts, heavy one excluded
    heavy_user_id: int
    heavy_volunteer_id: int
    records: int


def create_people(count, rng: random.Random, now=None):
    """``count`` volunteers with their accounts, plus the heavy one; returns their ids."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    first_user = last_id(User)
    names = [HEAVY_USERNAME, *(f"bench{index:06d}" for index in range(count))]
    copy_rows(
        User,
        USER_FIELDS,
        (
            ("!", False, name, "", "", f"{name}@example.com", False, True, now, person_name(index))
            for index, name in enumerate(names)
        ),
    )
    user_ids = ids_after(User, first_user)
    units = list(OrgUnit.objects.filter(level__in=[OrgUnitLevel.STREET, OrgUnitLevel.COMMUNITY]))
    first_volunteer = last_id(Volunteer)
    copy_rows(
        Volunteer,
        VOLUNTEER_FIELDS,
        (
            volunteer_row(user_id, index, rng.choice(units).pk, today, now)
            for index, user_id in enumerate(user_ids)
        ),
    )
    volunteer_ids = ids_after(Volunteer, first_volunteer)
    records = copy_rows(ServiceRecord, RECORD_FIELDS, record_rows(volunteer_ids, units, rng, today, now))
    return People(user_ids[1:], user_ids[0], volunteer_ids[0], records)


def volunteer_row(user_id, index, unit_id, today, now):
    since = now - datetime.timedelta(days=30 + index % 900)
    return (
        user_id, person_name(index), Gender.FEMALE if index % 9 else Gender.MALE, birth_date(index, today),
        fake_phone(index % 10_000), "", "", unit_id, "周末", "", "", FIRST_VERSION, since, "", "",
        VolunteerStatus.APPROVED, f"B{index:08d}", "", index % 3 != 1, since, since,
    )  # fmt: skip


def record_rows(volunteer_ids, units, rng, today, now):
    activities = list(HISTORY.values())
    for position, volunteer_id in enumerate(volunteer_ids):
        count = HEAVY_RECORDS if position == 0 else min(40, int(rng.expovariate(1 / MEAN_RECORDS)))
        for _ in range(count):
            activity, content, served = rng.choice(activities)
            unit = rng.choice(units)
            hours = Decimal(rng.randint(1, 16)) / 2
            status = RecordStatus.APPROVED if rng.random() < 0.9 else RecordStatus.PENDING
            day = today - datetime.timedelta(days=rng.randint(0, 1_000))
            yield (
                volunteer_id, activity, day, unit.name, served, content, hours, "", "活动负责人", unit.pk,
                RecordSource.MANUAL, status, "", now, now,
            )  # fmt: skip
