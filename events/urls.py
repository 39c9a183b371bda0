"""Mounted at ``events/`` in cms/urls.py: ``path("events/", include("events.urls"))``."""

from django.urls import path, re_path

from events import views

app_name = "events"

urlpatterns = [
    path("<int:pk>.ics", views.event_ics, name="event_ics"),
    re_path(r"^feed/(?P<token>[0-9A-Za-z]{1,64})\.ics$", views.calendar_feed, name="calendar_feed"),
]
