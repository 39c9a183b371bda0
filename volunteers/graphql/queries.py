"""Volunteers queries: skills, the viewer's profile, teams, opportunities and shifts, the viewer's
shifts, records and certificates; for organizers and leaders the volunteers they manage, shift
rosters, sign-ups to decide, records to review and correction requests.

Expected outcomes are data: an unknown or hidden object is ``null``; a list the viewer may not
see is ``null`` (organizer lists) or empty (the viewer's own lists when signed out).
"""

import datetime

import graphene
from django.db.models import Exists, F, Min, OuterRef, Q
from django.utils import timezone

from cms.graphql.pagination import Page, page_arguments, paginate, paginated_type
from cms.ids import parse_id
from home.permissions import managed_filter
from home.selectors import org_unit_subtree
from volunteers import models
from volunteers.graphql import loaders, record_types, shift_types, types

VolunteerList = paginated_type(types.Volunteer, "VolunteerList", "A page of volunteers.")
VolunteerTeamList = paginated_type(types.VolunteerTeam, "VolunteerTeamList", "A page of teams.")
VolunteerOpportunityList = paginated_type(
    shift_types.VolunteerOpportunity, "VolunteerOpportunityList", "A page of volunteer opportunities."
)
VolunteerShiftList = paginated_type(shift_types.VolunteerShift, "VolunteerShiftList", "A page of shifts.")
ShiftSignupList = paginated_type(shift_types.ShiftSignup, "ShiftSignupList", "A page of shift sign-ups.")
ServiceRecordList = paginated_type(
    record_types.ServiceRecord, "ServiceRecordList", "A page of service records."
)
CorrectionRequestList = paginated_type(
    record_types.CorrectionRequest, "CorrectionRequestList", "A page of correction requests."
)
VolunteerCertificateList = paginated_type(
    record_types.VolunteerCertificate, "VolunteerCertificateList", "A page of certificates."
)


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _subtree(queryset, field, org_unit):
    path = org_unit_subtree(org_unit)
    return queryset.filter(**{f"{field}__path__startswith": path}) if path else queryset.none()


def matching_shifts(from_=None, to=None, skill=None, org_unit=None, has_open_places=None, when=None):
    """Shifts (annotated with places taken) matching the filters of the shift and opportunity lists."""
    queryset = loaders.shifts()
    if from_ is not None:
        queryset = queryset.filter(ends_at__gt=_day_start(from_))
    if to is not None:
        queryset = queryset.filter(starts_at__lt=_day_start(to + datetime.timedelta(days=1)))
    if skill is not None:
        skill_id = parse_id(skill)
        queryset = queryset.filter(required_skills=skill_id) if skill_id else queryset.none()
    if org_unit is not None:
        queryset = _subtree(queryset, "role__opportunity__org_unit", org_unit)
    if has_open_places is not None:
        open_places = Q(taken__lt=F("max_count"))
        queryset = queryset.filter(open_places) if has_open_places else queryset.exclude(open_places)
    if when == "upcoming":
        queryset = queryset.filter(ends_at__gt=timezone.now())
    elif when == "past":
        queryset = queryset.filter(ends_at__lte=timezone.now())
    return queryset


def _shift_filters():
    return {
        "from_": graphene.Date(name="from", description="Only shifts on or after this day (local time)."),
        "to": graphene.Date(description="Only shifts on or before this day (local time)."),
        "skill": graphene.ID(description="Only shifts that require this skill."),
        "org_unit": graphene.ID(description="Only shifts organized by this unit or a unit below it."),
        "has_open_places": graphene.Boolean(
            description="true: only shifts with places left; false: only full ones."
        ),
        "when": types.ShiftWhen(description="Only upcoming or only past shifts."),
    }


def _by_time(queryset, when, field="starts_at"):
    if when == "past":
        return queryset.order_by(F(field).desc(), "-pk")
    return queryset.order_by(field, "pk")


def _organizer_only(info):
    return loaders.is_organizer(info)


def _mine(info, offset, build):
    """The viewer's own list, or an empty page when they have no volunteer profile."""
    volunteer = loaders.my_volunteer(info)
    return Page([], 0, offset) if volunteer is None else build(volunteer)


class VolunteerQuery(graphene.ObjectType):
    volunteer_skills = graphene.List(
        graphene.NonNull(types.Skill), required=True, description="Every skill of the taxonomy, in order."
    )
    volunteer_agreement = graphene.Field(
        types.VolunteerAgreement,
        required=True,
        description="The volunteer agreement in force, to show before applying.",
    )
    my_volunteer_profile = graphene.Field(
        types.Volunteer, description="The viewer's volunteer profile; null if none or signed out."
    )
    volunteer = graphene.Field(
        types.Volunteer,
        id=graphene.ID(required=True, description="The profile's id."),
        description="The viewer's own profile, or a volunteer of a unit the viewer organizes; else null.",
    )
    managed_volunteers = graphene.Field(
        VolunteerList,
        status=types.VolunteerStatus(description="Only volunteers in this status (APPLIED: applications)."),
        org_unit=graphene.ID(description="Only volunteers of this unit or a unit below it."),
        **page_arguments(),
        description="Organizers: the volunteers of the units they organize, oldest application first; "
        "null for anyone else.",
    )
    volunteer_teams = graphene.Field(
        VolunteerTeamList,
        required=True,
        org_unit=graphene.ID(description="Only teams of this unit or a unit below it."),
        kind=types.TeamKind(description="Only teams of this kind."),
        **page_arguments(),
        description="Volunteer teams, by name.",
    )
    volunteer_team = graphene.Field(
        types.VolunteerTeam,
        id=graphene.ID(required=True, description="The team's id."),
        description="A team; null if unknown.",
    )
    volunteer_opportunities = graphene.Field(
        VolunteerOpportunityList,
        required=True,
        **_shift_filters(),
        **page_arguments(),
        description=(
            "Published opportunities (organizers also see their units' drafts) with at least one "
            "shift matching the filters (any shift when none is given), by their first shift."
        ),
    )
    volunteer_opportunity = graphene.Field(
        shift_types.VolunteerOpportunity,
        id=graphene.ID(required=True, description="The opportunity's id."),
        description="A published opportunity, or any of a unit the viewer organizes; else null.",
    )
    volunteer_shifts = graphene.Field(
        VolunteerShiftList,
        required=True,
        opportunity=graphene.ID(description="Only shifts of this opportunity."),
        run_by_me=graphene.Boolean(
            description="true: only the shifts the viewer runs (organizer of the opportunity's unit, "
            "leader of the shift's required team), for leader mode; false: only the others."
        ),
        **_shift_filters(),
        **page_arguments(),
        description="Shifts of the opportunities the viewer may see, soonest first (latest first when PAST).",
    )
    volunteer_shift = graphene.Field(
        shift_types.VolunteerShift,
        id=graphene.ID(required=True, description="The shift's id."),
        description="A shift of an opportunity the viewer may see; else null.",
    )
    my_shifts = graphene.Field(
        ShiftSignupList,
        required=True,
        when=types.ShiftWhen(description="Only upcoming or only past shifts."),
        status=types.SignupStatus(description="Only sign-ups in this status."),
        **page_arguments(),
        description="The viewer's sign-ups, every status: upcoming soonest first, otherwise latest first.",
    )
    shift_signups = graphene.Field(
        ShiftSignupList,
        shift_id=graphene.ID(required=True, description="The shift's id."),
        status=types.SignupStatus(description="Only sign-ups in this status."),
        **page_arguments(),
        description="The roster of a shift, oldest first, for those who run it; null for anyone else.",
    )
    shift_signups_to_decide = graphene.Field(
        ShiftSignupList,
        **page_arguments(),
        description="Organizers: requested sign-ups of their units' shifts, soonest shift first; null "
        "for anyone else.",
    )
    my_service_records = graphene.Field(
        ServiceRecordList,
        required=True,
        status=types.RecordStatus(description="Only records in this status."),
        **page_arguments(),
        description="The viewer's service records, latest service first.",
    )
    service_records_to_review = graphene.Field(
        ServiceRecordList,
        status=types.RecordStatus(description="Only records in this status; PENDING by default."),
        org_unit=graphene.ID(description="Only records of this unit or a unit below it."),
        **page_arguments(),
        description="Organizers: the records of the units they organize, oldest service first; null "
        "for anyone else.",
    )
    my_correction_requests = graphene.Field(
        CorrectionRequestList,
        required=True,
        **page_arguments(),
        description="The viewer's correction requests, newest first.",
    )
    correction_requests_to_decide = graphene.Field(
        CorrectionRequestList,
        **page_arguments(),
        description="Organizers: open correction requests on their units' records, oldest first; null "
        "for anyone else.",
    )
    my_certificates = graphene.Field(
        VolunteerCertificateList,
        required=True,
        **page_arguments(),
        description="The viewer's certificates, newest first.",
    )

    @staticmethod
    def resolve_volunteer_skills(root, info):
        return list(models.Skill.objects.all())

    @staticmethod
    def resolve_volunteer_agreement(root, info):
        return models.VolunteerAgreement.load(request_or_site=info.context)

    @staticmethod
    def resolve_my_volunteer_profile(root, info):
        volunteer = loaders.my_volunteer(info)
        return None if volunteer is None else loaders.load_volunteer(volunteer.pk)

    @staticmethod
    def resolve_volunteer(root, info, id):
        volunteer = loaders.load_volunteer(parse_id(id))
        return volunteer if volunteer is not None and loaders.may_see_personal(info, volunteer) else None

    @staticmethod
    def resolve_managed_volunteers(root, info, limit, offset, status=None, org_unit=None):
        if not _organizer_only(info):
            return None
        queryset = loaders.volunteers().filter(managed_filter(loaders.viewer(info), "org_unit"))
        if status:
            queryset = queryset.filter(status=types.enum_value(status))
        if org_unit is not None:
            queryset = _subtree(queryset, "org_unit", org_unit)
        return paginate(queryset.order_by("applied_at", "pk"), limit, offset, loaders.prepare_volunteers)

    @staticmethod
    def resolve_volunteer_teams(root, info, limit, offset, org_unit=None, kind=None):
        queryset = loaders.teams()
        if org_unit is not None:
            queryset = _subtree(queryset, "org_unit", org_unit)
        if kind:
            queryset = queryset.filter(kind=types.enum_value(kind))
        return paginate(queryset.order_by("name", "pk"), limit, offset)

    @staticmethod
    def resolve_volunteer_team(root, info, id):
        return loaders.teams().filter(pk=parse_id(id)).first() if parse_id(id) else None

    @staticmethod
    def resolve_volunteer_opportunities(root, info, limit, offset, **filters):
        filters["when"] = types.enum_value(filters.get("when"))
        queryset = loaders.opportunities().filter(loaders.visible_opportunities_filter(info))
        if any(value is not None for value in filters.values()):
            shifts = matching_shifts(**filters).filter(role__opportunity=OuterRef("pk"))
            queryset = queryset.filter(Exists(shifts))
        queryset = queryset.annotate(first_start=Min("roles__shifts__starts_at"))
        queryset = queryset.order_by(F("first_start").asc(nulls_last=True), "pk")
        return paginate(queryset, limit, offset, lambda items: loaders.prepare_opportunities(info, items))

    @staticmethod
    def resolve_volunteer_opportunity(root, info, id):
        queryset = loaders.opportunities().filter(loaders.visible_opportunities_filter(info))
        opportunity = queryset.filter(pk=parse_id(id)).first() if parse_id(id) else None
        return None if opportunity is None else loaders.prepare_opportunities(info, [opportunity])[0]

    @staticmethod
    def resolve_volunteer_shifts(root, info, limit, offset, opportunity=None, run_by_me=None, **filters):
        filters["when"] = types.enum_value(filters.get("when"))
        queryset = matching_shifts(**filters).filter(
            loaders.visible_opportunities_filter(info, "role__opportunity__")
        )
        if opportunity is not None:
            queryset = queryset.filter(role__opportunity_id=parse_id(opportunity))
        if run_by_me is not None:
            runs = loaders.run_shifts_filter(info)
            queryset = queryset.filter(runs) if run_by_me else queryset.exclude(runs)
        queryset = _by_time(queryset, filters["when"])
        return paginate(queryset, limit, offset, lambda items: loaders.prepare_shifts(info, items))

    @staticmethod
    def resolve_volunteer_shift(root, info, id):
        queryset = loaders.shifts().filter(loaders.visible_opportunities_filter(info, "role__opportunity__"))
        shift = queryset.filter(pk=parse_id(id)).first() if parse_id(id) else None
        return None if shift is None else loaders.prepare_shifts(info, [shift])[0]

    @staticmethod
    def resolve_my_shifts(root, info, limit, offset, when=None, status=None):
        when = types.enum_value(when)

        def build(volunteer):
            queryset = loaders.signups().filter(volunteer=volunteer)
            if status:
                queryset = queryset.filter(status=types.enum_value(status))
            if when:
                upcoming = loaders.upcoming_filter()
                queryset = queryset.filter(upcoming if when == "upcoming" else ~upcoming)
            ordered = _by_time(queryset, "upcoming" if when == "upcoming" else "past", "shift__starts_at")
            return paginate(ordered, limit, offset, lambda items: loaders.prepare_signups(info, items))

        return _mine(info, offset, build)

    @staticmethod
    def resolve_shift_signups(root, info, shift_id, limit, offset, status=None):
        shift = loaders.shifts().filter(pk=parse_id(shift_id)).first() if parse_id(shift_id) else None
        if shift is None or not loaders.runs_shift(info, shift):
            return None
        queryset = loaders.signups().filter(shift=shift)
        if status:
            queryset = queryset.filter(status=types.enum_value(status))
        queryset = queryset.order_by("created_at", "pk")
        return paginate(queryset, limit, offset, lambda items: loaders.prepare_signups(info, items))

    @staticmethod
    def resolve_shift_signups_to_decide(root, info, limit, offset):
        if not _organizer_only(info):
            return None
        queryset = loaders.signups().filter(
            managed_filter(loaders.viewer(info), "shift__role__opportunity__org_unit"),
            status=models.SignupStatus.REQUESTED,
        )
        queryset = queryset.order_by("shift__starts_at", "created_at", "pk")
        return paginate(queryset, limit, offset, lambda items: loaders.prepare_signups(info, items))

    @staticmethod
    def resolve_my_service_records(root, info, limit, offset, status=None):
        def build(volunteer):
            queryset = loaders.records().filter(volunteer=volunteer)
            if status:
                queryset = queryset.filter(status=types.enum_value(status))
            return paginate(queryset.order_by("-service_date", "-pk"), limit, offset, loaders.prepare_records)

        return _mine(info, offset, build)

    @staticmethod
    def resolve_service_records_to_review(root, info, limit, offset, status=None, org_unit=None):
        if not _organizer_only(info):
            return None
        queryset = loaders.records().filter(
            managed_filter(loaders.viewer(info), "organization"),
            status=types.enum_value(status) or models.RecordStatus.PENDING,
        )
        if org_unit is not None:
            queryset = _subtree(queryset, "organization", org_unit)
        return paginate(queryset.order_by("service_date", "pk"), limit, offset, loaders.prepare_records)

    @staticmethod
    def resolve_my_correction_requests(root, info, limit, offset):
        def build(volunteer):
            queryset = loaders.correction_requests().filter(record__volunteer=volunteer)
            return paginate(
                queryset.order_by("-created_at", "-pk"), limit, offset, loaders.prepare_corrections
            )

        return _mine(info, offset, build)

    @staticmethod
    def resolve_correction_requests_to_decide(root, info, limit, offset):
        if not _organizer_only(info):
            return None
        queryset = loaders.correction_requests().filter(
            managed_filter(loaders.viewer(info), "record__organization"),
            status=models.CorrectionStatus.OPEN,
        )
        return paginate(queryset.order_by("created_at", "pk"), limit, offset, loaders.prepare_corrections)

    @staticmethod
    def resolve_my_certificates(root, info, limit, offset):
        def build(volunteer):
            queryset = models.Certificate.objects.select_related("issuer").filter(volunteer=volunteer)
            return paginate(queryset.order_by("-issued_at", "-pk"), limit, offset)

        return _mine(info, offset, build)
