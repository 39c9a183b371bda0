"""allauth's account adapter: mails and text messages sent by background tasks, the phone number
kept on the user (``User.phone``, ``User.phone_verified``), normalized by ``phonenumbers``."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import EmailMultiAlternatives
from django.utils.translation import gettext as _
from django_tasks import task

from cms.accounts import sms
from cms.accounts.models import User
from cms.accounts.phones import normalize_phone


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Render the mail now, in the request's language; send it from a task.

        Codes for sign-up, login and password reset go out through ``send_email`` so that a slow
        or failing SMTP server never holds up or breaks the request.
        """
        request = allauth_context.request
        site = get_current_site(request)
        site.name = settings.WAGTAIL_SITE_NAME  # not the host name that allauth would greet with
        ctx = {"request": request, "email": email, "current_site": site, **context}
        message = self.render_mail(template_prefix, email, ctx)
        send_email.enqueue(
            subject=message.subject,
            body=message.body,
            from_email=message.from_email,
            to=message.to,
            alternatives=[[content, mimetype] for content, mimetype in message.alternatives],
        )

    def clean_phone(self, phone):
        return normalize_phone(phone)

    def phone_form_field(self, **kwargs):
        """allauth's field, less its "+country code" check: ``clean_phone`` reads 138… as Chinese."""
        field = super().phone_form_field(**kwargs)
        field.validators = []
        return field

    def set_phone(self, user, phone, verified):
        user.phone, user.phone_verified = phone, verified
        user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user):
        return (user.phone, user.phone_verified) if user.phone else None

    def set_phone_verified(self, user, phone):
        self.set_phone(user, phone, True)

    def get_user_by_phone(self, phone):
        return User.objects.filter(phone=phone, is_active=True).order_by("pk").first()

    def send_verification_code_sms(self, user, phone, code, **kwargs):
        send_text.enqueue(
            phone,
            _("[Yulan] Your code is %(code)s. Do not tell it to anyone.") % {"code": code},
        )

    def send_unknown_account_sms(self, phone, **kwargs):
        send_text.enqueue(
            phone,
            _("[Yulan] No account uses this number. Sign up at %(url)s") % {"url": settings.FRONTEND_URL},
        )

    def send_account_already_exists_sms(self, phone):
        send_text.enqueue(
            phone,
            _("[Yulan] An account already uses this number: sign in with it at %(url)s")
            % {"url": settings.FRONTEND_URL},
        )


@task()
def send_text(phone, message):
    """Send a text message, rendered in the request's language, through ``SMS_BACKEND``."""
    sms.send_sms(phone, message)


@task()
def send_email(subject, body, from_email, to, alternatives=()):
    """Send a rendered mail; its arguments are JSON so that the database backend can store them."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    message.send()
