"""Cheap checks that keep hostile input from reaching sympy in a form that explodes.

The pool's time and memory limits are the last line of defence; these guards refuse the known
bombs (long text, deep nesting, towers of powers, factorials of huge numbers) in microseconds,
with a message the student can act on.
"""

from __future__ import annotations

import math

import sympy

from .errors import InputTooLarge, MathSyntaxError

MAX_LENGTH = 2000
MAX_NESTING = 50
MAX_RESULT_DIGITS = 20000
MAX_SYMBOLIC_EXPONENT = 10000
MAX_FACTORIAL_ARGUMENT = 5000

_OPENERS = "([{"
_CLOSERS = ")]}"


def check_text(text: str, max_length: int = MAX_LENGTH) -> None:
    """Refuse over-long input, deep bracket nesting and Python dunder names before parsing."""
    if len(text) > max_length:
        raise InputTooLarge("too_long", length=len(text), limit=max_length)
    # the nesting is at most the number of openers (at most the length): only a text with
    # many is walked, and a short one is not even counted
    deep = len(text) > MAX_NESTING and sum(map(text.count, _OPENERS)) > MAX_NESTING
    depth = 0
    for index, char in enumerate(text if deep else ""):
        if char in _OPENERS:
            depth += 1
            if depth > MAX_NESTING:
                raise InputTooLarge("too_deep", index + 1, limit=MAX_NESTING)
        elif char in _CLOSERS:
            depth = max(depth - 1, 0)
    dunder = text.find("__")
    if dunder >= 0:
        raise MathSyntaxError("forbidden", dunder + 1, word="__")


def _log10_abs(number: sympy.Number) -> float:
    """Order of magnitude of a sympy number without computing anything large."""
    if number.is_Integer:
        value = abs(int(number))
        return value.bit_length() * math.log10(2) if value else 0.0
    if number.is_Rational:
        return max(_log10_abs(sympy.Integer(number.p)), _log10_abs(sympy.Integer(number.q)))
    magnitude = abs(float(sympy.Abs(number).evalf(5))) if number.is_finite else 0.0
    return math.log10(magnitude) if magnitude > 0 else 0.0


def check_power(base: sympy.Expr, exponent: sympy.Expr) -> None:
    """Refuse powers whose exact value would have more than MAX_RESULT_DIGITS digits."""
    if not exponent.is_Number or exponent.is_Float:
        return
    size = abs(float(exponent))  # sympy gives inf, not OverflowError, for a huge integer
    if base.is_Number and not base.is_Float:
        if base.is_Integer and abs(base.p) <= 1:
            return
        if size * _log10_abs(base) > MAX_RESULT_DIGITS or size > 10**6:
            raise InputTooLarge("number_too_large")
    elif size > MAX_SYMBOLIC_EXPONENT:
        raise InputTooLarge("exponent_too_large", limit=MAX_SYMBOLIC_EXPONENT)


def check_factorial(argument: sympy.Expr) -> None:
    """Refuse exact factorials and binomials of huge integers (``factorial(10^10)``)."""
    if argument.is_Number and abs(argument) > MAX_FACTORIAL_ARGUMENT:
        raise InputTooLarge("factorial_too_large", limit=MAX_FACTORIAL_ARGUMENT)
