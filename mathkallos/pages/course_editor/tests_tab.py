"""The tests tab: tests with their mode, problems and points, and publishing."""

from __future__ import annotations

import reflex as rx

from mathkallos.components.forms import field, form_alert
from mathkallos.components.i18n import tr, tr_tag
from mathkallos.pages.course_editor.state import CourseEditorState
from mathkallos.services.content.dto import CourseDetail, TestSummary


def _test_row(test: TestSummary) -> rx.Component:
    s = CourseEditorState
    return rx.table.row(
        rx.table.cell(test.title),
        rx.table.cell(tr_tag("course.", test.mode)),
        rx.table.cell(test.problem_count.to_string() + " / " + test.total_points.to_string()),
        rx.table.cell(
            rx.cond(
                test.is_published,
                rx.badge(tr("status.published"), color_scheme="green"),
                rx.badge(tr("status.draft"), color_scheme="gray"),
            )
        ),
        rx.table.cell(
            rx.hstack(
                rx.button(
                    tr("teach.choose_problems"),
                    size="1",
                    variant="soft",
                    on_click=s.open_picks(test.slug),
                ),
                rx.button(
                    rx.cond(test.is_published, tr("teach.unpublish"), tr("teach.publish")),
                    size="1",
                    variant="outline",
                    on_click=s.toggle_test(test.id, ~test.is_published),
                ),
                spacing="2",
            )
        ),
    )


def _picks_dialog() -> rx.Component:
    s = CourseEditorState
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(tr("teach.choose_problems")),
            rx.dialog.description(tr("teach.points_hint"), size="2"),
            rx.vstack(
                rx.foreach(
                    s.problems,
                    lambda p: rx.hstack(
                        rx.input(
                            value=s.picks[p.id.to_string()].to(str),
                            width="70px",
                            aria_label=tr("teach.points"),
                            placeholder="—",
                            on_change=lambda v: s.set_pick(p.id.to_string(), v),
                        ),
                        rx.text(p.statement, size="2", class_name="mk-clamp"),
                        align="center",
                        width="100%",
                    ),
                ),
                max_height="400px",
                overflow_y="auto",
                width="100%",
                spacing="2",
                margin_y="1em",
            ),
            rx.hstack(
                rx.dialog.close(
                    rx.button(tr("common.cancel"), variant="soft", color_scheme="gray")
                ),
                rx.button(tr("teach.save"), on_click=s.save_picks),
                justify="end",
                width="100%",
            ),
            max_width="720px",
        ),
        open=s.picks_open,
        on_open_change=s.set_picks_open,
    )


def tests_tab(course: rx.Var[CourseDetail]) -> rx.Component:
    s = CourseEditorState
    errors = s.test_errors
    return rx.vstack(
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    *[
                        rx.table.column_header_cell(tr(k))
                        for k in (
                            "teach.col_test",
                            "teach.col_mode",
                            "teach.col_problems",
                            "editor.status",
                            "admin.col_actions",
                        )
                    ]
                )
            ),
            rx.table.body(rx.foreach(course.tests, _test_row)),
            variant="surface",
            width="100%",
        ),
        rx.form(
            rx.hstack(
                field("teach.test_title", "title", errors=errors),
                rx.vstack(
                    rx.text(tr("teach.col_mode"), size="2", weight="medium"),
                    rx.select.root(
                        rx.select.trigger(aria_label=tr("teach.col_mode")),
                        rx.select.content(
                            rx.select.item(tr("course.practice"), value="practice"),
                            rx.select.item(tr("course.exam"), value="exam"),
                        ),
                        value=s.test_mode,
                        on_change=s.set_test_mode,
                    ),
                ),
                field("teach.duration", "duration", errors=errors, required=False, type_="number"),
                rx.button(tr("teach.add_test"), type="submit", margin_top="1.6em"),
                align="start",
                spacing="3",
                width="100%",
                wrap="wrap",
            ),
            on_submit=s.create_test,
            reset_on_submit=True,
            width="100%",
        ),
        form_alert(errors.get("form", "").to(str)),
        _picks_dialog(),
        spacing="3",
        width="100%",
    )
