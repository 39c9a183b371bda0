"""Percentiles as the tables report them: the value below which the given share of samples lie."""


def percentile(ordered, q):
    """The ``q`` quantile (0..1) of ``ordered`` (sorted ascending); 0 for no samples."""
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0
