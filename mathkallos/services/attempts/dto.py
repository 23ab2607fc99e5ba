"""What the test runner hands to pages and the API: frozen records, never table rows.

Until an attempt is finished the student-facing records (`AttemptView`, `ProblemState`,
`AnswerOutcome`, `SavedAnswer`, `HintView`) have no field for an answer key, a worked solution
or checker settings (DESIGN invariant 1); exam states carry no verdict either. Keys and
solutions appear only in `SolutionView` (practice, after a correct answer or giving up),
`ResultView` (after submit) and the staff records (`ReviewItem`, `AttemptDetail`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mathkallos.services.content.dto import ProblemPublic, TestSummary


@dataclass(frozen=True)
class VerdictView:
    """The checker's word on one answer; `score` is in points of the problem."""

    correct: bool
    score: float
    feedback: str
    status: str
    code: str
    preview_latex: str = ""
    syntax_hints: tuple[str, ...] = ()
    params: dict[str, str] = field(default_factory=dict)  # `code`'s text in any language


@dataclass(frozen=True)
class ProblemState:
    """The student's own progress on one problem; `verdict` is None in an exam."""

    problem_id: int
    position: int
    points: int
    answer: str
    saved_at: datetime | None
    status: str
    tries: int
    hints_used: int
    hints: list[str]
    can_see_solution: bool
    given_up: bool
    time_spent_seconds: int
    verdict: VerdictView | None


@dataclass(frozen=True)
class AttemptProblem:
    problem: ProblemPublic
    state: ProblemState


@dataclass(frozen=True)
class AttemptView:
    """An attempt as its student works on it; the countdown uses `server_now`/`seconds_left`.
    Topic practice has no `test`, and its `topic` names the set instead."""

    id: int
    course_slug: str
    test: TestSummary | None
    topic: str | None
    mode: str
    status: str
    started_at: datetime
    deadline_at: datetime | None
    server_now: datetime
    seconds_left: int | None
    score: float | None
    max_score: float
    problems: list[AttemptProblem]

    @property
    def is_open(self) -> bool:
        return self.status == "in_progress"


@dataclass(frozen=True)
class TopicChoice:
    """A topic a student may practise in a course: its published problems and how many of
    them the student has solved."""

    topic: str
    problems: int
    solved: int


@dataclass(frozen=True)
class AnswerOutcome:
    """Practice: the instant verdict. `counted` is False for unreadable input or a limit."""

    problem_id: int
    verdict: VerdictView
    counted: bool
    tries: int
    problem_score: float
    attempt_score: float
    can_see_solution: bool


@dataclass(frozen=True)
class SavedAnswer:
    """Exam autosave receipt: what was stored and when, nothing about correctness."""

    problem_id: int
    answer: str
    saved_at: datetime
    seconds_left: int | None


@dataclass(frozen=True)
class HintView:
    problem_id: int
    index: int
    text: str
    remaining: int


@dataclass(frozen=True)
class SolutionView:
    problem_id: int
    correct_answer: str
    solution: str


@dataclass(frozen=True)
class ResultProblem:
    answer_id: int
    problem: ProblemPublic
    position: int
    points: int
    answer: str
    status: str
    correct: bool | None
    score: float | None
    feedback: str
    feedback_code: str
    feedback_params: dict[str, str]
    correct_answer: str
    solution: str
    tries: int
    hints_used: int
    given_up: bool
    time_spent_seconds: int
    awaiting_review: bool
    review_comment: str


@dataclass(frozen=True)
class ResultView:
    """A finished attempt: score, verdicts, keys and solutions; `passed` is None while
    a proof awaits review."""

    attempt_id: int
    course_slug: str
    test: TestSummary | None
    topic: str | None
    mode: str
    status: str
    started_at: datetime
    submitted_at: datetime | None
    score: float
    max_score: float
    percent: int
    provisional: bool
    passed: bool | None
    time_used_seconds: int
    problems: list[ResultProblem]


@dataclass(frozen=True)
class AttemptRow:
    """One line of an attempts table (teacher list or the student's history); topic practice
    has no test (`test_id` None, `test_title` "") and names its `topic`."""

    id: int
    user_id: int
    student_name: str
    course_id: int
    course_title: str
    test_id: int | None
    test_title: str
    topic: str | None
    mode: str
    status: str
    started_at: datetime
    submitted_at: datetime | None
    score: float
    max_score: float
    provisional: bool


@dataclass(frozen=True)
class EventView:
    kind: str
    at: datetime
    detail: str


@dataclass(frozen=True)
class AttemptDetail:
    """The teacher's view of one attempt: every answer with its verdict, and proctoring."""

    row: AttemptRow
    deadline_at: datetime | None
    time_used_seconds: int
    problems: list[ResultProblem]
    events: list[EventView]


@dataclass(frozen=True)
class ReviewItem:
    """A proof (or unreadable-by-machine answer) waiting for a teacher; `rubric` is the key."""

    answer_id: int
    attempt_id: int
    student_name: str
    course_title: str
    test_title: str
    topic: str | None
    problem_id: int
    statement: str
    solution: str
    rubric: str
    answer: str
    points: int
    status: str
    score: float | None
    review_comment: str
    submitted_at: datetime | None


@dataclass(frozen=True)
class ReviewResult:
    answer_id: int
    attempt_id: int
    score: float
    attempt_score: float
    max_score: float
    provisional: bool


@dataclass(frozen=True)
class NotificationView:
    """`message_id` and `params` are translated by the page (mathkallos.i18n)."""

    id: int
    kind: str
    message_id: str
    params: dict[str, Any]
    link: str
    created_at: datetime
    read: bool
