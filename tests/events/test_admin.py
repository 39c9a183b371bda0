"""The organizers' tools in the Wagtail admin: the events listing, the event form and its
protections, copy and weekly series, the registrations screen and its actions, statistics, and
the phone check-in screen (acceptance 6).

Every test logs in as the ``organizer`` of the district (天宁区), a member of the "Organizers"
group, unless it says otherwise.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from events.models import (
    CheckIn,
    Event,
    EventKind,
    EventSession,
    EventStatus,
    QuestionKind,
    Registration,
    RegistrationStatus,
)
from home.models.org_units import ORGANIZERS_GROUP
from tests.events import factories

pytestmark = pytest.mark.django_db

LOCAL_FORMAT = "%Y-%m-%d %H:%M"


def admin_url(name, *args):
    return reverse(f"events_admin:{name}", args=args)


def local(value):
    return timezone.localtime(value).strftime(LOCAL_FORMAT)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def event_form_data(event=None, *, sessions=None, **fields):
    """POST data of the event form: ``event``'s values (or a new event's), ``fields`` overriding.

    ``sessions``: dicts of session fields (with ``id`` for existing ones, ``DELETE`` to remove).
    """
    now = timezone.now()
    if event is not None:
        values = {
            "title": event.title,
            "kind": event.kind,
            "status": event.status,
            "summary": event.summary,
            "description": event.description,
            "page": event.page_id or "",
            "organizer": event.organizer_id,
            "venue": event.venue_id or "",
            "online_url": event.online_url,
            "capacity": event.capacity,
            "max_party_size": event.max_party_size,
            "registration_opens_at": local(event.registration_opens_at),
            "registration_closes_at": local(event.registration_closes_at),
            "cancellation_deadline": local(event.cancellation_deadline)
            if event.cancellation_deadline
            else "",
            "audience": event.audience,
            "min_age": event.min_age or "",
            "max_age": event.max_age or "",
            "contact_name": event.contact_name,
            "contact_phone": event.contact_phone,
            "cover_image": "",
        }
        for flag in ("ask_companions", "requires_approval", "waitlist_enabled"):
            if getattr(event, flag):
                values[flag] = "on"
        if sessions is None:
            sessions = [
                {
                    "id": session.pk,
                    "title": session.title,
                    "starts_at": local(session.starts_at),
                    "ends_at": local(session.ends_at),
                    "location_note": session.location_note,
                }
                for session in event.sessions.order_by("starts_at", "pk")
            ]
        initial_sessions = event.sessions.count()
    else:
        starts = now + datetime.timedelta(days=10)
        values = {
            "title": "新活动",
            "kind": EventKind.ACTIVITY,
            "status": EventStatus.DRAFT,
            "summary": "",
            "description": "",
            "page": "",
            "online_url": "",
            "capacity": 20,
            "max_party_size": 1,
            "registration_opens_at": local(now),
            "registration_closes_at": local(now + datetime.timedelta(days=5)),
            "cancellation_deadline": "",
            "waitlist_enabled": "on",
            "audience": "",
            "min_age": "",
            "max_age": "",
            "contact_name": "",
            "contact_phone": "",
            "cover_image": "",
        }
        sessions = sessions or [
            {
                "title": "",
                "starts_at": local(starts),
                "ends_at": local(starts + datetime.timedelta(hours=2)),
                "location_note": "",
            }
        ]
        initial_sessions = 0
    values.update(fields)
    values["sessions"] = inline_formset(sessions, initial=initial_sessions, min=1)
    values["questions"] = inline_formset([], initial=0)
    return nested_form_data(values)


@pytest.fixture
def organizers_group(db):
    return Group.objects.get(name=ORGANIZERS_GROUP)


@pytest.fixture
def staff(client, organizer, organizers_group):
    """The client, logged in as the district's organizer."""
    organizer.groups.add(organizers_group)
    client.force_login(organizer)
    return client


def titles(response):
    assert response.status_code == 200
    return [event.title for event in response.context["object_list"]]


# --- the events listing ------------------------------------------------------------------------


def test_listing_filters_by_status_kind_unit_and_time_and_searches(staff, org, event):
    past = factories.make_event(
        org["community"],
        title="巾帼宣讲（上半年）",
        kind=EventKind.LECTURE,
        status=EventStatus.DRAFT,
        sessions=factories.session_times(1, first=timezone.now() - datetime.timedelta(days=30)),
    )
    index = admin_url("index")
    assert set(titles(staff.get(index))) == {event.title, past.title}
    assert titles(staff.get(index, {"status": "draft"})) == [past.title]
    assert titles(staff.get(index, {"kind": "lecture"})) == [past.title]
    assert titles(staff.get(index, {"when": "upcoming"})) == [event.title]
    assert titles(staff.get(index, {"when": "past"})) == [past.title]
    assert titles(staff.get(index, {"organizer": org["street"].pk})) == [past.title]  # the unit and below
    assert set(titles(staff.get(index, {"organizer": org["district"].pk}))) == {event.title, past.title}
    assert titles(staff.get(index, {"q": "茶艺"})) == [event.title]
    assert titles(staff.get(index, {"q": "宣讲"})) == [past.title]


def test_listing_links_each_event_to_its_registrations(staff, event):
    html = staff.get(admin_url("index")).content.decode()
    assert admin_url("registrations", event.pk) in html
    assert admin_url("check_in", event.pk) in html
    assert admin_url("export", event.pk) in html


# --- create and edit ---------------------------------------------------------------------------


def test_create_form_uses_the_models_panels(staff, org, venue):
    response = staff.get(admin_url("add"))
    assert response.status_code == 200
    form = response.context["form"]
    assert {"sessions", "questions"} <= set(form.formsets)
    assert {"title", "kind", "organizer", "venue", "capacity", "registration_opens_at"} <= set(form.fields)

    response = staff.post(admin_url("add"), event_form_data(organizer=org["community"].pk, venue=venue.pk))
    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get(title="新活动")
    assert event.organizer == org["community"]
    assert event.sessions.count() == 1


def test_edit_saves_changes(staff, event):
    response = staff.post(admin_url("edit", event.pk), event_form_data(event, title="茶艺班（冬季）"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "茶艺班（冬季）"


def test_removing_a_session_with_check_ins_is_refused_with_a_form_error(staff, organizer):
    event = factories.make_event(organizer.organizer_roles.get().org_unit, sessions=2)
    first, second = event.sessions.order_by("starts_at")
    registration = factories.make_registration(event)
    from events import services

    services.check_in(by=organizer, session_id=first.pk, token=registration.token, method="manual")
    data = event_form_data(
        event,
        sessions=[
            {
                "id": first.pk,
                "title": "",
                "starts_at": local(first.starts_at),
                "ends_at": local(first.ends_at),
                "location_note": "",
                "DELETE": "1",
            },
            {
                "id": second.pk,
                "title": "",
                "starts_at": local(second.starts_at),
                "ends_at": local(second.ends_at),
                "location_note": "",
            },
        ],
    )
    response = staff.post(admin_url("edit", event.pk), data)
    assert response.status_code == 200  # the form again, not a 500
    errors = response.context["form"].non_field_errors()
    assert any("cannot be removed" in error or "不能删除" in error for error in errors), errors
    assert EventSession.objects.filter(pk=first.pk).exists()
    # The session is shown again (not marked deleted), so saving once more keeps it.
    session_form = response.context["form"].formsets["sessions"].forms[0]
    assert not session_form.fields["DELETE"].to_python(session_form["DELETE"].data)


def test_a_check_in_arriving_while_saving_is_refused_not_a_500(staff, organizer, monkeypatch):
    from events import services
    from events.forms import EventAdminForm

    event = factories.make_event(organizer.organizer_roles.get().org_unit, sessions=2)
    first, second = event.sessions.order_by("starts_at")
    registration = factories.make_registration(event)
    services.check_in(by=organizer, session_id=second.pk, token=registration.token, method="manual")
    monkeypatch.setattr(EventAdminForm, "_marked_deleted", staticmethod(lambda form: False))  # check missed
    sessions = [
        {"id": session.pk, "starts_at": local(session.starts_at), "ends_at": local(session.ends_at)}
        for session in (first, second)
    ]
    sessions[1]["DELETE"] = "1"
    response = staff.post(admin_url("edit", event.pk), event_form_data(event, sessions=sessions))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert event.sessions.count() == 2


def test_removing_a_session_without_check_ins_works(staff, organizer):
    event = factories.make_event(organizer.organizer_roles.get().org_unit, sessions=2)
    first, second = event.sessions.order_by("starts_at")
    data = event_form_data(
        event,
        sessions=[
            {
                "id": first.pk,
                "title": "",
                "starts_at": local(first.starts_at),
                "ends_at": local(first.ends_at),
                "location_note": "",
            },
            {
                "id": second.pk,
                "title": "",
                "starts_at": local(second.starts_at),
                "ends_at": local(second.ends_at),
                "location_note": "",
                "DELETE": "1",
            },
        ],
    )
    assert staff.post(admin_url("edit", event.pk), data).status_code == 302
    assert list(event.sessions.all()) == [first]


# --- deleting ----------------------------------------------------------------------------------


def test_deleting_an_event_with_registrations_is_refused_with_a_message(staff, event):
    factories.make_registration(event)
    for response in (staff.get(admin_url("delete", event.pk)), staff.post(admin_url("delete", event.pk))):
        assert response.status_code == 302
        assert response["Location"] == admin_url("registrations", event.pk)
        assert any(event.title in message for message in messages_of(response))
    assert Event.objects.filter(pk=event.pk).exists()
    assert event.registrations.count() == 1


def test_a_registration_arriving_during_deletion_is_protected_not_a_500(staff, event, monkeypatch):
    from events.admin.viewsets import EventDeleteView

    factories.make_registration(event)
    monkeypatch.setattr(EventDeleteView, "registration_count", lambda view: 0)  # as if it came just now
    response = staff.post(admin_url("delete", event.pk))
    assert response.status_code == 302 and response["Location"] == admin_url("edit", event.pk)
    assert messages_of(response)
    assert Event.objects.filter(pk=event.pk).exists() and event.registrations.count() == 1


def test_deleting_an_event_without_registrations_works(staff, event):
    assert staff.get(admin_url("delete", event.pk)).status_code == 200
    assert staff.post(admin_url("delete", event.pk)).status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()


# --- copy and weekly series --------------------------------------------------------------------


def test_copy_event_makes_a_draft_with_shifted_sessions_and_questions(staff, org):
    original = factories.make_event(
        org["district"],
        title="亲子阅读会",
        sessions=3,
        questions=[
            {"label": "孩子年级", "kind": QuestionKind.CHOICE, "choices": "一年级\n二年级", "required": True}
        ],
        requires_approval=True,
    )
    factories.make_registration(original, answers={str(original.questions.get().pk): "一年级"})
    form = staff.get(admin_url("copy", original.pk)).context["form"]
    assert "亲子阅读会" in form.initial["title"]

    response = staff.post(admin_url("copy", original.pk), {"title": "亲子阅读会（第二期）", "shift_days": 14})
    copy = Event.objects.get(title="亲子阅读会（第二期）")
    assert response.status_code == 302 and response["Location"] == admin_url("edit", copy.pk)
    assert copy.status == EventStatus.DRAFT
    assert copy.requires_approval and copy.organizer == original.organizer and copy.venue == original.venue
    assert copy.registration_opens_at == original.registration_opens_at + datetime.timedelta(days=14)
    shifted = [
        session.starts_at - datetime.timedelta(days=14) for session in copy.sessions.order_by("starts_at")
    ]
    assert shifted == [session.starts_at for session in original.sessions.order_by("starts_at")]
    assert [(q.label, q.kind, q.choices, q.required) for q in copy.questions.all()] == [
        ("孩子年级", QuestionKind.CHOICE, "一年级\n二年级", True)
    ]
    assert not copy.registrations.exists()
    assert original.registrations.count() == 1 and original.sessions.count() == 3


def test_weekly_series_adds_sessions_every_saturday(staff, org):
    saturday = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    saturday += datetime.timedelta(days=(5 - saturday.weekday()) % 7 or 7)
    event = factories.make_event(
        org["district"],
        title="茶艺班",
        kind=EventKind.COURSE,
        sessions=[(saturday, saturday + datetime.timedelta(hours=2))],
    )
    form = staff.get(admin_url("series", event.pk)).context["form"]
    assert form.initial["first_starts_at"] == saturday

    data = {
        "first_starts_at": local(saturday),
        "first_ends_at": local(saturday + datetime.timedelta(hours=2)),
        "count": 8,
        "every_weeks": 1,
        "title": "第{n}课",
    }
    response = staff.post(admin_url("series", event.pk), data)
    assert response.status_code == 302
    sessions = list(event.sessions.order_by("starts_at"))
    assert len(sessions) == 8
    for number, session in enumerate(sessions):
        starts = timezone.localtime(session.starts_at)
        assert (starts.weekday(), starts.hour, starts.minute) == (5, 9, 0)
        assert starts.date() == (saturday + datetime.timedelta(weeks=number)).date()
        assert session.ends_at - session.starts_at == datetime.timedelta(hours=2)
    assert sessions[0].title == ""  # the existing first session is kept as it was
    assert sessions[7].title == "第8课"
    # Again: nothing is doubled.
    staff.post(admin_url("series", event.pk), data)
    assert event.sessions.count() == 8


def test_weekly_series_refuses_a_session_ending_before_it_starts(staff, event):
    starts = timezone.localtime() + datetime.timedelta(days=3)
    response = staff.post(
        admin_url("series", event.pk),
        {"first_starts_at": local(starts), "first_ends_at": local(starts), "count": 3, "every_weeks": 1},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["first_ends_at"]
    assert event.sessions.count() == 1


# --- registrations -----------------------------------------------------------------------------


def listed_names(response):
    assert response.status_code == 200
    return [registration.name for registration in response.context["page"].object_list]


def test_registrations_screen_searches_by_name_phone_and_code_and_filters_by_status(staff, organizer, org):
    event = factories.make_event(org["district"], capacity=2)
    wang = factories.make_registration(event, by=organizer, name="王芳", phone="13811112222")
    li = factories.make_registration(event, by=organizer, name="李娜", phone="13933334444")
    zhao = factories.make_registration(event, by=organizer, name="赵敏", phone="13755556666")  # waitlisted
    url = admin_url("registrations", event.pk)
    assert listed_names(staff.get(url)) == ["王芳", "李娜", "赵敏"]
    assert listed_names(staff.get(url, {"q": "李"})) == ["李娜"]
    assert listed_names(staff.get(url, {"q": "5555"})) == ["赵敏"]
    assert listed_names(staff.get(url, {"q": wang.token.lower()})) == ["王芳"]
    assert listed_names(staff.get(url, {"status": RegistrationStatus.WAITLISTED})) == ["赵敏"]
    assert zhao.status == RegistrationStatus.WAITLISTED and li.status == RegistrationStatus.CONFIRMED


def test_approve_and_reject_pending_registrations(staff, org):
    event = factories.make_event(org["district"], requires_approval=True)
    first, second = factories.make_registration(event), factories.make_registration(event)
    assert first.status == second.status == RegistrationStatus.PENDING

    response = staff.post(admin_url("approve", event.pk, first.pk))
    assert response.status_code == 302 and response["Location"] == admin_url("registrations", event.pk)
    response = staff.post(admin_url("reject", event.pk, second.pk), {"reason": "不符合年龄要求"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == RegistrationStatus.CONFIRMED
    assert second.status == RegistrationStatus.REJECTED and second.cancel_reason == "不符合年龄要求"

    # Approving again is refused by the service: a message, not an error page.
    response = staff.post(admin_url("approve", event.pk, first.pk))
    assert response.status_code == 302
    assert messages_of(response)


def test_cancel_needs_a_reason_and_promotes_the_waitlist(staff, organizer, org):
    event = factories.make_event(org["district"], capacity=1)
    seated = factories.make_registration(event)
    waiting = factories.make_registration(event)
    assert waiting.status == RegistrationStatus.WAITLISTED
    next_url = admin_url("registrations", event.pk) + "?status=confirmed"

    response = staff.post(
        admin_url("cancel_registration", event.pk, seated.pk), {"reason": "", "next": next_url}
    )
    assert response["Location"] == next_url
    assert len(messages_of(response)) == 1  # the service's "give a reason"
    seated.refresh_from_db()
    assert seated.status == RegistrationStatus.CONFIRMED

    staff.post(admin_url("cancel_registration", event.pk, seated.pk), {"reason": "本人来电取消"})
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (
        seated.status == RegistrationStatus.CANCELLED_BY_ORGANIZER and seated.cancel_reason == "本人来电取消"
    )
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_actions_are_post_only_and_registration_must_belong_to_the_event(staff, org, event):
    registration = factories.make_registration(event)
    other = factories.make_event(org["district"])
    assert staff.get(admin_url("cancel_registration", event.pk, registration.pk)).status_code == 405
    response = staff.post(admin_url("cancel_registration", other.pk, registration.pk), {"reason": "x"})
    assert response.status_code == 404


def test_add_by_hand(staff, organizer, org):
    event = factories.make_event(
        org["district"],
        max_party_size=3,
        ask_companions=True,
        questions=[{"label": "是否需要停车位", "kind": QuestionKind.YES_NO, "required": True}],
    )
    question = event.questions.get()
    url = admin_url("add_registration", event.pk)
    assert staff.get(url).status_code == 200
    response = staff.post(
        url,
        {
            "name": "王芳",
            "phone": "13800001111",
            "party_size": 2,
            "companions": "小明 6",
            f"answer_{question.pk}": "yes",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    registration = Registration.objects.get(event=event, name="王芳")
    assert registration.user is None and registration.added_by == organizer
    assert registration.party_size == 2 and registration.companions == [{"name": "小明", "age": 6}]
    assert registration.answers == {str(question.pk): True}
    assert registration.status == RegistrationStatus.CONFIRMED


def test_add_by_hand_shows_the_services_refusal_on_the_form(staff, org):
    event = factories.make_event(org["district"], max_party_size=3, ask_companions=True)
    response = staff.post(
        admin_url("add_registration", event.pk), {"name": "王芳", "phone": "13800001111", "party_size": 3}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["companions"]  # two companions are asked for
    assert not event.registrations.exists()


def test_change_capacity_promotes_and_refusals_show_on_the_form(staff, org):
    event = factories.make_event(org["district"], capacity=1, max_party_size=1)
    factories.make_registration(event)
    waiting = factories.make_registration(event)
    url = admin_url("capacity", event.pk)
    assert staff.get(url).context["form"].initial == {"capacity": 1}
    assert staff.post(url, {"capacity": 2}).status_code == 302
    event.refresh_from_db()
    waiting.refresh_from_db()
    assert event.capacity == 2 and waiting.status == RegistrationStatus.CONFIRMED

    event = factories.make_event(org["district"], capacity=4, max_party_size=3)
    response = staff.post(admin_url("capacity", event.pk), {"capacity": 2})
    assert response.status_code == 200
    assert response.context["form"].errors["capacity"]  # below the maximum party size
    event.refresh_from_db()
    assert event.capacity == 4


def test_cancel_event_cancels_every_registration(staff, event):
    registration = factories.make_registration(event)
    response = staff.post(admin_url("cancel_event", event.pk), {"reason": ""})
    assert response.status_code == 200 and response.context["form"].errors["reason"]
    assert staff.post(admin_url("cancel_event", event.pk), {"reason": "暴雨预警"}).status_code == 302
    event.refresh_from_db()
    registration.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert registration.status == RegistrationStatus.CANCELLED_BY_ORGANIZER


def test_statistics(staff, organizer, org):
    now = timezone.now()
    event = factories.make_event(
        org["district"],
        capacity=5,
        max_party_size=3,
        sessions=[
            (
                now - datetime.timedelta(days=7),
                now - datetime.timedelta(days=7) + datetime.timedelta(hours=2),
            ),
            (now + datetime.timedelta(days=7), now + datetime.timedelta(days=7, hours=2)),
        ],
        registration_closes_at=now + datetime.timedelta(days=6),
    )
    past, future = event.sessions.order_by("starts_at")
    from events import services

    family = factories.make_registration(event, by=organizer, name="王家", party_size=3)
    single = factories.make_registration(event, by=organizer, name="李娜")
    factories.make_registration(event, by=organizer, name="赵敏")  # confirmed: 5 of 5 seats
    factories.make_registration(event, by=organizer, name="候补甲", party_size=2)  # waitlisted
    cancelled = factories.make_registration(event, by=organizer, name="取消者")  # waitlisted
    services.cancel_registration(cancelled.pk, by=organizer, reason="来电取消")
    services.check_in(by=organizer, session_id=past.pk, registration_id=family.pk, method="search")
    services.check_in(by=organizer, session_id=past.pk, registration_id=single.pk, method="search")

    stats = staff.get(admin_url("registrations", event.pk)).context["stats"]
    assert stats.registered_persons == 5 and stats.confirmed_persons == 5 and stats.seats_left == 0
    assert stats.waitlisted == 1 and stats.waitlisted_persons == 2 and stats.cancelled == 1
    first, second = stats.sessions
    assert (first.expected, first.attended, first.attended_persons, first.no_shows) == (3, 2, 4, 1)
    assert first.no_show_rate == pytest.approx(1 / 3)
    assert second.no_show_rate is None  # not started yet: no no-shows to count
    assert stats.no_show_rate == pytest.approx(1 / 3)
    assert stats.no_show_rate_display == "33.3%"


# --- check-in ----------------------------------------------------------------------------------

JSON = {"HTTP_ACCEPT": "application/json", "HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def session(event):
    return factories.session_of(event)


def test_check_in_screen_is_made_for_a_phone(staff, event, session):
    response = staff.get(admin_url("check_in", event.pk))
    assert response["Location"] == admin_url("check_in_session", event.pk, session.pk)  # one session
    html = staff.get(response["Location"]).content.decode()
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
    assert "events/admin/checkin.js" in html and "events/admin/checkin.css" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert admin_url("check_in_scan", event.pk, session.pk) in html


def test_check_in_by_token_then_again_then_undo(staff, event, session):
    registration = factories.make_registration(event, party_size=2)
    scan = admin_url("check_in_scan", event.pk, session.pk)
    counts = staff.get(admin_url("check_in_counts", event.pk, session.pk)).json()
    assert counts == {"checked_in": 0, "checked_in_persons": 0, "expected": 1, "expected_persons": 2}

    # As typed: lower case, with spaces; the service normalizes.
    typed = " ".join([registration.token[:5].lower(), registration.token[5:]])
    body = staff.post(scan, {"token": typed, "method": "manual"}, **JSON).json()
    assert body["result"] == "checked_in" and body["name"] == registration.name
    assert body["counts"]["checked_in"] == 1 and body["counts"]["checked_in_persons"] == 2
    record = CheckIn.objects.get(registration=registration, session=session)
    assert body["check_in_id"] == record.pk and record.method == "manual"

    again = staff.post(scan, {"token": registration.token, "method": "qr"}, **JSON).json()
    assert again["result"] == "already" and again["check_in_id"] == record.pk
    assert CheckIn.objects.filter(registration=registration).count() == 1

    undone = staff.post(admin_url("check_in_undo", event.pk, session.pk), {"check_in_id": record.pk}, **JSON)
    assert undone.json()["result"] == "undone" and undone.json()["counts"]["checked_in"] == 0
    record.refresh_from_db()
    assert record.undone_at is not None  # kept, marked undone


def test_check_in_by_search(staff, organizer, event, session):
    registration = factories.make_registration(event, by=organizer, name="王芳", phone="13812345678")
    factories.make_registration(event, by=organizer, name="李娜")
    results = staff.get(admin_url("check_in_search", event.pk, session.pk), {"q": "王"}).json()["results"]
    assert [(r["id"], r["name"], r["phone_tail"], r["can_check_in"], r["checked_in"]) for r in results] == [
        (registration.pk, "王芳", "5678", True, False)
    ]
    body = staff.post(
        admin_url("check_in_scan", event.pk, session.pk),
        {"registration_id": registration.pk, "method": "search"},
        **JSON,
    ).json()
    assert body["result"] == "checked_in"
    assert CheckIn.objects.get(registration=registration).method == "search"
    results = staff.get(admin_url("check_in_search", event.pk, session.pk), {"q": "5678"}).json()["results"]
    assert results[0]["checked_in"] is True


def test_check_in_refuses_a_code_for_another_event_with_a_message(staff, org, event, session):
    elsewhere = factories.make_registration(factories.make_event(org["district"], title="家风小剧场"))
    body = staff.post(
        admin_url("check_in_scan", event.pk, session.pk), {"token": elsewhere.token, "method": "qr"}, **JSON
    ).json()
    assert body["result"] == "refused" and body["code"] == "WRONG_EVENT" and body["message"]
    assert not CheckIn.objects.exists()


def test_check_in_refuses_an_unknown_code_and_a_waitlisted_registration(staff, event, session):
    full = factories.make_event(event.organizer, capacity=1)
    full_session = factories.session_of(full)
    factories.make_registration(full)
    waiting = factories.make_registration(full)
    scan = admin_url("check_in_scan", full.pk, full_session.pk)
    assert (
        staff.post(scan, {"token": "NOSUCHCODE", "method": "manual"}, **JSON).json()["code"] == "UNKNOWN_CODE"
    )
    body = staff.post(scan, {"token": waiting.token, "method": "manual"}, **JSON).json()
    assert body["result"] == "refused" and body["code"] == "NOT_CONFIRMED" and waiting.name in body["message"]


def test_a_session_of_another_event_is_not_found(staff, org, event):
    other_session = factories.session_of(factories.make_event(org["district"]))
    assert staff.get(admin_url("check_in_session", event.pk, other_session.pk)).status_code == 404
    response = staff.post(admin_url("check_in_scan", event.pk, other_session.pk), {"token": "X"})
    assert response.status_code == 404


def test_check_in_without_javascript(staff, event, session):
    """Plain form posts: the result comes back as a message, with an undo button."""
    registration = factories.make_registration(event)
    page = admin_url("check_in_session", event.pk, session.pk)
    response = staff.post(admin_url("check_in_scan", event.pk, session.pk), {"token": registration.token})
    record = CheckIn.objects.get(registration=registration)
    assert response.status_code == 302 and response["Location"] == f"{page}?last={record.pk}"
    html = staff.get(response["Location"]).content.decode()
    assert registration.name in html and "ci-result--checked_in" in html
    assert f'name="check_in_id" value="{record.pk}"' in html

    response = staff.post(admin_url("check_in_undo", event.pk, session.pk), {"check_in_id": record.pk})
    assert response["Location"] == page
    record.refresh_from_db()
    assert record.undone_at is not None

    html = staff.get(page, {"q": registration.name}).content.decode()  # search, then a check-in button
    assert f'name="registration_id" value="{registration.pk}"' in html


def test_check_in_posts_need_the_csrf_token(organizer, organizers_group, event, session):
    organizer.groups.add(organizers_group)
    client = Client(enforce_csrf_checks=True)
    client.force_login(organizer)
    registration = factories.make_registration(event)
    response = client.post(
        admin_url("check_in_scan", event.pk, session.pk), {"token": registration.token}, **JSON
    )
    assert response.status_code == 403
    assert not CheckIn.objects.exists()

    page = client.get(admin_url("check_in_session", event.pk, session.pk))
    token = page.cookies["csrftoken"].value
    response = client.post(
        admin_url("check_in_scan", event.pk, session.pk),
        {"token": registration.token},
        HTTP_X_CSRFTOKEN=token,
        **JSON,
    )
    assert response.json()["result"] == "checked_in"


def test_choose_session_when_there_are_several(staff, org):
    event = factories.make_event(org["district"], sessions=3)
    response = staff.get(admin_url("check_in", event.pk))
    assert response.status_code == 200
    assert [s.pk for s in response.context["sessions"]] == list(
        event.sessions.order_by("starts_at").values_list("pk", flat=True)
    )
    assert response.context["current"] == factories.session_of(event)


# --- export audit ------------------------------------------------------------------------------


def test_each_export_is_logged_in_the_site_history(staff, event, organizer):
    """Who exported which registration list, when and how many rows (cms.admin.audit)."""
    from wagtail.models import ModelLogEntry

    factories.make_registration(event, phone="13700001234")
    factories.make_registration(event, phone="13700005678")
    staff.get(admin_url("export", event.pk))
    [entry] = ModelLogEntry.objects.filter(action="yulan.export")
    assert (entry.user, entry.object_id, entry.data["rows"]) == (organizer, str(event.pk), 2)
    assert "茶艺班（秋季）" in entry.data["what"]
    history = staff.get(reverse("wagtailadmin_reports:site_history"), {"action": "yulan.export"})
    assert "导出了“茶艺班（秋季）”的报名名单：2 行" in history.content.decode()
