"""StreamField blocks as typed GraphQL objects (one type per block in home/blocks.py)."""

import graphene
from wagtail.rich_text import RichText

from cms.graphql.images import Image


class StreamBlock(graphene.Interface):
    """One block of a page body."""

    id = graphene.String(description="The block's stable id within the page.")
    block_type = graphene.String(required=True, description="The block's type name, e.g. paragraph.")

    @classmethod
    def resolve_type(cls, instance, info):
        return BLOCK_TYPES[instance.block_type]

    @staticmethod
    def resolve_block_type(block, info):
        return block.block_type


class HeadingBlock(graphene.ObjectType):
    """A section heading."""

    text = graphene.String(required=True, description="The heading text.")

    class Meta:
        interfaces = (StreamBlock,)

    @staticmethod
    def resolve_text(block, info):
        return block.value["text"]


class ParagraphBlock(graphene.ObjectType):
    """Rich text."""

    html = graphene.String(
        required=True, description="Sanitised HTML; links to pages are resolved to frontend paths."
    )

    class Meta:
        interfaces = (StreamBlock,)

    @staticmethod
    def resolve_html(block, info):
        value = block.value
        return str(value) if isinstance(value, RichText) else str(RichText(value))


class ImageBlock(graphene.ObjectType):
    """An image with an optional caption."""

    image = graphene.Field(Image, description="The image, or null if it was deleted from the library.")
    caption = graphene.String(required=True, description="The caption, possibly empty.")
    alt = graphene.String(required=True, description="Alternative text for this use of the image.")
    decorative = graphene.Boolean(required=True, description="Whether screen readers should skip the image.")

    class Meta:
        interfaces = (StreamBlock,)

    @staticmethod
    def resolve_image(block, info):
        return block.value["image"]

    @staticmethod
    def resolve_caption(block, info):
        return block.value["caption"] or ""

    @staticmethod
    def resolve_alt(block, info):
        image = block.value["image"]
        return getattr(image, "contextual_alt_text", None) or (image.default_alt_text if image else "") or ""

    @staticmethod
    def resolve_decorative(block, info):
        return bool(getattr(block.value["image"], "decorative", False))


class QuoteBlock(graphene.ObjectType):
    """A quotation."""

    text = graphene.String(required=True, description="The quoted words.")
    attribution = graphene.String(required=True, description="Who said it, possibly empty.")

    class Meta:
        interfaces = (StreamBlock,)

    @staticmethod
    def resolve_text(block, info):
        return block.value["text"]

    @staticmethod
    def resolve_attribution(block, info):
        return block.value["attribution"] or ""


class Figure(graphene.ObjectType):
    """A highlight figure: value, unit and label, e.g. 624 个 "妇女微家"."""

    value = graphene.String(required=True, description="The number as the editor wrote it, e.g. 7.6.")
    unit = graphene.String(required=True, description="The unit, e.g. 万只; possibly empty.")
    label = graphene.String(required=True, description="What is counted.")

    @staticmethod
    def resolve_unit(figure, info):
        return figure["unit"] or ""

    @staticmethod
    def resolve_value(figure, info):
        return figure["value"]

    @staticmethod
    def resolve_label(figure, info):
        return figure["label"]


class FiguresBlock(graphene.ObjectType):
    """A group of highlight figures."""

    title = graphene.String(required=True, description="The group's title, possibly empty.")
    figures = graphene.List(graphene.NonNull(Figure), required=True, description="The figures, in order.")

    class Meta:
        interfaces = (StreamBlock,)

    @staticmethod
    def resolve_title(block, info):
        return block.value["title"] or ""

    @staticmethod
    def resolve_figures(block, info):
        return list(block.value["figures"])


BLOCK_TYPES = {
    "heading": HeadingBlock,
    "paragraph": ParagraphBlock,
    "image": ImageBlock,
    "quote": QuoteBlock,
    "figures": FiguresBlock,
}


def body_field(description="The page body, as typed blocks."):
    return graphene.List(graphene.NonNull(StreamBlock), required=True, description=description)


def resolve_body(page, info):
    return list(page.body) if page.body else []
