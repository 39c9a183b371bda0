"""Mobile phone numbers: what people type (``138 0013 8000``, ``+86-138…``) to one E.164 form."""

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def normalize_phone(raw):
    """The number in E.164 (``+8613800138000``); ``ValidationError`` unless it is a mobile number.

    Numbers without a country code are read as ``PHONE_DEFAULT_REGION``'s (China).
    """
    try:
        number = phonenumbers.parse(str(raw), settings.PHONE_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        number = None
    mobile = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    if (
        number is None
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) not in mobile
    ):
        raise ValidationError(_("Enter a valid mobile phone number."), code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
