"""Evaluate sympy expressions at points with mpmath, independent of sympy's own evalf.

Direct evaluation is fast (no lambdify code generation) and lets us decide, per point, whether
an expression is defined over the reals: a real input that yields a non-real output of a root,
logarithm or inverse function means the point is outside the expression's real domain.
"""

from __future__ import annotations

import cmath
import math
from collections.abc import Callable, Mapping
from functools import lru_cache
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


def number_sign(number: sympy.Basic) -> int | None:
    """1, 0 or -1 for a sympy number (None for zoo and nan), read off its value: what its
    ``is_extended_positive`` and ``is_extended_negative`` say, without sympy's assumptions,
    whose first answer for a new number object costs about 0.1 ms (every pass makes new
    ones: sympy's cache is cleared, and so are the parser's integers)."""
    if number.is_Rational:
        return (number.p > 0) - (number.p < 0)
    if number.is_Float:
        return int(mpmath.libmp.mpf_sign(number._mpf_))
    if number is sympy.S.Infinity:
        return 1
    if number is sympy.S.NegativeInfinity:
        return -1
    return None


def digits(dps: int) -> Any:
    """``mpmath.workdps(dps)`` without its digits-to-bits conversion on every entry (hot)."""
    return mpmath.workprec(_bits(dps))


@lru_cache(maxsize=16)
def _bits(dps: int) -> int:
    return int(mpmath.libmp.dps_to_prec(dps))


@lru_cache(maxsize=16)
def _noise(dps: int) -> Number:
    return mpmath.mpf(10) ** (8 - dps)


def is_real(value: Number) -> bool:
    """True for a real number, allowing the rounding noise of complex intermediates."""
    if isinstance(value, mpmath.mpf):
        return True
    return abs(value.imag) <= _noise(mpmath.mp.dps) * max(1, abs(value.real))


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


# ---- double precision: a closure tree per expression, compiled once, no code generation ----


class Fallback(Exception):
    """Double precision cannot decide this point (overflow, pole): use mpmath instead."""


Compiled = Callable[[tuple], Any]


def _is_real_float(value: Any) -> bool:
    return type(value) is float or abs(value.imag) <= 1e-7 * max(1.0, abs(value.real))


def _real_or_complex(name: str) -> tuple[Callable, Callable]:
    return getattr(math, name), getattr(cmath, name)


def _reciprocal(name: str) -> tuple[Callable, Callable]:
    real, complex_ = _real_or_complex(name)
    return (lambda v: 1.0 / real(v)), (lambda v: 1.0 / complex_(v))


_FLOAT_FUNCTIONS: dict[type, tuple[Callable, Callable]] = {
    sympy.sin: _real_or_complex("sin"),
    sympy.cos: _real_or_complex("cos"),
    sympy.tan: _real_or_complex("tan"),
    sympy.cot: _reciprocal("tan"),
    sympy.sec: _reciprocal("cos"),
    sympy.csc: _reciprocal("sin"),
    sympy.asin: _real_or_complex("asin"),
    sympy.acos: _real_or_complex("acos"),
    sympy.atan: _real_or_complex("atan"),
    sympy.sinh: _real_or_complex("sinh"),
    sympy.cosh: _real_or_complex("cosh"),
    sympy.tanh: _real_or_complex("tanh"),
    sympy.asinh: _real_or_complex("asinh"),
    sympy.acosh: _real_or_complex("acosh"),
    sympy.atanh: _real_or_complex("atanh"),
    sympy.exp: _real_or_complex("exp"),
    sympy.log: _real_or_complex("log"),
}
_FLOAT_CONSTANTS: dict[sympy.Basic, Any] = {sympy.pi: math.pi, sympy.E: math.e, sympy.I: 1j}


@lru_cache(maxsize=2048)
def compile_float(expr: sympy.Basic, symbols: tuple[sympy.Symbol, ...], real: bool) -> Compiled:
    """A function of a tuple of point values (floats, or complex) giving ``expr`` there.

    Mirrors :func:`evaluate_at`: with ``real`` a real argument with a non-real result raises
    Undefined; anything double precision cannot settle raises Fallback. Raises Unsupported at
    compile time for nodes it does not know (the caller then uses mpmath throughout).
    """
    return _compile(expr, {symbol: index for index, symbol in enumerate(symbols)}, real)


def _compile(expr: sympy.Basic, index: dict, real: bool) -> Compiled:
    if expr.is_Number:
        if not expr.is_finite:
            raise Unsupported("infinite constant")
        try:
            constant = float(expr)
        except OverflowError:
            raise Unsupported("too large for double precision") from None
        return lambda point: constant
    if expr.is_Symbol:
        if expr not in index:
            raise Unsupported(f"no value for {expr}")
        position = index[expr]
        return lambda point: point[position]
    if expr in _FLOAT_CONSTANTS:
        constant = _FLOAT_CONSTANTS[expr]
        return lambda point: constant
    parts = [_compile(arg, index, real) for arg in expr.args]
    if isinstance(expr, sympy.Add):

        def add(point: tuple) -> Any:
            return sum(part(point) for part in parts)

        return add
    if isinstance(expr, sympy.Mul):

        def mul(point: tuple) -> Any:
            result = 1.0
            for part in parts:
                result *= part(point)
            return result

        return mul
    if isinstance(expr, sympy.Pow):
        base, exponent = parts
        if expr.exp.is_Integer:
            whole = int(expr.exp)
            return lambda point: base(point) ** whole
        return _compile_power(base, exponent, real)
    if isinstance(expr, sympy.Abs):
        (inner,) = parts
        return lambda point: abs(inner(point))
    if type(expr) in _FLOAT_FUNCTIONS and len(parts) == 1:
        return _compile_function(*_FLOAT_FUNCTIONS[type(expr)], parts[0], real)
    raise Unsupported(f"no double-precision rule for {type(expr).__name__}")


def _compile_power(base: Compiled, exponent: Compiled, real: bool) -> Compiled:
    def power(point: tuple) -> Any:
        b, e = base(point), exponent(point)
        if b == 0 and e.real < 0:
            raise Undefined("division by zero")
        result = b**e
        if (
            real
            and type(result) is complex
            and _is_real_float(b)
            and _is_real_float(e)
            and not _is_real_float(result)
        ):
            raise Undefined("not real")
        return result

    return power


def _compile_function(
    real_function: Callable, complex_function: Callable, inner: Compiled, real: bool
) -> Compiled:
    def function(point: tuple) -> Any:
        value = inner(point)
        if type(value) is float:
            try:
                return real_function(value)
            except ValueError:
                if not real:
                    raise Fallback("pole") from None
                try:
                    result = complex_function(value)
                except ValueError:
                    raise Fallback("pole") from None
                if _is_real_float(result):
                    raise Fallback("real result outside the float domain") from None
                raise Undefined("not real") from None
        result = complex_function(value)
        if real and _is_real_float(value) and not _is_real_float(result):
            raise Undefined("not real")
        return result

    return function


def float_value(compiled: Compiled, point: tuple) -> Any:
    """Value of a compiled expression at a point; None if undefined there; Fallback if unsure."""
    try:
        value = compiled(point)
    except (Undefined, ZeroDivisionError):
        return None
    except (OverflowError, ValueError, TypeError):
        raise Fallback("overflow") from None
    if type(value) is complex:
        if not (cmath.isfinite(value)):
            raise Fallback("not finite")
    elif not math.isfinite(value):
        raise Fallback("not finite")
    return value


# ---- high precision: the same walk as ``_evaluate``, resolved once per expression ----------


@lru_cache(maxsize=2048)
def compile_mp(expr: sympy.Basic, symbols: tuple[sympy.Symbol, ...], real: bool) -> Compiled:
    """:func:`evaluate_at` compiled: a function of a tuple of mpmath values (current precision).

    Raises Unsupported at compile time where ``evaluate_at`` would raise it on every call.
    """
    compiled = _compile_mp(expr, {symbol: index for index, symbol in enumerate(symbols)}, real)

    def evaluate(point: tuple) -> Number:
        try:
            return compiled(point)
        except (ZeroDivisionError, ValueError, OverflowError) as error:
            raise Undefined(str(error)) from None

    return evaluate


def _compile_mp(expr: sympy.Basic, index: dict, real: bool) -> Compiled:
    if expr.is_Number:
        if expr.is_Integer:
            whole = int(expr)
            return lambda point: mpmath.mpf(whole)
        if expr.is_Rational:
            numerator, denominator = int(expr.p), int(expr.q)
            return lambda point: mpmath.mpf(numerator) / denominator
        if expr.is_finite:
            return lambda point: mpmath.mpf(expr._to_mpmath(mpmath.mp.prec))
    if expr.is_Symbol:
        if expr not in index:
            raise Unsupported(f"no value for {expr}")
        position = index[expr]
        return lambda point: point[position]
    if expr in _CONSTANTS:
        constant = _CONSTANTS[expr]
        return lambda point: constant()
    parts = [_compile_mp(arg, index, real) for arg in expr.args]
    if isinstance(expr, sympy.Add):
        return lambda point: mpmath.fsum([part(point) for part in parts])
    if isinstance(expr, sympy.Mul):
        return lambda point: mpmath.fprod([part(point) for part in parts])
    if isinstance(expr, sympy.Pow):
        base, exponent = parts

        def power(point: tuple) -> Number:
            b, e = base(point), exponent(point)
            if b == 0 and mpmath.re(e) < 0:
                raise Undefined("division by zero")
            return _checked(mpmath.power(b, e), (b, e), real)

        return power
    if type(expr) in _FUNCTIONS:
        function = _FUNCTIONS[type(expr)]

        def apply(point: tuple) -> Number:
            args = [part(point) for part in parts]
            return _checked(function(*args), args, real)

        return apply
    raise Unsupported(f"cannot evaluate {type(expr).__name__}")


def _checked(result: Number, args: Any, real: bool) -> Number:
    if real and not is_real(result) and all(is_real(arg) for arg in args):
        raise Undefined("not real")
    return result


# ---- exact: rational functions at integer points, in Python integers ------------------------


class NotRational(Exception):
    """The expression is not a rational function with rational coefficients."""


MAX_EXACT_EXPONENT = 64
MAX_EXACT_BITS = 1 << 16  # hostile towers like ((x+1)^64)^64 go to floats, not bignums
Fraction = tuple[int, int]  # (numerator, denominator), denominator > 0, not reduced


def exact_value(expr: sympy.Basic, point: Mapping[sympy.Symbol, int]) -> Fraction:
    """Exact value of a rational function at integer values of its symbols.

    Python integers (no mpmath, no rounding): polynomials and fractions, the most common
    answers, are compared exactly. Raises NotRational for anything else (floats, roots,
    functions, large exponents, numbers beyond MAX_EXACT_BITS) and ZeroDivisionError at a pole.
    """
    if expr.is_Rational:
        return int(expr.p), int(expr.q)
    if expr.is_Symbol:
        if expr not in point:
            raise NotRational(f"no value for {expr}")
        return point[expr], 1
    func = expr.func
    if func is sympy.Add:
        numerator, denominator = 0, 1
        for arg in expr.args:
            n, d = exact_value(arg, point)
            numerator, denominator = numerator * d + n * denominator, denominator * d
        return _reduced(numerator, denominator)
    if func is sympy.Mul:
        numerator, denominator = 1, 1
        for arg in expr.args:
            n, d = exact_value(arg, point)
            numerator, denominator = numerator * n, denominator * d
        return _reduced(numerator, denominator)
    if func is sympy.Pow:
        base, exponent = expr.args
        if not exponent.is_Integer or abs(exponent) > MAX_EXACT_EXPONENT:
            raise NotRational("not a small integer power")
        n, d = exact_value(base, point)
        power = int(exponent)
        if max(n.bit_length(), d.bit_length()) * abs(power) > MAX_EXACT_BITS:
            raise NotRational("too large to compute exactly")
        if power >= 0:
            return n**power, d**power
        if n == 0:
            raise ZeroDivisionError("pole")
        return (d**-power, n**-power) if n > 0 else ((-d) ** -power, (-n) ** -power)
    raise NotRational(f"{func.__name__} is not rational")


def _reduced(numerator: int, denominator: int) -> Fraction:
    if denominator == 0:
        raise ZeroDivisionError("pole")
    if max(numerator.bit_length(), denominator.bit_length()) > MAX_EXACT_BITS:
        raise NotRational("too large to compute exactly")
    common = math.gcd(numerator, denominator)
    if denominator < 0:
        common = -common
    return numerator // common, denominator // common
