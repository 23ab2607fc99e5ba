"""The sweeper closes exams whose browser is gone; it is idempotent and several workers may
sweep at once without grading an attempt twice (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading

from sqlmodel import Session, select

from mathkallos.models.attempts import Attempt, AttemptAnswer
from mathkallos.services import attempts
from tests.integration.services.attempts.builders import move_deadline


def _exam_with_answer(session, student, course, answer="x^2+2x"):
    view = attempts.start_exam(
        session=session, actor=student, course_slug=course.slug, test_slug=course.exam
    )
    attempts.save_exam_answer(
        session=session,
        actor=student,
        attempt_id=view.id,
        problem_id=course.symbolic,
        answer=answer,
    )
    session.commit()
    return view.id


def test_an_expired_exam_is_found_submitted_with_its_answers_graded(session, student, course):
    expired = _exam_with_answer(session, student, course)
    move_deadline(session, expired, minutes_from_now=-5)
    assert attempts.sweep_expired(session=session) == 1
    result = attempts.get_result(session=session, actor=student, attempt_id=expired)
    assert (result.status, result.score) == ("expired", 2.0)
    assert attempts.sweep_expired(session=session) == 0  # idempotent
    assert attempts.get_result(session=session, actor=student, attempt_id=expired).score == 2.0


def test_running_exams_and_practice_runs_are_left_alone(session, student, make_user, course):
    running = _exam_with_answer(session, student, course)
    practice = attempts.start_practice(
        session=session, actor=student, course_slug=course.slug, test_slug=course.practice
    )
    session.commit()
    assert attempts.sweep_expired(session=session) == 0
    for attempt_id in (running, practice.id):
        assert session.get(Attempt, attempt_id).status == "in_progress"


def test_two_sweepers_at_once_close_each_attempt_exactly_once(session, engine, make_user, course):
    ids = []
    for _ in range(6):
        ids.append(_exam_with_answer(session, make_user(), course))
        move_deadline(session, ids[-1], minutes_from_now=-1)
    start = threading.Barrier(3)
    counts: list[int] = []

    def sweep() -> None:
        with Session(engine) as own:
            start.wait()
            counts.append(attempts.sweep_expired(session=own))

    threads = [threading.Thread(target=sweep) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sum(counts) == 6
    session.expire_all()
    closed = session.exec(select(Attempt).where(Attempt.id.in_(ids))).all()
    assert {a.status for a in closed} == {"expired"}
    assert {a.score for a in closed} == {2.0}
    graded = session.exec(
        select(AttemptAnswer).where(
            AttemptAnswer.attempt_id.in_(ids), AttemptAnswer.status == "checked"
        )
    ).all()
    assert [row.tries for row in graded] == [1] * 6  # a double grading would make it 2


def test_reopening_an_exam_that_ran_out_shows_it_expired_then_a_new_start_is_fresh(
    session, student, course
):
    expired = _exam_with_answer(session, student, course)
    move_deadline(session, expired, minutes_from_now=-5)
    reopened = attempts.start_exam(
        session=session, actor=student, course_slug=course.slug, test_slug=course.exam
    )
    session.commit()
    assert (reopened.id, reopened.status) == (expired, "expired")
    assert attempts.get_result(session=session, actor=student, attempt_id=expired).score == 2.0
    retake = attempts.start_exam(
        session=session, actor=student, course_slug=course.slug, test_slug=course.exam
    )
    assert retake.id != expired
    assert retake.status == "in_progress"
