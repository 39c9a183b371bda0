"""Mounts the GraphQL view at the real path, /graphql/, with the test schema."""

from django.urls import path

from cms.graphql.view import GraphQLHTTPView
from tests.api.schema_for_tests import schema

urlpatterns = [path("graphql/", GraphQLHTTPView.as_view(schema=schema), name="graphql")]
