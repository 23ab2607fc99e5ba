"""Result types returned to every caller (pages, API, AI verifier)."""

from __future__ import annotations

from dataclasses import dataclass

from mathkallos import i18n

from .feedback import Message, render

STATUSES = ("checked", "invalid_input", "needs_review", "limit")


@dataclass(frozen=True)
class Verdict:
    """Outcome of one check. ``status`` other than "checked" must not count as an attempt."""

    correct: bool
    score: float
    feedback: str
    preview_latex: str
    status: str
    code: str
    hints: tuple[str, ...] = ()
    params: tuple[tuple[str, str], ...] = ()  # fill `code`'s text in any language

    @classmethod
    def checked(cls, code: str, score: float, preview_latex: str = "", **params: object) -> Verdict:
        """A graded answer; ``correct`` means full marks."""
        score = min(max(float(score), 0.0), 1.0)
        return cls(
            score >= 1.0,
            score,
            render(code, **params),
            preview_latex,
            "checked",
            code,
            params=_pairs(params),
        )

    @classmethod
    def ungraded(cls, status: str, code: str, preview_latex: str = "", **params: object) -> Verdict:
        """Invalid input, a limit or a review: no marks either way."""
        return cls(
            False, 0.0, render(code, **params), preview_latex, status, code, params=_pairs(params)
        )


def _pairs(params: dict[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((name, str(value)) for name, value in params.items()))


@dataclass(frozen=True)
class Preview:
    """What the parser understood: LaTeX to render, advice, and the error if any.

    Advice and the error are messages (code and parameters): ``hints_in``/``error_in`` give
    them in the reader's language, ``hints``/``error`` in English.
    """

    latex: str
    advice: tuple[Message, ...] = ()
    problem: Message | None = None
    error_position: int | None = None

    def hints_in(self, lang: str) -> tuple[str, ...]:
        return tuple(message.text(lang) for message in self.advice)

    def error_in(self, lang: str) -> str:
        return self.problem.text(lang) if self.problem is not None else ""

    @property
    def hints(self) -> tuple[str, ...]:
        return self.hints_in(i18n.DEFAULT_LANGUAGE)

    @property
    def error(self) -> str:
        return self.error_in(i18n.DEFAULT_LANGUAGE)
