"""The test runner's personal data: "download my data" includes every attempt with its answers
and proctoring events, and the notifications; all rows cascade away with the user."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from mathkallos.models.attempts import Attempt, AttemptAnswer, Notification, ProctoringEvent
from mathkallos.services import personal_data


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def export_attempts(session: Session, user_id: int) -> list[dict[str, Any]]:
    attempts = session.exec(
        select(Attempt).where(col(Attempt.user_id) == user_id).order_by(col(Attempt.started_at))
    ).all()
    exported = []
    for attempt in attempts:
        answers = session.exec(
            select(AttemptAnswer)
            .where(col(AttemptAnswer.attempt_id) == attempt.id)
            .order_by(col(AttemptAnswer.position))
        ).all()
        events = session.exec(
            select(ProctoringEvent)
            .where(col(ProctoringEvent.attempt_id) == attempt.id)
            .order_by(col(ProctoringEvent.at))
        ).all()
        exported.append(
            {
                "course_id": attempt.course_id,
                "test_id": attempt.test_id,
                "topic": attempt.topic,
                "mode": attempt.mode,
                "status": str(attempt.status),
                "started_at": _iso(attempt.started_at),
                "deadline_at": _iso(attempt.deadline_at),
                "submitted_at": _iso(attempt.submitted_at),
                "score": attempt.score,
                "max_score": attempt.max_score,
                "provisional": attempt.provisional,
                "time_spent_seconds": attempt.time_spent_seconds,
                "answers": [
                    {
                        "problem_id": a.problem_id,
                        "answer": a.answer,
                        "saved_at": _iso(a.saved_at),
                        "status": str(a.status),
                        "correct": a.correct,
                        "score": a.score,
                        "feedback": a.feedback,
                        "tries": a.tries,
                        "hints_used": a.hints_used,
                        "solution_revealed": a.solution_revealed,
                        "given_up": a.given_up,
                        "time_spent_seconds": a.time_spent_seconds,
                        "review_comment": a.review_comment,
                        "reviewed_at": _iso(a.reviewed_at),
                    }
                    for a in answers
                ],
                "proctoring_events": [
                    {"kind": e.kind, "at": _iso(e.at), "detail": e.detail} for e in events
                ],
            }
        )
    return exported


def export_notifications(session: Session, user_id: int) -> list[dict[str, Any]]:
    rows = session.exec(
        select(Notification)
        .where(col(Notification.user_id) == user_id)
        .order_by(col(Notification.created_at))
    ).all()
    return [
        {
            "kind": n.kind,
            "message_id": n.message_id,
            "params": dict(n.params),
            "created_at": _iso(n.created_at),
            "read_at": _iso(n.read_at),
        }
        for n in rows
    ]


personal_data.register("attempts", export_attempts)
personal_data.register("notifications", export_notifications)
