"""The grading work itself, run inside a pool worker: settings, key, answer -> Verdict.

Every failure mode maps to a status: the student's malformed input is "invalid_input", the
author's malformed key "needs_review", a guard or resource limit "limit". Nothing escapes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .checkers import CHECKERS
from .errors import AnswerShapeError, GradingError, InputTooLarge, MathSyntaxError
from .latex import to_latex
from .parser import parse
from .settings import build_settings
from .verdict import Preview, Verdict

_LIST_SEPARATORS = {"steps": "\n", "choice": ","}


def _as_text(answer: str | Sequence[str], kind: str) -> str:
    if isinstance(answer, str):
        return answer
    return _LIST_SEPARATORS.get(kind, ", ").join(answer)


def validate_key(key: str, kind: str, **settings: Any) -> list[str]:
    """Errors that make ``key`` unusable for ``kind`` (empty list if it is well-formed)."""
    if kind not in CHECKERS:
        return [f"unknown kind '{kind}' (use one of {', '.join(CHECKERS)})"]
    try:
        CHECKERS[kind].read_key(key, build_settings(settings))
    except AnswerShapeError as error:
        return [
            f"the key is {error.params.get('got', 'of the wrong shape')}, "
            f"expected {error.params.get('expected', 'another shape')}"
        ]
    except MathSyntaxError as error:
        return [f"the key cannot be read: {error.message}"]
    except GradingError as error:
        return [str(error)]
    return []


def check_answer_unbounded(
    answer: str | Sequence[str], key: str, kind: str = "symbolic", **settings: Any
) -> Verdict:
    """Grade without time or memory bounds: call only inside a pool worker."""
    if kind not in CHECKERS or validate_key(key, kind, **settings):
        return Verdict.ungraded("needs_review", "invalid_key")
    checker = CHECKERS[kind]
    options = build_settings(settings)
    text = _as_text(answer, kind)
    hints: tuple[str, ...] = ()
    try:
        if kind not in ("string", "choice", "proof", "steps"):
            hints = preview(text).hints
        verdict = checker.grade(text, checker.read_key(key, options), options)
    except InputTooLarge as error:
        return Verdict.ungraded("limit", "too_large", detail=error.message)
    except MathSyntaxError as error:
        detail = f"{error.message} ({error.hint})" if error.hint else error.message
        return Verdict.ungraded("invalid_input", "syntax_error", detail=detail)
    except AnswerShapeError as error:
        return Verdict.ungraded("invalid_input", error.code, **error.params)
    except (MemoryError, RecursionError):
        return Verdict.ungraded("limit", "limit")
    return replace(verdict, hints=hints) if hints else verdict


def preview(text: str) -> Preview:
    """What the parser understood, for the live "you entered: ..." line under the input."""
    try:
        parsed = parse(text)
        return Preview(to_latex(parsed.value), parsed.hints)
    except MathSyntaxError as error:
        hints = (error.hint,) if error.hint else ()
        return Preview("", hints, error.message, error.position)
