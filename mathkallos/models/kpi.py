"""KPI tables: per-user daily metrics (seed 000's `analytics`), topic and problem statistics,
progress (XP, level, streaks, totals), achievements, and the two fact tables they are built from.

Every row except `ReadingLog` is derived: listeners keep it current on each domain event and
`services.kpi.rebuild` recomputes it from the raw attempts, answers and reading log.
`AnswerFact` is the contribution of one graded answer as last applied, so a retried practice
answer or a reviewed proof replaces its old contribution instead of adding a second one.
`ReadingLog` is the reader's time log: `section_reads` keeps only the first read, without time.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from mathkallos.models.attempts import MAX_TOPIC_LENGTH, Attempt


class MetricType(StrEnum):
    """What a `DailyMetric` row counts on one local day of the user (values are sums)."""

    TESTS_TAKEN = "tests_taken"  # attempts closed (submitted or expired)
    ANSWERS = "answers"  # graded answers
    CORRECT_ANSWERS = "correct_answers"
    SCORE_POINTS = "score_points"  # points earned by graded answers (avg score = / max_points)
    MAX_POINTS = "max_points"
    TIME_SPENT_SECONDS = "time_spent_seconds"  # active time, capped per interaction
    SECTIONS_READ = "sections_read"
    XP = "xp"


class DailyMetric(SQLModel, table=True):
    """One metric of one user on one day of the user's own calendar (their time zone)."""

    __tablename__ = "daily_metrics"
    __table_args__ = (
        UniqueConstraint("user_id", "metric_date", "metric_type", name="uq_daily_metrics_key"),
        Index("ix_daily_metrics_date_type", "metric_date", "metric_type"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    metric_date: date
    metric_type: str = Field(sa_type=String(32))
    value: float = 0.0


class TopicStat(SQLModel, table=True):
    """A user's record on one topic; `recent` is the mastery window, newest last:
    `[at ISO, answer id, correct]` for the topic's most recent graded answers."""

    __tablename__ = "topic_stats"
    __table_args__ = (UniqueConstraint("user_id", "topic", name="uq_topic_stats_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    topic: str = Field(max_length=MAX_TOPIC_LENGTH)
    attempts: int = 0
    correct: int = 0
    recent: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    recent_correct: int = 0
    mastered: bool = False
    last_at: datetime | None = None


class ProblemStat(SQLModel, table=True):
    """Graded answers to one problem across all students (success rate, time, hint use)."""

    __tablename__ = "problem_stats"

    problem_id: int = Field(primary_key=True, foreign_key="problems.id", ondelete="CASCADE")
    attempts: int = 0
    correct: int = 0
    score_points: float = 0.0
    max_points: float = 0.0
    total_time_seconds: int = 0
    hint_uses: int = 0  # answers that used at least one hint
    hints_total: int = 0


class UserProgress(SQLModel, table=True):
    """The user's running totals: XP and level, streaks, and the KPI cards' all-time figures."""

    __tablename__ = "user_progress"

    user_id: int = Field(primary_key=True, foreign_key="users.id", ondelete="CASCADE")
    xp: int = 0
    level: int = 1
    current_streak: int = 0  # the run of active days that ends on last_active_date
    best_streak: int = 0
    last_active_date: date | None = None
    tests_taken: int = 0
    exams_taken: int = 0
    answers: int = 0
    correct_answers: int = 0
    problems_solved: int = 0  # distinct problems with a correct graded answer
    score_points: float = 0.0
    max_points: float = 0.0
    time_spent_seconds: int = 0
    sections_read: int = 0


class UserAchievement(SQLModel, table=True):
    """An achievement (defined in `services.kpi.achievements`) awarded by a listener."""

    __tablename__ = "user_achievements"
    __table_args__ = (UniqueConstraint("user_id", "code", name="uq_user_achievements_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    code: str = Field(max_length=40)
    awarded_at: datetime


class AnswerFact(SQLModel, table=True):
    """The KPI contribution of one graded answer, as last applied (replaced when it changes)."""

    __tablename__ = "answer_facts"
    __table_args__ = (Index("ix_answer_facts_user_problem", "user_id", "problem_id", "correct"),)

    answer_id: int = Field(primary_key=True, foreign_key="attempt_answers.id", ondelete="CASCADE")
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    problem_id: int = Field(foreign_key="problems.id", ondelete="CASCADE")
    at: datetime
    day: date
    correct: bool = False
    score: float = 0.0  # points earned
    points: int = 1
    seconds: int = 0
    hints: int = 0
    xp: int = 0
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class ReadingLog(SQLModel, table=True):
    """One stint of reading a section (raw fact: the reader's capped active time)."""

    __tablename__ = "reading_log"
    __table_args__ = (
        Index("ix_reading_log_user_at", "user_id", "at"),
        Index("ix_reading_log_course_at", "course_id", "at"),
        Index("ix_reading_log_user_section", "user_id", "section_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    section_id: int = Field(foreign_key="sections.id", ondelete="CASCADE")
    course_id: int = Field(foreign_key="courses.id", ondelete="CASCADE")
    at: datetime
    seconds: int = 0


# Reads of the dashboard and reports: a student's attempts newest first, a course's recent ones.
_attempts = Attempt.__table__.c  # type: ignore[attr-defined]
Index("ix_attempts_user_started", _attempts.user_id, _attempts.started_at)
Index("ix_attempts_test_submitted", _attempts.test_id, _attempts.submitted_at)
Index("ix_attempts_course_submitted", _attempts.course_id, _attempts.submitted_at)
