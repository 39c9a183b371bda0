"""Extra sign-up fields (``ACCOUNT_SIGNUP_FORM_CLASS``): allauth's headless sign-up takes them too."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.accounts.models import ConsentKind, ConsentRecord, PrivacyNotice


class SignupConsentForm(forms.Form):
    privacy_version = forms.CharField(
        max_length=20,
        error_messages={"required": _("Please read and accept the privacy notice.")},
    )

    def clean_privacy_version(self):
        version = self.cleaned_data["privacy_version"]
        if version != PrivacyNotice.load().version:
            raise ValidationError(
                _("The privacy notice has changed: please read it and accept it again."), code="outdated"
            )
        return version

    def clean(self):
        """allauth's own fields are in the same form (this class is its base): one way to sign in."""
        cleaned_data = super().clean()
        if not cleaned_data.get("phone") and not cleaned_data.get("email") and not self.errors:
            message = _("Enter your mobile phone number (or an email address).")
            self.add_error("phone", ValidationError(message, code="required"))
        return cleaned_data

    def signup(self, request, user):
        """Called by allauth once the account exists, in the same request."""
        ConsentRecord.objects.create(
            user=user, kind=ConsentKind.PRIVACY_NOTICE, version=self.cleaned_data["privacy_version"]
        )
