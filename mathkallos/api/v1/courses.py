"""`/api/v1/courses`: the public catalog, course pages and theory sections as JSON.

Only published content is served, whoever asks. Domain errors propagate to the app's handler
(`mathkallos.api.errors`), which answers 4xx with `{"error": message_id, ...}`, never a 500.
Routes are sync `def`, so FastAPI runs them in its threadpool and never blocks the event loop.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from mathkallos.api.v1.deps import SessionDep
from mathkallos.services import content

router = APIRouter(prefix="/api/v1", tags=["courses"])


@router.get("/courses")
def list_courses(
    session: SessionDep,
    q: Annotated[str, Query(max_length=200)] = "",
    topic: Annotated[str | None, Query(max_length=40)] = None,
    level: str | None = None,
    price: Literal["free", "paid"] | None = None,
    sort: Literal["relevance", "newest", "title", "level"] | None = None,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 12,
) -> Any:
    """The catalog with the same search, filters, sort and paging as the /courses page."""
    result = content.list_courses(
        session=session,
        actor=None,
        query=q,
        topic=topic,
        level=level,
        price=price,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    return {
        "items": [asdict(card) for card in result.items],
        "total": result.total,
        "page": result.page,
        "per_page": result.per_page,
        "pages": result.pages,
    }


@router.get("/courses/{slug}")
def get_course(slug: str, session: SessionDep) -> Any:
    detail = content.get_course(session=session, actor=None, slug=slug)
    body = asdict(detail)
    for name in ("is_enrolled", "progress_percent", "can_edit"):
        body.pop(name)  # always false/zero for an anonymous caller
    for section in body["sections"]:
        section.pop("is_read")
    return body


@router.get("/courses/{slug}/sections/{section_slug}")
def get_section(slug: str, section_slug: str, session: SessionDep) -> Any:
    view = content.get_section(
        session=session, actor=None, course_slug=slug, section_slug=section_slug
    )
    body = asdict(view)
    body.pop("is_read")
    return body
