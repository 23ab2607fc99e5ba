"""What the dashboard and the reports return: small read-only dataclasses, shaped for cards,
charts (parallel lists of dates and values) and tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Card:
    """One KPI card; `change` is the change over the last 7 days (None: nothing to compare)."""

    key: str  # tests_taken, avg_score, time_spent_minutes, topics_mastered, streak_days, xp
    label_id: str
    value: float
    change: float | None


@dataclass(frozen=True)
class Series:
    dates: list[date]
    values: list[float | None]


@dataclass(frozen=True)
class TopicMastery:
    topic: str
    attempts: int
    correct: int
    recent_answers: int
    recent_correct: int
    mastered: bool
    accuracy: float | None  # % over the recent window


@dataclass(frozen=True)
class AttemptItem:
    attempt_id: int
    course_id: int
    course_title: str
    test_id: int | None  # None, and test_title "": topic practice
    test_title: str
    topic: str | None
    mode: str
    status: str
    started_at: datetime
    submitted_at: datetime | None
    score: float
    max_score: float
    percent: float | None
    provisional: bool


@dataclass(frozen=True)
class AttemptPage:
    items: list[AttemptItem]
    page: int
    per_page: int
    has_more: bool


@dataclass(frozen=True)
class ContinueItem:
    """Where to pick up: an open attempt (kind "attempt"; `topic` set for topic practice,
    whose `title` is "") or the last section read."""

    kind: str
    course_slug: str
    course_title: str
    title: str
    topic: str | None = None
    attempt_id: int | None = None
    test_slug: str | None = None
    section_slug: str | None = None
    at: datetime | None = None


@dataclass(frozen=True)
class Suggestion:
    """What to do next: practise the weakest topic in the course with the most problems of
    it the student has not solved (`unsolved` of them)."""

    topic: str
    accuracy: float | None
    course_slug: str
    course_title: str
    unsolved: int


@dataclass(frozen=True)
class AchievementItem:
    code: str
    title_id: str
    description_id: str
    earned: bool
    awarded_at: datetime | None


@dataclass(frozen=True)
class MasteryRule:
    message_id: str
    window: int
    needed: int


@dataclass(frozen=True)
class Level:
    level: int
    xp: int
    level_start_xp: int
    next_level_xp: int


@dataclass(frozen=True)
class Dashboard:
    today: date
    cards: list[Card]
    level: Level
    current_streak: int
    best_streak: int
    score_by_day: Series  # % of points earned by the answers graded that day
    activity_by_day: Series  # answers + reading stints per local day (heatmap)
    time_by_day: Series  # minutes per local day
    xp_by_day: Series
    mastery: list[TopicMastery]
    attempts: AttemptPage
    continue_item: ContinueItem | None
    suggestion: Suggestion | None
    achievements: list[AchievementItem]
    mastery_rule: MasteryRule


@dataclass(frozen=True)
class TestScore:
    __test__ = False  # not a pytest test class

    test_id: int | None  # None: the practice of `topic` (title "")
    title: str
    mode: str
    attempts: int
    average_percent: float | None
    topic: str | None = None


@dataclass(frozen=True)
class ProblemReport:
    problem_id: int
    statement: str
    attempts: int
    success_rate: float | None  # % of graded answers correct
    average_seconds: float | None
    hint_use: float | None  # % of graded answers that used a hint
    discrimination: float | None  # upper minus lower 27% success share, -1..1


@dataclass(frozen=True)
class StudentAtRisk:
    user_id: int
    name: str
    last_active: datetime | None
    reasons: list[str] = field(default_factory=list)  # message ids: kpi.risk.inactive/falling


@dataclass(frozen=True)
class CourseReport:
    course_id: int
    title: str
    enrolments: int
    active_7_days: int
    active_30_days: int
    tests: list[TestScore]
    problems: list[ProblemReport]
    at_risk: list[StudentAtRisk]


@dataclass(frozen=True)
class CourseSummary:
    course_id: int
    title: str
    enrolments: int
    active_30_days: int
    average_percent: float | None


@dataclass(frozen=True)
class SchoolReport:
    students: int
    enrolments: int
    active_7_days: int
    active_30_days: int
    average_percent: float | None
    daily_active_users: Series
    courses: list[CourseSummary]
    hardest_problems: list[ProblemReport]
    at_risk: list[StudentAtRisk]


@dataclass(frozen=True)
class RebuildReport:
    """What `rebuild_kpis` did (the CLI prints it)."""

    users: int
    facts: int  # raw facts replayed: graded answers, closed attempts, reading stints
    daily_metric_rows: int
    topic_rows: int
    achievements_awarded: int  # awards the replay found due and missing (awards are kept)
