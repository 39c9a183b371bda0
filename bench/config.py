"""What the benchmark measures and where it keeps things; ``BENCH_SCALE`` shrinks the data.

Full scale is the performance issue's: 10,000 events, 1,000,000 registrations, 100,000 volunteers
and 1,000 content pages. Every list keeps at least ``MINIMUM`` rows at any scale, so that the
query counts can always ask for 100 rows.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "bench"
VAR_DIR = Path(os.environ.get("BENCH_VAR_DIR", BASE_DIR / "var" / "bench"))
RESULTS_MD = BENCH_DIR / "RESULTS.md"

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
FULL_SIZE = {"events": 10_000, "registrations": 1_000_000, "volunteers": 100_000, "pages": 1_000}
MINIMUM = {"events": 250, "registrations": 2_000, "volunteers": 200, "pages": 250}

POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_DATABASE", "yulan_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")

HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
READ_WORKERS = int(os.environ.get("BENCH_READ_WORKERS", "2"))
BURST_WORKERS = 4
# Seconds of load per scenario (shrinks with the scale, never below 3 s) and concurrent users.
LOAD_SECONDS = float(os.environ.get("BENCH_SECONDS", str(max(3.0, round(15 * min(SCALE, 1) ** 0.25)))))
LOAD_USERS = int(os.environ.get("BENCH_USERS", "8"))
# Each cell's seconds are split into rounds taken in turn over all cells; the median round counts,
# so that a few seconds of a busy neighbour (on a shared machine) do not decide a ratio.
LOAD_ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))

BURST_REGISTRATIONS = 1_000
BURST_CAPACITY = 100
BURST_CLIENTS = 4

SCALE_QUERY_RUNS = int(os.environ.get("BENCH_QUERY_RUNS", "20"))

# The targets: printed beside the figures, never asserted.
TARGETS = {
    "uncached_vs_api": 1.0,
    "cached_vs_api": 3.0,
    "cached_vs_ceiling": 0.7,
    "scale_query_p95_ms": 50.0,
}


def size(kind, scale=SCALE):
    """Rows of ``kind`` at ``scale``, never fewer than its minimum."""
    return max(MINIMUM[kind], round(FULL_SIZE[kind] * scale))


def database_url(name=DATABASE):
    return f"{POSTGRES}/{name}"


def base_url():
    return f"http://{HOST}:{PORT}"
