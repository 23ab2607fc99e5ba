"""An attempt's life for its student: start or resume, read, submit, proctoring events."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import bindparam, insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from mathkallos.models.attempts import (
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    ProctoringEvent,
    ProctoringKind,
)
from mathkallos.models.base import utcnow
from mathkallos.models.content import TestMode
from mathkallos.services.access import Actor, require_actor
from mathkallos.services.attempts.dto import AttemptView, ResultView
from mathkallos.services.attempts.grading import finalize
from mathkallos.services.attempts.loading import (
    claim_open,
    own_attempt,
    readable_attempt,
)
from mathkallos.services.attempts.rules import (
    MAX_EVENT_DETAIL,
    MAX_EVENTS_PER_ATTEMPT,
    deadline_for,
    is_past_deadline,
)
from mathkallos.services.attempts.views import attempt_view, result_view
from mathkallos.services.content.dto import TestSummary
from mathkallos.services.content.tests_admin import summarize_loaded, test_with_problems
from mathkallos.services.errors import Conflict, InvalidInput

_OPEN_RUN = (
    select(Attempt)
    .where(
        col(Attempt.user_id) == bindparam("user_id"),
        col(Attempt.course_id) == bindparam("course_id"),
        col(Attempt.test_id).is_not_distinct_from(bindparam("test_id")),
        col(Attempt.topic).is_not_distinct_from(bindparam("topic")),
        col(Attempt.status) == AttemptStatus.IN_PROGRESS,
    )
    .execution_options(populate_existing=True)
)


_NEW_ATTEMPT = insert(Attempt.__table__).returning(Attempt.__table__.c.id)
# Every column comes back: the rows serve as the new answers in the attempt's first view.
_NEW_ANSWERS = insert(AttemptAnswer.__table__).returning(*AttemptAnswer.__table__.c)


def _open_run(session: Session, run: Attempt) -> Attempt | None:
    """The student's open attempt of the same run as `run`: the same test, or the same topic
    of the same course."""
    params = {
        "user_id": run.user_id,
        "course_id": run.course_id,
        "test_id": run.test_id,
        "topic": run.topic,
    }
    return session.exec(_OPEN_RUN, params=params).first()


def close_if_expired(session: Session, attempt: Attempt, now: datetime) -> Attempt:
    """An exam found open past its deadline is closed (graded) on the spot, as the sweeper
    would; the student sees the result instead of a dead countdown."""
    if attempt.status == AttemptStatus.IN_PROGRESS and is_past_deadline(attempt.deadline_at, now):
        assert attempt.id is not None
        finalize(session, attempt.id, AttemptStatus.EXPIRED, now)
        session.refresh(attempt)
    return attempt


def start_run(
    session: Session,
    run: Attempt,
    pick: Callable[[], Sequence[tuple[int, int]]],
    now: datetime,
    test: TestSummary | None = None,
) -> AttemptView:
    """Resume the student's open attempt of the run (a test, whose summary the caller may
    give, or a topic of a course), or store `run` with one answer row per (problem id, points)
    that `pick` chooses, in order, points frozen. Two racing starts of the same student share
    one attempt (the open-attempt unique indexes); `pick` is called only when a new attempt is
    made, and may refuse. The caller must not have written anything yet: losing that race
    rolls the transaction back."""
    existing = _open_run(session, run)
    if existing is not None:  # resume; one that ran out meanwhile is shown closed, once
        return attempt_view(session, close_if_expired(session, existing, now), now, test=test)
    items = pick()
    run.max_score = float(sum(points for _, points in items))
    try:
        # Prepared Core INSERTs, not the unit of work, and no savepoint: a class starts at once.
        run.id = session.execute(_NEW_ATTEMPT, run.model_dump(exclude={"id"})).scalar_one()
        rows = session.execute(
            _NEW_ANSWERS,
            [
                {
                    "attempt_id": run.id,
                    "problem_id": problem_id,
                    "position": position,
                    "points": points,
                }
                for position, (problem_id, points) in enumerate(items, start=1)
            ],
        ).all()
    except IntegrityError:  # a second "start" of the same student won the race: share it
        session.rollback()  # the callers have only read so far
        raced = _open_run(session, run)
        if raced is None:
            raise
        return attempt_view(session, raced, now, test=test)
    # RETURNING gives no order (asking for one makes SQLite insert row by row).
    ordered = sorted(rows, key=lambda row: row.position)
    return attempt_view(session, run, now, test=test, rows=ordered)


def start_test(
    *,
    session: Session,
    actor: Actor | None,
    course_slug: str,
    test_slug: str,
    mode: TestMode | None = None,
) -> AttemptView:
    """Resume the actor's open attempt at the test, or start one with every problem's answer
    row (points frozen) and, for a timed exam, the server's deadline. `mode` (when given)
    must be the test's own: a practice page cannot open an exam without its timer."""
    actor = require_actor(actor)
    # The course is held so that the attempt's view finds it in the session, not read again.
    _course, test, problems = test_with_problems(
        session=session, actor=actor, course_slug=course_slug, test_slug=test_slug
    )
    summary = summarize_loaded(session, test, problems)
    if mode is not None and summary.mode != mode:
        raise Conflict("attempts.wrong_mode")
    mode = TestMode(summary.mode)

    def pick() -> list[tuple[int, int]]:
        if not problems:
            raise Conflict("attempts.test_empty")
        return [(problem.id, points) for problem, points in problems]

    now = utcnow()
    run = Attempt(
        user_id=actor.id,
        course_id=summary.course_id,
        test_id=summary.id,
        mode=mode.value,
        started_at=now,
        deadline_at=deadline_for(now, summary.duration_minutes if mode == "exam" else None),
    )
    return start_run(session, run, pick, now, summary)


def get_attempt(*, session: Session, actor: Actor | None, attempt_id: int) -> AttemptView:
    """The attempt as its student resumes it: every saved answer, no keys or exam verdicts.
    Staff teaching the course may look too."""
    attempt = readable_attempt(session, actor, attempt_id)
    return attempt_view(session, close_if_expired(session, attempt, utcnow()), utcnow())


def get_result(*, session: Session, actor: Actor | None, attempt_id: int) -> ResultView:
    """Score, verdicts, keys and solutions of a finished attempt (Conflict while it is open)."""
    attempt = readable_attempt(session, actor, attempt_id)
    now = utcnow()
    close_if_expired(session, attempt, now)
    if attempt.status == AttemptStatus.IN_PROGRESS:
        raise Conflict("attempts.not_finished")
    return result_view(session, attempt, now)


def submit_attempt(*, session: Session, actor: Actor | None, attempt_id: int) -> ResultView:
    """Finish the attempt: grade every exam answer (proofs await review) and show the result.
    Submitting twice shows the same result; a late submit closes the exam as expired."""
    attempt = own_attempt(session, actor, attempt_id)
    now = utcnow()
    if attempt.status == AttemptStatus.IN_PROGRESS:
        late = is_past_deadline(attempt.deadline_at, now)
        finalize(
            session, attempt_id, AttemptStatus.EXPIRED if late else AttemptStatus.SUBMITTED, now
        )
        session.refresh(attempt)
    return result_view(session, attempt, now)


def record_proctoring_event(
    *, session: Session, actor: Actor | None, attempt_id: int, kind: str, detail: str = ""
) -> None:
    """Store a browser signal (tab hidden, copy, fullscreen left...) for the teacher to see.
    Events beyond a generous cap per attempt are dropped, so a script cannot flood the table."""
    attempt = own_attempt(session, actor, attempt_id)
    if kind not in {k.value for k in ProctoringKind}:
        raise InvalidInput("attempts.unknown_event", field="kind")
    now = utcnow()
    claim_open(session, attempt, now)
    count = session.exec(
        select(func.count()).where(col(ProctoringEvent.attempt_id) == attempt_id)
    ).one()
    if count < MAX_EVENTS_PER_ATTEMPT:
        session.add(
            ProctoringEvent(
                attempt_id=attempt_id, kind=kind, at=now, detail=str(detail)[:MAX_EVENT_DETAIL]
            )
        )
        session.flush()


def exam_in_progress(*, session: Session, user_id: int) -> bool:
    """Whether the user is sitting an exam right now (the AI tutor refuses to help then)."""
    now = utcnow()
    deadlines = session.exec(
        select(Attempt.deadline_at).where(
            col(Attempt.user_id) == user_id,
            col(Attempt.mode) == TestMode.EXAM,
            col(Attempt.status) == AttemptStatus.IN_PROGRESS,
        )
    ).all()
    return any(not is_past_deadline(deadline, now) for deadline in deadlines)
