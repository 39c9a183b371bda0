"""Opportunities, roles and shifts, each shift's roster and the phone attendance screen in the
admin. Sign-up decisions, assignments, check-in and check-out go through the services; another
unit's opportunities and shifts are refused."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.volunteers import factories
from tests.volunteers.admin_helpers import admin_url, messages_of, refused, staff_client
from volunteers import services
from volunteers.models import (
    Opportunity,
    OpportunityStatus,
    RecordStatus,
    Role,
    ServiceRecord,
    Shift,
    SignupFlow,
    SignupStatus,
    VolunteerStatus,
)

pytestmark = pytest.mark.django_db


def opportunities_url(name, *args):
    return reverse(f"volunteer_opportunities:{name}", args=args)


def local(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def staff(client, organizer):
    return staff_client(client, organizer)


@pytest.fixture
def foreign_shift(org):
    return factories.make_shift(org["other_district"])


def opportunity_data(org, **fields):
    data = {
        "title": "敬老院重阳节志愿服务",
        "description": "陪老人聊天、包饺子",
        "org_unit": org["street"].pk,
        "service_object": "敬老院老人",
        "responsible_person": "张主任",
        "event": "",
        "page": "",
        "status": OpportunityStatus.PUBLISHED,
    }
    data.update(fields)
    return data


def test_opportunity_listing_is_scoped(staff, shift, foreign_shift):
    response = staff.get(opportunities_url("index"))
    assert response.status_code == 200
    assert list(response.context["object_list"]) == [shift.role.opportunity]
    assert admin_url("shifts", shift.role.opportunity.pk) in response.content.decode()


def test_create_opportunity_with_the_new_fields(staff, org):
    form = staff.get(opportunities_url("add")).context["form"]
    assert set(form.fields["org_unit"].queryset) == {org["district"], org["street"], org["community"]}
    response = staff.post(opportunities_url("add"), opportunity_data(org))
    assert response.status_code == 302
    opportunity = Opportunity.objects.get(title="敬老院重阳节志愿服务")
    assert (opportunity.service_object, opportunity.responsible_person) == ("敬老院老人", "张主任")
    assert opportunity.org_unit == org["street"]


def test_opportunity_for_another_unit_is_refused(staff, org):
    response = staff.post(opportunities_url("add"), opportunity_data(org, org_unit=org["other_district"].pk))
    assert response.status_code == 200 and "org_unit" in response.context["form"].errors
    assert not Opportunity.objects.filter(title="敬老院重阳节志愿服务").exists()


def test_opportunities_are_never_deleted_and_others_not_edited(staff, shift, foreign_shift):
    own, other = shift.role.opportunity, foreign_shift.role.opportunity
    assert refused(staff.get(opportunities_url("delete", own.pk)))
    assert refused(staff.post(opportunities_url("delete", own.pk)))
    assert Opportunity.objects.filter(pk=own.pk).exists()
    assert refused(staff.get(opportunities_url("edit", other.pk)))
    assert staff.get(opportunities_url("edit", own.pk)).status_code == 200


def test_roles_and_shifts_are_added_on_the_shifts_screen(staff, org):
    opportunity = Opportunity.objects.create(title="亲子阅读会", org_unit=org["district"])
    assert staff.get(admin_url("shifts", opportunity.pk)).status_code == 200
    response = staff.post(admin_url("add_role", opportunity.pk), {"name": "绘本讲师", "description": ""})
    assert response["Location"] == admin_url("shifts", opportunity.pk)
    role = Role.objects.get(opportunity=opportunity, name="绘本讲师")
    starts = factories.tomorrow_at(14, days=3)
    data = {
        "starts_at": local(starts),
        "ends_at": local(starts + datetime.timedelta(hours=2)),
        "place": "天宁区图书馆",
        "min_count": 1,
        "max_count": 3,
        "signup_flow": SignupFlow.APPROVAL,
        "signup_deadline": local(starts + datetime.timedelta(hours=1)),
    }
    response = staff.post(admin_url("add_shift", role.pk), data)
    assert response.status_code == 200 and "signup_deadline" in response.context["form"].errors
    data["signup_deadline"] = local(starts - datetime.timedelta(days=1))
    response = staff.post(admin_url("add_shift", role.pk), data)
    assert response.status_code == 302
    shift = Shift.objects.get(role=role)
    assert shift.max_count == 3 and shift.signup_flow == SignupFlow.APPROVAL
    html = staff.get(admin_url("shifts", opportunity.pk)).content.decode()
    assert admin_url("roster", shift.pk) in html and admin_url("attendance", shift.pk) in html


@pytest.fixture
def approval_shift(org):
    return factories.make_shift(org["district"], signup_flow=SignupFlow.APPROVAL)


def test_roster_approves_and_rejects_requested_sign_ups(staff, org, approval_shift, volunteer):
    other = factories.make_volunteer(org["community"], name="陈静")
    first = services.sign_up(volunteer.user, approval_shift.pk)
    second = services.sign_up(other.user, approval_shift.pk)
    response = staff.get(admin_url("roster", approval_shift.pk))
    assert response.status_code == 200
    assert admin_url("approve_signup", approval_shift.pk, first.pk) in response.content.decode()
    staff.post(admin_url("approve_signup", approval_shift.pk, first.pk))
    staff.post(admin_url("reject_signup", approval_shift.pk, second.pk))
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (SignupStatus.CONFIRMED, SignupStatus.REJECTED)
    response = staff.post(admin_url("approve_signup", approval_shift.pk, second.pk))
    assert messages_of(response)  # NOT_REQUESTED, as a message
    second.refresh_from_db()
    assert second.status == SignupStatus.REJECTED


def test_a_sign_up_of_another_shift_is_not_found(staff, shift, approval_shift, volunteer):
    signup = services.sign_up(volunteer.user, approval_shift.pk)
    assert staff.post(admin_url("approve_signup", shift.pk, signup.pk)).status_code == 404


def test_roster_finds_and_assigns_volunteers(staff, org, shift, volunteer):
    response = staff.get(admin_url("roster", shift.pk), {"q": "小红"})
    assert list(response.context["candidates"]) == [volunteer]
    staff.post(admin_url("assign", shift.pk), {"volunteer_id": volunteer.pk})
    signup = shift.signups.get()
    assert signup.volunteer == volunteer and signup.status == SignupStatus.CONFIRMED
    response = staff.post(admin_url("assign", shift.pk), {"volunteer_id": volunteer.pk})
    assert messages_of(response)  # ALREADY_SIGNED_UP
    applicant = factories.make_volunteer(org["community"], status=VolunteerStatus.APPLIED)
    response = staff.post(admin_url("assign", shift.pk), {"volunteer_id": applicant.pk})
    assert messages_of(response)  # NOT_APPROVED
    assert shift.signups.count() == 1


@pytest.fixture
def confirmed(shift, volunteer, organizer):
    return services.assign(volunteer.pk, shift.pk, by=organizer)


def test_attendance_screen_is_made_for_a_phone_and_shows_the_code(staff, shift, confirmed):
    response = staff.get(admin_url("attendance", shift.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
    assert (
        services.shift_code(shift) in html
        or services.shift_code(shift, timezone.now() - datetime.timedelta(seconds=5)) in html
    )
    assert "王小红" in html
    code = staff.get(admin_url("attendance_code", shift.pk)).json()
    assert code["code"] == services.shift_code(shift) and 0 < code["seconds_left"] <= 300


def test_check_in_then_out_creates_the_pending_record(staff, shift, confirmed, organizer):
    response = staff.post(admin_url("attendance_check_in", shift.pk), {"signup_id": confirmed.pk})
    assert response["Location"] == admin_url("attendance", shift.pk)
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is not None and confirmed.checked_in_by == organizer
    response = staff.post(admin_url("attendance_check_out", shift.pk), {"signup_id": confirmed.pk})
    assert any("王小红" in message for message in messages_of(response))
    record = ServiceRecord.objects.get(signup=confirmed)
    assert record.status == RecordStatus.PENDING and record.recorder == organizer
    response = staff.post(admin_url("attendance_check_out", shift.pk), {"signup_id": confirmed.pk})
    assert messages_of(response)  # ALREADY_CHECKED_OUT, as a message
    assert ServiceRecord.objects.filter(signup=confirmed).count() == 1


def test_check_in_by_scanned_volunteer_number_answers_json(staff, shift, confirmed, volunteer):
    response = staff.post(
        admin_url("attendance_check_in", shift.pk),
        {"number": f"https://example.org/v/{volunteer.number.lower()}"},
        headers={"accept": "application/json"},
    )
    body = response.json()
    assert body["result"] == "check_in" and body["counts"]["checked_in"] == 1
    json = {"accept": "application/json"}
    unknown = {"number": "CZ2099999999"}
    response = staff.post(admin_url("attendance_check_in", shift.pk), unknown, headers=json)
    assert response.json()["result"] == "refused"


def test_times_noted_on_paper_are_kept(staff, shift, confirmed, volunteer):
    day = timezone.localtime(shift.starts_at)
    staff.post(admin_url("attendance_check_in", shift.pk), {"number": volunteer.number, "time": "09:05"})
    staff.post(admin_url("attendance_check_out", shift.pk), {"number": volunteer.number, "time": "10:50"})
    confirmed.refresh_from_db()
    assert timezone.localtime(confirmed.checked_in_at) == day.replace(hour=9, minute=5)
    assert timezone.localtime(confirmed.checked_out_at) == day.replace(hour=10, minute=50)
    assert ServiceRecord.objects.get(signup=confirmed).hours == 2  # 1 h 45 min, rounded half up


def test_a_malformed_time_is_a_message(staff, shift, confirmed):
    data = {"signup_id": confirmed.pk, "time": "9点"}
    response = staff.post(admin_url("attendance_check_in", shift.pk), data)
    assert messages_of(response)
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is None


def test_check_out_before_check_in_is_a_message(staff, shift, confirmed):
    data = {"signup_id": confirmed.pk}
    response = staff.post(admin_url("attendance_check_out", shift.pk), data, follow=True)
    assert response.status_code == 200 and messages_of(response)
    assert not ServiceRecord.objects.exists()


def test_another_units_shift_is_refused(staff, foreign_shift, org):
    volunteer = factories.make_volunteer(org["other_district"])
    signup = services.assign(volunteer.pk, foreign_shift.pk, by=factories.make_superuser())
    pk = foreign_shift.pk
    for name in ("roster", "attendance", "attendance_code", "edit_shift"):
        assert refused(staff.get(admin_url(name, pk))), name
    assert refused(staff.get(admin_url("shifts", foreign_shift.role.opportunity.pk)))
    assert refused(staff.get(admin_url("add_shift", foreign_shift.role.pk)))
    assert refused(staff.post(admin_url("attendance_check_in", pk), {"signup_id": signup.pk}))
    assert refused(staff.post(admin_url("assign", pk), {"volunteer_id": volunteer.pk}))
    signup.refresh_from_db()
    assert signup.checked_in_at is None and foreign_shift.signups.count() == 1
