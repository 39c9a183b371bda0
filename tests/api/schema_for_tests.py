"""A tiny schema for the endpoint and limit tests, independent of the real one.

``Node`` refers to itself (for depth), has a paginated list (for cost and page sizes), and
every resolver records its call in ``CALLS``, so that a test can prove a refused request was
never executed.
"""

import graphene

from cms.graphql.pagination import page_arguments

CALLS = []


class Node(graphene.ObjectType):
    name = graphene.String()
    child = graphene.Field(lambda: Node)
    children = graphene.List(graphene.NonNull(lambda: Node), **page_arguments())

    def resolve_name(self, info):
        CALLS.append("Node.name")
        return "node"

    def resolve_child(self, info):
        CALLS.append("Node.child")
        return Node()

    def resolve_children(self, info, limit, offset):
        CALLS.append(f"Node.children({limit},{offset})")
        return [Node() for _ in range(min(limit, 3))]


class Query(graphene.ObjectType):
    hello = graphene.String(name=graphene.String(default_value="world"))
    node = graphene.Field(Node)
    nodes = graphene.List(graphene.NonNull(Node), **page_arguments())
    viewer = graphene.String(description="The username of the logged-in user, or null.")
    boom = graphene.String(description="Always fails with an unexpected exception.")
    refused = graphene.String(description="Always fails with a GraphQLError.")
    required_boom = graphene.String(required=True, description="Non-null and failing: data is null.")

    def resolve_hello(self, info, name):
        CALLS.append("hello")
        return f"hello {name}"

    def resolve_node(self, info):
        CALLS.append("node")
        return Node()

    def resolve_nodes(self, info, limit, offset):
        CALLS.append(f"nodes({limit},{offset})")
        return [Node() for _ in range(min(limit, 3))]

    def resolve_viewer(self, info):
        CALLS.append("viewer")
        user = info.context.user
        return user.get_username() if user.is_authenticated else None

    def resolve_boom(self, info):
        CALLS.append("boom")
        raise RuntimeError("SECRET-DSN postgres://admin:hunter2@db/yulan")

    def resolve_required_boom(self, info):
        CALLS.append("requiredBoom")
        raise ValueError("SECRET-TOKEN abc123")

    def resolve_refused(self, info):
        from graphql import GraphQLError

        CALLS.append("refused")
        raise GraphQLError("Deliberately refused.", extensions={"code": "REFUSED"})


class Mutation(graphene.ObjectType):
    touch = graphene.String(description="Records that it ran.")

    def resolve_touch(self, info):
        CALLS.append("touch")
        return "touched"


schema = graphene.Schema(query=Query, mutation=Mutation)
