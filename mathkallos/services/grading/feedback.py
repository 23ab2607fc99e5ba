"""Feedback texts, keyed by a stable code the UI translates.

Checkers never write prose: they return a code and parameters. The wording lives in the app's
i18n catalogue (`grading.<code>`, English and Russian); words a checker passes as parameters
("an equation", "second") are translated there too, as `grading.term.<words>`. The parser's
messages ("unexpected ')' at position 7") are codes too, `grading.syntax.<code>`: a verdict
carries one as its `detail` parameter (and advice as `hint`), filled in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from mathkallos import i18n

TRANSLATED_PARAMS = ("expected", "got", "which", "what")


@dataclass(frozen=True)
class Message:
    """One parser message or hint: a code and its parameters, rendered in any language."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, code: str, **params: object) -> Message:
        return cls(code, tuple(sorted((name, str(value)) for name, value in params.items())))

    def text(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        return _syntax(self.code, dict(self.params), lang)


def _terms(params: Mapping[str, object], lang: str) -> dict[str, object]:
    return {
        name: i18n.translate(f"grading.term.{value}", lang)
        if name in TRANSLATED_PARAMS and i18n.has_key(f"grading.term.{value}")
        else value
        for name, value in params.items()
    }


def _syntax(code: str, params: Mapping[str, object], lang: str) -> str:
    return i18n.translate(f"grading.syntax.{code}", lang, **_terms(params, lang))


def render(code: str, lang: str = i18n.DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for ``code`` in ``lang`` with its parameters filled in."""
    filled = _terms(params, lang)
    detail = params.get("detail")
    if detail is not None and i18n.has_key(f"grading.syntax.{detail}"):
        filled["detail"] = _syntax(str(detail), params, lang)
        hint = params.get("hint")
        if hint is not None:
            filled["detail"] += f" ({_syntax(str(hint), params, lang)})"
    return i18n.translate(f"grading.{code}", lang, **filled)


def render_pairs(code: str, params: Iterable[tuple[str, str]], lang: str) -> str:
    """`render` for the (name, value) pairs a `Verdict` carries."""
    return render(code, lang, **dict(params))


def localized(code: str, params: Mapping[str, str], fallback: str, lang: str) -> str:
    """Stored feedback in the reader's language; rows graded before codes were kept show
    their stored text."""
    return render(code, lang, **params) if i18n.has_key(f"grading.{code}") else fallback
