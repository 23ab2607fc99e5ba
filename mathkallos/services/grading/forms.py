"""Form rules ("expanded", "factored", ...) judged on the answer as the student typed it.

sympy's automatic evaluation would turn ``2(x+1)`` into ``2x+2`` and ``2/4`` into ``1/2``, so
the rules look at the unevaluated tree from the parser, not at the evaluated expression.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import sympy

from .evaluation import evaluate_expr
from .realsets import rational_poly, small_rational_coefficients

_CODES = {
    "expanded": "equivalent_not_expanded",
    "factored": "equivalent_not_factored",
    "simplified_fraction": "equivalent_not_simplified_fraction",
    "no_decimals": "equivalent_has_decimals",
    "rectangular": "equivalent_not_rectangular",
}


def violated_form(raw: sympy.Expr, forms: Iterable[str], content: bool = False) -> str | None:
    """Feedback code of the first form rule the typed answer breaks, or None.

    With ``content`` (the key was written with its numeric factor outside, ``2(x+1)(x-1)``),
    "factored" also requires every factor to be primitive: ``(2x+2)(x-1)`` is not factored.
    """
    for form in forms:
        if form == "factored" and content and not _is_factored(raw, primitive=True):
            return _CODES[form]
        if not _RULES[form](raw):
            return _CODES[form]
    return None


def has_numeric_content(raw: sympy.Expr) -> bool:
    """True for a product written with a number outside a symbolic sum: ``-3(x-2)^2``."""
    factors = _factors(raw)
    numbers = [f for f in factors if f.is_Rational and abs(f) != 1]
    return bool(numbers) and any(
        _has_symbolic_sum(f.base if isinstance(f, sympy.Pow) else f) for f in factors
    )


def _has_symbolic_sum(expr: sympy.Basic) -> bool:
    return isinstance(expr, sympy.Add) and bool(expr.free_symbols)


def _is_expanded(raw: sympy.Expr) -> bool:
    for node in sympy.preorder_traversal(raw):
        if isinstance(node, sympy.Mul) and any(_has_symbolic_sum(f) for f in node.args):
            return False
        if (
            isinstance(node, sympy.Pow)
            and _has_symbolic_sum(node.base)
            and node.exp.is_Integer
            and node.exp > 1
        ):
            return False
    return True


def _is_irreducible(expr: sympy.Expr) -> bool:
    evaluated = evaluate_expr(expr)
    if not evaluated.free_symbols or _is_linear(evaluated):
        return True
    symbols = evaluated.free_symbols
    coefficients = (
        small_rational_coefficients(evaluated, next(iter(symbols))) if len(symbols) == 1 else None
    )
    if coefficients is not None:
        return len(coefficients) == 2 or not _is_rational_square(_discriminant(coefficients))
    poly = rational_poly(evaluated, _sorted(symbols))
    try:
        _, factors = poly.factor_list() if poly is not None else sympy.factor_list(evaluated)
    except sympy.PolynomialError:  # x - pi e^(-x): not a polynomial, nothing to split it into
        return True
    return len(factors) == 1 and factors[0][1] == 1


def _discriminant(coefficients: list[sympy.Rational]) -> sympy.Rational:
    a, b, c = coefficients
    return b * b - 4 * a * c


def _is_rational_square(value: sympy.Rational) -> bool:
    """A quadratic over Q splits exactly when its discriminant is the square of a rational
    (what ``factor_list`` would find, without factoring)."""
    numerator, denominator = int(value.p), int(value.q)
    return (
        numerator >= 0
        and math.isqrt(numerator) ** 2 == numerator
        and math.isqrt(denominator) ** 2 == denominator
    )


def _is_linear(expr: sympy.Expr) -> bool:
    """A sum of numbers and rational multiples of symbols: degree 1, so irreducible over Q."""
    return isinstance(expr, sympy.Add) and all(
        term.is_Rational
        or term.is_Symbol
        or (
            isinstance(term, sympy.Mul)
            and len(term.args) == 2
            and term.args[0].is_Rational
            and term.args[1].is_Symbol
        )
        for term in expr.args
    )


def _is_factored(raw: sympy.Expr, primitive: bool = False) -> bool:
    for factor in sympy.Mul.make_args(raw):
        base = factor.base if isinstance(factor, sympy.Pow) else factor
        if isinstance(base, sympy.Mul):
            if not _is_factored(base, primitive):
                return False
        elif _has_symbolic_sum(base) and (
            not _is_irreducible(base) or (primitive and not _is_primitive(base))
        ):
            return False
    return True


def _is_primitive(expr: sympy.Expr) -> bool:
    """No common numeric factor left inside a sum: ``2x+2`` is not, ``x+1`` and ``2x+1`` are."""
    content, _ = evaluate_expr(expr).primitive()
    return abs(content) == 1


def _is_simplified_fraction(raw: sympy.Expr) -> bool:
    evaluated = evaluate_expr(raw)
    if evaluated.is_Rational:
        return _is_lowest_terms_literal(raw, evaluated)
    numerator, denominator = sympy.fraction(sympy.together(evaluated))
    return not _common_factor(numerator, denominator) and not any(
        _is_unreduced_number_fraction(node) for node in sympy.preorder_traversal(raw)
    )


def _common_factor(numerator: sympy.Expr, denominator: sympy.Expr) -> bool:
    """Whether ``gcd(numerator, denominator)`` has a variable (see :func:`rational_poly`)."""
    symbols = _sorted(numerator.free_symbols | denominator.free_symbols)
    first, second = (rational_poly(part, symbols) for part in (numerator, denominator))
    if first is not None and second is not None:
        return not first.gcd(second).is_ground
    return bool(sympy.gcd(numerator, denominator).free_symbols)


def _sorted(symbols: set[sympy.Symbol]) -> list[sympy.Symbol]:
    return sorted(symbols, key=lambda symbol: symbol.name)


def _is_lowest_terms_literal(raw: sympy.Expr, value: sympy.Rational) -> bool:
    """``3/4`` or ``-3/4`` typed directly (not ``6/8`` nor ``1/2 + 1/4``)."""
    if raw.is_Integer:
        return True
    terms = [t for t in _factors(raw) if t != -1]
    numbers = [t for t in terms if t.is_Integer]
    inverses = [t for t in terms if isinstance(t, sympy.Pow) and t.exp == -1 and t.base.is_Integer]
    if len(numbers) + len(inverses) != len(terms) or len(inverses) != 1 or len(numbers) > 1:
        return False
    return abs(value.q) == abs(inverses[0].base) and value.q != 1


def _factors(expr: sympy.Expr) -> list[sympy.Expr]:
    """Factors of a product, looking through nested unevaluated products."""
    if isinstance(expr, sympy.Mul):
        return [f for arg in expr.args for f in _factors(arg)]
    return [expr]


def _is_unreduced_number_fraction(node: sympy.Basic) -> bool:
    if not isinstance(node, sympy.Mul):
        return False
    numbers = [a for a in node.args if a.is_Integer]
    inverses = [
        a.base for a in node.args if isinstance(a, sympy.Pow) and a.exp == -1 and a.base.is_Integer
    ]
    return any(sympy.igcd(n, d) > 1 for n in numbers for d in inverses)


def _has_no_decimals(raw: sympy.Expr) -> bool:
    return not raw.has(sympy.Float)


def _is_rectangular(raw: sympy.Expr) -> bool:
    evaluated = evaluate_expr(raw)
    if evaluated.has(sympy.exp, sympy.sin, sympy.cos, sympy.tan):
        return False
    return not any(
        isinstance(node, sympy.Pow) and node.exp.has(sympy.I)
        for node in sympy.preorder_traversal(evaluated)
    )


_RULES = {
    "expanded": _is_expanded,
    "factored": _is_factored,
    "simplified_fraction": _is_simplified_fraction,
    "no_decimals": _has_no_decimals,
    "rectangular": _is_rectangular,
}
