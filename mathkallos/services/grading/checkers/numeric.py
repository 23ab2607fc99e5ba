"""Numbers: exact equality, tolerances, significant figures, exact values required."""

from __future__ import annotations

import mpmath
import sympy

from ..equivalence import constant_value, equivalent, opposite
from ..errors import AnswerShapeError, SettingsError
from ..numeric import digits
from ..settings import Settings
from ..shapes import Reading, expr_of
from ..verdict import Verdict
from .base import KindChecker, within_tolerance

_CLOSE_FOR_EXACT_HINT = 1e-2


def _number(reading: Reading) -> sympy.Expr:
    """The number as typed where that stands for its evaluation (a typed constant is always
    defined, so nothing differs), else evaluated; ``x - x`` is no typed number."""
    typed = reading.typed_expr("real")
    return typed if typed is not None and not typed.free_symbols else expr_of(reading.value)


def read_key(key: str, settings: Settings) -> sympy.Expr:
    expr = _number(Reading(key, settings))
    if expr.free_symbols or constant_value(expr) is None:
        raise SettingsError("a numeric key must be a number")
    return expr


def _round_significant(value: mpmath.mpf, figures: int) -> mpmath.mpf:
    if value == 0:
        return value
    exponent = int(mpmath.floor(mpmath.log10(abs(value))))
    scale = mpmath.mpf(10) ** (figures - 1 - exponent)
    return mpmath.nint(value * scale) / scale


def grade(answer: str, key: sympy.Expr, settings: Settings) -> Verdict:
    reading = Reading(answer, settings)
    expr = _number(reading)
    if expr.free_symbols:
        raise AnswerShapeError("number_expected")
    value, target = constant_value(expr), constant_value(key)
    if value is None:
        return Verdict.checked("incorrect", 0.0, reading.latex)
    decimal_answer = expr.has(sympy.Float)
    if settings.exact and decimal_answer:
        return Verdict.checked("exact_expected", 0.0, reading.latex)
    if settings.sig_figs:
        with digits(30):
            same = _round_significant(mpmath.re(value), settings.sig_figs) == _round_significant(
                mpmath.re(target), settings.sig_figs
            )
        return Verdict.checked(
            "correct" if same else "sig_figs",
            float(same),
            reading.latex,
            sig_figs=settings.sig_figs,
        )
    tolerant = within_tolerance(expr, key, settings)
    if tolerant is not None:
        return Verdict.checked(
            "correct" if tolerant else "outside_tolerance", float(tolerant), reading.latex
        )
    if equivalent(expr, key):
        return Verdict.checked("correct", 1.0, reading.latex)
    if (
        decimal_answer
        and not key.has(sympy.Float)
        and (abs(value - target) <= _CLOSE_FOR_EXACT_HINT * max(1, abs(target)))
    ):
        return Verdict.checked("exact_expected", 0.0, reading.latex)
    if target != 0 and opposite(expr, key):
        return Verdict.checked("sign_error", 0.0, reading.latex)
    return Verdict.checked("incorrect", 0.0, reading.latex)


NUMERIC = KindChecker(read_key, grade)
