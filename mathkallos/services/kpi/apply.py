"""Applying one raw fact to the KPI rows: the single code path of the listeners and the rebuild.

- A graded answer: its contribution (`AnswerFact`) is computed from the answer row as it is
  now and replaces the contribution applied before, so a retried practice answer or a reviewed
  proof moves the figures once, never twice. Counted: practice answers once checked or
  reviewed (at the last counted try); exam answers once the exam is closed (at its submit).
- A closed attempt: one test taken (and XP for an exam) on the day it was closed.
- A reading stint: reading time, one read, and XP for the first read of the section.
Daily rows use the user's local day (`User.preferences["timezone"]`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_
from sqlmodel import Session, col, func, select

from mathkallos.models.attempts import (
    MAX_TOPIC_LENGTH,
    AnswerStatus,
    Attempt,
    AttemptAnswer,
    AttemptStatus,
)
from mathkallos.models.content import Problem, TestMode
from mathkallos.models.kpi import (
    AnswerFact,
    MetricType,
    ProblemStat,
    ReadingLog,
    TopicStat,
    UserProgress,
)
from mathkallos.models.users import User
from mathkallos.services.attempts.loading import problems_by_id
from mathkallos.services.kpi import achievements
from mathkallos.services.kpi.rules import (
    MASTERY_WINDOW,
    XP_PER_EXAM,
    XP_PER_SECTION,
    answer_xp,
    is_mastered,
    level_for,
    local_day,
    push_recent,
    quantize,
    user_timezone,
)
from mathkallos.services.kpi.store import (
    add_metrics,
    json_list_has,
    locked_row,
    locked_rows,
    refresh_streaks,
)

PRACTICE_GRADED = frozenset({AnswerStatus.CHECKED, AnswerStatus.REVIEWED})
# A closed exam grades every answer; an unanswered or unreadable one scores 0.
EXAM_GRADED = PRACTICE_GRADED | {AnswerStatus.INVALID_INPUT, AnswerStatus.UNANSWERED}
FACT_FIELDS = ("at", "day", "correct", "score", "points", "seconds", "hints", "xp", "topics")
Change = tuple[int, AnswerFact | None, AnswerFact | None]  # answer id, applied before, now


def zone_of(session: Session, user_id: int) -> ZoneInfo:
    user = session.get(User, user_id)
    return user_timezone(user.preferences if user is not None else None)


def graded_at(row: AttemptAnswer, attempt: Attempt) -> datetime | None:
    """When the answer counts, or None while it does not (unchecked, awaiting review, or part
    of an exam still open)."""
    if attempt.mode == TestMode.PRACTICE:
        return row.saved_at if row.status in PRACTICE_GRADED else None
    if attempt.status == AttemptStatus.IN_PROGRESS or attempt.submitted_at is None:
        return None
    return attempt.submitted_at if row.status in EXAM_GRADED else None


def answer_fact(
    row: AttemptAnswer, attempt: Attempt, problem: Problem, zone: ZoneInfo
) -> AnswerFact | None:
    """The row's contribution as it is now (None: it does not count yet)."""
    assert row.id is not None
    at = graded_at(row, attempt)
    if at is None:
        return None
    score = quantize(row.score or 0.0)
    return AnswerFact(
        answer_id=row.id,
        user_id=attempt.user_id,
        problem_id=row.problem_id,
        at=at,
        day=local_day(at, zone),
        correct=bool(row.correct),
        score=score,
        points=row.points,
        seconds=row.time_spent_seconds,
        hints=row.hints_used,
        xp=answer_xp(score, row.points, problem.difficulty),
        topics=sorted({str(t)[:MAX_TOPIC_LENGTH] for t in problem.topics if str(t).strip()}),
    )


def _changes(session: Session, rows: Sequence[AttemptAnswer]) -> list[Change]:
    """Each row's contribution before and now, where they differ, in problem-id order. The
    attempts, problems, time zones and applied facts of all rows are read once, not per row."""
    attempts = {a.id: a for a in (session.get(Attempt, i) for i in {r.attempt_id for r in rows})}
    problems = problems_by_id(session, {row.problem_id for row in rows})
    zones = {a.user_id: zone_of(session, a.user_id) for a in attempts.values() if a}
    applied = {
        fact.answer_id: fact
        for fact in session.exec(
            select(AnswerFact).where(col(AnswerFact.answer_id).in_([row.id for row in rows]))
        ).all()
    }
    changes: list[Change] = []
    for row in sorted(rows, key=lambda r: r.problem_id):
        assert row.id is not None
        attempt = attempts[row.attempt_id]
        assert attempt is not None
        new = answer_fact(row, attempt, problems[row.problem_id], zones[attempt.user_id])
        old = applied.get(row.id)
        if not _same(old, new):
            changes.append((row.id, old, new))
    return changes


def _same(old: AnswerFact | None, new: AnswerFact | None) -> bool:
    if old is None or new is None:
        return old is new
    return all(getattr(old, name) == getattr(new, name) for name in FACT_FIELDS)


def _metric_deltas(fact: AnswerFact, sign: int) -> dict[str, float]:
    return {
        MetricType.ANSWERS: sign,
        MetricType.CORRECT_ANSWERS: sign * int(fact.correct),
        MetricType.SCORE_POINTS: sign * fact.score,
        MetricType.MAX_POINTS: sign * fact.points,
        MetricType.TIME_SPENT_SECONDS: sign * fact.seconds,
        MetricType.XP: sign * fact.xp,
    }


def _add_to_progress(progress: UserProgress, fact: AnswerFact, sign: int) -> None:
    progress.answers += sign
    progress.correct_answers += sign * int(fact.correct)
    progress.score_points = quantize(progress.score_points + sign * fact.score)
    progress.max_points = quantize(progress.max_points + sign * fact.points)
    progress.time_spent_seconds += sign * fact.seconds
    progress.xp += sign * fact.xp


def add_to_problem_stats(session: Session, signed: Sequence[tuple[AnswerFact, int]]) -> None:
    """Add (sign 1) or take out (-1) answers' contributions to the problems' shared figures;
    each problem's row is read once, and deleted if no answer counts any more. Also used by a
    partial rebuild to take a user's answers out."""
    stats = locked_rows(session, ProblemStat, "problem_id", (f.problem_id for f, _ in signed))
    for fact, sign in signed:
        stat = stats[fact.problem_id]
        stat.attempts += sign
        stat.correct += sign * int(fact.correct)
        stat.score_points = quantize(stat.score_points + sign * fact.score)
        stat.max_points = quantize(stat.max_points + sign * fact.points)
        stat.total_time_seconds += sign * fact.seconds
        stat.hint_uses += sign * int(fact.hints > 0)
        stat.hints_total += sign * fact.hints
    for stat in stats.values():
        if stat.attempts == 0:
            session.delete(stat)
        else:
            session.add(stat)


def _update_topics(session: Session, user_id: int, changes: Sequence[Change]) -> None:
    """Each topic's row is locked and written once for all the answers touching it."""
    by_topic: defaultdict[str, list[Change]] = defaultdict(list)
    for change in changes:
        _, old, new = change
        for topic in {*(old.topics if old else ()), *(new.topics if new else ())}:
            by_topic[topic].append(change)
    stats = locked_rows(session, TopicStat, "topic", by_topic, user_id=user_id)
    for topic, touching in sorted(by_topic.items()):
        stat = stats[topic]
        for answer_id, old, new in touching:
            if old is not None and topic in old.topics:
                stat.attempts -= 1
                stat.correct -= int(old.correct)
            placed = new if new is not None and topic in new.topics else None
            if placed is not None:
                stat.attempts += 1
                stat.correct += int(placed.correct)
            at, correct = (placed.at, placed.correct) if placed else (None, False)
            stat.recent = push_recent(stat.recent, answer_id, at, correct)
            if len(stat.recent) < min(stat.attempts, MASTERY_WINDOW):  # an answer left it
                stat.recent = _window_from_facts(session, user_id, topic)
        stat.recent_correct = sum(1 for entry in stat.recent if entry[2])
        stat.mastered = is_mastered(stat.recent_correct)
        stat.last_at = datetime.fromisoformat(stat.recent[-1][0]) if stat.recent else None
        if stat.attempts == 0:
            session.delete(stat)
        else:
            session.add(stat)
    session.flush()


def _window_from_facts(session: Session, user_id: int, topic: str) -> list:
    """The topic's mastery window recounted from the user's answer facts: needed when an answer
    stops counting (a practice proof answered again awaits review), so an older answer that
    had been pushed out comes back, as a rebuild would have it."""
    facts = session.exec(
        select(AnswerFact.answer_id, AnswerFact.at, AnswerFact.correct, AnswerFact.topics).where(
            col(AnswerFact.user_id) == user_id, json_list_has(AnswerFact.topics, topic)
        )
    ).all()
    window: list = []
    for answer_id, at, correct, topics in facts:
        if topic in topics:
            window = push_recent(window, answer_id, at, correct)
    return window


def _solved(session: Session, user_id: int, problem_ids: Iterable[int]) -> set[int]:
    """Which of these problems the user has a correct counted answer to."""
    return set(
        session.exec(
            select(AnswerFact.problem_id).where(
                col(AnswerFact.user_id) == user_id,
                col(AnswerFact.problem_id).in_(list(problem_ids)),
                col(AnswerFact.correct).is_(True),
            )
        ).all()
    )


def _store_fact(session: Session, old: AnswerFact | None, new: AnswerFact | None) -> None:
    if old is not None and new is not None:
        for name in FACT_FIELDS:
            setattr(old, name, getattr(new, name))
        session.add(old)
    elif new is not None:
        session.add(new)
    else:
        session.delete(old)


def apply_answers(session: Session, rows: Sequence[AttemptAnswer]) -> None:
    """Bring the KPIs in line with answer rows of one student as they are now. A closed exam's
    answers go in one call, so the student's rows (progress, the day's metrics, each topic)
    are locked and written once for the exam, not once per answer; problem statistics, shared
    with other students, are taken in problem-id order (no deadlock between two exams)."""
    session.flush()
    changes = _changes(session, rows)
    facts = [fact for _, old, new in changes for fact in (old, new) if fact is not None]
    if not facts:
        return
    user_id = facts[0].user_id
    assert all(fact.user_id == user_id for fact in facts)
    problem_ids = {fact.problem_id for fact in facts}
    progress = locked_row(session, UserProgress, user_id=user_id)
    solved_before = _solved(session, user_id, problem_ids)
    signed = [
        (applied, sign)
        for _, old, new in changes
        for applied, sign in ((old, -1), (new, 1))
        if applied is not None
    ]
    add_to_problem_stats(session, signed)
    days: defaultdict[date, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    for applied, sign in signed:
        for metric_type, delta in _metric_deltas(applied, sign).items():
            days[applied.day][metric_type] += delta
        _add_to_progress(progress, applied, sign)
    for day, deltas in sorted(days.items()):
        add_metrics(session, user_id, day, dict(deltas))
    days_changed = any(old is None or new is None or old.day != new.day for _, old, new in changes)
    placed: list[Change] = []
    for answer_id, old, new in changes:
        placed.append((answer_id, AnswerFact(**old.model_dump()) if old else None, new))
        _store_fact(session, old, new)
    session.flush()
    _update_topics(session, user_id, placed)
    progress.problems_solved += len(_solved(session, user_id, problem_ids)) - len(solved_before)
    at = max((new or old).at for _, old, new in changes if new or old)
    _finish(session, progress, at, days_changed=days_changed)


def apply_attempt_closed(session: Session, attempt: Attempt) -> None:
    """One test taken on the local day the attempt closed; an exam also earns XP_PER_EXAM."""
    if attempt.status == AttemptStatus.IN_PROGRESS or attempt.submitted_at is None:
        return
    progress = locked_row(session, UserProgress, user_id=attempt.user_id)
    is_exam = attempt.mode == TestMode.EXAM
    xp = XP_PER_EXAM if is_exam else 0
    day = local_day(attempt.submitted_at, zone_of(session, attempt.user_id))
    add_metrics(session, attempt.user_id, day, {MetricType.TESTS_TAKEN: 1, MetricType.XP: xp})
    progress.tests_taken += 1
    progress.exams_taken += int(is_exam)
    progress.xp += xp
    _finish(session, progress, attempt.submitted_at, days_changed=False)


def apply_reading(session: Session, log: ReadingLog) -> None:
    """A reading stint: its time and one read on its local day; the section's first stint
    (by time, then id) also counts the section as read and earns XP_PER_SECTION."""
    earlier = session.exec(
        select(func.count())
        .select_from(ReadingLog)
        .where(
            col(ReadingLog.user_id) == log.user_id,
            col(ReadingLog.section_id) == log.section_id,
            or_(
                col(ReadingLog.at) < log.at,
                and_(col(ReadingLog.at) == log.at, col(ReadingLog.id) < log.id),
            ),
        )
    ).one()
    first = earlier == 0
    progress = locked_row(session, UserProgress, user_id=log.user_id)
    xp = XP_PER_SECTION if first else 0
    day = local_day(log.at, zone_of(session, log.user_id))
    add_metrics(
        session,
        log.user_id,
        day,
        {
            MetricType.SECTIONS_READ: 1,
            MetricType.TIME_SPENT_SECONDS: log.seconds,
            MetricType.XP: xp,
        },
    )
    progress.sections_read += int(first)
    progress.time_spent_seconds += log.seconds
    progress.xp += xp
    _finish(session, progress, log.at, days_changed=True)


def _finish(session: Session, progress: UserProgress, at: datetime, *, days_changed: bool) -> None:
    if days_changed:
        refresh_streaks(session, progress)
    progress.level = level_for(progress.xp)
    session.add(progress)
    session.flush()
    achievements.award_due(session, progress, at)
