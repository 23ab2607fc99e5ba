"""Practice mode: an instant verdict per answer, hints one by one, the worked solution after a
correct answer or giving up; every try, hint and reveal is recorded."""

from __future__ import annotations

from sqlmodel import Session

from mathkallos.models.attempts import AnswerStatus, Attempt, AttemptStatus
from mathkallos.models.base import utcnow
from mathkallos.models.content import Problem, TestMode
from mathkallos.services.access import Actor
from mathkallos.services.attempts import announce
from mathkallos.services.attempts.dto import AnswerOutcome, AttemptView, HintView, SolutionView
from mathkallos.services.attempts.grading import (
    apply_totals,
    grade,
    record_feedback,
    verdict_view,
)
from mathkallos.services.attempts.lifecycle import start_test
from mathkallos.services.attempts.loading import (
    answer_row,
    answer_rows,
    claim_open,
    ensure_open,
    own_attempt,
)
from mathkallos.services.attempts.rules import (
    COUNTED_VERDICTS,
    cap_seconds,
    clean_answer,
    practice_score,
)
from mathkallos.services.attempts.views import can_see_solution, correct_answer
from mathkallos.services.errors import Conflict, PermissionDenied


def start_practice(
    *, session: Session, actor: Actor | None, course_slug: str, test_slug: str
) -> AttemptView:
    """Start (or resume) a practice run of a practice test."""
    return start_test(
        session=session,
        actor=actor,
        course_slug=course_slug,
        test_slug=test_slug,
        mode=TestMode.PRACTICE,
    )


def _practice(session: Session, actor: Actor | None, attempt_id: int, refusal: str) -> Attempt:
    attempt = own_attempt(session, actor, attempt_id)
    if attempt.mode != TestMode.PRACTICE:
        raise PermissionDenied(refusal)
    return attempt


def submit_practice_answer(
    *,
    session: Session,
    actor: Actor | None,
    attempt_id: int,
    problem_id: int,
    answer: str,
    time_spent_seconds: int = 0,
) -> AnswerOutcome:
    """Check an answer now. Unreadable input or a checker limit returns the verdict without
    counting a try; a given-up problem is still checked but keeps 0 points."""
    attempt = own_attempt(session, actor, attempt_id)
    if attempt.mode != TestMode.PRACTICE:
        raise Conflict("attempts.wrong_mode")
    now = utcnow()
    ensure_open(attempt, now)
    answer = clean_answer(answer)
    row = answer_row(session, attempt_id, problem_id)
    problem = session.get(Problem, problem_id)
    assert problem is not None
    verdict = grade(problem, answer)  # slow: before the attempt is locked
    claim_open(session, attempt, now, seconds=cap_seconds(time_spent_seconds))
    row = answer_row(session, attempt_id, problem_id)
    row.time_spent_seconds += cap_seconds(time_spent_seconds)
    view = verdict_view(verdict, row.points)
    counted = verdict.status in COUNTED_VERDICTS
    if counted:
        row.tries += 1
        row.answer, row.saved_at = answer, now
        row.status = (
            AnswerStatus.CHECKED if verdict.status == "checked" else AnswerStatus.NEEDS_REVIEW
        )
        record_feedback(row, verdict)
        row.correct = bool(row.correct) or verdict.correct
        row.score = practice_score(row.score, view.score, given_up=row.given_up)
    session.add(row)
    session.flush()
    apply_totals(session, attempt, answer_rows(session, attempt_id))
    session.flush()
    announce.answered(session, attempt, row, now, cap_seconds(time_spent_seconds))
    return AnswerOutcome(
        problem_id=problem_id,
        verdict=view,
        counted=counted,
        tries=row.tries,
        problem_score=row.score or 0.0,
        attempt_score=attempt.score,
        can_see_solution=can_see_solution(row),
    )


def reveal_hint(
    *, session: Session, actor: Actor | None, attempt_id: int, problem_id: int
) -> HintView:
    """The next hint of a problem (each use recorded); never during an exam."""
    attempt = _practice(session, actor, attempt_id, "attempts.no_hints_in_exam")
    now = utcnow()
    claim_open(session, attempt, now)
    row = answer_row(session, attempt_id, problem_id)
    problem = session.get(Problem, problem_id)
    assert problem is not None
    if row.hints_used >= len(problem.hints):
        raise Conflict("attempts.no_more_hints")
    row.hints_used += 1
    session.add(row)
    session.flush()
    announce.changed(session, attempt, row, now)
    return HintView(
        problem_id=problem_id,
        index=row.hints_used,
        text=problem.hints[row.hints_used - 1],
        remaining=len(problem.hints) - row.hints_used,
    )


def _solution(problem: Problem) -> SolutionView:
    assert problem.id is not None
    return SolutionView(
        problem_id=problem.id, correct_answer=correct_answer(problem), solution=problem.solution
    )


def reveal_solution(
    *, session: Session, actor: Actor | None, attempt_id: int, problem_id: int
) -> SolutionView:
    """The worked solution, once the problem is solved or given up (the reveal is recorded)."""
    attempt = _practice(session, actor, attempt_id, "attempts.no_solution_in_exam")
    row = answer_row(session, attempt_id, problem_id)
    if not can_see_solution(row):
        raise PermissionDenied("attempts.solution_locked")
    if attempt.status == AttemptStatus.IN_PROGRESS and not row.solution_revealed:
        claim_open(session, attempt, utcnow())
        row = answer_row(session, attempt_id, problem_id)
        row.solution_revealed = True
        session.add(row)
        session.flush()
    problem = session.get(Problem, problem_id)
    assert problem is not None
    return _solution(problem)


def give_up(
    *, session: Session, actor: Actor | None, attempt_id: int, problem_id: int
) -> SolutionView:
    """Stop trying a problem: it scores 0 in this attempt, and its solution is shown."""
    attempt = _practice(session, actor, attempt_id, "attempts.no_solution_in_exam")
    now = utcnow()
    claim_open(session, attempt, now)
    row = answer_row(session, attempt_id, problem_id)
    row.given_up, row.solution_revealed, row.score = True, True, 0.0
    session.add(row)
    session.flush()
    apply_totals(session, attempt, answer_rows(session, attempt_id))
    session.flush()
    announce.changed(session, attempt, row, now)
    problem = session.get(Problem, problem_id)
    assert problem is not None
    return _solution(problem)
