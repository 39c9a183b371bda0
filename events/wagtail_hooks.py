"""Events in the Wagtail admin: the organizers' tools (see ``events/admin/``)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from events.admin.permissions import event_permission_policy
from events.models import Event

# Before anything asks Wagtail for Event's policy (which would create the fallback one).
register_permission_policy(Event, event_permission_policy)


@hooks.register("register_admin_viewset")
def register_event_viewset():
    from events.admin.viewsets import EventViewSet

    return EventViewSet()
