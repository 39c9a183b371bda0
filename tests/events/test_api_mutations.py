"""The events mutations through the real /graphql/ endpoint, each error code included.

Refusals are data: the payload's object is null and ``errors`` lists ``{field, code, message}``;
the response never carries a GraphQL ``errors`` entry (``gql`` asserts that).
"""

import datetime

import pytest
from django.utils import timezone

from cms.accounts.models import ConsentKind, ConsentRecord
from events.models import (
    CheckIn,
    Event,
    EventStatus,
    Notification,
    NotificationKind,
    Registration,
    RegistrationStatus,
)
from events.services import RegistrationErrorCode
from tests.events import factories

pytestmark = pytest.mark.django_db

REGISTRATION = """registration { id status partySize name phone waitlistPosition token
    companions { name age } answers { questionId value } event { id seatsLeft waitlistLength } }"""


def mutate(gql, name, input, fields="registration { id status }"):
    """Run mutation ``name`` with ``input``; return its payload."""
    input_type = name[0].upper() + name[1:] + "Input"
    query = (
        f"mutation ($input: {input_type}!) {{ {name}(input: $input) {{ {fields} "
        "errors { field code message } } }"
    )
    return gql(query, {"input": input})[name]


def codes(payload):
    return [(error["field"], error["code"]) for error in payload["errors"]]


def refused(payload, *expected, key="registration"):
    """The payload is a refusal with exactly these (field, code) pairs, and every message is set."""
    assert payload[key] is None
    assert sorted(codes(payload), key=str) == sorted(expected, key=str), payload["errors"]
    assert all(error["message"] for error in payload["errors"])
    return payload


def register(gql, event, **input):
    return mutate(gql, "registerForEvent", {"eventId": str(event.pk), **input}, REGISTRATION)


# --- registerForEvent -----------------------------------------------------------------------------


def test_register_confirms_a_seat(gql, event, user):
    gql.login(user)
    payload = register(gql, event, partySize=2, name=" 小兰 ", phone="13800001111")
    assert payload["errors"] == []
    registration = payload["registration"]
    assert registration["status"] == "CONFIRMED"
    assert (registration["partySize"], registration["name"], registration["phone"]) == (
        2,
        "小兰",
        "13800001111",
    )
    assert len(registration["token"]) >= 16
    assert registration["event"] == {"id": str(event.pk), "seatsLeft": 8, "waitlistLength": 0}
    stored = Registration.objects.get(pk=registration["id"])
    assert (stored.user, stored.status) == (user, RegistrationStatus.CONFIRMED)


def test_register_uses_the_display_name_by_default(gql, event, user):
    gql.login(user)
    assert register(gql, event)["registration"]["name"] == "小兰"


def test_register_requires_a_login(gql, event):
    refused(register(gql, event), (None, "UNAUTHENTICATED"))
    assert not Registration.objects.exists()


def test_register_pending_approval(gql, org, user):
    event = factories.make_event(org["district"], requires_approval=True)
    gql.login(user)
    payload = register(gql, event)
    assert payload["registration"]["status"] == "PENDING"
    assert payload["registration"]["event"]["seatsLeft"] == 9  # pending holds its seat


def test_register_joins_the_waitlist_when_full(gql, org, user):
    event = factories.make_event(org["district"], capacity=2, max_party_size=2)
    factories.make_registration(event, party_size=2)
    gql.login(user)
    payload = register(gql, event)
    assert payload["errors"] == []
    assert payload["registration"]["status"] == "WAITLISTED"
    assert payload["registration"]["waitlistPosition"] == 1
    assert payload["registration"]["event"] == {"id": str(event.pk), "seatsLeft": 0, "waitlistLength": 1}
    other = factories.make_user()
    gql.login(other)
    assert register(gql, event)["registration"]["waitlistPosition"] == 2


def test_register_full_without_waitlist(gql, org, user):
    event = factories.make_event(org["district"], capacity=2, max_party_size=2, waitlist_enabled=False)
    factories.make_registration(event)
    gql.login(user)
    refused(register(gql, event, partySize=2), (None, "FULL"))
    assert register(gql, event, partySize=1)["registration"]["status"] == "CONFIRMED"


def test_register_closed_and_not_yet_open(gql, org, user):
    now = timezone.now()
    closed = factories.make_event(
        org["district"],
        registration_opens_at=now - datetime.timedelta(days=3),
        registration_closes_at=now - datetime.timedelta(hours=1),
    )
    later = factories.make_event(
        org["district"],
        registration_opens_at=now + datetime.timedelta(hours=1),
        registration_closes_at=now + datetime.timedelta(hours=5),
    )
    gql.login(user)
    refused(register(gql, closed), (None, "REGISTRATION_CLOSED"))
    refused(register(gql, later), (None, "REGISTRATION_NOT_OPEN"))


def test_register_draft_and_cancelled_events(gql, org, organizer, user):
    draft = factories.make_event(org["district"], status=EventStatus.DRAFT)
    cancelled = factories.make_event(org["district"])
    gql.login(organizer)
    assert mutate(gql, "cancelEvent", {"eventId": str(cancelled.pk), "reason": "暴雨"}, "event { id }")
    gql.login(user)
    refused(register(gql, draft), (None, "NOT_PUBLISHED"))
    refused(register(gql, cancelled), (None, "EVENT_CANCELLED"))


def test_register_unknown_and_malformed_event(gql, user):
    gql.login(user)
    for bad in ("999999", "abc", "-1", "0", "1e3", "99999999999999999999999"):
        refused(mutate(gql, "registerForEvent", {"eventId": bad}), ("eventId", "NOT_FOUND"))


def test_register_party_too_large_and_invalid(gql, event, user):
    gql.login(user)
    refused(register(gql, event, partySize=4), ("partySize", "PARTY_TOO_LARGE"))
    refused(register(gql, event, partySize=0), ("partySize", "INVALID"))
    refused(register(gql, event, name="名" * 61, phone="1" * 31), ("name", "INVALID"), ("phone", "INVALID"))


def test_register_companions(gql, org, user):
    event = factories.make_event(
        org["district"], max_party_size=3, ask_companions=True, min_age=3, max_age=70
    )
    gql.login(user)
    refused(
        register(gql, event, partySize=3, companions=[{"name": "小明", "age": 5}]),
        ("companions", "COMPANIONS_REQUIRED"),
    )
    refused(
        register(gql, event, partySize=3, companions=[{"name": "小明", "age": 1}, {"name": "", "age": None}]),
        ("companions.0.age", "AGE_NOT_ALLOWED"),
        ("companions.1.name", "REQUIRED"),
        ("companions.1.age", "REQUIRED"),
    )
    refused(
        register(gql, event, partySize=2, companions=[{"name": "小明", "age": 300}]),
        ("companions.0.age", "INVALID"),
    )
    refused(
        register(gql, event, partySize=2, companions=[{"name": "小明", "age": 5}]),
        ("childrenConsent", "CHILDREN_CONSENT_REQUIRED"),
    )
    assert not Registration.objects.filter(user=user).exists()
    payload = register(
        gql, event, partySize=2, companions=[{"name": " 小明 ", "age": 5}], childrenConsent=True
    )
    assert payload["registration"]["companions"] == [{"name": "小明", "age": 5}]
    registration = Registration.objects.get(user=user)
    assert registration.children_consent_at is not None
    [consent] = ConsentRecord.objects.filter(user=user)
    assert (consent.kind, consent.version) == (ConsentKind.GUARDIAN, "2026-01")


def test_adult_companions_need_no_childrens_consent(gql, org, user):
    event = factories.make_event(org["district"], max_party_size=2, ask_companions=True)
    gql.login(user)
    payload = register(gql, event, partySize=2, companions=[{"name": "王阿姨", "age": 14}])
    assert payload["errors"] == []
    assert Registration.objects.get(user=user).children_consent_at is None
    assert not ConsentRecord.objects.filter(user=user).exists()


def test_register_caps_its_lists(gql, org, user):
    event = factories.make_event(org["district"], max_party_size=20, capacity=30, ask_companions=True)
    gql.login(user)
    companions = [{"name": f"同伴{n}", "age": 30} for n in range(21)]
    refused(register(gql, event, partySize=20, companions=companions), ("companions", "INVALID"))
    answers = [{"questionId": str(n), "value": "x"} for n in range(1, 52)]
    refused(register(gql, event, answers=answers), ("answers", "INVALID"))
    assert not Registration.objects.exists()


def test_register_answers(gql, org, user):
    event = factories.make_event(
        org["district"],
        questions=[
            {"label": "孩子的年龄段", "kind": "choice", "choices": "3-6岁\n7-12岁", "required": True},
            {"label": "是否需要停车位", "kind": "yes_no"},
            {"label": "备注", "kind": "text"},
        ],
    )
    choice, yes_no, text = (str(q.pk) for q in event.questions.order_by("sort_order", "pk"))
    gql.login(user)
    refused(register(gql, event), (f"answers.{choice}", "ANSWER_REQUIRED"))
    refused(
        register(
            gql,
            event,
            answers=[
                {"questionId": choice, "value": "13岁"},
                {"questionId": yes_no, "value": "也许"},
                {"questionId": text, "value": "长" * 201},
                {"questionId": "999999", "value": "?"},
            ],
        ),
        (f"answers.{choice}", "INVALID_ANSWER"),
        (f"answers.{yes_no}", "INVALID_ANSWER"),
        (f"answers.{text}", "INVALID_ANSWER"),
        ("answers.999999", "INVALID_ANSWER"),
    )
    refused(
        register(
            gql,
            event,
            answers=[{"questionId": choice, "value": "3-6岁"}, {"questionId": choice, "value": "3-6岁"}],
        ),
        ("answers.1.questionId", "INVALID"),
    )
    refused(
        register(gql, event, answers=[{"questionId": "abc", "value": "x"}]),
        ("answers.0.questionId", "INVALID"),
    )
    payload = register(
        gql,
        event,
        answers=[
            {"questionId": choice, "value": "3-6岁"},
            {"questionId": yes_no, "value": "no"},
            {"questionId": text, "value": None},
        ],
    )
    assert payload["errors"] == []
    assert payload["registration"]["answers"] == [
        {"questionId": choice, "value": "3-6岁"},
        {"questionId": yes_no, "value": "no"},
    ]


def test_register_twice_is_refused(gql, event, user):
    gql.login(user)
    register(gql, event)
    refused(register(gql, event), (None, "ALREADY_REGISTERED"))
    assert Registration.objects.filter(user=user).count() == 1


def test_register_idempotent_replay(gql, org, event, user):
    gql.login(user)
    first = register(gql, event, idempotencyKey="k-123")["registration"]
    again = register(gql, event, idempotencyKey="k-123")
    assert again["errors"] == []
    assert again["registration"]["id"] == first["id"]
    assert Registration.objects.filter(user=user).count() == 1
    other = factories.make_event(org["district"])
    refused(register(gql, other, idempotencyKey="k-123"), ("idempotencyKey", "INVALID"))
    refused(register(gql, other, idempotencyKey="k" * 65), ("idempotencyKey", "INVALID"))


# --- cancelRegistration ---------------------------------------------------------------------------


def cancel(gql, registration, reason=None):
    input = {"registrationId": str(registration.pk)}
    if reason is not None:
        input["reason"] = reason
    return mutate(gql, "cancelRegistration", input, "registration { id status cancelReason canCancel }")


def test_registrant_cancels_and_the_waitlist_moves(gql, org, user):
    event = factories.make_event(org["district"], capacity=1)
    registration = factories.make_registration(event, user)
    waiting = factories.make_registration(event)
    gql.login(user)
    payload = cancel(gql, registration, "有事")
    assert payload["errors"] == []
    assert payload["registration"] == {
        "id": str(registration.pk),
        "status": "CANCELLED_BY_REGISTRANT",
        "cancelReason": "有事",
        "canCancel": False,
    }
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    refused(cancel(gql, registration), (None, "NOT_ACTIVE"))


def test_cancel_requires_login_and_the_right_person(gql, org, event, user):
    registration = factories.make_registration(event)
    refused(cancel(gql, registration), (None, "UNAUTHENTICATED"))
    gql.login(user)
    refused(cancel(gql, registration), (None, "PERMISSION_DENIED"))
    gql.login(factories.make_organizer(org["other_district"]))
    refused(cancel(gql, registration, "不对"), (None, "PERMISSION_DENIED"))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_cancel_after_the_deadline(gql, org, organizer, user):
    event = factories.make_event(
        org["district"], cancellation_deadline=timezone.now() + datetime.timedelta(hours=1)
    )
    registration = factories.make_registration(event, user)
    Event.objects.filter(pk=event.pk).update(
        cancellation_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    gql.login(user)
    refused(cancel(gql, registration), (None, "CANCELLATION_DEADLINE_PASSED"))
    gql.login(organizer)  # organizers may cancel any time, with a reason
    refused(cancel(gql, registration), ("reason", "REASON_REQUIRED"))
    refused(cancel(gql, registration, "长" * 201), ("reason", "INVALID"))
    payload = cancel(gql, registration, "重复报名")
    assert payload["registration"]["status"] == "CANCELLED_BY_ORGANIZER"
    assert payload["registration"]["cancelReason"] == "重复报名"


def test_cancel_unknown_and_malformed(gql, user):
    gql.login(user)
    for bad in ("999999", "abc"):
        refused(mutate(gql, "cancelRegistration", {"registrationId": bad}), ("registrationId", "NOT_FOUND"))


# --- approveRegistration and rejectRegistration --------------------------------------------------


@pytest.fixture
def approval_event(org):
    return factories.make_event(org["district"], requires_approval=True, capacity=2, max_party_size=2)


def test_approve(gql, approval_event, organizer):
    registration = factories.make_registration(approval_event)
    gql.login(organizer)
    payload = mutate(gql, "approveRegistration", {"registrationId": str(registration.pk)})
    assert payload == {"registration": {"id": str(registration.pk), "status": "CONFIRMED"}, "errors": []}
    refused(
        mutate(gql, "approveRegistration", {"registrationId": str(registration.pk)}), (None, "NOT_PENDING")
    )


def test_reject_promotes_the_waitlist(gql, approval_event, organizer):
    registration = factories.make_registration(approval_event, party_size=2)
    waiting = factories.make_registration(approval_event)
    gql.login(organizer)
    payload = mutate(
        gql,
        "rejectRegistration",
        {"registrationId": str(registration.pk), "reason": "名额已满"},
        "registration { id status cancelReason }",
    )
    assert payload["registration"] == {
        "id": str(registration.pk),
        "status": "REJECTED",
        "cancelReason": "名额已满",
    }
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.PENDING
    refused(
        mutate(gql, "rejectRegistration", {"registrationId": str(registration.pk)}), (None, "NOT_PENDING")
    )


@pytest.mark.parametrize("name", ["approveRegistration", "rejectRegistration"])
def test_approve_and_reject_need_an_organizer_of_the_unit(gql, org, approval_event, user, name):
    registration = factories.make_registration(approval_event, user)
    refused(mutate(gql, name, {"registrationId": str(registration.pk)}), (None, "UNAUTHENTICATED"))
    for viewer in (user, factories.make_user(), factories.make_organizer(org["other_district"])):
        gql.login(viewer)
        refused(mutate(gql, name, {"registrationId": str(registration.pk)}), (None, "PERMISSION_DENIED"))
    refused(mutate(gql, name, {"registrationId": "abc"}), ("registrationId", "NOT_FOUND"))
    refused(mutate(gql, name, {"registrationId": "999999"}), ("registrationId", "NOT_FOUND"))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.PENDING
    gql.login(factories.make_organizer(org["city"]))  # a unit above manages it too
    assert mutate(gql, name, {"registrationId": str(registration.pk)})["errors"] == []


# --- checkIn and undoCheckIn ----------------------------------------------------------------------

CHECK_IN = (
    "checkIn { id method checkedInAt undoneAt session { id } "
    "registration { id name checkIns { id } } } alreadyCheckedIn"
)


def check_in(gql, session, **input):
    return mutate(gql, "checkIn", {"sessionId": str(session.pk), **input}, CHECK_IN)


def test_check_in_by_token_is_idempotent(gql, org, organizer):
    event = factories.make_event(org["district"], sessions=2)
    registration = factories.make_registration(event, factories.make_user("李娟"))
    session = factories.session_of(event)
    gql.login(organizer)
    typed = registration.token[:4].lower() + " " + registration.token[4:]
    payload = check_in(gql, session, token=typed)
    assert payload["errors"] == []
    record = payload["checkIn"]
    assert (record["method"], record["undoneAt"], record["session"]) == ("QR", None, {"id": str(session.pk)})
    assert record["registration"] == {
        "id": str(registration.pk),
        "name": "李娟",
        "checkIns": [{"id": record["id"]}],
    }
    assert payload["alreadyCheckedIn"] is False
    again = check_in(gql, session, token=registration.token, method="MANUAL")
    assert (again["checkIn"]["id"], again["alreadyCheckedIn"]) == (record["id"], True)
    assert CheckIn.objects.count() == 1


def test_check_in_by_registration_id(gql, event, organizer):
    registration = factories.make_registration(event)
    gql.login(organizer)
    payload = check_in(gql, factories.session_of(event), registrationId=str(registration.pk))
    assert payload["checkIn"]["method"] == "SEARCH"
    assert payload["checkIn"]["registration"]["id"] == str(registration.pk)


def test_check_in_refusals(gql, org, event, organizer, user):
    registration = factories.make_registration(event)
    other_event = factories.make_event(org["district"])
    other_registration = factories.make_registration(other_event)
    cancelled = factories.make_registration(event, user)
    session = factories.session_of(event)
    gql.login(user)
    refused(check_in(gql, session, token=registration.token), (None, "PERMISSION_DENIED"), key="checkIn")
    gql.login(factories.make_organizer(org["other_district"]))
    refused(check_in(gql, session, token=registration.token), (None, "PERMISSION_DENIED"), key="checkIn")
    gql.logout()
    refused(check_in(gql, session, token=registration.token), (None, "UNAUTHENTICATED"), key="checkIn")

    gql.login(organizer)
    refused(check_in(gql, session, token=other_registration.token), ("token", "WRONG_EVENT"), key="checkIn")
    refused(
        check_in(gql, factories.session_of(other_event), registrationId=str(registration.pk)),
        ("registrationId", "WRONG_EVENT"),
        key="checkIn",
    )
    refused(
        mutate(gql, "checkIn", {"sessionId": "999999", "token": registration.token}, CHECK_IN),
        ("sessionId", "WRONG_SESSION"),
        key="checkIn",
    )
    refused(
        mutate(gql, "checkIn", {"sessionId": "s1", "token": registration.token}, CHECK_IN),
        ("sessionId", "NOT_FOUND"),
        key="checkIn",
    )
    refused(check_in(gql, session, token="NOSUCHCODE"), ("token", "UNKNOWN_CODE"), key="checkIn")
    refused(
        check_in(gql, session, registrationId="999999"), ("registrationId", "UNKNOWN_CODE"), key="checkIn"
    )
    refused(check_in(gql, session, registrationId="x"), ("registrationId", "NOT_FOUND"), key="checkIn")
    refused(check_in(gql, session), ("token", "REQUIRED"), key="checkIn")
    mutate(gql, "cancelRegistration", {"registrationId": str(cancelled.pk), "reason": "联系不上"})
    refused(check_in(gql, session, token=cancelled.token), ("token", "NOT_CONFIRMED"), key="checkIn")
    assert not CheckIn.objects.exists()


def test_check_in_refuses_the_waitlist_and_pending(gql, org, organizer):
    event = factories.make_event(org["district"], capacity=1, requires_approval=True)
    pending = factories.make_registration(event)
    waiting = factories.make_registration(event)
    session = factories.session_of(event)
    gql.login(organizer)
    for registration in (pending, waiting):
        refused(
            check_in(gql, session, registrationId=str(registration.pk)),
            ("registrationId", "NOT_CONFIRMED"),
            key="checkIn",
        )


def test_undo_check_in(gql, org, event, organizer, user):
    registration = factories.make_registration(event)
    session = factories.session_of(event)
    gql.login(organizer)
    record = check_in(gql, session, token=registration.token)["checkIn"]
    fields = "checkIn { id undoneAt registration { checkIns { id } } }"

    gql.logout()
    refused(
        mutate(gql, "undoCheckIn", {"checkInId": record["id"]}, fields),
        (None, "UNAUTHENTICATED"),
        key="checkIn",
    )
    for viewer in (user, registration.user, factories.make_organizer(org["other_district"])):
        gql.login(viewer)
        refused(
            mutate(gql, "undoCheckIn", {"checkInId": record["id"]}, fields),
            (None, "PERMISSION_DENIED"),
            key="checkIn",
        )
    gql.login(organizer)
    for bad in ("abc", "999999"):
        refused(
            mutate(gql, "undoCheckIn", {"checkInId": bad}, fields), ("checkInId", "NOT_FOUND"), key="checkIn"
        )

    payload = mutate(gql, "undoCheckIn", {"checkInId": record["id"]}, fields)
    assert payload["errors"] == []
    assert payload["checkIn"]["id"] == record["id"]
    assert payload["checkIn"]["undoneAt"] is not None
    assert payload["checkIn"]["registration"]["checkIns"] == []
    again = mutate(gql, "undoCheckIn", {"checkInId": record["id"]}, fields)  # changes nothing
    assert again["checkIn"]["undoneAt"] == payload["checkIn"]["undoneAt"]
    # and the person can be checked in again
    assert check_in(gql, session, token=registration.token)["alreadyCheckedIn"] is False


# --- cancelEvent ----------------------------------------------------------------------------------


def test_cancel_event(gql, org, event, organizer):
    confirmed = factories.make_registration(event)
    gql.login(organizer)
    fields = "event { id status cancelReason cancelledAt registrationOpen }"
    payload = mutate(gql, "cancelEvent", {"eventId": str(event.pk), "reason": "场地维修"}, fields)
    assert payload["errors"] == []
    assert payload["event"]["status"] == "CANCELLED"
    assert payload["event"]["cancelReason"] == "场地维修"
    assert payload["event"]["cancelledAt"] is not None
    assert payload["event"]["registrationOpen"] is False
    confirmed.refresh_from_db()
    assert confirmed.status == RegistrationStatus.CANCELLED_BY_ORGANIZER
    assert Notification.objects.filter(registration=confirmed, kind=NotificationKind.EVENT_CANCELLED).exists()
    refused(
        mutate(gql, "cancelEvent", {"eventId": str(event.pk), "reason": "再次"}, fields),
        (None, "EVENT_CANCELLED"),
        key="event",
    )


def test_cancel_event_refusals(gql, org, event, user):
    fields = "event { id }"
    input = {"eventId": str(event.pk), "reason": "场地维修"}
    refused(mutate(gql, "cancelEvent", input, fields), (None, "UNAUTHENTICATED"), key="event")
    for viewer in (
        user,
        factories.make_organizer(org["other_district"]),
        factories.make_organizer(org["street"]),
    ):
        gql.login(viewer)
        refused(mutate(gql, "cancelEvent", input, fields), (None, "PERMISSION_DENIED"), key="event")
    gql.login(factories.make_organizer(org["district"]))
    refused(
        mutate(gql, "cancelEvent", {**input, "reason": "  "}, fields),
        ("reason", "REASON_REQUIRED"),
        key="event",
    )
    refused(
        mutate(gql, "cancelEvent", {**input, "eventId": "abc"}, fields), ("eventId", "NOT_FOUND"), key="event"
    )
    refused(
        mutate(gql, "cancelEvent", {**input, "eventId": "999999"}, fields),
        ("eventId", "NOT_FOUND"),
        key="event",
    )
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED


# --- the codes ------------------------------------------------------------------------------------


def test_each_mutation_declares_its_codes(gql):
    """The codes each mutation's enum offers: the common ones plus its service's."""
    common = {"UNAUTHENTICATED", "PERMISSION_DENIED", "NOT_FOUND", "REQUIRED", "INVALID"}
    query = '{ __type(name: "%s") { enumValues { name description } } }'
    expected = {
        "RegisterForEventErrorCode": {
            "NOT_PUBLISHED",
            "EVENT_CANCELLED",
            "REGISTRATION_NOT_OPEN",
            "REGISTRATION_CLOSED",
            "PARTY_TOO_LARGE",
            "COMPANIONS_REQUIRED",
            "AGE_NOT_ALLOWED",
            "ANSWER_REQUIRED",
            "INVALID_ANSWER",
            "ALREADY_REGISTERED",
            "FULL",
            "CHILDREN_CONSENT_REQUIRED",
            "RATE_LIMITED",  # cms.ratelimit
        },
        # organizers' mutations: MFA_REQUIRED (cms.accounts.mfa)
        "CancelRegistrationErrorCode": {
            "NOT_ACTIVE",
            "CANCELLATION_DEADLINE_PASSED",
            "REASON_REQUIRED",
            "MFA_REQUIRED",
        },
        "ApproveRegistrationErrorCode": {"NOT_PENDING", "MFA_REQUIRED"},
        "RejectRegistrationErrorCode": {"NOT_PENDING", "MFA_REQUIRED"},
        "CheckInErrorCode": {"WRONG_SESSION", "UNKNOWN_CODE", "WRONG_EVENT", "NOT_CONFIRMED", "MFA_REQUIRED"},
        "UndoCheckInErrorCode": {"MFA_REQUIRED"},
        "CancelEventErrorCode": {"REASON_REQUIRED", "EVENT_CANCELLED", "MFA_REQUIRED"},
    }
    used = set()
    for name, own in expected.items():
        values = gql(query % name)["__type"]["enumValues"]
        assert {value["name"] for value in values} == common | own
        assert all(value["description"] for value in values)
        used |= own
    assert used - {"RATE_LIMITED", "MFA_REQUIRED"} == set(RegistrationErrorCode.names)  # every one used
