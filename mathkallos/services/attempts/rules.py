"""Pure rules of the test runner (no I/O): time capping, deadlines, scores, answer limits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from mathkallos.models.attempts import AnswerStatus
from mathkallos.services.errors import InvalidInput

# One interaction counts at most this long, so a tab left open overnight adds 10 minutes.
MAX_SECONDS_PER_INTERACTION = 600
# An autosave sent in the last second may arrive a moment late; the server still decides.
DEADLINE_GRACE = timedelta(seconds=2)
MAX_ANSWER_LENGTH = 100_000
MAX_COMMENT_LENGTH = 5_000
MAX_EVENT_DETAIL = 500
MAX_EVENTS_PER_ATTEMPT = 1_000

# A verdict status from the grading engine -> what the answer row records after an exam.
# A limit is nobody's fault: a teacher grades it instead of the student losing the marks.
EXAM_STATUS_OF_VERDICT = {
    "checked": AnswerStatus.CHECKED,
    "invalid_input": AnswerStatus.INVALID_INPUT,
    "needs_review": AnswerStatus.NEEDS_REVIEW,
    "limit": AnswerStatus.NEEDS_REVIEW,
}
# Verdicts that are a real try in practice; invalid input and limits never count.
COUNTED_VERDICTS = frozenset({"checked", "needs_review"})


def cap_seconds(seconds: object) -> int:
    """Client-reported time on a problem, clamped to 0..MAX_SECONDS_PER_INTERACTION."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        return 0
    return max(0, min(int(seconds), MAX_SECONDS_PER_INTERACTION))


def deadline_for(started_at: datetime, duration_minutes: int | None) -> datetime | None:
    """An exam's deadline is fixed by the server at start; no duration means untimed."""
    return None if duration_minutes is None else started_at + timedelta(minutes=duration_minutes)


def is_past_deadline(deadline_at: datetime | None, now: datetime) -> bool:
    return deadline_at is not None and now > deadline_at + DEADLINE_GRACE


def seconds_left(deadline_at: datetime | None, now: datetime) -> int | None:
    if deadline_at is None:
        return None
    return max(0, int((deadline_at - now).total_seconds()))


def time_used(started_at: datetime, finished_at: datetime, deadline_at: datetime | None) -> int:
    """Seconds from start to submit; an expired exam used exactly its allowed time."""
    end = min(finished_at, deadline_at) if deadline_at is not None else finished_at
    return max(0, int((end - started_at).total_seconds()))


def points_for(fraction: float, points: int) -> float:
    """A checker's 0..1 score as points of this problem."""
    return round(min(max(fraction, 0.0), 1.0) * points, 4)


def practice_score(previous: float | None, earned: float, *, given_up: bool) -> float:
    """The best try counts in practice, except that giving up a problem scores it 0."""
    return 0.0 if given_up else max(previous or 0.0, earned)


@dataclass(frozen=True)
class Totals:
    score: float
    max_score: float
    provisional: bool


def totals(answers: Iterable[tuple[float | None, int, str]]) -> Totals:
    """(score, points, status) per answer -> the attempt's score, out of, and whether some
    answer still awaits a teacher (the score is then provisional)."""
    score = max_score = 0.0
    pending = False
    for earned, points, status in answers:
        score += earned or 0.0
        max_score += points
        pending = pending or status == AnswerStatus.NEEDS_REVIEW
    return Totals(round(score, 4), float(max_score), pending)


def percent(score: float, max_score: float) -> int:
    return round(100 * score / max_score) if max_score else 0


def passed(score: float, max_score: float, pass_score: int, provisional: bool) -> bool | None:
    """None while the score is provisional: a proof under review may still change it."""
    return None if provisional else percent(score, max_score) >= pass_score


def clean_answer(answer: object) -> str:
    """An answer worth storing: a non-empty string of sane length."""
    if not isinstance(answer, str) or not answer.strip():
        raise InvalidInput("attempts.answer_empty", field="answer")
    if len(answer) > MAX_ANSWER_LENGTH:
        raise InvalidInput("attempts.answer_too_long", field="answer", limit=MAX_ANSWER_LENGTH)
    return answer


def review_score(score: object, points: int) -> float:
    """A teacher's mark: a number from 0 to the problem's points."""
    if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= points:
        raise InvalidInput("attempts.score_range", field="score", points=points)
    return round(float(score), 4)
