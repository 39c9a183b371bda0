"""Fixtures of the events suites, built from ``tests.events.factories``.

``org`` is the unit tree (city > district > street > community, and another district); the
``event`` belongs to the district, at a venue of the district, and ``organizer`` organizes the
district. ``user`` is an ordinary account with a display name.
"""

import pytest

from tests.events import factories


@pytest.fixture
def org(db):
    return factories.make_org_tree()


@pytest.fixture
def venue(org):
    return factories.make_venue(org["district"], name="天宁区妇女微家")


@pytest.fixture
def organizer(org):
    return factories.make_organizer(org["district"], name="天宁组织者")


@pytest.fixture
def event(org, venue):
    return factories.make_event(org["district"], venue=venue, title="茶艺班（秋季）", max_party_size=3)


@pytest.fixture
def user(db):
    return factories.make_user("小兰")
