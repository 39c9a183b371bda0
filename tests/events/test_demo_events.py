"""load_demo adds upcoming events with registrations (issue 3, Demo)."""

import pytest
from django.utils import timezone

from events.models import Event, Registration, RegistrationStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def event(words):
    return Event.objects.get(title__contains=words)


def test_the_four_demo_events_are_upcoming_and_published():
    now = timezone.now()
    for words in ["茶艺班", "亲子阅读", "家风小剧场", "巾帼宣讲"]:
        found = event(words)
        assert found.status == "published"
        assert found.sessions.exists() and all(s.starts_at > now for s in found.sessions.all())
        assert found.registration_is_open()


def test_tea_art_is_a_course_of_eight_weekly_sessions_linked_to_its_class():
    course = event("茶艺班")
    starts = [session.starts_at for session in course.sessions.order_by("starts_at")]
    assert course.kind == "course" and len(starts) == 8
    assert {later - earlier for earlier, later in zip(starts, starts[1:], strict=False)} == {
        starts[1] - starts[0]
    }
    assert (starts[1] - starts[0]).days == 7
    assert "茶艺班" in course.page.title


def test_registrations_fill_the_reading_club_and_wait_in_order():
    club = event("亲子阅读")
    confirmed = Registration.objects.filter(event=club, status=RegistrationStatus.CONFIRMED)
    waiting = Registration.objects.filter(event=club, status=RegistrationStatus.WAITLISTED)
    assert sum(r.party_size for r in confirmed) == club.capacity
    assert list(waiting.values_list("waitlist_position", flat=True)) == sorted(
        waiting.values_list("waitlist_position", flat=True)
    )
    assert waiting.exists()
    assert all(len(r.companions) == r.party_size - 1 for r in confirmed)


def test_the_lecture_needs_approval():
    lecture = event("巾帼宣讲")
    assert lecture.requires_approval
    assert set(lecture.registrations.values_list("status", flat=True)) == {RegistrationStatus.PENDING}
