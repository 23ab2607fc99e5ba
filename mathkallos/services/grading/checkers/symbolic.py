"""Symbolic (and complex) answers: equivalence, form rules, constants of integration, periods."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

import mpmath
import sympy

from ..equivalence import (
    constant_value,
    differ_by_constant,
    equivalent,
    finite_somewhere,
    numerically_equal,
    opposite,
    sample_values,
)
from ..evaluation import evaluate_expr
from ..forms import has_numeric_content, violated_form
from ..parser import parse
from ..settings import Settings
from ..shapes import Reading, expr_of
from ..verdict import Verdict
from .base import KindChecker

_CONSTANT_NAMES = ("C", "K", "c", "k")
_PARAMETER_NAMES = ("n", "k", "m", "l", "z")
# ", k in Z" / "; n ∈ ℤ" / ", k \in \mathbb{Z}" after a general solution (periodic problems)
_INTEGER_CLAUSE = re.compile(
    r"[,;]?\s*(?:where\s+|for\s+)?([a-zA-Z])(?:_\w+)?\s*(?:\\in|∈|\bin\b)\s*"
    r"(?:\\mathbb\s*\{\s*Z\s*\}|\\Z|ℤ|Z|integers?)\s*$"
)


class SymbolicKey:
    """The key as sampled, its evaluation (built on first use), and whether the author pulled
    numeric content out (``2(x+1)``).

    A key whose typed tree stands for its evaluation is sampled as typed, so it is not
    evaluated unless an answer needs that; a key that is defined nowhere (``1/(x-x)``) is
    evaluated at once, so that its error is the author's, reported when it is read (so is
    one that is infinite wherever it is defined, ``ln(x-x)``).
    """

    def __init__(self, reading: Reading, settings: Settings) -> None:
        self._reading, self._settings = reading, settings
        raw = reading.raw
        self.content_factored = isinstance(raw, sympy.Expr) and has_numeric_content(raw)
        typed = reading.typed_expr(settings.domain)
        if typed is not None and not finite_somewhere(typed, settings.domain):
            typed = None
        self.sampled: sympy.Expr = self.expr if typed is None else typed

    @cached_property
    def expr(self) -> sympy.Expr:
        return expr_of(self._reading.value)

    @cached_property
    def variables(self) -> set[sympy.Symbol]:
        """The key's symbols other than constants of integration."""
        return {s for s in self.expr.free_symbols if not _is_integration_constant(s)}

    @cached_property
    def without_constants(self) -> sympy.Expr:
        return _without_constants(self.expr, self.expr.free_symbols - self.variables)

    @cached_property
    def family(self) -> tuple[sympy.Expr, set[sympy.Symbol], _Family | None]:
        """(period, variables, the key's family ``a + p*n``) of a periodic problem: the same
        for every answer compared with this key, so built once."""
        if self._settings.periodic is None:
            raise ValueError("not a periodic problem")
        period = evaluate_expr(expr_of(parse(self._settings.periodic).value))
        variables = {s for s in self.expr.free_symbols if _parameter(self.expr, set()) != s}
        return period, variables, _family(self.expr, variables, self._settings.domain)


def read_key(key: str, settings: Settings) -> SymbolicKey:
    return SymbolicKey(Reading(key, settings), settings)


def _is_integration_constant(symbol: sympy.Symbol) -> bool:
    return symbol.name in _CONSTANT_NAMES or symbol.name.startswith("C_")


def _without_constants(expr: sympy.Expr, constants: set[sympy.Symbol]) -> sympy.Expr:
    return expr.xreplace(dict.fromkeys(constants, sympy.S.Zero)) if constants else expr


def _equivalent(reading: Reading, key: SymbolicKey, domain: str, sign: int = 1) -> bool:
    """The answer equals ``sign * key`` (equivalent, or opposite for the sign-error check).

    Settled on the typed trees where they stand for their evaluations and the sample points
    decide, so neither is evaluated by sympy; otherwise on the evaluated answer and key.
    """
    typed = reading.typed_expr(domain)
    if typed is not None:
        settled = numerically_equal(typed, key.sampled, domain, sign, total=True)
        if settled is not None:
            return settled
    answer = expr_of(reading.value)
    if sign == 1:
        return equivalent(answer, key.expr, domain)
    return opposite(answer, key.expr, domain)


def _matches(reading: Reading, symbolic_key: SymbolicKey, settings: Settings) -> tuple[bool, str]:
    """(equivalent?, feedback code when not) under the problem's equivalence notion."""
    if not settings.constant_of_integration and settings.periodic is None:
        return _equivalent(reading, symbolic_key, settings.domain), "incorrect"
    answer = expr_of(reading.value)
    if settings.constant_of_integration:
        answer_constants = answer.free_symbols - symbolic_key.variables
        if not differ_by_constant(
            _without_constants(answer, answer_constants),
            symbolic_key.without_constants,
            settings.domain,
        ):
            return False, "incorrect"
        return bool(answer_constants), "missing_constant"
    return _same_family(answer, symbolic_key, settings), "incorrect"


def _parameter(expr: sympy.Expr, variables: set[sympy.Symbol]) -> sympy.Symbol | None:
    """The integer parameter of a general solution (``n`` in ``pi/3 + 2 pi n``), if any."""
    candidates = [
        s for s in expr.free_symbols - variables if s.name.split("_")[0] in _PARAMETER_NAMES
    ]
    return candidates[0] if len(candidates) == 1 else None


_Family = tuple[sympy.Expr, sympy.Expr | None]


def _family(expr: sympy.Expr, variables: set[sympy.Symbol], domain: str) -> _Family | None:
    """(representative, step) of ``a + p*n``; step None without a parameter; None if not linear."""
    parameter = _parameter(expr, variables)
    if parameter is None:
        return expr, None
    base = expr.xreplace({parameter: sympy.S.Zero})
    step = sympy.expand(expr.xreplace({parameter: sympy.S.One}) - base)
    if step.free_symbols or not equivalent(expr, base + step * parameter, domain):
        return None
    return base, step


def _same_family(answer: sympy.Expr, symbolic_key: SymbolicKey, settings: Settings) -> bool:
    """Same values modulo the period; general solutions ``a + p*n`` must have step ±period."""
    period, variables, key_family = symbolic_key.family
    answer_family = _family(answer, set(variables), settings.domain)
    if key_family is None or answer_family is None:
        return False
    key_base, key_step = key_family
    answer_base, answer_step = answer_family
    if key_step is not None:
        if answer_step is None:
            return False  # one solution where the general solution is asked for
        period = key_step
    if answer_step is not None and not _same_size(answer_step, period):
        return False
    if answer.free_symbols - variables - ({_parameter(answer, variables)} - {None}):
        return False
    quotients = sample_values((answer_base - key_base) / period, settings.domain)
    return bool(quotients) and all(
        abs(q - quotients[0]) < 1e-9 and abs(q - mpmath.nint(q.real)) < 1e-9 for q in quotients
    )


def _same_size(step: sympy.Expr, period: sympy.Expr) -> bool:
    first, second = constant_value(step), constant_value(period)
    if first is None or second is None or second == 0:
        return False
    return bool(abs(abs(first) - abs(second)) <= mpmath.mpf("1e-30") * abs(second))


def grade(answer: str, symbolic_key: SymbolicKey, settings: Settings) -> Verdict:
    if settings.periodic is not None:
        answer = _INTEGER_CLAUSE.sub("", answer)
    reading = Reading(answer, settings)
    same, code = _matches(reading, symbolic_key, settings)
    if not same:
        if (
            code == "incorrect"
            and symbolic_key.sampled != 0
            and _equivalent(reading, symbolic_key, settings.domain, sign=-1)
        ):
            code = "sign_error"
        return Verdict.checked(code, 0.0, reading.latex)
    raw = expr_of(reading.raw)
    forms = settings.form + (("no_decimals",) if settings.exact else ())
    broken = violated_form(raw, forms, content=symbolic_key.content_factored)
    if broken:
        return Verdict.checked(broken, 0.0, reading.latex)
    return Verdict.checked("correct", 1.0, reading.latex)


def grade_complex(answer: str, key: SymbolicKey, settings: Settings) -> Verdict:
    """Complex numbers compare over the complex plane, in any of their written forms."""
    return grade(answer, key, replace(settings, domain="complex"))


def read_complex_key(key: str, settings: Settings) -> SymbolicKey:
    return read_key(key, replace(settings, domain="complex"))


SYMBOLIC = KindChecker(read_key, grade)
COMPLEX = KindChecker(read_complex_key, grade_complex)
