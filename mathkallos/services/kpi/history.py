"""The student's own lists on the dashboard: attempts page, where to continue, what to do next.

Each is one short indexed query: a user's attempts by (user_id, started_at), the reading log
by (user_id, at), topic statistics by user, the published problems of the weakest topics.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import exists
from sqlmodel import Session, col, select

from mathkallos.models.attempts import Attempt, AttemptStatus
from mathkallos.models.content import Course, Problem, ProblemStatus, Section, Test
from mathkallos.models.kpi import AnswerFact, ReadingLog, TopicStat
from mathkallos.services.errors import InvalidInput
from mathkallos.services.kpi.dto import (
    AttemptItem,
    AttemptPage,
    ContinueItem,
    Suggestion,
)
from mathkallos.services.kpi.rules import percent
from mathkallos.services.kpi.store import json_list_has

MAX_PER_PAGE = 50
MODES = frozenset({"practice", "exam"})
STATUSES = frozenset(status.value for status in AttemptStatus)


def attempt_page(
    session: Session,
    user_id: int,
    *,
    mode: str | None = None,
    status: str | None = None,
    course_id: int | None = None,
    page: int = 1,
    per_page: int = 10,
) -> AttemptPage:
    """The user's attempts newest first, filtered; `has_more` instead of a total count."""
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise InvalidInput("content.errors.paging", field="page")
    if (mode is not None and mode not in MODES) or (status is not None and status not in STATUSES):
        bad_mode = mode is not None and mode not in MODES
        raise InvalidInput("kpi.errors.filter", field="mode" if bad_mode else "status")
    statement: Any = (
        select(Attempt, Test, Course)
        .join(Course, col(Course.id) == col(Attempt.course_id))
        .outerjoin(Test, col(Test.id) == col(Attempt.test_id))
        .where(col(Attempt.user_id) == user_id)
    )
    if mode is not None:
        statement = statement.where(col(Attempt.mode) == mode)
    if status is not None:
        statement = statement.where(col(Attempt.status) == status)
    if course_id is not None:
        statement = statement.where(col(Attempt.course_id) == course_id)
    rows = session.exec(
        statement.order_by(col(Attempt.started_at).desc(), col(Attempt.id).desc())
        .offset((page - 1) * per_page)
        .limit(per_page + 1)
    ).all()
    items = [
        AttemptItem(
            attempt_id=attempt.id,
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
            percent=percent(attempt.score, attempt.max_score),
            provisional=attempt.provisional,
        )
        for attempt, test, course in rows[:per_page]
    ]
    return AttemptPage(items=items, page=page, per_page=per_page, has_more=len(rows) > per_page)


def continue_item(session: Session, user_id: int) -> ContinueItem | None:
    """The latest open attempt, else the section read last."""
    open_attempt = session.exec(
        select(Attempt, Test, Course)
        .join(Course, col(Course.id) == col(Attempt.course_id))
        .outerjoin(Test, col(Test.id) == col(Attempt.test_id))
        .where(col(Attempt.user_id) == user_id, col(Attempt.status) == AttemptStatus.IN_PROGRESS)
        .order_by(col(Attempt.started_at).desc())
        .limit(1)
    ).first()
    if open_attempt is not None:
        attempt, test, course = open_attempt
        return ContinueItem(
            kind="attempt",
            course_slug=course.slug,
            course_title=course.title,
            title=test.title if test is not None else "",
            topic=attempt.topic,
            attempt_id=attempt.id,
            test_slug=test.slug if test is not None else None,
            at=attempt.started_at,
        )
    last_read = session.exec(
        select(ReadingLog, Section, Course)
        .join(Section, col(Section.id) == col(ReadingLog.section_id))
        .join(Course, col(Course.id) == col(Section.course_id))
        .where(col(ReadingLog.user_id) == user_id)
        .order_by(col(ReadingLog.at).desc(), col(ReadingLog.id).desc())
        .limit(1)
    ).first()
    if last_read is None:
        return None
    log, section, course = last_read
    return ContinueItem(
        kind="section",
        course_slug=course.slug,
        course_title=course.title,
        title=section.title,
        section_slug=section.slug,
        at=log.at,
    )


def suggestion(session: Session, user_id: int, topics: list[TopicStat]) -> Suggestion | None:
    """Weakest topic first (lowest recent accuracy among topics not mastered), in a published
    course with published problems of it that the user has not solved yet: the course with
    the most of them (ties: the lower id), to practise that topic there."""
    candidates = sorted(
        (t for t in topics if not t.mastered and t.recent),
        key=lambda t: (t.recent_correct / len(t.recent), t.topic),
    )
    solved = exists().where(
        col(AnswerFact.user_id) == user_id,
        col(AnswerFact.problem_id) == col(Problem.id),
        col(AnswerFact.correct).is_(True),
    )
    for topic in candidates:
        rows = session.exec(
            select(Problem.topics, Course.id, Course.slug, Course.title)
            .join(Course, col(Course.id) == col(Problem.course_id))
            .where(
                col(Problem.status) == ProblemStatus.PUBLISHED,
                col(Course.is_published).is_(True),
                json_list_has(Problem.topics, topic.topic),
                ~solved,
            )
        ).all()
        unsolved: Counter[tuple[int, str, str]] = Counter(
            (course_id, slug, title) for tags, course_id, slug, title in rows if topic.topic in tags
        )
        if unsolved:
            (_, slug, title), count = min(unsolved.items(), key=lambda c: (-c[1], c[0][0]))
            return Suggestion(
                topic=topic.topic,
                accuracy=percent(topic.recent_correct, len(topic.recent)),
                course_slug=slug,
                course_title=title,
                unsolved=count,
            )
    return None
