"""Rows to the test runner's DTOs: the one place deciding what of an attempt leaves the server.

`attempt_view` is what a student sees while working: no keys, no solutions, and in an exam no
verdicts. `result_view` adds keys and solutions and is built only for finished attempts (or for
staff who teach the course).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row
from sqlmodel import Session

from mathkallos.models.attempts import AnswerStatus, Attempt, AttemptAnswer
from mathkallos.models.content import Course, Problem, ProblemKind, Test
from mathkallos.models.users import User
from mathkallos.services.attempts.dto import (
    AttemptProblem,
    AttemptRow,
    AttemptView,
    ProblemState,
    ResultProblem,
    ResultView,
    VerdictView,
)
from mathkallos.services.attempts.loading import answer_rows, problems_by_id, test_and_course
from mathkallos.services.attempts.rules import passed, percent, seconds_left, time_used
from mathkallos.services.content.dto import TestSummary
from mathkallos.services.content.views import problem_public, summarize_test

# An answer as the student's view reads it: the ORM row, or the row a new attempt's INSERT
# returned (the same column names; no objects to build while a whole class starts an exam).
AnswerFields = AttemptAnswer | Row[Any]


def can_see_solution(row: AnswerFields) -> bool:
    """Practice rule: the worked solution after a correct answer or after giving up."""
    return bool(row.correct) or row.given_up


def correct_answer(problem: Problem) -> str:
    """The key as shown after submit; a proof's key is the teacher's rubric, not an answer."""
    return "" if problem.kind == ProblemKind.PROOF else problem.answer_key


def _practice_verdict(row: AnswerFields) -> VerdictView | None:
    if row.status in (AnswerStatus.UNANSWERED, AnswerStatus.SAVED):
        return None
    return VerdictView(
        correct=bool(row.correct),
        score=row.score or 0.0,
        feedback=row.feedback,
        status=str(row.status),
        code=row.feedback_code,
        params=dict(row.feedback_params),
    )


def problem_state(row: AnswerFields, problem: Problem, mode: str) -> ProblemState:
    practice = mode == "practice"
    return ProblemState(
        problem_id=row.problem_id,
        position=row.position,
        points=row.points,
        answer=row.answer,
        saved_at=row.saved_at,
        status=str(row.status) if practice or not row.answer else AnswerStatus.SAVED.value,
        tries=row.tries if practice else 0,
        hints_used=row.hints_used,
        hints=list(problem.hints[: row.hints_used]) if practice else [],
        can_see_solution=practice and can_see_solution(row),
        given_up=row.given_up,
        time_spent_seconds=row.time_spent_seconds,
        verdict=_practice_verdict(row) if practice else None,
    )


def attempt_view(
    session: Session,
    attempt: Attempt,
    now: datetime,
    *,
    test: TestSummary | None = None,
    rows: Sequence[AnswerFields] | None = None,
) -> AttemptView:
    """`test` and `rows` (the attempt's answers, in order), when the caller has just read or
    written them, are not read again."""
    assert attempt.id is not None
    test_row, course = test_and_course(session, attempt)
    rows = answer_rows(session, attempt.id) if rows is None else rows
    problems = problems_by_id(session, [row.problem_id for row in rows])
    practice = attempt.mode == "practice"
    if test is None and test_row is not None:
        test = summarize_test(session, test_row)
    return AttemptView(
        id=attempt.id,
        course_slug=course.slug,
        test=test,
        topic=attempt.topic,
        mode=attempt.mode,
        status=str(attempt.status),
        started_at=attempt.started_at,
        deadline_at=attempt.deadline_at,
        server_now=now,
        seconds_left=seconds_left(attempt.deadline_at, now),
        score=attempt.score if practice else None,
        max_score=attempt.max_score,
        problems=[
            AttemptProblem(
                problem=problem_public(problems[row.problem_id]),
                state=problem_state(row, problems[row.problem_id], attempt.mode),
            )
            for row in rows
        ],
    )


def result_problems(session: Session, attempt_id: int) -> list[ResultProblem]:
    rows = answer_rows(session, attempt_id)
    problems = problems_by_id(session, [row.problem_id for row in rows])
    items = []
    for row in rows:
        problem = problems[row.problem_id]
        assert row.id is not None
        items.append(
            ResultProblem(
                answer_id=row.id,
                problem=problem_public(problem),
                position=row.position,
                points=row.points,
                answer=row.answer,
                status=str(row.status),
                correct=row.correct,
                score=row.score,
                feedback=row.feedback,
                feedback_code=row.feedback_code,
                feedback_params=dict(row.feedback_params),
                correct_answer=correct_answer(problem),
                solution=problem.solution,
                tries=row.tries,
                hints_used=row.hints_used,
                given_up=row.given_up,
                time_spent_seconds=row.time_spent_seconds,
                awaiting_review=row.status == AnswerStatus.NEEDS_REVIEW,
                review_comment=row.review_comment,
            )
        )
    return items


def attempt_time_used(attempt: Attempt, now: datetime) -> int:
    if attempt.mode == "practice":
        return attempt.time_spent_seconds
    return time_used(attempt.started_at, attempt.submitted_at or now, attempt.deadline_at)


def result_view(session: Session, attempt: Attempt, now: datetime) -> ResultView:
    assert attempt.id is not None
    test, course = test_and_course(session, attempt)
    return ResultView(
        attempt_id=attempt.id,
        course_slug=course.slug,
        test=summarize_test(session, test) if test is not None else None,
        topic=attempt.topic,
        mode=attempt.mode,
        status=str(attempt.status),
        started_at=attempt.started_at,
        submitted_at=attempt.submitted_at,
        score=attempt.score,
        max_score=attempt.max_score,
        percent=percent(attempt.score, attempt.max_score),
        provisional=attempt.provisional,
        passed=None  # a topic's practice set has no pass mark
        if test is None
        else passed(attempt.score, attempt.max_score, test.pass_score, attempt.provisional),
        time_used_seconds=attempt_time_used(attempt, now),
        problems=result_problems(session, attempt.id),
    )


def display_name(user: User | None) -> str:
    return (user.full_name or user.username) if user else ""


def row_of(attempt: Attempt, test: Test | None, course: Course, user: User | None) -> AttemptRow:
    """One line of an attempts table; a topic's practice has no test (`test_title` "")."""
    assert attempt.id is not None
    assert course.id is not None
    return AttemptRow(
        id=attempt.id,
        user_id=attempt.user_id,
        student_name=display_name(user),
        course_id=course.id,
        course_title=course.title,
        test_id=attempt.test_id,
        test_title=test.title if test is not None else "",
        topic=attempt.topic,
        mode=attempt.mode,
        status=str(attempt.status),
        started_at=attempt.started_at,
        submitted_at=attempt.submitted_at,
        score=attempt.score,
        max_score=attempt.max_score,
        provisional=attempt.provisional,
    )


def attempt_row(session: Session, attempt: Attempt) -> AttemptRow:
    test, course = test_and_course(session, attempt)
    return row_of(attempt, test, course, session.get(User, attempt.user_id))
