"""Exam mode: autosave without verdicts, the server's deadline, resume after a restart,
grading at submit with proofs left for a teacher."""

from __future__ import annotations

import json
import threading
from dataclasses import asdict

import pytest
from sqlmodel import Session, select

from mathkallos.db import make_engine
from mathkallos.models.attempts import AttemptAnswer, ProctoringEvent
from mathkallos.services import attempts
from mathkallos.services.errors import AttemptClosed, Conflict, InvalidInput, PermissionDenied
from tests.integration.services.attempts.builders import SECRETS, move_deadline


def _start(session, student, course):
    view = attempts.start_exam(
        session=session, actor=student, course_slug=course.slug, test_slug=course.exam
    )
    session.commit()
    return view


def _save(session, student, attempt_id, problem_id, answer):
    saved = attempts.save_exam_answer(
        session=session,
        actor=student,
        attempt_id=attempt_id,
        problem_id=problem_id,
        answer=answer,
        time_spent_seconds=20,
    )
    session.commit()
    return saved


def _leaks(value) -> list[str]:
    dumped = json.dumps(asdict(value), default=str)
    return [secret for secret in SECRETS if secret in dumped]


def test_autosave_gives_no_verdict_and_nothing_secret_before_submit(session, student, course):
    view = _start(session, student, course)
    assert view.mode == "exam"
    assert 29 * 60 <= view.seconds_left <= 30 * 60
    saved = _save(session, student, view.id, course.string, "zebrakey")
    assert set(asdict(saved)) == {"problem_id", "answer", "saved_at", "seconds_left"}
    resumed = attempts.get_attempt(session=session, actor=student, attempt_id=view.id)
    assert all(p.state.verdict is None for p in resumed.problems)
    assert resumed.score is None
    assert [_leaks(v) for v in (view, saved, resumed)] == [[], [], []]
    with pytest.raises(Conflict):  # no result while the exam runs
        attempts.get_result(session=session, actor=student, attempt_id=view.id)


def test_hints_and_solutions_are_refused_during_an_exam(session, student, course):
    view = _start(session, student, course)
    with pytest.raises(PermissionDenied) as refused:
        attempts.reveal_hint(
            session=session, actor=student, attempt_id=view.id, problem_id=course.symbolic
        )
    assert refused.value.message_id == "attempts.no_hints_in_exam"
    with pytest.raises(PermissionDenied):
        attempts.give_up(
            session=session, actor=student, attempt_id=view.id, problem_id=course.symbolic
        )
    assert attempts.exam_in_progress(session=session, user_id=student.id) is True


def test_submit_grades_every_answer_and_keeps_the_proof_for_review(session, student, course):
    view = _start(session, student, course)
    _save(session, student, view.id, course.symbolic, "x^2+x")
    _save(session, student, view.id, course.symbolic, "x*(x+2)")  # changed before submit
    _save(session, student, view.id, course.string, "altsecret")
    _save(session, student, view.id, course.proof, "Suppose sqrt2 = p/q in lowest terms...")
    result = attempts.submit_attempt(session=session, actor=student, attempt_id=view.id)
    session.commit()
    by_kind = {p.problem.kind: p for p in result.problems}
    assert (by_kind["symbolic"].correct, by_kind["symbolic"].score) == (True, 2.0)
    assert (by_kind["string"].correct, by_kind["string"].score) == (True, 1.0)
    assert by_kind["proof"].awaiting_review
    assert by_kind["proof"].score is None
    assert by_kind["symbolic"].correct_answer == "x^2+2*x"
    assert by_kind["proof"].correct_answer == ""  # the rubric stays with teachers
    assert all(p.solution.startswith("SOLUTIONMARK") for p in result.problems)
    assert (result.status, result.score, result.max_score) == ("submitted", 3.0, 6.0)
    assert result.provisional is True
    assert result.passed is None
    assert result.time_used_seconds < 60
    assert attempts.exam_in_progress(session=session, user_id=student.id) is False
    again = attempts.submit_attempt(session=session, actor=student, attempt_id=view.id)
    assert again.score == 3.0
    rows = session.exec(select(AttemptAnswer).where(AttemptAnswer.attempt_id == view.id)).all()
    assert sorted(row.tries for row in rows) == [1, 1, 1]  # graded once, not twice


def test_an_unreadable_exam_answer_scores_zero_and_a_blank_one_too(session, student, course):
    view = _start(session, student, course)
    _save(session, student, view.id, course.symbolic, "x^^")
    result = attempts.submit_attempt(session=session, actor=student, attempt_id=view.id)
    by_kind = {p.problem.kind: p for p in result.problems}
    assert (by_kind["symbolic"].status, by_kind["symbolic"].score) == ("invalid_input", 0.0)
    assert (by_kind["string"].status, by_kind["string"].score) == ("unanswered", 0.0)
    assert result.provisional is False
    assert result.passed is False


def test_answers_after_the_deadline_are_refused_and_change_nothing(session, student, course):
    view = _start(session, student, course)
    _save(session, student, view.id, course.string, "first answer")
    move_deadline(session, view.id, minutes_from_now=-1)
    with pytest.raises(AttemptClosed) as refused:
        _save(session, student, view.id, course.string, "too late")
    session.rollback()
    assert refused.value.message_id == "attempts.deadline_passed"
    row = session.exec(
        select(AttemptAnswer).where(
            AttemptAnswer.attempt_id == view.id, AttemptAnswer.problem_id == course.string
        )
    ).one()
    assert row.answer == "first answer"
    result = attempts.submit_attempt(session=session, actor=student, attempt_id=view.id)
    assert result.status == "expired"
    assert result.time_used_seconds == 30 * 60  # the whole allowed time, not more


def test_resume_after_a_backend_restart_shows_every_saved_answer(
    session, student, course, database_url
):
    view = _start(session, student, course)
    _save(session, student, view.id, course.symbolic, "x^2 + 2x")
    _save(session, student, view.id, course.proof, "By contradiction.")
    session.close()
    fresh_engine = make_engine(database_url)  # a new process would start from nothing but this
    try:
        with Session(fresh_engine) as fresh:
            again = attempts.start_exam(
                session=fresh, actor=student, course_slug=course.slug, test_slug=course.exam
            )
            answers = {p.problem.kind: p.state.answer for p in again.problems}
    finally:
        fresh_engine.dispose()
    assert again.id == view.id
    assert answers == {"symbolic": "x^2 + 2x", "string": "", "proof": "By contradiction."}
    assert again.deadline_at == view.deadline_at


def test_another_student_cannot_read_or_change_the_attempt(session, make_user, course, student):
    view = _start(session, student, course)
    intruder = make_user()
    calls = [
        lambda: attempts.get_attempt(session=session, actor=intruder, attempt_id=view.id),
        lambda: attempts.save_exam_answer(
            session=session,
            actor=intruder,
            attempt_id=view.id,
            problem_id=course.string,
            answer="mine now",
        ),
        lambda: attempts.submit_attempt(session=session, actor=intruder, attempt_id=view.id),
        lambda: attempts.record_proctoring_event(
            session=session, actor=intruder, attempt_id=view.id, kind="copy"
        ),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert attempts.get_attempt(session=session, actor=student, attempt_id=view.id).is_open


def test_proctoring_events_are_recorded_and_unknown_kinds_refused(session, student, course):
    view = _start(session, student, course)
    for kind in ("tab_hidden", "paste", "fullscreen_exit"):
        attempts.record_proctoring_event(
            session=session, actor=student, attempt_id=view.id, kind=kind, detail="x" * 900
        )
    session.commit()
    with pytest.raises(InvalidInput):
        attempts.record_proctoring_event(
            session=session, actor=student, attempt_id=view.id, kind="rm -rf"
        )
    events = session.exec(
        select(ProctoringEvent).where(ProctoringEvent.attempt_id == view.id)
    ).all()
    assert [e.kind for e in events] == ["tab_hidden", "paste", "fullscreen_exit"]
    assert {len(e.detail) for e in events} == {500}


def test_a_practice_test_cannot_be_opened_as_an_exam(session, student, course):
    with pytest.raises(Conflict):
        attempts.start_exam(
            session=session, actor=student, course_slug=course.slug, test_slug=course.practice
        )


def test_two_simultaneous_starts_share_one_attempt(session, engine, student, course):
    start = threading.Barrier(2)
    ids: list[int] = []

    def open_exam() -> None:
        with Session(engine) as own:
            start.wait()
            view = attempts.start_exam(
                session=own, actor=student, course_slug=course.slug, test_slug=course.exam
            )
            own.commit()
            ids.append(view.id)

    threads = [threading.Thread(target=open_exam) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(ids) == 2
    assert ids[0] == ids[1]
