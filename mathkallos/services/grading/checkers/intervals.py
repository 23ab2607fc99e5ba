"""Subsets of the real line: intervals, unions, finite sets and inequalities, all as sets.

Both sides are read by sign chart into a canonical union of intervals when they are built from
rational functions and absolute values (fast, exact endpoints); otherwise sympy's sets decide.
"""

from __future__ import annotations

from functools import cached_property

import sympy

from ..realsets import NotFast, RealSet, of_sympy
from ..settings import Settings
from ..shapes import Reading, fast_set_of, real_set_of, same_sets
from ..verdict import Verdict
from .base import KindChecker


class IntervalKey:
    """The key's fast form (by sign chart, else from its sympy set; None if neither reads it)
    and its sympy set on demand (from the key's evaluation, built only then)."""

    def __init__(self, reading: Reading) -> None:
        self._reading = reading
        try:
            self.fast: RealSet | None = fast_set_of(reading)
        except NotFast:
            # sympy solves the key once (which validates its shape); read as a RealSet when
            # it can be, so that answers the sign chart reads need no sympy sets
            try:
                self.fast = of_sympy(self.sympy_set)
            except NotFast:
                self.fast = None

    @cached_property
    def sympy_set(self) -> sympy.Set:
        return real_set_of(self._reading.value)


def read_key(key: str, settings: Settings) -> IntervalKey:
    return IntervalKey(Reading(key, settings))


def grade(answer: str, key: IntervalKey, settings: Settings) -> Verdict:
    reading = Reading(answer, settings)
    if key.fast is not None:
        try:
            given_fast = fast_set_of(reading)
        except NotFast:
            pass
        else:
            if given_fast.same_as(key.fast):
                return Verdict.checked("correct", 1.0, reading.latex)
            if given_fast.closure().same_as(key.fast.closure()):
                return Verdict.checked("interval_endpoints", 0.0, reading.latex)
            return Verdict.checked("incorrect", 0.0, reading.latex)
    given = real_set_of(reading.value)
    expected = key.sympy_set
    if same_sets(given, expected):
        return Verdict.checked("correct", 1.0, reading.latex)
    if same_sets(given.closure, expected.closure):
        return Verdict.checked("interval_endpoints", 0.0, reading.latex)
    return Verdict.checked("incorrect", 0.0, reading.latex)


INTERVAL = KindChecker(read_key, grade)
