"""The background sweeper: closes and grades every exam left open past its deadline, even when
the browser is gone. Safe on several workers at once (DESIGN "Scale-out").

PostgreSQL: each worker takes one expired attempt at a time with SELECT ... FOR UPDATE SKIP
LOCKED, so workers never wait on each other. SQLite: candidates are read without locks and
`finalize`'s conditional UPDATE lets exactly one worker claim each attempt.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from sqlmodel import Session, col, select

from mathkallos.db import session_scope
from mathkallos.models.attempts import Attempt, AttemptStatus
from mathkallos.models.base import utcnow
from mathkallos.services.attempts.grading import finalize
from mathkallos.services.attempts.rules import DEADLINE_GRACE

log = logging.getLogger(__name__)
BATCH = 100


def _expired(now: datetime):  # noqa: ANN202 - a SQLModel select
    return (
        select(Attempt.id)
        .where(
            col(Attempt.status) == AttemptStatus.IN_PROGRESS,
            col(Attempt.deadline_at).is_not(None),
            col(Attempt.deadline_at) < now - DEADLINE_GRACE,
        )
        .order_by(col(Attempt.deadline_at))
    )


def sweep_expired(*, session: Session, now: datetime | None = None) -> int:
    """Close every open exam past its deadline as "expired", grading its saved answers;
    returns how many this call closed. Commits after each attempt."""
    now = now or utcnow()
    closed = 0
    if session.get_bind().dialect.name == "postgresql":
        while True:
            attempt_id = session.exec(
                _expired(now).limit(1).with_for_update(skip_locked=True)
            ).first()
            if attempt_id is None:
                session.commit()
                return closed
            closed += finalize(session, attempt_id, AttemptStatus.EXPIRED, now)
            session.commit()
    while True:
        batch = session.exec(_expired(now).limit(BATCH)).all()
        done_here = 0
        for attempt_id in batch:
            done_here += finalize(session, attempt_id, AttemptStatus.EXPIRED, now)
            session.commit()
        closed += done_here
        if len(batch) < BATCH or done_here == 0:
            return closed


def _sweep_once() -> int:
    with session_scope() as session:
        return sweep_expired(session=session)


async def run_sweeper_forever(interval_seconds: float = 30.0) -> None:
    """The app's lifespan task: sweep in a thread every interval; a failure is logged and the
    loop goes on (a database blip must not end the sweeping)."""
    while True:
        try:
            closed = await asyncio.to_thread(_sweep_once)
            if closed:
                log.info("sweeper closed %d expired exam attempt(s)", closed)
        except Exception:
            log.exception("exam sweeper failed; retrying in %s s", interval_seconds)
        await asyncio.sleep(interval_seconds)
