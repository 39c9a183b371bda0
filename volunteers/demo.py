"""Demo volunteers for ``manage.py load_demo``: skills, teams, people, hours, shifts and logins.

The content is in ``volunteers/demo_data.py``. Idempotent: skills, teams, opportunities, roles
and shifts are found by their names (a role's shifts by their order) and rewritten to match, with
upcoming dates moving with today; people are made once, with their past service, and sign-ups
are topped up to the number wanted. What a person does goes through ``volunteers.services``
(apply, suspend, join, sign up, decide, assign, check in and out, approve, void, ask for a
correction), so statuses, numbers and records are real; past service that no service would accept
(monthly totals of earlier years) is written directly.

The demo logins (the volunteer, the team leader, the organizer) share the demo admin's password:
they get a copy of its hash, so no password is stored here and none is hashed again.
"""

import datetime
import math
import time
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cms.accounts.models import FIRST_VERSION
from cms.errors import ServiceError
from events.models import Event
from home.models import CampaignPage, OrgUnit, UnitOrganizer
from volunteers import certificates, services
from volunteers import demo_data as data
from volunteers.identity import check_digit, protect_id_number
from volunteers.models import (
    Gender,
    MembershipRole,
    MembershipStatus,
    Opportunity,
    OpportunityStatus,
    RecordSource,
    RecordStatus,
    Role,
    ServiceRecord,
    Shift,
    SignupFlow,
    SignupStatus,
    Skill,
    Team,
    TeamMembership,
    Volunteer,
    VolunteerStatus,
)

HOURS_PER_MONTH = 20
PENDING_DAYS = 5
"""Past shifts of the last few days keep their records awaiting review."""


def _at(day, clock):
    hour, minute = (int(part) for part in clock.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _unit(label):
    return OrgUnit.objects.filter(Q(short_name=label) | Q(name=label)).order_by("path").first()


def person_name(index):
    """The ``index``-th fictional name; every pair of surname and given name comes once."""
    surnames, given = data.SURNAMES, data.GIVEN_NAMES
    return surnames[index % len(surnames)] + given[(index // len(surnames) + index * 7) % len(given)]


def fake_phone(index):
    """Obviously fake but well-formed: 139 0000 plus four digits."""
    return f"1390000{index:04d}"


def fake_id_number(birth_date, index, area="320402"):
    """A well-formed ID number (GB 11643 check character) born on ``birth_date``, female."""
    first = f"{area}{birth_date:%Y%m%d}{(index * 2) % 1000:03d}"
    return first + check_digit(first)


def birth_date(index, today):
    return datetime.date(today.year - 26 - (index * 7) % 38, 1 + index % 12, 1 + (index * 3) % 28)


def monthly_hours(total):
    """``total`` hours as monthly records of about HOURS_PER_MONTH, in half hours, summing exactly."""
    if not total:
        return []
    count = math.ceil(total / HOURS_PER_MONTH)
    base = Decimal(int(Decimal(total) * 2 / count)) / 2
    extra = int((Decimal(total) - base * count) * 2)
    return [base + (Decimal("0.5") if month < extra else 0) for month in range(count)]


def months_back(today, count):
    """The 15th of each of the ``count`` months before this one, latest first."""
    days = []
    day = today.replace(day=15)
    for _ in range(count):
        day = (day.replace(day=1) - datetime.timedelta(days=1)).replace(day=15)
        days.append(day)
    return days


class VolunteerDemo:
    def __init__(self, today=None, admin=None):
        self.today = today or timezone.localdate()
        self.password_hash = admin.password if admin is not None else None
        self.skills = {}
        self.teams = {}
        self.members = {}  # team key -> volunteers, leader first
        self.volunteers = []  # everybody, in the order made
        self.created = []
        self.organizer = None
        self.logins = {}  # role -> user
        self.login_volunteers = {}  # role -> volunteer
        self.numbers = {}
        self.new_past_shifts = []
        self.future_shifts = []

    # --- entry point -----------------------------------------------------------------------

    def load(self):
        with transaction.atomic():
            self.load_skills()
            self.ensure_organizer()
            self.load_teams()
            self.load_people()
            self.load_memberships()
            self.load_logins()
            self.load_opportunities()
        # Services run one durable transaction each: after the block above.
        self.apply_applicants()
        self.suspend_and_request()
        for shift, spec, role in self.new_past_shifts:
            self.attend(shift, spec, role)
        for shift, spec, role in self.future_shifts:
            self.top_up(shift, spec, role)
        if self.login_volunteers["volunteer"] in self.created:
            self.volunteer_extras(self.login_volunteers["volunteer"])
        return self

    # --- skills, organizer, teams ------------------------------------------------------------

    def load_skills(self):
        for order, (name, slug) in enumerate(data.SKILLS):
            skill, _ = Skill.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})
            self.skills[name] = skill

    def _user(self, username, email="", display_name=""):
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": email, "display_name": display_name}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user

    def ensure_organizer(self):
        username, email, name, unit = data.ORGANIZER
        self.organizer = self.logins["organizer"] = self._user(username, email, name)
        UnitOrganizer.objects.get_or_create(user=self.organizer, org_unit=_unit(unit))

    def load_teams(self):
        for spec in data.TEAMS:
            values = {
                "kind": spec["kind"],
                "org_unit": _unit(spec["unit"]),
                "description": spec["description"],
            }
            self.teams[spec["key"]], _ = Team.objects.update_or_create(name=spec["name"], defaults=values)

    # --- people --------------------------------------------------------------------------------

    def _login_for(self, key, position):
        for role, (username, email, who) in data.LOGINS.items():
            if who == (key, position):
                return role, username, email
        return None, None, None

    def load_people(self):
        existing = {v.user.username: v for v in Volunteer.objects.select_related("user")}
        records = []
        for spec in data.TEAMS:
            team_skills = [self.skills[name] for name in spec["skills"]]
            homes = [_unit(label) for label in spec.get("homes", [spec["unit"]])]
            members = self.members[spec["key"]] = []
            for position, hours in enumerate(spec["hours"]):
                index = len(self.volunteers) + 1
                role, username, email = self._login_for(spec["key"], position)
                username = username or f"demo-v{index:03d}"
                volunteer = existing.get(username)
                if volunteer is None:
                    user = self._user(username, email or "", person_name(index))
                    skills = {team_skills[position % len(team_skills)], team_skills[0]}
                    volunteer = self._make_volunteer(user, index, homes[position % len(homes)], skills, hours)
                    records += self._history(volunteer, spec, hours)
                    self.created.append(volunteer)
                if role:
                    self.logins[role], self.login_volunteers[role] = volunteer.user, volunteer
                members.append(volunteer)
                self.volunteers.append(volunteer)
        ServiceRecord.objects.bulk_create(records)
        for key, positions in ((spec["key"], spec.get("also", {})) for spec in data.TEAMS):
            for other, picks in positions.items():
                self.members[key] += [self.members[other][pick] for pick in picks]

    def _number(self, year):
        """The next volunteer number of ``year`` (as ``approve_volunteer`` gives them), for people
        who joined before today."""
        if year not in self.numbers:
            self.numbers[year] = int(services._next_number(year)[-6:])
        else:
            self.numbers[year] += 1
        return f"{services.NUMBER_PREFIX}{year}{self.numbers[year]:06d}"

    def _make_volunteer(self, user, index, unit, skills, hours):
        born = birth_date(index, self.today)
        months = len(monthly_hours(hours))
        since = self.today - datetime.timedelta(days=31 * months + 20)
        protected = protect_id_number(fake_id_number(born, index)) if index % 3 == 0 else ("", None, "")
        volunteer = Volunteer.objects.create(
            user=user,
            real_name=user.display_name,
            gender=Gender.MALE if index % 9 == 4 else Gender.FEMALE,
            birth_date=born,
            phone=fake_phone(index),
            id_number_encrypted=protected[0],
            id_number_hash=protected[1],
            id_number_masked=protected[2],
            org_unit=unit,
            availability="周末" if index % 2 else "工作日晚上、周末",
            consent_version=FIRST_VERSION,
            consented_at=_at(since, "09:00"),
            status=VolunteerStatus.APPROVED,
            number=self._number(since.year),
            on_public_leaderboard=index % 3 != 1,
            approved_at=_at(since, "10:00"),
            approved_by=self.organizer,
        )
        volunteer.skills.set(skills)
        Volunteer.objects.filter(pk=volunteer.pk).update(applied_at=_at(since, "09:00"))
        return volunteer

    def _history(self, volunteer, spec, hours):
        activity, content, served = data.HISTORY[spec["kind"]]
        unit = self.teams[spec["key"]].org_unit
        amounts = monthly_hours(hours)
        return [
            ServiceRecord(
                volunteer=volunteer,
                activity_name=f"{spec['name']}·{activity}",
                service_date=day,
                place=unit.name,
                service_object=served,
                content=content,
                hours=amount,
                responsible_person=self.organizer.display_name,
                recorder=self.organizer,
                organization=unit,
                source=RecordSource.MANUAL,
                status=RecordStatus.APPROVED,
            )
            for amount, day in zip(amounts, months_back(self.today, len(amounts)), strict=True)
        ]

    def load_memberships(self):
        open_ones = set(
            TeamMembership.objects.filter(
                status__in=[MembershipStatus.ACTIVE, MembershipStatus.REQUESTED]
            ).values_list("team_id", "volunteer_id")
        )
        for key, members in self.members.items():
            team = self.teams[key]
            for position, volunteer in enumerate(members):
                if (team.pk, volunteer.pk) in open_ones:
                    continue
                TeamMembership.objects.create(
                    team=team,
                    volunteer=volunteer,
                    role=MembershipRole.LEADER if position == 0 else MembershipRole.MEMBER,
                    status=MembershipStatus.ACTIVE,
                    joined_at=volunteer.approved_at.date() if volunteer.approved_at else self.today,
                    decided_by=self.organizer,
                )

    def load_logins(self):
        """The demo logins: a verified address and the admin's password hash."""
        for user in self.logins.values():
            if self.password_hash and user.password != self.password_hash:
                user.password = self.password_hash
                user.save(update_fields=["password"])
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )

    # --- opportunities and shifts --------------------------------------------------------------

    def _opportunity(self, spec):
        event = Event.objects.filter(title__contains=spec["event"]).first() if "event" in spec else None
        page = CampaignPage.objects.filter(slug=spec["page"]).first() if "page" in spec else None
        unit = event.organizer if event else _unit(spec["unit"])
        values = {
            "org_unit": unit,
            "event": event,
            "page": page,
            "service_object": spec.get("service_object", ""),
            "responsible_person": spec.get("responsible_person", ""),
            "status": OpportunityStatus.PUBLISHED,
            "description": "；".join(role["description"] for role in spec["roles"]),
        }
        opportunity, _ = Opportunity.objects.update_or_create(title=spec["title"], defaults=values)
        return opportunity, event

    def load_opportunities(self):
        for spec in data.OPPORTUNITIES:
            opportunity, event = self._opportunity(spec)
            place = (event.venue.name if event and event.venue else "") or opportunity.org_unit.name
            for role_spec in spec["roles"]:
                role, _ = Role.objects.update_or_create(
                    opportunity=opportunity,
                    name=role_spec["name"],
                    defaults={"description": role_spec["description"]},
                )
                existing = list(role.shifts.order_by("pk"))
                for position, shift_spec in enumerate(role_spec["shifts"]):
                    found = existing[position] if position < len(existing) else None
                    self._shift(role, role_spec, shift_spec, found, place)

    def _shift(self, role, role_spec, shift_spec, shift, place):
        offset, start, end, maximum, _wanted = shift_spec
        day = self.today + datetime.timedelta(days=offset)
        starts_at, ends_at = _at(day, start), _at(day, end)
        team = self.teams[role_spec["team"]] if "team" in role_spec else None
        values = {
            "starts_at": starts_at,
            "ends_at": ends_at,
            "place": place[:120],
            "max_count": maximum,
            "min_count": 1,
            "required_team": team,
            "signup_flow": role_spec.get("flow", SignupFlow.INSTANT),
            "signup_deadline": starts_at - datetime.timedelta(hours=12),
        }
        past = offset < 0
        if shift is None:
            shift = Shift.objects.create(role=role, **values)
            if past:
                self.new_past_shifts.append((shift, shift_spec, role_spec))
        elif not past:
            Shift.objects.filter(pk=shift.pk).update(**values)
        shift.required_skills.set([self.skills[name] for name in role_spec.get("skills", [])])
        if not past:
            self.future_shifts.append((shift, shift_spec, role_spec))

    def candidates(self, role_spec):
        """Who is asked first: the demo logins, then the team (or everybody), in order."""
        people = self.members[role_spec["team"]] if "team" in role_spec else self.volunteers
        first = [self.login_volunteers["volunteer"], self.login_volunteers["leader"]]
        return [v for v in first if v in people] + [v for v in people if v not in first]

    def top_up(self, shift, spec, role_spec):
        """Sign volunteers up (through the service) until the shift has the places wanted."""
        wanted = spec[4]
        holding = set(
            shift.signups.filter(status__in=services.HOLDING_STATUSES).values_list("volunteer_id", flat=True)
        )
        for volunteer in self.candidates(role_spec):
            if len(holding) >= wanted:
                break
            if volunteer.pk in holding or volunteer.status != VolunteerStatus.APPROVED:
                continue
            try:
                signup = services.sign_up(volunteer.user, shift.pk)
            except ServiceError:
                continue  # a skill missing, an overlapping shift: ask the next one
            holding.add(volunteer.pk)
            if signup.status == SignupStatus.REQUESTED and len(holding) == wanted:  # one decided
                services.decide_signup(signup.pk, by=self.organizer, approve=True)

    def attend(self, shift, spec, role_spec):
        """A past shift: the organizer assigns, checks in and out, and approves older records."""
        wanted = spec[4]
        done = 0
        for volunteer in self.candidates(role_spec):
            if done >= wanted:
                break
            if volunteer.status != VolunteerStatus.APPROVED:
                continue
            try:
                signup = services.assign(volunteer.pk, shift.pk, by=self.organizer)
            except ServiceError:
                continue
            done += 1
            arrived = shift.starts_at - datetime.timedelta(minutes=10)
            left = shift.ends_at - datetime.timedelta(minutes=40 if done == 2 else 0)
            services.check_in_volunteer(signup.pk, by=self.organizer, at=arrived)
            record = services.check_out_volunteer(signup.pk, by=self.organizer, at=left)
            if -spec[0] > PENDING_DAYS:
                services.approve_record(record.pk, by=self.organizer)

    # --- statuses made through the services ----------------------------------------------------

    def apply_applicants(self):
        for number, (label, skills, with_id) in enumerate(data.APPLICANTS, start=1):
            index = 900 + number
            user = self._user(f"demo-applicant{number}", display_name=person_name(index))
            if Volunteer.objects.filter(user=user).exists():
                continue
            born = birth_date(index, self.today)
            services.apply(
                user,
                real_name=user.display_name,
                gender=Gender.FEMALE,
                birth_date=born,
                phone=fake_phone(index),
                org_unit_id=_unit(label).pk,
                skills=[self.skills[name].pk for name in skills],
                id_number=fake_id_number(born, index) if with_id else "",
                consent_version=FIRST_VERSION,
                availability="周末",
            )

    def suspend_and_request(self):
        """Once, for people made in this run: one suspension, one request to join a team."""
        key, position, reason = data.SUSPENDED
        volunteer = self.members[key][position]
        if volunteer in self.created:
            services.suspend_volunteer(volunteer.pk, by=self.organizer, reason=reason)
            volunteer.status = VolunteerStatus.SUSPENDED
        team_key, (home, position) = data.JOIN_REQUEST
        volunteer = self.members[home][position]
        if volunteer in self.created:
            services.request_to_join(volunteer.user, self.teams[team_key].pk)

    def volunteer_extras(self, volunteer):
        """The demo volunteer's record screens: a voided entry, a correction asked, a certificate."""
        extra = services.add_manual_record(
            by=self.organizer,
            volunteer_id=volunteer.pk,
            activity_name="巾帼志愿服务（重复录入）",
            service_date=self.today - datetime.timedelta(days=20),
            place=volunteer.org_unit.name,
            hours="4",
        )
        services.void_record(extra.pk, by=self.organizer, reason="与月度汇总重复，作废。")
        latest = volunteer.records.filter(status=RecordStatus.APPROVED).order_by("-service_date").first()
        services.request_correction(
            volunteer.user,
            latest.pk,
            message="这个月还参加了两次亲子阅读会，汇总里少记了 4 小时。",
            proposed_hours=latest.hours + 4,
        )
        certificates.issue_certificate(
            volunteer,
            period_start=self.today - datetime.timedelta(days=365),
            period_end=self.today,
            issuer_unit=volunteer.org_unit.parent or volunteer.org_unit,
            by=self.organizer,
        )


def load_demo_volunteers(today=None, admin=None):
    """Create or refresh the demo volunteers; ``admin`` (the demo admin) lends its password to the
    demo logins. Returns ``(loader, seconds)``."""
    started = time.monotonic()
    demo = VolunteerDemo(today, admin).load()
    return demo, time.monotonic() - started
