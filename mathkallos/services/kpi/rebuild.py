"""Recompute every KPI row from the raw facts: attempts, their answers and the reading log.

The rebuild deletes the derived rows and replays the facts in time order through the same
functions the listeners call (`services.kpi.apply`), so both paths agree by construction;
an integration test compares them on a generated history. The figures are the same as the
incremental ones when, as the runner does, each change to an answer row that matters is
followed by its event (answer checked, exam closed, proof reviewed); a hint revealed or a
problem given up after the last graded try is only seen by the next event or a rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, union
from sqlmodel import Session, SQLModel, col, func, select

from mathkallos.models.attempts import Attempt, AttemptAnswer, AttemptStatus
from mathkallos.models.kpi import (
    AnswerFact,
    DailyMetric,
    ProblemStat,
    ReadingLog,
    TopicStat,
    UserAchievement,
    UserProgress,
)
from mathkallos.services.kpi.apply import (
    add_to_problem_stats,
    apply_answers,
    apply_attempt_closed,
    apply_reading,
    graded_at,
)
from mathkallos.services.kpi.dto import RebuildReport

# Achievements are not here: an award is history, kept through a rebuild (the raw rows do not
# hold every intermediate state it was given in, e.g. a practice answer later answered again);
# the replay only adds awards that are due and missing.
PER_USER_TABLES: tuple[type[SQLModel], ...] = (AnswerFact, DailyMetric, TopicStat, UserProgress)


def _users_with_facts(session: Session) -> list[int]:
    statement = union(select(Attempt.user_id), select(ReadingLog.user_id))
    return sorted(int(user_id) for (user_id,) in session.execute(statement).all())


def _clear(session: Session, user_ids: list[int] | None) -> None:
    if user_ids is None:
        for table in (*PER_USER_TABLES, ProblemStat):
            session.execute(delete(table))
    else:
        facts = session.exec(select(AnswerFact).where(col(AnswerFact.user_id).in_(user_ids)))
        add_to_problem_stats(session, [(fact, -1) for fact in facts.all()])
        for table in PER_USER_TABLES:
            session.execute(delete(table).where(table.user_id.in_(user_ids)))  # type: ignore[attr-defined]
    session.flush()


def _facts_of(session: Session, user_id: int) -> list[tuple[tuple[Any, ...], Any]]:
    """The user's raw facts keyed by (time, attempt, position): the order they happened in."""
    facts: list[tuple[tuple[Any, ...], Any]] = []
    attempts = session.exec(select(Attempt).where(col(Attempt.user_id) == user_id)).all()
    by_id = {attempt.id: attempt for attempt in attempts}
    for attempt in attempts:
        if attempt.status != AttemptStatus.IN_PROGRESS and attempt.submitted_at is not None:
            facts.append(((attempt.submitted_at, 1, attempt.id, 0), attempt))
    if by_id:
        rows = session.exec(
            select(AttemptAnswer).where(col(AttemptAnswer.attempt_id).in_(list(by_id)))
        ).all()
        for row in rows:
            at = graded_at(row, by_id[row.attempt_id])
            if at is not None:
                facts.append(((at, 0, row.attempt_id, row.position), row))
    for log in session.exec(select(ReadingLog).where(col(ReadingLog.user_id) == user_id)).all():
        facts.append(((log.at, 2, log.id, 0), log))
    facts.sort(key=lambda item: (_utc(item[0][0]), *item[0][1:]))
    return facts


def _utc(at: datetime) -> float:
    return at.timestamp()


def _replay(session: Session, facts: Iterable[tuple[tuple[Any, ...], Any]]) -> int:
    count = 0
    for _, fact in facts:
        if isinstance(fact, Attempt):
            apply_attempt_closed(session, fact)
        elif isinstance(fact, AttemptAnswer):
            apply_answers(session, [fact])
        else:
            apply_reading(session, fact)
        count += 1
    return count


def _count(session: Session, model: type[SQLModel], user_ids: list[int] | None) -> int:
    statement = select(func.count()).select_from(model)
    if user_ids is not None:
        statement = statement.where(model.user_id.in_(user_ids))  # type: ignore[attr-defined]
    return int(session.exec(statement).one())


def rebuild_kpis(*, session: Session, user_ids: Iterable[int] | None = None) -> RebuildReport:
    """Delete and recompute the KPI rows of these users (None: everyone, and every problem's
    statistics) from the raw facts; says what it did. The caller commits."""
    chosen = None if user_ids is None else sorted(set(user_ids))
    awards_before = _count(session, UserAchievement, chosen)
    _clear(session, chosen)
    users = chosen if chosen is not None else _users_with_facts(session)
    replayed = 0
    for user_id in users:
        replayed += _replay(session, _facts_of(session, user_id))
    session.flush()
    return RebuildReport(
        users=len(users),
        facts=replayed,
        daily_metric_rows=_count(session, DailyMetric, chosen),
        topic_rows=_count(session, TopicStat, chosen),
        achievements_awarded=_count(session, UserAchievement, chosen) - awards_before,
    )
