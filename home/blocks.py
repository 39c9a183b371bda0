"""StreamField blocks for content bodies. Each block has a GraphQL type in home/graphql/blocks.py."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)

    class Meta:
        icon = "title"
        label = _("Heading")


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=100)

    class Meta:
        icon = "openquote"
        label = _("Quote")


class FigureBlock(blocks.StructBlock):
    """One highlight figure, e.g. 624 个 "妇女微家"."""

    value = blocks.CharBlock(label=_("Value"), max_length=20, help_text=_("The number, e.g. 624 or 7.6."))
    unit = blocks.CharBlock(
        label=_("Unit"), max_length=20, required=False, help_text=_("e.g. 个, 万只, 人次.")
    )
    label = blocks.CharBlock(
        label=_("Label"), max_length=60, help_text=_('What is counted, e.g. "妇女微家".')
    )

    class Meta:
        icon = "pick"
        label = _("Figure")


class FiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=80)
    figures = blocks.ListBlock(FigureBlock(), label=_("Figures"), min_num=1, max_num=8)

    class Meta:
        icon = "list-ul"
        label = _("Figures")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    figures = FiguresBlock()

    class Meta:
        label = _("Body")


def stream_text(value):
    """The searchable text of a StreamField value."""
    if not value:
        return ""
    return " ".join(str(text) for text in value.stream_block.get_searchable_content(value))
