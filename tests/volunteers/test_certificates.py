"""志愿服务证明: issuing, numbering, the PDF's text and the public verification page.

Records are built directly with the ORM (approved ServiceRecord rows), so these tests depend only
on the models, not on the services that create records.
"""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from cms.errors import ServiceError
from tests.events.factories import make_org_tree, make_organizer, make_superuser, make_user
from volunteers.certificates import (
    CertificateErrorCode,
    issue_certificate,
    masked_name,
    render_certificate_pdf,
    verification_url,
)
from volunteers.models import (
    Certificate,
    RecordSource,
    RecordStatus,
    ServiceRecord,
    Volunteer,
    VolunteerStatus,
)

pytestmark = pytest.mark.django_db

PHONE = "13912345678"
FULL_ID = "320402199003151234"
MASKED_ID = "3204**********1234"
JAN = datetime.date(2026, 1, 1)
JUN = datetime.date(2026, 6, 30)


def make_volunteer(unit, name="王小红", **fields):
    fields.setdefault("phone", PHONE)
    fields.setdefault("id_number_masked", MASKED_ID)
    return Volunteer.objects.create(
        user=fields.pop("user", None) or make_user(name),
        real_name=name,
        birth_date=datetime.date(1990, 3, 15),
        org_unit=unit,
        consent_version="2026-1",
        consented_at=timezone.now(),
        status=VolunteerStatus.APPROVED,
        **fields,
    )


def make_record(volunteer, date, hours, *, status=RecordStatus.APPROVED, unit=None, name="亲子阅读会"):
    return ServiceRecord.objects.create(
        volunteer=volunteer,
        activity_name=name,
        service_date=date,
        place="茶山街道妇女儿童之家",
        hours=Decimal(str(hours)),
        responsible_person="李老师",
        organization=unit or volunteer.org_unit,
        source=RecordSource.MANUAL,
        status=status,
    )


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def flat(text):
    """The text without spaces and line breaks, which wrapping puts anywhere."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def org():
    return make_org_tree()


@pytest.fixture
def volunteer(org):
    return make_volunteer(org["community"])


@pytest.fixture
def organizer(org):
    return make_organizer(org["street"])


def issue(volunteer, unit, by=None, start=JAN, end=JUN):
    return issue_certificate(volunteer, period_start=start, period_end=end, issuer_unit=unit, by=by)


# --- issuing -------------------------------------------------------------------------------------


def test_issue_snapshots_the_approved_records_of_the_period(org, volunteer, organizer):
    make_record(volunteer, datetime.date(2026, 3, 8), "2.5", name="三八节宣讲")
    make_record(volunteer, datetime.date(2026, 1, 1), 3, name="元旦慰问")
    make_record(volunteer, datetime.date(2026, 6, 30), "1.5", name="禁毒宣传", unit=org["district"])
    make_record(volunteer, datetime.date(2026, 5, 1), 4, status=RecordStatus.PENDING)
    make_record(volunteer, datetime.date(2026, 5, 2), 4, status=RecordStatus.VOIDED)
    make_record(volunteer, datetime.date(2025, 12, 31), 4)
    make_record(volunteer, datetime.date(2026, 7, 1), 4)

    certificate = issue(volunteer, org["street"], by=organizer)

    certificate.refresh_from_db()
    assert certificate.total_hours == Decimal("7.00")
    assert certificate.issuer == org["street"]
    assert certificate.issued_by == organizer
    assert (certificate.period_start, certificate.period_end) == (JAN, JUN)
    assert [(a["date"], a["activity"], a["hours"], a["organization"]) for a in certificate.activities] == [
        ("2026-01-01", "元旦慰问", "3.00", org["community"].name),
        ("2026-03-08", "三八节宣讲", "2.50", org["community"].name),
        ("2026-06-30", "禁毒宣传", "1.50", org["district"].name),
    ]
    assert certificate.activities[0]["place"] == "茶山街道妇女儿童之家"


def test_numbers_are_sequential_per_year_and_unique(org, volunteer, organizer):
    make_record(volunteer, datetime.date(2026, 2, 1), 2)
    year = timezone.localdate().year
    Certificate.objects.create(
        number=f"ZYFW-{year - 1}-000041",
        volunteer=volunteer,
        period_start=JAN,
        period_end=JUN,
        total_hours=1,
        issuer=org["street"],
    )

    numbers = [issue(volunteer, org["street"], by=organizer).number for _ in range(3)]

    assert numbers == [f"ZYFW-{year}-000001", f"ZYFW-{year}-000002", f"ZYFW-{year}-000003"]
    assert re.fullmatch(r"ZYFW-\d{4}-\d{6}", numbers[0])


def test_a_taken_number_is_skipped(org, volunteer, organizer, monkeypatch):
    """If another transaction takes the number first, the unique constraint makes us take the next."""
    import volunteers.certificates as module

    make_record(volunteer, datetime.date(2026, 2, 1), 2)
    year = timezone.localdate().year
    taken = issue(volunteer, org["street"], by=organizer)
    stale = iter([taken.number])
    real_next = module.next_number
    monkeypatch.setattr(module, "next_number", lambda y: next(stale, None) or real_next(y))

    certificate = issue(volunteer, org["street"], by=organizer)

    assert certificate.number == f"ZYFW-{year}-000002"
    assert Certificate.objects.count() == 2


def test_snapshot_stays_when_a_record_is_voided_later(org, volunteer, organizer):
    record = make_record(volunteer, datetime.date(2026, 4, 1), 3, name="母亲节活动")
    make_record(volunteer, datetime.date(2026, 4, 2), 2)
    certificate = issue(volunteer, org["street"], by=organizer)

    record.status = RecordStatus.VOIDED
    record.void_reason = "重复录入"
    record.save()

    certificate.refresh_from_db()
    assert certificate.total_hours == Decimal("5")
    assert "母亲节活动" in [activity["activity"] for activity in certificate.activities]
    assert "累计志愿服务时长5小时" in flat(pdf_text(render_certificate_pdf(certificate)))


def test_refuses_an_empty_period(org, volunteer, organizer):
    make_record(volunteer, datetime.date(2026, 8, 1), 2)
    make_record(volunteer, datetime.date(2026, 3, 1), 2, status=RecordStatus.VOIDED)

    with pytest.raises(ServiceError) as caught:
        issue(volunteer, org["street"], by=organizer)

    assert [problem.code for problem in caught.value.problems] == [CertificateErrorCode.NO_RECORDS]
    assert not Certificate.objects.exists()


def test_refuses_a_period_that_ends_before_it_starts(org, volunteer, organizer):
    make_record(volunteer, datetime.date(2026, 3, 1), 2)

    with pytest.raises(ServiceError) as caught:
        issue(volunteer, org["street"], by=organizer, start=JUN, end=JAN)

    assert [problem.code for problem in caught.value.problems] == [CertificateErrorCode.INVALID_PERIOD]
    assert not Certificate.objects.exists()


def test_a_one_day_period_is_valid(org, volunteer, organizer):
    day = datetime.date(2026, 3, 8)
    make_record(volunteer, day, "1.5")

    certificate = issue(volunteer, org["street"], by=organizer, start=day, end=day)

    assert certificate.total_hours == Decimal("1.5")


# --- the PDF ---------------------------------------------------------------------------------------


def test_pdf_text_has_the_name_the_hours_and_the_number(org, volunteer, organizer, settings):
    """Acceptance 3: the Chinese text renders, so that it can be extracted."""
    settings.WAGTAILADMIN_BASE_URL = "https://yulan.example.cn/"
    make_record(volunteer, datetime.date(2026, 3, 8), "2.5", name="三八节宣讲")
    make_record(volunteer, datetime.date(2026, 5, 10), 10, name="母亲节亲子阅读")
    certificate = issue(volunteer, org["street"], by=organizer)

    data = render_certificate_pdf(certificate)

    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    width, height = (float(value) for value in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4
    text = pdf_text(data)
    assert "志愿服务证明" in text
    assert "王小红" in text
    assert certificate.number in text
    assert "累计志愿服务时长12.5小时" in flat(text)
    assert MASKED_ID in text
    assert FULL_ID not in text
    assert PHONE not in text
    for words in ("三八节宣讲", "母亲节亲子阅读", org["street"].name, "《志愿服务条例》", "不收取任何费用"):
        assert words in text
    assert "2026年1月1日" in text and "2026年6月30日" in text
    url = f"https://yulan.example.cn/volunteers/verify/{certificate.number}/"
    assert verification_url(certificate) == url
    assert url in flat(text)


def test_the_qr_code_encodes_the_verification_url(org, volunteer, organizer, monkeypatch):
    import volunteers.certificates as module

    make_record(volunteer, datetime.date(2026, 3, 8), 2)
    certificate = issue(volunteer, org["street"], by=organizer)
    drawn = []
    real = module._qr_drawing
    monkeypatch.setattr(module, "_qr_drawing", lambda url, size: drawn.append(url) or real(url, size))

    render_certificate_pdf(certificate)

    assert drawn == [verification_url(certificate)]
    widget = real(drawn[0], 100).contents[0]
    assert widget.value == verification_url(certificate)


def test_pdf_without_an_id_number(org, organizer):
    volunteer = make_volunteer(org["community"], name="李芳", id_number_masked="")
    make_record(volunteer, datetime.date(2026, 3, 8), 2)
    text = pdf_text(render_certificate_pdf(issue(volunteer, org["street"], by=organizer)))
    assert "李芳" in text
    assert "身份证号" not in text


def test_pdf_with_many_activities_runs_over_pages(org, volunteer, organizer):
    for day in range(1, 61):
        make_record(volunteer, JAN + datetime.timedelta(days=day), 1, name=f"社区服务第{day}次")
    certificate = issue(volunteer, org["street"], by=organizer)
    reader = PdfReader(io.BytesIO(render_certificate_pdf(certificate)))
    assert len(reader.pages) > 1
    text = pdf_text(render_certificate_pdf(certificate))
    assert "社区服务第60次" in text
    assert "60" in text


# --- the verification page --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "masked"), [("王小红", "王*红"), ("王红", "王*"), ("欧阳小红", "欧**红"), ("王", "*"), ("", "")]
)
def test_masked_name(name, masked):
    assert masked_name(name) == masked


def test_verification_page_shows_the_certificate_and_nothing_personal(client, org, volunteer, organizer):
    make_record(volunteer, datetime.date(2026, 3, 8), "2.5")
    make_record(volunteer, datetime.date(2026, 5, 10), 10)
    certificate = issue(volunteer, org["street"], by=organizer)

    response = client.get(f"/volunteers/verify/{certificate.number}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert certificate.number in html
    assert "王*红" in html
    assert "12.5" in html
    assert org["street"].name in html
    assert "2026年1月1日" in html
    assert "王小红" not in html
    assert PHONE not in html
    assert FULL_ID not in html
    assert MASKED_ID not in html
    assert "1234" not in html
    assert "1990" not in html
    assert 'name="viewport"' in html


def test_verification_page_for_an_unknown_number_is_a_friendly_404(client):
    response = client.get("/volunteers/verify/ZYFW-2026-999999/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "未找到该证明" in html
    assert "ZYFW-2026-999999" in html


# --- the PDF URL ------------------------------------------------------------------------------------


@pytest.fixture
def certificate(org, volunteer, organizer):
    make_record(volunteer, datetime.date(2026, 3, 8), 2)
    return issue(volunteer, org["street"], by=organizer)


def pdf_url(certificate):
    return f"/volunteers/certificates/{certificate.number}.pdf"


def test_the_volunteer_gets_their_pdf(client, certificate, volunteer):
    client.force_login(volunteer.user)
    response = client.get(pdf_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert certificate.number in pdf_text(response.content)


@pytest.mark.parametrize("unit", ["street", "district", "city"])
def test_organizers_of_the_issuer_and_above_get_the_pdf(client, certificate, org, unit):
    client.force_login(make_organizer(org[unit]))
    assert client.get(pdf_url(certificate)).status_code == 200


def test_superusers_get_the_pdf(client, certificate):
    client.force_login(make_superuser())
    assert client.get(pdf_url(certificate)).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "other user", "other volunteer", "other district", "below"])
def test_everyone_else_gets_the_same_404_as_an_unknown_number(client, certificate, org, who):
    if who == "other user":
        client.force_login(make_user("路人"))
    elif who == "other volunteer":
        client.force_login(make_volunteer(org["community"], name="张敏").user)
    elif who == "other district":
        client.force_login(make_organizer(org["other_district"]))
    elif who == "below":
        # The volunteer's own community did not issue this certificate (the street did).
        client.force_login(make_organizer(org["community"]))

    response = client.get(pdf_url(certificate))
    unknown = client.get("/volunteers/certificates/ZYFW-2026-999999.pdf")

    assert response.status_code == unknown.status_code == 404
    assert b"%PDF" not in response.content
