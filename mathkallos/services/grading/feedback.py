"""Feedback texts, keyed by a stable code the UI translates.

Checkers never write prose: they return a code and parameters. The wording lives in the app's
i18n catalogue (`grading.<code>`, English and Russian); words a checker passes as parameters
("an equation", "second") are translated there too, as `grading.term.<words>`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mathkallos import i18n

TRANSLATED_PARAMS = ("expected", "got", "which")


def render(code: str, lang: str = i18n.DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for ``code`` in ``lang`` with its parameters filled in."""
    localized = {
        name: i18n.translate(f"grading.term.{value}", lang)
        if name in TRANSLATED_PARAMS and i18n.has_key(f"grading.term.{value}")
        else value
        for name, value in params.items()
    }
    return i18n.translate(f"grading.{code}", lang, **localized)


def render_pairs(code: str, params: Iterable[tuple[str, str]], lang: str) -> str:
    """`render` for the (name, value) pairs a `Verdict` carries."""
    return render(code, lang, **dict(params))


def localized(code: str, params: Mapping[str, str], fallback: str, lang: str) -> str:
    """Stored feedback in the reader's language; rows graded before codes were kept show
    their stored text."""
    return render(code, lang, **params) if i18n.has_key(f"grading.{code}") else fallback
