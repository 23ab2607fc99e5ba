"""Practising a topic as a student meets it: a set picked from the course's published problems
on the topic (unsolved first, near the student's level, the weakest record once all are
solved), run in practice mode, resumed rather than duplicated, counted in its course."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlmodel import col, func, select

from mathkallos.models.attempts import Attempt
from mathkallos.models.users import Role
from mathkallos.services import attempts, kpi
from mathkallos.services.attempts.topics import TOPIC_SET_SIZE, level_on_topic
from mathkallos.services.errors import (
    Conflict,
    InvalidInput,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
)
from tests.integration.services.content.factories import make_course, make_problem


@dataclass(frozen=True)
class School:
    slug: str
    course_id: int
    algebra: dict[int, int]  # difficulty -> problem id, published algebra problems
    sequences: list[int]
    hidden: list[int]  # algebra problems a student must never be given


@pytest.fixture
def school(session, teacher) -> School:
    course = make_course(session, teacher, "Algebra club", topics=["algebra", "sequences"])
    other = make_course(session, teacher, "Another course")
    algebra = {
        d: make_problem(session, teacher, course_id=course.id, topics=["algebra"], difficulty=d).id
        for d in (2, 4, 5, 6, 8, 9)
    }
    sequences = [
        make_problem(session, teacher, course_id=course.id, topics=["sequences"], difficulty=d).id
        for d in (3, 5, 7)
    ]
    hidden = [
        make_problem(session, teacher, course_id=course.id, topics=["algebra"], status=status).id
        for status in ("draft", "verified")
    ]
    hidden.append(make_problem(session, teacher, course_id=other.id, topics=["algebra"]).id)
    make_problem(session, teacher, course_id=course.id, topics=["geometry"])
    return School(course.slug, course.id, algebra, sequences, hidden)


def _start(session, actor, school, topic="algebra"):
    view = attempts.start_topic_practice(
        session=session, actor=actor, course_slug=school.slug, topic=topic
    )
    session.commit()
    return view


def _ids(view) -> list[int]:
    return [item.problem.id for item in view.problems]


def _answer(session, student, view, problem_id, answer):
    attempts.submit_practice_answer(
        session=session, actor=student, attempt_id=view.id, problem_id=problem_id, answer=answer
    )
    session.commit()


def _finish(session, student, view):
    result = attempts.submit_attempt(session=session, actor=student, attempt_id=view.id)
    session.commit()
    return result


def _attempt_count(session) -> int:
    return session.exec(select(func.count()).select_from(Attempt)).one()


def test_a_set_comes_from_the_topics_published_problems_of_the_course_near_the_middle(
    session, student, school
):
    view = _start(session, student, school)
    algebra = school.algebra
    # a new student's level is 5: nearest first, ties to the easier problem
    assert _ids(view) == [algebra[5], algebra[4], algebra[6], algebra[2], algebra[8]]
    assert not set(_ids(view)) & set(school.hidden)
    assert (view.test, view.topic, view.mode, view.max_score) == (None, "algebra", "practice", 5)
    assert all(item.problem.hint_count == 1 for item in view.problems)


def test_unsolved_problems_come_first_then_the_solved_ones_weakest_first(session, student, school):
    a = school.algebra
    first = _start(session, student, school)
    _answer(session, student, first, a[5], "4")
    _answer(session, student, first, a[4], "4")
    _answer(session, student, first, a[6], "5")  # wrong: still unsolved
    result = _finish(session, student, first)
    assert (result.topic, result.test, result.passed, result.score) == ("algebra", None, None, 2)

    second = _start(session, student, school)
    assert second.id != first.id
    # level 7 now (2 of 3 right); the two solved ones follow, the longest ago answered first
    assert level_on_topic([[0, 1, True], [0, 2, True], [0, 3, False]]) == 7
    assert _ids(second) == [a[6], a[8], a[9], a[2], a[5]]


def test_once_every_problem_is_solved_the_weakest_record_comes_back_first(session, student, school):
    a, b, c = school.sequences
    first = _start(session, student, school, "sequences")
    assert sorted(_ids(first)) == [a, b, c]
    for problem_id in (c, b, a):
        _answer(session, student, first, problem_id, "4")
    _finish(session, student, first)

    second = _start(session, student, school, "sequences")
    assert _ids(second) == [c, b, a]  # all solved once: the longest ago answered first
    _answer(session, student, second, a, "5")  # a is now right once in two
    _finish(session, student, second)

    assert _ids(_start(session, student, school, "sequences")) == [a, c, b]


def test_an_open_topic_practice_is_resumed_not_duplicated(session, student, school):
    first = _start(session, student, school)
    _answer(session, student, first, first.problems[0].problem.id, "5")
    again = _start(session, student, school)
    assert again.id == first.id
    assert again.problems[0].state.tries == 1
    other_topic = _start(session, student, school, "sequences")
    assert other_topic.id != first.id
    assert len(other_topic.problems) == len(school.sequences) < TOPIC_SET_SIZE


@pytest.mark.parametrize("topic", ["geometry-free", "Algebra", "topology"])
def test_a_topic_with_no_eligible_problem_is_refused_and_creates_nothing(
    session, student, school, topic
):
    before = _attempt_count(session)
    with pytest.raises(Conflict) as refused:
        _start(session, student, school, topic)
    assert refused.value.message_id == "attempts.topic_empty"
    session.rollback()
    assert _attempt_count(session) == before


def test_a_blank_or_oversized_topic_is_invalid(session, student, school):
    for topic in ("", "   ", "x" * 101):
        with pytest.raises(InvalidInput):
            _start(session, student, school, topic)


def test_only_a_course_the_student_may_see_can_be_practised(session, student, teacher, school):
    hidden = make_course(session, teacher, "Unpublished", published=False)
    make_problem(session, teacher, course_id=hidden.id, topics=["algebra"])
    with pytest.raises(NotFound):
        attempts.start_topic_practice(
            session=session, actor=student, course_slug=hidden.slug, topic="algebra"
        )
    with pytest.raises(NotAuthenticated):
        _start(session, None, school)


def test_another_student_cannot_read_or_answer_a_topic_practice(
    session, student, make_user, school
):
    view = _start(session, student, school)
    stranger = make_user(Role.STUDENT)
    with pytest.raises(PermissionDenied):
        attempts.get_attempt(session=session, actor=stranger, attempt_id=view.id)
    with pytest.raises(PermissionDenied):
        attempts.submit_practice_answer(
            session=session,
            actor=stranger,
            attempt_id=view.id,
            problem_id=view.problems[0].problem.id,
            answer="4",
        )


def test_topic_practice_counts_in_its_course_for_teachers_and_the_student(
    session, student, teacher, school
):
    view = _start(session, student, school)
    _answer(session, student, view, school.algebra[5], "4")
    _finish(session, student, view)

    rows = attempts.list_attempts(session=session, actor=teacher, course_id=school.course_id)
    assert [(r.id, r.test_id, r.test_title, r.topic) for r in rows.items] == [
        (view.id, None, "", "algebra")
    ]
    detail = attempts.attempt_detail(session=session, actor=teacher, attempt_id=view.id)
    assert detail.row.topic == "algebra"
    assert attempts.my_attempts(session=session, actor=student).items[0].topic == "algebra"

    report = kpi.course_report(session=session, actor=teacher, course_id=school.course_id)
    topic_rows = [t for t in report.tests if t.topic is not None]
    assert [(t.topic, t.test_id, t.mode, t.attempts, t.average_percent) for t in topic_rows] == [
        ("algebra", None, "practice", 1, 20.0)
    ]
    assert report.active_7_days == 1
    csv = kpi.course_report_csv(session=session, actor=teacher, course_id=school.course_id)
    assert "topic,,algebra,practice,1,20.0," in csv

    dashboard = kpi.student_dashboard(session=session, actor=student)
    item = dashboard.attempts.items[0]
    assert (item.test_id, item.topic, item.course_id) == (None, "algebra", school.course_id)


def test_an_open_topic_practice_is_where_the_student_continues(session, student, school):
    view = _start(session, student, school, "sequences")
    item = kpi.student_dashboard(session=session, actor=student).continue_item
    assert item is not None
    assert (item.kind, item.attempt_id, item.topic, item.title) == (
        "attempt",
        view.id,
        "sequences",
        "",
    )


def test_the_course_page_lists_its_topics_with_problems_and_solved_counts(session, student, school):
    view = _start(session, student, school, "sequences")
    _answer(session, student, view, school.sequences[0], "4")
    choices = attempts.topic_choices(session=session, actor=student, course_slug=school.slug)
    assert [(c.topic, c.problems, c.solved) for c in choices] == [
        ("algebra", 6, 0),
        ("sequences", 3, 1),
        ("geometry", 1, 0),
    ]
    visitor = attempts.topic_choices(session=session, actor=None, course_slug=school.slug)
    assert [c.solved for c in visitor] == [0, 0, 0]


def test_the_dashboard_suggests_practising_the_weakest_topic_where_problems_are_unsolved(
    session, student, school
):
    view = _start(session, student, school, "sequences")
    _answer(session, student, view, school.sequences[0], "5")
    _finish(session, student, view)
    algebra = _start(session, student, school)
    _answer(session, student, algebra, school.algebra[5], "4")
    _finish(session, student, algebra)

    found = kpi.student_dashboard(session=session, actor=student).suggestion
    assert found is not None
    assert (found.topic, found.accuracy, found.course_slug, found.unsolved) == (
        "sequences",
        0.0,
        school.slug,
        3,
    )
    started = attempts.start_topic_practice(
        session=session, actor=student, course_slug=found.course_slug, topic=found.topic
    )
    assert started.topic == "sequences"
    assert session.exec(select(func.count()).where(col(Attempt.topic) == "sequences")).one() == 2
