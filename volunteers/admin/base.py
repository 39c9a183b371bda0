"""What the volunteers admin screens share: URLs, listing filters, the screens (a listing, a
per-object screen) and the POST action."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.admin.errors import service_error_message
from cms.admin.forms import limit_to_managed_units
from cms.admin.views import ManagedObjectMixin
from cms.errors import ServiceError
from home.models import OrgUnit
from home.permissions import is_organizer
from volunteers.services import REASON_MAX_LENGTH

URL_NAMESPACE = "volunteers_admin"  # "volunteers" is the public certificate pages' namespace
PER_PAGE = 50


class FilterForm(forms.Form):
    """A listing's filters: a search box and a unit among the managed ones (the unit and every
    unit below it); subclasses add theirs and apply them in ``filter``."""

    search_placeholder = ""
    unit_label = _("Unit")
    unit_lookup = "org_unit"  # the rows' OrgUnit relation

    q = forms.CharField(
        label=_("Search"), required=False, max_length=60, widget=forms.TextInput(attrs={"type": "search"})
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), required=False, queryset=OrgUnit.objects.none(), empty_label=_("All my units")
    )

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["q"].widget.attrs["placeholder"] = self.search_placeholder
        self.fields["unit"].label = self.unit_label
        limit_to_managed_units(self.fields["unit"], user)

    def query(self):
        return self.cleaned_data["q"].strip()

    def filter_unit(self, rows):
        unit = self.cleaned_data["unit"]
        return rows.filter(**{f"{self.unit_lookup}__path__startswith": unit.path}) if unit else rows


def url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


def paginate(request, queryset, per_page=PER_PAGE):
    """(page, query string without the page number) for a listing's pagination links."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return page, query.urlencode()


class OrganizerRequiredMixin:
    """Refuses people who organize no unit (listings show only what each organizer manages)."""

    def dispatch(self, request, *args, **kwargs):
        if not is_organizer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class Screen(WagtailAdminTemplateMixin, View):
    """A screen in the admin's frame, under "Volunteers > ..."."""

    header_icon = "group"
    parent_label = None
    parent_url_name = None

    def get_parent(self):
        """(url, label) of the screen above this one, or None."""
        if self.parent_url_name:
            return url(self.parent_url_name), self.parent_label
        return None

    def get_breadcrumbs_items(self):
        items = [{"url": url("index"), "label": _("Volunteers")}]
        parent = self.get_parent()
        if parent:
            items.append({"url": parent[0], "label": parent[1]})
        return self.breadcrumbs_items + items + [{"url": "", "label": self.get_page_title()}]

    def render(self, **context):
        return TemplateResponse(self.request, self.template_name, self.get_context_data(**context))

    def render_page(self, rows, decorate=None, **context):
        """A listing: one page of ``rows`` (each passed to ``decorate`` if given) and what its row
        actions need to come back here."""
        page, query_string = paginate(self.request, rows)
        if decorate is not None:
            for row in page.object_list:
                decorate(row)
        return self.render(
            page=page,
            query_string=query_string,
            next_url=self.request.get_full_path(),
            reason_max_length=REASON_MAX_LENGTH,
            **context,
        )


class ListScreen(OrganizerRequiredMixin, Screen):
    """A listing of what the organizer manages."""


class ObjectScreen(ManagedObjectMixin, Screen):
    """A screen about one managed object (``self.object``)."""

    def get_page_subtitle(self):
        return str(self.object)


class ActionView(ManagedObjectMixin, View):
    """POST only: one service call on ``self.object``, its outcome as a message, then back.

    ``act()`` calls the service and returns the success message; a ``ServiceError`` becomes an
    error message. Back is the ``next`` parameter when safe, else ``get_success_url()``.
    """

    http_method_names = ["post"]

    def act(self):
        raise NotImplementedError

    def get_success_url(self):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            message = self.act()
        except ServiceError as error:
            service_error_message(request, error)
        else:
            messages.success(request, message)
        return redirect(get_valid_next_url_from_request(request) or self.get_success_url())
