"""Login throttling: 5 failures per account or 20 per address within 15 minutes lock the door.

Refused attempts are not recorded, so the lock lifts when the counted failures age out of
the window; a successful login resets the account's count.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from mathkallos.models.base import utcnow
from mathkallos.models.users import LoginAttempt
from mathkallos.services.errors import TooManyAttempts

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20


def _retry_after(failures: list[datetime], limit: int, now: datetime) -> timedelta | None:
    """Time until fewer than `limit` failures remain in the window (None if not locked)."""
    if len(failures) < limit:
        return None
    return failures[limit - 1] + WINDOW - now


def ensure_login_allowed(
    *, session: Session, account_key: str, address: str, now: datetime | None = None
) -> None:
    now = now or utcnow()
    since = now - WINDOW
    last_success = session.exec(
        select(LoginAttempt.created_at)
        .where(LoginAttempt.account_key == account_key, col(LoginAttempt.succeeded))
        .order_by(col(LoginAttempt.created_at).desc())
        .limit(1)
    ).first()
    account_since = max(since, last_success) if last_success else since
    account_failures = _recent_failures(
        session, LoginAttempt.account_key == account_key, account_since, MAX_FAILURES_PER_ACCOUNT
    )
    address_failures = (
        _recent_failures(session, LoginAttempt.address == address, since, MAX_FAILURES_PER_ADDRESS)
        if address
        else []
    )
    waits = [
        wait
        for wait in (
            _retry_after(account_failures, MAX_FAILURES_PER_ACCOUNT, now),
            _retry_after(address_failures, MAX_FAILURES_PER_ADDRESS, now),
        )
        if wait is not None and wait.total_seconds() > 0
    ]
    if waits:
        minutes = max(1, math.ceil(max(waits).total_seconds() / 60))
        raise TooManyAttempts("auth.too_many_attempts", minutes=minutes)


def _recent_failures(session: Session, condition, since: datetime, limit: int) -> list[datetime]:  # noqa: ANN001 - a SQL expression
    rows = session.exec(
        select(LoginAttempt.created_at)
        .where(condition, LoginAttempt.created_at > since, col(LoginAttempt.succeeded).is_(False))
        .order_by(col(LoginAttempt.created_at).desc())
        .limit(limit)
    ).all()
    return list(rows)


def record_attempt(
    *,
    session: Session,
    account_key: str,
    address: str,
    succeeded: bool,
    now: datetime | None = None,
) -> None:
    session.add(
        LoginAttempt(
            account_key=account_key,
            address=address[:64],
            succeeded=succeeded,
            created_at=now or utcnow(),
        )
    )
