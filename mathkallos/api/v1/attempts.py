"""`/api/v1` for the test runner: start (a test or a topic), answer, submit, proctoring,
history, review.

The same services as the pages; a route only reads the request and returns the service's DTO.
Domain errors propagate to the app's handler (`mathkallos.api.errors`), which answers 4xx
(`AttemptClosed` is 409). Routes are sync `def`: FastAPI runs them in its threadpool, so a
grading call never blocks the event loop.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from mathkallos.api.v1.deps import ActorDep, OptionalActorDep, SessionDep
from mathkallos.models.attempts import MAX_TOPIC_LENGTH
from mathkallos.services import attempts
from mathkallos.services.attempts.rules import (
    MAX_ANSWER_LENGTH,
    MAX_COMMENT_LENGTH,
    MAX_EVENT_DETAIL,
)

router = APIRouter(prefix="/api/v1", tags=["attempts"])


class AnswerBody(BaseModel):
    answer: str = Field(max_length=MAX_ANSWER_LENGTH)
    time_spent_seconds: int = Field(default=0, ge=0)


class EventBody(BaseModel):
    kind: str = Field(max_length=32)
    detail: str = Field(default="", max_length=MAX_EVENT_DETAIL)


class TopicBody(BaseModel):
    topic: str = Field(min_length=1, max_length=MAX_TOPIC_LENGTH)


class GradeBody(BaseModel):
    score: float = Field(ge=0)
    comment: str = Field(default="", max_length=MAX_COMMENT_LENGTH)


@router.post("/tests/{course_slug}/{test_slug}/start")
def start(course_slug: str, test_slug: str, session: SessionDep, actor: ActorDep) -> Any:
    """Start or resume the caller's attempt; practice or exam as the test says."""
    return attempts.start_test(
        session=session, actor=actor, course_slug=course_slug, test_slug=test_slug
    )


@router.get("/courses/{course_slug}/topics")
def topics(course_slug: str, session: SessionDep, actor: OptionalActorDep) -> Any:
    """The course's topics to practise, with problem and solved counts (visitors too)."""
    return attempts.topic_choices(session=session, actor=actor, course_slug=course_slug)


@router.post("/courses/{course_slug}/practice")
def practise_topic(course_slug: str, body: TopicBody, session: SessionDep, actor: ActorDep) -> Any:
    """Start or resume the caller's practice of a topic of the course (409: nothing to
    practise on it)."""
    return attempts.start_topic_practice(
        session=session, actor=actor, course_slug=course_slug, topic=body.topic
    )


@router.get("/attempts")
def my_attempts(
    session: SessionDep,
    actor: ActorDep,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Any:
    found = attempts.my_attempts(session=session, actor=actor, page=page, per_page=per_page)
    return {"items": found.items, "total": found.total, "page": found.page, "pages": found.pages}


@router.get("/attempts/{attempt_id}")
def get_attempt(attempt_id: int, session: SessionDep, actor: ActorDep) -> Any:
    """The attempt to resume; once finished, its result (keys and solutions) as well."""
    view = attempts.get_attempt(session=session, actor=actor, attempt_id=attempt_id)
    result = (
        None
        if view.is_open
        else attempts.get_result(session=session, actor=actor, attempt_id=attempt_id)
    )
    return {"attempt": view, "result": result}


@router.put("/attempts/{attempt_id}/answers/{problem_id}")
def answer(
    attempt_id: int, problem_id: int, body: AnswerBody, session: SessionDep, actor: ActorDep
) -> Any:
    """Practice: checked now. Exam: saved without a verdict (409 after the deadline)."""
    return attempts.give_answer(
        session=session,
        actor=actor,
        attempt_id=attempt_id,
        problem_id=problem_id,
        answer=body.answer,
        time_spent_seconds=body.time_spent_seconds,
    )


@router.post("/attempts/{attempt_id}/problems/{problem_id}/hint")
def hint(attempt_id: int, problem_id: int, session: SessionDep, actor: ActorDep) -> Any:
    return attempts.reveal_hint(
        session=session, actor=actor, attempt_id=attempt_id, problem_id=problem_id
    )


@router.post("/attempts/{attempt_id}/problems/{problem_id}/solution")
def solution(attempt_id: int, problem_id: int, session: SessionDep, actor: ActorDep) -> Any:
    return attempts.reveal_solution(
        session=session, actor=actor, attempt_id=attempt_id, problem_id=problem_id
    )


@router.post("/attempts/{attempt_id}/problems/{problem_id}/give-up")
def give_up(attempt_id: int, problem_id: int, session: SessionDep, actor: ActorDep) -> Any:
    return attempts.give_up(
        session=session, actor=actor, attempt_id=attempt_id, problem_id=problem_id
    )


@router.post("/attempts/{attempt_id}/submit")
def submit(attempt_id: int, session: SessionDep, actor: ActorDep) -> Any:
    """Finish the attempt and return the result (seed 000's POST /tests/submit)."""
    return attempts.submit_attempt(session=session, actor=actor, attempt_id=attempt_id)


@router.post("/attempts/{attempt_id}/events", status_code=204)
def event(attempt_id: int, body: EventBody, session: SessionDep, actor: ActorDep) -> None:
    attempts.record_proctoring_event(
        session=session, actor=actor, attempt_id=attempt_id, kind=body.kind, detail=body.detail
    )


@router.get("/review")
def review_queue(session: SessionDep, actor: ActorDep, course_id: int | None = None) -> Any:
    return attempts.review_queue(session=session, actor=actor, course_id=course_id)


@router.post("/review/{answer_id}")
def grade(answer_id: int, body: GradeBody, session: SessionDep, actor: ActorDep) -> Any:
    return attempts.grade_answer(
        session=session, actor=actor, answer_id=answer_id, score=body.score, comment=body.comment
    )


@router.get("/teach/attempts")
def list_attempts(
    session: SessionDep,
    actor: ActorDep,
    course_id: int | None = None,
    test_id: int | None = None,
    student: Annotated[str | None, Query(max_length=100)] = None,
    status: str | None = None,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Any:
    found = attempts.list_attempts(
        session=session,
        actor=actor,
        course_id=course_id,
        test_id=test_id,
        student_query=student,
        status=status,
        page=page,
        per_page=per_page,
    )
    return {"items": found.items, "total": found.total, "page": found.page, "pages": found.pages}


@router.get("/teach/attempts/{attempt_id}")
def attempt_detail(attempt_id: int, session: SessionDep, actor: ActorDep) -> Any:
    return attempts.attempt_detail(session=session, actor=actor, attempt_id=attempt_id)


@router.get("/notifications")
def notifications(session: SessionDep, actor: ActorDep, unread_only: bool = False) -> Any:
    return attempts.list_notifications(session=session, actor=actor, unread_only=unread_only)


@router.post("/notifications/read")
def read_all(session: SessionDep, actor: ActorDep) -> Any:
    return {"marked": attempts.mark_notifications_read(session=session, actor=actor)}


@router.post("/notifications/{notification_id}/read")
def read_one(notification_id: int, session: SessionDep, actor: ActorDep) -> Any:
    marked = attempts.mark_notifications_read(
        session=session, actor=actor, notification_id=notification_id
    )
    return {"marked": marked}
