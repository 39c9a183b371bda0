"""The shared mutation base and error types, on a schema of their own."""

import graphene
import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connection, models
from django.test import RequestFactory
from django.utils import translation

from cms.errors import CommonErrorCode, Problem, ServiceError
from cms.graphql.errors import error_type
from cms.graphql.mutations import ServiceMutation

# How deeply nested in transactions each perform() ran.
seen_depths = []


class WidgetErrorCode(models.TextChoices):
    SOLD_OUT = "SOLD_OUT", "No widget is left."


class OtherErrorCode(models.TextChoices):
    ELSEWHERE = "ELSEWHERE", "A code of another domain."


WidgetError = error_type("Widget", WidgetErrorCode)


class MakeWidget(ServiceMutation):
    """Make a widget."""

    class Input:
        group_name = graphene.String(required=True)
        refuse_with = graphene.String()

    name = graphene.String()

    class Meta:
        error_type = WidgetError
        login_required = False

    @classmethod
    def perform(cls, info, group_name, refuse_with=None):
        seen_depths.append(len(connection.atomic_blocks))
        Group.objects.create(name=group_name)
        if refuse_with == "many":
            raise ServiceError.of(
                [
                    Problem(WidgetErrorCode.SOLD_OUT, "None left.", field="group_name"),
                    Problem(CommonErrorCode.NOT_FOUND, "No such shop."),
                ]
            )
        if refuse_with == "validation":
            raise ValidationError(
                {
                    "group_name": [ValidationError("Too long: %(n)s.", code="max_length", params={"n": 9})],
                    "colour": [ValidationError("This field cannot be blank.", code="blank")],
                    NON_FIELD_ERRORS: [ValidationError("Inconsistent.", code="inconsistent")],
                }
            )
        if refuse_with == "foreign":
            raise ServiceError(OtherErrorCode.ELSEWHERE, "Wrong domain.")
        return {"name": group_name}


class MakeWidgetAtomically(ServiceMutation):
    class Input:
        group_name = graphene.String(required=True)

    name = graphene.String()

    class Meta:
        error_type = WidgetError
        atomic = True

    @classmethod
    def perform(cls, info, group_name):
        seen_depths.append(len(connection.atomic_blocks))
        Group.objects.create(name=group_name)
        raise ServiceError(WidgetErrorCode.SOLD_OUT, "None left.")


class Mutation(graphene.ObjectType):
    make_widget = MakeWidget.Field()
    make_widget_atomically = MakeWidgetAtomically.Field()


schema = graphene.Schema(
    query=type("Query", (graphene.ObjectType,), {"ok": graphene.Boolean()}), mutation=Mutation
)

MAKE = """mutation ($input: MakeWidgetInput!) {
  makeWidget(input: $input) { name errors { field code message } }
}"""


def run(query, variables, user=None):
    request = RequestFactory().post("/graphql/")
    request.user = user or AnonymousUser()
    return schema.execute(query, variables=variables, context_value=request)


@pytest.mark.django_db
def test_success_returns_payload_and_no_errors_and_opens_no_transaction():
    """Services own their transactions: a durable one would fail inside ours."""
    seen_depths.clear()
    result = run(MAKE, {"input": {"groupName": "w"}})
    assert result.errors is None
    assert result.data == {"makeWidget": {"name": "w", "errors": []}}
    assert Group.objects.filter(name="w").exists()
    assert seen_depths == [len(connection.atomic_blocks)]


@pytest.mark.django_db
def test_service_error_with_several_problems_becomes_camelcased_errors():
    result = run(MAKE, {"input": {"groupName": "w", "refuseWith": "many"}})
    assert result.data["makeWidget"] == {
        "name": None,
        "errors": [
            {"field": "groupName", "code": "SOLD_OUT", "message": "None left."},
            {"field": None, "code": "NOT_FOUND", "message": "No such shop."},
        ],
    }


@pytest.mark.django_db
def test_validation_error_becomes_required_or_invalid_errors():
    result = run(MAKE, {"input": {"groupName": "w", "refuseWith": "validation"}})
    assert result.data["makeWidget"]["errors"] == [
        {"field": "groupName", "code": "INVALID", "message": "Too long: 9."},
        {"field": "colour", "code": "REQUIRED", "message": "This field cannot be blank."},
        {"field": None, "code": "INVALID", "message": "Inconsistent."},
    ]


@pytest.mark.django_db
def test_a_code_outside_the_mutations_enum_is_a_bug_not_data():
    result = run(MAKE, {"input": {"groupName": "w", "refuseWith": "foreign"}})
    assert "MakeWidget has no error code ELSEWHERE" in str(result.errors[0])


@pytest.mark.django_db
def test_login_required_by_default_answers_unauthenticated_in_the_request_language():
    query = (
        'mutation { makeWidgetAtomically(input: {groupName: "w"}) { name errors { field code message } } }'
    )
    with translation.override("en"):
        result = run(query, None)
    assert result.data["makeWidgetAtomically"] == {
        "name": None,
        "errors": [{"field": None, "code": "UNAUTHENTICATED", "message": "Please sign in first."}],
    }
    with translation.override("zh-hans"):
        result = run(query, None)
    assert result.data["makeWidgetAtomically"]["errors"][0]["message"] == "请先登录。"
    assert not Group.objects.filter(name="w").exists()


@pytest.mark.django_db
def test_atomic_mutation_rolls_back_what_perform_wrote_before_refusing(django_user_model):
    user = django_user_model.objects.create_user("u", "u@example.com", "x")
    query = 'mutation { makeWidgetAtomically(input: {groupName: "w"}) { errors { code } } }'
    seen_depths.clear()
    result = run(query, None, user=user)
    assert result.data["makeWidgetAtomically"]["errors"] == [{"code": "SOLD_OUT"}]
    assert seen_depths == [len(connection.atomic_blocks) + 1]
    assert not Group.objects.filter(name="w").exists()


def test_error_type_merges_common_and_own_codes_with_descriptions():
    printed = str(schema)
    assert "type MakeWidgetPayload {" in printed
    assert '"""What MakeWidget needs."""\n    input: MakeWidgetInput!\n  ): MakeWidgetPayload' in printed
    assert "errors: [WidgetError!]!" in printed
    assert "code: WidgetErrorCode!" in printed
    codes = printed.split("enum WidgetErrorCode {")[1].split("}")[0]
    for code in [*CommonErrorCode.names, "SOLD_OUT"]:
        assert code in codes
    assert '"""No widget is left."""' in codes


def test_error_type_refuses_a_code_that_shadows_a_common_one():
    class Clashing(models.TextChoices):
        NOT_FOUND = "NOT_FOUND", "Mine."

    with pytest.raises(ValueError, match="NOT_FOUND is already a common error code"):
        error_type("Clashing", Clashing)


def test_a_mutation_without_error_type_is_refused_at_import():
    with pytest.raises(TypeError, match="needs an error_type"):

        class Careless(ServiceMutation):
            ok = graphene.Boolean()
