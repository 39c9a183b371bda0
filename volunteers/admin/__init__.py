"""The volunteers module in the Wagtail admin, under the "Volunteers" (志愿服务) menu group
(registered in ``volunteers/wagtail_hooks.py``).

- ``permissions``: who sees and acts on which volunteers, teams, opportunities and records (the
  unit rule: an organizer manages their unit and every unit below it; superusers everything);
- ``base``: URL helpers and the screens' shared views (a per-object screen, a POST action);
- ``profiles``: the volunteers, the approval queue (approve, suspend) and the export;
- ``records``: the hours review (approve, correct, void, manual records, correction requests);
- ``opportunities``: opportunities with their roles and shifts, each shift's roster;
- ``attendance``: the phone screen to check volunteers in and out of a shift;
- ``teams``: teams, their members and join requests.

Every state change goes through ``volunteers.services`` (one transaction each); a refusal is an
admin message or a form error, never an error page. Nothing is deleted from these screens.
"""
