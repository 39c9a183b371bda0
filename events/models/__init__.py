from .calendar import CalendarFeed
from .events import Event, EventFigures, EventKind, EventQuestion, EventSession, EventStatus, QuestionKind
from .notifications import Notification, NotificationKind
from .registrations import (
    ACTIVE_STATUSES,
    SEATED_STATUSES,
    CheckIn,
    CheckInMethod,
    Registration,
    RegistrationStatus,
)

__all__ = [
    "ACTIVE_STATUSES",
    "SEATED_STATUSES",
    "CalendarFeed",
    "CheckIn",
    "CheckInMethod",
    "Event",
    "EventKind",
    "EventQuestion",
    "EventSession",
    "EventStatus",
    "EventFigures",
    "Notification",
    "NotificationKind",
    "QuestionKind",
    "Registration",
    "RegistrationStatus",
]
