import graphene


class AccountQuery(graphene.ObjectType):
    pass


class AccountMutation(graphene.ObjectType):
    pass
