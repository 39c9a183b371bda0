"""The base class of every mutation: input in, service called, changed object and typed errors out.

A concrete mutation declares

- ``class Input``: the fields of its ``{Name}Input`` type, passed as the ``input`` argument;
- its payload fields (the changed object) as class attributes, next to the ``errors`` list the
  base adds; the payload type is named ``{Name}Payload``;
- ``Meta.error_type``: a type from ``cms.graphql.errors.error_type``;
- ``perform(cls, info, **input)``: calls one service and returns the payload fields as a dict;
- optionally ``Meta.rate_limit``: an action of ``settings.MUTATION_RATE_LIMITS`` (cms.ratelimit),
  counted before ``perform``; its error type must then have ``RATE_LIMITED``;
- ``Meta.organizer = True`` for a mutation only organizers may run: staff and organizers whose
  session has not passed two-step verification get ``MFA_REQUIRED`` (cms.accounts.mfa), which its
  error type must then have.

The base refuses anonymous viewers with ``UNAUTHENTICATED`` unless ``Meta.login_required =
False``, and turns a ``ServiceError`` or a Django ``ValidationError`` raised by ``perform`` into the
payload's ``errors``: expected refusals are data, never GraphQL errors. Field names are reported
camelCased, as the client sent them.

Services own their transactions (a durable one cannot nest inside ours), so the base opens none
unless ``Meta.atomic = True``, for a ``perform`` that writes without a transactional service.
"""

from contextlib import nullcontext

import graphene
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext
from graphene.types.mutation import MutationOptions
from graphene.utils.props import props
from graphene.utils.str_converters import to_camel_case

from cms import ratelimit
from cms.accounts import mfa
from cms.accounts.mfa import MFAErrorCode
from cms.errors import CommonErrorCode, Problem, ServiceError

# Django's validation error codes that mean "missing"; every other code becomes INVALID.
_MISSING = {"required", "blank", "null"}


class ServiceMutationOptions(MutationOptions):
    error_type = None
    login_required = True
    atomic = False
    rate_limit = None
    organizer = False


class ServiceMutation(graphene.Mutation):
    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(
        cls,
        error_type=None,
        login_required=True,
        atomic=False,
        rate_limit=None,
        organizer=False,
        name=None,
        _meta=None,
        **options,
    ):
        if error_type is None:
            raise TypeError(f"{cls.__name__}.Meta needs an error_type")
        if rate_limit and "RATE_LIMITED" not in error_type.codes.__members__:
            raise TypeError(f"{cls.__name__} is rate-limited: its error type needs RATE_LIMITED")
        if organizer and "MFA_REQUIRED" not in error_type.codes.__members__:
            raise TypeError(f"{cls.__name__} is for organizers: its error type needs MFA_REQUIRED")
        _meta = _meta or ServiceMutationOptions(cls)
        _meta.error_type = error_type
        _meta.login_required = login_required
        _meta.atomic = atomic
        _meta.rate_limit = rate_limit
        _meta.organizer = organizer

        arguments = {}
        input_class = getattr(cls, "Input", None)
        if input_class is not None:
            input_type = type(
                f"{cls.__name__}Input",
                (graphene.InputObjectType,),
                {"__doc__": input_class.__doc__ or f"What {cls.__name__} needs.", **props(input_class)},
            )
            arguments["input"] = input_type(required=True, description=f"What {cls.__name__} needs.")
        cls.errors = graphene.List(
            graphene.NonNull(error_type),
            required=True,
            description="Why the mutation was refused; empty when it was done.",
        )
        super().__init_subclass_with_meta__(
            name=name or f"{cls.__name__}Payload", arguments=arguments, _meta=_meta, **options
        )

    @classmethod
    def perform(cls, info, **input):
        """Call the service; return the payload's fields. Raise ``ServiceError`` to refuse."""
        raise NotImplementedError

    @classmethod
    def mutate(cls, root, info, input=None):
        if cls._meta.login_required and not info.context.user.is_authenticated:
            return cls.refuse([Problem(CommonErrorCode.UNAUTHENTICATED, gettext("Please sign in first."))])
        if cls._meta.organizer and mfa.missing(info.context):
            return cls.refuse([Problem(MFAErrorCode.MFA_REQUIRED, mfa.REQUIRED_MESSAGE)])
        try:
            if cls._meta.rate_limit:
                ratelimit.check(info.context, cls._meta.rate_limit)
            with transaction.atomic() if cls._meta.atomic else nullcontext():
                payload = cls.perform(info, **(input or {}))
        except ServiceError as error:
            return cls.refuse(error.problems)
        except ValidationError as error:
            return cls.refuse(_validation_problems(error))
        return cls(errors=[], **payload)

    @classmethod
    def refuse(cls, problems):
        """The payload listing ``problems``, whose codes must be among the mutation's codes."""
        codes = cls._meta.error_type.codes.__members__
        errors = []
        for problem in problems:
            if problem.code.name not in codes:
                raise ValueError(f"{cls.__name__} has no error code {problem.code.name}")
            field = to_camel_case(problem.field) if problem.field else None
            errors.append({"field": field, "code": problem.code.name, "message": str(problem.message)})
        return cls(errors=errors)


def _validation_problems(error):
    by_field = getattr(error, "error_dict", None) or {NON_FIELD_ERRORS: error.error_list}
    for field, errors in by_field.items():
        for each in errors:
            message = each.message % each.params if each.params else each.message
            code = CommonErrorCode.REQUIRED if each.code in _MISSING else CommonErrorCode.INVALID
            yield Problem(code, message, None if field == NON_FIELD_ERRORS else field)
