from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import register_setting
from wagtail.fields import RichTextField

from cms.accounts.models import AcceptedText

# The agreement an installation starts with, after the 志愿服务条例 (2017); editors adapt it.
DEFAULT_TEXT = (
    "<p>我自愿加入志愿服务队伍，遵守《志愿服务条例》和本平台的志愿服务管理规定。</p>"
    "<ul>"
    "<li>我提供的姓名、联系方式、出生日期等个人信息真实准确；这些信息仅用于志愿者注册、服务安排、"
    "服务记录和证明出具，只由本人和所属组织的管理人员查看。</li>"
    "<li>我按约定参加志愿服务，不能参加时提前取消报名；服务中尊重服务对象，保护其隐私，"
    "不收取任何报酬。</li>"
    "<li>我的服务时长由组织单位如实记录，我可以查询本人的服务记录，并可申请更正或出具志愿服务证明。</li>"
    "<li>未满十八周岁的志愿者须经监护人同意，参加与其年龄、身心状况相适应的志愿服务。</li>"
    "<li>我可以随时申请退出志愿者队伍；退出后，已记录的服务时长依规定保存。</li>"
    "</ul>"
)


@register_setting(icon="doc-full")
class VolunteerAgreement(AcceptedText):
    """The volunteer agreement applicants read and accept."""

    text = RichTextField(_("text"), default=DEFAULT_TEXT, features=["bold", "ol", "ul", "link"])

    class Meta:
        verbose_name = _("volunteer agreement")
        verbose_name_plural = _("volunteer agreement")
