import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from home.demo.loader import read_admin_password
from tests.home import factories


@pytest.fixture
def site(db):
    home, sections = factories.make_site()
    return {"home": home, **sections}


@pytest.fixture
def org(db):
    return factories.make_org_tree()


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for the whole class, in a transaction rolled back afterwards."""
    folder = tmp_path_factory.mktemp("demo")
    paths = override_settings(MEDIA_ROOT=str(folder / "media"), VAR_DIR=folder / "var")
    with django_db_blocker.unblock(), paths, transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield {"password": read_admin_password(folder / "var" / "demo-admin.txt")}
        transaction.set_rollback(True)
