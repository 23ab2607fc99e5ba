"""Symbolic (and complex) answers: equivalence, form rules, constants of integration, periods."""

from __future__ import annotations

from dataclasses import replace

import mpmath
import sympy

from ..equivalence import differ_by_constant, equivalent, sample_values
from ..evaluation import evaluate_expr
from ..forms import violated_form
from ..parser import parse
from ..settings import Settings
from ..shapes import Reading, expr_of
from ..verdict import Verdict
from .base import KindChecker

_CONSTANT_NAMES = ("C", "K", "c", "k")


def read_key(key: str, settings: Settings) -> sympy.Expr:
    return expr_of(Reading(key, settings).value)


def _is_integration_constant(symbol: sympy.Symbol) -> bool:
    return symbol.name in _CONSTANT_NAMES or symbol.name.startswith("C_")


def _without_constants(expr: sympy.Expr, constants: set[sympy.Symbol]) -> sympy.Expr:
    return expr.subs({c: 0 for c in constants})


def _matches(answer: sympy.Expr, key: sympy.Expr, settings: Settings) -> tuple[bool, str]:
    """(equivalent?, feedback code when not) under the problem's equivalence notion."""
    if settings.constant_of_integration:
        key_constants = {s for s in key.free_symbols if _is_integration_constant(s)}
        variables = key.free_symbols - key_constants
        answer_constants = answer.free_symbols - variables
        if not differ_by_constant(
            _without_constants(answer, answer_constants),
            _without_constants(key, key_constants),
            settings.domain,
        ):
            return False, "incorrect"
        return bool(answer_constants), "missing_constant"
    if settings.periodic is not None:
        period = evaluate_expr(expr_of(parse(settings.periodic).value))
        quotients = sample_values((answer - key) / period, settings.domain)
        same = bool(quotients) and all(
            abs(q - quotients[0]) < 1e-9 and abs(q - mpmath.nint(q.real)) < 1e-9 for q in quotients
        )
        return same, "incorrect"
    return equivalent(answer, key, settings.domain), "incorrect"


def grade(answer: str, key: sympy.Expr, settings: Settings) -> Verdict:
    reading = Reading(answer, settings)
    expr, raw = expr_of(reading.value), expr_of(reading.raw)
    same, code = _matches(expr, key, settings)
    if not same:
        if code == "incorrect" and key != 0 and equivalent(expr, -key, settings.domain):
            code = "sign_error"
        return Verdict.checked(code, 0.0, reading.latex)
    forms = settings.form + (("no_decimals",) if settings.exact else ())
    broken = violated_form(raw, forms)
    if broken:
        return Verdict.checked(broken, 0.0, reading.latex)
    return Verdict.checked("correct", 1.0, reading.latex)


def grade_complex(answer: str, key: sympy.Expr, settings: Settings) -> Verdict:
    """Complex numbers compare over the complex plane, in any of their written forms."""
    return grade(answer, key, replace(settings, domain="complex"))


SYMBOLIC = KindChecker(read_key, grade)
COMPLEX = KindChecker(read_key, grade_complex)
