"""Limits on what one GraphQL document may ask for, checked at validation, before execution.

The rules are graphql-core 3 ``ValidationRule`` subclasses (snake_case hooks: ``enter_field``,
``enter_operation_definition``...; graphql-core 3 silently ignores ``enter_Field``-style names).
They are added to the specification's rules, never used instead of them: see
``validation_rules()``, the one place that builds the list the view validates with (the view
remembers the verdict of ``document_rules()`` for the app's own documents, and weighs the cost,
which depends on the variables, on every request).

- ``DepthLimitRule``: nesting of fields, ``GRAPHQL_MAX_DEPTH``.
- ``AliasLimitRule``: aliases per document, ``GRAPHQL_MAX_ALIASES``.
- ``cost_limit_rule(variables)``: the query cost, ``GRAPHQL_MAX_COST``; a factory because the
  cost depends on the ``limit`` variables of the request.

All three follow fragment spreads and inline fragments. Each fragment's selection is weighed
once and remembered, so a document that spreads fragments into fragments costs linear time to
check, however large the response it describes. Introspection (``__schema``, ``__type`` and
everything under them) and ``__typename`` are free, so that GraphiQL and clients' cache
normalisation are never refused. Page sizes themselves (``limit: 101``, ``offset: -1``) are
refused by the ``PageSize``/``Offset`` scalars of cms.graphql.pagination during the same
validation.
"""

from django.conf import settings
from graphql import (
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLObjectType,
    NoSchemaIntrospectionCustomRule,
    ValidationRule,
    get_named_type,
    is_composite_type,
    specified_rules,
)
from graphql.language import (
    FieldNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    VariableNode,
)
from graphql.utilities import TypeInfo, coerce_input_value, value_from_ast
from graphql.validation import ValidationContext

from cms.graphql.pagination import DEFAULT_PAGE_SIZE

MAX_DOCUMENT_LENGTH = 20_000
"""Characters of GraphQL source accepted; longer documents are refused before parsing."""

DEPTH_LIMIT_EXCEEDED = "DEPTH_LIMIT_EXCEEDED"
ALIAS_LIMIT_EXCEEDED = "ALIAS_LIMIT_EXCEEDED"
COST_LIMIT_EXCEEDED = "COST_LIMIT_EXCEEDED"


def _is_free(field):
    """``__typename``, ``__schema``, ``__type``: free of depth and cost."""
    return field.name.value.startswith("__")


def _operation_label(operation):
    return f"Operation '{operation.name.value}'" if operation.name else "The operation"


class _SelectionWalker:
    """Flattens selection sets across fragments, for the rules below.

    ``fields(selection_set, parent_type)`` yields ``(parent_type, field_node)`` for every field
    selected at that level, looking through inline fragments and fragment spreads. A fragment
    is expanded at most once per level: spreading it again selects the same fields (they
    merge), and this also stops fragment cycles, which ``NoFragmentCyclesRule`` reports.
    """

    def __init__(self, context):
        self.context = context
        self.schema = context.schema

    def fields(self, selection_set, parent_type=None, expanded=None):
        expanded = set() if expanded is None else expanded
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                yield parent_type, selection
            elif isinstance(selection, InlineFragmentNode):
                yield from self.fields(
                    selection.selection_set, self._condition(selection, parent_type), expanded
                )
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.context.get_fragment(name)
                if fragment is None or name in expanded:
                    continue
                expanded.add(name)
                yield from self.fields(
                    fragment.selection_set, self._condition(fragment, parent_type), expanded
                )

    def _condition(self, fragment, parent_type):
        if fragment.type_condition is None:
            return parent_type
        return self.schema.get_type(fragment.type_condition.name.value)


class DepthLimitRule(ValidationRule):
    """Refuses operations nested deeper than ``GRAPHQL_MAX_DEPTH`` levels of fields.

    ``{ events { items { title } } }`` is 3 deep. Deep documents are the cheapest way to make a
    server do exponential work through self-referencing types; a real client never needs more
    than a handful of levels.
    """

    def __init__(self, context):
        super().__init__(context)
        self.max_depth = settings.GRAPHQL_MAX_DEPTH
        self.walker = _SelectionWalker(context)
        self.memo = {}

    def enter_operation_definition(self, node, *_args):
        depth = self.depth(node.selection_set)
        if depth > self.max_depth:
            self.report_error(
                GraphQLError(
                    f"{_operation_label(node)} is nested {depth} levels deep; "
                    f"the maximum depth is {self.max_depth}.",
                    node,
                    extensions={"code": DEPTH_LIMIT_EXCEEDED, "depth": depth, "maxDepth": self.max_depth},
                )
            )
        return self.SKIP

    def depth(self, selection_set):
        key = id(selection_set)
        if key not in self.memo:
            self.memo[key] = 0  # provisional: a cycle through fragments counts as nothing
            deepest = 0
            for _parent, field in self.walker.fields(selection_set):
                if _is_free(field):
                    continue
                below = self.depth(field.selection_set) if field.selection_set else 0
                deepest = max(deepest, 1 + below)
            self.memo[key] = deepest
        return self.memo[key]


class AliasLimitRule(ValidationRule):
    """Refuses documents with more than ``GRAPHQL_MAX_ALIASES`` aliases.

    Aliases let one request run the same field many times (``a1: login(...) a2: login(...)``).
    They are counted as executed: an alias inside a fragment counts each time the fragment is
    spread, so fragments cannot multiply aliases past the limit. The counts of all operations
    in the document are added up.
    """

    def __init__(self, context):
        super().__init__(context)
        self.max_aliases = settings.GRAPHQL_MAX_ALIASES
        self.walker = _SelectionWalker(context)
        self.memo = {}
        self.total = 0
        self.first_operation = None

    def enter_operation_definition(self, node, *_args):
        self.first_operation = self.first_operation or node
        self.total += self.aliases(node.selection_set)
        return self.SKIP

    def leave_document(self, node, *_args):
        if self.total > self.max_aliases:
            self.report_error(
                GraphQLError(
                    f"The document uses {self.total} aliases; the maximum is {self.max_aliases}.",
                    self.first_operation or node,
                    extensions={
                        "code": ALIAS_LIMIT_EXCEEDED,
                        "aliases": self.total,
                        "maxAliases": self.max_aliases,
                    },
                )
            )

    def aliases(self, selection_set):
        key = id(selection_set)
        if key not in self.memo:
            self.memo[key] = 0
            count = 0
            for _parent, field in self.walker.fields(selection_set):
                count += 1 if field.alias else 0
                count += self.aliases(field.selection_set) if field.selection_set else 0
            self.memo[key] = count
        return self.memo[key]


class QueryCostRule(ValidationRule):
    """Refuses operations whose cost exceeds ``GRAPHQL_MAX_COST``.

    Each field that returns an object (or interface, or union) costs 1; scalar fields are free,
    since they come with the object that holds them. A field that takes a ``limit`` argument
    multiplies the cost of its selection by that limit, because it may return that many
    objects: ``events(limit: 50) { items { venue { name } } }`` costs
    ``1 + 50 * (1 + 1) = 101``. The limit is the literal, else the request's variable, else
    the variable's default, else the argument's default (20). A value that does not coerce is
    left to the normal validation or variable-coercion error, and weighed at the default here.

    Build the rule for a request with ``cost_limit_rule(variables)``; used directly, it sees no
    variables.
    """

    variables = {}

    def __init__(self, context):
        super().__init__(context)
        self.max_cost = settings.GRAPHQL_MAX_COST
        self.walker = _SelectionWalker(context)

    def enter_operation_definition(self, node, *_args):
        root = self.context.schema.get_root_type(node.operation)
        if root is None:
            return self.SKIP
        self.variable_defaults = {
            definition.variable.name.value: definition.default_value
            for definition in node.variable_definitions or ()
            if definition.default_value is not None
        }
        self.memo = {}
        cost = self.cost(node.selection_set, root)
        if cost > self.max_cost:
            self.report_error(
                GraphQLError(
                    f"{_operation_label(node)} costs {cost}; the maximum cost is {self.max_cost}. "
                    "Ask for smaller pages (limit) or fewer nested lists.",
                    node,
                    extensions={"code": COST_LIMIT_EXCEEDED, "cost": cost, "maxCost": self.max_cost},
                )
            )
        return self.SKIP

    def cost(self, selection_set, parent_type):
        key = (id(selection_set), getattr(parent_type, "name", None))
        if key not in self.memo:
            self.memo[key] = 0  # provisional: a cycle through fragments counts as nothing
            total = 0
            for field_parent, field in self.walker.fields(selection_set, parent_type):
                if _is_free(field) or not isinstance(field_parent, GraphQLObjectType | GraphQLInterfaceType):
                    continue
                definition = field_parent.fields.get(field.name.value)
                if definition is None:
                    continue  # an unknown field: FieldsOnCorrectTypeRule reports it
                field_type = get_named_type(definition.type)
                if not is_composite_type(field_type):
                    continue
                below = self.cost(field.selection_set, field_type) if field.selection_set else 0
                total += 1 + self.page_size(field, definition) * below
            self.memo[key] = total
        return self.memo[key]

    def page_size(self, field, definition):
        """How many items the field may return: 1 unless it takes a ``limit`` argument."""
        argument = definition.args.get("limit")
        if argument is None:
            return 1
        default = argument.default_value
        if isinstance(default, bool) or not isinstance(default, int):
            default = DEFAULT_PAGE_SIZE
        node = next((arg.value for arg in field.arguments if arg.name.value == "limit"), None)
        if node is None:
            value = default
        elif isinstance(node, VariableNode):
            value = self._variable(node.name.value, argument.type, default)
        else:
            value = value_from_ast(node, argument.type)
        if value is None:
            # An explicit null: the resolver decides; weigh it as the largest page.
            return max(default, settings.GRAPHQL_MAX_PAGE_SIZE)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return default
        return value

    def _variable(self, name, type_, default):
        if name in self.variables:
            try:
                return coerce_input_value(self.variables[name], type_)
            except (GraphQLError, TypeError, ValueError):
                return default  # reported by variable coercion before execution
        if name in self.variable_defaults:
            return value_from_ast(self.variable_defaults[name], type_)
        return default


def weigh(schema, document, variables=None):
    """What ``validate()`` with ``cost_limit_rule(variables)`` reports, without walking the
    whole document again: the rule weighs each operation from its root, through the fragments it
    spreads, and nothing else. For a document that passed the other rules."""
    errors = []
    rule = cost_limit_rule(variables)(ValidationContext(schema, document, TypeInfo(schema), errors.append))
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            rule.enter_operation_definition(definition)
    return errors


def cost_limit_rule(variables=None):
    """A ``QueryCostRule`` that weighs ``limit`` variables with the request's ``variables``."""
    return type("QueryCostRule", (QueryCostRule,), {"variables": dict(variables or {})})


def document_rules():
    """The rules whose verdict depends on the document alone: the spec's, depth and aliases.

    Introspection is refused when ``settings.GRAPHQL_INTROSPECTION`` is False.
    """
    rules = [*specified_rules, DepthLimitRule, AliasLimitRule]
    if not settings.GRAPHQL_INTROSPECTION:
        rules.append(NoSchemaIntrospectionCustomRule)
    return tuple(rules)


def document_rules_key():
    """What ``document_rules()`` depends on besides the document and the schema."""
    return settings.GRAPHQL_MAX_DEPTH, settings.GRAPHQL_MAX_ALIASES, settings.GRAPHQL_INTROSPECTION


def validation_rules(variables=None):
    """The rules every request is validated with: the spec's, then ours."""
    return (*document_rules(), cost_limit_rule(variables))
