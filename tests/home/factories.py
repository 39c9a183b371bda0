"""Small builders for content, so that tests state only what they are about."""

import datetime
import io
import itertools

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home import models

_counter = itertools.count(1)


def unique(prefix):
    return f"{prefix}-{next(_counter)}"


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_page(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def make_site():
    """A HomePage as the default site's root, with the four section pages under it."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=models.HomePage(title="玉兰", slug=unique("home"), hero_title="玉兰芬芳"))
    publish(home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    sections = {
        "classes": add_page(home, models.ClassIndexPage(title="玉兰芬芳·WOMEN课堂", slug="classes")),
        "campaigns": add_page(home, models.CampaignIndexPage(title="活动", slug="campaigns")),
        "articles": add_page(home, models.ArticleIndexPage(title="资讯", slug="articles")),
        "honours": add_page(home, models.HonourRollPage(title="光荣榜", slug="honours")),
    }
    return home, sections


def make_org_tree():
    city = models.OrgUnit.objects.create(name="常州市妇联", level=models.OrgUnitLevel.CITY)
    district = models.OrgUnit.objects.create(
        name="天宁区妇联", short_name="天宁区", level=models.OrgUnitLevel.DISTRICT, parent=city
    )
    other_district = models.OrgUnit.objects.create(
        name="金坛区妇联", short_name="金坛区", level=models.OrgUnitLevel.DISTRICT, parent=city
    )
    street = models.OrgUnit.objects.create(name="茶山街道", level=models.OrgUnitLevel.STREET, parent=district)
    community = models.OrgUnit.objects.create(
        name="华润国际社区", level=models.OrgUnitLevel.COMMUNITY, parent=street
    )
    return {
        "city": city,
        "district": district,
        "other_district": other_district,
        "street": street,
        "community": community,
    }


def make_venue(org_unit, name=None, **fields):
    fields.setdefault("address", "天宁区茶山街道")
    return models.Venue.objects.create(name=name or unique("分课堂点"), org_unit=org_unit, **fields)


def make_category(name=None):
    name = name or unique("类别")
    return models.ClassCategory.objects.create(name=name, slug=unique("cat"))


def make_class(index, category, venue=None, title=None, **fields):
    fields.setdefault("start_date", datetime.date.today())
    page = models.ClassPage(
        title=title or unique("课堂"), slug=unique("class"), category=category, venue=venue, **fields
    )
    return add_page(index, page)


def make_campaign(index, organizer, title=None, **fields):
    fields.setdefault("start_date", datetime.date.today())
    page = models.CampaignPage(
        title=title or unique("行动"), slug=unique("campaign"), organizer=organizer, **fields
    )
    return add_page(index, page)


def make_article(index, title=None, tags=(), **fields):
    page = models.ArticlePage(title=title or unique("资讯"), slug=unique("article"), **fields)
    index.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    return publish(page)


def make_honour(title, recipient_name, year=2020, kind=models.RecipientKind.PERSON, org_unit=None, **fields):
    recipient = models.HonourRecipient.objects.create(
        name=recipient_name, kind=kind, org_unit=org_unit, **fields
    )
    models.Honour.objects.create(recipient=recipient, title=title, year=year)
    return recipient


def make_image(title="图片", size=(64, 48)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (176, 48, 106)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{unique('img')}.png")
    )
