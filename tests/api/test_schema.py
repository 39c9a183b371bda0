"""The committed schema.graphql is what the code serves, and every part of it is described."""

from pathlib import Path

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    print_schema,
)

from cms.schema import schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_committed_schema_is_up_to_date():
    assert SCHEMA_FILE.read_text(encoding="utf-8").rstrip("\n") == print_schema(schema.graphql_schema), (
        "schema.graphql is stale: run `make schema` and commit it"
    )


def own_types():
    return [
        graphql_type
        for name, graphql_type in schema.graphql_schema.type_map.items()
        if not name.startswith("__") and name not in {"String", "Int", "Float", "Boolean", "ID"}
    ]


def test_every_type_field_argument_and_enum_value_has_a_description():
    missing = []
    for graphql_type in own_types():
        if not graphql_type.description:
            missing.append(graphql_type.name)
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for field_name, field in graphql_type.fields.items():
                if not field.description:
                    missing.append(f"{graphql_type.name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not arg.description:
                        missing.append(f"{graphql_type.name}.{field_name}({arg_name})")
    assert missing == []


def test_enums_are_named_in_the_domain_and_described():
    for graphql_type in own_types():
        if isinstance(graphql_type, GraphQLEnumType):
            assert graphql_type.name[0].isupper()
            assert graphql_type.values
