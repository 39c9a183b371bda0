"""Service record mutations: review (approve, correct, void), offline service, correction
requests, and the volunteer's certificate. Same conventions as ``volunteers.graphql.mutations``."""

import graphene

from cms.accounts.mfa import MFAErrorCode
from cms.graphql.errors import error_type
from cms.graphql.mutations import ServiceMutation
from volunteers import services
from volunteers.certificates import CertificateErrorCode
from volunteers.graphql import loaders, record_types
from volunteers.services import VolunteerErrorCode as Code

ApproveServiceRecordError = error_type(
    "ApproveServiceRecord",
    [Code.RECORD_NOT_PENDING, Code.REASON_REQUIRED, Code.INVALID_HOURS, MFAErrorCode.MFA_REQUIRED],
)
CorrectServiceRecordError = error_type(
    "CorrectServiceRecord",
    [
        Code.REASON_REQUIRED,
        Code.RECORD_VOIDED,
        Code.INVALID_HOURS,
        Code.HOURS_ABOVE_CAP,
        Code.NOTHING_CHANGED,
        MFAErrorCode.MFA_REQUIRED,
    ],
)
VoidServiceRecordError = error_type(
    "VoidServiceRecord", [Code.REASON_REQUIRED, Code.RECORD_VOIDED, MFAErrorCode.MFA_REQUIRED]
)
AddManualServiceRecordError = error_type(
    "AddManualServiceRecord", [Code.NOT_APPROVED, Code.INVALID_HOURS, MFAErrorCode.MFA_REQUIRED]
)
RequestRecordCorrectionError = error_type(
    "RequestRecordCorrection",
    [Code.NOT_A_VOLUNTEER, Code.RECORD_VOIDED, Code.INVALID_HOURS, Code.CORRECTION_ALREADY_OPEN],
)
DecideCorrectionRequestError = error_type(
    "DecideCorrectionRequest",
    [
        Code.CORRECTION_NOT_OPEN,
        Code.RECORD_VOIDED,
        Code.INVALID_HOURS,
        Code.HOURS_ABOVE_CAP,
        Code.REASON_REQUIRED,
        MFAErrorCode.MFA_REQUIRED,
    ],
)
RequestVolunteerCertificateError = error_type(
    "RequestVolunteerCertificate",
    [Code.NOT_A_VOLUNTEER, CertificateErrorCode.INVALID_PERIOD, CertificateErrorCode.NO_RECORDS],
)


def _record(record):
    return loaders.records().get(pk=record.pk)


def _correction(request):
    return loaders.correction_requests().get(pk=request.pk)


def payload(graphql_type, description):
    """The payload field of the changed object, null when the mutation was refused."""
    return graphene.Field(graphql_type, description=f"{description}; null when the mutation was refused.")


class ApproveServiceRecord(ServiceMutation):
    """Organizers of the recording unit: approve a record awaiting review, optionally with other
    hours (with a reason; only here may hours exceed the shift's length)."""

    class Input:
        record_id = graphene.ID(required=True, description="The record's id.")
        hours = graphene.Decimal(description="Other hours, 0 to 24, at most two decimals; needs a reason.")
        reason = graphene.String(description="Why the hours differ; at most 200 characters.")

    record = payload(record_types.ServiceRecord, "The approved record")

    class Meta:
        error_type = ApproveServiceRecordError
        organizer = True

    @classmethod
    def perform(cls, info, record_id, hours=None, reason=None):
        record = services.approve_record(record_id, by=info.context.user, hours=hours, reason=reason or "")
        return {"record": _record(record)}


class CorrectServiceRecord(ServiceMutation):
    """Organizers of the recording unit: correct fields of a record, each change kept with the reason.
    Fields left out stay as they are."""

    class Input:
        record_id = graphene.ID(required=True, description="The record's id.")
        reason = graphene.String(required=True, description="Why, 1 to 200 characters.")
        activity_name = graphene.String(description="The activity.")
        service_date = graphene.Date(description="The day of service.")
        place = graphene.String(description="Where.")
        service_object = graphene.String(description="Who was served.")
        content = graphene.String(description="What was done.")
        hours = graphene.Decimal(description="Hours, up to the shift's length.")
        evaluation = graphene.String(description="The evaluation.")
        responsible_person = graphene.String(description="The responsible person.")

    record = payload(record_types.ServiceRecord, "The corrected record")

    class Meta:
        error_type = CorrectServiceRecordError
        organizer = True

    @classmethod
    def perform(cls, info, record_id, reason, **changes):
        changes = {name: value for name, value in changes.items() if value is not None}
        record = services.correct_record(record_id, by=info.context.user, reason=reason, **changes)
        return {"record": _record(record)}


class VoidServiceRecord(ServiceMutation):
    """Organizers of the recording unit: void a record (kept, no longer counted), with a reason."""

    class Input:
        record_id = graphene.ID(required=True, description="The record's id.")
        reason = graphene.String(required=True, description="Why, 1 to 200 characters.")

    record = payload(record_types.ServiceRecord, "The voided record")

    class Meta:
        error_type = VoidServiceRecordError
        organizer = True

    @classmethod
    def perform(cls, info, record_id, reason):
        return {"record": _record(services.void_record(record_id, by=info.context.user, reason=reason))}


class AddManualServiceRecord(ServiceMutation):
    """Organizers: record offline service, approved at once; the organization is the volunteer's
    unit unless given, and the viewer must organize it."""

    class Input:
        volunteer_id = graphene.ID(required=True, description="The volunteer's profile id.")
        activity_name = graphene.String(required=True, description="The activity.")
        service_date = graphene.Date(required=True, description="The day of service; not in the future.")
        place = graphene.String(required=True, description="Where.")
        hours = graphene.Decimal(required=True, description="Hours, 0 to 24, at most two decimals.")
        content = graphene.String(description="What was done.")
        service_object = graphene.String(description="Who was served.")
        evaluation = graphene.String(description="The evaluation.")
        organization_id = graphene.ID(description="The recording unit; the volunteer's unit by default.")

    record = payload(record_types.ServiceRecord, "The new record")

    class Meta:
        error_type = AddManualServiceRecordError
        organizer = True

    @classmethod
    def perform(cls, info, organization_id=None, **fields):
        fields = {name: "" if value is None else value for name, value in fields.items()}
        record = services.add_manual_record(by=info.context.user, organization_id=organization_id, **fields)
        return {"record": _record(record)}


class RequestRecordCorrection(ServiceMutation):
    """The volunteer asks the recording unit to correct one of their records."""

    class Input:
        record_id = graphene.ID(required=True, description="The record's id.")
        message = graphene.String(required=True, description="What is wrong, 1 to 500 characters.")
        proposed_hours = graphene.Decimal(description="The hours the volunteer believes right.")

    correction_request = payload(record_types.CorrectionRequest, "The request")

    class Meta:
        error_type = RequestRecordCorrectionError

    @classmethod
    def perform(cls, info, record_id, message, proposed_hours=None):
        request = services.request_correction(
            info.context.user, record_id, message=message, proposed_hours=proposed_hours
        )
        return {"correction_request": _correction(request)}


class DecideCorrectionRequest(ServiceMutation):
    """Organizers of the recording unit: accept a correction request (applying the hours given, or
    the proposed ones) or decline it with a response."""

    class Input:
        request_id = graphene.ID(required=True, description="The correction request's id.")
        accept = graphene.Boolean(required=True, description="true to accept, false to decline.")
        response = graphene.String(description="The answer to the volunteer; required to decline.")
        hours = graphene.Decimal(description="The corrected hours; the proposed hours by default.")

    correction_request = payload(record_types.CorrectionRequest, "The decided request")

    class Meta:
        error_type = DecideCorrectionRequestError
        organizer = True

    @classmethod
    def perform(cls, info, request_id, accept, response=None, hours=None):
        request = services.decide_correction(
            request_id, by=info.context.user, accept=accept, response=response or "", hours=hours
        )
        return {"correction_request": _correction(request)}


class RequestVolunteerCertificate(ServiceMutation):
    """Get a 志愿服务证明 of one's approved service in a period, issued at once by one's own unit
    from the records as kept (志愿服务记录与证明出具办法)."""

    class Input:
        period_start = graphene.Date(required=True, description="The first day to certify.")
        period_end = graphene.Date(required=True, description="The last day to certify.")

    certificate = payload(record_types.VolunteerCertificate, "The certificate")

    class Meta:
        error_type = RequestVolunteerCertificateError

    @classmethod
    def perform(cls, info, period_start, period_end):
        certificate = services.request_certificate(
            info.context.user, period_start=period_start, period_end=period_end
        )
        return {"certificate": certificate}


class RecordMutation(graphene.ObjectType):
    approve_service_record = ApproveServiceRecord.Field()
    correct_service_record = CorrectServiceRecord.Field()
    void_service_record = VoidServiceRecord.Field()
    add_manual_service_record = AddManualServiceRecord.Field()
    request_record_correction = RequestRecordCorrection.Field()
    decide_correction_request = DecideCorrectionRequest.Field()
    request_volunteer_certificate = RequestVolunteerCertificate.Field()
