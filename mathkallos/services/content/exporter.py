"""Exporting courses and problems in the import format, so export -> import round-trips.

Exports contain answer keys and solutions: they are for the course's editors only.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from mathkallos.models.content import Problem, Section, Test, TestProblem
from mathkallos.services.access import Actor
from mathkallos.services.content.fileformat import CSV_COLUMNS, FORMAT_NAME, FORMAT_VERSION
from mathkallos.services.content.permissions import editable_course, editable_problem


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "statement": problem.statement,
        "kind": str(problem.kind),
        "answer_key": problem.answer_key,
        "checker_settings": dict(problem.checker_settings),
        "options": [dict(o) for o in problem.options],
        "hints": list(problem.hints),
        "solution": problem.solution,
        "difficulty": problem.difficulty,
        "topics": list(problem.topics),
        "source": problem.source,
        "status": str(problem.status),
    }


def export_course(*, session: Session, actor: Actor | None, course_id: int) -> dict[str, Any]:
    """One course with sections, problems (its own and bank problems its tests use) and tests."""
    course = editable_course(session, actor, course_id)
    sections = session.exec(
        select(Section).where(col(Section.course_id) == course_id).order_by(col(Section.position))
    ).all()
    tests = session.exec(
        select(Test).where(col(Test.course_id) == course_id).order_by(col(Test.position))
    ).all()
    items = session.exec(
        select(TestProblem)
        .where(col(TestProblem.test_id).in_([t.id for t in tests]))
        .order_by(col(TestProblem.position))
    ).all()
    used = {i.problem_id for i in items}
    problems = session.exec(
        select(Problem)
        .where((col(Problem.course_id) == course_id) | col(Problem.id).in_(used))
        .order_by(col(Problem.id))
    ).all()
    refs = {p.id: f"p{n}" for n, p in enumerate(problems, start=1)}
    return {
        "title": course.title,
        "slug": course.slug,
        "summary": course.summary,
        "description": course.description,
        "syllabus": course.syllabus,
        "topics": list(course.topics),
        "level": str(course.level),
        "price": course.price,
        "is_published": course.is_published,
        "sections": [
            {"title": s.title, "slug": s.slug, "content": s.content, "video_url": s.video_url}
            for s in sections
        ],
        "problems": [{"ref": refs[p.id], **_problem(p)} for p in problems],
        "tests": [
            {
                "title": t.title,
                "slug": t.slug,
                "mode": str(t.mode),
                "duration_minutes": t.duration_minutes,
                "pass_score": t.pass_score,
                "is_final": t.is_final,
                "is_published": t.is_published,
                "problems": [
                    {"ref": refs[i.problem_id], "points": i.points}
                    for i in items
                    if i.test_id == t.id
                ],
            }
            for t in tests
        ],
    }


def export_courses_json(*, session: Session, actor: Actor | None, course_ids: Sequence[int]) -> str:
    """A complete import file holding the given courses."""
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "courses": [export_course(session=session, actor=actor, course_id=i) for i in course_ids],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _problems(session: Session, actor: Actor | None, problem_ids: Sequence[int]) -> list[Problem]:
    return [editable_problem(session, actor, problem_id) for problem_id in problem_ids]


def export_problems_json(
    *, session: Session, actor: Actor | None, problem_ids: Sequence[int]
) -> str:
    """Bank problems as an import file (course links are not kept)."""
    problems = _problems(session, actor, problem_ids)
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "problems": [_problem(p) for p in problems],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def export_problems_csv(
    *, session: Session, actor: Actor | None, problem_ids: Sequence[int]
) -> str:
    """Problems as CSV with the import columns (JSON in list cells, `;` between topics)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[c for c in CSV_COLUMNS if c != "course"])
    writer.writeheader()
    for problem in _problems(session, actor, problem_ids):
        row = _problem(problem)
        for name in ("options", "checker_settings", "hints"):
            row[name] = json.dumps(row[name], ensure_ascii=False)
        row["topics"] = "; ".join(row["topics"])
        writer.writerow(row)
    return out.getvalue()
