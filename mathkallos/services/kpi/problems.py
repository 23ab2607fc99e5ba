"""Problem statistics for reports: success rate, time and hint use from `ProblemStat`, and the
discrimination index from the course's most recent closed attempts (a bounded sample)."""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session, col, select

from mathkallos.models.attempts import Attempt, AttemptAnswer, AttemptStatus
from mathkallos.models.content import Problem
from mathkallos.models.kpi import ProblemStat
from mathkallos.services.kpi.dto import ProblemReport
from mathkallos.services.kpi.rules import DISCRIMINATION_SHARE, percent

DISCRIMINATION_SAMPLE = 2_000  # the most recent closed attempts of the course
MIN_GROUP = 3  # fewer attempts per group than this: no index
STATEMENT_PREVIEW = 120


def discrimination(session: Session, test_ids: list[int]) -> dict[int, float]:
    """Per problem: share correct in the top 27% of attempts by score minus the bottom 27%."""
    if not test_ids:
        return {}
    closed = session.exec(
        select(Attempt.id, Attempt.score, Attempt.max_score)
        .where(
            col(Attempt.test_id).in_(test_ids),
            col(Attempt.status) != AttemptStatus.IN_PROGRESS,
            col(Attempt.submitted_at).is_not(None),
        )
        .order_by(col(Attempt.submitted_at).desc())
        .limit(DISCRIMINATION_SAMPLE)
    ).all()
    ranked = sorted(
        (score / max_score, attempt_id) for attempt_id, score, max_score in closed if max_score
    )
    size = int(len(ranked) * DISCRIMINATION_SHARE)
    if size < MIN_GROUP:
        return {}
    lower = {attempt_id for _, attempt_id in ranked[:size]}
    upper = {attempt_id for _, attempt_id in ranked[-size:]}
    tallies: defaultdict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for attempt_id, problem_id, correct in session.exec(
        select(AttemptAnswer.attempt_id, AttemptAnswer.problem_id, AttemptAnswer.correct).where(
            col(AttemptAnswer.attempt_id).in_(sorted(lower | upper))
        )
    ).all():
        base = 0 if attempt_id in upper else 2
        tallies[problem_id][base] += int(bool(correct))
        tallies[problem_id][base + 1] += 1
    return {
        problem_id: round(up / up_n - low / low_n, 3)
        for problem_id, (up, up_n, low, low_n) in tallies.items()
        if up_n and low_n
    }


def problem_reports(
    session: Session, problem_ids: list[int], index: dict[int, float]
) -> list[ProblemReport]:
    if not problem_ids:
        return []
    stats = {
        s.problem_id: s
        for s in session.exec(
            select(ProblemStat).where(col(ProblemStat.problem_id).in_(problem_ids))
        ).all()
    }
    statements = dict(
        session.exec(
            select(Problem.id, Problem.statement).where(col(Problem.id).in_(problem_ids))
        ).all()
    )
    return [
        report(problem_id, statements.get(problem_id, ""), stats.get(problem_id), index)
        for problem_id in problem_ids
    ]


def report(
    problem_id: int, statement: str, stat: ProblemStat | None, index: dict[int, float]
) -> ProblemReport:
    attempts = stat.attempts if stat else 0
    return ProblemReport(
        problem_id=problem_id,
        statement=statement[:STATEMENT_PREVIEW],
        attempts=attempts,
        success_rate=percent(stat.correct, attempts) if stat else None,
        average_seconds=round(stat.total_time_seconds / attempts, 1) if stat else None,
        hint_use=percent(stat.hint_uses, attempts) if stat else None,
        discrimination=index.get(problem_id),
    )
