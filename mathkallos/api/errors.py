"""Domain errors become JSON 4xx answers with a message id, a readable message and fields."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from mathkallos import i18n
from mathkallos.services.auth.throttle import WINDOW
from mathkallos.services.errors import DomainError, InvalidInput, TooManyAttempts


def _language(request: Request) -> str:
    return i18n.negotiate(None, request.headers.get("accept-language"))


def error_body(error: DomainError, lang: str) -> dict[str, Any]:
    body: dict[str, Any] = {
        "error": error.message_id,
        "message": i18n.translate(error.message_id, lang, **error.params),
    }
    if error.field:
        body["field"] = error.field
    if isinstance(error, InvalidInput) and error.errors:
        body["fields"] = {
            e.field or "form": i18n.translate(e.message_id, lang, **e.params) for e in error.errors
        }
    return body


async def domain_error_handler(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DomainError)
    headers = {}
    if isinstance(error, TooManyAttempts):
        minutes = int(error.params.get("minutes", WINDOW.total_seconds() // 60))
        headers["Retry-After"] = str(minutes * 60)
    return JSONResponse(
        error_body(error, _language(request)), status_code=error.status_code, headers=headers
    )


def install(api: FastAPI) -> None:
    api.add_exception_handler(DomainError, domain_error_handler)
