"""The problem bank: authoring (with the grading engine validating every key), the student
view without keys, the editor's key preview and its "try an answer" box."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from mathkallos.models.base import utcnow
from mathkallos.models.content import Course, Problem, ProblemKind
from mathkallos.services.access import Actor, require_staff
from mathkallos.services.content.dto import KeyPreview, Page, ProblemAuthoring, ProblemPublic
from mathkallos.services.content.permissions import (
    editable_course,
    editable_problem,
    problem_visibility,
)
from mathkallos.services.content.rules import grading_settings, issues_for_problem, raise_invalid
from mathkallos.services.content.search import has_topic, problem_matches
from mathkallos.services.content.views import problem_authoring, problem_public
from mathkallos.services.errors import InvalidInput, NotFound
from mathkallos.services.grading import Verdict, check_answer, preview, validate_key

MAX_PER_PAGE = 100
_FIELDS = (
    "statement",
    "kind",
    "answer_key",
    "checker_settings",
    "options",
    "hints",
    "solution",
    "difficulty",
    "topics",
    "source",
    "status",
)


def _validated(values: dict[str, Any]) -> dict[str, Any]:
    """Normalise list-like fields and raise InvalidInput for every broken rule."""
    values = dict(values)
    for name in ("options", "hints", "topics"):
        if isinstance(values[name], tuple):
            values[name] = list(values[name])
    if values["options"] and all(hasattr(o, "label") for o in values["options"]):
        values["options"] = [{"label": o.label, "text": o.text} for o in values["options"]]
    raise_invalid(issues_for_problem(**values))
    return values


def create_problem(
    *,
    session: Session,
    actor: Actor | None,
    statement: str,
    kind: str,
    answer_key: str,
    checker_settings: dict[str, Any] | None = None,
    options: Sequence[dict[str, str]] = (),
    hints: Sequence[str] = (),
    solution: str = "",
    difficulty: int = 5,
    topics: Sequence[str] = (),
    source: str = "",
    status: str = "draft",
    course_id: int | None = None,
) -> ProblemAuthoring:
    """A new problem owned by the actor, in the bank or in a course the actor may edit."""
    actor = require_staff(actor)
    if course_id is not None:
        editable_course(session, actor, course_id)
    values = _validated(
        {
            "statement": statement,
            "kind": kind,
            "answer_key": answer_key,
            "checker_settings": checker_settings or {},
            "options": options,
            "hints": hints,
            "solution": solution,
            "difficulty": difficulty,
            "topics": topics,
            "source": source,
            "status": status,
        }
    )
    problem = Problem(**values, course_id=course_id, author_id=actor.id)
    session.add(problem)
    session.flush()
    return problem_authoring(problem)


def update_problem(
    *,
    session: Session,
    actor: Actor | None,
    problem_id: int,
    statement: str | None = None,
    kind: str | None = None,
    answer_key: str | None = None,
    checker_settings: dict[str, Any] | None = None,
    options: Sequence[dict[str, str]] | None = None,
    hints: Sequence[str] | None = None,
    solution: str | None = None,
    difficulty: int | None = None,
    topics: Sequence[str] | None = None,
    source: str | None = None,
    status: str | None = None,
) -> ProblemAuthoring:
    """Change a problem; None keeps a field. The key is re-validated against the kind."""
    problem = editable_problem(session, actor, problem_id)
    given = {
        "statement": statement,
        "kind": kind,
        "answer_key": answer_key,
        "checker_settings": checker_settings,
        "options": options,
        "hints": hints,
        "solution": solution,
        "difficulty": difficulty,
        "topics": topics,
        "source": source,
        "status": status,
    }
    values = _validated(
        {name: getattr(problem, name) if given[name] is None else given[name] for name in _FIELDS}
    )
    for name, value in values.items():
        setattr(problem, name, value)
    problem.updated_at = utcnow()
    session.add(problem)
    session.flush()
    return problem_authoring(problem)


def set_problem_status(
    *, session: Session, actor: Actor | None, problem_id: int, status: str
) -> ProblemAuthoring:
    """Draft, verified or published; only verified/published problems reach students."""
    return update_problem(session=session, actor=actor, problem_id=problem_id, status=status)


def delete_problem(*, session: Session, actor: Actor | None, problem_id: int) -> None:
    """Delete a problem; tests that used it lose that item."""
    problem = editable_problem(session, actor, problem_id)
    session.delete(problem)
    session.flush()


def get_problem_authoring(
    *, session: Session, actor: Actor | None, problem_id: int
) -> ProblemAuthoring:
    """The editor's full view, key included: the author or an admin only."""
    return problem_authoring(editable_problem(session, actor, problem_id))


def _visible(actor: Actor | None) -> SelectOfScalar[Problem]:
    return (
        select(Problem)
        .join(Course, col(Problem.course_id) == col(Course.id), isouter=True)
        .where(problem_visibility(actor))
    )


def get_problem(*, session: Session, actor: Actor | None, problem_id: int) -> ProblemPublic:
    """A problem as students see it (verified or published, in a published course or bank)."""
    problem = session.exec(_visible(actor).where(col(Problem.id) == problem_id)).first()
    if problem is None:
        raise NotFound("errors.not_found")
    return problem_public(problem)


def list_problems(
    *,
    session: Session,
    actor: Actor | None,
    course_id: int | None = None,
    topic: str | None = None,
    kind: str | None = None,
    min_difficulty: int = 1,
    max_difficulty: int = 10,
    query: str = "",
    page: int = 1,
    per_page: int = 20,
) -> Page[ProblemPublic]:
    """The bank as the actor may see it, easiest first."""
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise InvalidInput("content.errors.paging", field="page")
    statement = _visible(actor).where(
        col(Problem.difficulty) >= min_difficulty, col(Problem.difficulty) <= max_difficulty
    )
    if course_id is not None:
        statement = statement.where(col(Problem.course_id) == course_id)
    if kind:
        statement = statement.where(col(Problem.kind) == kind)
    if query.strip():
        statement = statement.where(col(Problem.id).in_(problem_matches(session, query)))
    if topic:
        statement = statement.where(has_topic(col(Problem.topics), topic))
    total = session.exec(select(func.count()).select_from(statement.subquery())).one()
    rows = session.exec(
        statement.order_by(col(Problem.difficulty), col(Problem.id))
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return Page(
        items=[problem_public(p) for p in rows], total=int(total), page=page, per_page=per_page
    )


def preview_key(
    *,
    actor: Actor | None,
    kind: str,
    answer_key: str,
    checker_settings: dict[str, Any] | None = None,
    options: Sequence[dict[str, str]] = (),
) -> KeyPreview:
    """The key as the checker reads it (LaTeX) plus any errors, for the editor's live preview."""
    require_staff(actor)
    settings = grading_settings(kind, checker_settings or {}, list(options))
    errors = validate_key(answer_key, kind, **settings)
    math_kinds = set(ProblemKind) - {ProblemKind.STRING, ProblemKind.CHOICE, ProblemKind.PROOF}
    latex = preview(answer_key).latex if kind in math_kinds and not errors else ""
    return KeyPreview(latex=latex, errors=errors)


def try_answer(
    *,
    session: Session,
    actor: Actor | None,
    answer: str,
    problem_id: int | None = None,
    kind: str | None = None,
    answer_key: str | None = None,
    checker_settings: dict[str, Any] | None = None,
    options: Sequence[dict[str, str]] = (),
) -> Verdict:
    """Run the real checker on a trial answer: against a saved problem (author or admin) or
    against the unsaved draft fields given here."""
    require_staff(actor)
    if problem_id is not None:
        problem = editable_problem(session, actor, problem_id)
        kind, answer_key = str(problem.kind), problem.answer_key
        checker_settings, options = problem.checker_settings, problem.options
    if kind is None or answer_key is None:
        raise InvalidInput("content.errors.required", field="answer_key")
    settings = grading_settings(kind, checker_settings or {}, list(options))
    errors = validate_key(answer_key, kind, **settings)
    if errors:
        raise InvalidInput("content.errors.key_invalid", field="answer_key", detail=errors[0])
    if not answer.strip():
        raise InvalidInput("content.errors.required", field="answer")
    return check_answer(answer, answer_key, kind, **settings)


def course_problems(
    *, session: Session, actor: Actor | None, course_id: int
) -> list[ProblemAuthoring]:
    """Every problem of a course the actor may edit, drafts included, for the course editor."""
    editable_course(session, actor, course_id)
    rows = session.exec(
        select(Problem).where(col(Problem.course_id) == course_id).order_by(col(Problem.id))
    ).all()
    return [problem_authoring(problem) for problem in rows]
