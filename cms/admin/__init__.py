"""Pieces the apps' admin screens share (events/admin, volunteers/admin).

- ``errors``: a ``ServiceError`` shown as an admin message or on a form;
- ``permissions``: the unit-scoped permission policy (``home.permissions``: an organizer manages
  their unit and every unit below it);
- ``views``: a per-object screen refused to people who do not manage the object;
- ``forms``: a unit field limited to the units the person manages;
- ``spreadsheets``: Excel workbooks as downloads, safe from formula injection.
"""
