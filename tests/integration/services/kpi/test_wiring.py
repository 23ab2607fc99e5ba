"""The real runner and reader publish their events: each KPI moves in the same transaction as
the attempt (a rollback leaves none), time is capped per interaction, and the figures the
listeners keep equal a rebuild (SQLite and PostgreSQL, real grading engine)."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from mathkallos.models.kpi import AnswerFact, DailyMetric, ProblemStat, ReadingLog, UserProgress
from mathkallos.services import attempts, content
from mathkallos.services.attempts.rules import MAX_SECONDS_PER_INTERACTION
from mathkallos.services.kpi import rebuild_kpis
from mathkallos.services.kpi.rules import XP_PER_EXAM, XP_PER_SECTION, answer_xp
from tests.integration.services.attempts.builders import build_course, move_deadline
from tests.integration.services.kpi import history as h

CAP = MAX_SECONDS_PER_INTERACTION


@pytest.fixture
def course(session, teacher):
    return build_course(session, teacher)


def _progress(session, student) -> UserProgress:
    session.expire_all()
    return session.get(UserProgress, student.id)


def _rebuild_changes_nothing(session) -> None:
    before = h.snapshot(session)
    rebuild_kpis(session=session)
    session.commit()
    assert h.snapshot(session) == before


def _answer(session, student, attempt_id, problem_id, answer, seconds=30):
    attempts.submit_practice_answer(session=session, actor=student, attempt_id=attempt_id,
                                    problem_id=problem_id, answer=answer,
                                    time_spent_seconds=seconds)
    session.commit()


def test_practice_in_the_runner_moves_the_kpis(session, make_user, course):
    student = make_user()
    view = attempts.start_practice(session=session, actor=student, course_slug=course.slug,
                                   test_slug=course.practice)
    _answer(session, student, view.id, course.symbolic, "x^2+x", seconds=30)
    progress = _progress(session, student)
    assert (progress.answers, progress.correct_answers, progress.problems_solved) == (1, 0, 0)

    _answer(session, student, view.id, course.symbolic, "x(x+2)", seconds=5_000)
    progress = _progress(session, student)
    # the retried answer counts once; an open tab adds at most the cap
    assert (progress.answers, progress.correct_answers, progress.problems_solved) == (1, 1, 1)
    assert progress.time_spent_seconds == 30 + CAP
    assert progress.xp == answer_xp(2.0, 2, 2) > 0

    attempts.reveal_hint(session=session, actor=student, attempt_id=view.id,
                         problem_id=course.symbolic)  # after the last try
    session.commit()
    assert session.get(ProblemStat, course.symbolic).hint_uses == 1

    _answer(session, student, view.id, course.string, "zebrakey")
    assert _progress(session, student).score_points == 3.0
    attempts.give_up(session=session, actor=student, attempt_id=view.id, problem_id=course.string)
    session.commit()
    assert _progress(session, student).score_points == 2.0  # giving up scores the problem 0
    assert session.get(ProblemStat, course.string).score_points == 0.0

    attempts.submit_attempt(session=session, actor=student, attempt_id=view.id)
    session.commit()
    assert (_progress(session, student).tests_taken, _progress(session, student).exams_taken) == (
        1, 0)
    _rebuild_changes_nothing(session)


def test_a_rolled_back_answer_leaves_no_kpi(session, make_user, course):
    student = make_user()
    view = attempts.start_practice(session=session, actor=student, course_slug=course.slug,
                                   test_slug=course.practice)
    session.commit()
    attempts.submit_practice_answer(session=session, actor=student, attempt_id=view.id,
                                    problem_id=course.symbolic, answer="x^2+2x")
    assert session.get(UserProgress, student.id).answers == 1  # visible inside the transaction
    session.rollback()
    assert session.get(UserProgress, student.id) is None
    assert session.exec(select(AnswerFact)).all() == []
    assert session.exec(select(DailyMetric)).all() == []


def test_exams_submitted_expired_and_reviewed_move_the_kpis(session, make_user, teacher, course):
    student = make_user()
    view = attempts.start_exam(session=session, actor=student, course_slug=course.slug,
                               test_slug=course.exam)
    for problem_id, answer in ((course.symbolic, "x^2+2x"), (course.proof, "By descent.")):
        attempts.save_exam_answer(session=session, actor=student, attempt_id=view.id,
                                  problem_id=problem_id, answer=answer, time_spent_seconds=40)
    session.commit()
    assert _progress(session, student) is None  # nothing is graded before submit

    result = attempts.submit_attempt(session=session, actor=student, attempt_id=view.id)
    session.commit()
    progress = _progress(session, student)
    # symbolic right, string unanswered (0), the proof awaits review and does not count yet
    assert (progress.answers, progress.correct_answers, progress.exams_taken) == (2, 1, 1)
    assert (progress.score_points, progress.max_points) == (2.0, 3.0)
    assert progress.xp == answer_xp(2.0, 2, 2) + XP_PER_EXAM

    proof = next(p for p in result.problems if p.problem.kind == "proof")
    attempts.grade_answer(session=session, actor=teacher, answer_id=proof.answer_id, score=3)
    session.commit()
    progress = _progress(session, student)
    assert (progress.answers, progress.correct_answers, progress.score_points) == (3, 2, 5.0)

    second = attempts.start_exam(session=session, actor=student, course_slug=course.slug,
                                 test_slug=course.exam)
    attempts.save_exam_answer(session=session, actor=student, attempt_id=second.id,
                              problem_id=course.string, answer="zebrakey")
    session.commit()
    move_deadline(session, second.id, minutes_from_now=-5)
    assert attempts.sweep_expired(session=session) == 1  # the browser is gone
    progress = _progress(session, student)
    # every answer of a closed exam is graded; the two left blank score 0
    assert (progress.tests_taken, progress.exams_taken, progress.answers) == (2, 2, 6)
    assert progress.correct_answers == 3
    _rebuild_changes_nothing(session)


def test_reading_counts_capped_time_and_the_first_read_once(session, make_user, course):
    student = make_user()
    for seconds in (5_000, 30):
        content.mark_section_read(session=session, actor=student, course_slug=course.slug,
                                  section_slug="part-1", time_spent_seconds=seconds)
        session.commit()
    progress = _progress(session, student)
    assert (progress.sections_read, progress.time_spent_seconds) == (1, CAP + 30)
    assert progress.xp == XP_PER_SECTION
    logs = session.exec(select(ReadingLog).where(col(ReadingLog.user_id) == student.id)).all()
    assert sorted(log.seconds for log in logs) == [30, CAP]
    _rebuild_changes_nothing(session)
