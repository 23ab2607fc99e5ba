"""Exam mode: a server-stored deadline, autosave without verdicts, nothing checked until
submit (DESIGN invariant 5)."""

from __future__ import annotations

from datetime import datetime
from typing import NoReturn

from sqlalchemy import bindparam, update
from sqlmodel import Session, col

from mathkallos.models.attempts import AnswerStatus, AttemptAnswer
from mathkallos.models.base import utcnow
from mathkallos.models.content import TestMode
from mathkallos.services.access import Actor, require_actor
from mathkallos.services.attempts.dto import AnswerOutcome, AttemptView, SavedAnswer
from mathkallos.services.attempts.lifecycle import start_test
from mathkallos.services.attempts.loading import (
    claim_own,
    ensure_open,
    own_attempt,
)
from mathkallos.services.attempts.practice import submit_practice_answer
from mathkallos.services.attempts.rules import cap_seconds, clean_answer, seconds_left
from mathkallos.services.errors import AttemptClosed, Conflict, NotFound


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


_STORE_ANSWER = (
    update(AttemptAnswer)
    .where(
        col(AttemptAnswer.attempt_id) == bindparam("store_attempt"),
        col(AttemptAnswer.problem_id) == bindparam("store_problem"),
    )
    .values(
        answer=bindparam("store_answer"),
        saved_at=bindparam("store_now"),
        status=AnswerStatus.SAVED,
        time_spent_seconds=AttemptAnswer.time_spent_seconds + bindparam("store_seconds"),
    )
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
    AttemptClosed after the deadline or submit, leaving the saved answer as it was.

    The common case is two UPDATEs (claim the open attempt, store the answer): a whole year
    group autosaves every few seconds. Only a refusal takes the slow path, to say why."""
    actor = require_actor(actor)
    now, seconds = utcnow(), cap_seconds(time_spent_seconds)
    claimed, deadline = claim_own(session, actor, attempt_id, TestMode.EXAM, now, seconds=seconds)
    if not claimed:
        _refusal(session, actor, attempt_id, now)
    answer = clean_answer(answer)
    stored = (
        session.connection()
        .execute(
            _STORE_ANSWER,
            {
                "store_attempt": attempt_id,
                "store_problem": problem_id,
                "store_answer": answer,
                "store_now": now,
                "store_seconds": seconds,
            },
        )
        .rowcount
    )
    if stored != 1:
        raise NotFound("errors.not_found")  # the claim above is rolled back with the unit
    return SavedAnswer(
        problem_id=problem_id,
        answer=answer,
        saved_at=now,
        seconds_left=seconds_left(deadline, now),
    )


def _refusal(session: Session, actor: Actor, attempt_id: int, now: datetime) -> NoReturn:
    """Why the autosave's claim failed: not found, not the student's, not an exam, closed."""
    attempt = own_attempt(session, actor, attempt_id)
    if attempt.mode != TestMode.EXAM:
        raise Conflict("attempts.wrong_mode")
    ensure_open(attempt, now)
    raise AttemptClosed("attempts.closed")  # closed between the claim and this read


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
