"""Who is acting, and the role rules every service checks (hidden buttons are not protection)."""

from __future__ import annotations

from dataclasses import dataclass

from mathkallos.models.users import Role, User
from mathkallos.services.errors import NotAuthenticated, PermissionDenied


@dataclass(frozen=True)
class Actor:
    """The signed-in user as services see them; `None` in place of an Actor is a visitor."""

    id: int
    role: Role

    @classmethod
    def of(cls, user: User) -> Actor:
        assert user.id is not None
        return cls(id=user.id, role=Role(user.role))

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_staff(self) -> bool:
        """Teachers and admins author content and review work."""
        return self.role in (Role.TEACHER, Role.ADMIN)


def require_actor(actor: Actor | None) -> Actor:
    if actor is None:
        raise NotAuthenticated("errors.login_required")
    return actor


def require_role(actor: Actor | None, *roles: Role) -> Actor:
    actor = require_actor(actor)
    if actor.role not in roles:
        raise PermissionDenied("errors.not_allowed")
    return actor


def require_staff(actor: Actor | None) -> Actor:
    return require_role(actor, Role.TEACHER, Role.ADMIN)


def require_owner_or_admin(actor: Actor | None, owner_id: int | None) -> Actor:
    """Teachers change only what they authored; admins change anything."""
    actor = require_staff(actor)
    if not actor.is_admin and actor.id != owner_id:
        raise PermissionDenied("errors.not_allowed")
    return actor
