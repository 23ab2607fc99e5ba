"""Table rows to DTOs: the single place that decides which columns leave the server."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from mathkallos.models.content import Course, Problem, ProblemKind, Test, TestProblem
from mathkallos.models.users import User
from mathkallos.services.content.dto import (
    ChoiceOption,
    CourseCard,
    ProblemAuthoring,
    ProblemPublic,
    TestSummary,
)
from mathkallos.services.content.rules import choice_key_labels


def author_name(session: Session, author_id: int | None) -> str:
    user = session.get(User, author_id) if author_id is not None else None
    return (user.full_name or user.username) if user else ""


def course_card(course: Course, section_count: int, author: str) -> CourseCard:
    assert course.id is not None
    return CourseCard(
        id=course.id,
        slug=course.slug,
        title=course.title,
        summary=course.summary,
        topics=list(course.topics),
        level=str(course.level),
        price=course.price,
        is_published=course.is_published,
        section_count=section_count,
        author_name=author,
        is_free=course.price == 0,
    )


def _options(problem: Problem) -> list[ChoiceOption]:
    return [ChoiceOption(label=o["label"], text=o["text"]) for o in problem.options]


def problem_public(problem: Problem) -> ProblemPublic:
    assert problem.id is not None
    multiple = problem.checker_settings.get("multiple")
    if problem.kind == ProblemKind.CHOICE and multiple is None:
        # Unset means "as many as the key names"; saying so reveals only single vs several.
        multiple = len(choice_key_labels(problem.answer_key)) > 1
    return ProblemPublic(
        id=problem.id,
        course_id=problem.course_id,
        statement=problem.statement,
        kind=str(problem.kind),
        options=_options(problem),
        multiple=bool(multiple),
        hint_count=len(problem.hints),
        difficulty=problem.difficulty,
        topics=list(problem.topics),
        source=problem.source,
    )


def problem_authoring(problem: Problem) -> ProblemAuthoring:
    assert problem.id is not None
    return ProblemAuthoring(
        id=problem.id,
        course_id=problem.course_id,
        statement=problem.statement,
        kind=str(problem.kind),
        options=_options(problem),
        answer_key=problem.answer_key,
        checker_settings=dict(problem.checker_settings),
        hints=list(problem.hints),
        solution=problem.solution,
        difficulty=problem.difficulty,
        rating=problem.rating,
        topics=list(problem.topics),
        source=problem.source,
        status=str(problem.status),
        author_id=problem.author_id,
        created_at=problem.created_at,
        updated_at=problem.updated_at,
    )


def summarize_test(
    session: Session, test: Test, counted: tuple[int, int] | None = None
) -> TestSummary:
    """`counted`: the test's number of problems and total points, when the caller has them."""
    assert test.id is not None
    count, points = counted or session.exec(
        select(
            func.count(col(TestProblem.id)), func.coalesce(func.sum(TestProblem.points), 0)
        ).where(col(TestProblem.test_id) == test.id)
    ).one()
    return TestSummary(
        id=test.id,
        course_id=test.course_id,
        slug=test.slug,
        title=test.title,
        mode=str(test.mode),
        duration_minutes=test.duration_minutes,
        pass_score=test.pass_score,
        is_final=test.is_final,
        is_published=test.is_published,
        problem_count=int(count),
        total_points=int(points),
    )
