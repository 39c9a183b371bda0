"""Per-object admin screens, refused to people who do not manage the object."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from cms.admin.errors import add_problems
from cms.errors import ServiceError


class ManagedObjectMixin:
    """Loads ``self.object`` from the ``pk`` URL argument; refuses people who do not manage it.

    ``get_queryset()`` gives the rows (404 for any other pk); ``permission_policy`` decides
    ``permission_required`` on the row. The refusal is ``PermissionDenied``: Wagtail's admin turns
    it into a redirect to the dashboard with a message (and a 403 for XMLHttpRequest).
    """

    permission_policy = None
    permission_required = "change"
    pk_url_kwarg = "pk"

    def get_queryset(self):
        return self.permission_policy.model._default_manager.all()

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.get_queryset(), pk=kwargs[self.pk_url_kwarg])

    def dispatch(self, request, *args, **kwargs):
        allowed = self.permission_policy.user_has_permission_for_instance(
            request.user, self.permission_required, self.object
        )
        if not allowed:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class InstancePermissionMixin:
    """For Wagtail's generic views, which check only the model: refuses a row the person does not
    manage (``instance_permission`` on the view's ``permission_policy``)."""

    instance_permission = "change"

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        allowed = self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.instance_permission, instance
        )
        if not allowed:
            raise PermissionDenied
        return instance


class ServiceFormMixin:
    """A small form whose valid POST calls a service.

    GET shows ``get_form()``; a valid POST calls ``act(form)``, which calls the service and
    returns the success message, then goes to ``get_success_url()``; a ``ServiceError`` goes back
    on the form (``add_problems``, with the form's ``field_map()`` if it has one).
    """

    template_name = "cms/admin/form.html"
    submit_label = gettext_lazy("Save")
    intro = ""

    def get_form(self, data=None):
        raise NotImplementedError

    def act(self, form):
        """Call the service; return the success message."""
        raise NotImplementedError

    def get_success_url(self):
        raise NotImplementedError

    def get_intro(self):
        return self.intro

    def get(self, request, *args, **kwargs):
        return self.render_form(self.get_form())

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                message = self.act(form)
            except ServiceError as error:
                add_problems(form, error, getattr(form, "field_map", dict)())
            else:
                messages.success(request, message)
                return redirect(self.get_success_url())
        return self.render_form(form)

    def render_form(self, form):
        context = self.get_context_data(
            form=form,
            action=self.request.get_full_path(),
            submit_label=self.submit_label,
            intro=self.get_intro(),
            cancel_url=self.get_success_url(),
        )
        return TemplateResponse(self.request, self.template_name, context)
