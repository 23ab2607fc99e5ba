"""Kinds without mathematics: free strings, multiple choice, and proofs for a teacher."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import AnswerShapeError, MathSyntaxError, SettingsError
from ..settings import Settings
from ..verdict import Verdict
from .base import KindChecker


def normalise(text: str, case_sensitive: bool) -> str:
    """Unicode NFKC, collapsed whitespace, and case folding unless case matters."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    return text if case_sensitive else text.casefold()


@dataclass(frozen=True)
class StringKey:
    accepted: frozenset[str]
    pattern: re.Pattern[str] | None


def read_string_key(key: str, settings: Settings) -> StringKey:
    accepted = {normalise(k, settings.case_sensitive) for k in (key, *settings.alternatives)}
    pattern = None
    if settings.regex is not None:
        try:
            flags = 0 if settings.case_sensitive else re.IGNORECASE
            pattern = re.compile(settings.regex, flags)
        except re.error as error:
            raise SettingsError(f"invalid regex: {error}") from None
    return StringKey(frozenset(accepted - {""}), pattern)


def grade_string(answer: str, key: StringKey, settings: Settings) -> Verdict:
    given = normalise(answer, settings.case_sensitive)
    if not given:
        raise MathSyntaxError("empty")
    right = given in key.accepted or bool(key.pattern and key.pattern.fullmatch(given))
    return Verdict.checked("correct" if right else "incorrect", float(right))


def _labels(text: str) -> list[str]:
    return [label for label in re.split(r"[\s,;]+", text.strip().casefold()) if label]


@dataclass(frozen=True)
class ChoiceKey:
    right: frozenset[str]
    options: frozenset[str]


def read_choice_key(key: str, settings: Settings) -> ChoiceKey:
    right = frozenset(_labels(key))
    options = frozenset(label.casefold() for label in settings.options)
    if not right:
        raise SettingsError("a choice key needs at least one option label")
    if options and not right <= options:
        raise SettingsError(f"key options {sorted(right - options)} are not among the options")
    if settings.multiple is False and len(right) > 1:
        raise SettingsError("a single-choice key must name exactly one option")
    return ChoiceKey(right, options)


def grade_choice(answer: str, key: ChoiceKey, settings: Settings) -> Verdict:
    chosen = set(_labels(answer))
    if not chosen:
        raise MathSyntaxError("no_option")
    unknown = chosen - key.options if key.options else set()
    if unknown:
        raise AnswerShapeError("choice_unknown_option", options=", ".join(sorted(unknown)))
    multiple = settings.multiple if settings.multiple is not None else len(key.right) > 1
    if not multiple and len(chosen) > 1:
        raise AnswerShapeError("wrong_type", expected="one option", got="several options")
    if chosen == key.right:
        return Verdict.checked("correct", 1.0)
    right, wrong = len(chosen & key.right), len(chosen - key.right)
    if not (multiple and settings.partial_credit):
        return Verdict.checked("incorrect", 0.0)
    score = max(0.0, (right - wrong) / len(key.right))
    return Verdict.checked("choice_partial", score, right=right, total=len(key.right), wrong=wrong)


def read_proof_key(key: str, settings: Settings) -> str:
    return key


def grade_proof(answer: str, key: str, settings: Settings) -> Verdict:
    if not answer.strip():
        raise MathSyntaxError("empty")
    return Verdict.ungraded("needs_review", "needs_review")


STRING = KindChecker(read_string_key, grade_string)
CHOICE = KindChecker(read_choice_key, grade_choice)
PROOF = KindChecker(read_proof_key, grade_proof)
