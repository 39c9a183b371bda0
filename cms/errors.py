"""The error that services raise when an action cannot be done.

Services (``<app>/services.py``) never return error tuples: they raise ``ServiceError`` with one
or more problems, each a code, a message for the person using the site and optionally the
input field it concerns. Codes are members of a ``TextChoices`` the service module defines, or of
``CommonErrorCode``; the label of each code describes it for developers (the GraphQL schema
shows it), the message is what the person reads, so it goes through ``gettext``.

This module knows nothing about GraphQL: ``cms.graphql.mutations`` turns the error into a
mutation's ``errors`` list, and an admin view or a task can catch it just as well.
"""

from dataclasses import dataclass

from django.db import models


class CommonErrorCode(models.TextChoices):
    """Codes that any mutation may return, on top of its own."""

    UNAUTHENTICATED = "UNAUTHENTICATED", "The viewer must sign in first."
    PERMISSION_DENIED = "PERMISSION_DENIED", "The viewer may not do this."
    NOT_FOUND = "NOT_FOUND", "The object does not exist or the viewer may not see it."
    REQUIRED = "REQUIRED", "A required value is missing."
    INVALID = "INVALID", "A value is malformed, too long or otherwise not acceptable."


@dataclass(frozen=True)
class Problem:
    """One reason why an action was refused."""

    code: models.TextChoices
    message: str
    field: str | None = None


class ServiceError(Exception):
    """An action was refused for the reasons in ``problems``; nothing was changed.

    ``raise ServiceError(code, message, field=None)`` for one problem, or
    ``raise ServiceError.of(problems)`` to report several at once (e.g. every invalid field).
    """

    def __init__(self, code, message, field=None):
        self.problems = [Problem(code, message, field)]
        super().__init__(message)

    @classmethod
    def of(cls, problems):
        problems = list(problems)
        error = cls(problems[0].code, problems[0].message, problems[0].field)
        error.problems = problems
        return error


def fail(code, message, field=None):
    """Refuse the action with one problem: ``raise ServiceError(code, message, field)``."""
    raise ServiceError(code, message, field)
