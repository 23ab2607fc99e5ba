"""What content services hand to pages and the API: small frozen records, never table rows.

`ProblemPublic` is the only problem view students get; it has no field for the answer key,
checker settings, hints text or solution (DESIGN invariant 1). `ProblemAuthoring` carries them
and is built only after a staff permission check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a listing plus what the pager needs."""

    items: list[T]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class CourseCard:
    id: int
    slug: str
    title: str
    summary: str
    topics: list[str]
    level: str
    price: int
    is_published: bool
    section_count: int
    author_name: str
    is_free: bool


@dataclass(frozen=True)
class SectionLink:
    id: int
    slug: str
    title: str
    position: int
    has_video: bool
    is_read: bool


@dataclass(frozen=True)
class TestSummary:
    __test__ = False  # not a pytest test class

    id: int
    course_id: int
    slug: str
    title: str
    mode: str
    duration_minutes: int | None
    pass_score: int
    is_final: bool
    is_published: bool
    problem_count: int
    total_points: int


@dataclass(frozen=True)
class CourseDetail:
    """The course page; `tests` holds published tests only, unless the viewer may edit."""

    id: int
    slug: str
    title: str
    summary: str
    description: str
    syllabus: str
    topics: list[str]
    level: str
    price: int
    is_published: bool
    author_id: int | None
    author_name: str
    sections: list[SectionLink]
    tests: list[TestSummary]
    is_enrolled: bool
    progress_percent: int
    can_edit: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class SectionView:
    """The reader: one section with its neighbours for previous/next links."""

    id: int
    course_id: int
    course_slug: str
    course_title: str
    slug: str
    title: str
    position: int
    content: str
    video_url: str | None
    prev_slug: str | None
    next_slug: str | None
    is_read: bool


@dataclass(frozen=True)
class ChoiceOption:
    label: str
    text: str


@dataclass(frozen=True)
class ProblemPublic:
    """A problem as a student may see it: no key, no checker settings, no solution, no hints."""

    id: int
    course_id: int | None
    statement: str
    kind: str
    options: list[ChoiceOption]
    multiple: bool
    hint_count: int
    difficulty: int
    topics: list[str]
    source: str


@dataclass(frozen=True)
class ProblemAuthoring:
    """Everything about a problem, for its author or an admin in the editor."""

    id: int
    course_id: int | None
    statement: str
    kind: str
    options: list[ChoiceOption]
    answer_key: str
    checker_settings: dict[str, Any]
    hints: list[str]
    solution: str
    difficulty: int
    rating: float
    topics: list[str]
    source: str
    status: str
    author_id: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class KeyPreview:
    """The answer key as the checker understands it, for the editor's live preview."""

    latex: str
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SearchHit:
    """A full-text match: a course (by slug) or a problem (by id), best first."""

    kind: str
    id: int
    title: str
    snippet: str
    course_slug: str | None
    rank: float


@dataclass(frozen=True)
class ImportIssue:
    """One reason an import was refused: the row (1-based), the field and an i18n message id;
    `detail` adds the grading engine's own words for a bad key."""

    row: int
    field: str
    message: str
    detail: str = ""


@dataclass(frozen=True)
class ImportReport:
    created: dict[str, int]
    errors: list[ImportIssue]

    @property
    def ok(self) -> bool:
        return not self.errors
