"""Step-by-step work: each step must follow from the previous one, the last must be the key.

Lines are separated by newlines or ``;``. For an equation key every step is an equation and
"follows" means "same solutions"; otherwise steps are expressions and a line ``a = b = c``
contributes each of its sides as a step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import sympy

from ..equivalence import equivalent
from ..errors import MathSyntaxError
from ..settings import Settings
from ..shapes import Reading, expr_of
from ..values import Relation, Value
from ..verdict import Verdict
from .base import KindChecker
from .equations import Equations, read_equations, same_solutions

_LEADING_CONNECTIVE = re.compile(
    r"^\s*(=|<=>|=>|⇔|⇒|\\iff|\\implies|\\Rightarrow|\\Leftrightarrow)"
)
Step = sympy.Expr | Equations


@dataclass(frozen=True)
class StepsKey:
    target: Step
    start: Step | None


def _is_equation_key(value: Value) -> bool:
    return not isinstance(value, sympy.Expr)


def _steps_of(value: Value, equations: bool) -> list[Step]:
    if equations:
        return [read_equations(value)]
    if isinstance(value, Relation) and set(value.ops) == {"="}:
        return [expr_of(operand) for operand in value.operands]
    return [expr_of(value)]


def read_key(key: str, settings: Settings) -> StepsKey:
    value = Reading(key, settings).value
    equations = _is_equation_key(value)
    start = None
    if settings.start is not None:
        start = _steps_of(Reading(settings.start, settings).value, equations)[-1]
    return StepsKey(_steps_of(value, equations)[-1], start)


def _follows(step: Step, previous: Step, settings: Settings) -> bool:
    if isinstance(step, Equations) and isinstance(previous, Equations):
        return same_solutions(step, previous, settings)
    if isinstance(step, sympy.Expr) and isinstance(previous, sympy.Expr):
        return equivalent(step, previous, settings.domain)
    return False


def grade(answer: str, key: StepsKey, settings: Settings) -> Verdict:
    lines = [_LEADING_CONNECTIVE.sub("", line) for line in re.split(r"[\n;]", answer)]
    lines = [line for line in lines if line.strip()]
    if not lines:
        raise MathSyntaxError("empty")
    readings = [Reading(line, settings) for line in lines]
    latex = r" \\ ".join(reading.latex for reading in readings)
    equations = isinstance(key.target, Equations)
    steps: list[tuple[int, int, Step]] = [
        (number, part, step)
        for number, reading in enumerate(readings, start=1)
        for part, step in enumerate(_steps_of(reading.value, equations))
    ]
    if key.start is not None and not _follows(steps[0][2], key.start, settings):
        return Verdict.checked("step_wrong_start", 0.0, latex)
    for (previous_number, _, previous), (number, part, step) in pairwise(steps):
        if _follows(step, previous, settings):
            continue
        if number == previous_number:
            # a chain ``a = b = c`` on one line: name the link, not "step 2 ... from step 2"
            return Verdict.checked(
                "step_equality_wrong", 0.0, latex, step=number, which=_ordinal(part)
            )
        return Verdict.checked("step_wrong", 0.0, latex, step=number, previous=previous_number)
    if not _follows(steps[-1][2], key.target, settings):
        return Verdict.checked("steps_wrong_result", 0.0, latex)
    return Verdict.checked("correct", 1.0, latex)


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def _ordinal(number: int) -> str:
    """``1`` -> "first"; the link between parts ``number - 1`` and ``number`` of a chain."""
    return _ORDINALS[number - 1] if number <= len(_ORDINALS) else f"{number}th"


STEPS = KindChecker(read_key, grade)
