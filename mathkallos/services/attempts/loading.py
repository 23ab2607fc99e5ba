"""Loading attempts with the ownership rules every service applies, and row locking.

A student reads and changes only their own attempts; a teacher reads attempts of the courses
they author; an admin reads all. Only the owner ever changes an attempt's answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, bindparam, or_, update
from sqlalchemy.orm.util import identity_key
from sqlmodel import Session, col, select

from mathkallos.models.attempts import Attempt, AttemptAnswer, AttemptStatus
from mathkallos.models.content import Course, Problem, Test
from mathkallos.services.access import Actor, require_actor
from mathkallos.services.attempts.rules import DEADLINE_GRACE, is_past_deadline
from mathkallos.services.errors import AttemptClosed, NotFound, PermissionDenied


def load_attempt(session: Session, attempt_id: int) -> Attempt:
    attempt = session.get(Attempt, attempt_id)
    if attempt is None:
        raise NotFound("errors.not_found")
    return attempt


def test_and_course(session: Session, attempt: Attempt) -> tuple[Test | None, Course]:
    """The attempt's test (None when it practises a topic) and the course it counts in."""
    course = session.get(Course, attempt.course_id)
    assert course is not None  # attempts cascade away with their course and test
    test = session.get(Test, attempt.test_id) if attempt.test_id is not None else None
    return test, course


def teaches(actor: Actor, course: Course) -> bool:
    """Staff who may see a course's attempts: its author, or any admin."""
    return actor.is_admin or (actor.is_staff and course.author_id == actor.id)


def own_attempt(session: Session, actor: Actor | None, attempt_id: int) -> Attempt:
    """The attempt, if the actor is the student taking it (the only one who may change it)."""
    actor = require_actor(actor)
    attempt = load_attempt(session, attempt_id)
    if attempt.user_id != actor.id:
        raise PermissionDenied("errors.not_allowed")
    return attempt


def readable_attempt(session: Session, actor: Actor | None, attempt_id: int) -> Attempt:
    """The attempt, if the actor takes it, teaches its course or is an admin."""
    actor = require_actor(actor)
    attempt = load_attempt(session, attempt_id)
    if attempt.user_id == actor.id:
        return attempt
    _, course = test_and_course(session, attempt)
    if not teaches(actor, course):
        raise PermissionDenied("errors.not_allowed")
    return attempt


def answer_rows(session: Session, attempt_id: int) -> list[AttemptAnswer]:
    """The attempt's answers in test order, re-read from the database (never a stale copy)."""
    return list(
        session.exec(
            select(AttemptAnswer)
            .where(col(AttemptAnswer.attempt_id) == attempt_id)
            .order_by(col(AttemptAnswer.position))
            .execution_options(populate_existing=True)
        ).all()
    )


def answer_row(session: Session, attempt_id: int, problem_id: int) -> AttemptAnswer:
    row = session.exec(
        select(AttemptAnswer)
        .where(
            col(AttemptAnswer.attempt_id) == attempt_id,
            col(AttemptAnswer.problem_id) == problem_id,
        )
        .execution_options(populate_existing=True)
    ).first()
    if row is None:
        raise NotFound("errors.not_found")
    return row


def problems_by_id(session: Session, ids: Iterable[int]) -> dict[int, Problem]:
    """Problems this session already holds (an exam start has just read them) are not read
    again; the rest in one query."""
    wanted, found = list(ids), {}
    for problem_id in wanted:
        held = session.identity_map.get(identity_key(Problem, problem_id))
        if isinstance(held, Problem):
            found[problem_id] = held
    missing = [problem_id for problem_id in wanted if problem_id not in found]
    if missing:
        read = session.exec(select(Problem).where(col(Problem.id).in_(missing))).all()
        found.update((p.id, p) for p in read if p.id is not None)
    return found


def ensure_open(attempt: Attempt, now: datetime) -> None:
    """Refuse work on a finished attempt or, in an exam, after the server's deadline."""
    if attempt.status != AttemptStatus.IN_PROGRESS:
        raise AttemptClosed("attempts.closed")
    if is_past_deadline(attempt.deadline_at, now):
        raise AttemptClosed("attempts.deadline_passed")


def claim_open(session: Session, attempt: Attempt, now: datetime, *, seconds: int = 0) -> None:
    """Lock the attempt for this transaction if it is still open, adding `seconds` of work.

    One conditional UPDATE is the check and the lock on both databases (a PostgreSQL row lock;
    SQLite's write lock), so a save racing the submit or the sweeper either lands before the
    attempt closes or is refused; it never slips in after grading.
    """
    assert attempt.id is not None
    claimed = session.exec(  # type: ignore[call-overload]
        update(Attempt)
        .where(col(Attempt.id) == attempt.id, *_still_open(now - DEADLINE_GRACE))
        .values(time_spent_seconds=Attempt.time_spent_seconds + seconds)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(attempt)
    if claimed != 1:
        ensure_open(attempt, now)
        raise AttemptClosed("attempts.closed")


def _still_open(earliest_deadline: Any) -> tuple[ColumnElement[bool], ...]:
    """`ensure_open` as SQL: in progress, and no deadline before `earliest_deadline` (now
    less the grace)."""
    return (
        col(Attempt.status) == AttemptStatus.IN_PROGRESS,
        or_(col(Attempt.deadline_at).is_(None), col(Attempt.deadline_at) >= earliest_deadline),
    )


# Built once, run with parameters: composing the statement cost more than executing it.
_CLAIM_OWN = (
    update(Attempt)
    .where(
        col(Attempt.id) == bindparam("claim_attempt"),
        col(Attempt.user_id) == bindparam("claim_user"),
        col(Attempt.mode) == bindparam("claim_mode"),
        *_still_open(bindparam("claim_earliest")),
    )
    .values(time_spent_seconds=Attempt.time_spent_seconds + bindparam("claim_seconds"))
    .returning(col(Attempt.deadline_at))
)


def claim_own(
    session: Session, actor: Actor, attempt_id: int, mode: str, now: datetime, *, seconds: int
) -> tuple[bool, datetime | None]:
    """`own_attempt`, the mode check and `claim_open` in one conditional UPDATE (the exam
    autosave runs for every student every few seconds): (claimed, the attempt's deadline).
    Not claimed means some rule refused; the caller finds out which the slow way."""
    row = (
        session.connection()
        .execute(
            _CLAIM_OWN,
            {
                "claim_attempt": attempt_id,
                "claim_user": actor.id,
                "claim_mode": mode,
                "claim_earliest": now - DEADLINE_GRACE,
                "claim_seconds": seconds,
            },
        )
        .first()
    )
    return (False, None) if row is None else (True, row[0])


def lock_attempt(session: Session, attempt_id: int) -> Attempt:
    """The attempt re-read under a row lock (PostgreSQL; SQLite serialises writers itself)."""
    attempt = session.exec(
        select(Attempt)
        .where(col(Attempt.id) == attempt_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    if attempt is None:
        raise NotFound("errors.not_found")
    return attempt
