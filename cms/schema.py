"""The root GraphQL schema: it composes the apps' queries and mutations."""

import graphene

from cms.accounts.schema import AccountMutation, AccountQuery
from events.graphql.mutations import EventMutation
from events.graphql.queries import EventQuery
from events.graphql.types import schema_types as event_schema_types
from home.graphql.queries import ContentQuery
from home.graphql.types import schema_types
from volunteers.graphql.mutations import VolunteerMutation
from volunteers.graphql.queries import VolunteerQuery
from volunteers.graphql.statistics import VolunteerStatisticsQuery
from volunteers.graphql.types import schema_types as volunteer_schema_types


class Query(
    ContentQuery, EventQuery, VolunteerQuery, VolunteerStatisticsQuery, AccountQuery, graphene.ObjectType
):
    """Everything the frontend can read."""


class Mutation(AccountMutation, EventMutation, VolunteerMutation, graphene.ObjectType):
    """Everything the frontend can change. Mutations are accepted by POST only."""


schema = graphene.Schema(
    query=Query, mutation=Mutation, types=[*schema_types(), *event_schema_types(), *volunteer_schema_types()]
)
