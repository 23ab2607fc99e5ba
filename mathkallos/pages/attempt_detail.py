"""`/teach/attempts/[attempt_id]`: one attempt as its teacher sees it — the student, the test,
the score and the time, every answer with its verdict and the correct answer, the teacher's
comments and the proctoring events in order."""

from __future__ import annotations

from dataclasses import dataclass, replace

import reflex as rx

from mathkallos import routes
from mathkallos.components.formatting import attempt_title, moment_text, score_text
from mathkallos.components.guard import STAFF, guarded, loading
from mathkallos.components.i18n import tr, tr_tag
from mathkallos.components.layout import layout
from mathkallos.components.markdown import math_markdown
from mathkallos.components.verdict import (
    answer_and_key,
    answer_feedback,
    attempt_status_badge,
    labelled,
    result_problem_header,
)
from mathkallos.services import attempts
from mathkallos.services.attempts.dto import AttemptDetail, ResultProblem
from mathkallos.services.errors import DomainError
from mathkallos.services.grading.feedback import localized
from mathkallos.state import AppState, run_service


@dataclass
class AttemptHeader:
    id: int
    student_name: str
    course_title: str
    test_title: str
    is_exam: bool
    status: str
    started: str
    submitted: str
    deadline: str
    score: str
    max_score: str
    provisional: bool
    minutes_used: int
    seconds_used: int
    review_href: str


@dataclass
class EventLine:
    kind: str
    at: str
    detail: str


def _header(detail: AttemptDetail, lang: str) -> AttemptHeader:
    row = detail.row
    return AttemptHeader(
        id=row.id,
        student_name=row.student_name,
        course_title=row.course_title,
        test_title=attempt_title(row.test_title, row.topic, lang),
        is_exam=row.mode == "exam",
        status=row.status,
        started=moment_text(row.started_at),
        submitted=moment_text(row.submitted_at),
        deadline=moment_text(detail.deadline_at),
        score=score_text(row.score),
        max_score=score_text(row.max_score),
        provisional=row.provisional,
        minutes_used=detail.time_used_seconds // 60,
        seconds_used=detail.time_used_seconds % 60,
        review_href=routes.teach_review(row.course_id),
    )


class AttemptDetailState(AppState):
    header: AttemptHeader | None = None
    problems: list[ResultProblem] = []
    events: list[EventLine] = []
    error: str = ""

    def _attempt_id(self) -> int:
        raw = self.route_arg("attempt_id")
        return int(raw) if raw.isdigit() else 0

    @rx.event
    async def load(self) -> None:
        self.header, self.problems, self.events, self.error = None, [], [], ""
        try:
            detail = await run_service(
                attempts.attempt_detail, actor=await self.actor(), attempt_id=self._attempt_id()
            )
        except DomainError as error:
            self.error = self.message(error)
            return
        self.header = _header(detail, self.lang)
        self.problems = [
            replace(
                p, feedback=localized(p.feedback_code, p.feedback_params, p.feedback, self.lang)
            )
            for p in detail.problems
        ]
        self.events = [
            EventLine(kind=event.kind, at=moment_text(event.at), detail=event.detail)
            for event in detail.events
        ]


def _fact(label_key: str, *value: rx.Component | rx.Var | str) -> rx.Component:
    return rx.vstack(
        rx.text(tr(label_key), size="1", color_scheme="gray", weight="medium", as_="div"),
        rx.text(*value, size="3", weight="medium", as_="div"),
        spacing="1",
        min_width="9em",
    )


def _summary(header: rx.Var[AttemptHeader]) -> rx.Component:
    return rx.card(
        rx.flex(
            _fact("attempt_detail.student", header.student_name),
            _fact("attempt_detail.started", header.started),
            _fact(
                "attempt_detail.deadline",
                rx.cond(header.deadline != "", header.deadline, tr("attempt_detail.no_deadline")),
            ),
            _fact(
                "attempt_detail.submitted",
                rx.cond(
                    header.submitted != "", header.submitted, tr("attempt_detail.not_submitted")
                ),
            ),
            _fact(
                "runner.time_used",
                header.minutes_used.to_string(),
                " ",
                tr("runner.min"),
                " ",
                header.seconds_used.to_string(),
                " ",
                tr("runner.sec"),
            ),
            rx.vstack(
                rx.text(tr("runner.score"), size="1", color_scheme="gray", weight="medium"),
                rx.hstack(
                    rx.text(
                        header.score,
                        " / ",
                        header.max_score,
                        size="6",
                        weight="bold",
                        data_testid="attempt-score",
                    ),
                    rx.cond(
                        header.provisional,
                        rx.badge(
                            rx.icon("hourglass", size=12),
                            tr("runner.provisional"),
                            color_scheme="blue",
                        ),
                    ),
                    align="center",
                    spacing="2",
                ),
                spacing="1",
            ),
            spacing="5",
            wrap="wrap",
            width="100%",
        ),
        size="3",
        width="100%",
    )


def _problem(item: rx.Var[ResultProblem], review_href: rx.Var[str]) -> rx.Component:
    return rx.card(
        rx.vstack(
            result_problem_header(
                item,
                rx.cond(item.given_up, rx.badge(tr("attempt_detail.gave_up"), color_scheme="gray")),
            ),
            math_markdown(item.problem.statement),
            answer_and_key(item, "review.student_answer"),
            answer_feedback(item),
            rx.cond(
                item.review_comment != "",
                labelled(
                    "attempt_detail.review_comment",
                    rx.callout(
                        math_markdown(item.review_comment),
                        icon="message-square",
                        color_scheme="blue",
                        width="100%",
                    ),
                ),
            ),
            rx.text(
                tr("runner.tries"),
                " ",
                item.tries.to_string(),
                " · ",
                tr("attempt_detail.hints"),
                " ",
                item.hints_used.to_string(),
                size="1",
                color_scheme="gray",
            ),
            rx.cond(
                item.awaiting_review,
                rx.link(
                    rx.hstack(
                        rx.icon("pen-line", size=14), tr("review.go_to_queue"), align="center"
                    ),
                    href=review_href,
                    size="2",
                    data_testid="to-review",
                ),
            ),
            spacing="3",
            width="100%",
        ),
        width="100%",
        data_testid="attempt-answer",
    )


def _event(event: rx.Var[EventLine]) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.text(event.at, size="2", color_scheme="gray", white_space="nowrap"),
            rx.text(tr_tag("proctoring.", event.kind), size="2", weight="medium"),
            rx.cond(event.detail != "", rx.text(event.detail, size="2", color_scheme="gray")),
            spacing="3",
            wrap="wrap",
        ),
        data_testid="proctoring-event",
    )


def _events() -> rx.Component:
    return rx.cond(
        AttemptDetailState.events.length() > 0,
        rx.el.ol(
            rx.foreach(AttemptDetailState.events, _event),
            padding_left="1.25em",
            width="100%",
        ),
        rx.text(tr("attempt_detail.no_events"), color_scheme="gray"),
    )


def _detail(header: rx.Var[AttemptHeader]) -> rx.Component:
    return rx.vstack(
        rx.link(
            rx.hstack(rx.icon("arrow-left", size=16), tr("attempt_detail.back"), align="center"),
            href=routes.TEACH_ATTEMPTS,
            size="2",
        ),
        rx.flex(
            rx.heading(header.test_title, as_="h1", size="7"),
            attempt_status_badge(header.status),
            align="center",
            spacing="3",
            wrap="wrap",
        ),
        rx.text(
            header.course_title,
            " · ",
            rx.cond(header.is_exam, tr("course.exam"), tr("course.practice")),
            color_scheme="gray",
        ),
        _summary(header),
        rx.heading(tr("attempt_detail.answers"), as_="h2", size="5"),
        rx.foreach(AttemptDetailState.problems, lambda item: _problem(item, header.review_href)),
        rx.heading(tr("attempt_detail.events"), as_="h2", size="5"),
        _events(),
        spacing="4",
        width="100%",
        max_width="900px",
        data_testid="attempt-detail",
    )


def attempt_detail_page() -> rx.Component:
    header = AttemptDetailState.header.to(AttemptHeader)
    return layout(
        guarded(
            rx.cond(
                AttemptDetailState.header,
                _detail(header),
                rx.cond(
                    AttemptDetailState.error != "",
                    rx.callout(
                        AttemptDetailState.error,
                        icon="triangle-alert",
                        color_scheme="red",
                        role="alert",
                        width="100%",
                    ),
                    loading(),
                ),
            ),
            *STAFF,
        )
    )
