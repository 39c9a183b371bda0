"""The organizers' screens in the Wagtail admin (registered in ``events/wagtail_hooks.py``).

- ``permissions``: who sees and manages which events (the unit-scoped rule);
- ``viewsets``: the events listing, create/edit/delete, copy and weekly series;
- ``registrations``: per event, registrations with their actions, statistics and the export;
- ``checkin``: the phone check-in screen and its small JSON endpoints;
- ``stats``: the numbers shown on the screens and in the export.

Every state change goes through ``events.services``, the copy and the weekly series included.
"""
