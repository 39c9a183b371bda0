"""What a query asks for below the field being resolved, so that loaders load only that."""

from graphql.language import FieldNode, FragmentSpreadNode


def asks_only(info, names):
    """Whether every field asked for below the current field is one of ``names`` (or
    ``__typename``); False without a query (a call from Python)."""
    below = fields_below(info)
    return below is not None and below <= {*names, "__typename"}


def fields_below(info):
    """The names of the fields asked for anywhere below the current field, through fragments;
    None without a query (a call from Python: anything may be read).

    Over-approximates (a name under any type counts), which is safe for a loader: it loads what
    might be read, never less."""
    nodes = getattr(info, "field_nodes", None)
    if nodes is None:
        return None
    names = set()
    pending = [node.selection_set for node in nodes if node.selection_set]
    seen = set()
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode):
                names.add(selection.name.value)
            if isinstance(selection, FragmentSpreadNode):
                fragment_name = selection.name.value
                if fragment_name not in seen:
                    seen.add(fragment_name)
                    pending.append(info.fragments[fragment_name].selection_set)
            elif selection.selection_set:
                pending.append(selection.selection_set)
    return names


def wanted(relations, fields):
    """The lookups of ``relations`` (pairs of the names of the fields that read a relation, and its
    lookup) that some field of ``fields`` reads; all of them when ``fields`` is None."""
    return [lookup for names, lookup in relations if fields is None or not fields.isdisjoint(names)]
