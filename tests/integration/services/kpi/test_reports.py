"""What a teacher reads in a course report: averages per test, problem statistics, students at
risk (inactive, falling scores); the same for the school (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mathkallos.models.content import Enrollment
from mathkallos.models.users import Role
from mathkallos.services.kpi import course_report, school_report
from mathkallos.services.kpi.risk import FALLING, INACTIVE
from tests.integration.services.kpi import history as h

NOW = datetime(2026, 6, 30, 12, tzinfo=UTC)


def _exam(session, student, content, at, wrong: int) -> None:
    """A submitted exam with the first `wrong` answers wrong and the rest right."""
    attempt = h.start_attempt(session, student.id, content.exam, at)
    for row in h.rows(session, attempt):
        h.save_exam_answer(row, at=at, correct=row.position > wrong, seconds=60)
    h.close(session, attempt, at=at + timedelta(minutes=30))


def test_course_report_names_inactive_and_falling_students(session, make_user, teacher, content):
    idle, falling, steady = (make_user() for _ in range(3))
    for student in (idle, falling, steady):
        session.add(Enrollment(user_id=student.id, course_id=content.course.id,
                               created_at=NOW - timedelta(days=60)))
    _exam(session, idle, content, NOW - timedelta(days=20), wrong=0)
    for n, wrong in enumerate([0, 0, 0, 3, 3, 3]):  # 100% three times, then 50%
        _exam(session, falling, content, NOW - timedelta(days=6 - n), wrong=wrong)
    for n in range(6):
        _exam(session, steady, content, NOW - timedelta(days=6 - n), wrong=1)
    session.commit()

    report = course_report(session=session, actor=teacher, course_id=content.course.id, now=NOW)

    assert [(s.user_id, s.reasons) for s in report.at_risk] == [
        (idle.id, [INACTIVE]), (falling.id, [FALLING])]  # longest inactive first
    assert report.enrolments == 3
    assert (report.active_7_days, report.active_30_days) == (2, 3)
    exam = next(t for t in report.tests if t.mode == "exam")
    assert exam.attempts == 13
    # the proof awaits review in every exam and counts 0 until graded
    first = report.problems[0]
    assert (first.attempts, first.success_rate) == (13, round(100 * 4 / 13, 1))  # 1 + 3 right
    assert first.average_seconds == 60.0
    assert report.problems[-1].attempts == 0  # the proof: no graded answer yet


def test_school_report_counts_students_and_daily_activity(session, make_user, content):
    admin = make_user(Role.ADMIN)
    student = make_user()
    h.set_timezone(session, student.id, "Pacific/Auckland")
    _exam(session, student, content, datetime(2026, 6, 29, 11, 50, tzinfo=UTC), wrong=2)
    session.commit()

    school = school_report(session=session, actor=admin, today=datetime(2026, 6, 30).date())

    assert (school.students, school.active_7_days, school.active_30_days) == (1, 1, 1)
    # 12:20 UTC on 29 June is 30 June in Auckland: the student's own day counts
    active = dict(zip(school.daily_active_users.dates, school.daily_active_users.values,
                      strict=True))
    assert active[datetime(2026, 6, 30).date()] == 1.0
    assert sum(active.values()) == 1.0
    assert school.average_percent == 60.0  # 3 of 5 points: the proof is not graded yet
