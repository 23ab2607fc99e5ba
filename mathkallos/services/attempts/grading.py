"""Grading answers of an attempt and closing it: the one path for submit, expiry and review.

Checking is slow (worker processes), so `finalize` grades before it takes the attempt's lock,
then claims the attempt with a conditional UPDATE and regrades only answers that changed in
between; a second submitter or sweeper finds the attempt claimed and writes nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col

from mathkallos.models.attempts import AnswerStatus, Attempt, AttemptAnswer, AttemptStatus
from mathkallos.models.content import Problem
from mathkallos.services.attempts import announce
from mathkallos.services.attempts.dto import VerdictView
from mathkallos.services.attempts.loading import answer_rows, problems_by_id
from mathkallos.services.attempts.rules import (
    EXAM_STATUS_OF_VERDICT,
    points_for,
    time_used,
    totals,
)
from mathkallos.services.content.rules import grading_settings
from mathkallos.services.grading import Verdict, check_answers


def _check(problem: Problem, answer: str) -> tuple[str, str, str, dict[str, Any]]:
    """What the grading engine needs for one answer: the problem's key, kind and settings."""
    kind = str(problem.kind)
    settings = grading_settings(kind, problem.checker_settings, problem.options)
    return answer, problem.answer_key, kind, settings


def grade(problem: Problem, answer: str) -> Verdict:
    """The grading engine on one answer with the problem's own settings (as the editor's
    "try an answer" box does)."""
    return check_answers([_check(problem, answer)])[0]


def record_feedback(row: AttemptAnswer, verdict: Verdict) -> None:
    """Keep the English text (exports) and the code with its parameters (any language)."""
    row.feedback, row.feedback_code = verdict.feedback, verdict.code
    row.feedback_params = dict(verdict.params)


def verdict_view(verdict: Verdict, points: int) -> VerdictView:
    return VerdictView(
        correct=verdict.correct,
        score=points_for(verdict.score, points) if verdict.status == "checked" else 0.0,
        feedback=verdict.feedback,
        status=verdict.status,
        code=verdict.code,
        params=dict(verdict.params),
        preview_latex=verdict.preview_latex,
        syntax_hints=tuple(verdict.hints),
    )


def apply_totals(session: Session, attempt: Attempt, rows: list[AttemptAnswer]) -> None:
    """Store the attempt's score from its answers (call under the attempt's lock)."""
    result = totals((row.score, row.points, str(row.status)) for row in rows)
    attempt.score, attempt.max_score = result.score, result.max_score
    attempt.provisional = result.provisional
    session.add(attempt)


def _record_exam_verdict(row: AttemptAnswer, verdict: Verdict) -> None:
    row.status = EXAM_STATUS_OF_VERDICT[verdict.status]
    row.correct = verdict.correct if verdict.status == "checked" else None
    row.score = points_for(verdict.score, row.points) if verdict.status == "checked" else None
    if row.status == AnswerStatus.INVALID_INPUT:
        row.score, row.correct = 0.0, False
    record_feedback(row, verdict)
    row.tries += 1  # exactly 1 after submit: a second grading would show here


def _exam_verdicts(
    rows: list[AttemptAnswer], problems: dict[int, Problem], known: dict[tuple[int, str], Verdict]
) -> dict[tuple[int, str], Verdict]:
    """Verdicts for every saved exam answer, reusing those already computed for the same text;
    the rest are graded side by side."""
    wanted = {
        (row.problem_id, row.answer)
        for row in rows
        if row.status == AnswerStatus.SAVED and (row.problem_id, row.answer) not in known
    }
    order = sorted(wanted)
    checks = [_check(problems[problem_id], answer) for problem_id, answer in order]
    return {**known, **dict(zip(order, check_answers(checks), strict=True))}


def finalize(session: Session, attempt_id: int, status: AttemptStatus, now: datetime) -> bool:
    """Close an open attempt as submitted or expired, grading exam answers and publishing
    their events; False if it was already closed by someone else (then nothing is written).
    The caller commits."""
    attempt = session.get(Attempt, attempt_id, populate_existing=True)
    if attempt is None or attempt.status != AttemptStatus.IN_PROGRESS:
        return False
    is_exam = attempt.mode == "exam"
    rows = answer_rows(session, attempt_id)
    problems = problems_by_id(session, [row.problem_id for row in rows])
    verdicts = _exam_verdicts(rows, problems, {}) if is_exam else {}
    claimed = session.exec(  # type: ignore[call-overload]
        update(Attempt)
        .where(col(Attempt.id) == attempt_id, col(Attempt.status) == AttemptStatus.IN_PROGRESS)
        .values(status=status, submitted_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:
        return False
    session.refresh(attempt)
    rows = answer_rows(session, attempt_id)  # answers as they were when the attempt closed
    if is_exam:
        verdicts = _exam_verdicts(rows, problems, verdicts)
        for row in rows:
            if row.status == AnswerStatus.SAVED:
                _record_exam_verdict(row, verdicts[(row.problem_id, row.answer)])
            elif row.status == AnswerStatus.UNANSWERED:
                row.score, row.correct = 0.0, False
            session.add(row)
        attempt.time_spent_seconds = time_used(attempt.started_at, now, attempt.deadline_at)
    apply_totals(session, attempt, rows)
    session.flush()
    announce.closed(session, attempt)
    return True
