"""A service's refusal (``cms.errors.ServiceError``) as the person sees it in the admin."""

from wagtail.admin import messages


def problems_text(error):
    return " ".join(str(problem.message) for problem in error.problems)


def service_error_message(request, error):
    """Show a ``ServiceError``'s problems as one admin error message."""
    messages.error(request, problems_text(error))


def add_problems(form, error, field_map=None):
    """Put the problems of a ``ServiceError`` on the form: on the field they name when the form
    has it (``field_map`` renames, e.g. ``{"answers.12": "answer_12"}``), else on the form."""
    field_map = field_map or {}
    for problem in error.problems:
        name = problem.field or ""
        head = name.split(".", 1)[0]
        candidates = (field_map.get(name, name), field_map.get(head, head))
        form.add_error(next((c for c in candidates if c in form.fields), None), problem.message)


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")
