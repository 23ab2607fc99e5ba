"""Exceptions of the grading engine; callers turn them into verdicts, never into 500s."""

from __future__ import annotations


class GradingError(Exception):
    """Base class: anything the engine raises on purpose."""


class MathSyntaxError(GradingError):
    """The text is not a well-formed answer; ``position`` is 1-based, ``hint`` optional advice."""

    def __init__(self, message: str, position: int | None = None, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.hint = hint


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
