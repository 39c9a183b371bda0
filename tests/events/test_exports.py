"""The Excel export (acceptance 5): it opens with openpyxl, has Chinese headers, one row per
registration with its answers and its attendance per session, and a statistics sheet."""

import datetime
from io import BytesIO
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from events import services
from events.exports import content_disposition, export_filename
from events.models import QuestionKind, RegistrationStatus
from home.models.org_units import ORGANIZERS_GROUP
from tests.events import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(org, organizer):
    """A two-session course with two questions and four registrations, one checked in."""
    now = timezone.now()
    event = factories.make_event(
        org["district"],
        title="茶艺班（秋季）",
        capacity=4,
        max_party_size=3,
        ask_companions=True,
        sessions=[
            (
                now - datetime.timedelta(days=2),
                now - datetime.timedelta(days=2) + datetime.timedelta(hours=2),
            ),
            (now + datetime.timedelta(days=5), now + datetime.timedelta(days=5, hours=2)),
        ],
        registration_closes_at=now + datetime.timedelta(days=4),
        questions=[
            {"label": "孩子年级", "kind": QuestionKind.CHOICE, "choices": "一年级\n二年级"},
            {"label": "是否需要停车位", "kind": QuestionKind.YES_NO},
        ],
    )
    grade, parking = event.questions.order_by("sort_order", "pk")
    wang = factories.make_registration(
        event,
        by=organizer,
        name="王芳",
        phone="13800001111",
        party_size=2,
        companions=[{"name": "小明", "age": 6}],
        answers={str(grade.pk): "一年级", str(parking.pk): True},
    )
    li = factories.make_registration(event, by=organizer, name="李娜", phone="13900002222")
    cancelled = factories.make_registration(event, by=organizer, name="赵敏", phone="13700003333")
    services.cancel_registration(cancelled.pk, by=organizer, reason="来电取消")
    factories.make_registration(
        event,
        by=organizer,
        name='=HYPERLINK("http://evil")',
        phone="13600004444",
        party_size=3,
        companions=[{"name": "甲", "age": 30}, {"name": "乙", "age": 8}],
    )  # waitlisted: 3 persons, 1 seat left
    services.check_in(by=organizer, session_id=factories.session_of(event).pk, token=wang.token, method="qr")
    return {"event": event, "wang": wang, "li": li}


@pytest.fixture
def staff(client, organizer):
    organizer.groups.add(Group.objects.get(name=ORGANIZERS_GROUP))
    client.force_login(organizer)
    return client


def export(client, event):
    response = client.get(reverse("events_admin:export", args=[event.pk]))
    assert response.status_code == 200
    return response


def test_export_opens_with_openpyxl_and_has_the_expected_rows(staff, course):
    event = course["event"]
    response = export(staff, event)
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == ["报名名单", "统计"]
    sheet = workbook["报名名单"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    first, second = event.sessions.order_by("starts_at")
    assert rows[0] == [
        "姓名",
        "电话",
        "人数",
        "同行人",
        "状态",
        "报名时间",
        "孩子年级",
        "是否需要停车位",
        f"第1场（{timezone.localtime(first.starts_at):%m-%d %H:%M}）",
        f"第2场（{timezone.localtime(second.starts_at):%m-%d %H:%M}）",
    ]
    assert len(rows) == 5  # every registration, whatever its status
    with translation.override("zh-hans"):
        status = {value: str(label) for value, label in RegistrationStatus.choices}
    wang = rows[1]
    assert wang[:5] == ["王芳", "13800001111", 2, "小明（6）", status["confirmed"]]
    registered_at = timezone.localtime(course["wang"].created_at).replace(tzinfo=None)
    assert abs(wang[5] - registered_at) < datetime.timedelta(seconds=1)
    assert sheet.cell(row=2, column=6).number_format == "yyyy-mm-dd hh:mm"
    assert wang[6:] == ["一年级", "是", "已签到", "未签到"]
    assert rows[2][:5] == ["李娜", "13900002222", 1, None, status["confirmed"]]
    assert rows[2][6:] == [None, None, "未签到", "未签到"]
    assert rows[3][0] == "赵敏" and rows[3][4] == status["cancelled_by_organizer"]
    # A name that looks like a formula stays text.
    assert rows[4][0] == '=HYPERLINK("http://evil")' and sheet.cell(row=5, column=1).data_type == "s"
    assert rows[4][3] == "甲（30）、乙（8）" and rows[4][4] == status["waitlisted"]


def test_export_has_a_statistics_sheet(staff, course):
    sheet = load_workbook(BytesIO(export(staff, course["event"]).content))["统计"]
    values = {row[0].value: row[1].value for row in sheet.iter_rows() if row[0].value}
    assert values["活动"] == "茶艺班（秋季）"
    assert values["容量"] == 4
    assert values["已确认人数"] == 3
    assert values["候补报名数"] == 1
    assert values["缺席率"] == pytest.approx(0.5)  # one of two confirmed came to the first session
    header = next(row for row in sheet.iter_rows() if row[0].value == "场次")
    assert [cell.value for cell in header] == [
        "场次",
        "开始时间",
        "应到",
        "实到",
        "实到人数",
        "缺席",
        "缺席率",
    ]
    first = sheet[header[0].row + 1]
    assert [cell.value for cell in first][2:] == [2, 1, 2, 1, 0.5]


def test_export_filename_is_chinese_with_rfc_5987(staff, course):
    event = course["event"]
    response = export(staff, event)
    today = timezone.localdate()
    filename = f"茶艺班（秋季）-报名名单-{today:%Y%m%d}.xlsx"
    assert export_filename(event) == filename
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="event-')
    assert disposition.endswith(f"filename*=UTF-8''{quote(filename, safe='')}")
    assert disposition.isascii()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_filename_drops_characters_that_break_files(org):
    event = factories.make_event(org["district"], title='亲子/阅读:会*"?')
    filename = export_filename(event, today=datetime.date(2025, 10, 11))
    assert filename.startswith("亲子_阅读_会-") and filename.endswith("-20251011.xlsx")
    assert content_disposition("报名.xlsx", "a.xlsx") == (
        "attachment; filename=\"a.xlsx\"; filename*=UTF-8''%E6%8A%A5%E5%90%8D.xlsx"
    )


def test_export_of_an_event_without_registrations(staff, event):
    sheet = load_workbook(BytesIO(export(staff, event).content)).worksheets[0]
    assert sheet.max_row == 1 and sheet.max_column == 7  # six columns and the one session
