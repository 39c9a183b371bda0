"""Loads the demo content of ``home/demo/seed_data.py`` into the database.

Idempotent: every row is found by its natural key (a name, a slug under its parent page) and
only written when something differs, so a second run writes nothing and adds no revision.
Pages are published through revisions, so the admin's history is real.
"""

import datetime
import logging
import os
import secrets
import time
from collections import Counter
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from home.demo import seed_data as seed
from home.demo.images import ensure_placeholder_images
from home.models import (
    ArticleIndexPage,
    ArticlePage,
    CampaignIndexPage,
    CampaignPage,
    ClassCategory,
    ClassIndexPage,
    ClassPage,
    HomePage,
    Honour,
    HonourLevel,
    HonourRecipient,
    HonourRollPage,
    HonourTitle,
    OrgUnit,
    OrgUnitLevel,
    SiteSettings,
    Venue,
)

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD_ENV = "DEMO_ADMIN_PASSWORD"
ADMIN_PASSWORD_FILE = "demo-admin.txt"
WELCOME_TITLE = "Welcome to your new Wagtail site!"

SECTION_MODELS = {
    "classes": ClassIndexPage,
    "campaigns": CampaignIndexPage,
    "articles": ArticleIndexPage,
    "honours": HonourRollPage,
}
WEEKDAYS = "一二三四五六日"
SEASONS = {12: "冬", 1: "冬", 2: "冬", 3: "春", 4: "春", 5: "春", 6: "夏", 7: "夏", 8: "夏"}


# ------------------------------------------------------------------------------- small helpers


def rich_text(*paragraphs):
    """Plain paragraphs as rich-text HTML."""
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs if text)


def stream(blocks):
    """Seed body blocks (``("heading", text)``...) as StreamField raw data."""
    data = []
    for block in blocks:
        kind = block[0]
        if kind == "heading":
            data.append({"type": "heading", "value": {"text": block[1]}})
        elif kind == "paragraph":
            data.append({"type": "paragraph", "value": rich_text(block[1])})
        elif kind == "quote":
            data.append({"type": "quote", "value": {"text": block[1], "attribution": block[2]}})
        else:
            raise ValueError(f"unknown block type {kind!r}")
    return data


def figures(rows):
    return [{"type": "figure", "value": {"value": v, "unit": u, "label": label}} for v, u, label in rows]


def term_for(day):
    return f"{day.year} 年{SEASONS.get(day.month, '秋')}季班"


def align_to_schedule(day, schedule):
    """Move ``day`` forward to the first weekday the schedule names ("每周三 ..."), if any."""
    marker = schedule.find("每周")
    if marker < 0 or marker + 2 >= len(schedule) or schedule[marker + 2] not in WEEKDAYS:
        return day
    weekday = WEEKDAYS.index(schedule[marker + 2])
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _normalized_stream(field, value):
    """A StreamField value (raw list or StreamValue) as comparable data, without block ids."""
    if not isinstance(value, StreamValue):
        value = field.to_python(value or [])
    return [(child.block_type, child.block.get_prep_value(child.value)) for child in value]


OUTCOMES = ("created", "updated", "deleted", "unchanged")


def model_label(model):
    """The model's plural name for the summary, in English like the rest of the command's output."""
    with translation.override("en"):
        return str(model._meta.verbose_name_plural)


def publish(page):
    """Publish ``page`` through a new revision; return it fresh from the database (publishing
    saves a copy built from the revision, so the object in hand has a stale ``url_path``)."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


class Stats:
    """How many rows of each kind were created, updated or left as they were."""

    def __init__(self):
        self.counts = Counter()
        self.labels = []

    def add(self, label, outcome):
        if label not in self.labels:
            self.labels.append(label)
        self.counts[(label, outcome)] += 1

    def lines(self):
        for label in self.labels:
            counts = {outcome: self.counts[(label, outcome)] for outcome in OUTCOMES}
            parts = [f"{counts[o]} {o}" for o in ("created", "updated", "deleted") if counts[o]]
            total = sum(counts.values())
            yield f"  {label}: {total}" + (f" ({', '.join(parts)})" if parts else "")


# ------------------------------------------------------------------------------------- loader


class DemoLoader:
    def __init__(self, today=None):
        self.today = today or timezone.localdate()
        self.stats = Stats()
        self.touched = []
        self.images = {}
        self.units = {}
        self.venues = {}
        self.categories = {}
        self.titles = {}
        self.sections = {}
        self.site = None
        self.home = None
        self.home_created = False
        self.locale = None
        self.elapsed = 0.0

    # --- entry points ---------------------------------------------------------------------

    def load(self, admin=True):
        """Load everything; return the admin's login ``(user, password, source)`` or None."""
        started = time.monotonic()
        login = None
        with transaction.atomic():
            self.load_images()
            self.load_org_units()
            self.load_venues()
            self.load_categories()
            self.load_honours()
            self.ensure_site_tree()
            self.load_classes()
            self.load_campaigns()
            self.load_articles()
            self.load_home()
            self.load_site_settings()
            if admin:
                login = ensure_admin(self.stats)
        self.update_search_index()
        self.elapsed = time.monotonic() - started
        return login

    def ensure_site_tree(self, update=True):
        """The home page (replacing Wagtail's welcome page), the default site and the four
        section pages. With ``update=False`` existing pages are left as they are."""
        self.locale = self._default_locale()
        self.home = self.ensure_home()
        self.ensure_site()
        self.remove_welcome_page()
        for section in seed.SECTIONS:
            model = SECTION_MODELS[section["type"]]
            fields = {
                "title": section["title"],
                "summary": section["summary"],
                "intro": section["intro"],
                "cover_image_id": self._image_id(section.get("image")),
            }
            self.sections[section["type"]] = self.upsert_page(
                self.home, model, section["slug"], fields, update=update, label="section pages"
            )
        return self.home

    # --- snippets ---------------------------------------------------------------------------

    def upsert(self, model, lookup, values, label=None):
        """Find by ``lookup``; create, or update the fields of ``values`` that differ."""
        label = label or model_label(model)
        obj = model.objects.filter(**lookup).order_by("pk").first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.save()
            outcome = "created"
        else:
            changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
            for name, value in changed.items():
                setattr(obj, name, value)
            if changed:
                obj.save()
            outcome = "updated" if changed else "unchanged"
        if outcome != "unchanged":
            self.touched.append(obj)
        self.stats.add(label, outcome)
        return obj

    def load_images(self):
        for title, (image, created) in ensure_placeholder_images().items():
            self.images[title] = image
            self.stats.add("images", "created" if created else "unchanged")

    def _image_id(self, title):
        if not title:
            return None
        if not self.images:
            self.load_images()
        return self.images[title].pk

    def load_org_units(self):
        city = self.upsert(
            OrgUnit,
            {"name": seed.CITY["name"]},
            {
                "short_name": seed.CITY["short_name"],
                "level": OrgUnitLevel.CITY,
                "parent_id": None,
                "sort_order": 0,
            },
        )
        self._remember_unit(city)
        for order, row in enumerate(seed.DISTRICTS, start=1):
            self._remember_unit(self._unit(row, OrgUnitLevel.DISTRICT, city, order))
        for order, row in enumerate(seed.STREETS, start=1):
            self._remember_unit(self._unit(row, OrgUnitLevel.STREET, self.units[row["district"]], order))
        for order, row in enumerate(seed.COMMUNITIES, start=1):
            self._remember_unit(self._unit(row, OrgUnitLevel.COMMUNITY, self.units[row["street"]], order))
        return city

    def _unit(self, row, level, parent, order):
        values = {
            "short_name": row.get("short_name", ""),
            "level": level,
            "parent_id": parent.pk,
            "sort_order": order,
        }
        return self.upsert(OrgUnit, {"name": row["name"]}, values)

    def _remember_unit(self, unit):
        self.units[unit.name] = unit
        if unit.short_name:
            self.units[unit.short_name] = unit

    def load_venues(self):
        for row in seed.VENUES:
            values = {
                "kind": row["kind"],
                "org_unit_id": self.units[row["unit"]].pk,
                "address": row["address"],
                "opening_hours": row.get("opening_hours", ""),
                "contact_name": row.get("contact_name", ""),
                "contact_phone": row.get("contact_phone", ""),
                "description": row.get("description", ""),
                "image_id": self._image_id(row.get("image")),
            }
            self.venues[row["name"]] = self.upsert(Venue, {"name": row["name"]}, values)

    def load_categories(self):
        for order, row in enumerate(seed.CATEGORIES, start=1):
            values = {"name": row["name"], "sort_order": order}
            category = self.upsert(ClassCategory, {"slug": row["slug"]}, values)
            self.categories[category.name] = category

    def load_honour_titles(self):
        levels = {
            "national": HonourLevel.NATIONAL,
            "provincial": HonourLevel.PROVINCIAL,
            "city": HonourLevel.CITY,
            "district": HonourLevel.DISTRICT,
        }
        for order, row in enumerate(seed.HONOUR_TITLES, start=1):
            values = {
                "level": levels[row["level"]],
                "awarded_by": row.get("awarded_by", ""),
                "description": row.get("description", ""),
                "sort_order": order,
            }
            self.titles[row["name"]] = self.upsert(HonourTitle, {"name": row["name"]}, values)

    def load_honours(self):
        self.load_honour_titles()
        for row in seed.RECIPIENTS:
            values = {
                "kind": row["kind"],
                "org_unit_id": self.units[row["unit"]].pk if row.get("unit") else None,
                "affiliation": row.get("affiliation", ""),
                "photo_id": self._image_id(row.get("photo")),
                "story": rich_text(*row.get("story", [])),
            }
            recipient = self.upsert(HonourRecipient, {"name": row["name"]}, values)
            if self._sync_honours(recipient, row["honours"]) and recipient not in self.touched:
                self.touched.append(recipient)

    def _sync_honours(self, recipient, honours):
        """Make the recipient's honours exactly ``honours``; True if anything changed."""
        existing = {(h.title_id, h.year): h for h in Honour.objects.filter(recipient=recipient)}
        changed = False
        wanted = set()
        for order, (title_name, citation) in enumerate(honours):
            key = (self.titles[title_name].pk, seed.HONOUR_YEAR)
            wanted.add(key)
            honour = existing.get(key)
            if honour is None:
                Honour.objects.create(
                    recipient=recipient, title_id=key[0], year=key[1], citation=citation, sort_order=order
                )
                self.stats.add("honours", "created")
                changed = True
            elif honour.citation != citation or honour.sort_order != order:
                honour.citation, honour.sort_order = citation, order
                honour.save(update_fields=["citation", "sort_order"])
                self.stats.add("honours", "updated")
                changed = True
            else:
                self.stats.add("honours", "unchanged")
        stale = [h.pk for key, h in existing.items() if key not in wanted]
        if stale:
            Honour.objects.filter(pk__in=stale).delete()
            changed = True
        return changed

    # --- pages ------------------------------------------------------------------------------

    def upsert_page(
        self, parent, model, slug, fields, children=None, tags=None, update=True, label=None, count=True
    ):
        """Find the page by slug under ``parent``; create and publish it, or, when something
        differs (or it is not live), update it and publish a new revision."""
        label = label or model_label(model)
        locale = self.locale if parent.is_root() else parent.locale
        page = model.objects.child_of(parent).filter(slug=slug, locale=locale).first()
        if page is None:
            page = model(slug=slug, locale=locale, live=False, **fields)
            self._assign(page, {}, children, tags)
            parent.add_child(instance=page)
            page = publish(page)
            outcome = "created"
        elif update and (not page.live or self._differs(page, fields, children, tags)):
            self._assign(page, fields, children, tags)
            page = publish(page)
            outcome = "updated"
        else:
            outcome = "unchanged"
        if outcome != "unchanged":
            self.touched.append(page)
        if count:
            self.stats.add(label, outcome)
        return page

    @staticmethod
    def _assign(page, fields, children, tags):
        for name, value in fields.items():
            setattr(page, name, value)
        for relation, rows in (children or {}).items():
            related_model = getattr(type(page), relation).rel.related_model
            setattr(page, relation, [related_model(sort_order=i, **row) for i, row in enumerate(rows)])
        if tags is not None:
            page.tags.set(tags)

    @staticmethod
    def _differs(page, fields, children, tags):
        for name, value in fields.items():
            field = page._meta.get_field(name)
            if isinstance(field, StreamField):
                if _normalized_stream(field, getattr(page, name)) != _normalized_stream(field, value):
                    return True
            elif getattr(page, name) != value:
                return True
        for relation, rows in (children or {}).items():
            current = list(getattr(page, relation).all())
            if len(current) != len(rows):
                return True
            for obj, row in zip(current, rows, strict=True):
                if any(getattr(obj, key) != value for key, value in row.items()):
                    return True
        return tags is not None and sorted(tag.name for tag in page.tags.all()) != sorted(tags)

    def _default_locale(self):
        code = settings.LANGUAGE_CODE
        locale = Locale.objects.filter(language_code=code).first()
        return locale or Locale.get_default()

    def home_fields(self):
        return {
            "title": seed.HOME["title"],
            "hero_title": seed.HOME["hero_title"],
            "hero_subtitle": seed.HOME["hero_subtitle"],
            "summary": seed.HOME["summary"],
            "cover_image_id": self._image_id(seed.HOME.get("image")),
            "figures": figures(seed.HOME["figures"]),
        }

    def ensure_home(self):
        """The home page under the root. While Wagtail's welcome page still holds the slug
        ``home``, a new home page gets a temporary slug (see ``remove_welcome_page``)."""
        root = Page.get_first_root_node()
        homes = HomePage.objects.child_of(root).filter(locale=self.locale)
        home = homes.filter(slug="home").first() or homes.first()
        if home is not None:
            return home
        slug_taken = Page.objects.child_of(root).filter(slug="home", locale=self.locale).exists()
        slug = "home-yulan" if slug_taken else "home"
        home = HomePage(slug=slug, locale=self.locale, live=False, **self.home_fields())
        root.add_child(instance=home)
        home = publish(home)
        self.stats.add("home page", "created")
        self.touched.append(home)
        self.home_created = True
        return home

    def ensure_site(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.site = Site.objects.create(
                hostname="127.0.0.1",
                port=8000,
                root_page=self.home,
                is_default_site=True,
                site_name=seed.SITE_NAME,
            )
            self.stats.add("sites", "created")
            return self.site
        changed = False
        # Wagtail's untouched default (localhost:80) becomes the dev server's address, so that
        # "View live" in the admin opens http://127.0.0.1:8000/.
        if (site.hostname, site.port) == ("localhost", 80) and not Site.objects.filter(
            hostname="127.0.0.1", port=8000
        ).exists():
            site.hostname, site.port, changed = "127.0.0.1", 8000, True
        if site.root_page_id != self.home.pk:
            site.root_page, changed = self.home, True
        if site.site_name != seed.SITE_NAME:
            site.site_name, changed = seed.SITE_NAME, True
        if changed:
            site.save()
        self.stats.add("sites", "updated" if changed else "unchanged")
        self.site = site
        return site

    def remove_welcome_page(self):
        root = Page.get_first_root_node()
        welcome = (
            Page.objects.child_of(root)
            .filter(content_type=ContentType.objects.get_for_model(Page), title=WELCOME_TITLE)
            .exclude(pk__in=Site.objects.values("root_page_id"))
        )
        for page in welcome:
            page.delete()
            self.stats.add("welcome page", "deleted")
        if (
            self.home.slug != "home"
            and not Page.objects.child_of(root).filter(slug="home", locale=self.locale).exists()
        ):
            self.home.slug = "home"
            self.home = publish(self.home)

    def load_classes(self):
        parent = self.sections["classes"]
        for row in seed.CLASSES:
            start = align_to_schedule(self.today + datetime.timedelta(days=row["starts"]), row["schedule"])
            end = start + datetime.timedelta(weeks=max(row["weeks"] - 1, 0))
            fields = {
                "title": row["title"],
                "summary": row["summary"],
                "category_id": self.categories[row["category"]].pk,
                "audience": row.get("audience", ""),
                "instructor": row.get("instructor", ""),
                "instructor_bio": row.get("instructor_bio", ""),
                "venue_id": self.venues[row["venue"]].pk if row.get("venue") else None,
                "term": term_for(start),
                "start_date": start,
                "end_date": end,
                "schedule": row["schedule"],
                "cover_image_id": self._image_id(row.get("image")),
                "body": stream(row["body"]),
            }
            self.upsert_page(parent, ClassPage, row["slug"], fields)

    def campaign_rows(self):
        """The campaigns of the seed plus the 2020 table of public-benefit projects."""
        yield from seed.CAMPAIGNS
        images = list(self.images) or [None]
        for index, project in enumerate(seed.PUBLIC_BENEFIT_PROJECTS_2020):
            level = {"provincial": "省级", "city": "市级"}[project["level"]]
            yield {
                **project,
                "kind": "public_benefit",
                "funding_level": project["level"],
                "organizer": project.get("organizer", "常州市"),
                "image": images[index % len(images)],
                "body": [("paragraph", seed.PUBLIC_BENEFIT_BODY.format(level=level))],
            }

    def load_campaigns(self):
        parent = self.sections["campaigns"]
        for row in self.campaign_rows():
            first, last = row["days"]
            fields = {
                "title": row["title"],
                "summary": row["summary"],
                "kind": row["kind"],
                "funding_level": row.get("funding_level", ""),
                "start_date": self.today + datetime.timedelta(days=first),
                "end_date": self.today + datetime.timedelta(days=last) if last is not None else None,
                "organizer_id": self.units[row["organizer"]].pk,
                "cover_image_id": self._image_id(row.get("image")),
                "body": stream(row.get("body", [])),
            }
            children = {
                "actions": [{"name": name, "description": text} for name, text in row.get("actions", [])],
                "indicators": [
                    {
                        "label": label,
                        "value": Decimal(value),
                        "unit": unit,
                        "target": Decimal(target) if target is not None else None,
                    }
                    for label, value, unit, target in row.get("indicators", [])
                ],
            }
            self.upsert_page(parent, CampaignPage, row["slug"], fields, children)

    def load_articles(self):
        parent = self.sections["articles"]
        for row in seed.ARTICLES:
            fields = {
                "title": row["title"],
                "summary": row["summary"],
                "date": self.today + datetime.timedelta(days=row["days"]),
                "author": row.get("author", ""),
                "cover_image_id": self._image_id(row.get("image")),
                "body": stream(row["body"]),
            }
            self.upsert_page(parent, ArticlePage, row["slug"], fields, tags=row.get("tags", []))

    def load_home(self):
        features = []
        for section, slug in seed.HOME["features"]:
            page = Page.objects.child_of(self.sections[section]).filter(slug=slug).first()
            if page is not None:
                features.append({"page_id": page.pk})
        self.home = self.upsert_page(
            self.home.get_parent(),
            HomePage,
            self.home.slug,
            self.home_fields(),
            {"features": features},
            label="home page",
            count=not self.home_created,  # created (and counted) earlier in this run
        )

    def load_site_settings(self):
        settings_obj = SiteSettings.for_site(self.site)
        changed = {k: v for k, v in seed.SITE_SETTINGS.items() if getattr(settings_obj, k) != v}
        for name, value in changed.items():
            setattr(settings_obj, name, value)
        if changed:
            settings_obj.save()
        self.stats.add("site settings", "updated" if changed else "unchanged")

    # --- search -------------------------------------------------------------------------------

    def update_search_index(self):
        """Index what was written. Wagtail indexes on save, but a page or recipient is saved
        before its inline children (honours, sub-actions, tags), so index it again now."""
        from wagtail.search import index

        seen = set()
        for obj in self.touched:
            key = (type(obj), obj.pk)
            if key in seen or not isinstance(obj, index.Indexed):
                continue
            seen.add(key)
            index.insert_or_update_object(obj)


# --------------------------------------------------------------------------------- demo admin


def admin_password_file():
    return Path(settings.VAR_DIR) / ADMIN_PASSWORD_FILE


def read_admin_password(path):
    if not path.exists():
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("password:"):
            return line.split(":", 1)[1].strip() or None
    return None


def write_admin_password(path, password):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = (
        "# Yulan demo admin, written by `manage.py load_demo`. Keep this file private;\n"
        "# it lives in var/, which git ignores. Delete it to get a new password.\n"
        f"login: {ADMIN_USERNAME} ({ADMIN_EMAIL})\n"
        f"password: {password}\n"
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def ensure_admin(stats=None):
    """Create or refresh the demo superuser; return ``(user, password, source)``.

    The password comes from ``DEMO_ADMIN_PASSWORD``, else from ``var/demo-admin.txt``, else it
    is generated and stored there. It is never in the repository.
    """
    from allauth.account.models import EmailAddress

    password = os.environ.get(ADMIN_PASSWORD_ENV)
    source = "env"
    path = admin_password_file()
    if not password:
        password, source = read_admin_password(path), "file"
    if not password:
        password, source = secrets.token_urlsafe(12), "new"
        write_admin_password(path, password)

    user_model = get_user_model()
    user = user_model.objects.filter(username=ADMIN_USERNAME).first()
    outcome = "unchanged"
    if user is None:
        user = user_model(username=ADMIN_USERNAME)
        outcome = "created"
    wanted = {"email": ADMIN_EMAIL, "is_staff": True, "is_superuser": True, "is_active": True}
    if hasattr(user, "display_name"):
        wanted["display_name"] = "演示管理员"
    for name, value in wanted.items():
        if getattr(user, name) != value:
            setattr(user, name, value)
            outcome = outcome if outcome == "created" else "updated"
    if not user.has_usable_password() or not user.check_password(password):
        user.set_password(password)
        outcome = outcome if outcome == "created" else "updated"
    if outcome != "unchanged":
        user.save()

    addresses = EmailAddress.objects.filter(user=user)
    addresses.exclude(email__iexact=ADMIN_EMAIL).filter(primary=True).update(primary=False)
    address = addresses.filter(email__iexact=ADMIN_EMAIL).first()
    if address is None:
        EmailAddress.objects.create(user=user, email=ADMIN_EMAIL, verified=True, primary=True)
    elif not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
    if stats is not None:
        stats.add("admin user", outcome)
    return user, password, source


def ensure_demo_authenticator(user):
    """Give a demo staff or organizer account an authenticator (two-step verification is required
    of them); ``manage.py demo_code`` shows its current code, so no phone app is needed."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())


# --------------------------------------------------------------------------------- logging

# Loggers that report every task run and every page published: one line each is too much here.
NOISY_LOGGERS = ("django_tasks", "wagtail", "modelsearch")


@contextmanager
def quiet_logging(names=NOISY_LOGGERS, level=logging.WARNING):
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(level, logger.getEffectiveLevel()))
    try:
        yield
    finally:
        for logger, old in zip(loggers, levels, strict=True):
            logger.setLevel(old)
