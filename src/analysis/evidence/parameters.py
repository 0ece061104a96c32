"""A registry entry's ``parameters`` checked against its evaluator before it runs.

A wrong name or a value of the wrong kind (a word where a year is expected) would otherwise
fail deep inside a chapter's computation; here it is refused naming the entry and the field.
A parameter's kind is its annotation (``int``, ``float``, ``str``, ``bool``, ``dict``) or, when
it has none, its default: a pair of numbers wants a pair of numbers.
"""

from __future__ import annotations

import inspect
import numbers
import typing
from collections.abc import Callable


def _fits(value, kind) -> bool:
    if kind is bool:
        return isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is float:
        return isinstance(value, numbers.Real) and not isinstance(value, bool)
    if kind in (str, dict, list):
        return isinstance(value, kind)
    return True  # a kind this check does not know (a table, say) is left to the evaluator


def _like(value, default) -> bool:
    """Whether ``value`` has the shape of ``default`` (for a parameter without annotation)."""
    if isinstance(default, (tuple, list, range)):
        if not isinstance(value, (list, tuple, range)):
            return False
        if isinstance(default, range) or not default:
            return all(_fits(v, int) for v in value)
        if all(isinstance(d, str) for d in default):  # a list of names, as long as the reader wants
            return all(isinstance(v, str) for v in value)
        return len(value) == len(default) and all(_fits(v, float) for v in value)  # a window: two numbers
    if default is None or default is inspect.Parameter.empty:
        return True
    return _fits(value, type(default)) or (isinstance(default, float) and _fits(value, float))


def problems(func: Callable, params: dict) -> list[tuple[str, str]]:
    """``[(field, message)]`` for each parameter the evaluator does not take or takes in another kind."""
    signature = inspect.signature(func)
    hints = typing.get_type_hints(func)
    found = []
    for name, value in params.items():
        if name not in signature.parameters:
            found.append(
                (name, f"{func.__name__} takes no parameter {name!r} (it takes {', '.join(signature.parameters)})")
            )
            continue
        kind = hints.get(name)
        ok = _fits(value, kind) if isinstance(kind, type) else _like(value, signature.parameters[name].default)
        if not ok:
            wanted = kind.__name__ if isinstance(kind, type) else f"like {signature.parameters[name].default!r}"
            found.append((name, f"{value!r} is not {wanted}"))
    return found
