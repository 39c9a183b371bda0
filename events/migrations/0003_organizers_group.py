"""The "Organizers" group: admin access and the event permissions. Which events an organizer
may touch is decided by the unit rule (home.permissions), not by this group."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ORGANIZER_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("events", "add_event"),
    ("events", "change_event"),
    ("events", "delete_event"),
)


def create_group(apps, schema_editor):
    for label in ("wagtailadmin", "events"):
        # Permissions are normally created after migrate; a fresh database has none yet.
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Organizers")
    for app_label, codename in ORGANIZER_PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # After the migrations that grant "choose" permissions to every existing group.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
