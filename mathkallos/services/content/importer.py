"""Importing content files all-or-nothing, with every bad row named.

Rows are written through the same authoring services the editor uses (so the rules cannot
disagree), inside a savepoint; every row is tried, every error is collected, and when any row is
bad the savepoint is rolled back, so the database is exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlmodel import Session, col, select

from mathkallos.models.content import Course
from mathkallos.services.access import Actor, require_staff
from mathkallos.services.content.courses import create_course, create_section, set_course_published
from mathkallos.services.content.dto import ImportIssue, ImportReport
from mathkallos.services.content.fileformat import (
    Item,
    Parsed,
    parse_json,
    parse_upload,
    read_file,
)
from mathkallos.services.content.permissions import editable_course
from mathkallos.services.content.problems import create_problem
from mathkallos.services.content.rules import (
    FieldIssue,
    issues_for_problem,
    issues_for_section,
    issues_for_test,
)
from mathkallos.services.content.tests_admin import (
    create_test,
    set_test_problems,
    set_test_published,
)
from mathkallos.services.errors import DomainError, InvalidInput, NotFound

T = TypeVar("T")
COURSE_FIELDS = ("title", "slug", "summary", "description", "syllabus", "topics", "level", "price")
SECTION_FIELDS = ("title", "slug", "content", "video_url")
PROBLEM_FIELDS = (
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
TEST_FIELDS = ("title", "slug", "mode", "duration_minutes", "pass_score", "is_final")
_PROBLEM_DEFAULTS: dict[str, Any] = {
    "statement": "",
    "kind": "",
    "answer_key": "",
    "checker_settings": {},
    "options": [],
    "hints": [],
    "solution": "",
    "difficulty": 5,
    "topics": [],
    "source": "",
    "status": "draft",
}


class _Run:
    """Collects issues while rows are written; a failed row is recorded, not raised."""

    def __init__(self, session: Session, actor: Actor) -> None:
        self.session, self.actor = session, actor
        self.issues: list[ImportIssue] = []
        self.created = {"courses": 0, "sections": 0, "problems": 0, "tests": 0}

    def note(self, row: int, path: str, issues: list[FieldIssue]) -> None:
        self.issues += [ImportIssue(row, f"{path}.{i.field}", i.message, i.detail) for i in issues]

    def attempt(self, row: int, path: str, call: Callable[[], T]) -> T | None:
        try:
            return call()
        except DomainError as error:
            parts = error.errors if isinstance(error, InvalidInput) and error.errors else [error]
            for part in parts:
                detail = str(part.params.get("detail", ""))
                field = f"{path}.{part.field}" if part.field else path
                self.issues.append(ImportIssue(row, field, part.message_id, detail))
            return None


def _fields(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: data[name] for name in names if name in data}


def _unknown(run: _Run, item: Item, allowed: set[str]) -> None:
    for name in sorted(set(item.data) - allowed):
        run.issues.append(
            ImportIssue(item.row, f"{item.path}.{name}", "content.errors.field_unknown")
        )


def _children(item: Item, name: str, run: _Run) -> list[Item]:
    entries = item.data.get(name, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        run.issues.append(ImportIssue(item.row, f"{item.path}.{name}", "content.errors.wrong_type"))
        return []
    return [Item(n, f"{item.path}.{name}[{n}]", e) for n, e in enumerate(entries, start=1)]


def _check_only(run: _Run, sections: list[Item], problems: list[Item], tests: list[Item]) -> None:
    """Rows of a course that could not be created still get every rule checked."""
    for s in sections:
        issues = issues_for_section(
            title=s.data.get("title", ""),
            slug=s.data.get("slug", "auto"),
            video_url=s.data.get("video_url") or None,
        )
        run.note(s.row, s.path, issues)
    for p in problems:
        run.note(
            p.row,
            p.path,
            issues_for_problem(**{**_PROBLEM_DEFAULTS, **_fields(p.data, PROBLEM_FIELDS)}),
        )
    for t in tests:
        issues = issues_for_test(
            title=t.data.get("title", ""),
            slug=t.data.get("slug", "auto"),
            mode=t.data.get("mode", "practice"),
            duration_minutes=t.data.get("duration_minutes"),
            pass_score=t.data.get("pass_score", 60),
        )
        run.note(t.row, t.path, issues)


def _import_course(run: _Run, item: Item) -> None:
    _unknown(run, item, {*COURSE_FIELDS, "is_published", "sections", "problems", "tests"})
    sections, problems = _children(item, "sections", run), _children(item, "problems", run)
    tests = _children(item, "tests", run)
    kwargs = _fields(item.data, COURSE_FIELDS)
    course = run.attempt(
        item.row,
        item.path,
        lambda: create_course(session=run.session, actor=run.actor, **{"title": "", **kwargs}),
    )
    if course is None:
        _check_only(run, sections, problems, tests)
        return
    run.created["courses"] += 1
    for section in sections:
        _unknown(run, section, set(SECTION_FIELDS))
        done = run.attempt(
            section.row,
            section.path,
            lambda s=section: create_section(
                session=run.session,
                actor=run.actor,
                course_id=course.id,
                **{"title": "", **_fields(s.data, SECTION_FIELDS)},
            ),
        )
        run.created["sections"] += done is not None
    refs = _import_problems(run, problems, course.id)
    for test in tests:
        _import_test(run, test, course.id, refs)
    if item.data.get("is_published"):
        run.attempt(
            item.row,
            f"{item.path}.is_published",
            lambda: set_course_published(
                session=run.session, actor=run.actor, course_id=course.id, published=True
            ),
        )


def _import_problems(run: _Run, items: list[Item], course_id: int | None) -> dict[str, int]:
    """Create problems; returns their refs (explicit `ref`, else the 1-based number) -> id."""
    refs: dict[str, int] = {}
    allowed = {*PROBLEM_FIELDS, "ref"} | ({"course"} if course_id is None else set())
    for item in items:
        _unknown(run, item, allowed)
        target = course_id
        if course_id is None and item.data.get("course"):
            target = run.attempt(item.row, f"{item.path}.course", lambda i=item: _course_id(run, i))
            if target is None:
                continue
        problem = run.attempt(
            item.row,
            item.path,
            lambda i=item, c=target: create_problem(
                session=run.session,
                actor=run.actor,
                course_id=c,
                **{**_PROBLEM_DEFAULTS, **_fields(i.data, PROBLEM_FIELDS)},
            ),
        )
        if problem is not None:
            run.created["problems"] += 1
            refs[str(item.data.get("ref", item.row))] = problem.id
    return refs


def _course_id(run: _Run, item: Item) -> int:
    slug = item.data["course"]
    found = run.session.exec(select(Course.id).where(col(Course.slug) == slug)).first()
    if found is None:
        raise NotFound("content.errors.course_unknown", field="course")
    return editable_course(run.session, run.actor, found).id or 0


def _import_test(run: _Run, item: Item, course_id: int, refs: dict[str, int]) -> None:
    _unknown(run, item, {*TEST_FIELDS, "is_published", "problems"})
    test = run.attempt(
        item.row,
        item.path,
        lambda: create_test(
            session=run.session,
            actor=run.actor,
            course_id=course_id,
            **{"title": "", **_fields(item.data, TEST_FIELDS)},
        ),
    )
    if test is None:
        return
    run.created["tests"] += 1
    entries = item.data.get("problems", [])
    pairs: list[tuple[int, int]] = []
    for number, entry in enumerate(entries if isinstance(entries, list) else [None], start=1):
        path = f"{item.path}.problems[{number}]"
        if not isinstance(entry, dict) or str(entry.get("ref")) not in refs:
            run.issues.append(ImportIssue(number, f"{path}.ref", "content.errors.problem_unknown"))
            continue
        pairs.append((refs[str(entry["ref"])], entry.get("points", 1)))
    if len(pairs) != len(entries if isinstance(entries, list) else [None]):
        return
    run.attempt(
        item.row,
        f"{item.path}.problems",
        lambda: set_test_problems(
            session=run.session, actor=run.actor, test_id=test.id, items=pairs
        ),
    )
    if item.data.get("is_published"):
        run.attempt(
            item.row,
            f"{item.path}.is_published",
            lambda: set_test_published(
                session=run.session, actor=run.actor, test_id=test.id, published=True
            ),
        )


def import_parsed(*, session: Session, actor: Actor | None, parsed: Parsed) -> ImportReport:
    """Write parsed rows all-or-nothing; the report lists created counts or every issue."""
    actor = require_staff(actor)
    if parsed.issues:
        return ImportReport(created={}, errors=list(parsed.issues))
    run = _Run(session, actor)
    savepoint = session.begin_nested()
    for course in parsed.courses:
        _import_course(run, course)
    _import_problems(run, parsed.problems, None)
    if run.issues:
        savepoint.rollback()
        return ImportReport(created={}, errors=run.issues)
    savepoint.commit()
    return ImportReport(created=run.created, errors=[])


def import_file(*, session: Session, actor: Actor | None, path: Path | str) -> ImportReport:
    """Import a .json (courses and/or problems) or .csv (problems) file; see content-format."""
    require_staff(actor)
    return import_parsed(session=session, actor=actor, parsed=read_file(Path(path)))


def import_upload(
    *, session: Session, actor: Actor | None, filename: str, data: bytes
) -> ImportReport:
    """Import a file uploaded in the browser, parsed exactly as `import_file` parses disk files."""
    require_staff(actor)
    return import_parsed(session=session, actor=actor, parsed=parse_upload(filename, data))


def import_json_text(*, session: Session, actor: Actor | None, text: str) -> ImportReport:
    """Import JSON given as text (an upload in the browser)."""
    require_staff(actor)
    return import_parsed(session=session, actor=actor, parsed=parse_json(text))
