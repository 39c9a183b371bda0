"""Concurrent sign-ups and cancellations never overbook, never let anyone jump the queue, and leave
the waitlist in a state the strict rule allows (docs/events.md, "Locking").

Real threads, each with its own database connection (closed at the end of the thread), start
together on a ``threading.Barrier``. The PostgreSQL tests are skipped on SQLite, unless
``REQUIRE_POSTGRES=1`` (CI), where a skip would hide a failure, so they fail instead. The SQLite
burst runs on both databases.

What must hold after every burst (``assert_invariants``):

- the seats taken (persons in pending and confirmed registrations) never exceed the capacity,
  neither at the end nor at any moment a sampling thread looked during the burst;
- nobody has two active registrations;
- the waitlist positions ever given are unique and dense: 1, 2, ... n;
- promotion went in order: every promoted registration's position is below every waiting one's;
- the strict rule: the head of the waitlist does not fit into the free seats (or nobody waits);
- every thread ended with a registration or a ``ServiceError`` with an expected code: no other
  exception ("database is locked", deadlock, IntegrityError) escaped.
"""

import collections
import os
import random
import threading
import time

import pytest
from django.core import mail
from django.db import OperationalError, connection

from cms.errors import ServiceError
from events import selectors, services
from events.models import SEATED_STATUSES, Notification, Registration, RegistrationStatus
from events.services import RegistrationErrorCode as Code
from tests.events.factories import make_event, make_org_tree, make_organizer, make_user

S = RegistrationStatus
SEED = 20240615
transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module", autouse=True)
def _initial_data_back_afterwards(django_db_setup, django_db_blocker):
    """Leave the database as these tests found it.

    ``serialized_rollback`` puts Wagtail's initial data (and the content types) back at the start
    of each test here, but the flush after the last one leaves every table empty: Django inhibits
    ``post_migrate`` then, so not even the content types come back, and a later transactional test
    of another module would fail on them. Restore the snapshot once this module is done.
    """
    yield
    with django_db_blocker.unblock():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)


def require_postgres():
    if connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail("REQUIRE_POSTGRES=1 but the database is not PostgreSQL")
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


def free_connection_slots(margin=10):
    """How many more connections the PostgreSQL server takes now, keeping a margin for others."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int"
            " - current_setting('superuser_reserved_connections')::int"
            " - (SELECT count(*) FROM pg_stat_activity)"
        )
        return cursor.fetchone()[0] - margin


def _connect():
    """Open this thread's connection, waiting if the server is at its connection limit."""
    for _attempt in range(200):
        try:
            connection.ensure_connection()
            return
        except OperationalError as error:
            message = str(error)
            if "too many clients" not in message and "remaining connection slots" not in message:
                raise
            connection.close()
            time.sleep(0.05)
    connection.ensure_connection()


class Outcome(collections.namedtuple("Outcome", "value error crash")):
    @property
    def code(self):
        return self.error.problems[0].code if self.error else None


def run_concurrently(jobs, *, event, max_open=None):
    """Run each job in its own thread, all released together; each on its own connection.

    At most ``max_open`` threads hold a connection at once (the server's connection limit); the
    others queue for a slot and connect as soon as one is free, so the lock stays contended.
    Meanwhile a sampling thread reads the seats taken as often as it can.
    Returns (outcomes in job order, seconds, the most seats ever seen taken).
    """
    outcomes = [None] * len(jobs)
    barrier = threading.Barrier(len(jobs) + 1)
    slots = threading.BoundedSemaphore(max_open or len(jobs))
    stop = threading.Event()
    sampled = []

    def worker(index, job):
        try:
            barrier.wait(timeout=60)
            with slots:
                try:
                    _connect()
                    outcomes[index] = Outcome(job(), None, None)
                except ServiceError as error:
                    outcomes[index] = Outcome(None, error, None)
                except Exception as error:  # reported below, with the job
                    outcomes[index] = Outcome(None, None, error)
                finally:
                    connection.close()
        except threading.BrokenBarrierError as error:
            outcomes[index] = Outcome(None, None, error)

    def sampler():
        try:
            _connect()
            barrier.wait(timeout=60)
            while not stop.is_set():
                sampled.append(selectors.seats_taken(event))
                time.sleep(0.002)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, job), daemon=True) for i, job in enumerate(jobs)]
    watcher = threading.Thread(target=sampler, daemon=True)
    for thread in [*threads, watcher]:
        thread.start()
    started = time.perf_counter()
    for thread in threads:
        thread.join(timeout=300)
    elapsed = time.perf_counter() - started
    stop.set()
    watcher.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    crashes = [(i, outcome.crash) for i, outcome in enumerate(outcomes) if outcome is None or outcome.crash]
    assert crashes == [], crashes
    return outcomes, elapsed, max(sampled, default=0)


def assert_invariants(event):
    event.refresh_from_db()
    registrations = list(Registration.objects.filter(event=event).order_by("pk"))
    taken = sum(r.party_size for r in registrations if r.status in SEATED_STATUSES)
    assert taken <= event.capacity, (taken, event.capacity)
    assert taken == selectors.seats_taken(event)

    active_users = collections.Counter(r.user_id for r in registrations if r.is_active and r.user_id)
    assert [user for user, count in active_users.items() if count > 1] == []

    positions = sorted(r.waitlist_position for r in registrations if r.waitlist_position is not None)
    assert positions == list(range(1, len(positions) + 1)), positions

    waiting = sorted(
        (r for r in registrations if r.status == S.WAITLISTED), key=lambda r: r.waitlist_position
    )
    promoted = [
        r.waitlist_position for r in registrations if r.status in SEATED_STATUSES and r.waitlist_position
    ]
    if waiting:
        assert max(promoted, default=0) < waiting[0].waitlist_position, "promotion skipped someone"
        head = waiting[0]
        assert head.party_size > event.capacity - taken, (
            "the head fits but was not promoted",
            head.party_size,
        )
    return registrations, taken, waiting


def report(name, elapsed, threads, max_open):
    vendor = connection.vendor
    print(f"\n[{vendor}] {name}: {threads} threads, at most {max_open} connections at once, {elapsed:.2f} s")


def burst(capacity, users, *, max_open=None, seed=SEED, name="burst"):
    """``len(users)`` people register at once, parties of 1-3, for ``capacity`` seats."""
    org = make_org_tree()
    event = make_event(org["district"], capacity=capacity, max_party_size=3, waitlist_enabled=True)
    rng = random.Random(seed)
    sizes = {user.pk: rng.randint(1, 3) for user in users}
    jobs = [
        (
            lambda user=user: services.register(
                user, event.pk, party_size=sizes[user.pk], idempotency_key="burst"
            )
        )
        for user in users
    ]
    outcomes, elapsed, most_seen = run_concurrently(jobs, event=event, max_open=max_open)
    report(name, elapsed, len(jobs), max_open or len(jobs))

    # Every registration went through: with a waitlist, nobody is refused.
    assert [o.code for o in outcomes if o.error] == []
    registrations, taken, waiting = assert_invariants(event)
    assert most_seen <= capacity
    assert len(registrations) == len(users)
    assert sorted(r.user_id for r in registrations) == sorted(user.pk for user in users)
    assert {r.status for r in registrations} <= {S.CONFIRMED, S.WAITLISTED}
    assert all(r.party_size == sizes[r.user_id] for r in registrations)

    # Filled: exactly, or as far as the strict rule allows (the head does not fit in what is left).
    assert sum(sizes.values()) > capacity and waiting
    assert taken == capacity or waiting[0].party_size > capacity - taken
    assert taken > capacity - 3

    # Arrival order is the order the lock was granted, which is the order rows were inserted (the
    # insert happens under the lock): seated ones first, and once someone waits, everyone after
    # waits too, in position order.
    first_waiting = next(i for i, r in enumerate(registrations) if r.status == S.WAITLISTED)
    assert all(r.status == S.CONFIRMED for r in registrations[:first_waiting])
    assert all(r.status == S.WAITLISTED for r in registrations[first_waiting:])
    assert [r.waitlist_position for r in registrations[first_waiting:]] == list(range(1, len(waiting) + 1))

    # Everyone was told once: confirmed or waitlisted.
    told = collections.Counter(
        Notification.objects.filter(registration__event=event).values_list("kind", flat=True)
    )
    assert told == {"confirmed": len(registrations) - len(waiting), "waitlisted": len(waiting)}
    assert len(mail.outbox) == len(registrations)
    return event, elapsed


@transactional
def test_postgresql_burst_of_120_registrations_for_30_seats():
    require_postgres()
    users = [make_user() for _ in range(120)]
    max_open = max(8, min(len(users), free_connection_slots()))
    burst(30, users, max_open=max_open, name="120 registrations, 30 seats")


@transactional
def test_sqlite_burst_of_20_registrations_for_8_seats():
    """Runs on both databases: on SQLite the IMMEDIATE transactions queue on the busy timeout, and
    no "database is locked" escapes."""
    users = [make_user() for _ in range(20)]
    burst(8, users, name="20 registrations, 8 seats")


@transactional
def test_postgresql_random_mix_of_cancellations_and_registrations():
    require_postgres()
    rng = random.Random(SEED)
    org = make_org_tree()
    organizer = make_organizer(org["district"])
    event = make_event(org["district"], capacity=30, max_party_size=3, waitlist_enabled=True)
    for _ in range(45):
        services.register(make_user(), event.pk, party_size=rng.randint(1, 3))
    assert_invariants(event)
    before = Registration.objects.count()

    active = list(Registration.objects.filter(event=event, status__in=[S.CONFIRMED, S.WAITLISTED]))
    rng.shuffle(active)
    by_registrant, by_organizer, twice = active[:20], active[20:28], active[28:33]
    newcomers = [make_user() for _ in range(45)]
    eager = [make_user() for _ in range(4)]  # each registers twice at once, without a key
    replaying = [make_user() for _ in range(4)]  # each sends one request twice, same key

    jobs, kinds = [], []

    def add(kind, job):
        kinds.append(kind)
        jobs.append(job)

    for r in by_registrant:
        add("cancel", lambda r=r: services.cancel_registration(r.pk, by=r.user))
    for r in by_organizer:
        add("cancel", lambda r=r: services.cancel_registration(r.pk, by=organizer, reason="名额调整"))
    for r in twice:
        add(("twice", r.pk), lambda r=r: services.cancel_registration(r.pk, by=r.user))
        add(("twice", r.pk), lambda r=r: services.cancel_registration(r.pk, by=organizer, reason="重复"))
    for user in newcomers:
        size = rng.randint(1, 3)
        add("register", lambda user=user, size=size: services.register(user, event.pk, party_size=size))
    for user in eager:
        for _ in range(2):
            add(("eager", user.pk), lambda user=user: services.register(user, event.pk))
    for user in replaying:
        for _ in range(2):
            add(
                ("replay", user.pk),
                lambda user=user: services.register(user, event.pk, idempotency_key="once"),
            )
    order = list(range(len(jobs)))
    rng.shuffle(order)
    jobs, kinds = [jobs[i] for i in order], [kinds[i] for i in order]

    max_open = max(8, min(len(jobs), free_connection_slots()))
    outcomes, elapsed, most_seen = run_concurrently(jobs, event=event, max_open=max_open)
    report("random mix of cancellations and registrations", elapsed, len(jobs), max_open)

    grouped = collections.defaultdict(list)
    for kind, outcome in zip(kinds, outcomes, strict=True):
        grouped[kind if isinstance(kind, str) else kind[:2]].append(outcome)
    assert all(o.error is None for o in grouped["cancel"]), [o.code for o in grouped["cancel"]]
    assert all(o.error is None for o in grouped["register"]), [o.code for o in grouped["register"]]
    for r in twice:
        codes = sorted(str(o.code) for o in grouped[("twice", r.pk)])
        assert codes == ["NOT_ACTIVE", "None"], codes
    for user in eager:
        codes = sorted(str(o.code) for o in grouped[("eager", user.pk)])
        assert codes == [Code.ALREADY_REGISTERED, "None"], codes
    for user in replaying:
        pair = grouped[("replay", user.pk)]
        assert [o.error for o in pair] == [None, None]
        assert pair[0].value.pk == pair[1].value.pk

    registrations, taken, waiting = assert_invariants(event)
    assert most_seen <= event.capacity
    # Nothing was deleted; exactly one row per newcomer, eager and replaying user was added.
    assert len(registrations) == before + len(newcomers) + len(eager) + len(replaying)
    cancelled = {
        r.pk for r in registrations if r.status in (S.CANCELLED_BY_REGISTRANT, S.CANCELLED_BY_ORGANIZER)
    }
    assert cancelled == {r.pk for r in [*by_registrant, *by_organizer, *twice]}
    # Everyone promoted was told, once; only promoted registrations were told so.
    told = list(
        Notification.objects.filter(registration__event=event, kind="promoted").values_list(
            "registration_id", flat=True
        )
    )
    assert len(told) == len(set(told))
    assert {r.pk for r in registrations if r.waitlist_position and r.status == S.CONFIRMED} <= set(told)
    assert all(r.waitlist_position and r.confirmed_at for r in registrations if r.pk in set(told))
