"""`/teach/review`: proofs (and answers the checker could not settle) waiting for a teacher.

Each item shows the statement, the rubric and the worked solution next to the student's answer;
the teacher gives a score (quick marks: nothing, half, full) and a comment. The service checks
the role, the course and the score; the page only shows what it says.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.filters import ALL, Choice, filter_select, filter_value
from mathkallos.components.formatting import attempt_title, moment_text, score_text
from mathkallos.components.guard import STAFF, guarded, loading
from mathkallos.components.i18n import tr
from mathkallos.components.layout import layout
from mathkallos.components.markdown import math_markdown
from mathkallos.services import attempts, content
from mathkallos.services.access import Actor
from mathkallos.services.attempts.dto import ReviewItem
from mathkallos.services.errors import DomainError
from mathkallos.state import AppState, run_service


@dataclass
class ReviewCard:
    """One answer awaiting a grade, as the page shows it (the rubric is for staff only)."""

    answer_id: int
    key: str
    attempt_href: str
    student_name: str
    course_title: str
    test_title: str
    submitted: str
    statement: str
    solution: str
    rubric: str
    answer: str
    points: int
    half: str
    full: str


def _card(item: ReviewItem, lang: str) -> ReviewCard:
    return ReviewCard(
        answer_id=item.answer_id,
        key=str(item.answer_id),
        attempt_href=routes.teach_attempt(item.attempt_id),
        student_name=item.student_name,
        course_title=item.course_title,
        test_title=attempt_title(item.test_title, item.topic, lang),
        submitted=moment_text(item.submitted_at),
        statement=item.statement,
        solution=item.solution,
        rubric=item.rubric,
        answer=item.answer,
        points=item.points,
        half=score_text(item.points / 2),
        full=score_text(item.points),
    )


def typed_score(text: str) -> float | str:
    """The typed score as a number (a decimal comma is fine); anything else goes to the
    service as typed, and the service refuses it with the allowed range."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return text


class ReviewState(AppState):
    items: list[ReviewCard] = []
    courses: list[Choice] = []
    course_filter: str = ALL
    scores: dict[str, str] = {}
    errors: dict[str, str] = {}
    loaded: bool = False
    error: str = ""

    @rx.var
    def waiting_label(self) -> str:
        return i18n.translate("review.waiting", self.lang, count=len(self.items))

    async def _reload(self, actor: Actor | None) -> None:
        course = filter_value(self.course_filter)
        found = await run_service(
            attempts.review_queue, actor=actor, course_id=int(course) if course else None
        )
        self.items = [_card(item, self.lang) for item in found]

    @rx.event
    async def load(self) -> None:
        self.loaded, self.error, self.scores, self.errors = False, "", {}, {}
        wanted = self.router.url.query_parameters.get("course", "")
        self.course_filter = wanted if wanted.isdigit() else ALL
        actor = await self.actor()
        try:
            taught = await run_service(content.authored_courses, actor=actor)
            self.courses = [Choice(value=str(card.id), label=card.title) for card in taught]
            await self._reload(actor)
        except DomainError as error:
            self.items, self.error = [], self.message(error)
        self.loaded = True

    @rx.event
    async def set_course_filter(self, value: str) -> None:
        self.course_filter, self.errors = value, {}
        try:
            await self._reload(await self.actor())
        except DomainError as error:
            self.items, self.error = [], self.message(error)

    @rx.event
    def set_score(self, key: str, value: str) -> None:
        self.scores = {**self.scores, key: value}

    @rx.event
    async def grade(self, form: dict[str, Any]):  # noqa: ANN201 - event specs
        key = str(form.get("answer_id", ""))
        answer_id = int(key) if key.isdigit() else 0
        actor = await self.actor()
        try:
            graded = await run_service(
                attempts.grade_answer,
                actor=actor,
                answer_id=answer_id,
                score=typed_score(str(form.get("score", ""))),
                comment=str(form.get("comment", "")),
            )
        except DomainError as error:
            self.errors = {**self.errors, key: self.message(error)}
            return None
        card = next((i for i in self.items if i.answer_id == answer_id), None)
        self.errors = {k: v for k, v in self.errors.items() if k != key}
        self.scores = {k: v for k, v in self.scores.items() if k != key}
        try:
            await self._reload(actor)
        except DomainError as error:
            self.error = self.message(error)
        return rx.toast.success(
            i18n.translate(
                "review.graded",
                self.lang,
                score=score_text(graded.score),
                points=card.points if card else "",
                student=card.student_name if card else "",
                total=score_text(graded.attempt_score),
                max=score_text(graded.max_score),
            )
        )


def _labelled(label_key: str, body: rx.Component, **props: Any) -> rx.Component:
    return rx.vstack(
        rx.text(tr(label_key), size="1", color_scheme="gray", weight="medium", as_="div"),
        body,
        spacing="1",
        width="100%",
        **props,
    )


def _framed(body: rx.Component, **props: Any) -> rx.Component:
    return rx.box(
        body,
        padding="0.75em 1em",
        border_radius="8px",
        border=f"1px solid {rx.color('gray', 5)}",
        width="100%",
        overflow_x="auto",
        **props,
    )


def _quick_mark(item: rx.Var[ReviewCard], value: rx.Var[str] | str, key: str) -> rx.Component:
    return rx.button(
        value,
        " · ",
        tr(key),
        type="button",
        size="1",
        variant="soft",
        color_scheme="gray",
        on_click=ReviewState.set_score(item.key, value),
    )


def _grade_form(item: rx.Var[ReviewCard]) -> rx.Component:
    score_id = "score-" + item.key
    comment_id = "comment-" + item.key
    error = ReviewState.errors.get(item.key, "").to(str)
    return rx.form(
        rx.el.input(type="hidden", name="answer_id", value=item.key),
        rx.vstack(
            rx.flex(
                rx.vstack(
                    rx.el.label(tr("review.score"), html_for=score_id, class_name="mk-label"),
                    rx.hstack(
                        rx.input(
                            id=score_id,
                            name="score",
                            type="number",
                            min=0,
                            max=item.points,
                            step="any",
                            input_mode="decimal",
                            value=ReviewState.scores.get(item.key, "").to(str),
                            on_change=lambda value: ReviewState.set_score(item.key, value),
                            required=True,
                            width="7em",
                            aria_invalid=rx.cond(error != "", "true", "false"),
                        ),
                        rx.text("/ ", item.points.to_string(), weight="medium"),
                        align="center",
                        spacing="2",
                    ),
                    spacing="1",
                ),
                rx.vstack(
                    rx.text(tr("review.quick"), size="1", color_scheme="gray", as_="div"),
                    rx.hstack(
                        _quick_mark(item, "0", "review.zero"),
                        _quick_mark(item, item.half, "review.half"),
                        _quick_mark(item, item.full, "review.full"),
                        spacing="2",
                        wrap="wrap",
                    ),
                    spacing="1",
                    role="group",
                    aria_label=tr("review.quick"),
                ),
                spacing="5",
                wrap="wrap",
                align="end",
            ),
            rx.vstack(
                rx.el.label(tr("review.comment"), html_for=comment_id, class_name="mk-label"),
                rx.text_area(
                    id=comment_id,
                    name="comment",
                    placeholder=tr("review.comment_placeholder"),
                    rows="3",
                    width="100%",
                ),
                spacing="1",
                width="100%",
            ),
            rx.cond(
                error != "",
                rx.callout(
                    error, icon="triangle-alert", color_scheme="red", role="alert", width="100%"
                ),
            ),
            rx.button(rx.icon("check", size=16), tr("review.save"), type="submit"),
            spacing="3",
            width="100%",
        ),
        # A form's submit hook is shared by every item, so the answer travels in the form.
        on_submit=ReviewState.grade,
        no_validate=True,  # the service judges the score and says what is wrong, translated
    )


def _item(item: rx.Var[ReviewCard]) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.flex(
                rx.vstack(
                    rx.heading(item.student_name, as_="h2", size="4"),
                    rx.text(
                        item.course_title, " · ", item.test_title, size="2", color_scheme="gray"
                    ),
                    spacing="1",
                ),
                rx.spacer(),
                rx.vstack(
                    rx.text(
                        rx.cond(
                            item.submitted != "",
                            tr("review.submitted") + " " + item.submitted,
                            tr("review.in_practice"),
                        ),
                        size="1",
                        color_scheme="gray",
                    ),
                    rx.link(tr("review.open_attempt"), href=item.attempt_href, size="2"),
                    align={"initial": "start", "sm": "end"},
                    spacing="1",
                ),
                width="100%",
                wrap="wrap",
                spacing="3",
            ),
            rx.grid(
                rx.vstack(
                    _labelled("review.statement", math_markdown(item.statement)),
                    _labelled(
                        "review.student_answer",
                        _framed(math_markdown(item.answer), data_testid="review-answer"),
                    ),
                    spacing="4",
                    width="100%",
                ),
                rx.vstack(
                    _labelled(
                        "review.rubric",
                        _framed(math_markdown(item.rubric), background=rx.color("amber", 2)),
                    ),
                    rx.cond(
                        item.solution != "",
                        _labelled("review.solution", _framed(math_markdown(item.solution))),
                    ),
                    spacing="4",
                    width="100%",
                ),
                columns={"initial": "1", "md": "2"},
                spacing="5",
                width="100%",
            ),
            rx.separator(size="4"),
            _grade_form(item),
            spacing="4",
            width="100%",
        ),
        key=item.key,
        size="3",
        width="100%",
        data_testid="review-item",
    )


def _queue() -> rx.Component:
    return rx.cond(
        ReviewState.loaded,
        rx.cond(
            ReviewState.error != "",
            rx.callout(ReviewState.error, icon="triangle-alert", color_scheme="red", width="100%"),
            rx.cond(
                ReviewState.items.length() > 0,
                rx.vstack(rx.foreach(ReviewState.items, _item), spacing="4", width="100%"),
                rx.callout(
                    tr("review.empty"),
                    icon="circle-check",
                    width="100%",
                    data_testid="review-empty",
                ),
            ),
        ),
        loading(),
    )


def review_page() -> rx.Component:
    return layout(
        guarded(
            rx.vstack(
                rx.heading(tr("review.title"), as_="h1", size="7"),
                rx.text(tr("review.subtitle"), color_scheme="gray"),
                rx.flex(
                    filter_select(
                        "review.course_filter",
                        "review.all_courses",
                        ReviewState.course_filter,
                        ReviewState.set_course_filter,
                        choices=ReviewState.courses,
                    ),
                    rx.spacer(),
                    rx.cond(
                        ReviewState.loaded,
                        rx.badge(ReviewState.waiting_label, size="2", color_scheme="blue"),
                    ),
                    align="end",
                    width="100%",
                    wrap="wrap",
                    spacing="3",
                ),
                _queue(),
                spacing="4",
                width="100%",
            ),
            *STAFF,
        )
    )
