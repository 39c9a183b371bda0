"""GraphQL types of service records, correction requests and certificates.

Records are reached only by the volunteer and by organizers of the recording unit (and units
above it); the volunteer on a record shows personal fields as ``types.Volunteer`` does.
"""

import graphene
from django.urls import reverse

from home.graphql.types import OrgUnit
from volunteers import certificates, models, services
from volunteers.graphql import loaders
from volunteers.graphql.types import CorrectionStatus, RecordSource, RecordStatus, Volunteer


class RecordChange(graphene.ObjectType):
    """One correction of a service record: what changed, who changed it and why."""

    field = graphene.String(required=True, description="The field changed, e.g. hours or status.")
    old_value = graphene.String(required=True, description="The value before.")
    new_value = graphene.String(required=True, description="The value after.")
    reason = graphene.String(required=True, description="Why.")
    changed_at = graphene.DateTime(required=True, description="When.")
    changed_by = graphene.String(required=True, description="Who, by display name; empty if unknown.")

    @staticmethod
    def resolve_changed_by(change, info):
        return services.display_name(change.changed_by)


class ServiceRecord(graphene.ObjectType):
    """A 志愿服务记录: one service, its hours and the national fields; never deleted."""

    id = graphene.ID(required=True, description="The record's id.")
    volunteer = graphene.Field(Volunteer, required=True, description="Whose service.")
    activity_name = graphene.String(required=True, description="The activity.")
    service_date = graphene.Date(required=True, description="The day of service.")
    place = graphene.String(required=True, description="Where.")
    service_object = graphene.String(required=True, description="Who was served, possibly empty.")
    content = graphene.String(required=True, description="What was done.")
    hours = graphene.Decimal(required=True, description="Hours of actual service, travel excluded.")
    max_hours = graphene.Decimal(
        description="The shift's length: corrections may not exceed it; null for offline service."
    )
    evaluation = graphene.String(required=True, description="The organizer's evaluation, possibly empty.")
    responsible_person = graphene.String(required=True, description="The responsible person named on it.")
    organization = graphene.Field(OrgUnit, required=True, description="The unit that recorded it.")
    source = RecordSource(required=True, description="Attendance or entered by an organizer.")
    status = RecordStatus(required=True, description="Awaiting review, approved (counts) or voided.")
    void_reason = graphene.String(required=True, description="Why it was voided; empty otherwise.")
    created_at = graphene.DateTime(required=True, description="When it was recorded.")
    changes = graphene.List(
        graphene.NonNull(RecordChange), required=True, description="Its corrections, oldest first."
    )
    open_correction_request = graphene.Field(
        lambda: CorrectionRequest, description="The volunteer's open correction request; null if none."
    )
    can_review = graphene.Boolean(
        required=True, description="Whether the viewer organizes the recording unit (approve, correct, void)."
    )

    @staticmethod
    def resolve_max_hours(record, info):
        return services.record_cap(record)

    @staticmethod
    def resolve_changes(record, info):
        return list(record.changes.all())

    @staticmethod
    def resolve_open_correction_request(record, info):
        found = getattr(record, "open_corrections", None)
        if found is None:
            found = list(record.correction_requests.filter(status=models.CorrectionStatus.OPEN))
        for request in found:
            request.record = record
        return found[0] if found else None

    @staticmethod
    def resolve_can_review(record, info):
        return loaders.manages(info, record.organization)


class CorrectionRequest(graphene.ObjectType):
    """A volunteer's request to correct one of their records, and the organizer's answer."""

    id = graphene.ID(required=True, description="The request's id.")
    record = graphene.Field(ServiceRecord, required=True, description="The record concerned.")
    message = graphene.String(required=True, description="What the volunteer says.")
    proposed_hours = graphene.Decimal(description="The hours the volunteer proposes; null if none.")
    status = CorrectionStatus(required=True, description="Open, accepted or declined.")
    created_at = graphene.DateTime(required=True, description="When it was asked.")
    decided_at = graphene.DateTime(description="When it was decided; null while open.")
    response = graphene.String(required=True, description="The organizer's answer, possibly empty.")


class VolunteerCertificate(graphene.ObjectType):
    """A 志愿服务证明 for a period, as issued: number, hours, issuer, PDF and public check."""

    id = graphene.ID(required=True, description="The certificate's id.")
    number = graphene.String(required=True, description="e.g. ZYFW-2026-000001.")
    period_start = graphene.Date(required=True, description="The first day certified.")
    period_end = graphene.Date(required=True, description="The last day certified.")
    total_hours = graphene.Decimal(required=True, description="Hours certified.")
    activity_count = graphene.Int(required=True, description="Service records certified.")
    issuer = graphene.Field(OrgUnit, required=True, description="The issuing unit.")
    issued_at = graphene.DateTime(required=True, description="When it was issued.")
    pdf_url = graphene.String(
        required=True, description="The PDF, for the volunteer and the issuing unit's organizers."
    )
    verification_url = graphene.String(
        required=True, description="The public page where anyone can check the certificate."
    )

    @staticmethod
    def resolve_activity_count(certificate, info):
        return len(certificate.activities)

    @staticmethod
    def resolve_pdf_url(certificate, info):
        path = reverse("volunteers:certificate_pdf", kwargs={"number": certificate.number})
        return info.context.build_absolute_uri(path)

    @staticmethod
    def resolve_verification_url(certificate, info):
        return certificates.verification_url(certificate)
