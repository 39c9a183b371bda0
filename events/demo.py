"""Demo events for `manage.py load_demo`: upcoming, with a few registrations, relative to today.

Idempotent: events are found by title and their sessions and questions rewritten to match;
registrations of the demo participants are made once, through the services, so the seat
counts, waitlist and notifications are real.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from events import services
from events.models import (
    Event,
    EventKind,
    EventQuestion,
    EventSession,
    EventStatus,
    QuestionKind,
    Registration,
)
from home.models import ClassPage, OrgUnit, Venue

PARTICIPANTS = [
    ("李萍", 1),
    ("张丽", 2),
    ("王芳", 1),
    ("陈静", 3),
    ("刘敏", 1),
    ("周洁", 2),
    ("吴霞", 1),
    ("孙燕", 2),
]

EVENTS = [
    {
        "title": "茶艺班（冬季）· 宋韵点茶八课",
        "kind": EventKind.COURSE,
        "class_title": "茶艺班",
        "summary": "八个周六上午，从识茶、择水到宋代点茶，结课可参加茶艺师初级考核。",
        "capacity": 6,
        "max_party_size": 1,
        "weekly": 8,
        "first_day": 12,
        "hours": (9, 30, 11, 0),
        "audience": "18 岁以上女性",
        "min_age": 18,
        "questions": [("以前学过茶艺吗？", QuestionKind.YES_NO, "", False)],
        "registrants": 5,
    },
    {
        "title": "“书香飘万家”亲子阅读会",
        "kind": EventKind.ACTIVITY,
        "class_title": "亲子阅读",
        "summary": "故事爸妈领读绘本，亲子共读、共演绘本剧，适合 3–7 岁孩子和家长。",
        "capacity": 8,
        "max_party_size": 3,
        "ask_companions": True,
        "weekly": 1,
        "first_day": 5,
        "hours": (15, 0, 16, 30),
        "audience": "3–7 岁孩子及家长",
        "questions": [("孩子的年龄段", QuestionKind.CHOICE, "3–4 岁\n5–6 岁\n7 岁", True)],
        "registrants": 8,
    },
    {
        "title": "家风小剧场巡演",
        "kind": EventKind.ACTIVITY,
        "class_title": "戏剧班",
        "summary": "身边的最美家庭故事搬上舞台，演出后与演员和家庭代表交流。",
        "capacity": 80,
        "max_party_size": 4,
        "weekly": 1,
        "first_day": 9,
        "hours": (19, 0, 20, 30),
        "audience": "全家老少",
        "registrants": 4,
    },
    {
        "title": "“金沙听她说”巾帼宣讲：民法典与家庭",
        "kind": EventKind.LECTURE,
        "class_title": "法律",
        "summary": "巾帼宣讲团讲解民法典婚姻家庭编，现场答疑。报名需审核。",
        "capacity": 40,
        "max_party_size": 1,
        "requires_approval": True,
        "weekly": 1,
        "first_day": 7,
        "hours": (14, 0, 15, 30),
        "audience": "社区居民",
        "registrants": 3,
    },
]


def _at(day, hour, minute):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _participants():
    users = []
    for index, (name, _party) in enumerate(PARTICIPANTS, start=1):
        email = f"demo{index:02d}@example.com"
        user, created = get_user_model().objects.get_or_create(
            username=f"demo{index:02d}", defaults={"email": email, "display_name": name}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        users.append(user)
    return users


def _class_page(words):
    return ClassPage.objects.live().filter(title__contains=words).select_related("venue").first()


def _sessions(spec, today):
    first = today + datetime.timedelta(days=spec["first_day"])
    start_h, start_m, end_h, end_m = spec["hours"]
    return [
        (
            _at(first + datetime.timedelta(weeks=week), start_h, start_m),
            _at(first + datetime.timedelta(weeks=week), end_h, end_m),
        )
        for week in range(spec["weekly"])
    ]


def _upsert_event(spec, today, fallback_unit, fallback_venue):
    page = _class_page(spec["class_title"])
    venue = (page.venue if page and page.venue else None) or fallback_venue
    now = timezone.now()
    sessions = _sessions(spec, today)
    values = {
        "kind": spec["kind"],
        "summary": spec["summary"],
        "page": page,
        "organizer": venue.org_unit if venue else fallback_unit,
        "venue": venue,
        "audience": spec.get("audience", ""),
        "min_age": spec.get("min_age"),
        "capacity": spec["capacity"],
        "max_party_size": spec["max_party_size"],
        "ask_companions": spec.get("ask_companions", False),
        "requires_approval": spec.get("requires_approval", False),
        "registration_opens_at": now - datetime.timedelta(days=3),
        "registration_closes_at": sessions[0][0] - datetime.timedelta(hours=2),
        "status": EventStatus.PUBLISHED,
        "contact_name": "活动联络员",
        "contact_phone": "0519-85683822",
    }
    event, _created = Event.objects.update_or_create(title=spec["title"], defaults=values)
    existing = list(event.sessions.order_by("starts_at"))
    for index, (starts_at, ends_at) in enumerate(sessions):
        title = f"第 {index + 1} 课" if spec["weekly"] > 1 else ""
        if index < len(existing):
            EventSession.objects.filter(pk=existing[index].pk).update(
                starts_at=starts_at, ends_at=ends_at, title=title
            )
        else:
            EventSession.objects.create(event=event, starts_at=starts_at, ends_at=ends_at, title=title)
    for order, (label, kind, choices, required) in enumerate(spec.get("questions", [])):
        EventQuestion.objects.update_or_create(
            event=event,
            label=label,
            defaults={"kind": kind, "choices": choices, "required": required, "sort_order": order},
        )
    return event


def _answers(event):
    answers = {}
    for question in event.questions.all():
        if question.kind == QuestionKind.YES_NO:
            answers[str(question.pk)] = False
        elif question.kind == QuestionKind.CHOICE:
            answers[str(question.pk)] = question.options[0]
    return answers


def _register_participants(event, spec, users):
    for user, (name, party) in list(zip(users, PARTICIPANTS, strict=True))[: spec["registrants"]]:
        if Registration.objects.filter(event=event, user=user).exists():
            continue
        size = min(party, event.max_party_size)
        companions = (
            [{"name": f"{name}的孩子{i}", "age": 4 + i} for i in range(1, size)]
            if event.ask_companions
            else []
        )
        services.register(
            user,
            event.pk,
            party_size=size,
            companions=companions,
            answers=_answers(event),
            name=name,
            phone=f"1390519{user.pk:04d}"[-11:],
            idempotency_key=f"demo-{event.pk}",
            children_consent=True,  # the demo's parents consent for their children
        )


def load_demo_events(today=None):
    """Create or refresh the demo events; returns them."""
    today = today or timezone.localdate()
    city = OrgUnit.objects.filter(parent=None).first()
    fallback_venue = Venue.objects.order_by("pk").first()
    users = _participants()
    events = []
    # The participants are fictional: their confirmation mails go nowhere.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        for spec in EVENTS:
            with transaction.atomic():
                event = _upsert_event(spec, today, city, fallback_venue)
            _register_participants(event, spec, users)
            events.append(event)
    return events
