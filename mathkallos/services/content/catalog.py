"""What students and visitors do with courses: browse, open, read, enrol, track progress."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from mathkallos.models.base import utcnow
from mathkallos.models.content import Course, CourseLevel, Enrollment, Section, SectionRead, Test
from mathkallos.models.users import User
from mathkallos.services import events
from mathkallos.services.access import Actor, require_actor
from mathkallos.services.content.dto import CourseCard, CourseDetail, Page, SectionLink, SectionView
from mathkallos.services.content.permissions import can_edit, course_visibility, visible_course
from mathkallos.services.content.search import course_matches, has_topic
from mathkallos.services.content.views import author_name, course_card, summarize_test
from mathkallos.services.errors import InvalidInput, NotFound, PermissionDenied

Sort = Literal["relevance", "newest", "title", "level"]
Price = Literal["free", "paid"]
MAX_PER_PAGE = 100
_LEVEL_ORDER = case(
    {level.value: rank for rank, level in enumerate(CourseLevel)}, value=col(Course.level), else_=99
)


def list_courses(
    *,
    session: Session,
    actor: Actor | None,
    query: str = "",
    topic: str | None = None,
    level: str | None = None,
    price: Price | None = None,
    sort: Sort | None = None,
    page: int = 1,
    per_page: int = 12,
) -> Page[CourseCard]:
    """The catalog: published courses (staff also their own drafts), filtered and paged.

    With a query the default order is relevance; otherwise newest first.
    """
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise InvalidInput("content.errors.paging", field="page")
    if level is not None and level not in {lvl.value for lvl in CourseLevel}:
        raise InvalidInput("content.errors.level_unknown", field="level")
    conditions = [course_visibility(actor)]
    ranks: dict[int, float] = {}
    if query.strip():
        ranks = course_matches(session, query)
        conditions.append(col(Course.id).in_(ranks))
    if topic:
        conditions.append(has_topic(col(Course.topics), topic))
    if level:
        conditions.append(col(Course.level) == level)
    if price == "free":
        conditions.append(col(Course.price) == 0)
    elif price == "paid":
        conditions.append(col(Course.price) > 0)
    total = session.exec(select(func.count()).select_from(Course).where(*conditions)).one()
    sort = sort or ("relevance" if ranks else "newest")
    sections = (
        select(func.count(col(Section.id)))
        .where(col(Section.course_id) == col(Course.id))
        .scalar_subquery()
    )
    statement = (
        select(Course, sections, User.full_name, User.username)
        .join(User, col(Course.author_id) == col(User.id), isouter=True)
        .where(*conditions)
    )
    if sort == "relevance" and ranks:
        rows = session.exec(statement).all()
        rows = sorted(rows, key=lambda row: (-ranks.get(row[0].id, 0.0), row[0].title))
        rows = rows[(page - 1) * per_page : page * per_page]
    else:
        order = {
            "title": (col(Course.title), col(Course.id)),
            "level": (_LEVEL_ORDER, col(Course.title)),
        }.get(sort, (col(Course.created_at).desc(), col(Course.id).desc()))
        rows = session.exec(
            statement.order_by(*order).offset((page - 1) * per_page).limit(per_page)
        ).all()
    items = [course_card(c, count, full or username or "") for c, count, full, username in rows]
    return Page(items=items, total=int(total), page=page, per_page=per_page)


def _read_section_ids(session: Session, actor: Actor | None, course_id: int) -> set[int]:
    if actor is None:
        return set()
    return set(
        session.exec(
            select(SectionRead.section_id)
            .join(Section, col(Section.id) == col(SectionRead.section_id))
            .where(col(SectionRead.user_id) == actor.id, col(Section.course_id) == course_id)
        ).all()
    )


def _sections(session: Session, course_id: int) -> list[Section]:
    return list(
        session.exec(
            select(Section)
            .where(col(Section.course_id) == course_id)
            .order_by(col(Section.position), col(Section.id))
        ).all()
    )


def _percent(read: int, total: int) -> int:
    return round(100 * read / total) if total else 0


def _is_enrolled(session: Session, actor: Actor | None, course_id: int) -> bool:
    if actor is None:
        return False
    return (
        session.exec(
            select(Enrollment.id).where(
                col(Enrollment.user_id) == actor.id, col(Enrollment.course_id) == course_id
            )
        ).first()
        is not None
    )


def get_course(*, session: Session, actor: Actor | None, slug: str) -> CourseDetail:
    """The course page; drafts read as NotFound to those who may not edit them."""
    course = visible_course(session, actor, slug)
    assert course.id is not None
    editor = can_edit(actor, course.author_id)
    sections = _sections(session, course.id)
    read = _read_section_ids(session, actor, course.id)
    tests_query = select(Test).where(col(Test.course_id) == course.id)
    if not editor:
        tests_query = tests_query.where(col(Test.is_published))
    tests = session.exec(tests_query.order_by(col(Test.position), col(Test.id))).all()
    author = session.get(User, course.author_id) if course.author_id else None
    return CourseDetail(
        id=course.id,
        slug=course.slug,
        title=course.title,
        summary=course.summary,
        description=course.description,
        syllabus=course.syllabus,
        topics=list(course.topics),
        level=str(course.level),
        price=course.price,
        is_published=course.is_published,
        author_id=course.author_id,
        author_name=(author.full_name or author.username) if author else "",
        sections=[
            SectionLink(s.id or 0, s.slug, s.title, s.position, bool(s.video_url), s.id in read)
            for s in sections
        ],
        tests=[summarize_test(session, t) for t in tests],
        is_enrolled=_is_enrolled(session, actor, course.id),
        progress_percent=_percent(len(read), len(sections)),
        can_edit=editor,
        created_at=course.created_at,
        updated_at=course.updated_at,
    )


def _require_access(session: Session, actor: Actor | None, course: Course) -> None:
    """Paid courses open to enrolled students (payments come later) and to their editors."""
    if course.price > 0 and not can_edit(actor, course.author_id):
        assert course.id is not None
        if not _is_enrolled(session, actor, course.id):
            raise PermissionDenied("content.errors.enrol_first")


def get_section(
    *, session: Session, actor: Actor | None, course_slug: str, section_slug: str
) -> SectionView:
    """The reader's page, with previous/next slugs in course order."""
    course = visible_course(session, actor, course_slug)
    assert course.id is not None
    _require_access(session, actor, course)
    sections = _sections(session, course.id)
    index = next((i for i, s in enumerate(sections) if s.slug == section_slug), None)
    if index is None:
        raise NotFound("errors.not_found")
    section = sections[index]
    return SectionView(
        id=section.id or 0,
        course_id=course.id,
        course_slug=course.slug,
        course_title=course.title,
        slug=section.slug,
        title=section.title,
        position=section.position,
        content=section.content,
        video_url=section.video_url,
        prev_slug=sections[index - 1].slug if index > 0 else None,
        next_slug=sections[index + 1].slug if index + 1 < len(sections) else None,
        is_read=section.id in _read_section_ids(session, actor, course.id),
    )


def mark_section_read(
    *,
    session: Session,
    actor: Actor | None,
    course_slug: str,
    section_slug: str,
    time_spent_seconds: int = 0,
) -> int:
    """Record that the user read a section (the first read once; each call is a reading stint
    whose active time, capped by the KPI listener, counts as study); returns the course
    progress in %."""
    actor = require_actor(actor)
    view = get_section(
        session=session, actor=actor, course_slug=course_slug, section_slug=section_slug
    )
    now = utcnow()
    if not view.is_read:
        session.add(SectionRead(user_id=actor.id, section_id=view.id, read_at=now))
        session.flush()
    events.publish(
        session,
        events.SectionRead(
            user_id=actor.id,
            section_id=view.id,
            course_id=view.course_id,
            time_spent_seconds=time_spent_seconds,
            at=now,
        ),
    )
    return course_progress(session=session, actor=actor, course_id=view.course_id)


def course_progress(*, session: Session, actor: Actor | None, course_id: int) -> int:
    """Share of a course's sections this user has read, 0–100."""
    total = session.exec(
        select(func.count(col(Section.id))).where(col(Section.course_id) == course_id)
    ).one()
    return _percent(len(_read_section_ids(session, actor, course_id)), int(total))


def enroll(*, session: Session, actor: Actor | None, course_slug: str) -> bool:
    """Enrol the user in a published free course; True if new, False if already enrolled."""
    actor = require_actor(actor)
    course = visible_course(session, actor, course_slug)
    assert course.id is not None
    if not course.is_published:
        raise InvalidInput("content.errors.not_published", field="course")
    if _is_enrolled(session, actor, course.id):
        return False
    if course.price > 0 and not can_edit(actor, course.author_id):
        raise PermissionDenied("content.errors.payment_required")
    session.add(Enrollment(user_id=actor.id, course_id=course.id))
    session.flush()
    return True


def my_courses(*, session: Session, actor: Actor | None) -> list[CourseCard]:
    """Courses the user is enrolled in, most recent enrolment first."""
    actor = require_actor(actor)
    rows = session.exec(
        select(Course)
        .join(Enrollment, col(Enrollment.course_id) == col(Course.id))
        .where(col(Enrollment.user_id) == actor.id, course_visibility(actor))
        .order_by(col(Enrollment.created_at).desc())
    ).all()
    return [
        course_card(c, len(_sections(session, c.id or 0)), author_name(session, c.author_id))
        for c in rows
    ]
