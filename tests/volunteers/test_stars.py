"""Star levels follow the configured thresholds, boundaries included (acceptance 5)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.events.factories import make_org_tree, make_user
from volunteers.models import RecordSource, RecordStatus, ServiceRecord, Volunteer, VolunteerStatus
from volunteers.stars import hours_to_next_level, star_level, volunteer_hours


@pytest.mark.parametrize(
    ("hours", "stars"),
    [
        (0, 0),
        (Decimal("99.99"), 0),
        (99.99, 0),
        (100, 1),
        (Decimal("100.00"), 1),
        (Decimal("299.99"), 1),
        (300, 2),
        (Decimal("599.5"), 2),
        (600, 3),
        (Decimal("999.99"), 3),
        (1000, 4),
        (Decimal("1499.99"), 4),
        (1500, 5),
        (Decimal("1500.01"), 5),
        (99999, 5),
    ],
)
def test_default_thresholds(hours, stars):
    assert star_level(hours) == stars


def test_the_default_thresholds_are_in_the_settings(settings):
    assert settings.VOLUNTEER_STAR_THRESHOLDS == [100, 300, 600, 1000, 1500]
    del settings.VOLUNTEER_STAR_THRESHOLDS
    assert star_level(100) == 1
    assert star_level(1500) == 5


@pytest.mark.parametrize(
    ("hours", "stars"),
    [
        (0, 0),
        (Decimal("9.99"), 0),
        (10, 1),
        (Decimal("19.5"), 1),
        (20, 2),
        (40, 3),
        (80, 4),
        (160, 5),
        (1000, 5),
    ],
)
def test_configured_thresholds(settings, hours, stars):
    settings.VOLUNTEER_STAR_THRESHOLDS = [10, 20, 40, 80, 160]
    assert star_level(hours) == stars


def test_thresholds_given_as_an_argument_win_and_may_be_unsorted(settings):
    settings.VOLUNTEER_STAR_THRESHOLDS = [10, 20, 40, 80, 160]
    assert star_level(50, thresholds=[300, 50, "100.5"]) == 1
    assert star_level(Decimal("100.5"), thresholds=[300, 50, "100.5"]) == 2
    assert star_level(300, thresholds=[300, 50, "100.5"]) == 3


def test_hours_to_next_level(settings):
    assert hours_to_next_level(0) == 100
    assert hours_to_next_level(Decimal("99.5")) == Decimal("0.5")
    assert hours_to_next_level(100) == 200
    assert hours_to_next_level(Decimal("1499.99")) == Decimal("0.01")
    assert hours_to_next_level(1500) is None
    settings.VOLUNTEER_STAR_THRESHOLDS = [10, 20]
    assert hours_to_next_level(15) == 5
    assert hours_to_next_level(20) is None


@pytest.mark.django_db
def test_volunteer_hours_counts_only_approved_records_within_the_dates():
    org = make_org_tree()
    volunteer = Volunteer.objects.create(
        user=make_user("陈静"),
        real_name="陈静",
        birth_date=datetime.date(1985, 5, 1),
        phone="13800000000",
        org_unit=org["community"],
        consent_version="2026-1",
        consented_at=timezone.now(),
        status=VolunteerStatus.APPROVED,
    )
    other = Volunteer.objects.create(
        user=make_user("刘洋"),
        real_name="刘洋",
        birth_date=datetime.date(1985, 5, 1),
        phone="13800000001",
        org_unit=org["community"],
        consent_version="2026-1",
        consented_at=timezone.now(),
        status=VolunteerStatus.APPROVED,
    )
    assert volunteer_hours(volunteer) == 0

    def record(who, day, hours, status=RecordStatus.APPROVED):
        ServiceRecord.objects.create(
            volunteer=who,
            activity_name="敬老服务",
            service_date=day,
            place="养老院",
            hours=Decimal(hours),
            responsible_person="周主任",
            organization=org["community"],
            source=RecordSource.MANUAL,
            status=status,
        )

    record(volunteer, datetime.date(2026, 1, 1), "60")
    record(volunteer, datetime.date(2026, 2, 1), "39.99")
    record(volunteer, datetime.date(2026, 3, 1), "5", RecordStatus.PENDING)
    record(volunteer, datetime.date(2026, 3, 2), "5", RecordStatus.VOIDED)
    record(other, datetime.date(2026, 1, 1), "500")

    assert volunteer_hours(volunteer) == Decimal("99.99")
    assert star_level(volunteer_hours(volunteer)) == 0
    record(volunteer, datetime.date(2026, 3, 3), "0.01")
    assert star_level(volunteer_hours(volunteer)) == 1
    assert volunteer_hours(volunteer, start=datetime.date(2026, 2, 1)) == Decimal("40")
    assert volunteer_hours(volunteer, end=datetime.date(2026, 2, 1)) == Decimal("99.99")
    assert volunteer_hours(volunteer, datetime.date(2026, 1, 2), datetime.date(2026, 1, 31)) == 0
