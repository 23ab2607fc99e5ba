"""The grading work itself, run inside a pool worker: settings, key, answer -> Verdict.

Every failure mode maps to a status: the student's malformed input is "invalid_input", the
author's malformed key "needs_review", a guard or resource limit "limit". Nothing escapes.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from .checkers import CHECKERS
from .checkers.equations import clear_cache as clear_equation_cache
from .equivalence import clear_sides
from .errors import AnswerShapeError, GradingError, InputTooLarge, MathSyntaxError
from .numeric import compile_float, compile_mp
from .parser import parse
from .settings import Settings, build_settings
from .shapes import clear_reading_caches, latex_of
from .verdict import Preview, Verdict

log = logging.getLogger(__name__)
_LIST_SEPARATORS = {"steps": "\n", "choice": ","}


def _as_text(answer: str | Sequence[str], kind: str) -> str:
    if isinstance(answer, str):
        return answer
    return _LIST_SEPARATORS.get(kind, ", ").join(answer)


KEY_CACHE_SIZE = 1024
# Many students type the same answer to the same problem: verdicts are deterministic (seeded
# sample points), so a worker remembers recent ones (never "limit" outcomes, which may pass).
VERDICT_CACHE_SIZE = 4096
_VERDICTS: OrderedDict[tuple[str, str, str, Settings], Verdict] = OrderedDict()
_VERDICTS_LOCK = threading.Lock()


@lru_cache(maxsize=KEY_CACHE_SIZE)
def _read_key(key: str, kind: str, options: Settings) -> tuple[Any, tuple[str, ...]]:
    """(the key as the checker reads it, errors): one parse per key, settings and kind.

    Many students answer the same problem, so a worker keeps the keys it has read in an LRU;
    keys are immutable once read, and a bad key's errors are cached as well.
    """
    try:
        return CHECKERS[kind].read_key(key, options), ()
    except AnswerShapeError as error:
        return None, (
            f"the key is {error.params.get('got', 'of the wrong shape')}, "
            f"expected {error.params.get('expected', 'another shape')}",
        )
    except MathSyntaxError as error:
        return None, (f"the key cannot be read: {error.message}",)
    except GradingError as error:
        return None, (str(error),)


def clear_caches() -> None:
    """Forget every cached key, parse and preview in this process (for benchmarks and tests)."""
    _read_key.cache_clear()
    _preview.cache_clear()
    with _VERDICTS_LOCK:
        _VERDICTS.clear()
    clear_reading_caches()
    compile_float.cache_clear()
    compile_mp.cache_clear()
    clear_equation_cache()
    clear_sides()


def validate_key(key: str, kind: str, **settings: Any) -> list[str]:
    """Errors that make ``key`` unusable for ``kind`` (empty list if it is well-formed)."""
    if kind not in CHECKERS:
        return [f"unknown kind '{kind}' (use one of {', '.join(CHECKERS)})"]
    try:
        options = build_settings(settings)
    except GradingError as error:
        return [str(error)]
    return list(_read_key(key, kind, options)[1])


def check_answer_unbounded(
    answer: str | Sequence[str], key: str, kind: str = "symbolic", **settings: Any
) -> Verdict:
    """Grade without time or memory bounds: call only inside a pool worker."""
    if kind not in CHECKERS:
        return Verdict.ungraded("needs_review", "invalid_key")
    try:
        options = build_settings(settings)
    except GradingError:
        return Verdict.ungraded("needs_review", "invalid_key")
    read_key, key_errors = _read_key(key, kind, options)
    if key_errors:
        return Verdict.ungraded("needs_review", "invalid_key")
    text = _as_text(answer, kind)
    remembered = (text, key, kind, options)
    with _VERDICTS_LOCK:
        if remembered in _VERDICTS:
            _VERDICTS.move_to_end(remembered)
            return _VERDICTS[remembered]
    verdict = _grade(text, read_key, kind, options)
    if verdict.status != "limit":
        with _VERDICTS_LOCK:
            _VERDICTS[remembered] = verdict
            while len(_VERDICTS) > VERDICT_CACHE_SIZE:
                _VERDICTS.popitem(last=False)
    return verdict


def _grade(text: str, read_key: Any, kind: str, options: Settings) -> Verdict:
    checker = CHECKERS[kind]
    hints: tuple[str, ...] = ()
    try:
        if kind not in ("string", "choice", "proof", "steps"):
            hints = preview(text).hints
        verdict = checker.grade(text, read_key, options)
    except InputTooLarge as error:
        return Verdict.ungraded("limit", "too_large", **error.verdict_params())
    except MathSyntaxError as error:
        return Verdict.ungraded("invalid_input", "syntax_error", **error.verdict_params())
    except AnswerShapeError as error:
        return Verdict.ungraded("invalid_input", error.code, **error.params)
    except (MemoryError, RecursionError):
        return Verdict.ungraded("limit", "limit")
    except Exception:  # a CAS failure on an input nobody foresaw: the student is not to blame
        log.exception("grading failed on a %s answer", kind)
        return Verdict.ungraded("limit", "limit")
    return replace(verdict, hints=hints) if hints else verdict


def preview(text: str) -> Preview:
    """What the parser understood, for the live "you entered: ..." line under the input."""
    return _preview(text)


@lru_cache(maxsize=256)
def _preview(text: str) -> Preview:
    try:
        parsed = parse(text)
        return Preview(latex_of(text), parsed.hints)
    except MathSyntaxError as error:
        hints = (error.hint,) if error.hint else ()
        return Preview("", hints, error.detail, error.position)
