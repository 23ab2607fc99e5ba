"""Exam mode: a server-stored deadline, autosave without verdicts, nothing checked until
submit (DESIGN invariant 5)."""

from __future__ import annotations

from sqlmodel import Session

from mathkallos.models.attempts import AnswerStatus
from mathkallos.models.base import utcnow
from mathkallos.models.content import TestMode
from mathkallos.services.access import Actor
from mathkallos.services.attempts.dto import AnswerOutcome, AttemptView, SavedAnswer
from mathkallos.services.attempts.lifecycle import start_test
from mathkallos.services.attempts.loading import (
    answer_row,
    claim_open,
    ensure_open,
    own_attempt,
)
from mathkallos.services.attempts.practice import submit_practice_answer
from mathkallos.services.attempts.rules import cap_seconds, clean_answer, seconds_left
from mathkallos.services.errors import Conflict


def start_exam(
    *, session: Session, actor: Actor | None, course_slug: str, test_slug: str
) -> AttemptView:
    """Start an exam (its deadline is fixed now, by the server) or resume the open one."""
    return start_test(
        session=session,
        actor=actor,
        course_slug=course_slug,
        test_slug=test_slug,
        mode=TestMode.EXAM,
    )


def save_exam_answer(
    *,
    session: Session,
    actor: Actor | None,
    attempt_id: int,
    problem_id: int,
    answer: str,
    time_spent_seconds: int = 0,
) -> SavedAnswer:
    """Store the answer as given (the student may change it until submit); refused with
    AttemptClosed after the deadline or submit, leaving the saved answer as it was."""
    attempt = own_attempt(session, actor, attempt_id)
    if attempt.mode != TestMode.EXAM:
        raise Conflict("attempts.wrong_mode")
    now = utcnow()
    ensure_open(attempt, now)
    answer = clean_answer(answer)
    answer_row(session, attempt_id, problem_id)  # NotFound before taking the lock
    seconds = cap_seconds(time_spent_seconds)
    claim_open(session, attempt, now, seconds=seconds)
    row = answer_row(session, attempt_id, problem_id)
    row.answer, row.saved_at, row.status = answer, now, AnswerStatus.SAVED
    row.time_spent_seconds += seconds
    session.add(row)
    session.flush()
    return SavedAnswer(
        problem_id=problem_id,
        answer=answer,
        saved_at=now,
        seconds_left=seconds_left(attempt.deadline_at, now),
    )


def give_answer(
    *,
    session: Session,
    actor: Actor | None,
    attempt_id: int,
    problem_id: int,
    answer: str,
    time_spent_seconds: int = 0,
) -> AnswerOutcome | SavedAnswer:
    """One entry point for "the student answered": checked now in practice, saved in an exam."""
    attempt = own_attempt(session, actor, attempt_id)
    handler = submit_practice_answer if attempt.mode == TestMode.PRACTICE else save_exam_answer
    return handler(
        session=session,
        actor=actor,
        attempt_id=attempt_id,
        problem_id=problem_id,
        answer=answer,
        time_spent_seconds=time_spent_seconds,
    )
