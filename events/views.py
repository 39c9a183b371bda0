"""Calendar files: ``/events/<id>.ics`` (public) and ``/events/feed/<token>.ics`` (private).

Other event views (admin, check-in) live in their own modules; this one serves only .ics.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from events import calendar
from events.models import Event, EventStatus

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"
# Calendar apps poll feeds every few hours at most; a short cache spares the database.
EVENT_MAX_AGE = 5 * 60
FEED_MAX_AGE = 5 * 60


def _ics_response(cal, filename, disposition="inline"):
    response = HttpResponse(calendar.to_ics(cal), content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
def event_ics(request, pk):
    """Every session of a published event; 404 for drafts, cancelled and unknown events."""
    event = get_object_or_404(Event.objects.select_related("venue"), pk=pk, status=EventStatus.PUBLISHED)
    response = _ics_response(calendar.event_calendar(event), f"event-{event.pk}.ics", "attachment")
    patch_cache_control(response, public=True, max_age=EVENT_MAX_AGE)
    return response


@require_safe
def calendar_feed(request, token):
    """The sessions of every confirmed registration of the feed's owner; 404 for unknown tokens."""
    user = calendar.feed_user(token)
    if user is None:
        raise Http404
    response = _ics_response(calendar.user_calendar(user), "yulan.ics")
    patch_cache_control(response, private=True, max_age=FEED_MAX_AGE)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
