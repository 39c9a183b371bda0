"""Browser-test data on top of `manage.py load_demo`, made through the services like real use.

Run by e2e/global-setup.ts as `manage.py shell -c "exec(open(...).read())"` against the
throwaway database; prints one JSON line with what the tests need. Every scenario has its own
people and its own event, so the tests do not depend on each other's order.
"""

import base64
import datetime
import json
import os

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.test.utils import override_settings
from django.utils import timezone

from events import services
from events.models import Event, EventKind, EventQuestion, EventSession, EventStatus, QuestionKind
from home.models import ArticlePage, CampaignPage, ClassPage
from home.models.preview import create_preview_token

PASSWORD = os.environ["E2E_PASSWORD"]


def person(key, name):
    email = f"{key}@e2e.example.com"
    user = get_user_model().objects.create_user(
        username=f"e2e-{key}", email=email, password=PASSWORD, display_name=name
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def event(title, capacity, *, page=None, days=10, questions=(), **fields):
    now = timezone.now()
    starts = (timezone.localtime() + datetime.timedelta(days=days)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )
    venue = page.venue if page and page.venue else None
    from home.models import OrgUnit, Venue

    venue = venue or Venue.objects.order_by("pk").first()
    made = Event.objects.create(
        title=title,
        kind=EventKind.COURSE if page else EventKind.ACTIVITY,
        summary=f"{title}（浏览器测试）",
        page=page,
        organizer=venue.org_unit if venue else OrgUnit.objects.filter(parent=None).first(),
        venue=venue,
        capacity=capacity,
        max_party_size=fields.pop("max_party_size", 1),
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=starts - datetime.timedelta(hours=2),
        status=EventStatus.PUBLISHED,
        waitlist_enabled=True,
        **fields,
    )
    for week in range(2 if page else 1):
        EventSession.objects.create(
            event=made,
            title=f"第 {week + 1} 课" if page else "",
            starts_at=starts + datetime.timedelta(weeks=week),
            ends_at=starts + datetime.timedelta(weeks=week, hours=2),
        )
    for order, (label, kind, choices, required) in enumerate(questions):
        EventQuestion.objects.create(
            event=made, label=label, kind=kind, choices=choices, required=required, sort_order=order
        )
    return made


with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
    people = {
        key: person(key, name)
        for key, name in [
            ("dora", "杜拉"),
            ("alice", "艾丽"),
            ("bob", "鲍勃"),
            ("carol", "卡萝"),
            ("erin", "艾琳"),
            ("zoe", "佐伊"),
        ]
    }
    page = (
        ClassPage.objects.live()
        .filter(locale__language_code="zh-hans", venue__isnull=False)
        .order_by("pk")
        .first()
    )
    course = event(
        "E2E 插花体验课",
        10,
        page=page,
        max_party_size=2,
        ask_companions=True,
        questions=[("以前学过插花吗？", QuestionKind.YES_NO, "", True)],
    )
    promote = event("E2E 递补测试活动", 1, days=12)
    services.register(people["alice"], promote.pk, name="艾丽")
    services.register(people["bob"], promote.pk, name="鲍勃")
    full = event("E2E 已满活动", 1, days=14)
    services.register(people["carol"], full.pk, name="卡萝")


def preview_of(model):
    """An unsaved edit of a published page, as the admin's Preview button stores it."""
    draft = model.objects.live().filter(locale__language_code="zh-hans").order_by("pk").first()
    draft.title = f"{draft.title}（草稿）"
    return {"type": model.__name__, "title": draft.title, "token": create_preview_token(draft)}


previews = [preview_of(model) for model in (ClassPage, CampaignPage, ArticlePage)]


def app_path(page):
    """The page's path in the app: its URL path without the site root's segment."""
    return "/" + "/".join(page.url_path.strip("/").split("/")[1:]) + "/"


# The class an editor changes in the admin and previews (not the one the registration test uses).
edited = (
    ClassPage.objects.live()
    .filter(locale__language_code="zh-hans")
    .exclude(pk=page.pk)
    .order_by("pk")
    .first()
)


def volunteer_scenario():
    """vera, an approved volunteer (for the screens that need one, read only), and the applicant
    wendy, who is not a volunteer yet: she applies in the browser, an organizer approves her in the
    admin, then she takes the first of two overlapping shifts of her own opportunity and the
    second is refused as OVERLAP."""
    from home.models import OrgUnit
    from volunteers import services as volunteer_services
    from volunteers.models import Opportunity, OpportunityStatus, Role, Shift, SignupFlow

    vera = person("vera", "维拉")
    community = next(
        unit
        for unit in OrgUnit.objects.filter(level="community").order_by("pk")
        if not unit.requires_volunteer_id()
    )
    profile = volunteer_services.apply(
        vera,
        real_name="维拉",
        gender="female",
        birth_date=datetime.date(1990, 5, 1),
        phone="13800000000",
        org_unit_id=community.pk,
        consent_version="2026-01",
    )
    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    volunteer_services.approve_volunteer(profile.pk, by=admin)

    wendy = person("wendy", "温迪")
    opportunity = Opportunity.objects.create(
        title="E2E 社区读书会志愿服务",
        description="浏览器测试",
        org_unit=community,
        status=OpportunityStatus.PUBLISHED,
    )
    day = (timezone.localtime() + datetime.timedelta(days=9)).replace(hour=9, minute=0, second=0, microsecond=0)
    shifts = []
    for name, start, hours in (("签到引导", 0, 3), ("图书整理", 1, 3)):
        role = Role.objects.create(opportunity=opportunity, name=f"E2E {name}")
        starts = day + datetime.timedelta(hours=start)
        shifts.append(
            Shift.objects.create(
                role=role,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=hours),
                place="E2E 社区活动室",
                max_count=5,
                signup_flow=SignupFlow.INSTANT,
                signup_deadline=starts - datetime.timedelta(hours=12),
            )
        )
    return {
        "vera": vera.email,
        "applicant": {
            "email": wendy.email,
            "realName": "温迪",
            "birthDate": "1992-03-15",
            # a resident ID number with a correct GB 11643 check character and that birth date
            "idNumber": "32040219920315123X",
        },
        "opportunity": {"id": opportunity.pk, "title": opportunity.title},
        "shifts": [{"id": s.pk, "role": s.role.name} for s in shifts],
    }


volunteer = volunteer_scenario()


def two_step_scenario():
    """The demo admin (a superuser: two-step verification is required) gets an authenticator app
    with a secret the browser knows, to compute its codes (load_demo gave it one with a secret of
    its own). The demo organizer has none: she sets one up on the app's security screen."""
    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    Authenticator.objects.filter(user=admin).delete()
    secret = base64.b32encode(os.urandom(20)).decode("ascii")
    TOTP.activate(admin, secret)
    organizer = get_user_model().objects.get(username="demo-organizer")
    Authenticator.objects.filter(user=organizer).delete()
    return {"adminTotpSecret": secret, "organizer": organizer.email}


two_step = two_step_scenario()

print(
    json.dumps(
        {
            "password": PASSWORD,
            "classTitle": page.title,
            "classPath": app_path(page),
            "editedClass": {"id": edited.pk, "title": edited.title, "path": app_path(edited)},
            "course": {"id": course.pk, "title": course.title},
            "promote": {"id": promote.pk, "title": promote.title},
            "full": {"id": full.pk, "title": full.title},
            "users": {
                **{key: user.email for key, user in people.items()},
                "vera": volunteer["vera"],
                "wendy": volunteer["applicant"]["email"],
                "organizer": two_step["organizer"],
            },
            "previews": previews,
            "volunteer": volunteer,
            "adminTotpSecret": two_step["adminTotpSecret"],
        },
        ensure_ascii=False,
    )
)
