"""The student's dashboard: KPI cards with their 7-day change, chart series, lists and
achievements, read from the KPI rows (never from all attempts)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from mathkallos.models.base import utcnow
from mathkallos.models.kpi import DailyMetric, MetricType, TopicStat, UserAchievement, UserProgress
from mathkallos.services.access import Actor, require_actor
from mathkallos.services.kpi import achievements, history
from mathkallos.services.kpi.apply import zone_of
from mathkallos.services.kpi.dto import (
    AchievementItem,
    Card,
    Dashboard,
    Level,
    MasteryRule,
    Series,
    TopicMastery,
)
from mathkallos.services.kpi.rules import (
    MASTERY_CORRECT,
    MASTERY_RULE_MESSAGE,
    MASTERY_WINDOW,
    level_threshold,
    local_day,
    percent,
    streak_on,
    was_mastered,
)

HISTORY_DAYS = 26 * 7  # the heatmap's half year
CHANGE_DAYS = 7
M = MetricType
# The KPI cards in the order shown: key (seed 000's metric names) -> label message id.
CARD_LABELS = {
    "tests_taken": "kpi.card.tests_taken",
    "avg_score": "kpi.card.avg_score",
    "time_spent_minutes": "kpi.card.time_spent",
    "topics_mastered": "kpi.card.topics_mastered",
    "streak_days": "kpi.card.streak",
    "xp": "kpi.card.xp",
}

Metrics = dict[date, dict[str, float]]


def _metrics(session: Session, user_id: int, since: date) -> Metrics:
    rows = session.exec(
        select(DailyMetric.metric_date, DailyMetric.metric_type, DailyMetric.value).where(
            col(DailyMetric.user_id) == user_id, col(DailyMetric.metric_date) >= since
        )
    ).all()
    by_day: Metrics = defaultdict(dict)
    for day, metric_type, value in rows:
        by_day[day][metric_type] = value
    return by_day


def _recent_sum(metrics: Metrics, metric_type: str, since: date) -> float:
    return sum(values.get(metric_type, 0.0) for day, values in metrics.items() if day > since)


def _series(days: list[date], values: list[float | None]) -> Series:
    return Series(dates=days, values=values)


def _cards(
    progress: UserProgress, topics: list[TopicStat], metrics: Metrics, today: date, zone: ZoneInfo
) -> list[Card]:
    week_start = today - timedelta(CHANGE_DAYS)
    recent_points = _recent_sum(metrics, M.SCORE_POINTS, week_start)
    recent_max = _recent_sum(metrics, M.MAX_POINTS, week_start)
    average = percent(progress.score_points, progress.max_points)
    before = percent(progress.score_points - recent_points, progress.max_points - recent_max)
    active_days = [
        day for day, values in metrics.items() if M.ANSWERS in values or M.SECTIONS_READ in values
    ]
    streak = _current_streak(progress, today)
    mastered = sum(1 for t in topics if t.mastered)
    figures: dict[str, tuple[float, float | None]] = {
        "tests_taken": (progress.tests_taken, _recent_sum(metrics, M.TESTS_TAKEN, week_start)),
        "avg_score": (
            average or 0.0,
            None if average is None or before is None else round(average - before, 1),
        ),
        "time_spent_minutes": (
            round(progress.time_spent_seconds / 60, 1),
            round(_recent_sum(metrics, M.TIME_SPENT_SECONDS, week_start) / 60, 1),
        ),
        "topics_mastered": (
            mastered,
            mastered - sum(1 for t in topics if was_mastered(t.recent, week_start, zone)),
        ),
        "streak_days": (streak, streak - streak_on(active_days, week_start)),
        "xp": (progress.xp, _recent_sum(metrics, M.XP, week_start)),
    }
    return [Card(key, label, *figures[key]) for key, label in CARD_LABELS.items()]


def _current_streak(progress: UserProgress, today: date) -> int:
    """The stored run counts while it ends today or yesterday; after a missed day it is 0."""
    last = progress.last_active_date
    return progress.current_streak if last is not None and last >= today - timedelta(1) else 0


def _chart_series(metrics: Metrics, today: date) -> tuple[Series, Series, Series, Series]:
    days = [today - timedelta(n) for n in range(HISTORY_DAYS - 1, -1, -1)]
    score, activity, minutes, xp = [], [], [], []
    for day in days:
        values = metrics.get(day, {})
        score.append(percent(values.get(M.SCORE_POINTS, 0.0), values.get(M.MAX_POINTS, 0.0)))
        activity.append(values.get(M.ANSWERS, 0.0) + values.get(M.SECTIONS_READ, 0.0))
        minutes.append(round(values.get(M.TIME_SPENT_SECONDS, 0.0) / 60, 1))
        xp.append(values.get(M.XP, 0.0))
    return (
        _series(days, score),
        _series(days, activity),
        _series(days, minutes),
        _series(days, xp),
    )


def _achievements(session: Session, user_id: int) -> list[AchievementItem]:
    earned = {
        row.code: row.awarded_at
        for row in session.exec(
            select(UserAchievement).where(col(UserAchievement.user_id) == user_id)
        ).all()
    }
    return [
        AchievementItem(
            code=a.code,
            title_id=a.title_id,
            description_id=a.description_id,
            earned=a.code in earned,
            awarded_at=earned.get(a.code),
        )
        for a in achievements.ACHIEVEMENTS
    ]


def _mastery(topics: list[TopicStat]) -> list[TopicMastery]:
    return [
        TopicMastery(
            topic=t.topic,
            attempts=t.attempts,
            correct=t.correct,
            recent_answers=len(t.recent),
            recent_correct=t.recent_correct,
            mastered=t.mastered,
            accuracy=percent(t.recent_correct, len(t.recent)),
        )
        for t in topics
    ]


def student_dashboard(
    *,
    session: Session,
    actor: Actor | None,
    today: date | None = None,
    mode: str | None = None,
    status: str | None = None,
    course_id: int | None = None,
    page: int = 1,
    per_page: int = 10,
) -> Dashboard:
    """The signed-in user's own dashboard; `today` is their local day unless given (tests).
    The attempt list takes the filters and paging."""
    actor = require_actor(actor)
    user_id = actor.id
    zone = zone_of(session, user_id)
    today = today or local_day(utcnow(), zone)
    progress = session.get(UserProgress, user_id) or UserProgress(user_id=user_id)
    topics = list(
        session.exec(
            select(TopicStat)
            .where(col(TopicStat.user_id) == user_id)
            .order_by(col(TopicStat.topic))
        ).all()
    )
    metrics = _metrics(session, user_id, today - timedelta(HISTORY_DAYS))
    score, activity, minutes, xp = _chart_series(metrics, today)
    return Dashboard(
        today=today,
        cards=_cards(progress, topics, metrics, today, zone),
        level=Level(
            level=progress.level,
            xp=progress.xp,
            level_start_xp=level_threshold(progress.level),
            next_level_xp=level_threshold(progress.level + 1),
        ),
        current_streak=_current_streak(progress, today),
        best_streak=progress.best_streak,
        score_by_day=score,
        activity_by_day=activity,
        time_by_day=minutes,
        xp_by_day=xp,
        mastery=_mastery(topics),
        attempts=history.attempt_page(
            session,
            user_id,
            mode=mode,
            status=status,
            course_id=course_id,
            page=page,
            per_page=per_page,
        ),
        continue_item=history.continue_item(session, user_id),
        suggestion=history.suggestion(session, user_id, topics),
        achievements=_achievements(session, user_id),
        mastery_rule=MasteryRule(MASTERY_RULE_MESSAGE, MASTERY_WINDOW, MASTERY_CORRECT),
    )
