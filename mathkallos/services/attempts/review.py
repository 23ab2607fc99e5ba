"""Teachers grade what the machine cannot: proofs and answers a checker could not settle.

A teacher sees and grades answers of the courses they author; an admin all. Grading updates
the attempt's score (no longer provisional once nothing awaits review) and notifies the student.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, true
from sqlmodel import Session, col, select

from mathkallos.models.attempts import AnswerStatus, Attempt, AttemptAnswer, AttemptStatus
from mathkallos.models.base import utcnow
from mathkallos.models.content import Course, Problem, Test, TestMode
from mathkallos.models.users import User
from mathkallos.services.access import Actor, require_staff
from mathkallos.services.attempts import announce
from mathkallos.services.attempts.dto import ReviewItem, ReviewResult
from mathkallos.services.attempts.grading import apply_totals
from mathkallos.services.attempts.loading import (
    answer_rows,
    lock_attempt,
    teaches,
    test_and_course,
)
from mathkallos.services.attempts.notifications import notify
from mathkallos.services.attempts.rules import MAX_COMMENT_LENGTH, review_score
from mathkallos.services.attempts.views import display_name
from mathkallos.services.errors import Conflict, InvalidInput, NotFound, PermissionDenied

MAX_QUEUE = 200


def taught_by(actor: Actor) -> ColumnElement[bool]:
    """SQL condition on Course: the courses whose attempts this staff member may see."""
    return true() if actor.is_admin else col(Course.author_id) == actor.id


def review_queue(
    *, session: Session, actor: Actor | None, course_id: int | None = None
) -> list[ReviewItem]:
    """Answers awaiting a teacher (exams once submitted, practice proofs at once), oldest
    first, with the statement, the worked solution and the rubric (a proof problem's key)."""
    actor = require_staff(actor)
    statement = (
        select(AttemptAnswer, Attempt, Problem, Test, Course, User)
        .join(Attempt, col(Attempt.id) == col(AttemptAnswer.attempt_id))
        .join(Problem, col(Problem.id) == col(AttemptAnswer.problem_id))
        .join(Course, col(Course.id) == col(Attempt.course_id))
        .outerjoin(Test, col(Test.id) == col(Attempt.test_id))
        .join(User, col(User.id) == col(Attempt.user_id))
        .where(
            col(AttemptAnswer.status) == AnswerStatus.NEEDS_REVIEW,
            or_(col(Attempt.status) != AttemptStatus.IN_PROGRESS, col(Attempt.mode) == "practice"),
            taught_by(actor),
        )
    )
    if course_id is not None:
        statement = statement.where(col(Course.id) == course_id)
    rows = session.exec(
        statement.order_by(col(Attempt.submitted_at), col(AttemptAnswer.id)).limit(MAX_QUEUE)
    ).all()
    return [
        ReviewItem(
            answer_id=answer.id,
            attempt_id=attempt.id,
            student_name=display_name(user),
            course_title=course.title,
            test_title=test.title if test is not None else "",
            topic=attempt.topic,
            problem_id=problem.id,
            statement=problem.statement,
            solution=problem.solution,
            rubric=problem.answer_key,
            answer=answer.answer,
            points=answer.points,
            status=str(answer.status),
            score=answer.score,
            review_comment=answer.review_comment,
            submitted_at=attempt.submitted_at,
        )
        for answer, attempt, problem, test, course, user in rows
    ]


def grade_answer(
    *,
    session: Session,
    actor: Actor | None,
    answer_id: int,
    score: float,
    comment: str = "",
) -> ReviewResult:
    """Give an answer (of a finished exam, or of practice) `score` points, from 0 to the
    problem's points, with a comment; a later grade replaces an earlier one."""
    actor = require_staff(actor)
    answer = session.get(AttemptAnswer, answer_id)
    if answer is None:
        raise NotFound("errors.not_found")
    attempt = lock_attempt(session, answer.attempt_id)
    test, course = test_and_course(session, attempt)
    if not teaches(actor, course):
        raise PermissionDenied("errors.not_allowed")
    if attempt.status == AttemptStatus.IN_PROGRESS and attempt.mode == TestMode.EXAM:
        raise Conflict("attempts.not_finished")  # exam answers may still change
    if not isinstance(comment, str) or len(comment) > MAX_COMMENT_LENGTH:
        raise InvalidInput("attempts.comment_too_long", field="comment", limit=MAX_COMMENT_LENGTH)
    session.refresh(answer)
    answer.score = review_score(score, answer.points)
    answer.correct = answer.score >= answer.points
    answer.status = AnswerStatus.REVIEWED
    now = utcnow()
    answer.reviewed_by, answer.reviewed_at, answer.review_comment = actor.id, now, comment
    session.add(answer)
    session.flush()
    assert attempt.id is not None
    apply_totals(session, attempt, answer_rows(session, attempt.id))
    announce.reviewed(session, attempt, answer, now)
    notify(
        session,
        user_id=attempt.user_id,
        kind="review",
        message_id="attempts.notify_reviewed",
        params={
            "attempt_id": attempt.id,
            "test": test.title if test is not None else "",
            "topic": attempt.topic or "",
            "score": answer.score,
            "points": answer.points,
        },
    )
    session.flush()
    return ReviewResult(
        answer_id=answer_id,
        attempt_id=attempt.id,
        score=answer.score,
        attempt_score=attempt.score,
        max_score=attempt.max_score,
        provisional=attempt.provisional,
    )
