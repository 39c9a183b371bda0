"""Star levels (星级): 1 to 5 stars from a volunteer's approved service hours.

The thresholds come from ``settings.VOLUNTEER_STAR_THRESHOLDS`` (default 100 / 300 / 600 / 1000 /
1500 h). Reaching a threshold counts: exactly 100 h is one star, 99.99 h is none.
"""

from decimal import Decimal

from django.conf import settings
from django.db.models import Sum

from volunteers.models import RecordStatus, ServiceRecord

DEFAULT_THRESHOLDS = (100, 300, 600, 1000, 1500)
ZERO = Decimal("0")


def _decimal(value):
    """``value`` (int, float, str or Decimal) as a Decimal; floats go through ``str`` so 99.99 stays 99.99."""
    if value is None:
        return ZERO
    return value if isinstance(value, Decimal) else Decimal(str(value))


def star_thresholds(thresholds=None):
    """The thresholds in ascending order, as Decimals: ``thresholds`` or the configured ones."""
    if thresholds is None:
        thresholds = getattr(settings, "VOLUNTEER_STAR_THRESHOLDS", None) or DEFAULT_THRESHOLDS
    return sorted(_decimal(threshold) for threshold in thresholds)


def star_level(hours, thresholds=None):
    """0 to ``len(thresholds)`` (5 by default): hours >= the i-th threshold give i + 1 stars."""
    hours = _decimal(hours)
    return sum(1 for threshold in star_thresholds(thresholds) if hours >= threshold)


def hours_to_next_level(hours, thresholds=None):
    """The hours still missing for the next star (a Decimal), or ``None`` at the top level."""
    hours = _decimal(hours)
    for threshold in star_thresholds(thresholds):
        if hours < threshold:
            return threshold - hours
    return None


def volunteer_hours(volunteer, start=None, end=None):
    """The sum of the volunteer's approved records' hours, dates ``start`` to ``end`` included."""
    records = ServiceRecord.objects.filter(volunteer=volunteer, status=RecordStatus.APPROVED)
    if start is not None:
        records = records.filter(service_date__gte=start)
    if end is not None:
        records = records.filter(service_date__lte=end)
    return records.aggregate(total=Sum("hours"))["total"] or ZERO
