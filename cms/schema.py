"""The root GraphQL schema: it composes the apps' queries and mutations."""

import graphene

from cms.accounts.schema import AccountMutation, AccountQuery
from events.graphql.mutations import EventMutation
from events.graphql.queries import EventQuery
from events.graphql.types import schema_types as event_schema_types
from home.graphql.queries import ContentQuery
from home.graphql.types import schema_types


class Query(ContentQuery, EventQuery, AccountQuery, graphene.ObjectType):
    """Everything the frontend can read."""


class Mutation(AccountMutation, EventMutation, graphene.ObjectType):
    """Everything the frontend can change. Mutations are accepted by POST only."""


schema = graphene.Schema(query=Query, mutation=Mutation, types=[*schema_types(), *event_schema_types()])
