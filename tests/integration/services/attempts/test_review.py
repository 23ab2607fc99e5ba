"""Teachers grade proofs of their own courses; the student's score updates and they are told;
teachers list and open attempts of their courses, admins all; students see their history."""

from __future__ import annotations

import pytest

from mathkallos.models.users import Role
from mathkallos.services import accounts, attempts
from mathkallos.services.errors import Conflict, InvalidInput, PermissionDenied
from tests.integration.services.attempts.builders import build_course


def _submitted_exam(session, student, course, proof="Assume sqrt2 = p/q in lowest terms."):
    view = attempts.start_exam(
        session=session, actor=student, course_slug=course.slug, test_slug=course.exam
    )
    for problem_id, answer in ((course.symbolic, "x^2+2x"), (course.proof, proof)):
        attempts.save_exam_answer(
            session=session,
            actor=student,
            attempt_id=view.id,
            problem_id=problem_id,
            answer=answer,
        )
    attempts.record_proctoring_event(
        session=session, actor=student, attempt_id=view.id, kind="tab_hidden"
    )
    attempts.submit_attempt(session=session, actor=student, attempt_id=view.id)
    session.commit()
    return view.id


def test_grading_a_proof_updates_the_score_and_notifies_the_student(
    session, teacher, student, course
):
    attempt_id = _submitted_exam(session, student, course)
    queue = attempts.review_queue(session=session, actor=teacher)
    assert len(queue) == 1
    item = queue[0]
    assert item.answer.startswith("Assume sqrt2")
    assert item.rubric.startswith("RUBRICSECRET")
    assert item.solution.startswith("SOLUTIONMARK")
    with pytest.raises(InvalidInput):
        attempts.grade_answer(session=session, actor=teacher, answer_id=item.answer_id, score=4)
    graded = attempts.grade_answer(
        session=session, actor=teacher, answer_id=item.answer_id, score=2.5, comment="Nice."
    )
    session.commit()
    assert (graded.attempt_score, graded.max_score, graded.provisional) == (4.5, 6.0, False)
    assert attempts.review_queue(session=session, actor=teacher) == []

    result = attempts.get_result(session=session, actor=student, attempt_id=attempt_id)
    proof = next(p for p in result.problems if p.problem.kind == "proof")
    assert (proof.score, proof.review_comment, proof.awaiting_review) == (2.5, "Nice.", False)
    assert (result.score, result.provisional, result.passed) == (4.5, False, True)

    notes = attempts.list_notifications(session=session, actor=student)
    assert [n.message_id for n in notes] == ["attempts.notify_reviewed"]
    assert notes[0].params["score"] == 2.5
    assert attempts.unread_count(session=session, actor=student) == 1
    assert attempts.mark_notifications_read(session=session, actor=student) == 1
    assert attempts.unread_count(session=session, actor=student) == 0


def test_a_teacher_of_another_course_cannot_review_or_see_the_attempts(
    session, make_user, student, course
):
    attempt_id = _submitted_exam(session, student, course)
    stranger = make_user(Role.TEACHER)
    build_course(session, stranger, title="Geometry")
    assert attempts.review_queue(session=session, actor=stranger) == []
    assert attempts.list_attempts(session=session, actor=stranger).total == 0
    answer_id = (
        attempts.attempt_detail(session=session, actor=make_user(Role.ADMIN), attempt_id=attempt_id)
        .problems[2]
        .answer_id
    )
    with pytest.raises(PermissionDenied):
        attempts.grade_answer(session=session, actor=stranger, answer_id=answer_id, score=3)
    with pytest.raises(PermissionDenied):
        attempts.attempt_detail(session=session, actor=stranger, attempt_id=attempt_id)
    with pytest.raises(PermissionDenied):
        attempts.get_result(session=session, actor=stranger, attempt_id=attempt_id)
    with pytest.raises(PermissionDenied):
        attempts.review_queue(session=session, actor=student)


def test_teacher_lists_attempts_by_test_student_and_status_with_events(
    session, teacher, make_user, course
):
    alice = make_user(name="alice")
    bob = make_user(name="bob")
    finished = _submitted_exam(session, alice, course)
    attempts.start_practice(
        session=session, actor=bob, course_slug=course.slug, test_slug=course.practice
    )
    session.commit()
    everything = attempts.list_attempts(session=session, actor=teacher)
    assert everything.total == 2
    by_alice = attempts.list_attempts(session=session, actor=teacher, student_query="ALICE")
    assert [row.id for row in by_alice.items] == [finished]
    running = attempts.list_attempts(session=session, actor=teacher, status="in_progress")
    assert [row.user_id for row in running.items] == [bob.id]
    with pytest.raises(InvalidInput):
        attempts.list_attempts(session=session, actor=teacher, status="lost")
    detail = attempts.attempt_detail(session=session, actor=teacher, attempt_id=finished)
    assert [e.kind for e in detail.events] == ["tab_hidden"]
    assert detail.problems[0].correct_answer == "x^2+2*x"
    admin_view = attempts.list_attempts(session=session, actor=make_user(Role.ADMIN))
    assert admin_view.total == 2


def test_students_see_their_own_history_only(session, make_user, course):
    alice, bob = make_user(), make_user()
    mine = _submitted_exam(session, alice, course)
    _submitted_exam(session, bob, course)
    history = attempts.my_attempts(session=session, actor=alice)
    assert [row.id for row in history.items] == [mine]
    assert history.items[0].provisional is True


def test_download_my_data_includes_attempts_answers_events_and_notifications(
    session, teacher, student, course
):
    _submitted_exam(session, student, course)
    item = attempts.review_queue(session=session, actor=teacher)[0]
    attempts.grade_answer(session=session, actor=teacher, answer_id=item.answer_id, score=1)
    session.commit()
    data = accounts.export_my_data(session=session, actor=student)
    (attempt,) = data["attempts"]
    assert attempt["status"] == "submitted"
    assert next(a["answer"] for a in attempt["answers"]) == "x^2+2x"
    assert [e["kind"] for e in attempt["proctoring_events"]] == ["tab_hidden"]
    assert data["notifications"][0]["message_id"] == "attempts.notify_reviewed"


def test_a_practice_proof_is_reviewable_at_once_but_a_running_exam_is_not(
    session, teacher, student, course
):
    practice = attempts.start_practice(
        session=session, actor=student, course_slug=course.slug, test_slug=course.practice
    )
    outcome = attempts.submit_practice_answer(
        session=session,
        actor=student,
        attempt_id=practice.id,
        problem_id=course.proof,
        answer="Parity argument.",
    )
    session.commit()
    assert (outcome.verdict.status, outcome.counted) == ("needs_review", True)
    exam = attempts.start_exam(
        session=session, actor=student, course_slug=course.slug, test_slug=course.exam
    )
    attempts.save_exam_answer(
        session=session,
        actor=student,
        attempt_id=exam.id,
        problem_id=course.proof,
        answer="Still writing.",
    )
    session.commit()
    queue = attempts.review_queue(session=session, actor=teacher)
    assert [item.answer for item in queue] == ["Parity argument."]
    attempts.grade_answer(session=session, actor=teacher, answer_id=queue[0].answer_id, score=3)
    view = attempts.get_attempt(session=session, actor=student, attempt_id=practice.id)
    assert view.score == 3.0
    running = attempts.attempt_detail(session=session, actor=teacher, attempt_id=exam.id)
    with pytest.raises(Conflict):
        attempts.grade_answer(
            session=session, actor=teacher, answer_id=running.problems[2].answer_id, score=1
        )
