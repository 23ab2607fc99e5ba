"""What a user does with their own account: register, profile, password, export, delete."""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import available_timezones

from email_validator import EmailNotValidError, validate_email
from sqlmodel import Session, delete, func, or_, select

from mathkallos.models.base import utcnow
from mathkallos.models.users import LoginAttempt, Role, User, UserPublic
from mathkallos.services import personal_data
from mathkallos.services.access import Actor, require_actor
from mathkallos.services.auth.passwords import hash_password, password_problems, verify_password
from mathkallos.services.auth.sessions import revoke_all_sessions
from mathkallos.services.errors import InvalidInput, NotFound

USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{3,40}$")
LANGUAGES = ("en", "ru")
THEMES = ("system", "light", "dark")
_TIMEZONES = frozenset(available_timezones())


def _fail_if(errors: list[InvalidInput]) -> None:
    if errors:
        raise InvalidInput("errors.form_invalid", errors=errors)


def normalise_email(email: str) -> tuple[str | None, InvalidInput | None]:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower(), None
    except EmailNotValidError:
        return None, InvalidInput("auth.email_invalid", field="email")


def _identity_errors(
    session: Session,
    *,
    email: str | None,
    username: str,
    full_name: str,
    except_user_id: int | None = None,
) -> list[InvalidInput]:
    errors: list[InvalidInput] = []
    if not USERNAME_PATTERN.match(username):
        errors.append(InvalidInput("auth.username_invalid", field="username"))
    if len(full_name) > 120:
        errors.append(InvalidInput("auth.full_name_too_long", field="full_name"))
    clashes = session.exec(
        select(User).where(
            or_(
                func.lower(User.email) == (email or ""),
                func.lower(User.username) == username.lower(),
            )
        )
    ).all()
    for other in clashes:
        if other.id == except_user_id:
            continue
        if email and other.email.lower() == email:
            errors.append(InvalidInput("auth.email_taken", field="email"))
        if other.username.lower() == username.lower():
            errors.append(InvalidInput("auth.username_taken", field="username"))
    return errors


def create_account(
    *,
    session: Session,
    email: str,
    username: str,
    full_name: str,
    password: str,
    role: Role = Role.STUDENT,
) -> UserPublic:
    """Shared by self-registration and admin creation; every bad field is reported at once."""
    normalised, email_error = normalise_email(email)
    username, full_name = username.strip(), full_name.strip()
    errors = [email_error] if email_error else []
    errors += _identity_errors(session, email=normalised, username=username, full_name=full_name)
    errors += [
        InvalidInput(p, field="password")
        for p in password_problems(password, email=email, username=username)
    ]
    _fail_if(errors)
    user = User(
        email=normalised,
        username=username,
        full_name=full_name,
        password_hash=hash_password(password),
        role=role,
        preferences={"language": "", "theme": "system", "timezone": "UTC"},
    )
    session.add(user)
    session.flush()
    return UserPublic.model_validate(user)


def register(
    *, session: Session, email: str, username: str, full_name: str, password: str
) -> UserPublic:
    """A visitor signs up; they are always a student."""
    return create_account(
        session=session, email=email, username=username, full_name=full_name, password=password
    )


def _own_user(session: Session, actor: Actor | None) -> User:
    actor = require_actor(actor)
    user = session.get(User, actor.id)
    if user is None:
        raise NotFound("errors.not_found")
    return user


def get_profile(*, session: Session, actor: Actor | None) -> UserPublic:
    return UserPublic.model_validate(_own_user(session, actor))


def update_profile(
    *,
    session: Session,
    actor: Actor | None,
    full_name: str,
    username: str,
    language: str,
    theme: str,
    timezone: str,
) -> UserPublic:
    user = _own_user(session, actor)
    username, full_name = username.strip(), full_name.strip()
    errors = _identity_errors(
        session, email=None, username=username, full_name=full_name, except_user_id=user.id
    )
    if language not in (*LANGUAGES, ""):
        errors.append(InvalidInput("profile.language_invalid", field="language"))
    if theme not in THEMES:
        errors.append(InvalidInput("profile.theme_invalid", field="theme"))
    if timezone not in _TIMEZONES:
        errors.append(InvalidInput("profile.timezone_invalid", field="timezone"))
    _fail_if(errors)
    user.full_name, user.username = full_name, username
    user.preferences = {
        **user.preferences,
        "language": language,
        "theme": theme,
        "timezone": timezone,
    }
    user.updated_at = utcnow()
    session.add(user)
    session.flush()
    return UserPublic.model_validate(user)


def change_password(
    *,
    session: Session,
    actor: Actor | None,
    current_password: str,
    new_password: str,
    keep_session_id: str | None,
) -> None:
    """Asks for the current password; every other signed-in session is logged out."""
    user = _own_user(session, actor)
    if not verify_password(current_password, user.password_hash):
        _fail_if([InvalidInput("auth.current_password_wrong", field="current_password")])
    problems = password_problems(new_password, email=user.email, username=user.username)
    _fail_if([InvalidInput(p, field="new_password") for p in problems])
    user.password_hash = hash_password(new_password)
    user.updated_at = utcnow()
    assert user.id is not None
    revoke_all_sessions(session=session, user_id=user.id, keep_session_id=keep_session_id)


def export_my_data(*, session: Session, actor: Actor | None) -> dict[str, Any]:
    """Everything the school keeps about the user, as one JSON-ready document."""
    user = _own_user(session, actor)
    assert user.id is not None
    return {
        "exported_at": utcnow().isoformat(),
        "profile": UserPublic.model_validate(user).model_dump(mode="json"),
        **personal_data.collect(session, user.id),
    }


def delete_account(*, session: Session, actor: Actor | None, password: str) -> None:
    """Confirmed with the password; personal rows go with the user (cascades and erasers)."""
    user = _own_user(session, actor)
    if not verify_password(password, user.password_hash):
        _fail_if([InvalidInput("auth.current_password_wrong", field="password")])
    assert user.id is not None
    personal_data.erase(session, user.id)
    session.exec(
        delete(LoginAttempt).where(
            LoginAttempt.account_key.in_([user.email.lower(), user.username.lower()])  # type: ignore[attr-defined]
        )
    )
    session.delete(user)
    session.flush()
