"""Images as renditions from a fixed allowlist of sizes.

Clients choose a named size, never a filter spec: an open filter argument would let anyone
make the server render and store unbounded variants. Each size lists its renditions from
small to large; ``srcset`` offers them all and ``url`` is the middle one.
"""

import graphene
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter

RENDITION_SIZES = {
    "THUMBNAIL": ("fill-160x160|format-webp", "fill-320x320|format-webp"),
    "CARD": ("fill-360x202|format-webp", "fill-720x405|format-webp", "fill-1080x608|format-webp"),
    "HERO": ("fill-750x420|format-webp", "fill-1500x840|format-webp"),
    "PORTRAIT": ("fill-240x320|format-webp", "fill-480x640|format-webp"),
    "CONTENT": ("max-750x1000|format-webp", "max-1500x2000|format-webp"),
}
ALL_FILTER_SPECS = tuple(spec for specs in RENDITION_SIZES.values() for spec in specs)
# Parsed once: Wagtail parses a spec given as text on every call (a tenth of a millisecond each).
_FILTERS = {size: tuple(Filter(spec=spec) for spec in specs) for size, specs in RENDITION_SIZES.items()}

ImageSize = graphene.Enum(
    "ImageSize",
    [(name, name) for name in RENDITION_SIZES],
    description=(
        "A named image size. THUMBNAIL: square 160 px; CARD: 16:9 for lists; HERO: wide banner; "
        "PORTRAIT: 3:4 for people; CONTENT: whole image within the page width."
    ),
)


class ImageRendition(graphene.ObjectType):
    """One image prepared for display at a named size."""

    url = graphene.String(required=True, description="The URL of the default rendition for this size.")
    width = graphene.Int(required=True, description="Width of the default rendition, in pixels.")
    height = graphene.Int(required=True, description="Height of the default rendition, in pixels.")
    srcset = graphene.String(
        required=True, description="Every rendition of this size, for the img srcset attribute."
    )
    alt = graphene.String(required=True, description="Alternative text for screen readers.")


class Image(graphene.ObjectType):
    """An image from the CMS library."""

    id = graphene.ID(required=True, description="The image's id.")
    title = graphene.String(required=True, description="The image's title in the library.")
    alt = graphene.String(required=True, description="Alternative text for screen readers.")
    width = graphene.Int(required=True, description="Width of the original, in pixels.")
    height = graphene.Int(required=True, description="Height of the original, in pixels.")
    rendition = graphene.Field(
        ImageRendition,
        size=graphene.Argument(ImageSize, required=True, description="Which named size."),
        required=True,
        description="The image prepared at a named size.",
    )

    @staticmethod
    def resolve_alt(image, info):
        return image.default_alt_text or ""

    @staticmethod
    def resolve_rendition(image, info, size):
        name = size.value if hasattr(size, "value") else size
        specs = RENDITION_SIZES[name]
        renditions = image.get_renditions(*_FILTERS[name])
        default = renditions[specs[len(specs) // 2]]
        return ImageRendition(
            url=default.url,
            width=default.width,
            height=default.height,
            srcset=", ".join(f"{renditions[spec].url} {renditions[spec].width}w" for spec in specs),
            alt=image.default_alt_text or "",
        )


def prefetch_image(lookup):
    """A Prefetch of the images at ``lookup`` with their allowlisted renditions, for list
    resolvers: one query for the renditions, and one for the images unless the list joined them
    (``select_related``)."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=ALL_FILTER_SPECS)
    # Wagtail's own prefetch_renditions() keeps them in this attribute, where it looks first.
    return Prefetch(f"{lookup}__renditions", queryset=renditions, to_attr="prefetched_renditions")
