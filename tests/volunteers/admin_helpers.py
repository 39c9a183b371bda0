"""Helpers of the volunteers admin suites (test_admin_*.py, test_exports.py).

``staff_client(client, user)`` logs ``user`` in (organizers are in the "Organizers" group, which
gives admin access); ``admin_url`` reverses a screen of the ``volunteers_admin`` namespace;
``messages_of`` reads the messages a response left; ``refused`` tells whether the admin refused
(Wagtail answers ``PermissionDenied`` with a redirect to the dashboard, a 404 is a 404).
"""

from django.contrib.messages import get_messages
from django.urls import reverse


def admin_url(name, *args):
    return reverse(f"volunteers_admin:{name}", args=args)


def staff_client(client, user, language=None):
    """``client`` logged in as ``user``; ``language`` sets their admin language (e.g. "en")."""
    if language:
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    client.force_login(user)
    return client


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def refused(response):
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code in (403, 404)
