"""Domain errors: services raise them, pages turn them into messages and the API into 4xx.

Each carries a message id from `mathkallos.i18n` plus parameters, so the same error reads
well in both languages; `field` names the form field at fault when there is one.
"""

from __future__ import annotations


class DomainError(Exception):
    status_code = 400

    def __init__(self, message_id: str, *, field: str | None = None, **params: object) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.field = field
        self.params = params


class InvalidInput(DomainError):
    """The request is malformed or breaks a rule; nothing was changed."""

    status_code = 422

    def __init__(
        self,
        message_id: str,
        *,
        field: str | None = None,
        errors: list[DomainError] | None = None,
        **params: object,
    ) -> None:
        super().__init__(message_id, field=field, **params)
        self.errors = errors or []


class NotAuthenticated(DomainError):
    status_code = 401


class PermissionDenied(DomainError):
    status_code = 403


class NotFound(DomainError):
    status_code = 404


class Conflict(DomainError):
    status_code = 409


class TooManyAttempts(DomainError):
    status_code = 429


class AttemptClosed(DomainError):
    """The attempt is submitted or its deadline has passed; nothing was changed."""

    status_code = 409
