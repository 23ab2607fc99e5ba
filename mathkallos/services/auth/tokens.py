"""Short-lived JWT access tokens and opaque refresh tokens (only their digest is stored)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import jwt

from mathkallos.models.base import utcnow
from mathkallos.settings import get_settings

ALGORITHM = "HS256"


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    role: str
    session_id: str
    expires_at: datetime


class InvalidToken(Exception):
    """The token is malformed, forged or expired."""


def issue_access_token(
    *, user_id: int, role: str, session_id: str, now: datetime | None = None
) -> str:
    settings = get_settings()
    issued = now or utcnow()
    claims = {
        "sub": str(user_id),
        "role": role,
        "sid": session_id,
        "iat": issued,
        "exp": issued + timedelta(minutes=settings.access_token_minutes),
        "typ": "access",
    }
    return jwt.encode(claims, settings.secret_key, algorithm=ALGORITHM)


def decode_access_token(token: str, *, now: datetime | None = None) -> AccessClaims:
    """Verify signature and claims; expiry is checked against `now` so tests can move time."""
    claims = _verified_claims(token, get_settings().secret_key)
    if claims.expires_at <= (now or utcnow()):
        raise InvalidToken("expired")
    return claims


@lru_cache(maxsize=8192)
def _verified_claims(token: str, secret_key: str) -> AccessClaims:
    """The signature check runs once per token, not on every event of its student: the same
    bytes under the same key verify the same way (a refused token raises and is not kept)."""
    options = {"require": ["sub", "role", "exp", "sid"], "verify_exp": False}
    try:
        claims = jwt.decode(token, secret_key, algorithms=[ALGORITHM], options=options)
        expires_at = datetime.fromtimestamp(claims["exp"], tz=UTC)
        user_id = int(claims["sub"])
    except (jwt.PyJWTError, ValueError, TypeError) as error:
        raise InvalidToken(str(error)) from error
    if claims.get("typ") != "access":
        raise InvalidToken("not an access token")
    return AccessClaims(
        user_id=user_id, role=claims["role"], session_id=claims["sid"], expires_at=expires_at
    )


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def new_session_id() -> str:
    return secrets.token_hex(16)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
