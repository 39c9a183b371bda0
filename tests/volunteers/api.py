"""Helpers of the volunteers API suites: run a mutation, check a refusal, switch viewers."""

import datetime
from decimal import Decimal

from django.utils import timezone

from tests.events.test_api_mutations import mutate as event_mutate
from tests.events.test_api_mutations import refused
from volunteers.models import RecordSource, ServiceRecord

__all__ = ["done", "make_record", "mutate", "refused", "view_as"]


def mutate(gql, name, input=None, fields=""):
    """Run mutation ``name`` with ``input`` (a mutation without input when None); its payload."""
    if input is not None:
        return event_mutate(gql, name, input, fields)
    return gql(f"mutation {{ {name} {{ {fields} errors {{ field code message }} }} }}")[name]


def done(payload, key):
    """The payload of a mutation that was done: no errors; its object."""
    assert payload["errors"] == [], payload["errors"]
    assert payload[key] is not None
    return payload[key]


def view_as(gql, user):
    gql.logout()
    if user is not None:
        gql.login(user)


def make_record(volunteer, *, hours="2.00", status="approved", unit=None, date=None, name="亲子阅读会"):
    """A service record written directly (manual source), approved by default."""
    return ServiceRecord.objects.create(
        volunteer=volunteer,
        activity_name=name,
        service_date=date or timezone.localdate() - datetime.timedelta(days=1),
        place="天宁区妇女儿童活动中心",
        hours=Decimal(hours),
        responsible_person="天宁组织者",
        organization=unit or volunteer.org_unit,
        source=RecordSource.MANUAL,
        status=status,
    )
