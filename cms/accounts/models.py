from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField


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


FIRST_VERSION = "2026-01"

# The notice an installation starts with (个人信息保护法 art. 17: who, what, why, how long, rights);
# editors adapt it in Settings → privacy notice.
PRIVACY_NOTICE_TEXT = (
    "<p>常州市妇女联合会（以下简称“我们”）通过玉兰平台提供课程、活动报名和志愿服务。</p>"
    "<ul>"
    "<li>我们收集：你的邮箱、显示名称；报名时填写的姓名、电话、同行人和问题答案；申请志愿者时填写的"
    "个人资料。</li>"
    "<li>用途：确认报名、通知活动安排、签到和统计；志愿服务的注册、排班、时长记录和证明。</li>"
    "<li>只有你本人和负责相关活动的组织人员能看到你的个人信息；我们不向第三方提供。</li>"
    "<li>活动结束一年后，同行人信息和问题答案将被删除。</li>"
    "<li>你可以随时在“我的”页面下载你的数据或注销账户。</li>"
    "<li>涉及不满十四周岁儿童的信息，须经其监护人同意。</li>"
    "</ul>"
)


class AcceptedText(BaseGenericSetting):
    """A text people accept by its version (the privacy notice, the volunteer agreement): a
    changed text gets a new version, and only the current version is accepted."""

    version = models.CharField(
        _("version"),
        max_length=20,
        default=FIRST_VERSION,
        help_text=_(
            "Change it whenever you change the text: people accept this version, and an "
            "acceptance of an older version is refused."
        ),
    )
    text = RichTextField(_("text"), features=["bold", "ol", "ul", "link"])

    panels = [FieldPanel("version"), FieldPanel("text")]

    class Meta:
        abstract = True


@register_setting(icon="lock")
class PrivacyNotice(AcceptedText):
    """The privacy notice people accept when they sign up."""

    text = RichTextField(_("text"), default=PRIVACY_NOTICE_TEXT, features=["bold", "ol", "ul", "link"])

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notice")


class ConsentKind(models.TextChoices):
    PRIVACY_NOTICE = "privacy_notice", _("privacy notice")
    VOLUNTEER_AGREEMENT = "volunteer_agreement", _("volunteer agreement")
    GUARDIAN = "guardian", _("a guardian's consent for a minor's data")


class ConsentRecord(models.Model):
    """One consent a person gave: to what, which version, when. Never edited, never deleted
    while the account exists."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="consents"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=ConsentKind.choices)
    version = models.CharField(_("version"), max_length=20)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        ordering = ["given_at", "pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return f"{self.get_kind_display()} {self.version}"
