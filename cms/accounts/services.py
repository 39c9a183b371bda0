"""Account changes made through the API. Sign-up, login and passwords belong to allauth."""

from django.utils.translation import gettext as _

from cms.accounts.models import User
from cms.errors import CommonErrorCode, ServiceError


def update_profile(user, *, display_name):
    """Set the name shown to organizers; surrounding spaces are dropped, blank is refused."""
    display_name = display_name.strip()
    if not display_name:
        raise ServiceError(CommonErrorCode.INVALID, _("Please enter a display name."), field="display_name")
    max_length = User._meta.get_field("display_name").max_length
    if len(display_name) > max_length:
        raise ServiceError(
            CommonErrorCode.INVALID,
            _("The display name can have at most %(max_length)d characters.") % {"max_length": max_length},
            field="display_name",
        )
    user.display_name = display_name
    user.save(update_fields=["display_name"])
    return user
