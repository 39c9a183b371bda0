"""Ids arrive as strings from clients; anything that is not a positive integer matches nothing."""

MAX_ID = 2**63 - 1


def parse_id(value):
    """The integer behind an ``ID`` argument, or ``None`` when it cannot be one of ours."""
    if value is None:
        return None
    text = str(value).strip()
    if not text.isdecimal() or not text.isascii():
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def find_by_id(queryset, value):
    """The object of ``queryset`` with the id ``value``, or ``None`` (no query when it cannot be one)."""
    number = parse_id(value)
    return queryset.filter(pk=number).first() if number is not None else None
