from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The organization's public contact details, shown in the frontend's footer and About page."""

    name = models.CharField(
        _("organization name"),
        max_length=80,
        default="常州市妇女联合会",
        help_text=_("Shown in the footer and in mails."),
    )
    hotline = models.CharField(
        _("hotline"), max_length=30, blank=True, help_text=_("e.g. 12338 or 0519-85683822.")
    )
    address = models.CharField(
        _("address"), max_length=200, blank=True, help_text=_("The office's public address.")
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("A public contact address."))
    wechat_account = models.CharField(
        _("WeChat official account"),
        max_length=60,
        blank=True,
        help_text=_('The account\'s name, e.g. "常州女性".'),
    )
    wechat_qr_code = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("WeChat QR code"),
        help_text=_("The official account's QR code, shown in the footer."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("hotline"), FieldPanel("address"), FieldPanel("email")], heading=_("Contact")
        ),
        MultiFieldPanel([FieldPanel("wechat_account"), FieldPanel("wechat_qr_code")], heading=_("WeChat")),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
