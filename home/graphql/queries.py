import graphene


class ContentQuery(graphene.ObjectType):
    pass
