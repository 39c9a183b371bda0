"""The viewer's own account in GraphQL. Signing up and in happen at /_allauth/browser/v1/."""

import graphene
from allauth.account.utils import has_verified_email
from django.contrib.auth import logout
from wagtail.rich_text import expand_db_html

from cms.accounts import mfa
from cms.accounts.deletion import delete_account
from cms.accounts.models import ConsentKind as ConsentKindChoices
from cms.accounts.models import PrivacyNotice as PrivacyNoticeSetting
from cms.accounts.services import update_profile
from cms.graphql.errors import error_type
from cms.graphql.mutations import ServiceMutation

AccountError = error_type("Account")


class User(graphene.ObjectType):
    """The signed-in person's own account. Only ever the viewer's: it carries private data."""

    id = graphene.ID(required=True, description="The account's id.")
    email = graphene.String(
        required=True, description="The email address the person signs in with; empty when none was given."
    )
    phone = graphene.String(
        required=True, description="The mobile phone number (+86…) the person signs in with; empty when none."
    )
    phone_verified = graphene.Boolean(
        required=True, description="Whether the person has confirmed the phone number with an SMS code."
    )
    display_name = graphene.String(
        required=True, description="The name shown to organizers and on tickets; empty until set."
    )
    email_verified = graphene.Boolean(
        required=True, description="Whether the person has confirmed the email address with a code."
    )
    mfa_required = graphene.Boolean(
        required=True,
        description="Whether the person must use two-step verification (staff and organizers).",
    )
    mfa_passed = graphene.Boolean(
        required=True, description="Whether this session passed two-step verification."
    )
    is_staff = graphene.Boolean(
        required=True, description="Whether the account is marked as federation staff."
    )
    can_use_admin = graphene.Boolean(
        required=True, description="Whether the person may sign into the CMS admin at /admin/."
    )
    date_joined = graphene.DateTime(required=True, description="When the account was created.")
    consents = graphene.List(
        graphene.NonNull(lambda: Consent),
        required=True,
        description="The consents the person gave (privacy notice, agreement, guardian), oldest first.",
    )

    @staticmethod
    def resolve_consents(user, info):
        return list(user.consents.all())

    @staticmethod
    def resolve_email_verified(user, info):
        return has_verified_email(user, user.email)

    @staticmethod
    def resolve_mfa_required(user, info):
        return mfa.required_for(user)

    @staticmethod
    def resolve_mfa_passed(user, info):
        return mfa.passed(info.context)

    @staticmethod
    def resolve_can_use_admin(user, info):
        return user.has_perm("wagtailadmin.access_admin")


ConsentKind = graphene.Enum.from_enum(ConsentKindChoices, description="What a consent was given to.")


class Consent(graphene.ObjectType):
    """One consent the person gave."""

    kind = graphene.Field(ConsentKind, required=True, description="To what.")
    version = graphene.String(required=True, description="The version of the text accepted.")
    given_at = graphene.DateTime(required=True, description="When.")


class PrivacyNotice(graphene.ObjectType):
    """The privacy notice people accept when signing up (an editable setting)."""

    version = graphene.String(required=True, description="Its version; signing up accepts exactly this one.")
    text = graphene.String(required=True, description="The notice, as HTML.")

    @staticmethod
    def resolve_text(notice, info):
        return expand_db_html(notice.text)


class AccountQuery(graphene.ObjectType):
    me = graphene.Field(User, description="The signed-in person's account; null when nobody is signed in.")
    privacy_notice = graphene.Field(
        PrivacyNotice, required=True, description="The privacy notice in force, to show before signing up."
    )

    @staticmethod
    def resolve_privacy_notice(root, info):
        return PrivacyNoticeSetting.load(request_or_site=info.context)

    @staticmethod
    def resolve_me(root, info):
        user = info.context.user
        return user if user.is_authenticated else None


class UpdateProfile(ServiceMutation):
    """Change the signed-in person's profile."""

    class Input:
        display_name = graphene.String(
            required=True, description="The new display name: 1 to 64 characters once trimmed."
        )

    user = graphene.Field(User, description="The updated account; null when the change was refused.")

    class Meta:
        error_type = AccountError

    @classmethod
    def perform(cls, info, display_name):
        return {"user": update_profile(info.context.user, display_name=display_name)}


class DeleteMyAccount(ServiceMutation):
    """Delete the signed-in person's account: personal data blanked, future registrations and
    shift places given up, signed out. Registrations and service hours stay as anonymous rows."""

    class Input:
        confirm = graphene.String(
            required=True,
            description="The account's email address or mobile phone number, typed again to confirm.",
        )

    deleted = graphene.Boolean(required=True, description="Whether the account was deleted.")

    class Meta:
        error_type = AccountError

    @classmethod
    def perform(cls, info, confirm):
        delete_account(info.context.user, confirm=confirm)
        logout(info.context)
        return {"deleted": True}

    @classmethod
    def refuse(cls, problems):
        payload = super().refuse(problems)
        payload.deleted = False
        return payload


class AccountMutation(graphene.ObjectType):
    update_profile = UpdateProfile.Field()
    delete_my_account = DeleteMyAccount.Field()
