"""Exceptions of the grading engine; callers turn them into verdicts, never into 500s."""

from __future__ import annotations

from .feedback import Message


class GradingError(Exception):
    """Base class: anything the engine raises on purpose."""


class MathSyntaxError(GradingError):
    """The text is not a well-formed answer.

    The message is a code with parameters (wording in i18n as ``grading.syntax.<code>``), so
    a page shows it in the reader's language; ``position`` is 1-based (and a parameter of the
    message), ``hint`` optional advice in the same form. ``message`` is the English text.
    """

    def __init__(
        self, code: str, position: int | None = None, hint: Message | None = None, **params: object
    ) -> None:
        if position is not None:
            params["position"] = position
        self.detail = Message.of(code, **params)
        self.position = position
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.detail.text()

    def verdict_params(self) -> dict[str, str]:
        """The message and hint codes with their parameters, as a verdict carries them."""
        params = {"detail": self.detail.code, **dict(self.detail.params)}
        if self.hint is not None:
            params |= {"hint": self.hint.code, **dict(self.hint.params)}
        return params


class InputTooLarge(MathSyntaxError):
    """The input would take unbounded time or memory (huge numbers, deep nesting, long text)."""


class AnswerShapeError(GradingError):
    """A well-formed answer of the wrong shape for the kind (a set where a number is asked)."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class SettingsError(GradingError):
    """The problem's settings or key are malformed (the author's mistake, not the student's)."""
