"""Courses, theory sections, the problem bank, tests, enrolments and reading progress.

Problem rows carry the answer key, checker settings, hints and solution: they never leave the
server as they are (DESIGN invariant 1); services turn them into `ProblemPublic` DTOs.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from mathkallos.models.base import utcnow

FTS_SUFFIX = "_fts"


def is_search_index(name: str | None) -> bool:
    """Full-text objects (SQLite FTS5 tables and their shadows, PostgreSQL GIN indexes) live in
    migrations only; schema comparisons skip them by this name rule."""
    return bool(name) and (name.endswith(FTS_SUFFIX) or f"{FTS_SUFFIX}_" in name)


class CourseLevel(StrEnum):
    INTRODUCTORY = "introductory"
    REGIONAL = "regional"
    NATIONAL = "national"
    INTERNATIONAL = "international"


class ProblemKind(StrEnum):
    """The grading engine's answer kinds (services/grading KINDS)."""

    NUMERIC = "numeric"
    SYMBOLIC = "symbolic"
    SET = "set"
    TUPLE = "tuple"
    MATRIX = "matrix"
    INTERVAL = "interval"
    EQUATION = "equation"
    COMPLEX = "complex"
    STRING = "string"
    CHOICE = "choice"
    STEPS = "steps"
    PROOF = "proof"


class ProblemStatus(StrEnum):
    DRAFT = "draft"
    VERIFIED = "verified"
    PUBLISHED = "published"


class TestMode(StrEnum):
    __test__ = False  # not a pytest test class

    PRACTICE = "practice"
    EXAM = "exam"


class Course(SQLModel, table=True):
    __tablename__ = "courses"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    slug: str = Field(max_length=120, unique=True, index=True)
    summary: str = Field(default="", max_length=500)
    description: str = Field(default="", sa_type=Text)
    syllabus: str = Field(default="", sa_type=Text)
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    level: CourseLevel = Field(default=CourseLevel.INTRODUCTORY, sa_type=String(16), index=True)
    is_published: bool = Field(default=False, index=True)
    author_id: int | None = Field(
        default=None, foreign_key="users.id", index=True, ondelete="SET NULL"
    )
    price: int = Field(default=0, index=True)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)


class Section(SQLModel, table=True):
    __tablename__ = "sections"
    __table_args__ = (
        UniqueConstraint("course_id", "slug", name="uq_sections_course_slug"),
        Index("ix_sections_course_position", "course_id", "position"),
    )

    id: int | None = Field(default=None, primary_key=True)
    course_id: int = Field(foreign_key="courses.id", ondelete="CASCADE")
    position: int = 0
    title: str = Field(max_length=200)
    slug: str = Field(max_length=120)
    content: str = Field(default="", sa_type=Text)
    video_url: str | None = Field(default=None, max_length=500)


class Problem(SQLModel, table=True):
    __tablename__ = "problems"

    id: int | None = Field(default=None, primary_key=True)
    course_id: int | None = Field(
        default=None, foreign_key="courses.id", index=True, ondelete="SET NULL"
    )
    statement: str = Field(sa_type=Text)
    kind: ProblemKind = Field(default=ProblemKind.SYMBOLIC, sa_type=String(16), index=True)
    options: list[dict[str, str]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    answer_key: str = Field(default="", sa_type=Text)
    checker_settings: dict[str, Any] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False)
    )
    hints: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    solution: str = Field(default="", sa_type=Text)
    difficulty: int = Field(default=5, index=True)
    rating: float = 1500.0
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    source: str = Field(default="", max_length=300)
    status: ProblemStatus = Field(default=ProblemStatus.DRAFT, sa_type=String(16), index=True)
    author_id: int | None = Field(
        default=None, foreign_key="users.id", index=True, ondelete="SET NULL"
    )
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)


class Test(SQLModel, table=True):
    __test__ = False  # not a pytest test class
    __tablename__ = "tests"
    __table_args__ = (UniqueConstraint("course_id", "slug", name="uq_tests_course_slug"),)

    id: int | None = Field(default=None, primary_key=True)
    course_id: int = Field(foreign_key="courses.id", index=True, ondelete="CASCADE")
    position: int = 0
    title: str = Field(max_length=200)
    slug: str = Field(max_length=120)
    mode: TestMode = Field(default=TestMode.PRACTICE, sa_type=String(16))
    duration_minutes: int | None = None
    pass_score: int = 60
    is_final: bool = False
    is_published: bool = Field(default=False, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class TestProblem(SQLModel, table=True):
    __test__ = False  # not a pytest test class
    __tablename__ = "test_problems"
    __table_args__ = (
        UniqueConstraint("test_id", "problem_id", name="uq_test_problems_pair"),
        Index("ix_test_problems_test_position", "test_id", "position"),
    )

    id: int | None = Field(default=None, primary_key=True)
    test_id: int = Field(foreign_key="tests.id", ondelete="CASCADE")
    problem_id: int = Field(foreign_key="problems.id", index=True, ondelete="CASCADE")
    position: int = 0
    points: int = 1


class Enrollment(SQLModel, table=True):
    __tablename__ = "enrollments"
    __table_args__ = (UniqueConstraint("user_id", "course_id", name="uq_enrollments_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    course_id: int = Field(foreign_key="courses.id", index=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)


class SectionRead(SQLModel, table=True):
    __tablename__ = "section_reads"
    __table_args__ = (UniqueConstraint("user_id", "section_id", name="uq_section_reads_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    section_id: int = Field(foreign_key="sections.id", index=True, ondelete="CASCADE")
    read_at: datetime = Field(default_factory=utcnow)
