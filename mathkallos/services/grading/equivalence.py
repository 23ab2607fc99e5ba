"""Are two expressions equal as functions? Random points first, then high-precision proof.

Double-precision values at random points decide quickly; every mismatch is re-checked at high
precision before an answer is rejected (so rounding never costs a student a mark), and every
agreement is confirmed at 60 digits on fresh points (so near-identities such as
``exp(pi*sqrt(163))`` vs an integer are not accepted). Only when almost no point is defined on
both sides does the slow symbolic route run, inside the worker's time limit.
"""

from __future__ import annotations

import cmath
import contextlib
import random
from collections.abc import Iterator
from functools import lru_cache

import mpmath
import sympy

from .numeric import (
    Compiled,
    Fallback,
    NotRational,
    Number,
    Undefined,
    Unsupported,
    compile_float,
    compile_mp,
    digits,
    evaluate_at,
    exact_value,
    float_value,
)

DOMAINS = ("real", "positive", "complex", "integer")
_FAST_DPS, _FAST_TOL = 15, mpmath.mpf("1e-9")
_EXACT_DPS, _EXACT_TOL = 60, mpmath.mpf("1e-40")
_FLOAT_TOL = mpmath.mpf("1e-14")
_WANTED_POINTS = 8
_MIN_POINTS = 3
_MAX_TRIES = 48
_CONFIRM_POINTS = 1
_EXACT_POINTS = 2
_MAX_EXACT_TRIES = 6


Point = tuple  # one value per symbol, in the order of the sorted symbols


@lru_cache(maxsize=4096)
def _free_symbols(expr: sympy.Basic) -> frozenset[sympy.Symbol]:
    """A key's symbols, asked once per answer compared with it (by every comparison below),
    are found once."""
    return frozenset(expr.free_symbols)


def _name(symbol: sympy.Symbol) -> str:
    """Sort key of symbols (``str`` would run sympy's printer)."""
    return symbol.name


def _random_value(rng: random.Random, domain: str, attempt: int) -> float | complex:
    if domain == "integer":
        return float(rng.randint(-8, 14))
    if domain == "complex":
        return complex(rng.uniform(-2.5, 2.5), rng.uniform(-2.5, 2.5))
    wide = attempt % 4 == 3
    magnitude = rng.uniform(0.1, 40.0) if wide else rng.uniform(0.1, 3.5)
    if domain == "positive":
        return magnitude
    return magnitude if rng.random() < 0.5 else -magnitude


@lru_cache(maxsize=256)
def _point_list(count: int, domain: str, seed: int) -> tuple[Point, ...]:
    rng = random.Random(seed)  # noqa: S311 - reproducible sample points, not secrets
    return tuple(
        tuple(_random_value(rng, domain, attempt) for _ in range(count))
        for attempt in range(_MAX_TRIES)
    )


def _points(symbols: tuple[sympy.Symbol, ...], domain: str, seed: int) -> Iterator[Point]:
    yield from _point_list(len(symbols), domain, seed)


def _mp_point(symbols: list[sympy.Symbol], point: Point) -> dict:
    return {
        symbol: mpmath.mpc(value) if type(value) is complex else mpmath.mpf(value)
        for symbol, value in zip(symbols, point, strict=True)
    }


def _value(expr: sympy.Basic, point: dict, domain: str) -> Number | None:
    try:
        return evaluate_at(expr, point, real=domain != "complex")
    except Undefined:
        return None


class _Side:
    """One expression to sample: compiled to double precision when possible, else mpmath.

    Sides are shared (see :func:`_side`): a key is compared with many answers, an answer
    with the key and its negation, so each value at a sample point is computed once.
    """

    __slots__ = (
        "compile_tried",
        "compiled",
        "domain",
        "exact_values",
        "expr",
        "fast_values",
        "float_tried",
        "has_float",
        "precise",
        "symbols",
    )

    def __init__(self, expr: sympy.Basic, symbols: tuple[sympy.Symbol, ...], domain: str) -> None:
        self.expr, self.symbols, self.domain = expr, list(symbols), domain
        self.has_float = expr.has(sympy.Float)
        self.fast_values: dict[Point, complex | float | None] = {}
        self.exact_values: dict[Point, Number | None] = {}
        # compiled on first use: a closed expression is only needed at 60 digits (numbers)
        self.compiled: Compiled | None = None
        self.float_tried = False
        self.precise: Compiled | None = None  # compiled on the second point (see _exact)
        self.compile_tried = False

    def fast(self, point: Point) -> complex | float | None:
        """Value at double precision (mpmath at 15 digits where floats cannot decide)."""
        if point not in self.fast_values:
            self.fast_values[point] = self._fast(point)
        return self.fast_values[point]

    def _fast(self, point: Point) -> complex | float | None:
        if not self.float_tried:
            self.float_tried = True
            with contextlib.suppress(Unsupported, RecursionError):
                self.compiled = compile_float(
                    self.expr, tuple(self.symbols), self.domain != "complex"
                )
        if self.compiled is not None:
            try:
                return float_value(self.compiled, point)
            except Fallback:
                pass
        with digits(_FAST_DPS):
            value = _value(self.expr, _mp_point(self.symbols, point), self.domain)
        if value is None:
            return None
        return complex(value) if isinstance(value, mpmath.mpc) else float(value)

    def exact(self, point: Point) -> Number | None:
        """Value at 60 digits (call inside ``digits(_EXACT_DPS)``)."""
        if point not in self.exact_values:
            self.exact_values[point] = self._exact(point)
        return self.exact_values[point]

    def _exact(self, point: Point) -> Number | None:
        """An answer is usually needed at one point (one walk costs less than compiling);
        a key at many, so its evaluator is compiled once it is needed a second time."""
        if self.exact_values and not self.compile_tried:
            self.compile_tried = True
            with contextlib.suppress(Unsupported, RecursionError):
                self.precise = compile_mp(self.expr, tuple(self.symbols), self.domain != "complex")
        if self.precise is None:
            return _value(self.expr, _mp_point(self.symbols, point), self.domain)
        try:
            return self.precise(
                tuple(mpmath.mpc(v) if type(v) is complex else mpmath.mpf(v) for v in point)
            )
        except Undefined:
            return None


@lru_cache(maxsize=2048)
def _side(expr: sympy.Basic, symbols: tuple[sympy.Symbol, ...], domain: str) -> _Side:
    return _Side(expr, symbols, domain)


def clear_sides() -> None:
    """Forget shared sides and their sampled values (benchmarks measure cold caches)."""
    _side.cache_clear()
    _exact_side.cache_clear()
    _free_symbols.cache_clear()
    constant_value.cache_clear()


def _close(a: Number, b: Number, tolerance: mpmath.mpf) -> bool:
    """``|a - b| <= tolerance * max(1, |a|, |b|)``; the usual case (a tiny difference) is
    settled by the first comparison, without the magnitudes (mpmath arithmetic is slow)."""
    if mpmath.isinf(a) or mpmath.isinf(b):
        return a == b
    difference = abs(a - b)
    return difference <= tolerance or difference <= tolerance * max(abs(a), abs(b))


def _finite(value: complex | float | None) -> bool:
    return value is not None and cmath.isfinite(value)


def _close_fast(a: complex | float, b: complex | float, tolerance: float = 1e-9) -> bool:
    if not (cmath.isfinite(a) and cmath.isfinite(b)):
        return a == b
    return abs(a - b) <= tolerance * max(1.0, abs(a), abs(b))


def _agree_fast(a: _Side, b: _Side, point: Point, sign: int) -> bool | None:
    value_a, value_b = a.fast(point), b.fast(point)
    if value_a is None and value_b is None:
        return None
    if value_a is None or value_b is None:
        return False
    return _close_fast(value_a, sign * value_b)


def _agree_exact(a: _Side, b: _Side, point: Point, sign: int, total: bool = False) -> bool | None:
    """Agreement at 60 digits; None where both sides are undefined (either, with ``total``)."""
    tolerance = _FLOAT_TOL if a.has_float or b.has_float else _EXACT_TOL
    with digits(_EXACT_DPS):
        value_a, value_b = a.exact(point), b.exact(point)
        if value_a is None or value_b is None:
            return None if total or value_a is value_b else False
        if total and not (mpmath.isfinite(value_a) and mpmath.isfinite(value_b)):
            return None
        return _close(value_a, sign * value_b, tolerance)


def equivalent(a: sympy.Basic, b: sympy.Basic, domain: str = "real") -> bool:
    """True when ``a`` and ``b`` take the same values wherever either is defined.

    Over the reals a point where exactly one side is defined counts as a difference, so
    ``ln(x)`` is not ``ln|x|`` and ``sqrt(x^2)`` is not ``x``; isolated holes such as
    ``(x^2-1)/(x-1)`` at 1 are never sampled. The relation is symmetric by construction.
    """
    if a == b:
        return True
    return _equal_up_to_sign(a, b, domain, 1)


def opposite(a: sympy.Basic, b: sympy.Basic, domain: str = "real") -> bool:
    """``equivalent(a, -b)`` (the sign-error check) without building ``-b``: ``b``'s sampled
    values are negated (exactly), so a key is evaluated once for both questions."""
    return _equal_up_to_sign(a, b, domain, -1)


def _equal_up_to_sign(a: sympy.Basic, b: sympy.Basic, domain: str, sign: int) -> bool:
    settled = numerically_equal(a, b, domain, sign)
    return _symbolically_equivalent(a, sign * b) if settled is None else settled


def numerically_equal(
    a: sympy.Basic, b: sympy.Basic, domain: str, sign: int = 1, total: bool = False
) -> bool | None:
    """``equivalent(a, sign*b)`` by sample points alone; None when they cannot settle it (too
    few points defined on both sides, or a node the numeric evaluators do not know).

    Only point values are used, so ``a`` and ``b`` may be typed (unevaluated) trees where
    :func:`typed.stands_for_evaluation` allows it: their evaluations are then never built.
    Pass ``total`` then: a typed tree undefined or infinite at a sample point (``1/(x-x)``,
    ``ln(0 x)``) may be one that evaluation rejects or repairs, so a side undefined or
    infinite there gives None, not a verdict.
    """
    if sign == 1 and a == b:  # one tree (an answer typed as its key): one function, and so
        return True  # are its evaluations, whatever the sample points would find
    symbols = tuple(sorted(_free_symbols(a) | _free_symbols(b), key=_name))
    exact = _exactly_equal(a, b, symbols, domain, sign, total)
    if exact is not None:
        return exact
    try:
        return _numerically_equivalent(a, b, symbols, domain, sign, total)
    except Unsupported:
        return None


@lru_cache(maxsize=64)
def _integer_points(count: int, domain: str) -> tuple[tuple[int, ...], ...]:
    rng = random.Random(5381)  # noqa: S311 - reproducible sample points, not secrets
    signed = domain != "positive"
    return tuple(
        tuple(
            rng.randint(10**4, 10**9) * (rng.choice((1, -1)) if signed else 1) for _ in range(count)
        )
        for _ in range(_MAX_EXACT_TRIES)
    )


class _ExactSide:
    """One expression's exact values at the integer points, each computed once: a key is
    compared with many answers, an answer with the key and its negation (like :class:`_Side`).
    """

    __slots__ = ("expr", "rational", "symbols", "values")

    def __init__(self, expr: sympy.Basic, symbols: tuple[sympy.Symbol, ...]) -> None:
        self.expr, self.symbols, self.rational = expr, symbols, True
        self.values: dict[tuple[int, ...], tuple[int, int] | None] = {}

    def at(self, values: tuple[int, ...]) -> tuple[int, int] | None:
        """(numerator, denominator), None at a pole; raises NotRational (remembered)."""
        if not self.rational:
            raise NotRational("not a rational function")
        if values not in self.values:
            try:
                self.values[values] = exact_value(
                    self.expr, dict(zip(self.symbols, values, strict=True))
                )
            except ZeroDivisionError:
                self.values[values] = None
            except NotRational:
                self.rational = False
                raise
        return self.values[values]


@lru_cache(maxsize=2048)
def _exact_side(expr: sympy.Basic, symbols: tuple[sympy.Symbol, ...]) -> _ExactSide:
    return _ExactSide(expr, symbols)


def _exactly_equal(
    a: sympy.Basic,
    b: sympy.Basic,
    symbols: tuple[sympy.Symbol, ...],
    domain: str,
    sign: int,
    total: bool,
) -> bool | None:
    """Rational functions compared exactly at large random integer points; None otherwise.

    Two different rational functions agree at a random point from a range of 10^9 values
    with probability at most degree/10^9, so two points settle it, with no rounding at all.
    Poles (a zero denominator) are skipped like holes; over the integers the sample points
    would differ from the float ones, so that domain is left to them.
    """
    if domain == "integer":
        return None
    side_a, side_b = _exact_side(a, symbols), _exact_side(b, symbols)
    agreed = 0
    try:
        for values in _integer_points(len(symbols), domain):
            value_a = side_a.at(values)
            value_b = side_b.at(values) if value_a is not None or not total else None
            if value_a is None or value_b is None:
                if total:
                    return None
                continue
            if value_a[0] * value_b[1] != sign * value_b[0] * value_a[1]:
                return False
            agreed += 1
            if agreed >= _EXACT_POINTS or not symbols:
                return True
    except NotRational:
        return None
    return None


def _numerically_equivalent(
    a: sympy.Basic,
    b: sympy.Basic,
    symbols: tuple[sympy.Symbol, ...],
    domain: str,
    sign: int,
    total: bool,
) -> bool | None:
    side_a, side_b = _side(a, symbols, domain), _side(b, symbols, domain)
    if not symbols:
        verdict = _agree_exact(side_a, side_b, (), sign, total)
        return None if total and verdict is None else verdict is not False
    compared = 0
    for point in _points(symbols, domain, seed=20240601):
        if total and not (_finite(side_a.fast(point)) and _finite(side_b.fast(point))):
            return None
        fast = _agree_fast(side_a, side_b, point, sign)
        if fast is False:
            fast = _agree_exact(side_a, side_b, point, sign, total)
            if fast is False:
                return False
            if fast is None and total:
                return None
        if fast:
            compared += 1
            if compared >= _WANTED_POINTS:
                break
    if compared < _MIN_POINTS:
        return None
    confirmed = 0
    for point in _points(symbols, domain, seed=977):
        verdict = _agree_exact(side_a, side_b, point, sign, total)
        if verdict is None and total:
            return None
        if verdict is False:
            return False
        confirmed += verdict is True
        if confirmed >= _CONFIRM_POINTS:
            break
    return True


def _symbolically_equivalent(a: sympy.Basic, b: sympy.Basic) -> bool:
    """Last resort for expressions with almost no common real domain; may be slow."""
    return sympy.simplify(a - b) == 0


def sample_values(expr: sympy.Basic, domain: str = "real", count: int = 6) -> list[complex | float]:
    """Values of ``expr`` at up to ``count`` random points where it is defined (double)."""
    symbols = tuple(sorted(_free_symbols(expr), key=_name))
    side = _side(expr, symbols, domain)
    values: list[complex | float] = []
    for point in _points(symbols, domain, seed=31337):
        value = side.fast(point)
        if value is not None:
            values.append(value)
        if len(values) >= count or not symbols:
            break
    return values


def finite_somewhere(expr: sympy.Basic, domain: str = "real") -> bool:
    """Whether ``expr`` is finite at a sample point where it is defined: for a rational
    function, exactly at the first integer point (what the comparisons with it use, so no
    double-precision evaluator is compiled for it); else at double precision."""
    symbols = tuple(sorted(_free_symbols(expr), key=_name))
    if domain != "integer":
        with contextlib.suppress(NotRational):
            if _exact_side(expr, symbols).at(_integer_points(len(symbols), domain)[0]):
                return True
    return any(cmath.isfinite(value) for value in sample_values(expr, domain, count=1))


def differ_by_constant(a: sympy.Basic, b: sympy.Basic, domain: str = "real") -> bool:
    """True if ``a - b`` is one constant on a common domain (antiderivatives up to + C).

    A point where only one side is defined is a difference, so ``ln(x)`` is not ``ln|x|``.
    """
    symbols = tuple(sorted(_free_symbols(a) | _free_symbols(b), key=_name))
    side_a, side_b = _side(a, symbols, domain), _side(b, symbols, domain)
    differences: list[complex | float] = []
    for point in _points(symbols, domain, seed=31337):
        value_a, value_b = side_a.fast(point), side_b.fast(point)
        if (value_a is None) != (value_b is None):
            return False
        if value_a is not None and value_b is not None:
            differences.append(value_a - value_b)
        if len(differences) >= _WANTED_POINTS or not symbols:
            break
    return bool(differences) and all(_close_fast(d, differences[0]) for d in differences)


@lru_cache(maxsize=2048)
def constant_value(expr: sympy.Basic) -> Number | None:
    """High-precision value of a closed expression (no symbols), None if undefined.

    Cached: a numeric key's value is asked for by every answer compared with it.
    """
    with digits(_EXACT_DPS):
        try:
            return evaluate_at(expr, {}, real=False)
        except (Undefined, Unsupported):
            return None


def proportional(a: sympy.Basic, b: sympy.Basic, domain: str = "real") -> bool:
    """True if ``a = c*b`` for a constant c != 0: ``2y-4x-2`` and ``y-2x-1`` share a zero set."""
    symbols = tuple(sorted(_free_symbols(a) | _free_symbols(b), key=_name))
    side_a, side_b = _side(a, symbols, domain), _side(b, symbols, domain)
    ratios: list[complex | float] = []
    for point in _points(symbols, domain, seed=4242):
        value_a, value_b = side_a.fast(point), side_b.fast(point)
        if value_a is not None and value_b is not None and abs(value_b) > 1e-9:
            ratios.append(value_a / value_b)
        if len(ratios) >= _WANTED_POINTS:
            break
    return (
        len(ratios) >= _MIN_POINTS
        and abs(ratios[0]) > 1e-9
        and all(_close_fast(r, ratios[0]) for r in ratios)
    )
