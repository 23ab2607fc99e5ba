"""The rebuild from raw facts equals the incremental figures on a generated history."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import SQLModel, select

from mathkallos.models.attempts import AnswerStatus, AttemptStatus
from mathkallos.models.kpi import (
    AnswerFact,
    DailyMetric,
    ProblemStat,
    TopicStat,
    UserAchievement,
    UserProgress,
)
from mathkallos.models.users import Role
from mathkallos.services.kpi import rebuild_kpis
from tests.integration.services.kpi import history as h

ZONES = ["Pacific/Auckland", "America/Los_Angeles", "UTC", "Europe/Moscow", "Asia/Kolkata"]
DERIVED: list[type[SQLModel]] = [
    AnswerFact, DailyMetric, ProblemStat, TopicStat, UserAchievement, UserProgress,
]
SURROGATE_KEYS = {"id"}


def _normal(value):
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    return value


def snapshot(session) -> dict[str, list[tuple]]:
    """Every derived KPI row as sorted tuples of its values (surrogate ids left out)."""
    session.expire_all()
    result = {}
    for model in DERIVED:
        columns = [c.name for c in model.__table__.columns if c.name not in SURROGATE_KEYS]
        rows = [
            tuple(_normal(getattr(row, name)) for name in columns)
            for row in session.exec(select(model)).all()
        ]
        result[model.__tablename__] = sorted(rows, key=repr)
    return result


def generate(session, rng: random.Random, students, content) -> None:
    """Several weeks of study around local midnights and DST changes (March/April 2026)."""
    start = datetime(2026, 3, 1, tzinfo=UTC)
    pending_reviews = []
    open_practice = {}  # one open attempt per student and test: it is resumed, as in the app
    for day in range(40):
        for student in students:
            if rng.random() < 0.35:
                continue
            # hours chosen to straddle midnight in Auckland (11-12 UTC) and LA (7-8 UTC)
            at = start + timedelta(days=day, hours=rng.choice([6, 7, 8, 10, 11, 12, 23]),
                                   minutes=rng.randrange(60))
            roll = rng.random()
            if roll < 0.5:
                attempt = open_practice.pop(student.id, None) or h.start(
                    session, student.id, content.practice, at)
                for row in rng.sample(h.rows(session, attempt), rng.randint(1, 5)):
                    for _ in range(rng.choice([1, 1, 2, 3])):  # retries follow at once
                        at += timedelta(minutes=rng.randint(1, 9))
                        h.practice_try(session, attempt, row, at=at, correct=rng.random() < 0.7,
                                       seconds=rng.randint(0, 900), hints=rng.randint(0, 2))
                if rng.random() < 0.6:
                    h.close(session, attempt, at=at + timedelta(minutes=1))
                else:
                    open_practice[student.id] = attempt
            elif roll < 0.75:
                attempt = h.start(session, student.id, content.exam, at)
                for row in h.rows(session, attempt):
                    if rng.random() < 0.85:
                        h.save_exam_answer(row, at=at, correct=rng.random() < 0.6,
                                           seconds=rng.randint(10, 900))
                status = rng.choice([AttemptStatus.SUBMITTED, AttemptStatus.EXPIRED])
                h.close(session, attempt, at=at + timedelta(minutes=rng.randint(5, 70)),
                        status=status)
                pending_reviews += [(attempt, r) for r in h.rows(session, attempt)
                                    if r.status == AnswerStatus.NEEDS_REVIEW]
            else:
                section = rng.choice(content.sections)
                h.read_section(session, student.id, section, at=at,
                               seconds=rng.randint(0, 1_500))
            # proofs are reviewed days later, some twice
            for attempt, row in list(pending_reviews):
                if rng.random() < 0.3:
                    h.review(session, attempt, row, score=float(rng.randint(0, row.points)),
                             at=at + timedelta(hours=1))
                    if rng.random() < 0.7:
                        pending_reviews.remove((attempt, row))
        session.commit()


@pytest.mark.parametrize("seed", [6, 12])
def test_rebuild_equals_incremental(session, make_user, content, seed):
    rng = random.Random(seed)
    students = [make_user() for _ in range(len(ZONES))]
    for student, zone in zip(students, ZONES, strict=True):
        h.set_timezone(session, student.id, zone)
    generate(session, rng, students, content)
    incremental = snapshot(session)
    assert len(incremental["answer_facts"]) > 100
    assert incremental["user_achievements"]

    replayed = rebuild_kpis(session=session)
    session.commit()

    assert replayed > 150
    rebuilt = snapshot(session)
    for table, rows in incremental.items():
        assert rebuilt[table] == rows, table


def test_rebuild_of_some_users_leaves_the_others(session, make_user, content):
    rng = random.Random(7)
    students = [make_user() for _ in range(3)]
    generate(session, rng, students, content)
    before = snapshot(session)
    session.execute(DailyMetric.__table__.delete().where(
        DailyMetric.user_id == students[0].id))  # lost rows of one user
    session.get(ProblemStat, content.problems[0].id).attempts += 5  # and a wrong shared figure
    session.commit()

    rebuild_kpis(session=session, user_ids=[students[0].id])
    session.commit()

    after = snapshot(session)
    assert after["daily_metrics"] == before["daily_metrics"]
    assert after["user_progress"] == before["user_progress"]
    # the other users' share of the problem stays; only the rebuilt user's share is recounted
    assert after["problem_stats"] != before["problem_stats"]
    rebuild_kpis(session=session)
    session.commit()
    assert snapshot(session) == before


def test_rebuild_with_no_facts_empties_the_tables(session, make_user):
    make_user(Role.STUDENT)
    assert rebuild_kpis(session=session) == 0
    assert all(not rows for rows in snapshot(session).values())

