"""The personal-data matrix: every field of the schema named like personal data (phone, email,
ID number, birth, address, guardian, emergency contact, companions) is either public by nature,
the signed-in person's own, or covered by a privacy suite that checks it viewer by viewer.

A new type or field with such a name fails ``test_every_personal_field_is_in_the_matrix`` until
someone decides who may see it and proves it in a privacy suite.
"""

import re

import pytest
from graphql import GraphQLObjectType, get_named_type

from cms.schema import schema
from tests.events import test_api_privacy as event_privacy
from tests.volunteers import test_api_privacy as volunteer_privacy

PERSONAL_NAME = re.compile(r"phone|email|idnumber|birth|address|guardian|emergency|companion", re.I)

# Contact details an organization publishes on purpose.
PUBLIC = {
    "EventContact.phone": "the event's public contact line, entered by its organizers",
    "SiteSettings.address": "the federation's office address",
    "SiteSettings.email": "the federation's public contact address",
    "Venue.address": "a public venue's street address",
    "Venue.contactPhone": "a public venue's desk phone",
}

# Named like personal data, but about something else.
NOT_PERSONAL = {"Event.askCompanions": "whether the registration form asks for companions"}

# The signed-in person's own account: the type is reachable from these fields only, which answer
# for the viewer themself (tests/accounts: anonymous gets null, a person gets their own).
OWN_ACCOUNT = {"User.email", "User.emailVerified", "User.phone", "User.phoneVerified"}
OWN_ACCOUNT_WAYS = {"Query.me", "UpdateProfilePayload.user"}

# The privacy suites, each checking its fields as these six viewers at least (their own names).
SIX_VIEWERS = {
    "anonymous",
    "another user",
    "owner",
    "organizer of another unit",
    "organizer of the unit",
    "superuser",
}
SUITES = {
    event_privacy: {
        "fields": event_privacy.COVERED,
        "viewers": {"another user": "another user", "owner": "owner"},
    },
    volunteer_privacy: {
        "fields": volunteer_privacy.COVERED,
        "viewers": {"another user": "another volunteer", "owner": "the volunteer"},
    },
}


def schema_fields():
    """``{"Type.field": field}`` of every object type of the schema, introspection aside."""
    return {
        f"{name}.{field_name}": field
        for name, type_ in schema.graphql_schema.type_map.items()
        if isinstance(type_, GraphQLObjectType) and not name.startswith("__")
        for field_name, field in type_.fields.items()
    }


def covered():
    return {field for suite in SUITES.values() for field in suite["fields"]}


def test_every_personal_field_is_in_the_matrix():
    personal = {key for key in schema_fields() if PERSONAL_NAME.search(key.split(".")[1])}
    assert len(personal) >= 15
    assert sorted(personal - PUBLIC.keys() - NOT_PERSONAL.keys() - OWN_ACCOUNT - covered()) == []


def test_the_matrix_names_only_fields_that_exist():
    matrix = PUBLIC.keys() | NOT_PERSONAL.keys() | OWN_ACCOUNT | covered() | OWN_ACCOUNT_WAYS
    stale = matrix - schema_fields().keys()
    assert sorted(stale) == []


def test_no_field_is_both_public_and_private():
    assert PUBLIC.keys() & (covered() | OWN_ACCOUNT) == set()


def test_the_account_type_is_reached_only_as_ones_own():
    ways = {key for key, field in schema_fields().items() if get_named_type(field.type).name == "User"}
    assert ways == OWN_ACCOUNT_WAYS


@pytest.mark.parametrize("suite", list(SUITES), ids=lambda module: module.__name__)
def test_each_privacy_suite_checks_the_six_viewers(suite):
    names = {SUITES[suite]["viewers"].get(role, role) for role in SIX_VIEWERS}
    assert names <= set(suite.VIEWERS)
    # whoever the suite says may see the data: the owner, the unit's organizers, superusers
    allowed = {role for role in SIX_VIEWERS if suite.VIEWERS[SUITES[suite]["viewers"].get(role, role)]}
    assert allowed == {"owner", "organizer of the unit", "superuser"}
