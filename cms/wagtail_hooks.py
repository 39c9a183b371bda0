from wagtail import hooks

from cms.admin.audit import EXPORT, ExportFormatter


@hooks.register("register_log_actions")
def register_export_action(actions):
    actions.register_action(EXPORT)(ExportFormatter)
