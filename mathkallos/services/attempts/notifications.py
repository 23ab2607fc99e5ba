"""In-app notifications: a student learns that a proof was graded without leaving the site."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, func, select

from mathkallos.models.attempts import Notification
from mathkallos.models.base import utcnow
from mathkallos.services.access import Actor, require_actor
from mathkallos.services.attempts.dto import NotificationView
from mathkallos.services.errors import NotFound

MAX_LISTED = 100


def notify(
    session: Session,
    *,
    user_id: int,
    kind: str,
    message_id: str,
    params: dict[str, Any],
    link: str = "",
) -> None:
    session.add(
        Notification(user_id=user_id, kind=kind, message_id=message_id, params=params, link=link)
    )


def _view(row: Notification) -> NotificationView:
    assert row.id is not None
    return NotificationView(
        id=row.id,
        kind=row.kind,
        message_id=row.message_id,
        params=dict(row.params),
        link=row.link,
        created_at=row.created_at,
        read=row.read_at is not None,
    )


def list_notifications(
    *, session: Session, actor: Actor | None, unread_only: bool = False
) -> list[NotificationView]:
    """The actor's own notifications, newest first."""
    actor = require_actor(actor)
    statement = select(Notification).where(col(Notification.user_id) == actor.id)
    if unread_only:
        statement = statement.where(col(Notification.read_at).is_(None))
    rows = session.exec(
        statement.order_by(col(Notification.created_at).desc(), col(Notification.id).desc()).limit(
            MAX_LISTED
        )
    ).all()
    return [_view(row) for row in rows]


def unread_count(*, session: Session, actor: Actor | None) -> int:
    actor = require_actor(actor)
    return session.exec(
        select(func.count()).where(
            col(Notification.user_id) == actor.id, col(Notification.read_at).is_(None)
        )
    ).one()


def mark_notifications_read(
    *, session: Session, actor: Actor | None, notification_id: int | None = None
) -> int:
    """Mark one of the actor's notifications read (or all when no id); returns how many."""
    actor = require_actor(actor)
    statement = update(Notification).where(
        col(Notification.user_id) == actor.id, col(Notification.read_at).is_(None)
    )
    if notification_id is not None:
        found = session.get(Notification, notification_id)
        if found is None or found.user_id != actor.id:
            raise NotFound("errors.not_found")
        statement = statement.where(col(Notification.id) == notification_id)
    changed = session.exec(statement.values(read_at=utcnow())).rowcount  # type: ignore[call-overload]
    return int(changed)
