"""allauth's account adapter, with its mails sent by a background task."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import EmailMultiAlternatives
from django_tasks import task


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


@task()
def send_email(subject, body, from_email, to, alternatives=()):
    """Send a rendered mail; its arguments are JSON so that the database backend can store them."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    message.send()
