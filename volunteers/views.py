"""Certificate pages: the public verification page and the PDF for its owner and the issuer.

``/volunteers/verify/<number>/`` is public: it shows the number, the masked name, the hours, the
period, the issuer and the date, and nothing personal (no phone, no ID number, not even masked).
``/volunteers/certificates/<number>.pdf`` serves the PDF to the volunteer and to organizers of the
issuing unit; everybody else gets the same 404 as for an unknown number.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from home.permissions import manages_unit
from volunteers import certificates
from volunteers.models import Certificate


def _private(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def verify_certificate(request, number):
    certificate = (
        Certificate.objects.select_related("volunteer", "issuer").filter(number=number.upper()).first()
    )
    if certificate is None:
        response = render(request, "volunteers/verify.html", {"number": number, "found": False}, status=404)
        return _private(response)
    context = {
        "found": True,
        "number": certificate.number,
        "name": certificates.masked_name(certificate.volunteer.real_name),
        "total_hours": certificates.format_hours(certificate.total_hours),
        "period_start": certificates.format_date(certificate.period_start),
        "period_end": certificates.format_date(certificate.period_end),
        "activity_count": len(certificate.activities),
        "issuer": certificate.issuer.name,
        "issued_on": certificates.format_date(certificates.issued_on(certificate)),
    }
    response = render(request, "volunteers/verify.html", context)
    patch_cache_control(response, public=True, max_age=5 * 60)
    return _private(response)


def can_download(user, certificate):
    """The volunteer themselves, or an organizer of the issuing unit (or a unit above it)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return certificate.volunteer.user_id == user.pk or manages_unit(user, certificate.issuer)


@require_safe
def certificate_pdf(request, number):
    certificate = (
        Certificate.objects.select_related("volunteer", "issuer").filter(number=number.upper()).first()
    )
    if certificate is None or not can_download(request.user, certificate):
        raise Http404
    response = HttpResponse(certificates.render_certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{certificate.number}.pdf"'
    patch_cache_control(response, private=True, no_store=True)
    return _private(response)
