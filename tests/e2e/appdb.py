"""Direct access to the served app's database: set up what a test needs faster than a browser
could, and check afterwards what a page did (or did not) save."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, col, create_engine, select

from mathkallos.models.attempts import Attempt, ProctoringEvent
from mathkallos.models.base import utcnow
from mathkallos.models.users import Role
from mathkallos.services import content
from mathkallos.services.access import Actor
from mathkallos.services.accounts import create_account

PASSWORD = "Olympiad-2026!"


@contextmanager
def app_session(database_url: str) -> Iterator[Session]:
    engine = create_engine(database_url)
    try:
        with Session(engine) as session:
            yield session
            session.commit()
    finally:
        engine.dispose()


def _create(session: Session, role: Role) -> tuple[str, Actor]:
    username = f"{role.value[:3]}{uuid.uuid4().hex[:10]}"
    user = create_account(
        session=session,
        email=f"{username}@example.com",
        username=username,
        full_name=f"{role.value.title()} {username[-4:]}",
        password=PASSWORD,
        role=role,
    )
    return username, Actor(id=user.id, role=role)


def new_user(database_url: str, role: Role = Role.STUDENT) -> str:
    """A fresh account (so tests never share attempts); returns its username."""
    with app_session(database_url) as session:
        return _create(session, role)[0]


def move_deadline_to_past(database_url: str, attempt_id: int) -> None:
    """As if the exam had started long ago: its server-stored deadline has passed."""
    deadline = utcnow() - timedelta(seconds=5)
    with app_session(database_url) as session:
        session.exec(
            update(Attempt)
            .where(col(Attempt.id) == attempt_id)
            .values(deadline_at=deadline, started_at=deadline - timedelta(minutes=30))
        )


def attempt_status(database_url: str, attempt_id: int) -> str:
    with app_session(database_url) as session:
        attempt = session.get(Attempt, attempt_id)
        assert attempt is not None
        return str(attempt.status)


def proctoring_kinds(database_url: str, attempt_id: int) -> list[str]:
    with app_session(database_url) as session:
        events = session.exec(
            select(ProctoringEvent)
            .where(col(ProctoringEvent.attempt_id) == attempt_id)
            .order_by(col(ProctoringEvent.id))
        ).all()
        return [str(event.kind) for event in events]


# One problem of every kind; each secret is a string that appears nowhere else on the page.
@dataclass(frozen=True)
class KindSpec:
    kind: str
    answer_key: str
    secret: str  # a piece of the key no timestamp, id or token can contain by chance
    wrong: str  # what the student types (or the option label clicked)
    settings: dict[str, object]
    options: tuple[dict[str, str], ...] = ()


KINDS: tuple[KindSpec, ...] = (
    KindSpec("numeric", "987654/321", "987654/321", "1", {"abs_tol": 0.000313}),
    KindSpec("symbolic", "x^7 + 4417*x", "4417*x", "x", {}),
    KindSpec("set", "{4111, 4222}", "{4111, 4222}", "{1, 2}", {}),
    KindSpec("tuple", "(5111, 5222)", "(5111, 5222)", "(1, 2)", {}),
    KindSpec("matrix", "[[6111, 6222], [6333, 6444]]", "[6333, 6444]", "[[1, 0], [0, 1]]", {}),
    KindSpec("interval", "[7111, 7222)", "[7111, 7222)", "[0, 1]", {}),
    KindSpec("equation", "x = 8111", "x = 8111", "x = 1", {}),
    KindSpec("complex", "9111 + 9222i", "9222i", "1 + i", {}),
    KindSpec("string", "ZEBRAKEY", "ZEBRAKEY", "lion", {"alternatives": ["ALTSECRET"]}),
    KindSpec(
        "choice",
        "c",
        '"answer_key"',  # a label is no secret string: the field itself must not travel
        "a",
        {},
        (
            {"label": "a", "text": "two"},
            {"label": "b", "text": "three"},
            {"label": "c", "text": "five"},
        ),
    ),
    KindSpec("steps", "y = 3111", "y = 3111", "y = 1", {}),
    KindSpec("proof", "RUBRICSECRET: 2 points for the descent.", "RUBRICSECRET", "Trivial.", {}),
)
# Never shown to a student, not even after the results: checker settings.
SETTINGS_SECRETS = ("0.000313", "ALTSECRET")
HINT_SECRET = "HINTMARK"
SOLUTION_SECRET = "SOLUTIONMARK"


@dataclass(frozen=True)
class KindsCourse:
    slug: str
    practice: str
    exam: str


def every_kind_course(database_url: str) -> KindsCourse:
    """A published course with one problem of each kind in a practice test and in an exam."""
    with app_session(database_url) as session:
        teacher_name, teacher = _create(session, Role.TEACHER)
        course = content.create_course(
            session=session, actor=teacher, title=f"Every kind {teacher_name}"
        )
        content.create_section(
            session=session, actor=teacher, course_id=course.id, title="Intro", content="Hi."
        )
        content.set_course_published(
            session=session, actor=teacher, course_id=course.id, published=True
        )
        problem_ids = []
        for spec in KINDS:
            problem = content.create_problem(
                session=session,
                actor=teacher,
                course_id=course.id,
                statement=f"A problem of the kind *{spec.kind}*: answer it.",
                kind=spec.kind,
                answer_key=spec.answer_key,
                checker_settings=spec.settings,
                options=spec.options,
                hints=[f"{HINT_SECRET} for {spec.kind}"],
                solution=f"{SOLUTION_SECRET} of the {spec.kind} problem.",
                status="published",
            )
            problem_ids.append(problem.id)
        slugs = {}
        for mode, duration in (("practice", None), ("exam", 60)):
            test = content.create_test(
                session=session,
                actor=teacher,
                course_id=course.id,
                title=f"Every kind {mode}",
                mode=mode,
                duration_minutes=duration,
            )
            content.set_test_problems(
                session=session,
                actor=teacher,
                test_id=test.id,
                items=[(pid, 1) for pid in problem_ids],
            )
            content.set_test_published(
                session=session, actor=teacher, test_id=test.id, published=True
            )
            slugs[mode] = test.slug
        return KindsCourse(slug=course.slug, practice=slugs["practice"], exam=slugs["exam"])
