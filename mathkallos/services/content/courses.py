"""Authoring courses and their theory sections (teachers: their own courses; admins: all).

Arguments left as None keep their current value. Every write validates first and raises
InvalidInput naming the fields, so nothing is saved half-way.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from mathkallos.models.base import utcnow
from mathkallos.models.content import Course, Section
from mathkallos.services.access import Actor, require_staff
from mathkallos.services.content.catalog import get_course, get_section
from mathkallos.services.content.dto import CourseCard, CourseDetail, SectionView
from mathkallos.services.content.permissions import editable_course
from mathkallos.services.content.rules import (
    FieldIssue,
    issues_for_course,
    issues_for_section,
    raise_invalid,
    slugify,
)
from mathkallos.services.content.views import author_name, course_card
from mathkallos.services.errors import Conflict, InvalidInput, NotFound


def _pick(new: object, old: object) -> object:
    return old if new is None else new


def free_slug(session: Session, model: type, base: str, **scope: int) -> str:
    """`base`, or `base-2`, `base-3`... whichever is not taken within the scope."""
    base = base or "item"
    taken = set(
        session.exec(
            select(model.slug).where(  # type: ignore[attr-defined]
                *(getattr(model, name) == value for name, value in scope.items())
            )
        ).all()
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base[: 120 - len(str(n)) - 1]}-{n}"
    return slug


def slug_taken(session: Session, model: type, slug: str, own_id: int | None, **scope: int) -> bool:
    found = session.exec(
        select(model.id).where(  # type: ignore[attr-defined]
            model.slug == slug,  # type: ignore[attr-defined]
            *(getattr(model, name) == value for name, value in scope.items()),
        )
    ).first()
    return found is not None and found != own_id


def _detail(session: Session, actor: Actor, course: Course) -> CourseDetail:
    return get_course(session=session, actor=actor, slug=course.slug)


def create_course(
    *,
    session: Session,
    actor: Actor | None,
    title: str,
    slug: str | None = None,
    summary: str = "",
    description: str = "",
    syllabus: str = "",
    topics: Sequence[str] = (),
    level: str = "introductory",
    price: int = 0,
) -> CourseDetail:
    """A new unpublished course owned by the actor; an explicit slug must be free."""
    actor = require_staff(actor)
    chosen = slug if slug is not None else free_slug(session, Course, slugify(str(title)))
    issues = issues_for_course(
        title=title, slug=chosen, summary=summary, topics=topics, level=level, price=price
    )
    raise_invalid(issues)
    if slug_taken(session, Course, chosen, None):
        raise Conflict("content.errors.slug_taken", field="slug")
    course = Course(
        title=title.strip(),
        slug=chosen,
        summary=summary,
        description=description,
        syllabus=syllabus,
        topics=list(topics),
        level=level,
        price=price,
        author_id=actor.id,
    )
    session.add(course)
    session.flush()
    return _detail(session, actor, course)


def update_course(
    *,
    session: Session,
    actor: Actor | None,
    course_id: int,
    title: str | None = None,
    slug: str | None = None,
    summary: str | None = None,
    description: str | None = None,
    syllabus: str | None = None,
    topics: Sequence[str] | None = None,
    level: str | None = None,
    price: int | None = None,
) -> CourseDetail:
    course = editable_course(session, actor, course_id)
    assert actor is not None
    new = {
        "title": _pick(title, course.title),
        "slug": _pick(slug, course.slug),
        "summary": _pick(summary, course.summary),
        "topics": _pick(topics, course.topics),
        "level": _pick(level, course.level),
        "price": _pick(price, course.price),
    }
    raise_invalid(issues_for_course(**new))
    if slug_taken(session, Course, str(new["slug"]), course.id):
        raise Conflict("content.errors.slug_taken", field="slug")
    for name, value in new.items():
        setattr(course, name, list(value) if name == "topics" else value)
    course.title = course.title.strip()
    course.description = str(_pick(description, course.description))
    course.syllabus = str(_pick(syllabus, course.syllabus))
    course.updated_at = utcnow()
    session.add(course)
    session.flush()
    return _detail(session, actor, course)


def set_course_published(
    *, session: Session, actor: Actor | None, course_id: int, published: bool
) -> None:
    """Publish (needs at least one section) or take back a course."""
    course = editable_course(session, actor, course_id)
    if published and not _sections(session, course_id):
        raise InvalidInput("content.errors.course_empty", field="sections")
    course.is_published = published
    course.updated_at = utcnow()
    session.add(course)
    session.flush()


def delete_course(*, session: Session, actor: Actor | None, course_id: int) -> None:
    """Delete a course with its sections and tests; its problems stay in the bank."""
    course = editable_course(session, actor, course_id)
    session.delete(course)
    session.flush()


def _sections(session: Session, course_id: int) -> list[Section]:
    return list(
        session.exec(
            select(Section)
            .where(col(Section.course_id) == course_id)
            .order_by(col(Section.position), col(Section.id))
        ).all()
    )


def _section_view(session: Session, actor: Actor, course: Course, section: Section) -> SectionView:
    return get_section(
        session=session, actor=actor, course_slug=course.slug, section_slug=section.slug
    )


def create_section(
    *,
    session: Session,
    actor: Actor | None,
    course_id: int,
    title: str,
    content: str = "",
    slug: str | None = None,
    video_url: str | None = None,
) -> SectionView:
    """Append a section at the end of the course."""
    course = editable_course(session, actor, course_id)
    assert actor is not None
    chosen = (
        slug
        if slug is not None
        else free_slug(session, Section, slugify(str(title)), course_id=course_id)
    )
    issues = issues_for_section(title=title, slug=chosen, video_url=video_url or None)
    if not isinstance(content, str):
        issues.append(FieldIssue("content", "content.errors.wrong_type"))
    raise_invalid(issues)
    if slug_taken(session, Section, chosen, None, course_id=course_id):
        raise Conflict("content.errors.slug_taken", field="slug")
    last = session.exec(
        select(func.max(Section.position)).where(col(Section.course_id) == course_id)
    ).one()
    section = Section(
        course_id=course_id,
        position=(last or 0) + 1,
        title=title.strip(),
        slug=chosen,
        content=content,
        video_url=video_url or None,
    )
    session.add(section)
    session.flush()
    return _section_view(session, actor, course, section)


def _editable_section(session: Session, actor: Actor | None, section_id: int) -> Section:
    require_staff(actor)
    section = session.get(Section, section_id)
    if section is None:
        raise NotFound("errors.not_found")
    editable_course(session, actor, section.course_id)
    return section


def update_section(
    *,
    session: Session,
    actor: Actor | None,
    section_id: int,
    title: str | None = None,
    slug: str | None = None,
    content: str | None = None,
    video_url: str | None = None,
) -> SectionView:
    """Change a section; pass video_url="" to remove the video."""
    section = _editable_section(session, actor, section_id)
    assert actor is not None
    new_title = str(_pick(title, section.title))
    new_slug = str(_pick(slug, section.slug))
    new_video = section.video_url if video_url is None else (video_url or None)
    raise_invalid(issues_for_section(title=new_title, slug=new_slug, video_url=new_video))
    if slug_taken(session, Section, new_slug, section.id, course_id=section.course_id):
        raise Conflict("content.errors.slug_taken", field="slug")
    section.title, section.slug, section.video_url = new_title.strip(), new_slug, new_video
    section.content = str(_pick(content, section.content))
    session.add(section)
    session.flush()
    course = session.get(Course, section.course_id)
    assert course is not None
    return _section_view(session, actor, course, section)


def delete_section(*, session: Session, actor: Actor | None, section_id: int) -> None:
    section = _editable_section(session, actor, section_id)
    session.delete(section)
    session.flush()


def reorder_sections(
    *, session: Session, actor: Actor | None, course_id: int, section_ids: Sequence[int]
) -> None:
    """Put the course's sections in the given order; the list must name each exactly once."""
    editable_course(session, actor, course_id)
    sections = {s.id: s for s in _sections(session, course_id)}
    if sorted(section_ids) != sorted(sections):
        raise InvalidInput("content.errors.order_mismatch", field="section_ids")
    for position, section_id in enumerate(section_ids, start=1):
        sections[section_id].position = position
        session.add(sections[section_id])
    session.flush()


def authored_courses(*, session: Session, actor: Actor | None) -> list[CourseCard]:
    """The teacher's own courses, drafts included (admins: every course), newest first."""
    actor = require_staff(actor)
    query = select(Course).order_by(col(Course.created_at).desc(), col(Course.id).desc())
    if not actor.is_admin:
        query = query.where(col(Course.author_id) == actor.id)
    counts = dict(
        session.exec(select(Section.course_id, func.count()).group_by(col(Section.course_id))).all()
    )
    return [
        course_card(course, counts.get(course.id, 0), author_name(session, course.author_id))
        for course in session.exec(query).all()
    ]


def get_course_for_editing(
    *, session: Session, actor: Actor | None, course_id: int
) -> CourseDetail:
    """The course editor's view, drafts and unpublished tests included: author or admin."""
    course = editable_course(session, actor, course_id)
    return get_course(session=session, actor=actor, slug=course.slug)
