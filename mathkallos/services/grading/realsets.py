"""Subsets of the real line as sorted unions of intervals, compared by their endpoints' values.

sympy's ``Union``/``Complement`` and ``solveset`` are general but slow (tens of ms for
``|x-1| <= 4``). Answers to interval and one-variable equation problems are almost always
built from intervals, finite sets and relations whose sides are rational functions of the
variable, possibly with absolute values; for those this module solves by a sign chart:

1. the kinks of every ``|g(x)|`` split the line into regions where the signs are fixed;
2. in each region the relation is ``p(x)/q(x) op 0`` with polynomials p, q; their real roots
   (exact: rationals, radicals or ``CRootOf``) are the only places where the truth can change;
3. the truth is decided at every critical point and at one point between neighbours, at 60
   digits. Poles are never in the set.

Numerators and denominators come from ``as_numer_denom`` (no ``together``: common factors are
not cancelled, which only adds critical points, and a denominator's zeros are always points
where the relation is undefined).

Anything else raises ``NotFast`` and the caller falls back to sympy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise

import mpmath
import sympy
from sympy.polys.domains import QQ, ZZ

from .equivalence import constant_value
from .numeric import NotRational, Undefined, Unsupported, digits, evaluate_at, exact_value

_DPS = 60
_SAME = mpmath.mpf("1e-40")
_ZERO = mpmath.mpf("1e-25")
MAX_DEGREE = 12  # polynomials of higher degree (hostile ones) take sympy's general paths
_MAX_ABS = 3
_OPS: dict[str, Callable[[int], bool]] = {
    "=": lambda sign: sign == 0,
    "!=": lambda sign: sign != 0,
    "<": lambda sign: sign < 0,
    "<=": lambda sign: sign <= 0,
    ">": lambda sign: sign > 0,
    ">=": lambda sign: sign >= 0,
}


class NotFast(Exception):
    """Outside what the sign chart handles; use sympy's sets instead."""


@dataclass(frozen=True)
class Piece:
    """One interval; ``low == high`` with both ends closed is a single point."""

    low: mpmath.mpf
    high: mpmath.mpf
    low_closed: bool
    high_closed: bool


def _same(a: mpmath.mpf, b: mpmath.mpf) -> bool:
    if a == b:  # most endpoints met twice are the same value (and mpmath arithmetic is slow)
        return True
    if mpmath.isinf(a) or mpmath.isinf(b):
        return False
    return abs(a - b) <= _SAME * max(1, abs(a), abs(b))


@dataclass(frozen=True)
class RealSet:
    """A finite union of disjoint, non-touching intervals, sorted (a canonical form)."""

    pieces: tuple[Piece, ...]

    @staticmethod
    def of(pieces: Iterable[Piece]) -> RealSet:
        kept = [p for p in pieces if not _empty(p)]
        with digits(_DPS):
            kept.sort(key=lambda p: (p.low, not p.low_closed))
            merged: list[Piece] = []
            for piece in kept:
                if merged and _touch(merged[-1], piece):
                    merged[-1] = _merge(merged[-1], piece)
                else:
                    merged.append(piece)
        return RealSet(tuple(merged))

    def union(self, *others: RealSet) -> RealSet:
        return RealSet.of([p for s in (self, *others) for p in s.pieces])

    def intersection(self, other: RealSet) -> RealSet:
        return RealSet.of(_meet(a, b) for a in self.pieces for b in other.pieces)

    def closure(self) -> RealSet:
        return RealSet.of(
            Piece(p.low, p.high, not mpmath.isinf(p.low), not mpmath.isinf(p.high))
            for p in self.pieces
        )

    def same_as(self, other: RealSet) -> bool:
        return len(self.pieces) == len(other.pieces) and all(
            _same(a.low, b.low)
            and _same(a.high, b.high)
            and a.low_closed == b.low_closed
            and a.high_closed == b.high_closed
            for a, b in zip(self.pieces, other.pieces, strict=True)
        )


REALS = RealSet((Piece(-mpmath.inf, mpmath.inf, False, False),))
POSITIVE = RealSet((Piece(mpmath.mpf(0), mpmath.inf, False, False),))


def _empty(piece: Piece) -> bool:
    if _same(piece.low, piece.high):
        return not (piece.low_closed and piece.high_closed) or mpmath.isinf(piece.low)
    return piece.low > piece.high


def _touch(left: Piece, right: Piece) -> bool:
    if _same(right.low, left.high):
        return left.high_closed or right.low_closed
    return right.low < left.high


def _merge(left: Piece, right: Piece) -> Piece:
    if _same(left.high, right.high):
        return Piece(left.low, left.high, left.low_closed, left.high_closed or right.high_closed)
    if right.high > left.high:
        return Piece(left.low, right.high, left.low_closed, right.high_closed)
    return left


def _meet(a: Piece, b: Piece) -> Piece:
    if _same(a.low, b.low):
        low, low_closed = a.low, a.low_closed and b.low_closed
    else:
        low, low_closed = (a.low, a.low_closed) if a.low > b.low else (b.low, b.low_closed)
    if _same(a.high, b.high):
        high, high_closed = a.high, a.high_closed and b.high_closed
    else:
        high, high_closed = (a.high, a.high_closed) if a.high < b.high else (b.high, b.high_closed)
    return Piece(low, high, low_closed, high_closed)


def value_of(expr: sympy.Expr) -> mpmath.mpf:
    """The real value of a closed expression at 60 digits (±inf allowed), else NotFast."""
    if expr == sympy.oo:
        return mpmath.inf
    if expr == -sympy.oo:
        return -mpmath.inf
    if expr.free_symbols:
        raise NotFast("not a number")
    if isinstance(expr, sympy.CRootOf) or expr.has(sympy.CRootOf):
        with digits(_DPS):
            return mpmath.mpf(str(sympy.N(expr, _DPS + 5)))
    with digits(_DPS):
        value = constant_value(expr)
        if value is None or (isinstance(value, mpmath.mpc) and value.imag != 0):
            raise NotFast("not a real number")
        return mpmath.mpf(mpmath.re(value))


def interval(low: sympy.Expr, high: sympy.Expr, low_open: bool, high_open: bool) -> RealSet:
    low_value, high_value = value_of(low), value_of(high)
    return RealSet.of(
        [
            Piece(
                low_value,
                high_value,
                not low_open and not mpmath.isinf(low_value),
                not high_open and not mpmath.isinf(high_value),
            )
        ]
    )


def points(values: Iterable[sympy.Expr]) -> RealSet:
    pieces = []
    for expr in values:
        value = value_of(expr)
        if mpmath.isinf(value):
            raise NotFast("infinite element")
        pieces.append(Piece(value, value, True, True))
    return RealSet.of(pieces)


def of_sympy(solutions: sympy.Set) -> RealSet:
    """A sympy set of real numbers (finite sets, intervals and their unions, as ``solveset``
    gives for most equations) in this canonical form, so that one side solved by sympy can be
    compared with the other read by sign chart; NotFast for anything else."""
    if solutions == sympy.S.EmptySet:
        return RealSet(())
    if solutions == sympy.S.Reals:
        return REALS
    if isinstance(solutions, sympy.FiniteSet):
        return points(solutions.args)
    if isinstance(solutions, sympy.Interval):
        return interval(solutions.start, solutions.end, solutions.left_open, solutions.right_open)
    if isinstance(solutions, sympy.Union):
        return RealSet(()).union(*(of_sympy(part) for part in solutions.args))
    raise NotFast("another kind of set")


# ---- relations by sign chart ---------------------------------------------------------------


def solve(op: str, difference: sympy.Expr, symbol: sympy.Symbol) -> RealSet:
    """``{x real : difference(x) op 0}`` for a rational function with absolute values."""
    if difference.has(sympy.I) or difference.free_symbols - {symbol}:
        raise NotFast("not a real function of one variable")
    linear = _linear(op, difference, symbol)
    if linear is not None:
        return linear
    coefficients = small_rational_coefficients(difference, symbol)
    if coefficients is not None:
        return _low_degree(op, coefficients)
    if op == "=":
        inverted = _inverted(difference, symbol)
        if inverted is not None:
            return inverted
    absolutes = list(difference.atoms(sympy.Abs))
    if len(absolutes) > 1:  # a fixed order (sympy's sort key is costly: one needs none)
        absolutes.sort(key=sympy.default_sort_key)
    if len(absolutes) > _MAX_ABS or any(a.args[0].has(sympy.Abs) for a in absolutes):
        raise NotFast("too many absolute values")
    inners = [a.args[0] for a in absolutes]
    kinks = _critical([(inner, False) for inner in inners], symbol)
    with digits(_DPS):
        kink_values = sorted({value for value, _ in kinks})
        bounds = [-mpmath.inf, *kink_values, mpmath.inf]
        locals_ = []
        for low, high in pairwise(bounds):
            sample = _between(low, high)
            signs = {
                a: _sign_at(inner, symbol, sample)
                for a, inner in zip(absolutes, inners, strict=True)
            }
            locals_.append(difference.xreplace({a: s * a.args[0] for a, s in signs.items()}))
        by_regions = _by_regions(op, difference, symbol, bounds, locals_)
        if by_regions is not None:
            return by_regions
        critical: list[tuple[mpmath.mpf, bool]] = list(kinks)
        for (low, high), local in zip(pairwise(bounds), locals_, strict=True):
            numerator, denominator = local.as_numer_denom()
            found = _critical([(numerator, False), (denominator, True)], symbol)
            critical += [(v, pole) for v, pole in found if low < v < high]
        return _chart(op, difference, symbol, critical)


def _by_regions(
    op: str,
    difference: sympy.Expr,
    symbol: sympy.Symbol,
    bounds: list[mpmath.mpf],
    locals_: list[sympy.Expr],
) -> RealSet | None:
    """The set region by region, between the kinks of the absolute values, where the difference
    is a polynomial of degree 1 or 2 with rational coefficients in every region (``|2x+1| <= 5``
    is ``2x - 4 <= 0`` right of -1/2), plus the kinks where the relation holds: exact roots and
    one sign at each kink instead of a chart; None when a region's polynomial is not such."""
    parts = []
    for (low, high), local in zip(pairwise(bounds), locals_, strict=True):
        coefficients = small_rational_coefficients(local, symbol)
        if coefficients is None:
            return None
        region = RealSet((Piece(low, high, False, False),))
        parts.append(_low_degree(op, coefficients).intersection(region))
    holds = _OPS[op]
    for kink in bounds[1:-1]:
        sign = _sign(difference, symbol, kink)
        if sign is not None and holds(sign):
            parts.append(RealSet((Piece(kink, kink, True, True),)))
    return RealSet(()).union(*parts)


def _linear(op: str, difference: sympy.Expr, symbol: sympy.Symbol) -> RealSet | None:
    """``k x + c op 0`` with real constants, solved directly (``x = 2``, ``2 - x >= 0``: most
    answers); None for anything else, which the sign chart handles."""
    line = _line(difference, symbol)
    if line is None:
        return None
    slope, constant = line
    with digits(_DPS):
        root = -constant / slope
    sign = 1 if slope > 0 else -1
    return _by_signs(op, [root], [-sign, sign])


def _low_degree(op: str, coefficients: list[sympy.Rational]) -> RealSet:
    """``a x + b op 0`` or ``a x^2 + b x + c op 0`` with rational coefficients (a != 0), decided
    exactly: the roots and the signs between them follow from a and the discriminant, so no
    sign chart is evaluated (a typed ``(x-1)/3``, ``(x-2)(x-3) = 0``, ``x^2 < 1``)."""
    sign = 1 if coefficients[0] > 0 else -1
    if len(coefficients) == 2:
        a, b = coefficients
        return _by_signs(op, [_rational_value(-b / a)], [-sign, sign])
    a, b, c = coefficients
    discriminant = b * b - 4 * a * c
    if discriminant < 0:
        return _by_signs(op, [], [sign])
    if discriminant == 0:
        return _by_signs(op, [_rational_value(-b / (2 * a))], [sign, sign])
    with digits(_DPS):
        root = mpmath.sqrt(_rational_value(discriminant))
        low, high = sorted(
            (-_rational_value(b) + s * root) / (2 * _rational_value(a)) for s in (-1, 1)
        )
    return _by_signs(op, [low, high], [sign, -sign, sign])


def _rational_value(value: sympy.Rational) -> mpmath.mpf:
    with digits(_DPS):
        return mpmath.mpf(int(value.p)) / int(value.q)


def _by_signs(op: str, roots: list[mpmath.mpf], signs: list[int]) -> RealSet:
    """Where ``f op 0`` holds, from the sorted real roots of f and its sign between them."""
    holds = _OPS[op]
    bounds = [-mpmath.inf, *roots, mpmath.inf]
    pieces = [
        Piece(low, high, False, False)
        for (low, high), sign in zip(pairwise(bounds), signs, strict=True)
        if holds(sign)
    ]
    if holds(0):
        pieces += [Piece(root, root, True, True) for root in roots]
    return RealSet.of(pieces)


def _line(expr: sympy.Expr, symbol: sympy.Symbol) -> tuple[mpmath.mpf, mpmath.mpf] | None:
    """(k, c) at 60 digits when ``expr`` is ``k x + c`` with real constants read off its terms,
    k != 0; None for anything else."""
    parts = _one_variable_factor(expr, symbol)
    if parts is None or parts[2] != symbol:  # equal, not always the same object
        return None
    constants, factors, _ = parts
    values = _real_values(factors, constants)
    if values is None:
        return None
    slope, constant = values
    return (slope, constant) if abs(slope) > _ZERO else None


def _one_variable_factor(
    expr: sympy.Expr, symbol: sympy.Symbol
) -> tuple[list[sympy.Expr], list[sympy.Expr], sympy.Expr] | None:
    """(the terms without ``symbol``, the other factors of the one term with it, and that
    term's one factor with it), or None when more terms or factors have ``symbol``."""
    terms = expr.args if isinstance(expr, sympy.Add) else (expr,)
    moving = [term for term in terms if symbol in term.free_symbols]
    if len(moving) != 1:
        return None
    (term,) = moving
    factors = term.args if isinstance(term, sympy.Mul) else (term,)
    variable = [factor for factor in factors if symbol in factor.free_symbols]
    if len(variable) != 1:
        return None
    constants = [other for other in terms if other is not term]
    return constants, [factor for factor in factors if factor is not variable[0]], variable[0]


def _real_values(
    factors: list[sympy.Expr], terms: list[sympy.Expr]
) -> tuple[mpmath.mpf, mpmath.mpf] | None:
    """(product of ``factors``, sum of ``terms``) at 60 digits; None unless all are finite
    real numbers (the sign chart decides the rest)."""
    try:
        factor_values = [value_of(factor) for factor in factors]
        term_values = [value_of(term) for term in terms]
    except NotFast:
        return None
    if any(mpmath.isinf(value) for value in (*factor_values, *term_values)):
        return None
    with digits(_DPS):
        return mpmath.fprod(factor_values), mpmath.fsum(term_values)


def _inverted(difference: sympy.Expr, symbol: sympy.Symbol) -> RealSet | None:
    """``{x : a f(k x + m) + c = 0}`` for f one of exp, ln and a power of a positive constant
    other than 1, solved by inverting f (solveset asks sympy's assumptions at every step);
    None for anything else. The real domain is kept: exp and powers take positive values
    only, and ln(u) = t has its solution u = e^t > 0 in the domain of ln."""
    parts = _one_variable_factor(difference, symbol)
    if parts is None:
        return None
    constants, factors, function = parts
    if isinstance(function, (sympy.exp, sympy.log)) and len(function.args) == 1:
        inner, base = function.args[0], None
    elif isinstance(function, sympy.Pow) and symbol not in function.base.free_symbols:
        inner, base = function.exp, function.base
    else:
        return None
    line = _line(inner, symbol)
    values = _real_values(factors, constants)
    if line is None or values is None:
        return None
    (slope, intercept), (scale, constant) = line, values
    with digits(_DPS):
        if abs(scale) <= _ZERO:
            return None
        target = -constant / scale  # f(k x + m) = target
        if isinstance(function, sympy.log):
            argument = mpmath.exp(target)
        elif target != 0 and abs(target) <= _ZERO:  # a tiny target: too close to call
            return None
        elif target <= 0:
            return RealSet(())
        elif base is None:
            argument = mpmath.log(target)
        else:
            try:
                base_value = value_of(base)
            except NotFast:
                return None
            if base_value <= 0 or abs(base_value - 1) <= _ZERO or mpmath.isinf(base_value):
                return None
            argument = mpmath.log(target) / mpmath.log(base_value)
        root = (argument - intercept) / slope
        return RealSet((Piece(root, root, True, True),))


def _chart(
    op: str, difference: sympy.Expr, symbol: sympy.Symbol, critical: list[tuple[mpmath.mpf, bool]]
) -> RealSet:
    holds = _OPS[op]
    values: list[mpmath.mpf] = []
    poles: set[int] = set()
    for value, pole in sorted(critical, key=lambda item: item[0]):
        if values and _same(values[-1], value):
            if pole:
                poles.add(len(values) - 1)
            continue
        if pole:
            poles.add(len(values))
        values.append(value)
    bounds = [-mpmath.inf, *values, mpmath.inf]
    pieces = []
    for index, (low, high) in enumerate(pairwise(bounds)):
        if holds(_sign(difference, symbol, _between(low, high))):
            pieces.append(Piece(low, high, False, False))
        if index < len(values) and index not in poles:
            sign = _sign(difference, symbol, values[index])
            if sign is not None and holds(sign):
                pieces.append(Piece(values[index], values[index], True, True))
    return RealSet.of(pieces)


def _between(low: mpmath.mpf, high: mpmath.mpf) -> mpmath.mpf:
    if mpmath.isinf(low) and mpmath.isinf(high):
        return mpmath.mpf("0.5")
    if mpmath.isinf(low):
        return high - 1
    if mpmath.isinf(high):
        return low + 1
    return (low + high) / 2


def _sign_at(expr: sympy.Expr, symbol: sympy.Symbol, at: mpmath.mpf) -> int:
    sign = _sign(expr, symbol, at)
    return 1 if sign is None else (1 if sign >= 0 else -1)


def _sign(expr: sympy.Expr, symbol: sympy.Symbol, at: mpmath.mpf) -> int | None:
    """-1, 0 or 1: the sign of ``expr`` at ``at`` (60 digits); None where it is undefined."""
    try:
        value = evaluate_at(expr, {symbol: at}, real=True)
    except Undefined:
        return None
    except Unsupported:
        raise NotFast("cannot evaluate") from None
    if isinstance(value, mpmath.mpc):
        raise NotFast("complex value")
    if abs(value) <= _ZERO:
        return 0
    return 1 if value > 0 else -1


def _critical(
    parts: list[tuple[sympy.Expr, bool]], symbol: sympy.Symbol
) -> list[tuple[mpmath.mpf, bool]]:
    """Real roots of the numerators and denominators of ``parts`` (flagged as poles or not)."""
    found: list[tuple[mpmath.mpf, bool]] = []
    for expr, pole in parts:
        if _is_polynomial(expr, symbol):
            found += [(value, pole) for value in _real_roots(expr, symbol)]
            continue
        numerator, denominator = expr.as_numer_denom()
        for factor, is_pole in ((numerator, pole), (denominator, True)):
            found += [(value, is_pole) for value in _real_roots(factor, symbol)]
    return found


def _is_polynomial(expr: sympy.Expr, symbol: sympy.Symbol) -> bool:
    """A cheap structural test: sums and products of numbers and nonnegative integer powers."""
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, sympy.Pow):
            if not (node.exp.is_Integer and node.exp >= 0) and symbol in node.base.free_symbols:
                return False
        elif (
            not isinstance(node, (sympy.Add, sympy.Mul, sympy.Symbol, sympy.Number))
            and symbol in node.free_symbols
        ):
            return False
    return True


def _real_roots(expr: sympy.Expr, symbol: sympy.Symbol) -> list[mpmath.mpf]:
    if symbol not in expr.free_symbols:
        return []
    small = small_rational_coefficients(expr, symbol)
    if small is not None:
        return _small_roots(small)
    try:
        poly = sympy.Poly(expr, symbol)
    except sympy.PolynomialError:
        raise NotFast("not a polynomial") from None
    if poly.degree() > MAX_DEGREE:
        raise NotFast("degree too high")
    if poly.degree() < 1:  # zero, or a constant once expanded ((x+1)^2 - x^2 - 2x): no roots
        return []
    coefficients = poly.all_coeffs()
    if poly.degree() <= 2 and not any(c.free_symbols for c in coefficients):
        return _small_roots(coefficients)
    if poly.domain.is_ZZ or poly.domain.is_QQ:
        return [value_of(root) for root in poly.real_roots()]
    raise NotFast("coefficients outside Q")


def _degree_bound(expr: sympy.Expr, symbol: sympy.Symbol) -> int | None:
    """An upper bound of the degree in ``symbol`` read off the tree (terms may cancel), or
    None where ``symbol`` is inside anything but sums, products and powers of degree >= 0."""
    if not expr.args:  # ``==``: equal to ``symbol``, not always the same object (sympy's cache)
        return 1 if expr == symbol else 0
    if isinstance(expr, (sympy.Add, sympy.Mul)):
        degrees = [_degree_bound(arg, symbol) for arg in expr.args]
        if None in degrees:
            return None
        return max(degrees) if isinstance(expr, sympy.Add) else sum(degrees)  # type: ignore[arg-type]
    if isinstance(expr, sympy.Pow) and expr.exp.is_Integer and expr.exp >= 0:
        base = _degree_bound(expr.base, symbol)
        return None if base is None else base * int(expr.exp)
    return 0 if symbol not in expr.free_symbols else None  # asked of these nodes only: one walk


def rational_poly(expr: sympy.Expr, symbols: list[sympy.Symbol]) -> sympy.Poly | None:
    """``expr`` as a polynomial in ``symbols`` when it is one with rational coefficients,
    else None. With its generators given, a Poly is built without asking assumptions of
    every factor (how ``gcd``, ``factor_list`` and ``solve`` find generators: most of the
    time of the form rules), and their gcd and factors are the same; anything else is left to
    sympy's general paths."""
    if not symbols:
        return None
    try:
        poly = sympy.Poly(expr, *symbols)
    except sympy.PolynomialError:
        return None
    return poly if poly.domain in (ZZ, QQ) else None


def small_rational_coefficients(
    expr: sympy.Expr, symbol: sympy.Symbol
) -> list[sympy.Rational] | None:
    """The coefficients ``Poly(expr).all_coeffs()`` gives for a polynomial of degree 1 or 2
    with rational coefficients (most numerators and denominators), without building a Poly:
    read off its exact values at -1, 0 and 1 (three points fix such a polynomial). None for
    anything else, which ``Poly`` handles."""
    bound = _degree_bound(expr, symbol)
    if bound is None or bound > 2:
        return None
    try:
        at = {x: exact_value(expr, {symbol: x}) for x in (-1, 0, 1)}
    except (NotRational, ZeroDivisionError):
        return None
    below, constant, above = (sympy.Rational(*at[x]) for x in (-1, 0, 1))
    square = (above + below) / 2 - constant
    linear = (above - below) / 2
    if square != 0:
        return [square, linear, constant]
    if linear != 0:
        return [linear, constant]
    return None


def _small_roots(coefficients: list[sympy.Expr]) -> list[mpmath.mpf]:
    """Real roots of ``a x + b`` or ``a x^2 + b x + c`` (constant coefficients), at 60 digits."""
    values = [value_of(coefficient) for coefficient in coefficients]
    with digits(_DPS):
        if len(values) == 2:
            a, b = values
            return [-b / a]
        a, b, c = values
        discriminant = b * b - 4 * a * c
        if abs(discriminant) <= _ZERO:
            return [-b / (2 * a)]
        if discriminant < 0:
            return []
        root = mpmath.sqrt(discriminant)
        return [(-b - root) / (2 * a), (-b + root) / (2 * a)]
