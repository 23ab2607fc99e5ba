"""Password hashing (argon2 through passlib) and the strength rules shown on the forms."""

from __future__ import annotations

from functools import lru_cache

from passlib.context import CryptContext

from mathkallos.settings import get_settings


@lru_cache(maxsize=1)
def _context() -> CryptContext:
    settings = get_settings()
    return CryptContext(
        schemes=["argon2"],
        deprecated="auto",
        argon2__memory_cost=settings.password_hash_memory_kib,
        argon2__rounds=settings.password_hash_rounds,
    )


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verifying against this when no account matches keeps "no such user" and "wrong
    password" equally slow, so the login form cannot probe which emails exist."""
    return _context().hash("timing-equaliser-not-a-real-password")


MIN_LENGTH = 8
MAX_LENGTH = 128
_COMMON = frozenset(
    {
        "password",
        "password1",
        "12345678",
        "123456789",
        "qwerty123",
        "11111111",
        "iloveyou",
        "abc12345",
        "password123",
        "qwertyuiop",
        "1q2w3e4r",
        "letmein1",
        "mathkallos",
    }
)


def hash_password(password: str) -> str:
    return _context().hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """False for a wrong password or a missing account, in about the same time."""
    if password_hash is None:
        _context().verify(password, _dummy_hash())
        return False
    try:
        return _context().verify(password, password_hash)
    except ValueError:
        return False


def password_problems(password: str, *, email: str = "", username: str = "") -> list[str]:
    """Message ids of every rule the password breaks (empty when it is acceptable)."""
    problems: list[str] = []
    if len(password) < MIN_LENGTH:
        problems.append("auth.password_too_short")
    if len(password) > MAX_LENGTH:
        problems.append("auth.password_too_long")
    if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        problems.append("auth.password_needs_letter_and_digit")
    lowered = password.lower()
    personal = {email.lower(), email.split("@")[0].lower(), username.lower()} - {""}
    if lowered in _COMMON or lowered in personal:
        problems.append("auth.password_too_common")
    return problems
