"""Wagtail's generic model views (listing, create, edit, history), narrowed to the unit rule: for
teams and opportunities, whose rows are edited with forms (no service is involved)."""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from cms.admin.forms import limit_to_managed_units
from cms.admin.views import InstancePermissionMixin


class UnitForm(WagtailAdminModelForm):
    """The row's unit (``org_unit``) is chosen among the units the person manages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_to_managed_units(self.fields.get("org_unit"), self.for_user)


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        rows = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change"]
        )
        return rows.select_related("org_unit")


class ScopedEditView(InstancePermissionMixin, generic.EditView):
    pass


class ScopedHistoryView(InstancePermissionMixin, generic.history.HistoryView):
    pass


class ScopedUsageView(InstancePermissionMixin, generic.usage.UsageView):
    pass


class ScopedModelViewSet(ModelViewSet):
    """Only the rows of the units the person manages; never a delete (the policy refuses it)."""

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    base_form_class = UnitForm
    search_backend_name = None  # icontains: finds 阅读 inside 亲子阅读会
    list_per_page = 30

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=self.base_form_class).bind_to_model(self.model)
