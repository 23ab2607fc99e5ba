"""Authoring rules enforced in the services: ownership, roles, validation, publishing."""

import pytest

from mathkallos.services import content
from mathkallos.services.errors import (
    Conflict,
    InvalidInput,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
)
from tests.integration.services.content.factories import make_course, make_problem


def test_teacher_edits_own_course_but_not_another_teachers(session, teacher, other_teacher, admin):
    mine = make_course(session, teacher, "Inequalities")
    theirs = make_course(session, other_teacher, "Analysis")
    updated = content.update_course(
        session=session, actor=teacher, course_id=mine.id, summary="AM-GM first"
    )
    assert updated.summary == "AM-GM first"
    with pytest.raises(PermissionDenied):
        content.update_course(session=session, actor=teacher, course_id=theirs.id, title="Mine now")
    with pytest.raises(PermissionDenied):
        content.create_section(session=session, actor=teacher, course_id=theirs.id, title="Extra")
    assert (
        content.update_course(
            session=session, actor=admin, course_id=theirs.id, title="Real analysis"
        ).title
        == "Real analysis"
    )


def test_students_and_visitors_cannot_author(session, teacher, student):
    course = make_course(session, teacher, "Inequalities")
    with pytest.raises(PermissionDenied):
        content.create_course(session=session, actor=student, title="My course")
    with pytest.raises(NotAuthenticated):
        content.create_course(session=session, actor=None, title="My course")
    with pytest.raises(PermissionDenied):
        content.create_problem(
            session=session, actor=student, statement="s", kind="numeric", answer_key="1"
        )
    with pytest.raises(PermissionDenied):
        content.delete_course(session=session, actor=student, course_id=course.id)
    with pytest.raises(PermissionDenied):
        content.try_answer(
            session=session, actor=student, kind="numeric", answer_key="4", answer="4"
        )


def test_bad_input_names_fields_and_changes_nothing(session, teacher):
    with pytest.raises(InvalidInput) as empty:
        content.create_course(session=session, actor=teacher, title="  ", slug="ok", price=-1)
    assert {e.field for e in empty.value.errors} == {"title", "price"}
    make_course(session, teacher, "Inequalities")
    with pytest.raises(Conflict) as taken:
        content.create_course(session=session, actor=teacher, title="Other", slug="inequalities")
    assert taken.value.field == "slug"
    # without an explicit slug a free one is chosen
    assert content.create_course(session=session, actor=teacher, title="Inequalities").slug == (
        "inequalities-2"
    )
    with pytest.raises(InvalidInput) as bad_key:
        content.create_problem(
            session=session, actor=teacher, statement="Solve", kind="interval", answer_key="[1, 2"
        )
    assert bad_key.value.field == "answer_key"
    with pytest.raises(InvalidInput) as hard:
        content.create_problem(
            session=session,
            actor=teacher,
            statement="s",
            kind="numeric",
            answer_key="1",
            difficulty=12,
        )
    assert hard.value.field == "difficulty"
    course = content.list_courses(session=session, actor=teacher).items[0]
    with pytest.raises(InvalidInput) as exam:
        content.create_test(
            session=session, actor=teacher, course_id=course.id, title="Final", mode="exam"
        )
    assert exam.value.field == "duration_minutes"
    assert content.list_problems(session=session, actor=teacher).total == 0


def test_publishing_needs_content(session, teacher):
    course = make_course(session, teacher, "Empty", sections=0, published=False)
    with pytest.raises(InvalidInput) as caught:
        content.set_course_published(
            session=session, actor=teacher, course_id=course.id, published=True
        )
    assert caught.value.message_id == "content.errors.course_empty"
    test = content.create_test(session=session, actor=teacher, course_id=course.id, title="Quiz")
    with pytest.raises(InvalidInput):
        content.set_test_published(session=session, actor=teacher, test_id=test.id, published=True)
    draft = make_problem(session, teacher, status="draft", course_id=course.id)
    content.set_test_problems(
        session=session, actor=teacher, test_id=test.id, items=[(draft.id, 1)]
    )
    with pytest.raises(InvalidInput) as not_ready:
        content.set_test_published(session=session, actor=teacher, test_id=test.id, published=True)
    assert not_ready.value.message_id == "content.errors.problem_not_ready"
    content.set_problem_status(
        session=session, actor=teacher, problem_id=draft.id, status="verified"
    )
    summary = content.set_test_published(
        session=session, actor=teacher, test_id=test.id, published=True
    )
    assert summary.is_published


def test_students_see_problems_only_once_verified(session, teacher, student):
    course = make_course(session, teacher, "Inequalities")
    problem = make_problem(session, teacher, status="draft", course_id=course.id)
    with pytest.raises(NotFound):
        content.get_problem(session=session, actor=student, problem_id=problem.id)
    content.set_problem_status(
        session=session, actor=teacher, problem_id=problem.id, status="verified"
    )
    seen = content.get_problem(session=session, actor=student, problem_id=problem.id)
    assert (seen.statement, seen.hint_count) == ("Compute $2+2$.", 1)
    with pytest.raises(PermissionDenied):
        content.get_problem_authoring(session=session, actor=student, problem_id=problem.id)


def test_update_problem_revalidates_the_key_against_a_new_kind(session, teacher):
    problem = make_problem(session, teacher, kind="numeric", answer_key="4")
    with pytest.raises(InvalidInput) as caught:
        content.update_problem(session=session, actor=teacher, problem_id=problem.id, kind="matrix")
    assert caught.value.field == "answer_key"
    changed = content.update_problem(
        session=session, actor=teacher, problem_id=problem.id, kind="set", answer_key="{2, -2}"
    )
    assert (changed.kind, changed.answer_key) == ("set", "{2, -2}")


def test_sections_reorder_and_a_wrong_order_is_refused(session, teacher):
    course = make_course(session, teacher, "Inequalities", sections=3)
    ids = [s.id for s in course.sections]
    content.reorder_sections(
        session=session, actor=teacher, course_id=course.id, section_ids=ids[::-1]
    )
    page = content.get_course(session=session, actor=teacher, slug=course.slug)
    assert [s.slug for s in page.sections] == ["part-3", "part-2", "part-1"]
    with pytest.raises(InvalidInput):
        content.reorder_sections(
            session=session, actor=teacher, course_id=course.id, section_ids=ids[:2]
        )


def test_try_answer_runs_the_real_checker_on_saved_and_draft_problems(
    session, teacher, other_teacher
):
    problem = make_problem(session, teacher, kind="symbolic", answer_key="(x+1)^2")
    right = content.try_answer(
        session=session, actor=teacher, problem_id=problem.id, answer="x^2+2x+1"
    )
    wrong = content.try_answer(
        session=session, actor=teacher, problem_id=problem.id, answer="x^2+1"
    )
    assert (right.correct, wrong.correct) == (True, False)
    draft = content.try_answer(
        session=session,
        actor=teacher,
        kind="choice",
        answer_key="b",
        options=[{"label": "a", "text": "1"}, {"label": "b", "text": "2"}],
        answer="b",
    )
    assert draft.correct
    with pytest.raises(PermissionDenied):
        content.try_answer(session=session, actor=other_teacher, problem_id=problem.id, answer="1")
    with pytest.raises(InvalidInput):
        content.try_answer(
            session=session, actor=teacher, kind="numeric", answer_key="x+", answer="1"
        )


def test_key_preview_shows_what_the_checker_understood(session, teacher):
    good = content.preview_key(actor=teacher, kind="interval", answer_key="[1, inf)")
    assert good.errors == []
    assert "infty" in good.latex
    bad = content.preview_key(actor=teacher, kind="numeric", answer_key="x + 1")
    assert bad.errors
    assert bad.latex == ""
