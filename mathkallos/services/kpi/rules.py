"""Pure KPI rules (no I/O): XP and levels, the topic mastery rule, local days and streaks.

These are the rules written down for students and teachers; listeners, the rebuild and the
dashboard all call them, so a rule changes in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# XP: a fully correct answer to a problem of average difficulty earns XP_PER_CORRECT, scaled
# by the share of the points earned and by difficulty (difficulty 10 earns twice as much).
XP_PER_CORRECT = 10
REFERENCE_DIFFICULTY = 5
DIFFICULTY_RANGE = (1, 10)
XP_PER_EXAM = 50  # each closed (submitted or expired) exam
XP_PER_SECTION = 5  # the first read of each section
# Level n starts at LEVEL_STEP * n * (n - 1) / 2 XP: 0, 100, 300, 600, 1000, ...
LEVEL_STEP = 100

# Mastery: a topic is mastered while at least MASTERY_CORRECT of its MASTERY_WINDOW most recent
# graded answers are correct. A wrong answer can never turn "not mastered" into "mastered".
MASTERY_WINDOW = 10
MASTERY_CORRECT = 8
MASTERY_RULE_MESSAGE = "kpi.mastery_rule"

# A student is at risk after this many days without activity in the course, or when the mean
# of their last RISK_RECENT attempts is RISK_DROP_PERCENT points below the RISK_RECENT before.
RISK_INACTIVE_DAYS = 14
RISK_RECENT = 3
RISK_DROP_PERCENT = 10.0
DISCRIMINATION_SHARE = 0.27  # upper and lower groups by attempt score (Kelley's 27%)

DEFAULT_TIMEZONE = "UTC"


def answer_xp(score: float, points: int, difficulty: int) -> int:
    """XP for one graded answer: the earned share of XP_PER_CORRECT, scaled by difficulty."""
    if points <= 0 or score <= 0:
        return 0
    low, high = DIFFICULTY_RANGE
    level = min(max(difficulty, low), high)
    share = min(score / points, 1.0)
    return int(share * XP_PER_CORRECT * level / REFERENCE_DIFFICULTY + 0.5)


def level_threshold(level: int) -> int:
    """The XP at which `level` starts."""
    return LEVEL_STEP * level * (level - 1) // 2


def level_for(xp: int) -> int:
    level = 1
    while level_threshold(level + 1) <= xp:
        level += 1
    return level


def user_timezone(preferences: dict[str, Any] | None) -> ZoneInfo:
    """The user's IANA time zone; an unknown or missing name falls back to UTC."""
    name = (preferences or {}).get("timezone") or DEFAULT_TIMEZONE
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def local_day(at: datetime, zone: ZoneInfo) -> date:
    """The user's calendar day of an instant (naive datetimes are UTC, as the database's)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=ZoneInfo("UTC"))
    return at.astimezone(zone).date()


def runs(days: Iterable[date]) -> tuple[int, int]:
    """(length of the run of consecutive days that ends on the last day, longest run)."""
    ordered = sorted(set(days))
    current = best = 0
    previous: date | None = None
    for day in ordered:
        current = current + 1 if previous is not None and day - previous == timedelta(1) else 1
        best = max(best, current)
        previous = day
    return current, best


def streak_on(days: Iterable[date], today: date) -> int:
    """The current streak as seen on `today`: the run ending today, or yesterday (today may
    still be studied); 0 once a whole day was missed."""
    active = set(days)
    end = today if today in active else today - timedelta(1)
    count = 0
    while end in active:
        count += 1
        end -= timedelta(1)
    return count


def is_mastered(recent_correct: int) -> bool:
    return recent_correct >= MASTERY_CORRECT


def was_mastered(recent: Sequence[Any], day: date, zone: ZoneInfo) -> bool:
    """The mastery rule on the window's answers given by the end of `day` (local): how the
    topic stood then, as far as the current window still shows it (for the 7-day change)."""
    earlier = [
        entry for entry in recent if local_day(datetime.fromisoformat(entry[0]), zone) <= day
    ]
    return is_mastered(sum(1 for entry in earlier if entry[2]))


def push_recent(recent: Sequence[Any], answer_id: int, at: datetime | None, correct: bool) -> list:
    """The mastery window after one answer is (re)placed: the old entry of the answer goes, the
    new one (at=None: none) is inserted in time order, and only the newest MASTERY_WINDOW stay.
    Ordering by (time, answer id) makes the window independent of the order of application."""
    window = [entry for entry in recent if entry[1] != answer_id]
    if at is not None:
        window.append([at.astimezone(ZoneInfo("UTC")).isoformat(), answer_id, bool(correct)])
    window.sort(key=lambda entry: (entry[0], entry[1]))
    return window[-MASTERY_WINDOW:]


def percent(points: float, max_points: float) -> float | None:
    """A score as a percentage with one decimal; None when nothing was graded."""
    return round(100.0 * points / max_points, 1) if max_points else None


def quantize(value: float) -> float:
    """Sums of points are kept to 6 decimals, so adding then replacing a contribution gives
    exactly the figure a rebuild adds up from scratch."""
    rounded = round(value, 6)
    return 0.0 if rounded == 0 else rounded
