"""Who sees and who edits content: the one place these rules live for every content service.

Visitors and students see published courses and verified/published problems; teachers also see
and edit what they authored; admins see and edit everything. Hidden content reads as NotFound,
so a draft's existence does not leak.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from sqlalchemy import BindParameter, ColumnElement, Select, bindparam, or_, true
from sqlmodel import Session, col, select

from mathkallos.models.content import Course, Problem, ProblemStatus
from mathkallos.services.access import Actor, require_owner_or_admin, require_staff
from mathkallos.services.errors import NotFound

STUDENT_PROBLEM_STATUSES = (ProblemStatus.VERIFIED.value, ProblemStatus.PUBLISHED.value)
Viewer = Literal["admin", "staff", "reader"]  # what decides which courses one sees


def can_edit(actor: Actor | None, owner_id: int | None) -> bool:
    return actor is not None and actor.is_staff and (actor.is_admin or actor.id == owner_id)


def course_visibility(actor: Actor | None) -> ColumnElement[bool]:
    """SQL condition for courses this actor may see in the catalog."""
    return _course_visibility(_viewer(actor), actor.id if actor is not None else None)


def _viewer(actor: Actor | None) -> Viewer:
    if actor is not None and actor.is_admin:
        return "admin"
    return "staff" if actor is not None and actor.is_staff else "reader"


def _course_visibility(viewer: Viewer, actor_id: int | BindParameter | None) -> ColumnElement[bool]:
    if viewer == "admin":
        return true()
    if viewer == "staff":
        return or_(col(Course.is_published), col(Course.author_id) == actor_id)
    return col(Course.is_published) == true()


@cache
def _visible_course_statement(viewer: Viewer) -> Select:
    """Built once per kind of viewer: a whole class opens a course or starts an exam at once."""
    visible = _course_visibility(viewer, bindparam("actor_id"))
    return select(Course).where(col(Course.slug) == bindparam("slug"), visible)


def problem_visibility(actor: Actor | None) -> ColumnElement[bool]:
    """SQL condition for problems this actor may see (needs Course outer-joined on course_id)."""
    if actor is not None and actor.is_admin:
        return true()
    ready = col(Problem.status).in_(STUDENT_PROBLEM_STATUSES) & or_(
        col(Problem.course_id).is_(None), col(Course.is_published) == true()
    )
    if actor is not None and actor.is_staff:
        return or_(ready, col(Problem.author_id) == actor.id)
    return ready


def visible_course(session: Session, actor: Actor | None, slug: str) -> Course:
    params = {"slug": slug, "actor_id": actor.id if actor is not None else None}
    course = session.exec(_visible_course_statement(_viewer(actor)), params=params).first()
    if course is None:
        raise NotFound("errors.not_found")
    return course


def editable_course(session: Session, actor: Actor | None, course_id: int) -> Course:
    """The course, if this actor may change it (staff check first, so students get 403)."""
    require_staff(actor)
    course = session.get(Course, course_id)
    if course is None:
        raise NotFound("errors.not_found")
    require_owner_or_admin(actor, course.author_id)
    return course


def editable_problem(session: Session, actor: Actor | None, problem_id: int) -> Problem:
    require_staff(actor)
    problem = session.get(Problem, problem_id)
    if problem is None:
        raise NotFound("errors.not_found")
    require_owner_or_admin(actor, problem.author_id)
    return problem
