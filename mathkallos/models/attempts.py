"""Attempts (practice and timed exams), their answers, proctoring events and the in-app
notifications that tell a student about a graded proof.

An attempt is either at a test (`test_id`) or practises a topic of a course (`topic`, a set
the service picked from the course's problems); exactly one of the two is set, and `course_id`
is always the course it counts in. Answer rows are created for every problem when an attempt
starts, so the problem set and its points are frozen for that attempt and an autosave is an
UPDATE of an existing row.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlmodel import Field, SQLModel

from mathkallos.models.base import utcnow

MAX_TOPIC_LENGTH = 100  # as `TopicStat.topic`


class AttemptStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    EXPIRED = "expired"


class AnswerStatus(StrEnum):
    """Where one answer stands; "saved" answers of an exam have no verdict until submit."""

    UNANSWERED = "unanswered"
    SAVED = "saved"
    CHECKED = "checked"
    INVALID_INPUT = "invalid_input"
    NEEDS_REVIEW = "needs_review"
    REVIEWED = "reviewed"


class ProctoringKind(StrEnum):
    TAB_HIDDEN = "tab_hidden"
    TAB_VISIBLE = "tab_visible"
    WINDOW_BLUR = "window_blur"
    WINDOW_FOCUS = "window_focus"
    COPY = "copy"
    PASTE = "paste"
    FULLSCREEN_EXIT = "fullscreen_exit"
    FULLSCREEN_ENTER = "fullscreen_enter"


_OPEN = "status = 'in_progress'"


def _one_open(name: str, *columns: str, where: str) -> Index:
    """A unique index over the attempts that `where` calls open."""
    return Index(
        name, *columns, unique=True, sqlite_where=text(where), postgresql_where=text(where)
    )


class Attempt(SQLModel, table=True):
    __tablename__ = "attempts"
    __table_args__ = (
        Index("ix_attempts_user_test", "user_id", "test_id"),
        Index("ix_attempts_status_deadline", "status", "deadline_at"),
        Index("ix_attempts_test_status", "test_id", "status"),
        # At most one open attempt per student and test, and per student, course and topic
        # (test_id is NULL there): two racing "start" clicks share it.
        _one_open("uq_attempts_open", "user_id", "test_id", where=_OPEN),
        _one_open(
            "uq_attempts_open_topic",
            "user_id",
            "course_id",
            "topic",
            where=f"{_OPEN} AND topic IS NOT NULL",
        ),
        CheckConstraint("(test_id IS NULL) <> (topic IS NULL)", name="ck_attempts_test_or_topic"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    course_id: int = Field(foreign_key="courses.id", ondelete="CASCADE")
    test_id: int | None = Field(default=None, foreign_key="tests.id", ondelete="CASCADE")
    topic: str | None = Field(default=None, max_length=MAX_TOPIC_LENGTH)
    mode: str = Field(sa_type=String(16))
    status: AttemptStatus = Field(default=AttemptStatus.IN_PROGRESS, sa_type=String(16))
    started_at: datetime = Field(default_factory=utcnow)
    deadline_at: datetime | None = None
    submitted_at: datetime | None = None
    score: float = 0.0
    max_score: float = 0.0
    provisional: bool = False
    time_spent_seconds: int = 0


class AttemptAnswer(SQLModel, table=True):
    __tablename__ = "attempt_answers"
    __table_args__ = (UniqueConstraint("attempt_id", "problem_id", name="uq_attempt_answers_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = Field(foreign_key="attempts.id", ondelete="CASCADE")
    problem_id: int = Field(foreign_key="problems.id", index=True, ondelete="CASCADE")
    position: int = 0
    points: int = 1
    answer: str = Field(default="", sa_type=Text)
    saved_at: datetime | None = None
    status: AnswerStatus = Field(default=AnswerStatus.UNANSWERED, sa_type=String(16), index=True)
    correct: bool | None = None
    score: float | None = None
    feedback: str = Field(default="", sa_type=Text)
    # The checker's code and parameters, so each reader sees the feedback in their language.
    feedback_code: str = Field(default="", sa_type=String(40))
    feedback_params: dict[str, str] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, server_default="{}")
    )
    tries: int = 0
    hints_used: int = 0
    solution_revealed: bool = False
    given_up: bool = False
    time_spent_seconds: int = 0
    reviewed_by: int | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    review_comment: str = Field(default="", sa_type=Text)
    reviewed_at: datetime | None = None


class ProctoringEvent(SQLModel, table=True):
    __tablename__ = "proctoring_events"

    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = Field(foreign_key="attempts.id", index=True, ondelete="CASCADE")
    kind: str = Field(sa_type=String(32))
    at: datetime = Field(default_factory=utcnow)
    detail: str = Field(default="", max_length=500)


class Notification(SQLModel, table=True):
    """A message for one user shown in the app; `message_id` + `params` are translated there."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    kind: str = Field(sa_type=String(32))
    message_id: str = Field(max_length=120)
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    link: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=utcnow)
    read_at: datetime | None = None
