"""Writes raw facts the way the runner and the reader do (rows first, then the event in the
same transaction), so KPI tests go through the same path as the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, select

from mathkallos.models.attempts import AnswerStatus, Attempt, AttemptAnswer, AttemptStatus
from mathkallos.models.content import Course, Problem, Section, SectionRead, Test, TestProblem
from mathkallos.models.users import User
from mathkallos.services import events


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


def start(session: Session, user_id: int, test: Test, at: datetime) -> Attempt:
    attempt = Attempt(user_id=user_id, test_id=test.id, mode=test.mode, started_at=at)
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
    """A counted practice try: checked now; the event follows the row change."""
    row.tries += 1
    row.saved_at = at
    row.hints_used = max(row.hints_used, hints)
    row.time_spent_seconds += seconds
    if row.problem_id and session.get(Problem, row.problem_id).kind == "proof":
        row.status = AnswerStatus.NEEDS_REVIEW
        row.correct, row.score = False, 0.0
    else:
        row.status = AnswerStatus.CHECKED
        row.correct = bool(row.correct) or correct
        row.score = float(row.points) if row.correct else 0.0
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
    """Submit (or expire) the attempt: exam answers are graded, each answer's event is
    published in position order, then the attempt's."""
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
    if is_exam:
        for row in answers:
            events.publish(
                session,
                events.ProblemAnswered(
                    user_id=attempt.user_id,
                    problem_id=row.problem_id,
                    attempt_id=attempt.id,
                    correct=bool(row.correct),
                    score=(row.score or 0.0) / row.points,
                    time_spent_seconds=row.time_spent_seconds,
                    hints_used=0,
                    at=at,
                ),
            )
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
