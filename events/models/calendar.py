from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from events.tokens import new_feed_token


class CalendarFeed(models.Model):
    """A person's private calendar feed URL. Revoking replaces the token: old links stop working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token = models.CharField(_("token"), max_length=40, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
