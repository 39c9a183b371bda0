"""The GraphQL endpoint, following the GraphQL-over-HTTP specification (its MUST and SHOULD items).

One request goes: read the parameters -> negotiate the response type -> parse the document ->
pick the operation -> validate (the spec's rules plus cms.graphql.limits; the app's own documents
are parsed and checked once per process, only their cost is weighed each time) -> coerce the
variables -> execute (an anonymous query may be answered by cms.graphql.public_cache) ->
respond. Whatever the input, the answer is a JSON GraphQL response, never Django's 500 page.

Why our own view rather than graphene-django's ``GraphQLView``: that view replaces the spec's
validation rules when given extra ones, accepts form-encoded and batched POSTs, answers
``application/json`` only, and uses 400 and 200 where the spec wants otherwise. This one keeps
the spec's rules, takes JSON only, speaks ``application/graphql-response+json``, and masks
unexpected exceptions.

Status codes (spec, "Status Codes"): a request that is not a well-formed GraphQL-over-HTTP
request (bad JSON, no ``query``...) gets a 4xx whatever the media type. A well-formed request
that is refused before execution (parse, validation, operation or variable errors: a response
without ``data``) gets 400 with ``application/graphql-response+json`` and 200 with
``application/json``, because legacy clients cannot trust a non-200 ``application/json`` body.
Once execution started the answer is 200, with ``data`` (possibly null) and any field errors.

The view is not ``csrf_exempt``: the session cookie authenticates, so Django's CSRF middleware
must check every POST; browsers send ``X-CSRFToken`` (read from the cookie, which a GET of this
URL sets when the browser has none). Only ``application/json`` bodies are taken: form and
multipart bodies are what a cross-site ``<form>`` can send, so they are refused with 415 and never
executed.
"""

import json
import logging
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.decorators import decorator_from_middleware, method_decorator
from django.utils.http import parse_header_parameters
from django.views import View
from graphene_django.settings import graphene_settings
from graphene_django.views import GraphQLView as GrapheneView
from graphql import GraphQLError, OperationType, execute, get_operation_ast, parse, validate
from graphql.execution.values import get_variable_values
from graphql.language import OperationDefinitionNode
from graphql.pyutils import is_awaitable

from cms.graphql import public_cache, trusted
from cms.graphql.limits import MAX_DOCUMENT_LENGTH, document_rules, document_rules_key, weigh

logger = logging.getLogger("cms.graphql")

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
HTML = "text/html"

# extensions.code of every error this view produces (the limits have their own in limits.py).
BAD_REQUEST = "BAD_REQUEST"
BATCHING_NOT_SUPPORTED = "BATCHING_NOT_SUPPORTED"
METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
NOT_ACCEPTABLE = "NOT_ACCEPTABLE"
UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"
REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"
DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE"
PERSISTED_DOCUMENT_NOT_FOUND = "PERSISTED_DOCUMENT_NOT_FOUND"
PERSISTED_DOCUMENT_REQUIRED = "PERSISTED_DOCUMENT_REQUIRED"
GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE"
OPERATION_NOT_SUPPORTED = "OPERATION_NOT_SUPPORTED"
BAD_USER_INPUT = "BAD_USER_INPUT"
INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"

# graphene-django's GraphiQL template needs these (CDN versions and SRI hashes); reuse its values.
_GRAPHIQL_ASSETS = [
    "whatwg_fetch_version", "whatwg_fetch_sri", "react_version", "react_sri", "react_dom_sri",
    "graphiql_version", "graphiql_sri", "graphiql_css_sri", "subscriptions_transport_ws_version",
    "subscriptions_transport_ws_sri", "graphiql_plugin_explorer_version",
    "graphiql_plugin_explorer_sri", "graphiql_plugin_explorer_css_sri",
]  # fmt: skip


class RequestError(Exception):
    """A request refused before execution: an HTTP status and one GraphQL error."""

    def __init__(self, status, code, message, headers=None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


def negotiate(accept, offers):
    """The media type of ``offers`` the ``Accept`` header prefers, or None if none is acceptable.

    RFC 9110: each offer takes the q-value of the most specific range that matches it, and
    q=0 means "not acceptable". Ties go to the range the client listed first, then to the
    order of ``offers`` (so ``*/*`` gets ``application/graphql-response+json``). A missing
    header counts as ``Accept: application/graphql-response+json``: the spec's rule since its
    2025-01-01 watershed. A JSON range with a charset other than UTF-8 does not match.
    """
    if not accept or not accept.strip():
        return GRAPHQL_RESPONSE if GRAPHQL_RESPONSE in offers else None
    ranges = []
    for position, item in enumerate(accept.split(",")):
        media_range, params = parse_header_parameters(item)
        try:
            quality = float(params.get("q", 1))
        except ValueError:
            quality = 0.0
        quality = quality if 0 <= quality <= 1 else 0.0  # out of range or NaN: ignore the range
        ranges.append((media_range.lower(), params.get("charset", "utf-8").lower(), quality, position))
    best, best_key = None, None
    for preference, offer in enumerate(offers):
        main = offer.split("/")[0]
        matches = [
            (specificity, quality, position)
            for media_range, charset, quality, position in ranges
            for specificity, pattern in ((2, offer), (1, f"{main}/*"), (0, "*/*"))
            if media_range == pattern and (offer == HTML or charset in ("utf-8", "utf8", "*"))
        ]
        if not matches:
            continue
        _specificity, quality, position = max(matches, key=lambda match: (match[0], -match[2]))
        key = (quality, -position, -preference)
        if quality > 0 and (best_key is None or key > best_key):
            best, best_key = offer, key
    return best


class _CsrfCookieWhenMissing(CsrfViewMiddleware):
    """Django's ``ensure_csrf_cookie``, but only for a browser without the cookie: that one
    re-sends the cookie with every answer, and a ``Set-Cookie`` on every public read costs time
    and keeps shared caches from storing it."""

    def process_view(self, request, callback, callback_args, callback_kwargs):
        # No check here: the global middleware made it. Only the cookie is this one's business.
        if "CSRF_COOKIE" not in request.META:
            get_token(request)


@method_decorator(decorator_from_middleware(_CsrfCookieWhenMissing), name="dispatch")
class GraphQLHTTPView(View):
    """The GraphQL endpoint. ``GraphQLHTTPView.as_view(schema=...)`` serves another schema."""

    schema = None  # a graphene.Schema; None means settings.GRAPHENE["SCHEMA"] (cms.schema.schema)

    def dispatch(self, request, *args, **kwargs):
        offers = [GRAPHQL_RESPONSE, JSON]
        if request.method == "GET" and settings.GRAPHIQL:
            offers.append(HTML)
        media_type = negotiate(request.headers.get("Accept"), offers)
        try:
            if request.method not in ("GET", "POST"):
                raise RequestError(405, METHOD_NOT_ALLOWED, "Use GET or POST.", {"Allow": "GET, POST"})
            if media_type == HTML:
                return self.graphiql(request)
            if media_type is None:
                raise RequestError(
                    406, NOT_ACCEPTABLE, f"Accept {GRAPHQL_RESPONSE} or {JSON} to receive a response."
                )
            payload, status = self.answer(request, media_type)
        except RequestError as error:
            payload = {"errors": [{"message": error.message, "extensions": {"code": error.code}}]}
            return self.respond(payload, media_type, error.status, error.headers)
        except Exception:
            # A bug (an invalid schema, a failing validation rule...), not the client's fault.
            logger.exception("GraphQL request failed")
            return self.respond({"errors": [_internal_error()]}, media_type, 500)
        return self.respond(payload, media_type, status)

    def parameters(self, request):
        """``(query, variables, operation_name)`` from the query string (GET) or JSON body (POST);
        a ``documentId`` stands for its trusted document (cms.graphql.trusted)."""
        if request.method == "GET":
            params = {key: request.GET.get(key) for key in ("query", "documentId", "operationName")}
            for key in ("variables", "extensions"):
                if request.GET.get(key):
                    params[key] = _json(request.GET[key], f"The {key} parameter is not valid JSON.")
            params["operationName"] = params["operationName"] or None  # "" means none (spec)
        else:
            params = self.json_body(request)
        query = self.document(request, params.get("query"), params.get("documentId"))
        variables = params.get("variables")
        operation_name, extensions = params.get("operationName"), params.get("extensions")
        if variables is not None and not isinstance(variables, dict):
            raise RequestError(400, BAD_REQUEST, "variables must be a JSON object.")
        if operation_name is not None and not isinstance(operation_name, str):
            raise RequestError(400, BAD_REQUEST, "operationName must be a string.")
        if extensions is not None and not isinstance(extensions, dict):
            raise RequestError(400, BAD_REQUEST, "extensions must be a JSON object.")
        return query, variables or {}, operation_name

    def document(self, request, query, document_id):
        """The document to run: a trusted one by id, or ``query`` if this sender may send it."""
        if document_id is not None:
            if query is not None:
                raise RequestError(400, BAD_REQUEST, "Send a query or a documentId, not both.")
            if not isinstance(document_id, str):
                raise RequestError(400, BAD_REQUEST, "documentId must be a string.")
            query = trusted.trusted_documents().get(document_id)
            if query is None:
                message = "Unknown documentId: the app may have been updated; reload it."
                raise RequestError(400, PERSISTED_DOCUMENT_NOT_FOUND, message)
            return query
        if not isinstance(query, str):
            raise RequestError(400, BAD_REQUEST, "The request must have a query, as a string.")
        if not (trusted.may_send_any_document(request) or trusted.is_trusted(query)):
            message = "This endpoint runs the app's own operations only: send their documentId."
            raise RequestError(400, PERSISTED_DOCUMENT_REQUIRED, message)
        return query

    def json_body(self, request):
        content_type, params = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
        if content_type.lower() != JSON or params.get("charset", "utf-8").lower() not in ("utf-8", "utf8"):
            raise RequestError(415, UNSUPPORTED_MEDIA_TYPE, f"POST a {JSON} body encoded in UTF-8.")
        try:
            body = request.body
        except RequestDataTooBig:
            raise RequestError(413, REQUEST_TOO_LARGE, "The request body is too large.") from None
        params = _json(body, "The request body is not valid JSON.")
        if isinstance(params, list):
            raise RequestError(400, BATCHING_NOT_SUPPORTED, "Batched requests are not supported.")
        if not isinstance(params, dict):
            raise RequestError(400, BAD_REQUEST, "The request body must be a JSON object.")
        return params

    def answer(self, request, media_type):
        """``(response, status)``: the response as a JSON object, or already encoded (``bytes``)
        when the public cache has it. There, a GET is known by its query string, before anything
        is parsed; a POST by its parameters, once its media type was checked."""
        slot = kept = None
        if request.method == "GET":
            slot, kept = public_cache.look_up(request, request.META.get("QUERY_STRING", ""))
        if kept is not None:
            return kept, 200
        query, variables, operation_name = self.parameters(request)
        if request.method == "POST" and len(query) <= MAX_DOCUMENT_LENGTH:
            slot, kept = public_cache.look_up(request, query, variables, operation_name)
            if kept is not None:
                return kept, 200
        return self.run(request, media_type, query, variables, operation_name, slot)

    def run(self, request, media_type, query, variables, operation_name, slot=None):
        """Parse, validate and execute; return ``(response, status)``. ``slot``: where the public
        cache keeps the answer of an anonymous query (cms.graphql.public_cache)."""
        schema = self.get_schema()
        hide_suggestions = not settings.GRAPHQL_INTROSPECTION  # suggestions would reveal the schema
        # Errors that stop the request before execution: a response without "data" (spec).
        refused_status = 400 if media_type == GRAPHQL_RESPONSE else 200

        def refuse(errors, code):
            return {"errors": [_formatted(error, code) for error in errors]}, refused_status

        # The size limit is one more validation rule (the spec lets a server add rules), checked
        # before parsing so that a huge document costs nothing. Hence 400/200 as for the other
        # rules, not 413: the request is well-formed, and 413 is about the HTTP body itself.
        if len(query) > MAX_DOCUMENT_LENGTH:
            message = f"The document has {len(query)} characters; the maximum is {MAX_DOCUMENT_LENGTH}."
            return refuse([GraphQLError(message)], DOCUMENT_TOO_LARGE)
        is_trusted = trusted.is_trusted(query)
        try:
            document = _parse_trusted(query) if is_trusted else parse(query)
        except GraphQLError as error:
            return refuse([error], GRAPHQL_PARSE_FAILED)

        operation = get_operation_ast(document, operation_name)
        if operation is None:
            error = GraphQLError(_no_operation(document, operation_name))
            return refuse([error], OPERATION_RESOLUTION_FAILURE)
        if operation.operation == OperationType.MUTATION and request.method != "POST":
            message = "Mutations are accepted by POST only."
            raise RequestError(405, METHOD_NOT_ALLOWED, message, {"Allow": "POST"})
        if operation.operation == OperationType.SUBSCRIPTION:
            error = GraphQLError("Subscriptions are not supported.", operation)
            return refuse([error], OPERATION_NOT_SUPPORTED)

        if is_trusted:
            errors = _trusted_document_errors(schema, query, document_rules_key(), hide_suggestions)
        else:
            errors = validate(schema, document, document_rules(), hide_suggestions=hide_suggestions)
        errors = errors or weigh(schema, document, variables)
        if errors:
            return refuse(errors, GRAPHQL_VALIDATION_FAILED)
        coerced = get_variable_values(
            schema, operation.variable_definitions or (), variables, 50, hide_suggestions=hide_suggestions
        )
        if isinstance(coerced, list):
            return refuse(coerced, BAD_USER_INPUT)

        result = execute(
            schema,
            document,
            context_value=request,
            variable_values=variables,
            operation_name=operation_name,
            hide_suggestions=hide_suggestions,
        )
        if is_awaitable(result):
            result.close()
            raise TypeError("An async resolver was reached by the synchronous GraphQL view.")
        payload = {"data": result.data}
        if result.errors:
            payload["errors"] = [_execution_error(error) for error in result.errors]
        if result.extensions:
            payload["extensions"] = result.extensions
        if slot and operation.operation == OperationType.QUERY and not result.errors:
            body = _encode(payload)
            slot.store(body)
            return body, 200
        return payload, 200

    def get_schema(self):
        schema = self.schema or graphene_settings.SCHEMA
        return getattr(schema, "graphql_schema", schema)

    def graphiql(self, request):
        """graphene-django's GraphiQL page (only when ``settings.GRAPHIQL``)."""
        context = {name: getattr(GrapheneView, name) for name in _GRAPHIQL_ASSETS}
        context.update(
            subscription_path=None,
            graphiql_header_editor_enabled=graphene_settings.GRAPHIQL_HEADER_EDITOR_ENABLED,
            graphiql_should_persist_headers=graphene_settings.GRAPHIQL_SHOULD_PERSIST_HEADERS,
            graphiql_input_value_deprecation=graphene_settings.GRAPHIQL_INPUT_VALUE_DEPRECATION,
        )
        response = render(request, GrapheneView.graphiql_template, context)
        patch_vary_headers(response, ["Accept"])
        return response

    def respond(self, payload, media_type, status, headers=None):
        """A JSON response in the negotiated type; ``application/json`` when none was acceptable.
        ``payload``: a JSON object, or its encoding."""
        media_type = media_type if media_type in (GRAPHQL_RESPONSE, JSON) else JSON
        body = payload if isinstance(payload, bytes) else _encode(payload)
        response = HttpResponse(body, status=status, content_type=f"{media_type}; charset=utf-8")
        for name, value in (headers or {}).items():
            response[name] = value
        # The answer depends on Accept (and on the session, which adds "Vary: Cookie" when read).
        patch_vary_headers(response, ["Accept"])
        return response


def _encode(payload):
    return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")).encode()


@lru_cache(maxsize=512)
def _parse_trusted(query):
    """The app's own documents are few and fixed per build: each is parsed once per process
    (graphql-core never changes a parsed document). Others are parsed every time, so that
    arbitrary documents cannot fill the memory."""
    return parse(query)


@lru_cache(maxsize=512)
def _trusted_document_errors(schema, query, rules_key, hide_suggestions):
    """The verdict of the document-only rules on one of the app's documents, once per process
    (and per schema and limits): the same document always gets the same verdict. ``rules_key``
    (``document_rules_key()``) is part of the cache key only."""
    return tuple(validate(schema, _parse_trusted(query), document_rules(), hide_suggestions=hide_suggestions))


def _json(text, message):
    try:
        # Decode here: json.loads would also guess UTF-16 and UTF-32 from bytes.
        return json.loads(text.decode() if isinstance(text, bytes) else text)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise RequestError(400, BAD_REQUEST, message) from None


def _no_operation(document, operation_name):
    if operation_name is not None:
        return f"Unknown operation named '{operation_name}'."
    if any(isinstance(definition, OperationDefinitionNode) for definition in document.definitions):
        return "The document has several operations: choose one with operationName."
    return "The document has no operation."


def _formatted(error, code):
    """The error as JSON, with ``extensions.code`` set to ``code`` unless it has one already."""
    formatted = error.formatted
    formatted["extensions"] = {"code": code, **formatted.get("extensions", {})}
    return formatted


def _internal_error(error=None, original=None):
    extensions = {"code": INTERNAL_SERVER_ERROR}
    if settings.DEBUG and original is not None:
        extensions["exception"] = {"type": type(original).__name__, "message": str(original)}
    if error is None:
        return {"message": "Internal server error", "extensions": extensions}
    masked = GraphQLError("Internal server error", error.nodes, path=error.path, extensions=extensions)
    return masked.formatted


def _execution_error(error):
    """A resolver's error as JSON. Unexpected exceptions are logged and masked.

    A ``GraphQLError`` was written for the client and keeps its message. Any other exception
    is a bug whose text may hold SQL, paths or personal data: log it with its traceback and
    answer "Internal server error" (in DEBUG the original message is added under extensions).
    """
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return _formatted(error, INTERNAL_SERVER_ERROR)
    logger.error(
        "Unexpected error resolving %s",
        ".".join(str(key) for key in error.path or ()),
        exc_info=(type(original), original, original.__traceback__),
    )
    return _internal_error(error, original)


graphql_view = GraphQLHTTPView.as_view()
