"""`/attempts/[attempt_id]`: the test runner while an attempt is open, its results after."""

from __future__ import annotations

import reflex as rx

from mathkallos import routes
from mathkallos.components.buttons import link_button
from mathkallos.components.guard import guarded, loading
from mathkallos.components.i18n import tr
from mathkallos.components.layout import layout
from mathkallos.pages.runner.result import result_view
from mathkallos.pages.runner.state import RunnerState
from mathkallos.pages.runner.workspace import workspace


def _missing() -> rx.Component:
    return rx.vstack(
        rx.icon("file-x", size=44, color=rx.color("gray", 9)),
        rx.heading(RunnerState.error, as_="h1", size="5"),
        link_button(tr("course.back"), href=routes.COURSES),
        align="center",
        padding_y="4em",
        data_testid="attempt-missing",
    )


def runner_page() -> rx.Component:
    return layout(
        guarded(
            rx.cond(
                RunnerState.result,
                result_view(),
                rx.cond(
                    RunnerState.attempt,
                    workspace(),
                    rx.cond(RunnerState.error != "", _missing(), loading()),
                ),
            )
        )
    )


__all__ = ["RunnerState", "runner_page"]
