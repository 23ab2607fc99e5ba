"""Structured answer values that are not plain sympy expressions.

The parser keeps brackets and relations as written, because ``(1, 2)`` is an open interval for
one kind and a point for another; each checker decides how to read them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import sympy


@dataclass(frozen=True)
class Bracket:
    """A comma list between brackets: ``(1,2]``, ``[1,2,3]``; ``open``/``close`` are "" if bare."""

    open: str
    close: str
    items: tuple[Value, ...]


@dataclass(frozen=True)
class SetLiteral:
    """``{1, 2}`` or ``\\{1, 2\\}``; an empty tuple is the empty set."""

    items: tuple[Value, ...]


@dataclass(frozen=True)
class MatrixLiteral:
    """A LaTeX matrix environment; rows of expressions."""

    rows: tuple[tuple[Value, ...], ...]


@dataclass(frozen=True)
class Relation:
    """A (possibly chained) relation ``a < b <= c``; ``ops`` has one fewer item than operands."""

    ops: tuple[str, ...]
    operands: tuple[Value, ...]


@dataclass(frozen=True)
class Logic:
    """``a or b`` / ``a and b`` over relations (``op`` is "or" or "and")."""

    op: str
    items: tuple[Value, ...]


@dataclass(frozen=True)
class UnionOf:
    """``A U B`` of intervals or sets."""

    items: tuple[Value, ...]


Value = sympy.Basic | Bracket | SetLiteral | MatrixLiteral | Relation | Logic | UnionOf


def map_value(value: Value, function: Callable[[sympy.Basic], sympy.Basic]) -> Value:
    """``value`` with ``function`` applied to every expression inside, keeping the structure."""
    if isinstance(value, sympy.Basic):
        return function(value)
    if isinstance(value, MatrixLiteral):
        return MatrixLiteral(
            tuple(tuple(map_value(v, function) for v in row) for row in value.rows)
        )
    if isinstance(value, Relation):
        return replace(value, operands=tuple(map_value(v, function) for v in value.operands))
    if isinstance(value, (Bracket, SetLiteral, Logic, UnionOf)):
        return replace(value, items=tuple(map_value(v, function) for v in value.items))
    raise TypeError(f"unknown value {value!r}")
