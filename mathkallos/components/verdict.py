"""Badges for where an answer or an attempt stands, the same on every page that shows them."""

from __future__ import annotations

import reflex as rx

from mathkallos.components.i18n import tr, tr_tag
from mathkallos.components.markdown import math_markdown
from mathkallos.models.attempts import AnswerStatus
from mathkallos.services.attempts.dto import ResultProblem

REVIEWED = AnswerStatus.REVIEWED.value
# Feedback codes whose whole message the status badge already gives.
_SAID_BY_THE_BADGE = ["correct", "incorrect", "needs_review"]

_ATTEMPT_STATUS_COLOURS = {"in_progress": "blue", "submitted": "green", "expired": "orange"}


def answer_status_badge(item: rx.Var[ResultProblem]) -> rx.Component:
    """Awaiting review, graded by a teacher (full marks or partial credit), correct, not
    correct, or no answer."""
    return rx.cond(
        item.awaiting_review,
        rx.badge(rx.icon("hourglass", size=12), tr("runner.awaiting_review"), color_scheme="blue"),
        rx.cond(
            item.status == REVIEWED,
            rx.badge(
                rx.icon("user-check", size=12),
                tr("verdict.reviewed"),
                color_scheme=rx.cond(item.correct, "green", "amber"),
            ),
            rx.cond(
                item.correct,
                rx.badge(rx.icon("check", size=12), tr("runner.correct"), color_scheme="green"),
                rx.cond(
                    item.answer == "",
                    rx.badge(tr("runner.no_answer"), color_scheme="gray"),
                    rx.badge(rx.icon("x", size=12), tr("runner.incorrect"), color_scheme="red"),
                ),
            ),
        ),
    )


def attempt_status_badge(status: rx.Var[str]) -> rx.Component:
    """In progress, submitted, or expired (time ran out)."""
    return rx.match(
        status,
        *[
            (value, rx.badge(tr(f"attempt_status.{value}"), color_scheme=colour))
            for value, colour in _ATTEMPT_STATUS_COLOURS.items()
        ],
        rx.badge(tr_tag("attempt_status.", status), color_scheme="gray"),
    )


def answer_feedback(item: rx.Var[ResultProblem]) -> rx.Component:
    """The checker's feedback (already in the reader's language) under an answer, unless the
    badge says it all or a teacher has graded the answer since."""
    return rx.cond(
        (item.feedback != "")
        & ~rx.Var.create(_SAID_BY_THE_BADGE).contains(item.feedback_code)
        & (item.status != REVIEWED),
        rx.text(item.feedback, size="2", color_scheme="gray"),
    )


def labelled(label_key: str, body: rx.Component) -> rx.Component:
    """A small grey caption over a value ("Your answer", "Correct answer")."""
    return rx.vstack(
        rx.text(tr(label_key), size="1", color_scheme="gray", weight="medium", as_="div"),
        body,
        spacing="1",
        width="100%",
    )


def given_answer(item: rx.Var[ResultProblem]) -> rx.Component:
    """The student's answer: a proof rendered as Markdown + LaTeX, anything else verbatim."""
    return rx.cond(
        item.answer != "",
        rx.cond(
            item.problem.kind == "proof",
            rx.box(
                math_markdown(item.answer),
                padding="0.5em 0.75em",
                border=f"1px solid {rx.color('gray', 5)}",
                border_radius="8px",
                width="100%",
            ),
            rx.code(item.answer, white_space="pre-wrap"),
        ),
        rx.text("—", color_scheme="gray"),
    )


def result_problem_header(item: rx.Var[ResultProblem], *badges: rx.Component) -> rx.Component:
    """ "Problem n", where the answer stands, any extra badges, and the score out of the points."""
    return rx.flex(
        rx.heading(tr("runner.problem_n"), " ", item.position.to_string(), as_="h3", size="4"),
        answer_status_badge(item),
        *badges,
        rx.spacer(),
        rx.text(
            rx.cond(item.score.is_not_none(), item.score.to_string(), "—"),
            " / ",
            item.points.to_string(),
            weight="bold",
        ),
        align="center",
        spacing="2",
        width="100%",
        wrap="wrap",
    )


def answer_and_key(item: rx.Var[ResultProblem], answer_label_key: str) -> rx.Component:
    """The given answer next to the correct one (side by side, stacked on a phone)."""
    return rx.grid(
        labelled(answer_label_key, given_answer(item)),
        rx.cond(
            item.correct_answer != "",
            labelled("runner.correct_answer", rx.code(item.correct_answer)),
        ),
        columns={"initial": "1", "sm": "2"},
        spacing="3",
        width="100%",
    )
