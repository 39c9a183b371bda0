"""Fixtures of the volunteers suites, built from ``tests.volunteers.factories``.

``org`` is the unit tree; ``organizer`` organizes the district (and so the street and the
community below it); ``volunteer`` is an approved adult of the community; ``shift`` belongs to a
published opportunity of the district, tomorrow 09:00-11:00, instant sign-up, at most 5.
"""

import pytest

from tests.volunteers import factories


@pytest.fixture
def org(db):
    return factories.make_org_tree()


@pytest.fixture
def organizer(org):
    return factories.make_organizer(org["district"], name="天宁组织者")


@pytest.fixture
def volunteer(org):
    return factories.make_volunteer(org["community"], name="王小红")


@pytest.fixture
def shift(org):
    return factories.make_shift(org["district"])
