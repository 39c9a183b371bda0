"""Headless preview: the admin's Preview button opens the frontend with a signed token.

Wagtail renders previews server-side; Yulan has no page templates, so ``serve_preview``
stores the unsaved page (as Wagtail's own JSON form, inline children included) and redirects
the preview panel to the frontend's ``/preview?token=...``. The frontend reads the draft back
with the ``preview(token:)`` query. The token is signed and expires; it is the only key.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import models
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.http import urlencode

SALT = "yulan.preview"


class PagePreview(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    content_json = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "page preview"

    def __str__(self):
        return f"preview {self.pk} of {self.content_type}"

    def as_page(self):
        return self.content_type.model_class().from_json(self.content_json)


class PreviewStatus(models.TextChoices):
    OK = "ok"
    EXPIRED = "expired"
    INVALID = "invalid"


def create_preview_token(page):
    max_age = timedelta(seconds=settings.PREVIEW_TOKEN_MAX_AGE)
    PagePreview.objects.filter(created_at__lt=timezone.now() - max_age).delete()
    preview = PagePreview.objects.create(
        content_type=ContentType.objects.get_for_model(page.specific_class or type(page)),
        content_json=page.to_json(),
    )
    return signing.dumps(preview.pk, salt=SALT)


def read_preview_token(token):
    """``(status, page)``: the stored draft when the token is genuine and fresh."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        return PreviewStatus.EXPIRED, None
    except signing.BadSignature:
        return PreviewStatus.INVALID, None
    preview = PagePreview.objects.filter(pk=pk).select_related("content_type").first()
    if preview is None:
        return PreviewStatus.EXPIRED, None
    return PreviewStatus.OK, preview.as_page()


class HeadlessPreviewMixin:
    """Pages with this mixin preview in the frontend instead of a Django template."""

    def serve_preview(self, request, mode_name):
        token = create_preview_token(self)
        return HttpResponseRedirect(f"{settings.FRONTEND_URL}/preview?{urlencode({'token': token})}")
