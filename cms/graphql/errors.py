"""Typed mutation errors: ``{field, code, message}`` with a code enum per domain (Saleor's shape).

``error_type("Account", AccountErrorCode)`` builds the ObjectType ``AccountError`` and the enum
``AccountErrorCode``, whose values are ``CommonErrorCode``'s and ``AccountErrorCode``'s names.
Each enum value is described by its code's label. Build each type once, at import time, in the
app's schema module: graphene refuses two types with one name.
"""

import enum

import graphene

from cms.errors import CommonErrorCode


def error_type(name, codes=None):
    """The ``{name}Error`` ObjectType; its Python code enum is ``.codes``.

    ``codes`` is the domain's ``TextChoices``; its names must not repeat a common code.
    """
    labels = {code.name: code.label for code in CommonErrorCode}
    for code in codes or ():
        if code.name in labels:
            raise ValueError(f"{name}: {code.name} is already a common error code")
        labels[code.name] = code.label

    codes_enum = enum.Enum(f"{name}ErrorCode", {code: code for code in labels})
    code_type = graphene.Enum.from_enum(
        codes_enum,
        description=lambda value: labels[value.name] if value else f"The codes of {name}Error.",
    )
    return type(
        f"{name}Error",
        (graphene.ObjectType,),
        {
            "__doc__": "One reason why a mutation was refused; nothing was changed.",
            "codes": codes_enum,
            "field": graphene.String(
                description="The input field concerned, named as in the input; null for the whole input."
            ),
            "code": graphene.Field(code_type, required=True, description="What went wrong, for programs."),
            "message": graphene.String(
                required=True, description="What went wrong, for people, in the request's language."
            ),
        },
    )
