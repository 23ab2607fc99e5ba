"""Sets, lists, tuples/vectors and matrices, compared element by element."""

from __future__ import annotations

from dataclasses import replace

import sympy

from ..settings import Settings
from ..shapes import Reading, items_of, matrix_of
from ..values import Value
from ..verdict import Verdict
from .base import KindChecker, values_equal


def read_items(key: str, settings: Settings) -> tuple[Value, ...]:
    return items_of(Reading(key, settings).typed_numbers(settings.domain))


def _distinct(items: tuple[Value, ...], settings: Settings) -> list[Value]:
    kept: list[Value] = []
    for item in items:
        if not any(values_equal(item, other, settings) for other in kept):
            kept.append(item)
    return kept


def _match(answer: list[Value], key: list[Value], settings: Settings) -> tuple[int, int]:
    """(key items with no partner, answer items with no partner) under a greedy pairing."""
    unmatched = list(key)
    extra = 0
    for item in answer:
        partner = next((k for k in unmatched if values_equal(item, k, settings)), None)
        if partner is None:
            extra += 1
        else:
            unmatched.remove(partner)
    return len(unmatched), extra


def grade_set(answer: str, key: tuple[Value, ...], settings: Settings) -> Verdict:
    if settings.ordered:
        return grade_tuple(answer, key, settings)
    reading = Reading(answer, settings)
    given = items_of(reading.typed_numbers(settings.domain))
    if settings.multiplicity:
        answer_items, key_items = list(given), list(key)
    else:
        answer_items, key_items = _distinct(given, settings), _distinct(key, settings)
    missing, extra = _match(answer_items, key_items, settings)
    if not missing and not extra:
        return Verdict.checked("correct", 1.0, reading.latex)
    if settings.multiplicity and _match(
        _distinct(given, settings), _distinct(key, settings), settings
    ) == (0, 0):
        return Verdict.checked("wrong_multiplicity", 0.0, reading.latex)
    score = 0.0
    if settings.partial_credit:
        score = (len(key_items) - missing) / max(len(key_items), len(answer_items))
    return Verdict.checked("elements_wrong", score, reading.latex, missing=missing, extra=extra)


def grade_tuple(answer: str, key: tuple[Value, ...], settings: Settings) -> Verdict:
    if settings.ordered is False:
        return grade_set(answer, key, replace(settings, multiplicity=True))
    reading = Reading(answer, settings)
    given = items_of(reading.typed_numbers(settings.domain))
    if len(given) != len(key):
        return Verdict.checked(
            "wrong_length", 0.0, reading.latex, expected=len(key), got=len(given)
        )
    wrong = [
        i + 1
        for i, (a, k) in enumerate(zip(given, key, strict=True))
        if not values_equal(a, k, settings)
    ]
    if not wrong:
        return Verdict.checked("correct", 1.0, reading.latex)
    if _match(list(given), list(key), settings) == (0, 0):
        return Verdict.checked("wrong_order", 0.0, reading.latex)
    score = (len(key) - len(wrong)) / len(key) if settings.partial_credit else 0.0
    return Verdict.checked(
        "components_wrong", score, reading.latex, positions=", ".join(map(str, wrong))
    )


def read_matrix(key: str, settings: Settings) -> list[list[sympy.Expr]]:
    return matrix_of(Reading(key, settings).typed_numbers(settings.domain))


def grade_matrix(answer: str, key: list[list[sympy.Expr]], settings: Settings) -> Verdict:
    reading = Reading(answer, settings)
    given = matrix_of(reading.typed_numbers(settings.domain))
    rows, cols = len(key), len(key[0])
    if len(given) != rows or len(given[0]) != cols:
        return Verdict.checked(
            "matrix_shape",
            0.0,
            reading.latex,
            rows=rows,
            cols=cols,
            got_rows=len(given),
            got_cols=len(given[0]),
        )
    wrong = sum(
        not values_equal(a, k, settings)
        for given_row, key_row in zip(given, key, strict=True)
        for a, k in zip(given_row, key_row, strict=True)
    )
    if not wrong:
        return Verdict.checked("correct", 1.0, reading.latex)
    score = 1 - wrong / (rows * cols) if settings.partial_credit else 0.0
    return Verdict.checked("matrix_entries", score, reading.latex, count=wrong)


SET = KindChecker(read_items, grade_set)
TUPLE = KindChecker(read_items, grade_tuple)
MATRIX = KindChecker(read_matrix, grade_matrix)
