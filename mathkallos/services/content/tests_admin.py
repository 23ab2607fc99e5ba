"""Authoring tests (practice sets and timed exams): settings, ordered problems, publishing."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, func
from sqlmodel import Session, col, delete, select

from mathkallos.models.base import utcnow
from mathkallos.models.content import Course, Problem, Test, TestProblem
from mathkallos.services.access import Actor, require_staff
from mathkallos.services.content.courses import free_slug, slug_taken
from mathkallos.services.content.dto import ProblemPublic, TestSummary
from mathkallos.services.content.permissions import (
    STUDENT_PROBLEM_STATUSES,
    can_edit,
    editable_course,
    visible_course,
)
from mathkallos.services.content.rules import MAX_POINTS, issues_for_test, raise_invalid, slugify
from mathkallos.services.content.views import problem_public, summarize_test
from mathkallos.services.errors import Conflict, InvalidInput, NotFound


def create_test(
    *,
    session: Session,
    actor: Actor | None,
    course_id: int,
    title: str,
    slug: str | None = None,
    mode: str = "practice",
    duration_minutes: int | None = None,
    pass_score: int = 60,
    is_final: bool = False,
) -> TestSummary:
    """A new unpublished test at the end of the course's test list."""
    editable_course(session, actor, course_id)
    chosen = (
        slug
        if slug is not None
        else free_slug(session, Test, slugify(str(title)), course_id=course_id)
    )
    raise_invalid(
        issues_for_test(
            title=title,
            slug=chosen,
            mode=mode,
            duration_minutes=duration_minutes,
            pass_score=pass_score,
        )
    )
    if slug_taken(session, Test, chosen, None, course_id=course_id):
        raise Conflict("content.errors.slug_taken", field="slug")
    last = session.exec(
        select(func.max(Test.position)).where(col(Test.course_id) == course_id)
    ).one()
    test = Test(
        course_id=course_id,
        position=(last or 0) + 1,
        title=title.strip(),
        slug=chosen,
        mode=mode,
        duration_minutes=duration_minutes,
        pass_score=pass_score,
        is_final=is_final,
    )
    session.add(test)
    session.flush()
    return summarize_test(session, test)


def _editable_test(session: Session, actor: Actor | None, test_id: int) -> Test:
    require_staff(actor)
    test = session.get(Test, test_id)
    if test is None:
        raise NotFound("errors.not_found")
    editable_course(session, actor, test.course_id)
    return test


def update_test(
    *,
    session: Session,
    actor: Actor | None,
    test_id: int,
    title: str | None = None,
    slug: str | None = None,
    mode: str | None = None,
    duration_minutes: int | None = None,
    clear_duration: bool = False,
    pass_score: int | None = None,
    is_final: bool | None = None,
) -> TestSummary:
    """Change a test's settings; None keeps a value (`clear_duration` removes the duration)."""
    test = _editable_test(session, actor, test_id)
    new = {
        "title": test.title if title is None else title,
        "slug": test.slug if slug is None else slug,
        "mode": str(test.mode) if mode is None else mode,
        "duration_minutes": None
        if clear_duration
        else (test.duration_minutes if duration_minutes is None else duration_minutes),
        "pass_score": test.pass_score if pass_score is None else pass_score,
    }
    raise_invalid(issues_for_test(**new))
    if slug_taken(session, Test, new["slug"], test.id, course_id=test.course_id):
        raise Conflict("content.errors.slug_taken", field="slug")
    for name, value in new.items():
        setattr(test, name, value)
    test.title = test.title.strip()
    if is_final is not None:
        test.is_final = is_final
    test.updated_at = utcnow()
    session.add(test)
    session.flush()
    return summarize_test(session, test)


def set_test_problems(
    *,
    session: Session,
    actor: Actor | None,
    test_id: int,
    items: Sequence[tuple[int, int]],
) -> TestSummary:
    """Replace the test's problems with `items` = [(problem_id, points), ...] in order.

    Problems must belong to the test's course or the bank, and appear once each.
    """
    test = _editable_test(session, actor, test_id)
    ids = [problem_id for problem_id, _ in items]
    if len(set(ids)) != len(ids):
        raise InvalidInput("content.errors.duplicate", field="problems")
    found = {p.id: p for p in session.exec(select(Problem).where(col(Problem.id).in_(ids))).all()}
    for problem_id, points in items:
        problem = found.get(problem_id)
        if problem is None or problem.course_id not in (None, test.course_id):
            raise InvalidInput("content.errors.problem_unknown", field="problems")
        if isinstance(points, bool) or not isinstance(points, int) or not 1 <= points <= MAX_POINTS:
            raise InvalidInput("content.errors.points_range", field="points")
    if test.is_published and any(found[i].status not in STUDENT_PROBLEM_STATUSES for i in ids):
        raise InvalidInput("content.errors.problem_not_ready", field="problems")
    session.exec(delete(TestProblem).where(col(TestProblem.test_id) == test_id))
    for position, (problem_id, points) in enumerate(items, start=1):
        session.add(
            TestProblem(test_id=test_id, problem_id=problem_id, position=position, points=points)
        )
    session.flush()
    return summarize_test(session, test)


def set_test_published(
    *, session: Session, actor: Actor | None, test_id: int, published: bool
) -> TestSummary:
    """Publishing needs at least one problem, every one verified or published."""
    test = _editable_test(session, actor, test_id)
    if published:
        statuses = session.exec(
            select(Problem.status)
            .join(TestProblem, col(TestProblem.problem_id) == col(Problem.id))
            .where(col(TestProblem.test_id) == test_id)
        ).all()
        if not statuses:
            raise InvalidInput("content.errors.test_empty", field="problems")
        if any(status not in STUDENT_PROBLEM_STATUSES for status in statuses):
            raise InvalidInput("content.errors.problem_not_ready", field="problems")
    test.is_published = published
    test.updated_at = utcnow()
    session.add(test)
    session.flush()
    return summarize_test(session, test)


def delete_test(*, session: Session, actor: Actor | None, test_id: int) -> None:
    test = _editable_test(session, actor, test_id)
    session.delete(test)
    session.flush()


_TEST_BY_SLUG = select(Test).where(
    col(Test.course_id) == bindparam("course_id"), col(Test.slug) == bindparam("slug")
)
_PROBLEMS_IN_ORDER = (
    select(Problem, TestProblem.points)
    .join(TestProblem, col(TestProblem.problem_id) == col(Problem.id))
    .where(col(TestProblem.test_id) == bindparam("test_id"))
    .order_by(col(TestProblem.position))
)


def test_with_problems(
    *, session: Session, actor: Actor | None, course_slug: str, test_slug: str
) -> tuple[Course, Test, list[tuple[Problem, int]]]:
    """A published test (any test for its editors), its course, and its problems in order
    with their points, as rows of this session: the session holds rows only while someone
    refers to them, so a caller that keeps these (the exam start) finds them there again
    instead of reading them twice."""
    course = visible_course(session, actor, course_slug)
    # Built once: a whole class starts an exam at once.
    test = session.exec(_TEST_BY_SLUG, params={"course_id": course.id, "slug": test_slug}).first()
    if test is None or not (test.is_published or can_edit(actor, course.author_id)):
        raise NotFound("errors.not_found")
    rows = session.exec(_PROBLEMS_IN_ORDER, params={"test_id": test.id}).all()
    return course, test, [(problem, points) for problem, points in rows]


def summarize_loaded(
    session: Session, test: Test, problems: Sequence[tuple[Problem, int]]
) -> TestSummary:
    """The summary of a test whose problems were just read (no second count)."""
    return summarize_test(session, test, counted=(len(problems), sum(p for _, p in problems)))


def get_test_problems(
    *, session: Session, actor: Actor | None, course_slug: str, test_slug: str
) -> tuple[TestSummary, list[tuple[ProblemPublic, int]]]:
    """A published test (any test for its editors) with its problems, keys withheld, in order
    with their points."""
    _, test, rows = test_with_problems(
        session=session, actor=actor, course_slug=course_slug, test_slug=test_slug
    )
    public = [(problem_public(problem), points) for problem, points in rows]
    return summarize_loaded(session, test, rows), public
