"""Are two expressions equal as functions? Random points first, then high-precision proof.

Double-precision values at random points decide quickly; every mismatch is re-checked at high
precision before an answer is rejected (so rounding never costs a student a mark), and every
agreement is confirmed at 60 digits on fresh points (so near-identities such as
``exp(pi*sqrt(163))`` vs an integer are not accepted). Only when almost no point is defined on
both sides does the slow symbolic route run, inside the worker's time limit.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import mpmath
import sympy

from .numeric import Number, Undefined, Unsupported, evaluate_at

DOMAINS = ("real", "positive", "complex", "integer")
_FAST_DPS, _FAST_TOL = 15, mpmath.mpf("1e-9")
_EXACT_DPS, _EXACT_TOL = 60, mpmath.mpf("1e-40")
_FLOAT_TOL = mpmath.mpf("1e-14")
_WANTED_POINTS = 8
_MIN_POINTS = 3
_MAX_TRIES = 48
_CONFIRM_POINTS = 2


def _random_value(rng: random.Random, domain: str, attempt: int) -> Number:
    if domain == "integer":
        return mpmath.mpf(rng.randint(-8, 14))
    if domain == "complex":
        return mpmath.mpc(rng.uniform(-2.5, 2.5), rng.uniform(-2.5, 2.5))
    wide = attempt % 4 == 3
    magnitude = rng.uniform(0.1, 40.0) if wide else rng.uniform(0.1, 3.5)
    if domain == "positive":
        return mpmath.mpf(magnitude)
    return mpmath.mpf(magnitude if rng.random() < 0.5 else -magnitude)


def _points(symbols: list[sympy.Symbol], domain: str, seed: int) -> Iterator[dict]:
    rng = random.Random(seed)  # noqa: S311 - reproducible sample points, not secrets
    for attempt in range(_MAX_TRIES):
        yield {symbol: _random_value(rng, domain, attempt) for symbol in symbols}


def _value(expr: sympy.Basic, point: dict, domain: str) -> Number | None:
    try:
        return evaluate_at(expr, point, real=domain != "complex")
    except Undefined:
        return None


def _close(a: Number, b: Number, tolerance: mpmath.mpf) -> bool:
    if mpmath.isinf(a) or mpmath.isinf(b):
        return a == b
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))


def _agree(a: sympy.Basic, b: sympy.Basic, point: dict, domain: str, exact: bool) -> bool | None:
    """True/False if the sides agree/differ at the point, None if neither is defined there."""
    dps, tolerance = (_EXACT_DPS, _EXACT_TOL) if exact else (_FAST_DPS, _FAST_TOL)
    if exact and (a.has(sympy.Float) or b.has(sympy.Float)):
        tolerance = _FLOAT_TOL
    with mpmath.workdps(dps):
        value_a, value_b = _value(a, point, domain), _value(b, point, domain)
        if value_a is None and value_b is None:
            return None
        if value_a is None or value_b is None:
            return False
        return _close(value_a, value_b, tolerance)


def equivalent(a: sympy.Basic, b: sympy.Basic, domain: str = "real") -> bool:
    """True when ``a`` and ``b`` take the same values wherever either is defined.

    Over the reals a point where exactly one side is defined counts as a difference, so
    ``ln(x)`` is not ``ln|x|`` and ``sqrt(x^2)`` is not ``x``; isolated holes such as
    ``(x^2-1)/(x-1)`` at 1 are never sampled. The relation is symmetric by construction.
    """
    if a == b:
        return True
    symbols = sorted(a.free_symbols | b.free_symbols, key=str)
    try:
        return _numerically_equivalent(a, b, symbols, domain)
    except Unsupported:
        return _symbolically_equivalent(a, b)


def _numerically_equivalent(a: sympy.Basic, b: sympy.Basic, symbols: list, domain: str) -> bool:
    if not symbols:
        return bool(_agree(a, b, {}, domain, exact=True) is not False)
    compared = 0
    for point in _points(symbols, domain, seed=20240601):
        fast = _agree(a, b, point, domain, exact=False)
        if fast is False:
            fast = _agree(a, b, point, domain, exact=True)
            if fast is False:
                return False
        if fast:
            compared += 1
            if compared >= _WANTED_POINTS:
                break
    if compared < _MIN_POINTS:
        return _symbolically_equivalent(a, b)
    confirmed = 0
    for point in _points(symbols, domain, seed=977):
        verdict = _agree(a, b, point, domain, exact=True)
        if verdict is False:
            return False
        confirmed += verdict is True
        if confirmed >= _CONFIRM_POINTS:
            break
    return True


def _symbolically_equivalent(a: sympy.Basic, b: sympy.Basic) -> bool:
    """Last resort for expressions with almost no common real domain; may be slow."""
    return sympy.simplify(a - b) == 0


def sample_values(expr: sympy.Basic, domain: str = "real", count: int = 6) -> list[Number]:
    """Values of ``expr`` at up to ``count`` random points where it is defined (fast precision)."""
    symbols = sorted(expr.free_symbols, key=str)
    values: list[Number] = []
    with mpmath.workdps(_FAST_DPS):
        for point in _points(symbols, domain, seed=31337):
            value = _value(expr, point, domain)
            if value is not None:
                values.append(value)
            if len(values) >= count or not symbols:
                break
    return values


def differ_by_constant(a: sympy.Basic, b: sympy.Basic, domain: str = "real") -> bool:
    """True if ``a - b`` is one constant on a common domain (antiderivatives up to + C).

    A point where only one side is defined is a difference, so ``ln(x)`` is not ``ln|x|``.
    """
    symbols = sorted(a.free_symbols | b.free_symbols, key=str)
    differences: list[Number] = []
    with mpmath.workdps(_FAST_DPS):
        for point in _points(symbols, domain, seed=31337):
            value_a, value_b = _value(a, point, domain), _value(b, point, domain)
            if (value_a is None) != (value_b is None):
                return False
            if value_a is not None:
                differences.append(value_a - value_b)
            if len(differences) >= _WANTED_POINTS or not symbols:
                break
    return bool(differences) and all(_close(d, differences[0], _FAST_TOL) for d in differences)


def constant_value(expr: sympy.Basic) -> Number | None:
    """High-precision value of a closed expression (no symbols), None if undefined."""
    with mpmath.workdps(_EXACT_DPS):
        try:
            return evaluate_at(expr, {}, real=False)
        except (Undefined, Unsupported):
            return None


def proportional(a: sympy.Basic, b: sympy.Basic, domain: str = "real") -> bool:
    """True if ``a = c*b`` for a constant c != 0: ``2y-4x-2`` and ``y-2x-1`` share a zero set."""
    symbols = sorted(a.free_symbols | b.free_symbols, key=str)
    ratios: list[Number] = []
    with mpmath.workdps(_FAST_DPS):
        for point in _points(symbols, domain, seed=4242):
            value_a, value_b = _value(a, point, domain), _value(b, point, domain)
            if value_a is not None and value_b is not None and abs(value_b) > _FAST_TOL:
                ratios.append(value_a / value_b)
            if len(ratios) >= _WANTED_POINTS:
                break
    return (
        len(ratios) >= _MIN_POINTS
        and abs(ratios[0]) > _FAST_TOL
        and all(_close(r, ratios[0], _FAST_TOL) for r in ratios)
    )
