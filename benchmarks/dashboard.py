"""Benchmark of the KPI reads: one student's dashboard and one course report, on SQLite and on
PostgreSQL, over 10 000 students and 1 000 000 answers.

Run: ``python benchmarks/dashboard.py`` (``make bench``). Prints the data set, how long it took
to make, and p50/p95 of ``student_dashboard`` (target: p95 < 100 ms) and ``course_report``.

How the data is made (so the KPI rows are the listeners' own, and generation stays fast):
- TEMPLATE_STUDENTS students in COURSES courses live DAYS days of study through the KPI
  integration tests' history generator (practice with retries and hints, exams, reviews,
  reading; each raw row followed by its domain event, so the listeners write every KPI row);
- every template row of the raw and derived tables is then copied CLONES times with shifted
  ids by ``INSERT ... SELECT`` inside the database (one statement per table and copy: the
  bulk path of both engines, no rows through Python; see `_clone`), and the problem
  statistics, shared by all students, are multiplied by the number of copies (a copy adds
  the same answers again);
- then ANALYZE, as a production database would have statistics.
Timing: each call in its own session (as a request has), WARMUP calls first, then SAMPLES
dashboards of random students and REPORT_SAMPLES reports of random courses; wall clock.
PostgreSQL is a throwaway local cluster (``tests.support.postgres``); skipped with a note if
its binaries are missing.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import (  # noqa: E402
    Engine,
    Select,
    Table,
    column,
    func,
    insert,
    select,
    table,
    text,
)
from sqlmodel import Session, SQLModel  # noqa: E402

import mathkallos.models  # noqa: E402, F401 - registers every table
from mathkallos.db import make_engine, upgrade_to_head  # noqa: E402
from mathkallos.models.content import Enrollment  # noqa: E402
from mathkallos.models.kpi import ProblemStat  # noqa: E402
from mathkallos.models.users import Role, User  # noqa: E402
from mathkallos.services.access import Actor  # noqa: E402
from mathkallos.services.kpi import course_report, student_dashboard  # noqa: E402
from tests.integration.services.kpi import history  # noqa: E402
from tests.support.postgres import find_pg_bin, postgres_database  # noqa: E402

STUDENTS = 10_000
TARGET_ANSWERS = 1_000_000
TEMPLATE_STUDENTS = 50
CLONES = STUDENTS // TEMPLATE_STUDENTS  # the template counts as the first copy
COURSES = 5
TOPICS = ["algebra", "geometry", "number theory"]
DAYS = 31
START = datetime(2026, 3, 1, tzinfo=UTC)
WARMUP = 20
SAMPLES = 300
REPORT_SAMPLES = 30
SEED = 2026

# Raw and derived tables with their students' rows, copied per clone. Each maps a column to
# the table whose id range it is shifted by (its own id, the user, the attempt, the answer).
USER_ROWS: dict[str, dict[str, str]] = {
    "users": {"id": "users"},
    "enrollments": {"id": "enrollments", "user_id": "users"},
    "attempts": {"id": "attempts", "user_id": "users"},
    "attempt_answers": {"id": "attempt_answers", "attempt_id": "attempts"},
    "section_reads": {"id": "section_reads", "user_id": "users"},
    "reading_log": {"id": "reading_log", "user_id": "users"},
    "answer_facts": {"answer_id": "attempt_answers", "user_id": "users"},
    "daily_metrics": {"id": "daily_metrics", "user_id": "users"},
    "topic_stats": {"id": "topic_stats", "user_id": "users"},
    "user_progress": {"user_id": "users"},
    "user_achievements": {"id": "user_achievements", "user_id": "users"},
}


def _template(engine: Engine) -> tuple[list[int], int, int]:
    """The template: teacher, courses, students (time zones spread), enrolments and history.
    Returns (course ids, admin id, template answers)."""
    rng = random.Random(SEED)
    with Session(engine, expire_on_commit=False) as session:
        staff = [
            User(email=f"{n}@example.com", username=n, password_hash="x", role=role)
            for n, role in (("teacher", Role.TEACHER), ("admin", Role.ADMIN))
        ]
        session.add_all(staff)
        session.commit()
        courses = [
            history.make_content(session, staff[0].id, TOPICS, slug=f"course-{n}")
            for n in range(COURSES)
        ]
        session.commit()
        students = [
            User(
                email=f"s{n}@example.com",
                username=f"s{n}",
                password_hash="x",
                role=Role.STUDENT,
                preferences={"timezone": rng.choice(history.ZONES)},
            )
            for n in range(TEMPLATE_STUDENTS)
        ]
        session.add_all(students)
        session.commit()
        groups = [students[n::COURSES] for n in range(COURSES)]
        for content, group in zip(courses, groups, strict=True):
            session.add_all(
                Enrollment(user_id=s.id, course_id=content.course.id, created_at=START)
                for s in group
            )
            session.commit()
            history.generate(session, rng, group, content, days=DAYS, start=START)
        answers = session.execute(_count("attempt_answers")).scalar_one()
        return [c.course.id for c in courses], staff[1].id, int(answers)


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]  # type: ignore[return-value]


def _clone(engine: Engine) -> None:
    """CLONES - 1 shifted copies of every template student's rows, in the database: the
    template rows are first set aside in temporary tables, so each copy reads a small table
    rather than the growing one. On PostgreSQL foreign-key triggers are off for this
    transaction (session_replication_role, as pg_restore does): the copies are consistent by
    construction and per-row checks would make the load ten times slower."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        span = {
            name: int(connection.execute(select(func.max(_table(name).c.id))).scalar() or 0)
            for name in ("users", *(n for n, cols in USER_ROWS.items() if "id" in cols))
        }
        templates = {}
        for name in USER_ROWS:
            only = " WHERE role = 'student'" if name == "users" else ""
            connection.execute(
                text(f"CREATE TEMPORARY TABLE tpl_{name} AS SELECT * FROM {name}{only}")
            )
            templates[name] = table(
                f"tpl_{name}", *(column(c.name, c.type) for c in _table(name).c)
            )
        for copy in range(1, CLONES):
            for name, shifted in USER_ROWS.items():
                source = templates[name]
                columns = []
                for c in source.c:
                    if c.name in shifted:
                        columns.append(c + copy * span[shifted[c.name]])
                    elif name == "users" and c.name in ("email", "username"):
                        columns.append(c + f"~{copy}")
                    else:
                        columns.append(c)
                target = _table(name)
                connection.execute(
                    insert(target).from_select(list(target.c.keys()), select(*columns))
                )
        stat = ProblemStat.__table__.c  # type: ignore[attr-defined]
        multiplied = {
            c: stat[c] * CLONES
            for c in (
                "attempts",
                "correct",
                "score_points",
                "max_points",
                "total_time_seconds",
                "hint_uses",
                "hints_total",
            )
        }
        connection.execute(ProblemStat.__table__.update().values(**multiplied))  # type: ignore[attr-defined]
        connection.execute(text("ANALYZE"))


def _count(name: str) -> Select:
    return select(func.count()).select_from(_table(name))


def _counts(engine: Engine) -> str:
    names = ("users", "attempts", "attempt_answers", "answer_facts", "daily_metrics")
    with engine.connect() as connection:
        parts = [f"{name} {connection.execute(_count(name)).scalar_one():,}" for name in names]
    return ", ".join(parts)


def _timings(engine: Engine, calls: list[Callable[[Session], object]]) -> list[float]:
    for call in calls[:WARMUP]:
        with Session(engine) as session:
            call(session)
    spent = []
    for call in calls:
        with Session(engine) as session:
            began = time.perf_counter()
            call(session)
            spent.append((time.perf_counter() - began) * 1000)
    return spent


def _figures(label: str, spent: list[float], target: float | None = None) -> str:
    cuts = statistics.quantiles(spent, n=100, method="inclusive")
    verdict = "" if target is None else (" (target met)" if cuts[94] < target else " (MISSED)")
    return (
        f"  {label:<16} p50 {cuts[49]:7.1f} ms   p95 {cuts[94]:7.1f} ms   "
        f"max {max(spent):7.1f} ms   n={len(spent)}{verdict}"
    )


def _load() -> str:
    """The machine's load average: on a shared machine other jobs inflate the tails."""
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def run(engine_name: str, url: str) -> None:
    print(f"-- {engine_name} ({_load()})")
    began = time.perf_counter()
    upgrade_to_head(url)
    engine = make_engine(url)
    try:
        course_ids, admin_id, template_answers = _template(engine)
        generated = time.perf_counter()
        _clone(engine)
        cloned = time.perf_counter()
        print(f"  data: {_counts(engine)}")
        print(
            f"  made in {cloned - began:.0f} s (template of {TEMPLATE_STUDENTS} students, "
            f"{template_answers:,} answers: {generated - began:.0f} s; "
            f"{CLONES - 1} copies: {cloned - generated:.0f} s)"
        )
        rng = random.Random(SEED)
        today = (START + timedelta(days=DAYS)).date()
        now = START + timedelta(days=DAYS)
        with engine.connect() as connection:
            student_ids = (
                connection.execute(
                    select(_table("users").c.id).where(_table("users").c.role == "student")
                )
                .scalars()
                .all()
            )
        dashboards = [
            _dashboard(Actor(id=rng.choice(student_ids), role=Role.STUDENT), today)
            for _ in range(SAMPLES)
        ]
        admin = Actor(id=admin_id, role=Role.ADMIN)
        reports = [_report(admin, rng.choice(course_ids), now) for _ in range(REPORT_SAMPLES)]
        print(_figures("dashboard", _timings(engine, dashboards), target=100.0))
        print(_figures("course report", _timings(engine, reports)))
        print(f"  {_load()} after timing")
    finally:
        engine.dispose()


def _dashboard(actor: Actor, today: object) -> Callable[[Session], object]:
    return lambda session: student_dashboard(session=session, actor=actor, today=today)


def _report(actor: Actor, course_id: int, now: datetime) -> Callable[[Session], object]:
    return lambda session: course_report(session=session, actor=actor, course_id=course_id, now=now)


def main() -> None:
    print(
        f"KPI dashboard benchmark: {STUDENTS:,} students, about {TARGET_ANSWERS:,} answers "
        f"({TEMPLATE_STUDENTS} template students x {CLONES} copies, {DAYS} days)"
    )
    with tempfile.TemporaryDirectory(prefix="mk-bench-") as folder:
        run("SQLite", f"sqlite:///{folder}/bench.db")
    if find_pg_bin() is None:
        print("-- PostgreSQL: skipped (server binaries not installed: Debian package 'postgresql')")
        return
    with postgres_database() as url:
        run("PostgreSQL", url)


if __name__ == "__main__":
    main()
