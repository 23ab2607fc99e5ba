"""Evaluate sympy expressions at points with mpmath, independent of sympy's own evalf.

Direct evaluation is fast (no lambdify code generation) and lets us decide, per point, whether
an expression is defined over the reals: a real input that yields a non-real output of a root,
logarithm or inverse function means the point is outside the expression's real domain.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import mpmath
import sympy

Number = Any  # mpmath.mpf | mpmath.mpc


class Undefined(Exception):
    """The expression has no value at this point (pole, outside the real domain)."""


class Unsupported(Exception):
    """The expression contains something the numeric evaluator does not know."""


def _max(*args: Number) -> Number:
    return max(args, key=_real_key)


def _min(*args: Number) -> Number:
    return min(args, key=_real_key)


def _real_key(value: Number) -> Number:
    if not is_real(value):
        raise Undefined("max/min of non-real values")
    return mpmath.re(value)


def _sign(value: Number) -> Number:
    return mpmath.sign(value)


_FUNCTIONS: dict[type, Callable[..., Number]] = {
    sympy.sin: mpmath.sin,
    sympy.cos: mpmath.cos,
    sympy.tan: mpmath.tan,
    sympy.cot: mpmath.cot,
    sympy.sec: mpmath.sec,
    sympy.csc: mpmath.csc,
    sympy.asin: mpmath.asin,
    sympy.acos: mpmath.acos,
    sympy.atan: mpmath.atan,
    sympy.acot: mpmath.acot,
    sympy.sinh: mpmath.sinh,
    sympy.cosh: mpmath.cosh,
    sympy.tanh: mpmath.tanh,
    sympy.coth: mpmath.coth,
    sympy.asinh: mpmath.asinh,
    sympy.acosh: mpmath.acosh,
    sympy.atanh: mpmath.atanh,
    sympy.exp: mpmath.exp,
    sympy.log: mpmath.log,
    sympy.Abs: abs,
    sympy.floor: mpmath.floor,
    sympy.ceiling: mpmath.ceil,
    sympy.sign: _sign,
    sympy.factorial: mpmath.factorial,
    sympy.gamma: mpmath.gamma,
    sympy.binomial: mpmath.binomial,
    sympy.re: mpmath.re,
    sympy.im: mpmath.im,
    sympy.arg: mpmath.arg,
    sympy.conjugate: mpmath.conj,
    sympy.Max: _max,
    sympy.Min: _min,
}
_CONSTANTS: dict[sympy.Basic, Callable[[], Number]] = {
    sympy.pi: lambda: +mpmath.pi,
    sympy.E: lambda: +mpmath.e,
    sympy.I: lambda: mpmath.mpc(0, 1),
    sympy.oo: lambda: mpmath.inf,
    -sympy.oo: lambda: -mpmath.inf,
}


def is_real(value: Number) -> bool:
    """True for a real number, allowing the rounding noise of complex intermediates."""
    if isinstance(value, mpmath.mpf):
        return True
    tolerance = mpmath.mpf(10) ** (8 - mpmath.mp.dps)
    return abs(value.imag) <= tolerance * max(1, abs(value.real))


def evaluate_at(expr: sympy.Basic, point: Mapping[sympy.Symbol, Number], real: bool) -> Number:
    """Value of ``expr`` at ``point`` in the current mpmath precision.

    With ``real`` set, a root/log/inverse function of real arguments with a non-real result
    raises Undefined, so ``sqrt(x)`` at x < 0 is "not defined" rather than ``i*sqrt(-x)``.
    """
    try:
        return _evaluate(expr, point, real)
    except (ZeroDivisionError, ValueError, OverflowError) as error:
        raise Undefined(str(error)) from None


def _evaluate(expr: sympy.Basic, point: Mapping[sympy.Symbol, Number], real: bool) -> Number:
    if expr.is_Number:
        if expr.is_Integer:
            return mpmath.mpf(int(expr))
        if expr.is_Rational:
            return mpmath.mpf(int(expr.p)) / int(expr.q)
        if expr.is_finite:
            return mpmath.mpf(expr._to_mpmath(mpmath.mp.prec))
    if expr.is_Symbol:
        if expr not in point:
            raise Unsupported(f"no value for {expr}")
        return point[expr]
    if expr in _CONSTANTS:
        return _CONSTANTS[expr]()
    args = [_evaluate(arg, point, real) for arg in expr.args]
    if isinstance(expr, sympy.Add):
        return mpmath.fsum(args)
    if isinstance(expr, sympy.Mul):
        return mpmath.fprod(args)
    if isinstance(expr, sympy.Pow):
        base, exponent = args
        if base == 0 and mpmath.re(exponent) < 0:
            raise Undefined("division by zero")
        result = mpmath.power(base, exponent)
    elif type(expr) in _FUNCTIONS:
        result = _FUNCTIONS[type(expr)](*args)
    else:
        raise Unsupported(f"cannot evaluate {type(expr).__name__}")
    if real and not is_real(result) and all(is_real(arg) for arg in args):
        raise Undefined("not real")
    return result
