"""Two app servers and two task workers on one PostgreSQL and one Redis, as docs/deploy.md
("More than one app server") describes: capacity holds, a session made on one server works on
the other, and every confirmation mail goes out exactly once.

Real processes: two gunicorn instances (deploy/gunicorn.conf.py, production settings) on free
ports of 127.0.0.1 and two ``manage.py db_worker``, all on this run's test database and on the
Redis of ``REDIS_URL``. People sign in through allauth's headless API and register through
``/graphql/``, as the app does, concurrently and through both servers. Mail goes to files.

Runs only with ``REQUIRE_POSTGRES=1`` and ``REDIS_URL`` (CI's PostgreSQL pass), e.g.
``DATABASE_URL=postgres://... REQUIRE_POSTGRES=1 REDIS_URL=redis://127.0.0.1:6379/0 pytest --create-db``
"""

import collections
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from email import message_from_bytes
from email.header import decode_header, make_header
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django_tasks_db.models import DBTaskResult

from events.models import Notification, Registration, RegistrationStatus
from tests.cms.test_deploy import SCRUBBED
from tests.events.factories import make_event, make_org_tree, make_user

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "")
ENABLED = os.environ.get("REQUIRE_POSTGRES") == "1" and bool(REDIS_URL)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not ENABLED, reason="needs REQUIRE_POSTGRES=1 (PostgreSQL) and REDIS_URL (Redis)"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Scale-out-check-2026"
CAPACITY = 5
PEOPLE = 12
# Bounds on waiting for the servers and the workers, so that a broken setup fails instead of hanging.
STARTUP_DEADLINE = 90
DELIVERY_DEADLINE = 120


@pytest.fixture(scope="module", autouse=True)
def _initial_data_back_afterwards(django_db_setup, django_db_blocker):
    """serialized_rollback's flush after the last test leaves every table empty: restore them."""
    yield
    with django_db_blocker.unblock():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Cluster:
    """The processes of the deployment, started and stopped by the ``cluster`` fixture."""

    def __init__(self, tmp_path):
        self.mail_dir = tmp_path / "mail"
        self.mail_dir.mkdir()
        self.cache_prefix = f"scale-out-{uuid.uuid4().hex[:8]}"
        self.env = {key: value for key, value in os.environ.items() if not SCRUBBED.match(key)}
        self.env.update(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY="scale-out-test-secret-" + "k" * 40,
            VOLUNTEER_ID_KEYS=Fernet.generate_key().decode(),
            DATABASE_URL=database_url(),
            REDIS_URL=REDIS_URL,
            CACHE_KEY_PREFIX=self.cache_prefix,
            ALLOWED_HOSTS="127.0.0.1",
            # Plain HTTP on the loopback; requests say they came through nginx over HTTPS.
            SECURE_SSL_REDIRECT="false",
            GRAPHQL_ARBITRARY_DOCUMENTS="true",
            TASKS_BACKEND="django_tasks_db.DatabaseBackend",
            EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            EMAIL_FILE_PATH=str(self.mail_dir),
            YULAN_VAR_DIR=str(tmp_path / "var"),
            WEB_CONCURRENCY="2",
            LOG_LEVEL="WARNING",
            GUNICORN_ACCESS_LOG="0",
        )
        self.processes = []
        self.logs = tmp_path / "logs"
        self.logs.mkdir()
        self.servers = []

    def spawn(self, name, args, **extra):
        log = open(self.logs / f"{name}.log", "wb")  # noqa: SIM115 (closed in stop())
        process = subprocess.Popen(args, cwd=ROOT, env={**self.env, **extra}, stdout=log, stderr=log)
        self.processes.append((name, process, log))
        return process

    def start(self):
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        for name in ("a", "b"):
            port = free_port()
            self.spawn(
                f"web-{name}",
                [gunicorn, "-c", "deploy/gunicorn.conf.py"],
                GUNICORN_BIND=f"127.0.0.1:{port}",
            )
            self.servers.append(f"http://127.0.0.1:{port}")
        for name in ("1", "2"):
            self.spawn(
                f"worker-{name}",
                [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--no-reload",
                 "--interval", "0.2", "--no-startup-delay"],
            )  # fmt: skip
        deadline = time.monotonic() + STARTUP_DEADLINE
        for server in self.servers:
            while True:
                self.assert_running()
                try:
                    with urllib.request.urlopen(server + "/healthz", timeout=30) as response:
                        assert json.load(response) == {"status": "ok", "database": "ok", "cache": "ok"}
                        break
                except OSError:  # refused while booting (URLError), or slow to answer
                    assert time.monotonic() < deadline, f"{server} did not come up:\n{self.output()}"
                    time.sleep(0.2)

    def assert_running(self):
        for name, process, _log in self.processes:
            assert process.poll() is None, f"{name} exited with {process.returncode}:\n{self.output()}"

    def output(self):
        return "\n".join(f"--- {path.name}\n{path.read_text()[-3000:]}" for path in self.logs.iterdir())

    def stop(self):
        for _name, process, _log in self.processes:
            if process.poll() is None:
                process.terminate()
        for _name, process, log in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()

    def mails(self):
        """Every message the workers wrote: (recipient, subject)."""
        sent = []
        for path in sorted(self.mail_dir.iterdir()):
            for chunk in path.read_bytes().split(b"-" * 79):
                if chunk.strip():
                    message = message_from_bytes(chunk.strip())
                    sent.append((message["To"], str(make_header(decode_header(message["Subject"])))))
        return sent


@pytest.fixture
def cluster(tmp_path):
    cluster = Cluster(tmp_path)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"{cluster.cache_prefix}:*"))
        if keys:
            client.delete(*keys)


class Browser:
    """The app in one person's browser: cookies, the CSRF token from its cookie, HTTPS as nginx
    reports it (``X-Forwarded-Proto``), any of the servers."""

    def __init__(self):
        self.cookies = {}

    def request(self, server, method, path, body=None):
        headers = {"X-Forwarded-Proto": "https", "Origin": server.replace("http://", "https://")}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if "csrftoken" in self.cookies:
            headers["X-CSRFToken"] = self.cookies["csrftoken"]
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
            headers["Accept"] = "application/json"
        request = urllib.request.Request(server + path, data=data, headers=headers, method=method)
        try:
            response = urllib.request.urlopen(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie = SimpleCookie()
                cookie.load(header)
                for name, morsel in cookie.items():
                    self.cookies[name] = morsel.value
            return response.status, json.loads(response.read() or b"null")

    def sign_in(self, server, email):
        status, _ = self.request(server, "GET", "/_allauth/browser/v1/auth/session")
        assert status == 401  # nobody yet; the csrftoken cookie is set
        status, body = self.request(
            server, "POST", "/_allauth/browser/v1/auth/login", {"email": email, "password": PASSWORD}
        )
        assert status == 200, body
        assert "sessionid" in self.cookies

    def graphql(self, server, query, variables=None):
        status, body = self.request(
            server, "POST", "/graphql/", {"query": query, "variables": variables or {}}
        )
        assert status == 200, body
        assert "errors" not in body, body
        return body["data"]


ME = "{ me { email } }"
REGISTER = """mutation ($input: RegisterForEventInput!) {
  registerForEvent(input: $input) { registration { id status } errors { field code } }
}"""


def make_people(count):
    # A real production hash (test settings use MD5, which production does not accept), cheap to check.
    encoded = PBKDF2PasswordHasher().encode(PASSWORD, "scaleoutsalt", iterations=1000)
    people = []
    for number in range(count):
        user = make_user(f"报名人{number}", email=f"person{number}@scale-out.example.cn")
        user.password = encoded
        user.save(update_fields=["password"])  # make_user verified the email address
        people.append(user)
    return people


def test_two_servers_one_database_one_cache(cluster):
    org = make_org_tree()
    event = make_event(org["district"], capacity=CAPACITY, max_party_size=1, waitlist_enabled=True)
    people = make_people(PEOPLE)
    a, b = cluster.servers

    # Each person signs in on one server; the session works on the other.
    browsers = {}
    for number, person in enumerate(people):
        home, other = (a, b) if number % 2 == 0 else (b, a)
        browser = Browser()
        browser.sign_in(home, person.email)
        assert browser.graphql(other, ME)["me"] == {"email": person.email}
        browsers[person.email] = (browser, other)

    # Everyone registers at once, each through the server they did not sign in on.
    barrier = threading.Barrier(PEOPLE)
    outcomes = {}
    failures = []

    def register(email):
        browser, server = browsers[email]
        try:
            barrier.wait(timeout=60)
            data = browser.graphql(server, REGISTER, {"input": {"eventId": str(event.pk), "partySize": 1}})
            outcomes[email] = data["registerForEvent"]
        except Exception as error:  # reported below, with the servers' logs
            failures.append((email, repr(error)))

    threads = [threading.Thread(target=register, args=(email,)) for email in browsers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == [], cluster.output()

    statuses = collections.Counter(outcome["registration"]["status"] for outcome in outcomes.values())
    assert all(outcome["errors"] == [] for outcome in outcomes.values()), outcomes
    # Capacity holds across both servers; everyone else waits, in a dense queue.
    assert statuses == {"CONFIRMED": CAPACITY, "WAITLISTED": PEOPLE - CAPACITY}
    stored = Registration.objects.filter(event=event)
    assert stored.filter(status=RegistrationStatus.CONFIRMED).count() == CAPACITY
    positions = sorted(
        stored.filter(status=RegistrationStatus.WAITLISTED).values_list("waitlist_position", flat=True)
    )
    assert positions == list(range(1, PEOPLE - CAPACITY + 1))

    # Every notice is delivered by one of the two workers, exactly once.
    deadline = time.monotonic() + DELIVERY_DEADLINE
    notifications = Notification.objects.filter(registration__event=event)
    while (
        notifications.filter(sent_at__isnull=True).exists()
        or DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists()
    ):
        cluster.assert_running()
        assert not DBTaskResult.objects.filter(status="FAILED").exists(), cluster.output()
        assert time.monotonic() < deadline, f"mails still queued:\n{cluster.output()}"
        time.sleep(0.2)
    assert notifications.count() == PEOPLE
    assert not DBTaskResult.objects.filter(status="FAILED").exists(), cluster.output()
    mails = cluster.mails()
    recipients = collections.Counter(re.sub(r".*<|>.*", "", to) for to, _subject in mails)
    assert recipients == {person.email: 1 for person in people}, mails

    # Both servers used the one Redis: allauth counted the sign-ins there.
    import redis

    assert list(redis.Redis.from_url(REDIS_URL).scan_iter(f"{cluster.cache_prefix}:*"))
