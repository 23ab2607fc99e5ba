"""Signing in and out: sessions are refresh-token families; access tokens name their session.

Every request re-reads the user and the session, so logout, a password change or a
deactivation takes effect at once rather than when an access token happens to expire.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, or_, select, update

from mathkallos.models.base import utcnow
from mathkallos.models.users import AuthSession, RefreshToken, Role, User, UserPublic
from mathkallos.services import personal_data
from mathkallos.services.auth import throttle, tokens
from mathkallos.services.auth.passwords import verify_password
from mathkallos.services.errors import InvalidInput, NotAuthenticated, PermissionDenied
from mathkallos.settings import get_settings


@dataclass(frozen=True)
class SignedIn:
    user: UserPublic
    session_id: str
    access_token: str
    refresh_token: str


def find_user_by_login(session: Session, login: str) -> User | None:
    """Email or username, case-insensitively."""
    key = login.strip().lower()
    return session.exec(
        select(User).where(or_(func.lower(User.email) == key, func.lower(User.username) == key))
    ).first()


def login(
    *,
    session: Session,
    login: str,
    password: str,
    address: str = "",
    user_agent: str = "",
    now: datetime | None = None,
) -> SignedIn:
    now = now or utcnow()
    account_key = login.strip().lower()
    if not account_key or not password:
        raise InvalidInput("auth.invalid_credentials")
    throttle.ensure_login_allowed(
        session=session, account_key=account_key, address=address, now=now
    )
    user = find_user_by_login(session, account_key)
    if not verify_password(password, user.password_hash if user else None):
        throttle.record_attempt(
            session=session, account_key=account_key, address=address, succeeded=False, now=now
        )
        session.commit()  # the failure must count even though the caller's unit of work fails
        raise InvalidInput("auth.invalid_credentials")
    assert user is not None
    if not user.is_active:
        raise PermissionDenied("auth.account_deactivated")
    throttle.record_attempt(
        session=session, account_key=account_key, address=address, succeeded=True, now=now
    )
    user.last_login_at = now
    auth_session = AuthSession(
        id=tokens.new_session_id(),
        user_id=user.id,
        created_at=now,
        last_used_at=now,
        user_agent=user_agent[:255],
    )
    session.add(auth_session)
    return _issue(session, user, auth_session, now)


def _issue(session: Session, user: User, auth_session: AuthSession, now: datetime) -> SignedIn:
    refresh = tokens.new_refresh_token()
    session.add(
        RefreshToken(
            session_id=auth_session.id,
            token_hash=tokens.digest(refresh),
            created_at=now,
            expires_at=now + timedelta(days=get_settings().refresh_token_days),
        )
    )
    session.flush()
    assert user.id is not None
    access = tokens.issue_access_token(
        user_id=user.id, role=user.role, session_id=auth_session.id, now=now
    )
    return SignedIn(
        user=UserPublic.model_validate(user),
        session_id=auth_session.id,
        access_token=access,
        refresh_token=refresh,
    )


def refresh(*, session: Session, refresh_token: str, now: datetime | None = None) -> SignedIn:
    """Rotate: the old token is spent; presenting a spent token revokes its whole family."""
    now = now or utcnow()
    stored = session.exec(
        select(RefreshToken).where(RefreshToken.token_hash == tokens.digest(refresh_token))
    ).first()
    if stored is None:
        raise NotAuthenticated("auth.session_expired")
    auth_session = session.get(AuthSession, stored.session_id)
    if auth_session is None or auth_session.revoked_at is not None:
        raise NotAuthenticated("auth.session_expired")
    if stored.used_at is not None:
        auth_session.revoked_at = now
        session.commit()  # revoke the family even though the caller's unit of work fails
        raise NotAuthenticated("auth.session_expired")
    if stored.expires_at <= now:
        raise NotAuthenticated("auth.session_expired")
    user = session.get(User, auth_session.user_id)
    if user is None or not user.is_active:
        raise NotAuthenticated("auth.session_expired")
    stored.used_at = now
    auth_session.last_used_at = now
    return _issue(session, user, auth_session, now)


def current_user(
    *, session: Session, access_token: str, now: datetime | None = None
) -> SignedInUser:
    """The user behind a live access token whose session is still open."""
    return _resolve(session, access_token, now)[0]


@dataclass(frozen=True)
class SignedInUser:
    """Who an event or a request acts as: the columns a session check needs, not the account."""

    id: int
    role: Role
    username: str


_USERS, _SESSIONS = User.__table__, AuthSession.__table__  # type: ignore[attr-defined]
# One Core query for the session and its user, built once: it runs on every student's events,
# and loading an ORM User there cost as much again as the query itself.
_LIVE_SESSION_USER = (
    sa_select(_USERS.c.id, _USERS.c.role, _USERS.c.username, _USERS.c.is_active)
    .join(_SESSIONS, _SESSIONS.c.user_id == _USERS.c.id)
    .where(
        _SESSIONS.c.id == bindparam("sid"),
        _SESSIONS.c.revoked_at.is_(None),
        _USERS.c.id == bindparam("uid"),
    )
)


def _resolve(
    session: Session, access_token: str, now: datetime | None
) -> tuple[SignedInUser, tokens.AccessClaims]:
    try:
        claims = tokens.decode_access_token(access_token, now=now)
    except tokens.InvalidToken as error:
        raise NotAuthenticated("auth.session_expired") from error
    row = session.execute(
        _LIVE_SESSION_USER, {"sid": claims.session_id, "uid": claims.user_id}
    ).first()
    if row is None or not row.is_active:
        raise NotAuthenticated("auth.session_expired")
    return SignedInUser(row.id, Role(row.role), row.username), claims


@dataclass(frozen=True)
class Authenticated:
    user: SignedInUser
    session_id: str
    access_token: str
    refresh_token: str


def authenticate(
    *, session: Session, access_token: str, refresh_token: str, now: datetime | None = None
) -> Authenticated:
    """What the web app calls on every protected event: renews an expired access token."""
    if access_token:
        try:
            user, claims = _resolve(session, access_token, now)
            return Authenticated(user, claims.session_id, access_token, refresh_token)
        except NotAuthenticated:
            pass
    if not refresh_token:
        raise NotAuthenticated("errors.login_required")
    renewed = refresh(session=session, refresh_token=refresh_token, now=now)
    user = SignedInUser(renewed.user.id, renewed.user.role, renewed.user.username)
    return Authenticated(user, renewed.session_id, renewed.access_token, renewed.refresh_token)


def logout(*, session: Session, session_id: str, now: datetime | None = None) -> None:
    auth_session = session.get(AuthSession, session_id)
    if auth_session is not None and auth_session.revoked_at is None:
        auth_session.revoked_at = now or utcnow()


def revoke_all_sessions(
    *,
    session: Session,
    user_id: int,
    keep_session_id: str | None = None,
    now: datetime | None = None,
) -> None:
    statement = (
        update(AuthSession)
        .where(col(AuthSession.user_id) == user_id, col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=now or utcnow())
    )
    if keep_session_id is not None:
        statement = statement.where(col(AuthSession.id) != keep_session_id)
    session.exec(statement)


def _export_sessions(session: Session, user_id: int) -> list[dict[str, str | None]]:
    rows = session.exec(
        select(AuthSession).where(AuthSession.user_id == user_id).order_by(AuthSession.created_at)
    ).all()
    return [
        {
            "signed_in_at": row.created_at.isoformat(),
            "last_used_at": row.last_used_at.isoformat(),
            "device": row.user_agent,
            "signed_out_at": row.revoked_at.isoformat() if row.revoked_at else None,
        }
        for row in rows
    ]


personal_data.register("sign_in_sessions", _export_sessions)
