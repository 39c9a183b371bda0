from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The account of anyone who signs in: the public, volunteers, organizers, editors.

    A project-owned user model from the first migration, so that later fields (phone,
    consent records) are ordinary migrations. People sign in with their email address;
    ``username`` is kept for Django's admin tooling and filled from the email by allauth.
    """

    display_name = models.CharField(
        _("display name"), max_length=64, blank=True, help_text=_("Shown to organizers and on your tickets.")
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.display_name or self.email or self.username
