"""Telling registrants what happened to their registration.

Services call ``notify(registration, kind)`` inside their transaction. It records a
``Notification`` row (at most one per registration and kind, so a message is never queued
twice) and enqueues delivery only once the transaction commits: a registration that rolls back
sends nothing, and a failing mail server never rolls back a registration.
"""

from django.db import transaction

from events.models import Notification


def notify(registration, kind):
    notification, created = Notification.objects.get_or_create(registration=registration, kind=kind)
    if created:
        from events.tasks import deliver_notification

        transaction.on_commit(lambda: deliver_notification.enqueue(notification.pk))
    return notification
