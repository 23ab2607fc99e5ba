"""A tiny course for test-runner tests: one practice test and one timed exam over the same
three problems (symbolic, string, proof), each problem's secrets marked so a leak is easy to
spot in any returned value or JSON body."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, col

from mathkallos.models.attempts import Attempt
from mathkallos.models.base import utcnow
from mathkallos.models.content import Problem
from mathkallos.models.users import Role, User
from mathkallos.services import attempts, content
from mathkallos.services.access import Actor
from tests.integration.services.content.factories import make_course, make_problem

# Strings that must never reach a student before the rules allow.
SECRETS = ("ZEBRAKEY", "ALTSECRET", "RUBRICSECRET", "SOLUTIONMARK", "HINTMARK", "alternatives")
SYMBOLIC_KEY = "x^2+2*x"


@dataclass(frozen=True)
class Course:
    id: int
    slug: str
    practice: str
    exam: str
    symbolic: int
    string: int
    proof: int


def build_course(session: Session, teacher: Actor, title: str = "Algebra") -> Course:
    course = make_course(session, teacher, title)
    symbolic = make_problem(
        session,
        teacher,
        course_id=course.id,
        statement="Expand $(x+1)^2 - 1$.",
        kind="symbolic",
        answer_key=SYMBOLIC_KEY,
        hints=["HINTMARK one: open the bracket.", "HINTMARK two: subtract one."],
        solution="SOLUTIONMARK $(x+1)^2-1=x^2+2x$.",
    )
    string = make_problem(
        session,
        teacher,
        course_id=course.id,
        statement="Name the animal.",
        kind="string",
        answer_key="ZEBRAKEY",
        checker_settings={"alternatives": ["ALTSECRET"]},
        hints=[],
        solution="SOLUTIONMARK it is a zebra.",
    )
    proof = make_problem(
        session,
        teacher,
        course_id=course.id,
        statement="Prove that $\\sqrt 2$ is irrational.",
        kind="proof",
        answer_key="RUBRICSECRET: 1 point for assuming p/q in lowest terms, 2 for parity.",
        hints=["HINTMARK: suppose the opposite."],
        solution="SOLUTIONMARK by infinite descent.",
    )
    items = [(symbolic.id, 2), (string.id, 1), (proof.id, 3)]
    slugs = {}
    for mode, duration in (("practice", None), ("exam", 30)):
        test = content.create_test(
            session=session,
            actor=teacher,
            course_id=course.id,
            title=f"{title} {mode}",
            mode=mode,
            duration_minutes=duration,
        )
        content.set_test_problems(session=session, actor=teacher, test_id=test.id, items=items)
        content.set_test_published(session=session, actor=teacher, test_id=test.id, published=True)
        slugs[mode] = test.slug
    session.commit()
    return Course(
        id=course.id,
        slug=course.slug,
        practice=slugs["practice"],
        exam=slugs["exam"],
        symbolic=symbolic.id,
        string=string.id,
        proof=proof.id,
    )


def move_deadline(session: Session, attempt_id: int, minutes_from_now: float) -> None:
    """Pretend the exam started long ago: its server-stored deadline is now in the past."""
    deadline = utcnow() + timedelta(minutes=minutes_from_now)
    session.exec(
        update(Attempt)
        .where(col(Attempt.id) == attempt_id)
        .values(deadline_at=deadline, started_at=deadline - timedelta(minutes=30))
    )
    session.commit()
    session.expire_all()


def course_of_a_fresh_teacher(session: Session) -> Course:
    """A course whose author is nobody the test acts as. For role-matrix rows, where only a
    session is at hand."""
    name = f"t{uuid.uuid4().hex[:10]}"
    author = User(
        email=f"{name}@example.com",
        username=name,
        password_hash="x",
        role=Role.TEACHER,
    )
    session.add(author)
    session.commit()
    return build_course(session, Actor.of(author), title=f"Course {name}")


def submitted_exam_of(session: Session, student: Actor) -> tuple[int, int]:
    """(attempt id, proof answer id): `student` sat an exam of a fresh teacher's course and
    left a proof awaiting review."""
    course = course_of_a_fresh_teacher(session)
    view = attempts.start_exam(
        session=session, actor=student, course_slug=course.slug, test_slug=course.exam
    )
    attempts.save_exam_answer(
        session=session,
        actor=student,
        attempt_id=view.id,
        problem_id=course.proof,
        answer="By contradiction.",
    )
    result = attempts.submit_attempt(session=session, actor=student, attempt_id=view.id)
    session.commit()
    proof = next(p for p in result.problems if p.problem.kind == "proof")
    return view.id, proof.answer_id


def tag_topic(session: Session, course: Course, topic: str = "algebra") -> str:
    """Tag the course's symbolic and string problems with `topic`, so it can be practised."""
    for problem_id in (course.symbolic, course.string):
        problem = session.get(Problem, problem_id)
        assert problem is not None
        problem.topics = [topic]
        session.add(problem)
    session.commit()
    return topic


def topic_practice_of(session: Session, student: Actor) -> int:
    """The id of `student`'s open practice of a topic of a fresh teacher's course."""
    course = course_of_a_fresh_teacher(session)
    view = attempts.start_topic_practice(
        session=session, actor=student, course_slug=course.slug, topic=tag_topic(session, course)
    )
    session.commit()
    return view.id
