"""Subsets of the real line: intervals, unions, finite sets and inequalities, all as sets."""

from __future__ import annotations

import sympy

from ..settings import Settings
from ..shapes import Reading, real_set_of, same_sets
from ..verdict import Verdict
from .base import KindChecker


def read_key(key: str, settings: Settings) -> sympy.Set:
    return real_set_of(Reading(key, settings).value)


def grade(answer: str, key: sympy.Set, settings: Settings) -> Verdict:
    reading = Reading(answer, settings)
    given = real_set_of(reading.value)
    if same_sets(given, key):
        return Verdict.checked("correct", 1.0, reading.latex)
    if same_sets(given.closure, key.closure):
        return Verdict.checked("interval_endpoints", 0.0, reading.latex)
    return Verdict.checked("incorrect", 0.0, reading.latex)


INTERVAL = KindChecker(read_key, grade)
