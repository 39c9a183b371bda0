"""Placeholder images for the demo, drawn locally with Pillow (no network, no text).

Soft gradients and magnolia-petal shapes in the brand's palette: magnolia pink, plum, cream.
Each image is created once as a Wagtail ``Image`` and found again by its title, so that
``load_demo`` can run any number of times without adding images.
"""

import io
import math
import random
from dataclasses import dataclass

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter

SIZE = (1600, 900)

CREAM = (255, 247, 249)
BLUSH = (248, 222, 230)
MAGNOLIA = (240, 190, 210)
ROSE = (222, 142, 176)
ORCHID = (186, 104, 160)
PLUM = (122, 48, 104)
AUBERGINE = (82, 28, 74)
GOLD = (247, 214, 160)


@dataclass(frozen=True)
class Placeholder:
    title: str
    top: tuple
    bottom: tuple
    accents: tuple
    petal: tuple
    angle: int = 0
    flowers: int = 1
    seed: int = 0


# Titles start with 示例图 so that editors see at a glance what is a placeholder.
PLACEHOLDERS = [
    Placeholder("示例图·玉兰晨光", CREAM, MAGNOLIA, (GOLD, ROSE), (255, 255, 255), 20, 1, 1),
    Placeholder("示例图·玉兰花影", BLUSH, ORCHID, (MAGNOLIA, PLUM), (255, 240, 246), 70, 2, 2),
    Placeholder("示例图·梅紫暖心", PLUM, ROSE, (GOLD, MAGNOLIA), (255, 228, 238), 110, 1, 3),
    Placeholder("示例图·粉白书香", CREAM, BLUSH, (MAGNOLIA, GOLD), ROSE, 160, 3, 4),
    Placeholder("示例图·紫晕茶香", AUBERGINE, ORCHID, (ROSE, GOLD), (250, 214, 228), 200, 1, 5),
    Placeholder("示例图·霞光同行", GOLD, ROSE, (CREAM, PLUM), (255, 250, 252), 250, 2, 6),
    Placeholder("示例图·花瓣家风", MAGNOLIA, PLUM, (CREAM, GOLD), (255, 236, 244), 300, 2, 7),
    Placeholder("示例图·月白荣光", CREAM, ROSE, (GOLD, ORCHID), (PLUM[0], PLUM[1], PLUM[2]), 340, 1, 8),
]


def _gradient(size, top, bottom, angle):
    """A linear gradient at ``angle`` degrees: rotate a square that covers the whole canvas."""
    side = int(math.hypot(*size)) + 2
    mask = PILImage.linear_gradient("L").resize((side, side)).rotate(angle, resample=PILImage.BICUBIC)
    left, upper = (side - size[0]) // 2, (side - size[1]) // 2
    mask = mask.crop((left, upper, left + size[0], upper + size[1]))
    return PILImage.composite(PILImage.new("RGB", size, bottom), PILImage.new("RGB", size, top), mask)


def _glow(size, accents, rng):
    """Large blurred circles, drawn small and scaled up (much faster than blurring at full size)."""
    small = (size[0] // 8, size[1] // 8)
    layer = PILImage.new("RGBA", small, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for index in range(7):
        colour = accents[index % len(accents)]
        radius = rng.randint(small[1] // 5, small[1] // 2)
        x, y = rng.randint(0, small[0]), rng.randint(0, small[1])
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, rng.randint(70, 140)))
    return layer.filter(ImageFilter.GaussianBlur(8)).resize(size, PILImage.BICUBIC)


def _petal(length, width, colour, alpha):
    petal = PILImage.new("RGBA", (width, length), (0, 0, 0, 0))
    ImageDraw.Draw(petal).ellipse((0, 0, width - 1, length - 1), fill=(*colour, alpha))
    return petal


def _branch(canvas, points, colour):
    draw = ImageDraw.Draw(canvas)
    draw.line(points, fill=(*colour, 200), width=12, joint="curve")


def _flower(canvas, centre, scale, colour, rng):
    """A magnolia seen from the side: a fan of long petals opening upwards."""
    length, width = int(430 * scale), int(150 * scale)
    for angle in (-48, 48, -26, 26, -8, 8):
        petal = _petal(length, width, colour, rng.randint(150, 210)).rotate(
            angle, resample=PILImage.BICUBIC, expand=True
        )
        dx = int(math.sin(math.radians(angle)) * length / 2)
        x = centre[0] - petal.width // 2 - dx
        y = centre[1] - petal.height + int(length * 0.15)
        canvas.alpha_composite(petal, (max(x, -petal.width + 1), max(y, -petal.height + 1)))


def render(placeholder, size=SIZE):
    """The placeholder as JPEG bytes."""
    rng = random.Random(placeholder.seed)
    image = _gradient(size, placeholder.top, placeholder.bottom, placeholder.angle).convert("RGBA")
    image.alpha_composite(_glow(size, placeholder.accents, rng))
    flowers = PILImage.new("RGBA", size, (0, 0, 0, 0))
    tips = []
    for index in range(placeholder.flowers):
        x = int(size[0] * (0.72 - 0.24 * index) + rng.randint(-40, 40))
        y = int(size[1] * (0.62 + 0.12 * (index % 2)))
        tips.append((x, y))
    _branch(flowers, [(size[0] + 20, size[1] - 40), *reversed(tips)][: 1 + len(tips)], AUBERGINE)
    for index, tip in enumerate(tips):
        _flower(flowers, tip, 1.0 - 0.2 * index, placeholder.petal, rng)
    image.alpha_composite(flowers.filter(ImageFilter.GaussianBlur(1.5)))
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=84, optimize=True, progressive=True)
    return buffer.getvalue()


def ensure_placeholder_images():
    """``{title: Image}`` for every placeholder, creating the missing ones."""
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    image_model = get_image_model()
    images = {}
    for number, placeholder in enumerate(PLACEHOLDERS, start=1):
        image = image_model.objects.filter(title=placeholder.title).order_by("pk").first()
        if image is None:
            image = image_model(title=placeholder.title)
            image.file = ImageFile(io.BytesIO(render(placeholder)), name=f"yulan-demo-{number}.jpg")
            image._set_image_file_metadata()
            image.save()
            images[placeholder.title] = (image, True)
        else:
            images[placeholder.title] = (image, False)
    return images
