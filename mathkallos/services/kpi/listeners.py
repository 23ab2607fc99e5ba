"""Subscribes the KPI rules to the domain events (imported by `services.events` on the first
publish). Each listener reads the raw rows the event points at, in the publisher's session,
and updates the KPI rows in the same transaction: flush, never commit."""

from __future__ import annotations

from sqlmodel import Session, col, select

from mathkallos.models.attempts import Attempt, AttemptAnswer
from mathkallos.models.kpi import ReadingLog
from mathkallos.services import events
from mathkallos.services.attempts.loading import answer_rows
from mathkallos.services.attempts.rules import cap_seconds
from mathkallos.services.kpi.apply import apply_answers, apply_attempt_closed, apply_reading


def on_problem_answered(session: Session, event: events.ProblemAnswered) -> None:
    row = session.exec(
        select(AttemptAnswer).where(
            col(AttemptAnswer.attempt_id) == event.attempt_id,
            col(AttemptAnswer.problem_id) == event.problem_id,
        )
    ).first()
    if row is not None:
        apply_answers(session, [row])


def on_answer_changed(
    session: Session, event: events.AnswerReviewed | events.AnswerChanged
) -> None:
    """A reviewed proof, a hint revealed or a problem given up: the row is applied as it is."""
    row = session.get(AttemptAnswer, event.answer_id)
    if row is not None:
        apply_answers(session, [row])


def on_attempt_submitted(session: Session, event: events.AttemptSubmitted) -> None:
    """An exam's answers count from its close: all of them at once, then the attempt."""
    attempt = session.get(Attempt, event.attempt_id)
    if attempt is None:
        return
    if attempt.mode == "exam":
        apply_answers(session, answer_rows(session, event.attempt_id))
    apply_attempt_closed(session, attempt)


def on_section_read(session: Session, event: events.SectionRead) -> None:
    """The reader's stint is logged (capped per interaction, so an open tab adds at most the
    cap), then applied."""
    log = ReadingLog(
        user_id=event.user_id,
        section_id=event.section_id,
        course_id=event.course_id,
        at=event.at,
        seconds=cap_seconds(event.time_spent_seconds),
    )
    session.add(log)
    session.flush()
    apply_reading(session, log)


events.subscribe(events.ProblemAnswered, on_problem_answered)
events.subscribe(events.AnswerReviewed, on_answer_changed)
events.subscribe(events.AnswerChanged, on_answer_changed)
events.subscribe(events.AttemptSubmitted, on_attempt_submitted)
events.subscribe(events.SectionRead, on_section_read)
