"""The course editor: details and publishing, sections (with live preview and reordering),
the course's problems, and tests with their problems and points."""

from __future__ import annotations

import reflex as rx

from mathkallos import routes
from mathkallos.components.buttons import link_button
from mathkallos.components.forms import field, form_alert
from mathkallos.components.guard import guarded
from mathkallos.components.i18n import tr, tr_tag
from mathkallos.components.layout import layout
from mathkallos.models.content import CourseLevel
from mathkallos.models.users import Role
from mathkallos.pages.course_editor.sections import sections_tab
from mathkallos.pages.course_editor.state import CourseEditorState
from mathkallos.pages.course_editor.tests_tab import tests_tab
from mathkallos.services.content.dto import CourseDetail, ProblemAuthoring


def _details(course: rx.Var[CourseDetail]) -> rx.Component:
    errors = CourseEditorState.errors
    return rx.form(
        rx.vstack(
            form_alert(errors.get("form", "").to(str)),
            field("teach.course_title", "title", errors=errors, default_value=course.title),
            field(
                "teach.slug",
                "slug",
                errors=errors,
                default_value=course.slug,
                hint_key="teach.slug_hint",
            ),
            field(
                "teach.course_summary",
                "summary",
                errors=errors,
                default_value=course.summary,
                required=False,
            ),
            rx.el.label(
                tr("teach.description"), html_for="field-description", class_name="mk-label"
            ),
            rx.text_area(
                id="field-description",
                name="description",
                rows="6",
                width="100%",
                default_value=course.description,
            ),
            rx.el.label(tr("course.syllabus"), html_for="field-syllabus", class_name="mk-label"),
            rx.text_area(
                id="field-syllabus",
                name="syllabus",
                rows="4",
                width="100%",
                default_value=course.syllabus,
            ),
            field(
                "editor.topics",
                "topics",
                errors=errors,
                default_value=course.topics.join(", "),
                required=False,
                hint_key="editor.topics_hint",
            ),
            rx.grid(
                rx.vstack(
                    rx.text(tr("catalog.level"), size="2", weight="medium"),
                    rx.select.root(
                        rx.select.trigger(aria_label=tr("catalog.level"), width="100%"),
                        rx.select.content(
                            *[
                                rx.select.item(tr(f"level.{lvl.value}"), value=lvl.value)
                                for lvl in CourseLevel
                            ]
                        ),
                        value=CourseEditorState.level,
                        on_change=CourseEditorState.set_level,
                    ),
                    width="100%",
                ),
                field(
                    "catalog.price",
                    "price",
                    errors=errors,
                    type_="number",
                    default_value=course.price.to_string(),
                    hint_key="teach.price_hint",
                ),
                columns="2",
                spacing="3",
                width="100%",
            ),
            rx.button(rx.icon("save", size=16), tr("teach.save_details"), type="submit"),
            spacing="3",
            width="100%",
        ),
        on_submit=CourseEditorState.save_details,
        key=course.updated_at.to(str),
        width="100%",
    )


def _problem_row(problem: ProblemAuthoring) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(problem.statement, size="2", class_name="mk-clamp")),
        rx.table.cell(tr_tag("kind.", problem.kind)),
        rx.table.cell(problem.difficulty),
        rx.table.cell(tr_tag("status.", problem.status)),
        rx.table.cell(
            link_button(
                tr("teach.edit"), href=routes.teach_problem(problem.id), size="1", variant="soft"
            )
        ),
        data_testid="editor-problem-row",
    )


def _editor(course: rx.Var[CourseDetail]) -> rx.Component:
    s = CourseEditorState
    return rx.vstack(
        rx.hstack(
            rx.link(
                rx.hstack(rx.icon("arrow-left", size=16), tr("teach.title")), href=routes.TEACH
            ),
            rx.spacer(),
            rx.menu.root(
                rx.menu.trigger(
                    rx.button(rx.icon("download", size=16), tr("teach.export"), variant="soft")
                ),
                rx.menu.content(
                    rx.menu.item(tr("teach.export_json"), on_select=s.export("json")),
                    rx.menu.item(tr("teach.export_csv"), on_select=s.export("csv")),
                ),
            ),
            rx.cond(
                course.is_published,
                link_button(tr("teach.view"), href=routes.course(course.slug), variant="soft"),
            ),
            rx.button(
                rx.cond(course.is_published, tr("teach.unpublish"), tr("teach.publish")),
                on_click=s.toggle_published,
                color_scheme=rx.cond(course.is_published, "gray", "green"),
            ),
            width="100%",
            align="center",
            spacing="3",
        ),
        rx.heading(course.title, as_="h1", size="7"),
        rx.tabs.root(
            rx.tabs.list(
                rx.tabs.trigger(tr("teach.tab_details"), value="details"),
                rx.tabs.trigger(tr("course.sections"), value="sections"),
                rx.tabs.trigger(tr("teach.tab_problems"), value="problems"),
                rx.tabs.trigger(tr("course.tests"), value="tests"),
            ),
            rx.tabs.content(rx.box(_details(course), padding_y="1em"), value="details"),
            rx.tabs.content(sections_tab(course), value="sections"),
            rx.tabs.content(
                rx.vstack(
                    link_button(
                        rx.icon("plus", size=16),
                        tr("editor.new_title"),
                        href=routes.teach_problem(routes.NEW, course.id),
                        variant="soft",
                    ),
                    rx.table.root(
                        rx.table.header(
                            rx.table.row(
                                *[
                                    rx.table.column_header_cell(tr(k))
                                    for k in (
                                        "editor.statement",
                                        "editor.kind",
                                        "editor.difficulty",
                                        "editor.status",
                                        "admin.col_actions",
                                    )
                                ]
                            )
                        ),
                        rx.table.body(rx.foreach(s.problems, _problem_row)),
                        variant="surface",
                        width="100%",
                    ),
                    padding_y="1em",
                    width="100%",
                ),
                value="problems",
            ),
            rx.tabs.content(rx.box(tests_tab(course), padding_y="1em"), value="tests"),
            default_value="details",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )


def course_editor_page() -> rx.Component:
    return layout(
        guarded(
            rx.cond(
                CourseEditorState.course,
                _editor(CourseEditorState.course.to(CourseDetail)),
                form_alert(CourseEditorState.errors.get("form", "").to(str)),
            ),
            Role.TEACHER,
            Role.ADMIN,
        )
    )
