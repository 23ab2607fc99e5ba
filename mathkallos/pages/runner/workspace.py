"""The runner while an attempt is open: problem navigation, the statement, the answer control,
and either practice help (verdict, hints, solution) or the exam bar (countdown, autosave)."""

from __future__ import annotations

import reflex as rx

from mathkallos import routes
from mathkallos.components.countdown import countdown
from mathkallos.components.i18n import tr, tr_tag
from mathkallos.components.markdown import math_markdown
from mathkallos.components.proctoring import proctoring_listener
from mathkallos.pages.runner.answer import answer_control
from mathkallos.pages.runner.state import RunnerState
from mathkallos.services.attempts.dto import AttemptProblem, VerdictView

_ENTER_FULLSCREEN = (
    "document.documentElement.requestFullscreen && "
    "document.documentElement.requestFullscreen().catch(() => {})"
)


def _nav_button(item: rx.Var[AttemptProblem], index: rx.Var[int]) -> rx.Component:
    """Blue: answered (exam); green/red: right/wrong so far (practice); the current is solid."""
    state = item.state
    is_current = index == RunnerState.index
    exam_color = rx.cond(
        RunnerState.saved_answers.contains(item.problem.id.to_string()), "blue", "gray"
    )
    practice_color = rx.cond(
        state.verdict,
        rx.cond(state.verdict.correct, "green", rx.cond(state.tries > 0, "red", "gray")),
        "gray",
    )
    color = rx.cond(RunnerState.is_exam, exam_color, practice_color)
    return rx.button(
        (index + 1).to_string(),
        on_click=RunnerState.go(index),
        variant=rx.cond(is_current, "solid", "soft"),
        color_scheme=rx.cond(is_current & (color == "gray"), "indigo", color),
        size="2",
        min_width="2.5em",
        aria_current=rx.cond(is_current, "step", "false"),
        aria_label=RunnerState.t["runner.problem_n"].to(str) + " " + (index + 1).to_string(),
        data_testid="problem-nav",
    )


def _problem_nav() -> rx.Component:
    return rx.el.nav(
        rx.hstack(
            rx.foreach(RunnerState.attempt.problems, _nav_button),
            spacing="2",
            wrap="wrap",
        ),
        aria_label=tr("runner.problems"),
    )


def _verdict(verdict: rx.Var[VerdictView]) -> rx.Component:
    color = rx.match(
        verdict.status,
        ("checked", rx.cond(verdict.correct, "green", "red")),
        ("needs_review", "blue"),
        "amber",
    )
    icon = rx.match(
        verdict.status,
        ("checked", rx.cond(verdict.correct, rx.icon("circle-check"), rx.icon("circle-x"))),
        ("needs_review", rx.icon("hourglass")),
        rx.icon("circle-alert"),
    )
    return rx.callout.root(
        rx.callout.icon(icon),
        rx.callout.text(
            rx.text(
                rx.match(
                    verdict.status,
                    (
                        "checked",
                        rx.cond(verdict.correct, tr("runner.correct"), tr("runner.incorrect")),
                    ),
                    ("needs_review", tr("runner.awaiting_review")),
                    tr("runner.not_counted"),
                ),
                weight="bold",
            ),
            rx.cond(
                (verdict.code != "correct") & (verdict.code != "incorrect"),
                rx.text.span(" ", verdict.feedback),
            ),
        ),
        color_scheme=color,
        role="status",
        width="100%",
        data_testid="verdict",
    )


def _hints() -> rx.Component:
    state = RunnerState.current.state
    return rx.cond(
        state.hints.length() > 0,
        rx.vstack(
            rx.foreach(
                state.hints,
                lambda hint, i: rx.card(
                    rx.hstack(
                        rx.icon("lightbulb", size=16, color=rx.color("amber", 10)),
                        rx.text(
                            tr("runner.hint"), " ", (i + 1).to_string(), weight="bold", size="2"
                        ),
                        align="center",
                        spacing="2",
                    ),
                    math_markdown(hint),
                    width="100%",
                    data_testid="hint",
                ),
            ),
            spacing="2",
            width="100%",
        ),
    )


def _solution() -> rx.Component:
    solution = RunnerState.solution
    return rx.cond(
        solution,
        rx.card(
            rx.heading(tr("runner.solution"), as_="h3", size="4"),
            rx.cond(
                solution.correct_answer != "",
                rx.hstack(
                    rx.text(tr("runner.correct_answer"), weight="medium"),
                    rx.code(solution.correct_answer),
                    align="center",
                    wrap="wrap",
                ),
            ),
            math_markdown(solution.solution),
            width="100%",
            data_testid="solution",
        ),
    )


def _practice_actions() -> rx.Component:
    state = RunnerState.current.state
    return rx.vstack(
        rx.hstack(
            rx.button(
                rx.icon("check", size=16),
                tr("runner.check"),
                on_click=RunnerState.check,
                loading=RunnerState.busy,
                disabled=RunnerState.draft.strip() == "",
                size="3",
            ),
            rx.button(
                rx.icon("lightbulb", size=16),
                tr("runner.get_hint"),
                rx.badge(RunnerState.hints_left.to_string(), variant="surface"),
                on_click=RunnerState.hint,
                disabled=RunnerState.hints_left <= 0,
                variant="soft",
                color_scheme="amber",
                size="3",
            ),
            rx.cond(
                state.can_see_solution,
                rx.cond(
                    ~RunnerState.solution,
                    rx.button(
                        rx.icon("book-open", size=16),
                        tr("runner.show_solution"),
                        on_click=RunnerState.show_solution,
                        variant="soft",
                        size="3",
                    ),
                ),
                rx.alert_dialog.root(
                    rx.alert_dialog.trigger(
                        rx.button(
                            rx.icon("flag", size=16),
                            tr("runner.give_up"),
                            variant="ghost",
                            color_scheme="gray",
                            size="3",
                        )
                    ),
                    rx.alert_dialog.content(
                        rx.alert_dialog.title(tr("runner.give_up_title")),
                        rx.alert_dialog.description(tr("runner.give_up_text")),
                        rx.hstack(
                            rx.alert_dialog.cancel(
                                rx.button(tr("common.cancel"), variant="soft", color_scheme="gray")
                            ),
                            rx.alert_dialog.action(
                                rx.button(
                                    tr("runner.give_up_confirm"), on_click=RunnerState.give_up
                                )
                            ),
                            justify="end",
                            spacing="3",
                            margin_top="1em",
                        ),
                    ),
                ),
            ),
            spacing="3",
            wrap="wrap",
            align="center",
        ),
        rx.cond(
            state.tries > 0,
            rx.text(
                RunnerState.t["runner.tries"].to(str),
                " ",
                state.tries.to_string(),
                size="2",
                color_scheme="gray",
            ),
        ),
        rx.cond(state.verdict, _verdict(state.verdict.to(VerdictView))),
        _hints(),
        _solution(),
        spacing="3",
        width="100%",
    )


def _step_buttons() -> rx.Component:
    return rx.hstack(
        rx.button(
            rx.icon("arrow-left", size=16),
            tr("runner.previous"),
            on_click=RunnerState.go(RunnerState.index - 1),
            disabled=RunnerState.index == 0,
            variant="soft",
            color_scheme="gray",
        ),
        rx.spacer(),
        rx.button(
            tr("runner.next"),
            rx.icon("arrow-right", size=16),
            on_click=RunnerState.go(RunnerState.index + 1),
            disabled=RunnerState.index >= RunnerState.problem_count - 1,
            variant="soft",
        ),
        width="100%",
    )


def _problem_card() -> rx.Component:
    current = RunnerState.current
    problem = current.problem
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(RunnerState.position_label, as_="h2", size="4"),
                rx.spacer(),
                rx.badge(  # "Points: 2", not "2 pts": no plural forms to get wrong
                    tr("runner.points"),
                    " ",
                    current.state.points.to_string(),
                    variant="soft",
                    size="2",
                ),
                rx.foreach(
                    problem.topics, lambda t: rx.badge(tr_tag("topic.", t), variant="outline")
                ),
                align="center",
                width="100%",
                wrap="wrap",
            ),
            rx.box(math_markdown(problem.statement), width="100%", data_testid="statement"),
            rx.divider(),
            answer_control(disabled=RunnerState.attempt.status != "in_progress"),
            rx.cond(RunnerState.is_exam, _save_note(), _practice_actions()),
            rx.divider(),
            _step_buttons(),
            spacing="4",
            width="100%",
        ),
        size="3",
        width="100%",
    )


def _save_note() -> rx.Component:
    return rx.hstack(
        rx.cond(
            RunnerState.save_failed,
            rx.icon("circle-alert", size=14),
            rx.icon("cloud-upload", size=14),
        ),
        rx.text(
            rx.cond(RunnerState.save_note != "", RunnerState.save_note, tr("runner.autosave")),
            size="2",
        ),
        color=rx.cond(RunnerState.save_failed, rx.color("red", 11), rx.color("gray", 11)),
        align="center",
        spacing="1",
        aria_live="polite",
        data_testid="save-note",
    )


def _submit_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button(
                rx.icon("send", size=16),
                rx.cond(RunnerState.is_exam, tr("runner.submit_exam"), tr("runner.finish")),
                color_scheme=rx.cond(RunnerState.is_exam, "red", "green"),
                size="3",
            )
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title(
                rx.cond(RunnerState.is_exam, tr("runner.submit_title"), tr("runner.finish_title"))
            ),
            rx.alert_dialog.description(
                rx.cond(
                    RunnerState.unanswered_count > 0,
                    RunnerState.t["runner.unanswered"].to(str)
                    + " "
                    + RunnerState.unanswered_count.to_string(),
                    tr("runner.all_answered"),
                ),
            ),
            rx.hstack(
                rx.alert_dialog.cancel(
                    rx.button(tr("runner.keep_working"), variant="soft", color_scheme="gray")
                ),
                rx.alert_dialog.action(
                    rx.button(tr("runner.submit_confirm"), on_click=RunnerState.submit)
                ),
                justify="end",
                spacing="3",
                margin_top="1em",
            ),
        ),
    )


def _exam_bar() -> rx.Component:
    """The exam's sticky bar: time left (server-anchored), full screen, submit."""
    return rx.hstack(
        rx.hstack(
            rx.icon("timer", size=20),
            rx.text(tr("runner.time_left"), size="2"),
            rx.text(
                countdown(
                    seconds_left=RunnerState.seconds_left,
                    stamp=RunnerState.timer_stamp,
                    on_expire=RunnerState.time_up,
                    custom_attrs={"role": "timer", "data-testid": "countdown"},
                ),
                size="5",
                weight="bold",
                font_family="monospace",
            ),
            align="center",
            spacing="2",
        ),
        rx.spacer(),
        rx.button(
            rx.icon("maximize", size=16),
            tr("runner.fullscreen"),
            on_click=rx.call_script(_ENTER_FULLSCREEN),
            variant="ghost",
            color_scheme="gray",
        ),
        _submit_dialog(),
        proctoring_listener(
            on_blur=RunnerState.proctor("window_blur"),
            on_focus=RunnerState.proctor("window_focus"),
            on_visibility_change=RunnerState.visibility,
            on_copy=RunnerState.proctor("copy"),
            on_paste=RunnerState.proctor("paste"),
            on_fullscreen_change=RunnerState.fullscreen,
        ),
        align="center",
        width="100%",
        padding="0.75em 1em",
        border_radius="10px",
        background=rx.color("gray", 2),
        border=f"1px solid {rx.color('gray', 5)}",
        position="sticky",
        top="0.5em",
        z_index="5",
        wrap="wrap",
        data_testid="exam-bar",
    )


def workspace() -> rx.Component:
    attempt = RunnerState.attempt
    return rx.vstack(
        rx.link(
            rx.hstack(rx.icon("arrow-left", size=16), tr("runner.back_to_course"), align="center"),
            href=routes.course(attempt.course_slug),
            size="2",
        ),
        rx.hstack(
            rx.heading(RunnerState.title, as_="h1", size="7"),
            rx.cond(
                RunnerState.is_exam,
                rx.badge(rx.icon("timer", size=12), tr("course.exam"), color_scheme="red"),
                rx.badge(rx.icon("dumbbell", size=12), tr("course.practice")),
            ),
            align="center",
            spacing="3",
            wrap="wrap",
        ),
        rx.cond(
            RunnerState.is_exam,
            rx.vstack(
                _exam_bar(),
                rx.text(tr("runner.exam_rules"), size="2", color_scheme="gray"),
                width="100%",
            ),
            rx.hstack(
                rx.text(tr("runner.practice_rules"), size="2", color_scheme="gray"),
                rx.spacer(),
                _submit_dialog(),
                width="100%",
                align="center",
                wrap="wrap",
            ),
        ),
        _problem_nav(),
        rx.cond(RunnerState.current, _problem_card()),
        spacing="4",
        width="100%",
        max_width="860px",
        data_testid="runner",
    )
