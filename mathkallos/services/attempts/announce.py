"""The runner's domain events, published in the transaction that changed the answer rows, so
the KPI listeners update the figures together with the attempt (or not at all)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from mathkallos.models.attempts import Attempt, AttemptAnswer
from mathkallos.services import events


def answered(
    session: Session, attempt: Attempt, row: AttemptAnswer, at: datetime, seconds: int
) -> None:
    """A practice answer was checked: `seconds` is the time this interaction added."""
    assert attempt.id is not None
    events.publish(
        session,
        events.ProblemAnswered(
            user_id=attempt.user_id,
            problem_id=row.problem_id,
            attempt_id=attempt.id,
            correct=bool(row.correct),
            score=(row.score or 0.0) / row.points if row.points else 0.0,
            time_spent_seconds=seconds,
            hints_used=row.hints_used,
            at=at,
        ),
    )


def closed(session: Session, attempt: Attempt) -> None:
    """An attempt was submitted or expired; an exam's answers, graded only now, count with it
    (the KPI listener applies them together)."""
    assert attempt.id is not None
    assert attempt.submitted_at is not None
    events.publish(
        session,
        events.AttemptSubmitted(
            user_id=attempt.user_id,
            attempt_id=attempt.id,
            test_id=attempt.test_id,
            mode=attempt.mode,
            score=attempt.score,
            max_score=attempt.max_score,
            time_spent_seconds=attempt.time_spent_seconds,
            at=attempt.submitted_at,
        ),
    )


def changed(session: Session, attempt: Attempt, row: AttemptAnswer, at: datetime) -> None:
    """A hint was revealed or the problem given up (no new graded try)."""
    assert attempt.id is not None
    assert row.id is not None
    events.publish(
        session,
        events.AnswerChanged(
            user_id=attempt.user_id, attempt_id=attempt.id, answer_id=row.id, at=at
        ),
    )


def reviewed(session: Session, attempt: Attempt, row: AttemptAnswer, at: datetime) -> None:
    """A teacher graded the answer after the fact."""
    assert attempt.id is not None
    assert row.id is not None
    events.publish(
        session,
        events.AnswerReviewed(
            user_id=attempt.user_id,
            attempt_id=attempt.id,
            answer_id=row.id,
            score=row.score or 0.0,
            at=at,
        ),
    )
