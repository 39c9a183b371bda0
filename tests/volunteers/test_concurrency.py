"""Concurrent sign-ups never exceed a shift's maximum and never give one volunteer two overlapping
shifts (acceptance 2; docs/volunteers.md, "Locking").

Real threads, each with its own database connection (closed at the end of the thread), start
together on a ``threading.Barrier``. Skipped on SQLite unless ``REQUIRE_POSTGRES=1`` (CI), where a
skip would hide a failure, so they fail instead. A small burst runs on both databases.
"""

import collections
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection

from cms.errors import ServiceError
from tests.events.test_concurrency import _connect, free_connection_slots, require_postgres
from tests.volunteers.factories import make_org_tree, make_organizer, make_shift, make_volunteer, tomorrow_at
from volunteers import services
from volunteers.models import ShiftSignup, SignupFlow
from volunteers.services import HOLDING_STATUSES
from volunteers.services import VolunteerErrorCode as Code

transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module", autouse=True)
def _initial_data_back_afterwards(django_db_setup, django_db_blocker):
    """Start from, and leave behind, the snapshot taken after migrating.

    ``serialized_rollback`` loads the snapshot at the start of each test here. A transactional
    test without it that ran before (pytest-django runs them all at the end) leaves content types
    re-created by ``post_migrate`` under other ids, which the snapshot would collide with: empty
    the tables first. Afterwards put the snapshot back, as tests/events/test_concurrency.py does.
    """
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    yield
    with django_db_blocker.unblock():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)


Outcome = collections.namedtuple("Outcome", "value code crash")


def run_concurrently(jobs, *, max_open=None):
    """Each job in its own thread on its own connection, all released together by a barrier."""
    outcomes = [None] * len(jobs)
    barrier = threading.Barrier(len(jobs))
    slots = threading.BoundedSemaphore(max_open or len(jobs))

    def worker(index, job):
        try:
            barrier.wait(timeout=60)
            with slots:
                try:
                    _connect()
                    outcomes[index] = Outcome(job(), None, None)
                except ServiceError as error:
                    outcomes[index] = Outcome(None, error.problems[0].code, None)
                except Exception as error:  # reported below
                    outcomes[index] = Outcome(None, None, error)
                finally:
                    connection.close()
        except threading.BrokenBarrierError as error:
            outcomes[index] = Outcome(None, None, error)

    threads = [threading.Thread(target=worker, args=(i, job), daemon=True) for i, job in enumerate(jobs)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    elapsed = time.perf_counter() - started
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    crashes = [(i, o.crash) for i, o in enumerate(outcomes) if o is None or o.crash]
    assert crashes == [], crashes
    return outcomes, elapsed


def report(name, elapsed, threads):
    print(f"\n[{connection.vendor}] {name}: {threads} threads, {elapsed:.2f} s")


def holding(shift):
    return ShiftSignup.objects.filter(shift=shift, status__in=HOLDING_STATUSES).count()


def assert_no_overlaps(volunteer):
    held = list(
        ShiftSignup.objects.select_related("shift")
        .filter(volunteer=volunteer, status__in=HOLDING_STATUSES)
        .order_by("shift__starts_at")
    )
    for earlier, later in zip(held, held[1:], strict=False):
        assert earlier.shift.ends_at <= later.shift.starts_at, (earlier.shift, later.shift)
    return held


def many_for_one_shift(count, max_count, flow=SignupFlow.INSTANT):
    org = make_org_tree()
    shift = make_shift(org["district"], max_count=max_count, signup_flow=flow)
    volunteers = [make_volunteer(org["community"]) for _ in range(count)]
    jobs = [lambda v=v: services.sign_up(v.user, shift.pk) for v in volunteers]
    max_open = None
    if connection.vendor == "postgresql":
        max_open = max(8, min(len(jobs), free_connection_slots()))
    outcomes, elapsed = run_concurrently(jobs, max_open=max_open)
    report(f"{count} volunteers, one shift of {max_count}", elapsed, count)
    succeeded = [o for o in outcomes if o.code is None]
    assert len(succeeded) == max_count
    assert collections.Counter(o.code for o in outcomes if o.code) == {Code.SHIFT_FULL: count - max_count}
    assert holding(shift) == max_count


@transactional
def test_postgresql_80_volunteers_for_a_shift_of_12():
    require_postgres()
    many_for_one_shift(80, 12)


@transactional
def test_postgresql_40_requests_for_a_shift_of_5_with_approval():
    require_postgres()
    many_for_one_shift(40, 5, SignupFlow.APPROVAL)


@transactional
def test_postgresql_one_volunteer_signing_up_for_overlapping_shifts_at_once():
    """Every pair overlaps: at most one sign-up survives, the others are told OVERLAP. Repeated
    a few times, with other volunteers competing for the same shifts."""
    require_postgres()
    org = make_org_tree()
    organizer = make_organizer(org["district"])
    for round_number in range(5):
        day = round_number + 1
        shifts = [
            make_shift(
                org["district"], role_name=f"岗位{i}", starts_at=tomorrow_at(9, 10 * i, days=day), max_count=3
            )
            for i in range(6)
        ]
        volunteer = make_volunteer(org["community"])
        others = [make_volunteer(org["community"]) for _ in range(6)]
        jobs = [lambda s=s, v=volunteer: services.sign_up(v.user, s.pk) for s in shifts]
        # The organizer assigns the same volunteer at the same moment: same locks, same rules.
        jobs += [lambda s=s, v=volunteer: services.assign(v.pk, s.pk, by=organizer) for s in shifts[:3]]
        jobs += [lambda v=v, s=s: services.sign_up(v.user, s.pk) for v in others for s in shifts[:2]]
        outcomes, elapsed = run_concurrently(jobs)
        report(
            f"round {day}: one volunteer, 6 overlapping shifts, + assignments and competitors",
            elapsed,
            len(jobs),
        )
        held = assert_no_overlaps(volunteer)
        assert len(held) == 1
        own = outcomes[:9]
        assert sum(o.code is None for o in own) == 1
        assert {o.code for o in own if o.code} <= {Code.OVERLAP, Code.ALREADY_SIGNED_UP, Code.SHIFT_FULL}
        for shift in shifts:
            assert holding(shift) <= shift.max_count
        for other in others:
            assert len(assert_no_overlaps(other)) <= 1


@transactional
def test_postgresql_mixed_shifts_some_overlapping():
    """One volunteer, a morning of shifts where only some pairs overlap: the survivors never do."""
    require_postgres()
    org = make_org_tree()
    starts = [8, 9, 10, 11, 13, 13, 15]  # hour; every shift lasts 2 hours
    shifts = [make_shift(org["district"], starts_at=tomorrow_at(h), max_count=1) for h in starts]
    volunteers = [make_volunteer(org["community"]) for _ in range(4)]
    jobs = [lambda v=v, s=s: services.sign_up(v.user, s.pk) for v in volunteers for s in shifts]
    outcomes, elapsed = run_concurrently(jobs)
    report("4 volunteers x 7 partly overlapping shifts of 1 place", elapsed, len(jobs))
    for volunteer in volunteers:
        assert_no_overlaps(volunteer)
    for shift in shifts:
        assert holding(shift) <= 1
    assert {o.code for o in outcomes if o.code} <= {Code.OVERLAP, Code.SHIFT_FULL}


@transactional
def test_sqlite_burst_of_12_volunteers_for_a_shift_of_4():
    """Runs on both databases: on SQLite the IMMEDIATE transactions queue on the busy timeout and
    no "database is locked" escapes."""
    many_for_one_shift(12, 4)
