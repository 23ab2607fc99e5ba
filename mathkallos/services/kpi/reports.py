"""Teacher and admin reports: one course (its author or an admin) and the whole school (admins),
plus the course report as CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, union
from sqlmodel import Session, col, select

from mathkallos.models.attempts import Attempt, AttemptStatus
from mathkallos.models.base import utcnow
from mathkallos.models.content import Course, Enrollment, Problem, Test, TestMode, TestProblem
from mathkallos.models.kpi import DailyMetric, ProblemStat, ReadingLog, UserProgress
from mathkallos.models.users import Role, User
from mathkallos.services.access import Actor, require_role, require_staff
from mathkallos.services.attempts.loading import teaches
from mathkallos.services.errors import NotFound, PermissionDenied
from mathkallos.services.kpi.dto import (
    CourseReport,
    CourseSummary,
    SchoolReport,
    Series,
    StudentAtRisk,
    TestScore,
)
from mathkallos.services.kpi.problems import discrimination, problem_reports, report
from mathkallos.services.kpi.risk import INACTIVE, students_at_risk
from mathkallos.services.kpi.rules import RISK_INACTIVE_DAYS, percent
from mathkallos.services.kpi.store import ACTIVE_METRICS

DAU_DAYS = 30
HARDEST_LISTED = 20
HARDEST_MIN_ATTEMPTS = 10


def _course(session: Session, actor: Actor | None, course_id: int) -> Course:
    actor = require_staff(actor)
    course = session.get(Course, course_id)
    if course is None:
        raise NotFound("errors.not_found")
    if not teaches(actor, course):
        raise PermissionDenied("errors.not_allowed")
    return course


def _active_by_course(session: Session, since: datetime, course_id: int | None) -> dict[int, int]:
    """Distinct students per course who closed an attempt, have one open that started, or read
    a section since `since`."""
    attempts: Any = select(Attempt.course_id, Attempt.user_id).where(
        or_(
            col(Attempt.submitted_at) >= since,
            and_(
                col(Attempt.status) == AttemptStatus.IN_PROGRESS,
                col(Attempt.started_at) >= since,
            ),
        )
    )
    reads: Any = select(ReadingLog.course_id, ReadingLog.user_id).where(col(ReadingLog.at) >= since)
    if course_id is not None:
        attempts = attempts.where(col(Attempt.course_id) == course_id)
        reads = reads.where(col(ReadingLog.course_id) == course_id)
    both = union(attempts, reads).subquery()
    rows = session.execute(
        select(both.c[0], func.count(func.distinct(both.c[1]))).group_by(both.c[0])
    ).all()
    return {int(course): int(count) for course, count in rows}


def _enrolments(session: Session, course_id: int | None = None) -> dict[int, int]:
    statement: Any = select(Enrollment.course_id, func.count()).group_by(col(Enrollment.course_id))
    if course_id is not None:
        statement = statement.where(col(Enrollment.course_id) == course_id)
    return {int(course): int(count) for course, count in session.exec(statement).all()}


def _test_scores(session: Session, course_id: int) -> list[TestScore]:
    """Closed attempts and their average per test of the course, then per practised topic."""
    tests = session.exec(
        select(Test).where(col(Test.course_id) == course_id).order_by(col(Test.position))
    ).all()
    figures = {
        (test_id, topic): (int(count), points, max_points)
        for test_id, topic, count, points, max_points in session.exec(
            select(
                Attempt.test_id,
                Attempt.topic,
                func.count(),
                func.sum(Attempt.score),
                func.sum(Attempt.max_score),
            )
            .where(
                col(Attempt.course_id) == course_id,
                col(Attempt.status) != AttemptStatus.IN_PROGRESS,
            )
            .group_by(col(Attempt.test_id), col(Attempt.topic))
        ).all()
    }

    def score(test_id: int | None, topic: str | None, title: str, mode: str) -> TestScore:
        count, points, max_points = figures.get((test_id, topic), (0, 0.0, 0.0))
        return TestScore(test_id, title, mode, count, percent(points, max_points), topic)

    topics = sorted(topic for test_id, topic in figures if topic is not None)
    return [
        *(score(t.id, None, t.title, str(t.mode)) for t in tests if t.id is not None),
        *(score(None, topic, "", TestMode.PRACTICE.value) for topic in topics),
    ]


def course_report(
    *, session: Session, actor: Actor | None, course_id: int, now: datetime | None = None
) -> CourseReport:
    """Enrolments, active students, average score per test, problem statistics and students
    at risk for one course; its author and admins only."""
    course = _course(session, actor, course_id)
    now = now or utcnow()
    tests = _test_scores(session, course_id)
    test_ids = [t.test_id for t in tests if t.test_id is not None]
    problem_ids = list(
        dict.fromkeys(
            session.exec(
                select(TestProblem.problem_id)
                .join(Test, col(Test.id) == col(TestProblem.test_id))
                .where(col(Test.course_id) == course_id)
                .order_by(col(Test.position), col(TestProblem.position))
            ).all()
        )
    )
    return CourseReport(
        course_id=course_id,
        title=course.title,
        enrolments=_enrolments(session, course_id).get(course_id, 0),
        active_7_days=_active_by_course(session, now - timedelta(7), course_id).get(course_id, 0),
        active_30_days=_active_by_course(session, now - timedelta(30), course_id).get(course_id, 0),
        tests=tests,
        problems=problem_reports(session, problem_ids, discrimination(session, test_ids)),
        at_risk=students_at_risk(session, course_id, now),
    )


def course_report_csv(
    *, session: Session, actor: Actor | None, course_id: int, now: datetime | None = None
) -> str:
    """The course report as one CSV: a `section` column says which table a row belongs to."""
    data = course_report(session=session, actor=actor, course_id=course_id, now=now)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "id", "name", "figure_1", "figure_2", "figure_3", "figure_4"])
    writer.writerow(
        [
            "course",
            data.course_id,
            data.title,
            data.enrolments,
            data.active_7_days,
            data.active_30_days,
            "",
        ]
    )
    for t in data.tests:
        kind, key, name = (
            ("test", t.test_id, t.title) if t.topic is None else ("topic", "", t.topic)
        )
        writer.writerow([kind, key, name, t.mode, t.attempts, _cell(t.average_percent), ""])
    for p in data.problems:
        writer.writerow(
            [
                "problem",
                p.problem_id,
                p.statement,
                p.attempts,
                _cell(p.success_rate),
                _cell(p.average_seconds),
                _cell(p.hint_use),
            ]
        )
        writer.writerow(["discrimination", p.problem_id, "", _cell(p.discrimination), "", "", ""])
    for s in data.at_risk:
        writer.writerow(
            [
                "at_risk",
                s.user_id,
                s.name,
                s.last_active.isoformat() if s.last_active else "",
                " ".join(s.reasons),
                "",
                "",
            ]
        )
    return out.getvalue()


def _cell(value: float | None) -> str:
    return "" if value is None else str(value)


def _daily_active(session: Session, today: date) -> Series:
    since = today - timedelta(DAU_DAYS - 1)
    counts = dict(
        session.exec(
            select(DailyMetric.metric_date, func.count(func.distinct(DailyMetric.user_id)))
            .where(
                col(DailyMetric.metric_date) >= since,
                col(DailyMetric.metric_type).in_(ACTIVE_METRICS),
            )
            .group_by(col(DailyMetric.metric_date))
        ).all()
    )
    days = [since + timedelta(n) for n in range(DAU_DAYS)]
    return Series(dates=days, values=[float(counts.get(day, 0)) for day in days])


def _active_students(session: Session, since: date) -> int:
    return int(
        session.exec(
            select(func.count(func.distinct(DailyMetric.user_id))).where(
                col(DailyMetric.metric_date) >= since,
                col(DailyMetric.metric_type).in_(ACTIVE_METRICS),
            )
        ).one()
    )


def school_report(
    *, session: Session, actor: Actor | None, today: date | None = None
) -> SchoolReport:
    """The school at a glance (admins): students, enrolments, active users and their daily
    series, each course's figures, the hardest problems and long-inactive students."""
    require_role(actor, Role.ADMIN)
    now = utcnow()
    today = today or now.date()
    enrolments = _enrolments(session)
    active = _active_by_course(session, now - timedelta(30), None)
    course_points = {
        course_id: percent(points or 0.0, max_points or 0.0)
        for course_id, points, max_points in session.exec(
            select(
                Problem.course_id,
                func.sum(ProblemStat.score_points),
                func.sum(ProblemStat.max_points),
            )
            .join(Problem, col(Problem.id) == col(ProblemStat.problem_id))
            .group_by(col(Problem.course_id))
        ).all()
    }
    courses = [
        CourseSummary(
            c.id, c.title, enrolments.get(c.id, 0), active.get(c.id, 0), course_points.get(c.id)
        )
        for c in session.exec(select(Course).order_by(col(Course.title))).all()
        if c.id is not None
    ]
    hardest = session.exec(
        select(ProblemStat, Problem.statement)
        .join(Problem, col(Problem.id) == col(ProblemStat.problem_id))
        .where(col(ProblemStat.attempts) >= HARDEST_MIN_ATTEMPTS)
        .order_by((col(ProblemStat.correct) * 1.0 / col(ProblemStat.attempts)), col(Problem.id))
        .limit(HARDEST_LISTED)
    ).all()
    inactive = session.exec(
        select(User.id, User.full_name, User.username, UserProgress.last_active_date)
        .join(UserProgress, col(UserProgress.user_id) == col(User.id))
        .where(
            col(User.role) == Role.STUDENT,
            col(UserProgress.last_active_date) < today - timedelta(RISK_INACTIVE_DAYS),
        )
        .order_by(col(UserProgress.last_active_date), col(User.id))
        .limit(HARDEST_LISTED * 10)
    ).all()
    totals = session.exec(
        select(func.sum(UserProgress.score_points), func.sum(UserProgress.max_points))
    ).one()
    return SchoolReport(
        students=int(
            session.exec(select(func.count()).where(col(User.role) == Role.STUDENT)).one()
        ),
        enrolments=sum(enrolments.values()),
        active_7_days=_active_students(session, today - timedelta(6)),
        active_30_days=_active_students(session, today - timedelta(29)),
        average_percent=percent(totals[0] or 0.0, totals[1] or 0.0),
        daily_active_users=_daily_active(session, today),
        courses=courses,
        hardest_problems=[report(s.problem_id, statement, s, {}) for s, statement in hardest],
        at_risk=[
            StudentAtRisk(
                user_id,
                full_name or username,
                datetime.combine(last, time.min, tzinfo=UTC) if last else None,
                [INACTIVE],
            )
            for user_id, full_name, username, last in inactive
        ],
    )
