from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel


class ClassCategory(models.Model):
    """A subject of 玉兰芬芳·WOMEN课堂 classes (茶艺, 戏剧, 法律...). Editors add their own."""

    name = models.CharField(_("name"), max_length=40, unique=True, help_text=_("e.g. 茶艺, 亲子阅读."))
    slug = models.SlugField(
        _("slug"), max_length=40, unique=True, allow_unicode=True, help_text=_("Used in links.")
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0, help_text=_("Smaller comes first."))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("class category")
        verbose_name_plural = _("class categories")

    def __str__(self):
        return self.name


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("home.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("article tag")
        verbose_name_plural = _("article tags")
