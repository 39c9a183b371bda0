"""Who downloaded which personal data, when: every Excel export of the admin is logged.

An export is a Wagtail log entry (action ``yulan.export``), so it appears in the admin's
Reports → Site history, filterable by person, date and action, with what was exported and how
many rows. The entry hangs on the exported object (an event), or on the account that exported
a filtered list.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

EXPORT = "yulan.export"


class ExportFormatter(LogFormatter):
    label = _("Export personal data")

    def format_message(self, log_entry):
        data = log_entry.data
        message = _("Exported %(what)s: %(rows)s rows") % {
            "what": data.get("what", ""),
            "rows": data.get("rows"),
        }
        if data.get("full_id_numbers"):
            message = _("%(message)s, with full ID numbers") % {"message": message}
        return message


def log_export(request, instance, what, rows, **details):
    """Record that ``request.user`` exported ``rows`` rows of ``what`` (of ``instance``)."""
    log(
        instance=instance, action=EXPORT, user=request.user, data={"what": str(what), "rows": rows, **details}
    )
