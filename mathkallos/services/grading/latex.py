"""LaTeX for the "you entered" preview; the output parses back to the same value."""

from __future__ import annotations

import threading

import sympy
from sympy.printing.latex import LatexPrinter

from .values import Bracket, Logic, MatrixLiteral, Relation, SetLiteral, UnionOf, Value

_RELATION_LATEX = {"=": "=", "!=": r"\neq", "<": "<", ">": ">", "<=": r"\le", ">=": r"\ge"}
_BRACKETS = {"(": r"\left(", ")": r"\right)", "[": r"\left[", "]": r"\right]", "": ""}


_LOCAL = threading.local()


def _latex(expr: sympy.Basic) -> str:
    """``sympy.latex`` with default settings, reusing one printer per thread (twice as fast)."""
    printer = getattr(_LOCAL, "printer", None)
    if printer is None:
        printer = _LOCAL.printer = LatexPrinter()
    return printer.doprint(expr)


def to_latex(value: Value) -> str:
    """Render any parsed value (expression, list, set, interval, relation, matrix)."""
    if isinstance(value, sympy.Basic):
        if value == sympy.S.Reals:
            return r"\mathbb{R}"
        return _latex(value)
    if isinstance(value, Bracket):
        inner = ", ".join(to_latex(item) for item in value.items)
        return f"{_BRACKETS[value.open]}{inner}{_BRACKETS[value.close]}"
    if isinstance(value, SetLiteral):
        if not value.items:
            return r"\emptyset"
        return r"\left\{" + ", ".join(to_latex(item) for item in value.items) + r"\right\}"
    if isinstance(value, MatrixLiteral):
        rows = r" \\ ".join(" & ".join(to_latex(v) for v in row) for row in value.rows)
        return rf"\begin{{pmatrix}} {rows} \end{{pmatrix}}"
    if isinstance(value, Relation):
        parts = [to_latex(value.operands[0])]
        for op, operand in zip(value.ops, value.operands[1:], strict=True):
            parts += [_RELATION_LATEX[op], to_latex(operand)]
        return " ".join(parts)
    if isinstance(value, Logic):
        return rf" \text{{ {value.op} }} ".join(to_latex(item) for item in value.items)
    if isinstance(value, UnionOf):
        return r" \cup ".join(to_latex(item) for item in value.items)
    raise TypeError(f"cannot render {value!r}")
