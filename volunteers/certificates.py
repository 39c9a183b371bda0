"""志愿服务证明: issuing a certificate for a period, and its PDF.

``issue_certificate`` snapshots the volunteer's approved records of the period into a
``Certificate`` (what it certified stays as issued, even if a record is voided later) under a
number ``ZYFW-<year>-<6 digits>``, sequential per year. ``render_certificate_pdf`` draws the A4
document: the masked ID only (never the full one), the activities, the issuing unit, the legal
basis and a QR code to the public verification page (``verification_url``).

Chinese text uses reportlab's built-in CID font STSong-Light: no font file ships with the site
(PDF readers supply the Adobe-GB1 font), and the text stays extractable.

Who may issue is the caller's business (an organizer of ``issuer_unit``, or the volunteer asking for
their own proof through the API); this module checks only the period and the records.
"""

import io
from decimal import Decimal
from xml.sax.saxutils import escape

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.errors import ServiceError
from volunteers.models import Certificate, RecordStatus, ServiceRecord

NUMBER_PREFIX = "ZYFW"
NUMBER_DIGITS = 6
NUMBER_ATTEMPTS = 5
FONT = "STSong-Light"
LEGAL_BASIS = (
    "本证明依据《志愿服务条例》和《志愿服务记录与证明出具办法》，根据志愿服务记录如实出具，不收取任何费用。"
)


class CertificateErrorCode(models.TextChoices):
    """Why a certificate was not issued; labels describe each code for developers."""

    INVALID_PERIOD = "INVALID_PERIOD", "The period is missing or ends before it starts."
    NO_RECORDS = "NO_RECORDS", "The volunteer has no approved service record in the period."


# --- issuing -------------------------------------------------------------------------------------


def _number(year, sequence):
    return f"{NUMBER_PREFIX}-{year}-{sequence:0{NUMBER_DIGITS}d}"


def next_number(year):
    """The number after the year's highest one (numbers are zero-padded, so they sort as text)."""
    prefix = f"{NUMBER_PREFIX}-{year}-"
    last = (
        Certificate.objects.filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return _number(year, int(last[len(prefix) :]) + 1 if last else 1)


def _snapshot(record):
    return {
        "record_id": record.pk,
        "date": record.service_date.isoformat(),
        "activity": record.activity_name,
        "place": record.place,
        "hours": str(record.hours),
        "organization": record.organization.name,
    }


def issue_certificate(volunteer, *, period_start, period_end, issuer_unit, by):
    """A new ``Certificate`` of ``volunteer``'s approved records from ``period_start`` to
    ``period_end`` (both included), issued by ``issuer_unit`` and the user ``by``.

    Raises ``ServiceError`` with INVALID_PERIOD (a date missing, or the end before the start) or
    NO_RECORDS (no approved record in the period). Two concurrent issues never share a number: the
    unique constraint rejects the second insert, which then takes the next number.
    """
    if period_start is None or period_end is None:
        raise ServiceError(
            CertificateErrorCode.INVALID_PERIOD, _("Choose the first and the last day of the period.")
        )
    if period_end < period_start:
        raise ServiceError(
            CertificateErrorCode.INVALID_PERIOD,
            _("The period cannot end before it starts."),
            "period_end",
        )
    with transaction.atomic():
        records = list(
            ServiceRecord.objects.filter(
                volunteer=volunteer,
                status=RecordStatus.APPROVED,
                service_date__gte=period_start,
                service_date__lte=period_end,
            )
            .select_related("organization")
            .order_by("service_date", "pk")
        )
        if not records:
            raise ServiceError(
                CertificateErrorCode.NO_RECORDS,
                _("There is no approved service record in this period."),
            )
        certificate = Certificate(
            volunteer=volunteer,
            period_start=period_start,
            period_end=period_end,
            total_hours=sum((record.hours for record in records), Decimal("0")),
            activities=[_snapshot(record) for record in records],
            issuer=issuer_unit,
            issued_by=by if by is not None and by.is_authenticated else None,
        )
        year = timezone.localdate().year
        for attempt in range(NUMBER_ATTEMPTS):
            certificate.number = next_number(year)
            try:
                with transaction.atomic():
                    certificate.save()
                break
            except IntegrityError:
                # Another transaction took this number meanwhile; read again and take the next.
                certificate.pk = None
                if attempt == NUMBER_ATTEMPTS - 1:
                    raise
        return certificate


# --- presenting -------------------------------------------------------------------------------------


def format_hours(value):
    """12.50 -> "12.5", 100.00 -> "100", 0 -> "0"."""
    value = Decimal(str(value))
    if value == 0:
        return "0"
    return f"{value.normalize():f}"


def format_date(value):
    return f"{value.year}年{value.month}月{value.day}日"


def masked_name(name):
    """The first character kept, the rest masked; the last kept too from three characters on:
    王红 -> 王*, 王小红 -> 王*红, 欧阳小红 -> 欧**红."""
    name = (name or "").strip()
    if len(name) <= 1:
        return "*" if name else ""
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def verification_url(certificate):
    """The absolute URL of the certificate's public verification page."""
    path = reverse("volunteers:verify_certificate", kwargs={"number": certificate.number})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def issued_on(certificate):
    return timezone.localdate(certificate.issued_at)


# --- the PDF ---------------------------------------------------------------------------------------


def _register_font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _qr_drawing(url, size):
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(url, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def render_certificate_pdf(certificate):
    """The certificate as an A4 PDF (bytes)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_font()
    volunteer = certificate.volunteer
    url = verification_url(certificate)
    body = ParagraphStyle("body", fontName=FONT, fontSize=11.5, leading=19, wordWrap="CJK")
    small = ParagraphStyle("small", parent=body, fontSize=9.5, leading=13)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12.5)
    title = ParagraphStyle("title", parent=body, fontSize=24, leading=32, alignment=TA_CENTER)
    number = ParagraphStyle("number", parent=body, fontSize=10.5, alignment=TA_CENTER)

    identity = escape(volunteer.real_name)
    if volunteer.id_number_masked:
        identity += f"（身份证号：{escape(volunteer.id_number_masked)}）"
    statement = (
        f"兹证明 {identity} 于 {format_date(certificate.period_start)} 至 "
        f"{format_date(certificate.period_end)} 期间参加志愿服务，经服务组织记录，"
        f"累计志愿服务时长 {format_hours(certificate.total_hours)} 小时（不含往返路途时间）。"
        "具体服务记录如下："
    )

    rows = [
        [
            Paragraph(text, cell)
            for text in ("序号", "日期", "活动名称", "服务地点", "时长（小时）", "组织单位")
        ]
    ]
    for index, activity in enumerate(certificate.activities, start=1):
        rows.append(
            [
                Paragraph(str(index), cell),
                Paragraph(escape(activity.get("date", "")), cell),
                Paragraph(escape(activity.get("activity", "")), cell),
                Paragraph(escape(activity.get("place", "")), cell),
                Paragraph(format_hours(activity.get("hours", "0")), cell),
                Paragraph(escape(activity.get("organization", "")), cell),
            ]
        )
    rows.append(
        [
            Paragraph("合计", cell),
            "",
            "",
            "",
            Paragraph(format_hours(certificate.total_hours), cell),
            "",
        ]
    )
    table = Table(
        rows,
        colWidths=[12 * mm, 24 * mm, 50 * mm, 34 * mm, 22 * mm, 36 * mm],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3e6ea")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("SPAN", (0, -1), (3, -1)),
            ]
        )
    )

    qr = _qr_drawing(url, 32 * mm)
    verification = Table(
        [
            [
                qr,
                [
                    Paragraph(f"证明编号：{escape(certificate.number)}", small),
                    Paragraph("扫描二维码或访问以下网址核验本证明：", small),
                    Paragraph(escape(url), small),
                ],
            ]
        ],
        colWidths=[36 * mm, 142 * mm],
    )
    verification.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))

    story = [
        Paragraph("志愿服务证明", title),
        Paragraph(f"证明编号：{escape(certificate.number)}", number),
        Spacer(1, 8 * mm),
        Paragraph(statement, body),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 6 * mm),
        Paragraph(LEGAL_BASIS, body),
        Spacer(1, 10 * mm),
        Paragraph(f"出具单位：{escape(certificate.issuer.name)}（盖章）", body),
        Paragraph(f"出具日期：{format_date(issued_on(certificate))}", body),
        Spacer(1, 10 * mm),
        verification,
    ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title=f"志愿服务证明 {certificate.number}",
        author=certificate.issuer.name,
    )
    document.build(story)
    return buffer.getvalue()
