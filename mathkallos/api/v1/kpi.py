"""`/api/v1` for KPIs: the caller's own stats (seed 003's "my stats") and the course and school
reports. The same services as the pages; errors become 4xx through the app's handler."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from mathkallos.api.v1.deps import ActorDep, SessionDep
from mathkallos.services import kpi

router = APIRouter(prefix="/api/v1", tags=["kpi"])


@router.get("/me/stats")
def my_stats(
    session: SessionDep,
    actor: ActorDep,
    mode: str | None = None,
    status: str | None = None,
    course_id: int | None = None,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Any:
    """The caller's dashboard: cards, chart series, attempts page, achievements."""
    return kpi.student_dashboard(
        session=session,
        actor=actor,
        mode=mode,
        status=status,
        course_id=course_id,
        page=page,
        per_page=per_page,
    )


@router.get("/reports/courses/{course_id}.csv")
def course_report_csv(course_id: int, session: SessionDep, actor: ActorDep) -> Response:
    text = kpi.course_report_csv(session=session, actor=actor, course_id=course_id)
    return Response(
        content=text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="course-{course_id}-report.csv"'},
    )


@router.get("/reports/courses/{course_id}")
def course_report(course_id: int, session: SessionDep, actor: ActorDep) -> Any:
    """The course's report (its author or an admin)."""
    return kpi.course_report(session=session, actor=actor, course_id=course_id)


@router.get("/reports/school")
def school_report(session: SessionDep, actor: ActorDep) -> Any:
    """The whole school (admins)."""
    return kpi.school_report(session=session, actor=actor)
