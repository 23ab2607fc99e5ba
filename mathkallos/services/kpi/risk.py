"""Students at risk in a course: no activity for RISK_INACTIVE_DAYS, or falling scores."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from mathkallos.models.attempts import Attempt, AttemptStatus
from mathkallos.models.content import Enrollment
from mathkallos.models.kpi import ReadingLog
from mathkallos.models.users import User
from mathkallos.services.kpi.dto import StudentAtRisk
from mathkallos.services.kpi.rules import RISK_DROP_PERCENT, RISK_INACTIVE_DAYS, RISK_RECENT

MAX_LISTED = 200
INACTIVE = "kpi.risk.inactive"
FALLING = "kpi.risk.falling"


def is_falling(percents: list[float]) -> bool:
    """The mean of the last RISK_RECENT attempts is RISK_DROP_PERCENT points below the mean
    of the RISK_RECENT before them (oldest first)."""
    if len(percents) < 2 * RISK_RECENT:
        return False
    recent = percents[-RISK_RECENT:]
    before = percents[-2 * RISK_RECENT : -RISK_RECENT]
    return sum(before) / RISK_RECENT - sum(recent) / RISK_RECENT >= RISK_DROP_PERCENT


def _as_utc(at: datetime | None) -> datetime | None:
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


def students_at_risk(session: Session, course_id: int, now: datetime) -> list[StudentAtRisk]:
    enrolled = session.exec(
        select(User.id, User.full_name, User.username, Enrollment.created_at)
        .join(Enrollment, col(Enrollment.user_id) == col(User.id))
        .where(col(Enrollment.course_id) == course_id)
    ).all()
    if not enrolled:
        return []
    in_course = (col(Attempt.course_id) == course_id,)
    closed = (
        *in_course,
        col(Attempt.status) != AttemptStatus.IN_PROGRESS,
        col(Attempt.submitted_at).is_not(None),
    )
    # Only each student's last 2 * RISK_RECENT scored attempts are read (a window function on
    # both databases), not the course's whole history.
    ranked = (
        select(
            col(Attempt.user_id).label("user_id"),
            col(Attempt.score).label("score"),
            col(Attempt.max_score).label("max_score"),
            func.row_number()
            .over(
                partition_by=col(Attempt.user_id),
                order_by=(col(Attempt.submitted_at).desc(), col(Attempt.id).desc()),
            )
            .label("rank"),
        )
        .where(*closed, col(Attempt.max_score) > 0)
        .subquery()
    )
    percents: defaultdict[int, list[float]] = defaultdict(list)
    for user_id, score, max_score in session.execute(
        select(ranked.c.user_id, ranked.c.score, ranked.c.max_score)
        .where(ranked.c.rank <= 2 * RISK_RECENT)
        .order_by(ranked.c.user_id, ranked.c.rank.desc())
    ).all():
        percents[user_id].append(100.0 * score / max_score)
    last: dict[int, datetime] = {}
    for source in (
        select(Attempt.user_id, func.max(Attempt.submitted_at))
        .where(*closed)
        .group_by(col(Attempt.user_id)),
        select(Attempt.user_id, func.max(Attempt.started_at))
        .where(*in_course, col(Attempt.status) == AttemptStatus.IN_PROGRESS)
        .group_by(col(Attempt.user_id)),
        select(ReadingLog.user_id, func.max(ReadingLog.at))
        .where(col(ReadingLog.course_id) == course_id)
        .group_by(col(ReadingLog.user_id)),
    ):
        for user_id, at in session.exec(source).all():
            at = _as_utc(at)
            if at is not None and (user_id not in last or at > last[user_id]):
                last[user_id] = at
    cutoff = now - timedelta(days=RISK_INACTIVE_DAYS)
    found = []
    for user_id, full_name, username, enrolled_at in enrolled:
        seen = last.get(user_id) or _as_utc(enrolled_at)
        reasons = [INACTIVE] if seen is not None and seen < cutoff else []
        if is_falling(percents.get(user_id, [])):
            reasons.append(FALLING)
        if reasons:
            found.append(StudentAtRisk(user_id, full_name or username, last.get(user_id), reasons))
    found.sort(key=lambda s: (s.last_active is not None, s.last_active or now, s.user_id))
    return found[:MAX_LISTED]
