"""A finished attempt: score, pass mark, time used, and per problem the student's answer next
to the verdict, the correct answer and the worked solution. Proofs stay "awaiting review"."""

from __future__ import annotations

import reflex as rx

from mathkallos import routes
from mathkallos.components.buttons import link_button
from mathkallos.components.i18n import tr
from mathkallos.components.markdown import math_markdown
from mathkallos.components.verdict import (
    answer_and_key,
    answer_feedback,
    result_problem_header,
)
from mathkallos.pages.runner.state import RunnerState
from mathkallos.services.attempts.dto import ResultProblem, ResultView


def _problem(item: rx.Var[ResultProblem]) -> rx.Component:
    return rx.card(
        rx.vstack(
            result_problem_header(item),
            math_markdown(item.problem.statement),
            answer_and_key(item, "runner.your_answer"),
            answer_feedback(item),
            rx.cond(
                item.review_comment != "",
                rx.callout(
                    item.review_comment, icon="message-square", color_scheme="blue", width="100%"
                ),
            ),
            rx.cond(
                item.solution != "",
                rx.el.details(
                    rx.el.summary(tr("runner.solution")),
                    math_markdown(item.solution),
                    width="100%",
                ),
            ),
            spacing="3",
            width="100%",
        ),
        width="100%",
        data_testid="result-problem",
    )


def _summary(result: rx.Var[ResultView]) -> rx.Component:
    minutes = (result.time_used_seconds // 60).to_string()
    seconds = (result.time_used_seconds % 60).to_string()
    return rx.card(
        rx.hstack(
            rx.vstack(
                rx.text(tr("runner.score"), size="2", color_scheme="gray"),
                rx.text(
                    result.score.to_string(),
                    " / ",
                    result.max_score.to_string(),
                    size="8",
                    weight="bold",
                    data_testid="result-score",
                ),
                rx.progress(value=result.percent, width="12em"),
                spacing="1",
            ),
            rx.vstack(
                rx.text(tr("runner.percent"), size="2", color_scheme="gray"),
                rx.text(result.percent.to_string(), "%", size="6", weight="bold"),
                spacing="1",
            ),
            rx.vstack(
                rx.text(tr("runner.time_used"), size="2", color_scheme="gray"),
                rx.text(
                    minutes,
                    " ",
                    tr("runner.min"),
                    " ",
                    seconds,
                    " ",
                    tr("runner.sec"),
                    size="6",
                    weight="bold",
                ),
                spacing="1",
            ),
            rx.spacer(),
            rx.cond(
                result.provisional,
                rx.badge(
                    rx.icon("hourglass", size=14),
                    tr("runner.provisional"),
                    color_scheme="blue",
                    size="3",
                ),
                rx.cond(
                    result.passed,
                    rx.badge(
                        rx.icon("trophy", size=14),
                        tr("runner.passed"),
                        color_scheme="green",
                        size="3",
                    ),
                    rx.cond(  # a topic's practice set has no pass mark (None)
                        result.passed.is_not_none(),
                        rx.badge(tr("runner.not_passed"), color_scheme="orange", size="3"),
                    ),
                ),
            ),
            spacing="6",
            align="center",
            wrap="wrap",
            width="100%",
        ),
        size="3",
        width="100%",
    )


def result_view() -> rx.Component:
    result = RunnerState.result.to(ResultView)
    return rx.vstack(
        rx.link(
            rx.hstack(rx.icon("arrow-left", size=16), tr("runner.back_to_course"), align="center"),
            href=routes.course(result.course_slug),
            size="2",
        ),
        rx.heading(RunnerState.title, as_="h1", size="7"),
        rx.text(
            rx.cond(
                result.status == "expired", tr("runner.expired_note"), tr("runner.submitted_note")
            ),
            color_scheme="gray",
        ),
        _summary(result),
        rx.cond(
            result.provisional, rx.callout(tr("runner.provisional_note"), icon="info", width="100%")
        ),
        rx.heading(tr("runner.problems"), as_="h2", size="5"),
        rx.foreach(result.problems, _problem),
        link_button(
            tr("runner.back_to_course"), href=routes.course(result.course_slug), variant="soft"
        ),
        spacing="4",
        width="100%",
        max_width="860px",
        data_testid="result",
    )
