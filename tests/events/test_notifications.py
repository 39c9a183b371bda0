"""Notifications: one mail per notification, in Chinese with English beneath, exactly once,
retried when the mail server fails, and reminders before the first session.

Everything runs through the real path: ``notify`` inside a transaction, delivery enqueued on
commit, the Immediate tasks backend of the test settings, ``django.core.mail.outbox``.
"""

import datetime
import smtplib
import threading
import time

import icalendar
import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone, translation

from events import tasks
from events.models import (
    EventStatus,
    Notification,
    NotificationKind,
    Registration,
    RegistrationStatus,
)
from events.notifications import ICS_KINDS, notify, queue_reminders, render_notification
from tests.events import factories

FLAKY = "tests.events.test_notifications.FlakyBackend"
REFUSING = "tests.events.test_notifications.RefusingBackend"
SLOW = "tests.events.test_notifications.SlowBackend"


class FlakyBackend(locmem.EmailBackend):
    """The locmem backend behind a mail server that drops the connection ``failures`` times."""

    failures = 0
    calls = 0

    def send_messages(self, messages):
        FlakyBackend.calls += 1
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


class SlowBackend(locmem.EmailBackend):
    """A mail server that takes its time, so that two workers overlap."""

    def send_messages(self, messages):
        time.sleep(0.3)
        return super().send_messages(messages)


class RefusingBackend(locmem.EmailBackend):
    """A mail server that refuses the address for good (550)."""

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({messages[0].to[0]: (550, b"No such user")})


@pytest.fixture
def flaky():
    FlakyBackend.failures = 0
    FlakyBackend.calls = 0
    with override_settings(EMAIL_BACKEND=FLAKY):
        yield FlakyBackend


@pytest.fixture
def unit(db):
    return factories.make_org_tree()["district"]


@pytest.fixture
def course(unit):
    """A published course of three weekly sessions from tomorrow 09:00, at a venue."""
    venue = factories.make_venue(unit, name="天宁区妇女微家", address="天宁区茶山街道 8 号")
    return factories.make_event(
        unit,
        venue=venue,
        title="茶艺班（秋季）",
        summary="宋代点茶入门",
        sessions=3,
        max_party_size=3,
        contact_name="王老师",
        contact_phone="0519-88888888",
    )


@pytest.fixture
def person(db):
    return factories.make_user("小兰", email="xiaolan@example.com")


def make_registration(event, user=None, status=RegistrationStatus.CONFIRMED, **fields):
    """A registration row as the services leave it (built with the ORM: no service rules here)."""
    fields.setdefault("name", str(user) if user else "电话报名")
    return Registration.objects.create(event=event, user=user, status=status, **fields)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block as a service does: in a transaction whose on-commit callbacks then run."""

    class Committed:
        def __call__(self, function, *args):
            with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
                return function(*args)

    return Committed()


def ics_of(message):
    [attachment] = [a for a in message.attachments if a[0].endswith(".ics")]
    assert attachment[2].startswith("text/calendar")
    return icalendar.Calendar.from_ical(attachment[1])


# --- what is sent -------------------------------------------------------------------------------


def test_confirmation_is_mailed_once_with_the_sessions_attached(course, person, committed):
    registration = make_registration(course, person, party_size=2)

    notification = committed(notify, registration, NotificationKind.CONFIRMED)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["xiaolan@example.com"]
    assert message.subject.startswith("[玉兰] ")
    assert "茶艺班（秋季）" in message.subject
    assert "小兰" in message.body
    assert registration.token in message.body
    assert "王老师" in message.body and "0519-88888888" in message.body
    assert f"{settings.FRONTEND_URL}/events/{course.pk}" in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html" and "<strong>茶艺班（秋季）</strong>" in html

    calendar = ics_of(message)
    starts = sorted(vevent.decoded("dtstart") for vevent in calendar.walk("VEVENT"))
    assert starts == [session.starts_at for session in course.sessions.order_by("starts_at")]

    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert notification.attempts == 1
    assert notification.last_error == ""


# What the translator will write; injected so that these tests do not wait for the catalogue.
CHINESE = {
    "Registration confirmed": "报名成功",
    "Dear %(name)s,": "%(name)s，您好：",
    "Your registration for “%(title)s” is confirmed. We look forward to seeing you.": (
        "您报名的“%(title)s”已确认，期待您的到来。"
    ),
    "Event page": "活动页面",
    "Where: %(location)s": "地点：%(location)s",
}


@pytest.fixture
def chinese_catalogue():
    """The Chinese catalogue with the texts above; reloaded from disk afterwards."""
    from django.utils.translation import trans_real

    with override_settings(LOCALE_PATHS=list(settings.LOCALE_PATHS)):  # reloads catalogues on exit
        catalog = trans_real.translation("zh-hans")._catalog
        for msgid, msgstr in CHINESE.items():
            catalog[msgid] = msgstr
        yield


def test_mail_is_chinese_first_with_english_beneath(course, person, committed, chinese_catalogue):
    committed(notify, make_registration(course, person), NotificationKind.CONFIRMED)
    message = mail.outbox[0]
    body, html = message.body, message.alternatives[0][0]

    assert message.subject == "[玉兰] 报名成功 / Registration confirmed · 茶艺班（秋季）"
    chinese, english = body.split("\n" + "—" * 24 + "\n")
    assert chinese.startswith("小兰，您好：")
    assert "您报名的“茶艺班（秋季）”已确认" in chinese
    assert "地点：天宁区妇女微家，天宁区茶山街道 8 号" in chinese
    assert "星期" in chinese and "星期" not in english  # the dates too
    assert english.strip().startswith("Dear 小兰,")
    assert "Where: 天宁区妇女微家" in english and "Where" not in chinese
    assert html.index('<div lang="zh-Hans">') < html.index("活动页面") < html.index('<div lang="en">')
    assert html.index('<div lang="en">') < html.index("Event page")


def test_an_untranslated_language_is_not_repeated(course, person):
    """Until the catalogue translates a mail, its text is written once (the last language's)."""
    notification = Notification.objects.create(
        registration=make_registration(course, person), kind=NotificationKind.CONFIRMED
    )
    subject, text, html = render_notification(notification, languages=("en", "en"))
    assert subject == "[玉兰] Registration confirmed · 茶艺班（秋季）"
    assert text.count("Dear 小兰,") == 1 and html.count("Dear 小兰,") == 1


@pytest.mark.parametrize("kind", list(NotificationKind))
def test_every_kind_has_its_mail(kind, course, person, committed):
    status = {
        NotificationKind.PENDING: RegistrationStatus.PENDING,
        NotificationKind.WAITLISTED: RegistrationStatus.WAITLISTED,
        NotificationKind.REJECTED: RegistrationStatus.REJECTED,
        NotificationKind.CANCELLED_BY_ORGANIZER: RegistrationStatus.CANCELLED_BY_ORGANIZER,
        NotificationKind.EVENT_CANCELLED: RegistrationStatus.CANCELLED_BY_ORGANIZER,
    }.get(kind, RegistrationStatus.CONFIRMED)
    registration = make_registration(
        course,
        person,
        status=status,
        waitlist_position=7 if status == RegistrationStatus.WAITLISTED else None,
        cancel_reason="场地临时检修" if kind != NotificationKind.EVENT_CANCELLED else "",
    )
    if kind == NotificationKind.EVENT_CANCELLED:
        course.cancel_reason = "台风预警，停课一次"
        course.save(update_fields=["cancel_reason"])

    committed(notify, registration, kind)

    assert len(mail.outbox) == 1, kind
    message = mail.outbox[0]
    subject, _, _ = render_notification(Notification.objects.get(registration=registration, kind=kind))
    assert message.subject == subject
    assert message.subject.startswith("[玉兰] ") and message.subject.endswith("· 茶艺班（秋季）")
    assert "茶艺班（秋季）" in message.body
    assert "{%" not in message.body and "{{" not in message.body
    assert bool([a for a in message.attachments if a[0].endswith(".ics")]) == (kind in ICS_KINDS)
    if kind in ICS_KINDS:
        assert len(ics_of(message).walk("VEVENT")) == 3
    if kind == NotificationKind.WAITLISTED:
        assert "in position 1." in message.body  # first in line: nobody waits ahead
    if kind in (NotificationKind.CANCELLED_BY_ORGANIZER, NotificationKind.REJECTED):
        assert "场地临时检修" in message.body
    if kind == NotificationKind.EVENT_CANCELLED:
        assert "台风预警，停课一次" in message.body


def test_waitlist_mail_gives_the_place_in_line(course, person, committed):
    for position in (3, 5):
        make_registration(
            course, factories.make_user(), status=RegistrationStatus.WAITLISTED, waitlist_position=position
        )
    registration = make_registration(
        course, person, status=RegistrationStatus.WAITLISTED, waitlist_position=9
    )
    committed(notify, registration, NotificationKind.WAITLISTED)
    with translation.override("en"):
        expected = "in position 3"
    assert expected in mail.outbox[0].body


def test_notify_twice_sends_once(course, person, committed):
    registration = make_registration(course, person)
    first = committed(notify, registration, NotificationKind.CONFIRMED)
    second = committed(notify, registration, NotificationKind.CONFIRMED)
    assert first.pk == second.pk
    assert Notification.objects.filter(registration=registration).count() == 1
    assert len(mail.outbox) == 1


def test_delivering_twice_sends_once(course, person, committed):
    notification = committed(notify, make_registration(course, person), NotificationKind.APPROVED)
    assert len(mail.outbox) == 1
    result = tasks.deliver_notification.enqueue(notification.pk)
    assert result.return_value == tasks.ALREADY_DONE
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.attempts == 1


def test_a_rolled_back_registration_sends_nothing(course, person, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notify(make_registration(course, person), NotificationKind.CONFIRMED)
        raise RuntimeError("the service failed after notify")
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_phone_in_registration_is_marked_without_a_mail(course, committed):
    registration = make_registration(course, None, name="张阿姨", phone="13800000000")
    notification = committed(notify, registration, NotificationKind.CONFIRMED)
    assert mail.outbox == []
    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert notification.last_error == "no address"
    assert tasks.deliver_notification.enqueue(notification.pk).return_value == tasks.ALREADY_DONE


@pytest.mark.parametrize("verified", [None, False])
def test_account_without_a_verified_email_is_marked_without_a_mail(course, committed, verified):
    """No address, or one never confirmed (anyone can type anyone's address at sign-up)."""
    user = factories.make_user("无邮箱", email="")
    if verified is not None:
        user.email = "typed@example.com"
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    notification = committed(notify, make_registration(course, user), NotificationKind.CONFIRMED)
    notification.refresh_from_db()
    assert mail.outbox == [] and notification.sent_at and notification.last_error == "no address"


@pytest.mark.django_db(transaction=True)
@override_settings(EMAIL_BACKEND=SLOW)
def test_two_workers_delivering_at_once_send_one_mail():
    """Two workers (threads, each with its own connection) run the same delivery together."""
    unit = factories.make_org_tree()["district"]
    registration = make_registration(factories.make_event(unit), factories.make_user("小兰"))
    notification = Notification.objects.create(registration=registration, kind=NotificationKind.CONFIRMED)
    barrier = threading.Barrier(2)
    outcomes = []

    def worker():
        try:
            barrier.wait()
            outcomes.append(tasks.deliver_notification.call(notification.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert len(mail.outbox) == 1
    assert sorted(outcomes) == sorted([tasks.SENT, tasks.IN_PROGRESS]) or sorted(outcomes) == sorted(
        [tasks.SENT, tasks.ALREADY_DONE]
    )
    notification.refresh_from_db()
    assert notification.attempts == 1 and notification.sent_at is not None


# --- a failing mail server ------------------------------------------------------------------


def test_a_mail_server_that_fails_once_is_retried_and_sends_once(course, person, committed, flaky):
    flaky.failures = 1
    registration = make_registration(course, person)

    notification = committed(notify, registration, NotificationKind.CONFIRMED)

    assert flaky.calls == 2
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert notification.attempts == 2
    assert "SMTPServerDisconnected" in notification.last_error
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    # A later run finds it sent.
    assert tasks.deliver_notification.enqueue(notification.pk).return_value == tasks.ALREADY_DONE
    assert len(mail.outbox) == 1


def test_a_mail_server_that_keeps_failing_gives_up_and_keeps_the_registration(
    course, person, committed, flaky
):
    flaky.failures = 100
    registration = make_registration(course, person)

    notification = committed(notify, registration, NotificationKind.CONFIRMED)

    assert flaky.calls == tasks.MAX_ATTEMPTS
    assert mail.outbox == []
    notification.refresh_from_db()
    assert notification.sent_at is None
    assert notification.attempts == tasks.MAX_ATTEMPTS
    assert "Connection unexpectedly closed" in notification.last_error
    assert Registration.objects.filter(pk=registration.pk, status=RegistrationStatus.CONFIRMED).exists()
    assert tasks.deliver_notification.enqueue(notification.pk).return_value == tasks.GAVE_UP
    assert flaky.calls == tasks.MAX_ATTEMPTS


def test_a_failure_is_retried_later_on_a_backend_that_defers(course, person, flaky):
    """With the database backend of production, the retry waits (run_after) instead of looping."""
    flaky.failures = 1
    notification = Notification.objects.create(
        registration=make_registration(course, person), kind=NotificationKind.CONFIRMED
    )
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        before = timezone.now()
        assert tasks.deliver_notification.call(notification.pk) == tasks.RETRYING
        backend = tasks.deliver_notification.get_backend()
        [retry] = backend.results
        assert retry.args == [notification.pk]
        delay = datetime.timedelta(seconds=tasks.retry_delay(1))
        assert before + delay <= retry.task.run_after <= timezone.now() + delay
        backend.clear()
    notification.refresh_from_db()
    assert notification.attempts == 1 and notification.sent_at is None
    assert tasks.deliver_notification.call(notification.pk) == tasks.SENT
    assert len(mail.outbox) == 1


def test_backoff_grows():
    delays = [tasks.retry_delay(attempt) for attempt in range(1, tasks.MAX_ATTEMPTS)]
    assert delays == sorted(delays) and delays[0] >= 60


@override_settings(EMAIL_BACKEND=REFUSING)
def test_a_refused_address_is_not_retried(course, person, committed):
    notification = committed(notify, make_registration(course, person), NotificationKind.CONFIRMED)
    notification.refresh_from_db()
    assert notification.attempts == 1
    assert notification.sent_at is None
    assert "550" in notification.last_error


# --- through the services ---------------------------------------------------------------------


def test_registering_while_the_mail_server_fails_once_keeps_the_registration_and_mails_once(
    course, person, flaky, django_capture_on_commit_callbacks
):
    flaky.failures = 1
    with django_capture_on_commit_callbacks(execute=True):
        registration = factories.make_registration(course, person)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    notification = Notification.objects.get(registration=registration)
    assert (notification.kind, notification.attempts) == (NotificationKind.CONFIRMED, 2)
    assert notification.sent_at is not None
    assert len(mail.outbox) == 1 and len(ics_of(mail.outbox[0]).walk("VEVENT")) == 3


def test_cancelling_the_event_tells_every_registrant_once_with_the_reason(
    unit, course, django_capture_on_commit_callbacks
):
    from events import services

    organizer = factories.make_organizer(unit)
    people = [factories.make_user(f"学员{i}", email=f"student{i}@example.com") for i in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        for someone in people:
            factories.make_registration(course, someone)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_event(course.pk, by=organizer, reason="台风预警，课程取消")

    assert sorted(m.to[0] for m in mail.outbox) == [p.email for p in people]
    assert all("台风预警，课程取消" in m.body for m in mail.outbox)
    assert (
        Notification.objects.filter(kind=NotificationKind.EVENT_CANCELLED, sent_at__isnull=False).count() == 3
    )


# --- reminders ----------------------------------------------------------------------------------


def starting_in(hours, count=1):
    first = timezone.now() + datetime.timedelta(hours=hours)
    return factories.session_times(count, first=first)


@pytest.mark.django_db(transaction=True)
def test_a_reminder_is_sent_once_across_two_worker_runs():
    """Acceptance 4: the command twice, and the delivery task twice more: one mail."""
    unit = factories.make_org_tree()["district"]
    event = factories.make_event(unit, title="亲子阅读", sessions=starting_in(5, count=2))
    registration = make_registration(event, factories.make_user("小兰", email="reader@example.com"))

    call_command("send_reminders", verbosity=0)
    call_command("send_reminders", verbosity=0)

    notification = Notification.objects.get(registration=registration, kind=NotificationKind.REMINDER)
    for _ in range(2):
        assert tasks.deliver_notification.enqueue(notification.pk).return_value == tasks.ALREADY_DONE
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["reader@example.com"]
    assert "亲子阅读" in mail.outbox[0].subject
    assert registration.token in mail.outbox[0].body
    assert Notification.objects.filter(kind=NotificationKind.REMINDER).count() == 1


def test_reminders_go_only_to_confirmed_registrations_of_events_about_to_start(unit, committed):
    soon = factories.make_event(unit, sessions=starting_in(3))
    later = factories.make_event(unit, sessions=starting_in(48))
    begun = factories.make_event(  # a course whose first session was an hour ago
        unit,
        sessions=[
            (s - datetime.timedelta(hours=4), e - datetime.timedelta(hours=4)) for s, e in starting_in(3, 2)
        ],
    )
    draft = factories.make_event(unit, sessions=starting_in(3), status=EventStatus.DRAFT)
    cancelled = factories.make_event(unit, sessions=starting_in(3), status=EventStatus.CANCELLED)

    expected = make_registration(soon, factories.make_user())
    phone_in = make_registration(soon, None)
    for status in (
        RegistrationStatus.WAITLISTED,
        RegistrationStatus.PENDING,
        RegistrationStatus.CANCELLED_BY_REGISTRANT,
    ):
        make_registration(soon, factories.make_user(), status=status)
    for event in (later, begun, draft, cancelled):
        make_registration(event, factories.make_user())

    assert committed(queue_reminders) == 2
    reminded = set(
        Notification.objects.filter(kind=NotificationKind.REMINDER).values_list("registration", flat=True)
    )
    assert reminded == {expected.pk, phone_in.pk}
    assert [m.to for m in mail.outbox] == [[expected.user.email]]
    assert Notification.objects.get(registration=phone_in).last_error == "no address"
    assert committed(queue_reminders) == 0


def test_reminder_hours_come_from_the_settings(unit, committed, settings):
    registration = make_registration(
        factories.make_event(unit, sessions=starting_in(48)), factories.make_user()
    )
    assert committed(queue_reminders) == 0
    settings.EVENT_REMINDER_HOURS = 72
    assert committed(queue_reminders) == 1
    assert Notification.objects.filter(registration=registration, kind=NotificationKind.REMINDER).exists()
    assert len(mail.outbox) == 1


def test_the_reminder_task_queues_the_due_reminders(unit, django_capture_on_commit_callbacks):
    make_registration(factories.make_event(unit, sessions=starting_in(2)), factories.make_user())
    with django_capture_on_commit_callbacks(execute=True):
        result = tasks.send_reminders.enqueue()
    assert result.return_value == 1
    assert len(mail.outbox) == 1


def test_a_reminder_for_a_registration_cancelled_meanwhile_is_not_sent(unit):
    registration = make_registration(
        factories.make_event(unit, sessions=starting_in(2)), factories.make_user()
    )
    notification = Notification.objects.create(registration=registration, kind=NotificationKind.REMINDER)
    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.CANCELLED_BY_REGISTRANT)

    assert tasks.deliver_notification.enqueue(notification.pk).return_value == tasks.SKIPPED
    assert mail.outbox == []
    notification.refresh_from_db()
    assert notification.sent_at is not None and notification.last_error.startswith("skipped")


def test_the_command_requeues_deliveries_that_were_never_attempted(
    course, person, django_capture_on_commit_callbacks
):
    notification = Notification.objects.create(
        registration=make_registration(course, person), kind=NotificationKind.CONFIRMED
    )  # as if the enqueue after commit had been lost
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", hours=0, verbosity=0)  # no reminder is due within 0 hours
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.sent_at is not None
