"""The admin speaks Chinese: every label and help text of our models, blocks and menus is translated.

The catalogue lives in ``locale/`` (``LOCALE_PATHS``). Its ``.mo`` files are committed, so a machine
without GNU gettext still runs the site in Chinese; these tests check that the committed ``.mo``
says exactly what the ``.po`` says, and that the ``.po`` has no untranslated or fuzzy entry.
"""

import ast
import gettext
import json
import re
import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models
from django.test import override_settings
from django.utils import translation
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page

import home.models
from home.blocks import BodyBlock

CJK = re.compile(r"[\u4e00-\u9fff]")
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
ZH_PO = LOCALE_DIR / "zh_Hans" / "LC_MESSAGES" / "django.po"
APPS = ("home", "accounts", "events", "volunteers")
# Models that editors never see.
INTERNAL_MODELS = {"home.pagepreview"}
# treebeard's bookkeeping columns, which Wagtail neither shows nor translates.
TREE_FIELDS = {"path", "depth", "numchild"}
# What makemessages must skip: other people's tools, build output, tests and the app-level
# catalogues (their strings belong in the project catalogue too).
MAKEMESSAGES_IGNORE = [".venv", "node_modules", "frontend", "var", "tests", "*/locale", "locale", ".git"]


def chinese(text):
    return bool(CJK.search(str(text)))


# --- the .po file -------------------------------------------------------------------------------


def parse_po(path):
    """``[{"msgctxt", "msgid", "msgid_plural", "msgstr": [...], "fuzzy"}]``, header included.

    Enough of the PO format for what makemessages writes; obsolete (``#~``) entries are dropped.
    """
    entries, entry, key = [], None, None
    for raw in Path(path).read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        starts_entry = line.startswith("#") or line.split(" ", 1)[0] in ("msgctxt", "msgid")
        if starts_entry and entry and entry["msgstr"]:
            entries.append(entry)
            entry = None
        entry = entry or {"msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": {}, "fuzzy": False}
        if line.startswith("#,"):
            entry["fuzzy"] = entry["fuzzy"] or "fuzzy" in [flag.strip() for flag in line[2:].split(",")]
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if isinstance(key, tuple):
                entry["msgstr"][key[1]] += ast.literal_eval(line)
            else:
                entry[key] += ast.literal_eval(line)
        else:
            keyword, value = line.split(" ", 1)
            match = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
            if match or keyword == "msgstr":
                key = ("msgstr", int(match.group(1)) if match else 0)
                entry["msgstr"][key[1]] = ast.literal_eval(value)
            else:
                key = keyword
                entry[key] = ast.literal_eval(value)
    if entry and entry["msgstr"]:
        entries.append(entry)
    return entries


def po_messages(path):
    """The entries except the header."""
    return [entry for entry in parse_po(path) if entry["msgid"] or entry["msgctxt"]]


def mo_key(entry, index=0):
    msgid = entry["msgid"] if entry["msgctxt"] is None else f"{entry['msgctxt']}\x04{entry['msgid']}"
    return (msgid, index) if entry["msgid_plural"] is not None else msgid


def test_chinese_catalogue_is_complete():
    entries = parse_po(ZH_PO)
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == "" and not header["fuzzy"], "remove the #, fuzzy flag from the header"
    assert "Language: zh_Hans" in header["msgstr"][0]
    assert len(messages) > 100
    assert [m["msgid"] for m in messages if m["fuzzy"]] == [], "fuzzy entries: check and unflag them"
    untranslated = [m["msgid"] for m in messages if not all(m["msgstr"].values())]
    assert untranslated == [], "untranslated entries"
    english = [m["msgid"] for m in messages if not any(chinese(s) for s in m["msgstr"].values())]
    assert english == [], "entries whose translation has no Chinese"


def test_placeholders_survive_translation():
    placeholder = re.compile(r"%\(\w+\)[sdfir]|%[sdfir]|\{\w*\}")
    for entry in po_messages(ZH_PO):
        for msgstr in entry["msgstr"].values():
            assert sorted(placeholder.findall(msgstr)) == sorted(placeholder.findall(entry["msgid"])), entry


@pytest.mark.parametrize("language", ["zh_Hans", "en"])
def test_compiled_catalogue_matches_po(language):
    """The committed .mo is the compiled .po: compare contents, not timestamps."""
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    with open(po_path.with_suffix(".mo"), "rb") as mo_file:
        catalog = gettext.GNUTranslations(mo_file)._catalog
    expected = {}
    for entry in po_messages(po_path):
        if entry["fuzzy"] or not all(entry["msgstr"].values()):
            continue  # msgfmt leaves these out, and gettext falls back to the msgid
        for index, msgstr in entry["msgstr"].items():
            expected[mo_key(entry, index)] = msgstr
    compiled = {key: value for key, value in catalog.items() if key != ""}
    assert compiled == expected, f"recompile: manage.py compilemessages (for {language})"


def test_english_and_chinese_catalogues_list_the_same_strings():
    english = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
    assert {mo_key(e) for e in po_messages(english)} == {mo_key(e) for e in po_messages(ZH_PO)}


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext")
def test_catalogue_lists_every_string_in_the_source(tmp_path, monkeypatch):
    """makemessages on a copy of the source finds no string that the catalogue lacks, and vice versa."""
    base = Path(settings.BASE_DIR)
    source = tmp_path / "src"
    shutil.copytree(
        base, source, ignore=shutil.ignore_patterns(*MAKEMESSAGES_IGNORE, "__pycache__", ".*_cache")
    )
    monkeypatch.chdir(source)
    with override_settings(LOCALE_PATHS=[source / "locale"]):
        call_command("makemessages", locale=["zh_Hans"], ignore_patterns=MAKEMESSAGES_IGNORE, verbosity=0)
    found = {mo_key(e) for e in po_messages(source / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")}
    listed = {mo_key(e) for e in po_messages(ZH_PO)}
    assert sorted(found - listed) == [], "new strings: run makemessages, translate, compilemessages"
    assert sorted(listed - found) == [], "strings no longer in the source: run makemessages"


# --- models -------------------------------------------------------------------------------------


def project_models():
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.label_lower not in INTERNAL_MODELS:
                yield model


def editable_fields(model):
    for field in model._meta.get_fields():
        if field.auto_created or not field.concrete or not field.editable:
            continue
        if isinstance(field, ParentalKey):
            continue  # the link to the parent in an inline panel: never shown
        if issubclass(model, Page) and field.name in TREE_FIELDS:
            continue
        if issubclass(model, TaggedItemBase) and field.name == "tag":
            continue  # taggit's through model; editors use the page's tags field
        yield field


def model_problems(model):
    meta = model._meta
    problems = []
    for name in ("verbose_name", "verbose_name_plural"):
        if not chinese(getattr(meta, name)):
            problems.append(f"{meta.label}.{name} = {getattr(meta, name)!r}")
    for field in editable_fields(model):
        where = f"{meta.label}.{field.name}"
        if not chinese(field.verbose_name):
            problems.append(f"{where} verbose_name = {field.verbose_name!r}")
        if field.help_text and not chinese(field.help_text):
            problems.append(f"{where} help_text = {field.help_text!r}")
        for value, label in field.flatchoices if field.choices else ():
            if value not in ("", None) and not chinese(label):
                problems.append(f"{where} choice {value!r} = {label!r}")
    return problems


@pytest.mark.parametrize("model", list(project_models()), ids=lambda model: model._meta.label)
def test_model_labels_and_help_texts_are_chinese(model):
    with translation.override("zh-hans"):
        assert model_problems(model) == []


def test_models_are_checked():
    labels = {model._meta.label for model in project_models()}
    assert {"home.Venue", "home.CampaignPage", "home.HonourRecipient", "accounts.User"} <= labels
    assert "home.PagePreview" not in labels


def test_plural_names_are_not_made_by_appending_s():
    with translation.override("zh-hans"):
        made_up = [
            f"{model._meta.label}: {model._meta.verbose_name_plural}"
            for model in project_models()
            if re.search(r"[\u4e00-\u9fff]s$", str(model._meta.verbose_name_plural))
        ]
    assert made_up == []


def test_choices_are_chinese():
    """Every choices enum, including those that no field uses (e.g. a campaign's status)."""
    enums = [
        value
        for value in vars(home.models).values()
        if isinstance(value, type)
        and issubclass(value, models.Choices)
        and value.__module__.startswith("home.")
    ]
    assert len(enums) >= 6
    with translation.override("zh-hans"):
        english = [f"{enum.__name__}.{choice.name}: {choice.label}" for enum in enums for choice in enum]
        assert [text for text in english if not chinese(text.split(": ", 1)[1])] == []


def test_apps_have_chinese_names():
    with translation.override("zh-hans"):
        assert [
            label for label in ("cms", *APPS) if not chinese(apps.get_app_config(label).verbose_name)
        ] == []


# --- StreamField blocks -------------------------------------------------------------------------


def walk_blocks(block, path):
    """Our blocks and their children. Wagtail's own struct blocks (ImageBlock) are leaves."""
    for name, child in getattr(block, "child_blocks", {}).items():
        yield f"{path}.{name}", child
        if type(child).__module__.startswith("home.") or isinstance(child, blocks.StreamBlock):
            yield from walk_blocks(child, f"{path}.{name}")
        elif isinstance(child, blocks.ListBlock):
            yield f"{path}.{name}[]", child.child_block
            yield from walk_blocks(child.child_block, f"{path}.{name}[]")


def stream_blocks():
    yield "BodyBlock", BodyBlock()
    for model in project_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                yield f"{model._meta.label}.{field.name}", field.stream_block


def test_block_labels_and_help_texts_are_chinese():
    problems = []
    with translation.override("zh-hans"):
        for root, stream in stream_blocks():
            for path, block in walk_blocks(stream, root):
                help_text = getattr(block.meta, "help_text", None) or getattr(
                    getattr(block, "field", None), "help_text", None
                )
                if not chinese(block.label):
                    problems.append(f"{path} label = {block.label!r}")
                if help_text and not chinese(help_text):
                    problems.append(f"{path} help_text = {help_text!r}")
    assert problems == []


# --- the admin ----------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "Yulan-2020-pass")
    client.force_login(user)
    return client


def sidebar_labels(html):
    """The admin menu's labels: Wagtail renders the sidebar from JSON (with non-ASCII escaped)."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    text = json.dumps(json.loads(props.group(1)), ensure_ascii=False)
    return re.findall(r'"label": "([^"]*)"', text)


def test_admin_dashboard_is_chinese(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hans"' in html
    assert "<title>控制面板" in html  # Wagtail's own catalogue: "Dashboard"
    labels = sidebar_labels(html)
    assert {"页面", "图片", "设置", "用户"} <= set(labels)  # Wagtail's menu
    # Ours: the snippet group and its items, and the site settings.
    assert {"名录", "妇联组织", "阵地", "课程类别", "荣誉称号", "受表彰对象", "网站设置"} <= set(labels)
    assert not {"Directory", "Venues", "Organization units", "Site settings"} & set(labels)


def test_admin_snippet_listing_and_form_are_chinese(admin_client):
    with translation.override("zh-hans"):
        plural = str(home.models.Venue._meta.verbose_name_plural)
    assert plural == "阵地"
    listing = admin_client.get("/admin/snippets/home/venue/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert f"<title>{plural}" in html
    assert "分课堂点" in html and "妇女微家" in html  # the kind filter's choices
    assert "Class site" not in html

    form = admin_client.get("/admin/snippets/home/venue/add/")
    assert form.status_code == 200
    html = form.content.decode()
    for text in ["名称", "妇联组织", "纬度", "开放时间", "坐标", "联系方式", "选填，用于地图显示"]:
        assert text in html, text
    for text in ["Latitude", "Coordinates", "Opening hours", "Optional, for maps"]:
        assert text not in html, text
