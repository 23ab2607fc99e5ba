"""Lists of attempts: the teacher's table (own courses; admins all) with one attempt's detail,
and the student's own history."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from mathkallos.models.attempts import Attempt, AttemptStatus, ProctoringEvent
from mathkallos.models.base import utcnow
from mathkallos.models.content import Course, Test
from mathkallos.models.users import User
from mathkallos.services.access import Actor, require_actor, require_staff
from mathkallos.services.attempts.dto import AttemptDetail, AttemptRow, EventView
from mathkallos.services.attempts.loading import load_attempt, teaches, test_and_course
from mathkallos.services.attempts.review import taught_by
from mathkallos.services.attempts.views import (
    attempt_row,
    attempt_time_used,
    result_problems,
    row_of,
)
from mathkallos.services.content.dto import Page
from mathkallos.services.errors import InvalidInput, PermissionDenied

MAX_PER_PAGE = 100


def _rows_query() -> Any:
    return (
        select(Attempt, Test, Course, User)
        .join(Course, col(Course.id) == col(Attempt.course_id))
        .outerjoin(Test, col(Test.id) == col(Attempt.test_id))
        .join(User, col(User.id) == col(Attempt.user_id))
    )


def _page(session: Session, statement: Any, page: int, per_page: int) -> Page[AttemptRow]:
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise InvalidInput("content.errors.paging", field="page")
    total = session.exec(select(func.count()).select_from(statement.subquery())).one()
    found = session.exec(
        statement.order_by(col(Attempt.started_at).desc(), col(Attempt.id).desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    items = [row_of(attempt, test, course, user) for attempt, test, course, user in found]
    return Page(items=items, total=int(total), page=page, per_page=per_page)


def list_attempts(
    *,
    session: Session,
    actor: Actor | None,
    course_id: int | None = None,
    test_id: int | None = None,
    student_query: str | None = None,
    status: str | None = None,
    page: int = 1,
    per_page: int = 20,
) -> Page[AttemptRow]:
    """Attempts at the courses a teacher authors (an admin: all), newest first, filtered by
    course, test, student (name, username or e-mail) and status."""
    actor = require_staff(actor)
    if status is not None and status not in {s.value for s in AttemptStatus}:
        raise InvalidInput("attempts.status_unknown", field="status")
    statement = _rows_query().where(taught_by(actor))
    if course_id is not None:
        statement = statement.where(col(Course.id) == course_id)
    if test_id is not None:
        statement = statement.where(col(Attempt.test_id) == test_id)
    if status is not None:
        statement = statement.where(col(Attempt.status) == status)
    if student_query and student_query.strip():
        pattern = f"%{student_query.strip().lower()}%"
        statement = statement.where(
            or_(
                func.lower(User.full_name).like(pattern),
                func.lower(User.username).like(pattern),
                func.lower(User.email).like(pattern),
            )
        )
    return _page(session, statement, page, per_page)


def my_attempts(
    *, session: Session, actor: Actor | None, page: int = 1, per_page: int = 20
) -> Page[AttemptRow]:
    """The student's own attempts, newest first."""
    actor = require_actor(actor)
    return _page(session, _rows_query().where(col(Attempt.user_id) == actor.id), page, per_page)


def attempt_detail(*, session: Session, actor: Actor | None, attempt_id: int) -> AttemptDetail:
    """One attempt for its teacher: every answer with verdict, key and solution, plus the
    proctoring events. Students use get_result for their own finished attempts."""
    actor = require_staff(actor)
    attempt = load_attempt(session, attempt_id)
    if not teaches(actor, test_and_course(session, attempt)[1]):
        raise PermissionDenied("errors.not_allowed")  # keys show here: teaching staff only
    events = session.exec(
        select(ProctoringEvent)
        .where(col(ProctoringEvent.attempt_id) == attempt_id)
        .order_by(col(ProctoringEvent.at), col(ProctoringEvent.id))
    ).all()
    return AttemptDetail(
        row=attempt_row(session, attempt),
        deadline_at=attempt.deadline_at,
        time_used_seconds=attempt_time_used(attempt, utcnow()),
        problems=result_problems(session, attempt_id),
        events=[EventView(kind=e.kind, at=e.at, detail=e.detail) for e in events],
    )
