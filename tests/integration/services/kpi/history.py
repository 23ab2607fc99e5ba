"""Writes raw facts the way the runner and the reader do (rows first, then the event in the
same transaction), so KPI tests go through the same path as the app, without the grading
engine's worker processes; `generate` makes weeks of such history (the rebuild test and
`benchmarks/dashboard.py` use it)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from mathkallos.models.attempts import AnswerStatus, Attempt, AttemptAnswer, AttemptStatus
from mathkallos.models.content import Course, Problem, Section, SectionRead, Test, TestProblem
from mathkallos.models.kpi import (
    AnswerFact,
    DailyMetric,
    ProblemStat,
    TopicStat,
    UserAchievement,
    UserProgress,
)
from mathkallos.models.users import User
from mathkallos.services import events
from mathkallos.services.access import Actor
from mathkallos.services.attempts.rules import practice_score

ZONES = ["Pacific/Auckland", "America/Los_Angeles", "UTC", "Europe/Moscow", "Asia/Kolkata"]
# Every KPI table derived from raw facts (the reading log is a raw fact itself).
DERIVED: list[type[SQLModel]] = [
    AnswerFact, DailyMetric, ProblemStat, TopicStat, UserAchievement, UserProgress,
]
SURROGATE_KEYS = {"id"}


@dataclass
class Content:
    course: Course
    practice: Test
    exam: Test
    problems: list[Problem]
    sections: list[Section] = field(default_factory=list)


def set_timezone(session: Session, user_id: int, zone: str) -> None:
    user = session.get(User, user_id)
    assert user is not None
    user.preferences = {**user.preferences, "timezone": zone}
    session.add(user)
    session.flush()


def make_content(
    session: Session, author_id: int, topics: list[str], *, slug: str = "kpi", per_topic: int = 3
) -> Content:
    course = Course(
        title=f"Course {slug}", slug=slug, topics=topics, is_published=True, author_id=author_id
    )
    session.add(course)
    session.flush()
    sections = [
        Section(course_id=course.id, position=n, title=f"Part {n}", slug=f"part-{n}")
        for n in range(3)
    ]
    practice = Test(
        course_id=course.id,
        title="Practice",
        slug="practice",
        mode="practice",
        is_published=True,
        position=0,
    )
    exam = Test(
        course_id=course.id,
        title="Exam",
        slug="exam",
        mode="exam",
        is_published=True,
        position=1,
        duration_minutes=60,
    )
    session.add_all([*sections, practice, exam])
    problems = []
    for topic in topics:
        for n in range(per_topic):
            kind = "proof" if n == per_topic - 1 and topic == topics[-1] else "numeric"
            problems.append(
                Problem(
                    course_id=course.id,
                    statement=f"{topic} {n}",
                    kind=kind,
                    answer_key="1",
                    difficulty=2 + 3 * n,
                    topics=[topic],
                    status="published",
                    author_id=author_id,
                )
            )
    session.add_all(problems)
    session.flush()
    for position, problem in enumerate(problems):
        for test in (practice, exam):
            session.add(
                TestProblem(
                    test_id=test.id,
                    problem_id=problem.id,
                    position=position,
                    points=2 if problem.kind == "proof" else 1,
                )
            )
    session.flush()
    return Content(course, practice, exam, problems, sections)


def start_attempt(session: Session, user_id: int, test: Test, at: datetime) -> Attempt:
    attempt = Attempt(
        user_id=user_id, course_id=test.course_id, test_id=test.id, mode=test.mode, started_at=at
    )
    session.add(attempt)
    session.flush()
    links = session.exec(
        select(TestProblem)
        .where(col(TestProblem.test_id) == test.id)
        .order_by(col(TestProblem.position))
    ).all()
    for position, link in enumerate(links, start=1):
        session.add(
            AttemptAnswer(
                attempt_id=attempt.id,
                problem_id=link.problem_id,
                position=position,
                points=link.points,
            )
        )
    attempt.max_score = float(sum(link.points for link in links))
    session.add(attempt)
    session.flush()
    return attempt


def rows(session: Session, attempt: Attempt) -> list[AttemptAnswer]:
    return list(
        session.exec(
            select(AttemptAnswer)
            .where(col(AttemptAnswer.attempt_id) == attempt.id)
            .order_by(col(AttemptAnswer.position))
        ).all()
    )


def _totals(session: Session, attempt: Attempt) -> None:
    answers = rows(session, attempt)
    attempt.score = round(sum(r.score or 0.0 for r in answers), 4)
    attempt.provisional = any(r.status == AnswerStatus.NEEDS_REVIEW for r in answers)
    session.add(attempt)


def practice_try(
    session: Session,
    attempt: Attempt,
    row: AttemptAnswer,
    *,
    at: datetime,
    correct: bool,
    seconds: int = 60,
    hints: int = 0,
) -> None:
    """A counted practice try as `submit_practice_answer` records it (a proof awaits review
    again, keeping its reviewed score; the best try counts; a given-up problem scores 0); the
    event follows the row change."""
    row.tries += 1
    row.saved_at = at
    row.hints_used = max(row.hints_used, hints)
    row.time_spent_seconds += seconds
    if row.problem_id and session.get(Problem, row.problem_id).kind == "proof":
        row.status = AnswerStatus.NEEDS_REVIEW
        row.correct = bool(row.correct)
        row.score = practice_score(row.score, 0.0, given_up=row.given_up)
    else:
        row.status = AnswerStatus.CHECKED
        row.correct = bool(row.correct) or correct
        earned = float(row.points) if correct else 0.0
        row.score = practice_score(row.score, earned, given_up=row.given_up)
    session.add(row)
    session.flush()
    _totals(session, attempt)
    session.flush()
    events.publish(
        session,
        events.ProblemAnswered(
            user_id=attempt.user_id,
            problem_id=row.problem_id,
            attempt_id=attempt.id,
            correct=bool(row.correct),
            score=(row.score or 0.0) / row.points,
            time_spent_seconds=seconds,
            hints_used=row.hints_used,
            at=at,
        ),
    )


def reveal_hint(session: Session, attempt: Attempt, row: AttemptAnswer, *, at: datetime) -> None:
    """A hint revealed, maybe after the last graded try."""
    row.hints_used += 1
    session.add(row)
    session.flush()
    _changed(session, attempt, row, at)


def give_up(session: Session, attempt: Attempt, row: AttemptAnswer, *, at: datetime) -> None:
    row.given_up, row.solution_revealed, row.score = True, True, 0.0
    session.add(row)
    session.flush()
    _totals(session, attempt)
    session.flush()
    _changed(session, attempt, row, at)


def _changed(session: Session, attempt: Attempt, row: AttemptAnswer, at: datetime) -> None:
    events.publish(
        session,
        events.AnswerChanged(
            user_id=attempt.user_id, attempt_id=attempt.id, answer_id=row.id, at=at
        ),
    )


def save_exam_answer(row: AttemptAnswer, *, at: datetime, correct: bool, seconds: int) -> None:
    row.answer = "1" if correct else "2"
    row.saved_at, row.status = at, AnswerStatus.SAVED
    row.time_spent_seconds += seconds


def close(
    session: Session,
    attempt: Attempt,
    *,
    at: datetime,
    status: AttemptStatus = AttemptStatus.SUBMITTED,
) -> None:
    """Submit (or expire) the attempt: exam answers are graded, then the attempt's event is
    published (an exam's answers count with it)."""
    attempt.status, attempt.submitted_at = status, at
    is_exam = attempt.mode == "exam"
    answers = rows(session, attempt)
    for row in answers:
        if not is_exam:
            continue
        proof = session.get(Problem, row.problem_id).kind == "proof"
        if row.status == AnswerStatus.SAVED and proof:
            row.status, row.correct, row.score = AnswerStatus.NEEDS_REVIEW, None, None
        elif row.status == AnswerStatus.SAVED:
            row.status, row.correct = AnswerStatus.CHECKED, row.answer == "1"
            row.score = float(row.points) if row.correct else 0.0
        else:
            row.score, row.correct = 0.0, False
        row.tries = 1
        session.add(row)
    session.flush()
    if is_exam:
        attempt.time_spent_seconds = int((at - attempt.started_at).total_seconds())
    _totals(session, attempt)
    session.flush()
    events.publish(
        session,
        events.AttemptSubmitted(
            user_id=attempt.user_id,
            attempt_id=attempt.id,
            test_id=attempt.test_id,
            mode=attempt.mode,
            score=attempt.score,
            max_score=attempt.max_score,
            time_spent_seconds=attempt.time_spent_seconds,
            at=at,
        ),
    )


def review(
    session: Session, attempt: Attempt, row: AttemptAnswer, *, score: float, at: datetime
) -> None:
    row.score, row.correct = score, score >= row.points
    row.status, row.reviewed_at = AnswerStatus.REVIEWED, at
    session.add(row)
    session.flush()
    _totals(session, attempt)
    session.flush()
    events.publish(
        session,
        events.AnswerReviewed(
            user_id=attempt.user_id, attempt_id=attempt.id, answer_id=row.id, score=score, at=at
        ),
    )


def read_section(
    session: Session, user_id: int, section: Section, *, at: datetime, seconds: int
) -> None:
    known = session.exec(
        select(SectionRead).where(
            col(SectionRead.user_id) == user_id, col(SectionRead.section_id) == section.id
        )
    ).first()
    if known is None:
        session.add(SectionRead(user_id=user_id, section_id=section.id, read_at=at))
        session.flush()
    events.publish(
        session,
        events.SectionRead(
            user_id=user_id,
            section_id=section.id,
            course_id=section.course_id,
            time_spent_seconds=seconds,
            at=at,
        ),
    )


def generate(
    session: Session,
    rng: random.Random,
    students: Sequence[Actor],
    content: Content,
    *,
    days: int = 40,
    start: datetime = datetime(2026, 3, 1, tzinfo=UTC),
) -> None:
    """Weeks of study around local midnights and DST changes (from 1 March 2026): practice with
    retries, hints (some after the last try) and give-ups, exams submitted or expired, proofs
    reviewed days later (some twice, some answered again in practice after review), reading.
    Commits once a day."""
    pending_reviews: list[tuple[Attempt, AttemptAnswer]] = []
    open_practice: dict[int, Attempt] = {}  # one open attempt per student and test: resumed
    for day in range(days):
        for student in students:
            if rng.random() < 0.35:
                continue
            # hours chosen to straddle midnight in Auckland (11-12 UTC) and LA (7-8 UTC)
            at = start + timedelta(
                days=day, hours=rng.choice([6, 7, 8, 10, 11, 12, 23]), minutes=rng.randrange(60)
            )
            roll = rng.random()
            if roll < 0.5:
                attempt = open_practice.pop(student.id, None) or start_attempt(
                    session, student.id, content.practice, at
                )
                for row in rng.sample(rows(session, attempt), rng.randint(1, 5)):
                    for _ in range(rng.choice([1, 1, 2, 3])):  # retries follow at once
                        at += timedelta(minutes=rng.randint(1, 9))
                        practice_try(session, attempt, row, at=at, correct=rng.random() < 0.7,
                                     seconds=rng.randint(0, 600), hints=rng.randint(0, 2))
                    if row.status == AnswerStatus.NEEDS_REVIEW and rng.random() < 0.5:
                        pending_reviews.append((attempt, row))
                    elif rng.random() < 0.1:
                        reveal_hint(session, attempt, row, at=at)
                    elif rng.random() < 0.05:
                        give_up(session, attempt, row, at=at)
                if rng.random() < 0.6:
                    close(session, attempt, at=at + timedelta(minutes=1))
                else:
                    open_practice[student.id] = attempt
            elif roll < 0.75:
                attempt = start_attempt(session, student.id, content.exam, at)
                for row in rows(session, attempt):
                    if rng.random() < 0.85:
                        save_exam_answer(row, at=at, correct=rng.random() < 0.6,
                                         seconds=rng.randint(10, 600))
                status = rng.choice([AttemptStatus.SUBMITTED, AttemptStatus.EXPIRED])
                close(session, attempt, at=at + timedelta(minutes=rng.randint(5, 70)),
                      status=status)
                pending_reviews += [(attempt, r) for r in rows(session, attempt)
                                    if r.status == AnswerStatus.NEEDS_REVIEW]
            else:
                section = rng.choice(content.sections)
                read_section(session, student.id, section, at=at,
                             seconds=rng.randint(0, 1_500))
            # proofs are reviewed days later, some twice
            for attempt, row in list(pending_reviews):
                if rng.random() < 0.3:
                    review(session, attempt, row, score=float(rng.randint(0, row.points)),
                           at=at + timedelta(hours=1))
                    if rng.random() < 0.7:
                        pending_reviews.remove((attempt, row))
        session.commit()


def _normal(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    return value


def snapshot(session: Session) -> dict[str, list[tuple]]:
    """Every derived KPI row as sorted tuples of all its columns (surrogate ids left out)."""
    session.expire_all()
    result = {}
    for model in DERIVED:
        columns = [c.name for c in model.__table__.columns if c.name not in SURROGATE_KEYS]
        found = [
            tuple(_normal(getattr(row, name)) for name in columns)
            for row in session.exec(select(model)).all()
        ]
        result[model.__tablename__] = sorted(found, key=repr)
    return result
