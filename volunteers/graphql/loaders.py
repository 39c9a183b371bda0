"""Batch loading and the viewer's rights for the volunteers API.

Querysets here carry what the types in ``volunteers.graphql.types`` read, and the ``prepare_*``
functions attach the rest for one page of rows with a fixed number of queries (the viewer's own
sign-ups, hours). The viewer's rights are computed once per request and cached on the request:
the units they organize (shared with the events API), their volunteer profile and their teams;
so "may this viewer see this phone number" never costs a query per row.
"""

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.graphql.loaders import viewer_unit_paths
from home.permissions import managed_filter
from volunteers import selectors
from volunteers.models import (
    CorrectionRequest,
    CorrectionStatus,
    MembershipRole,
    MembershipStatus,
    Opportunity,
    OpportunityStatus,
    RecordChange,
    ServiceRecord,
    Shift,
    ShiftSignup,
    Team,
    TeamMembership,
    Volunteer,
)
from volunteers.services import HOLDING_STATUSES

OPEN_MEMBERSHIP = (MembershipStatus.REQUESTED, MembershipStatus.ACTIVE)

# Viewer -------------------------------------------------------------------------------------


def _cached(info, name, compute):
    request = info.context
    if not hasattr(request, name):
        setattr(request, name, compute())
    return getattr(request, name)


def viewer(info):
    return info.context.user


def manages(info, unit):
    """Whether the viewer organizes ``unit`` or a unit above it (superusers: always; anonymous
    viewers and inactive accounts: never)."""
    paths = viewer_unit_paths(info)
    return paths is None or any(unit.path.startswith(path) for path in paths)


def is_organizer(info):
    paths = viewer_unit_paths(info)
    return paths is None or bool(paths)


def my_volunteer(info):
    """The viewer's volunteer profile, or None; once per request."""
    user = viewer(info)
    if not user.is_authenticated:
        return None
    return _cached(
        info, "_my_volunteer", lambda: Volunteer.objects.select_related("org_unit").filter(user=user).first()
    )


def my_teams(info):
    """``{team_id: role}`` of the viewer's active memberships; once per request."""
    volunteer = my_volunteer(info)
    if volunteer is None:
        return {}
    return _cached(
        info,
        "_my_teams",
        lambda: dict(
            TeamMembership.objects.filter(volunteer=volunteer, status=MembershipStatus.ACTIVE).values_list(
                "team_id", "role"
            )
        ),
    )


def leads(info, team_id):
    return my_teams(info).get(team_id) == MembershipRole.LEADER


def is_self(info, volunteer):
    user = viewer(info)
    return user.is_authenticated and volunteer.user_id == user.pk


def may_see_personal(info, volunteer):
    """The privacy rule: the volunteer themself and ``selectors.can_manage_volunteer``."""
    return is_self(info, volunteer) or manages(info, volunteer.org_unit)


def runs_shift(info, shift):
    """``services.can_run_shift`` without a query: organizers of the opportunity's unit and
    leaders of the shift's required team."""
    if manages(info, shift.role.opportunity.org_unit):
        return True
    return bool(shift.required_team_id) and leads(info, shift.required_team_id)


def run_shifts_filter(info):
    """``runs_shift`` as a filter on shifts, for leader mode's list."""
    if not viewer(info).is_authenticated:
        return Q(pk__in=[])
    if viewer_unit_paths(info) is None:
        return Q(pk__isnull=False)  # every shift, also for ``exclude`` (which ignores an empty Q)
    led = [team for team, role in my_teams(info).items() if role == MembershipRole.LEADER]
    return managed_filter(viewer(info), "role__opportunity__org_unit") | Q(required_team_id__in=led)


# Teams --------------------------------------------------------------------------------------


def _open_memberships():
    return TeamMembership.objects.filter(status__in=OPEN_MEMBERSHIP).select_related("volunteer")


def teams():
    """Teams with their open memberships (``open_memberships``) and their volunteers."""
    return Team.objects.select_related("org_unit").prefetch_related(
        Prefetch("memberships", queryset=_open_memberships(), to_attr="open_memberships")
    )


def team_memberships():
    """Memberships with their team loaded as ``teams()`` loads it."""
    return TeamMembership.objects.select_related("team__org_unit", "volunteer").prefetch_related(
        Prefetch("team__memberships", queryset=_open_memberships(), to_attr="open_memberships")
    )


# Volunteers ---------------------------------------------------------------------------------


def volunteer_relations(prefix=""):
    """What a Volunteer reads, for volunteers at ``prefix`` (e.g. ``"volunteer__"``): skills and
    open team memberships with their teams."""
    return [
        f"{prefix}skills",
        Prefetch(
            f"{prefix}memberships",
            queryset=team_memberships().filter(status__in=OPEN_MEMBERSHIP),
            to_attr="open_memberships",
        ),
    ]


def volunteers():
    return Volunteer.objects.select_related("org_unit").prefetch_related(*volunteer_relations())


def load_volunteer(pk):
    """One volunteer, loaded and prepared as a list's are; None if unknown."""
    volunteer = volunteers().filter(pk=pk).first() if pk else None
    return None if volunteer is None else prepare_volunteers([volunteer])[0]


def prepare_volunteers(items):
    """Attach ``approved_hours`` to volunteers (a page, or those of a page of rows): one query."""
    missing = [item for item in items if not hasattr(item, "approved_hours")]
    if missing:
        hours = selectors.hours_by_volunteer({item.pk for item in missing})
        for item in missing:
            item.approved_hours = hours.get(item.pk, selectors.ZERO)
    return items


# Shifts and opportunities -------------------------------------------------------------------


def with_places(queryset):
    """Annotate ``taken``: the requested and confirmed sign-ups of each shift."""
    taken = (
        ShiftSignup.objects.filter(shift=OuterRef("pk"), status__in=HOLDING_STATUSES)
        .order_by()
        .values("shift")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return queryset.annotate(taken=Coalesce(Subquery(taken, output_field=IntegerField()), Value(0)))


def shift_relations(prefix=""):
    """What a VolunteerShift reads, for shifts at ``prefix`` (e.g. ``"shift__"``)."""
    return (
        [f"{prefix}role__opportunity__org_unit", f"{prefix}required_team__org_unit"],
        [
            f"{prefix}required_skills",
            Prefetch(
                f"{prefix}required_team__memberships",
                queryset=_open_memberships(),
                to_attr="open_memberships",
            ),
        ],
    )


def shifts():
    related, prefetched = shift_relations()
    return with_places(Shift.objects.select_related(*related).prefetch_related(*prefetched))


def visible_opportunities_filter(info, prefix=""):
    """Published opportunities, and every opportunity of the units the viewer organizes."""
    published = Q(**{f"{prefix}status": OpportunityStatus.PUBLISHED})
    paths = viewer_unit_paths(info)
    if paths is None:
        return Q()  # a superuser (``published | Q()`` would be just ``published``)
    return published | managed_filter(viewer(info), f"{prefix}org_unit") if paths else published


def attach_my_signups(info, items):
    """Set ``my_signup`` on each shift: the viewer's place-holding sign-up, else their latest."""
    missing = [shift for shift in items if not hasattr(shift, "my_signup")]
    volunteer = my_volunteer(info)
    mine = {}
    if missing and volunteer is not None:
        rows = ShiftSignup.objects.filter(volunteer=volunteer, shift__in=missing).order_by("created_at", "pk")
        for signup in rows:
            current = mine.get(signup.shift_id)
            if current is None or current.status not in HOLDING_STATUSES:
                mine[signup.shift_id] = signup
    by_pk = {shift.pk: shift for shift in missing}
    for signup in mine.values():
        signup.shift = by_pk[signup.shift_id]
        signup.volunteer = volunteer
    for shift in missing:
        shift.my_signup = mine.get(shift.pk)
    return items


def prepare_shifts(info, items):
    """The viewer's sign-ups of a page of shifts, and their opportunities' shifts and roles."""
    attach_my_signups(info, items)
    opportunities = {}
    for shift in items:  # one object per opportunity, however many of its shifts are on the page
        shift.role.opportunity = opportunities.setdefault(shift.role.opportunity_id, shift.role.opportunity)
    prepare_opportunities(info, [item for item in opportunities.values() if not hasattr(item, "shift_list")])
    return items


def opportunities():
    return Opportunity.objects.select_related("org_unit").prefetch_related("roles")


def prepare_opportunities(info, items):
    """Attach ``shift_list`` (every shift, by start) to opportunities: a fixed number of queries."""
    if not items:
        return items
    prefetch_related_objects(items, "roles")
    by_pk = {item.pk: item for item in items}
    for item in items:
        item.shift_list = []
    rows = list(shifts().filter(role__opportunity__in=items).order_by("starts_at", "pk"))
    for shift in rows:
        opportunity = by_pk[shift.role.opportunity_id]
        shift.role.opportunity = opportunity
        opportunity.shift_list.append(shift)
    attach_my_signups(info, rows)
    return items


# Sign-ups ---------------------------------------------------------------------------------


def signups():
    """Sign-ups with their shift (as ``shifts()`` loads it), volunteer and service record."""
    related, prefetched = shift_relations("shift__")
    return ShiftSignup.objects.select_related(
        *related, "volunteer__org_unit", "record__organization"
    ).prefetch_related(*prefetched, *volunteer_relations("volunteer__"), *record_history("record__"))


def prepare_signups(info, items):
    """Places taken for the shifts of a page of sign-ups (one query), what ``prepare_shifts``
    attaches, and the volunteers' hours."""
    shift_pks = {signup.shift_id for signup in items}
    taken = dict(with_places(Shift.objects.filter(pk__in=shift_pks)).values_list("pk", "taken"))
    for signup in items:
        signup.shift.taken = taken.get(signup.shift_id, 0)
    prepare_shifts(info, [signup.shift for signup in items])
    mine = my_volunteer(info)
    prepare_volunteers([signup.volunteer for signup in items] + ([mine] if mine else []))
    return items


def upcoming_filter(prefix="shift__"):
    return Q(**{f"{prefix}ends_at__gt": timezone.now()})


# Records ----------------------------------------------------------------------------------


def record_relations(prefix=""):
    """What a ServiceRecord reads, for records at ``prefix`` (e.g. ``"record__"``)."""
    return (
        [f"{prefix}organization", f"{prefix}volunteer__org_unit", f"{prefix}signup__shift"],
        [*record_history(prefix), *volunteer_relations(f"{prefix}volunteer__")],
    )


def record_history(prefix=""):
    """A record's changes and its open correction request."""
    return [
        Prefetch(f"{prefix}changes", queryset=RecordChange.objects.select_related("changed_by")),
        Prefetch(
            f"{prefix}correction_requests",
            queryset=CorrectionRequest.objects.filter(status=CorrectionStatus.OPEN),
            to_attr="open_corrections",
        ),
    ]


def records():
    related, prefetched = record_relations()
    return ServiceRecord.objects.select_related(*related).prefetch_related(*prefetched)


def prepare_records(items):
    prepare_volunteers([record.volunteer for record in items])
    return items


def correction_requests():
    related, prefetched = record_relations("record__")
    return CorrectionRequest.objects.select_related(*related).prefetch_related(*prefetched)


def prepare_corrections(items):
    prepare_records([request.record for request in items])
    return items
