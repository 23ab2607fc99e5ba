"""Small builders for content in tests: a published course with a section and problems."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from mathkallos.services import content
from mathkallos.services.access import Actor
from mathkallos.services.content.dto import CourseDetail


def make_course(
    session: Session,
    actor: Actor,
    title: str,
    *,
    published: bool = True,
    sections: int = 1,
    **fields: Any,
) -> CourseDetail:
    course = content.create_course(session=session, actor=actor, title=title, **fields)
    for n in range(1, sections + 1):
        content.create_section(
            session=session,
            actor=actor,
            course_id=course.id,
            title=f"Part {n}",
            content=f"Theory $x^{n}$",
        )
    if published:
        content.set_course_published(
            session=session, actor=actor, course_id=course.id, published=True
        )
    session.commit()
    return content.get_course(session=session, actor=actor, slug=course.slug)


def make_problem(session: Session, actor: Actor, **fields: Any) -> Any:
    values: dict[str, Any] = {
        "statement": "Compute $2+2$.",
        "kind": "numeric",
        "answer_key": "4",
        "hints": ["Count on your fingers."],
        "solution": "It is 4.",
        "difficulty": 2,
        "status": "published",
    }
    values.update(fields)
    problem = content.create_problem(session=session, actor=actor, **values)
    session.commit()
    return problem
