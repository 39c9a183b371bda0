"""The root GraphQL schema: it composes the apps' queries and mutations."""

import graphene

from cms.accounts.schema import AccountMutation, AccountQuery
from home.graphql.queries import ContentQuery
from home.graphql.types import schema_types


class Query(ContentQuery, AccountQuery, graphene.ObjectType):
    """Everything the frontend can read."""


class Mutation(AccountMutation, graphene.ObjectType):
    """Everything the frontend can change. Mutations are accepted by POST only."""


schema = graphene.Schema(query=Query, mutation=Mutation, types=schema_types())
