"""The admin's users page: find, create, change role, deactivate and reactivate accounts."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlmodel import Session, col, func, or_, select

from mathkallos.models.base import utcnow
from mathkallos.models.users import Role, User, UserPublic
from mathkallos.services.access import Actor, require_role
from mathkallos.services.accounts import create_account, normalise_email
from mathkallos.services.auth.passwords import hash_password, password_problems
from mathkallos.services.auth.sessions import revoke_all_sessions
from mathkallos.services.errors import Conflict, InvalidInput, NotFound

PAGE_SIZE = 20


@dataclass(frozen=True)
class UserPage:
    items: list[UserPublic]
    total: int
    page: int
    pages: int


def list_users(
    *,
    session: Session,
    actor: Actor | None,
    search: str = "",
    role: str = "",
    status: str = "",
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> UserPage:
    require_role(actor, Role.ADMIN)
    query = select(User)
    if search.strip():
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            or_(
                func.lower(User.email).like(pattern),
                func.lower(User.username).like(pattern),
                func.lower(User.full_name).like(pattern),
            )
        )
    if role in {r.value for r in Role}:
        query = query.where(User.role == role)
    if status in ("active", "inactive"):
        query = query.where(User.is_active == (status == "active"))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    pages = max(1, math.ceil(total / page_size))
    page = min(max(1, page), pages)
    rows = session.exec(
        query.order_by(col(User.created_at).desc(), col(User.id).desc())
        .offset((page - 1) * page_size)
        .limit(page_size)
    ).all()
    return UserPage([UserPublic.model_validate(u) for u in rows], total, page, pages)


def create_user(
    *,
    session: Session,
    actor: Actor | None,
    email: str,
    username: str,
    full_name: str,
    password: str,
    role: str,
) -> UserPublic:
    require_role(actor, Role.ADMIN)
    return create_account(
        session=session,
        email=email,
        username=username,
        full_name=full_name,
        password=password,
        role=_role(role),
    )


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError as error:
        raise InvalidInput(
            "errors.form_invalid", errors=[InvalidInput("admin.role_invalid", field="role")]
        ) from error


def _target(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("errors.not_found")
    return user


def _ensure_another_admin_remains(session: Session, user: User) -> None:
    if user.role != Role.ADMIN or not user.is_active:
        return
    admins = session.exec(
        select(func.count()).where(User.role == Role.ADMIN, col(User.is_active))
    ).one()
    if admins <= 1:
        raise Conflict("admin.last_admin")


def set_role(*, session: Session, actor: Actor | None, user_id: int, role: str) -> UserPublic:
    require_role(actor, Role.ADMIN)
    user, new_role = _target(session, user_id), _role(role)
    if new_role != Role.ADMIN:
        _ensure_another_admin_remains(session, user)
    user.role, user.updated_at = new_role, utcnow()
    # Access tokens carry the role: sign the user in again so no token keeps the old one.
    assert user.id is not None
    revoke_all_sessions(session=session, user_id=user.id)
    session.flush()
    return UserPublic.model_validate(user)


def set_active(*, session: Session, actor: Actor | None, user_id: int, active: bool) -> UserPublic:
    """Deactivation ends the user's sessions at once; reactivation lets them log in again."""
    admin = require_role(actor, Role.ADMIN)
    user = _target(session, user_id)
    if not active:
        if user.id == admin.id:
            raise Conflict("admin.cannot_deactivate_self")
        _ensure_another_admin_remains(session, user)
        revoke_all_sessions(session=session, user_id=user_id)
    user.is_active, user.updated_at = active, utcnow()
    session.flush()
    return UserPublic.model_validate(user)


@dataclass(frozen=True)
class EnsuredAdmin:
    user: UserPublic
    created: bool


def ensure_admin(
    *, session: Session, email: str, password: str, username: str | None = None
) -> EnsuredAdmin:
    """For the operator's CLI: idempotent; an existing account is promoted and reactivated."""
    normalised, error = normalise_email(email)
    if error is not None or normalised is None:
        raise InvalidInput(
            "errors.form_invalid", errors=[error or InvalidInput("auth.email_invalid")]
        )
    existing = session.exec(select(User).where(func.lower(User.email) == normalised)).first()
    if existing is None:
        user = create_account(
            session=session,
            email=normalised,
            username=username or normalised.split("@")[0][:40],
            full_name="Administrator",
            password=password,
            role=Role.ADMIN,
        )
        return EnsuredAdmin(user, created=True)
    problems = password_problems(password, email=normalised, username=existing.username)
    if problems:
        raise InvalidInput(
            "errors.form_invalid", errors=[InvalidInput(p, field="password") for p in problems]
        )
    existing.role, existing.is_active = Role.ADMIN, True
    existing.password_hash, existing.updated_at = hash_password(password), utcnow()
    session.flush()
    return EnsuredAdmin(UserPublic.model_validate(existing), created=False)


def operator_actor(*, session: Session, email: str | None = None) -> Actor:
    """Who the operator's CLI acts as: the named admin, or the first active admin."""
    query = select(User).where(User.role == Role.ADMIN, col(User.is_active))
    if email:
        query = query.where(func.lower(User.email) == email.strip().lower())
    admin = session.exec(query.order_by(col(User.id))).first()
    if admin is None:
        raise NotFound("admin.no_admin")
    return Actor.of(admin)
