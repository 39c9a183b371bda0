"""Content locales: Chinese (the default, zh-hans) and English, so that editors can translate
pages with wagtail.contrib.simple_translation. Reversing is a no-op: the locales may already
hold translated pages, and removing them would delete content."""

from django.db import migrations

LANGUAGE_CODES = ["zh-hans", "en"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
