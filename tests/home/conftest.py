import pytest

from tests.home import factories


@pytest.fixture
def site(db):
    home, sections = factories.make_site()
    return {"home": home, **sections}


@pytest.fixture
def org(db):
    return factories.make_org_tree()
