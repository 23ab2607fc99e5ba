"""What every kind provides, and the element comparison shared by list-like kinds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import sympy

from ..equivalence import constant_value, equivalent
from ..settings import Settings
from ..values import Bracket, Value
from ..verdict import Verdict


class KindChecker(NamedTuple):
    """``read_key`` parses and checks the author's key once; ``grade`` judges one answer."""

    read_key: Callable[[str, Settings], Any]
    grade: Callable[[str, Any, Settings], Verdict]


def within_tolerance(answer: sympy.Expr, key: sympy.Expr, settings: Settings) -> bool | None:
    """Tolerance comparison of two numbers, or None when no tolerance is set."""
    if settings.abs_tol is None and settings.rel_tol is None:
        return None
    value, target = constant_value(answer), constant_value(key)
    if value is None or target is None:
        return False
    allowed = max(settings.abs_tol or 0.0, (settings.rel_tol or 0.0) * abs(target))
    return bool(abs(value - target) <= allowed)


def values_equal(answer: Value, key: Value, settings: Settings) -> bool:
    """Equality of list elements: expressions by equivalence/tolerance, tuples elementwise."""
    if isinstance(answer, sympy.Expr) and isinstance(key, sympy.Expr):
        if not answer.free_symbols and not key.free_symbols:
            tolerant = within_tolerance(answer, key, settings)
            if tolerant is not None:
                return tolerant
        return equivalent(answer, key, settings.domain)
    if isinstance(answer, Bracket) and isinstance(key, Bracket):
        return len(answer.items) == len(key.items) and all(
            values_equal(a, k, settings) for a, k in zip(answer.items, key.items, strict=True)
        )
    return False
