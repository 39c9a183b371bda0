"""The viewer's own account in GraphQL. Signing up and in happen at /_allauth/browser/v1/."""

import graphene
from allauth.account.utils import has_verified_email
from django.contrib.auth import logout

from cms.accounts.deletion import delete_account
from cms.accounts.services import update_profile
from cms.graphql.errors import error_type
from cms.graphql.mutations import ServiceMutation

AccountError = error_type("Account")


class User(graphene.ObjectType):
    """The signed-in person's own account. Only ever the viewer's: it carries private data."""

    id = graphene.ID(required=True, description="The account's id.")
    email = graphene.String(required=True, description="The email address the person signs in with.")
    display_name = graphene.String(
        required=True, description="The name shown to organizers and on tickets; empty until set."
    )
    email_verified = graphene.Boolean(
        required=True, description="Whether the person has confirmed the email address with a code."
    )
    is_staff = graphene.Boolean(
        required=True, description="Whether the account is marked as federation staff."
    )
    can_use_admin = graphene.Boolean(
        required=True, description="Whether the person may sign into the CMS admin at /admin/."
    )
    date_joined = graphene.DateTime(required=True, description="When the account was created.")

    @staticmethod
    def resolve_email_verified(user, info):
        return has_verified_email(user, user.email)

    @staticmethod
    def resolve_can_use_admin(user, info):
        return user.has_perm("wagtailadmin.access_admin")


class AccountQuery(graphene.ObjectType):
    me = graphene.Field(User, description="The signed-in person's account; null when nobody is signed in.")

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
        confirm_email = graphene.String(
            required=True, description="The account's email address, typed again to confirm."
        )

    deleted = graphene.Boolean(required=True, description="Whether the account was deleted.")

    class Meta:
        error_type = AccountError

    @classmethod
    def perform(cls, info, confirm_email):
        delete_account(info.context.user, confirm_email=confirm_email)
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
