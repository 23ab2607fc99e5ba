"""The sections tab: rows with reordering and a dialog to write theory with a live preview."""

from __future__ import annotations

import reflex as rx

from mathkallos.components.forms import form_alert
from mathkallos.components.i18n import tr
from mathkallos.components.markdown import math_markdown
from mathkallos.pages.course_editor.state import CourseEditorState
from mathkallos.services.content.dto import CourseDetail, SectionLink


def _section_row(section: SectionLink) -> rx.Component:
    s = CourseEditorState
    return rx.hstack(
        rx.text(section.position.to_string() + ".", color_scheme="gray"),
        rx.text(section.title, weight="medium"),
        rx.spacer(),
        rx.icon_button(
            rx.icon("arrow-up", size=14),
            variant="ghost",
            size="1",
            aria_label=tr("teach.move_up"),
            on_click=s.move_section(section.id, -1),
        ),
        rx.icon_button(
            rx.icon("arrow-down", size=14),
            variant="ghost",
            size="1",
            aria_label=tr("teach.move_down"),
            on_click=s.move_section(section.id, 1),
        ),
        rx.button(
            tr("teach.edit"), size="1", variant="soft", on_click=s.edit_section(section.slug)
        ),
        rx.button(
            tr("teach.delete"),
            size="1",
            variant="soft",
            color_scheme="red",
            on_click=s.delete_section(section.id),
        ),
        align="center",
        width="100%",
        padding_y="0.3em",
        data_testid="editor-section-row",
    )


def _section_dialog() -> rx.Component:
    s = CourseEditorState
    errors = s.section_errors
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(
                rx.cond(s.section_id > 0, tr("teach.edit_section"), tr("teach.new_section"))
            ),
            rx.vstack(
                form_alert(errors.get("form", "").to(str)),
                rx.el.label(
                    tr("teach.section_title"), html_for="section-title", class_name="mk-label"
                ),
                rx.input(
                    id="section-title",
                    value=s.section_title,
                    width="100%",
                    on_change=lambda v: s.set_section_field("section_title", v),
                ),
                rx.cond(
                    errors.contains("title"),
                    rx.text(errors["title"].to(str), color_scheme="red", size="2"),
                ),
                rx.el.label(
                    tr("teach.section_content"), html_for="section-content", class_name="mk-label"
                ),
                rx.text_area(
                    id="section-content",
                    value=s.section_content,
                    rows="10",
                    width="100%",
                    debounce_timeout=300,
                    on_change=lambda v: s.set_section_field("section_content", v),
                ),
                rx.text(tr("editor.markdown_hint"), size="1", color_scheme="gray"),
                rx.box(
                    math_markdown(s.section_content),
                    padding="0.75em",
                    width="100%",
                    border=f"1px dashed {rx.color('gray', 7)}",
                    border_radius="8px",
                    max_height="300px",
                    overflow_y="auto",
                ),
                rx.el.label(tr("teach.video_url"), html_for="section-video", class_name="mk-label"),
                rx.input(
                    id="section-video",
                    value=s.section_video,
                    width="100%",
                    placeholder="https://",
                    on_change=lambda v: s.set_section_field("section_video", v),
                ),
                rx.cond(
                    errors.contains("video_url"),
                    rx.text(errors["video_url"].to(str), color_scheme="red", size="2"),
                ),
                rx.hstack(
                    rx.dialog.close(
                        rx.button(tr("common.cancel"), variant="soft", color_scheme="gray")
                    ),
                    rx.button(tr("teach.save"), on_click=s.save_section),
                    justify="end",
                    width="100%",
                ),
                spacing="2",
                width="100%",
            ),
            max_width="760px",
        ),
        open=s.section_open,
        on_open_change=s.set_section_open,
    )


def sections_tab(course: rx.Var[CourseDetail]) -> rx.Component:
    return rx.vstack(
        rx.foreach(course.sections, _section_row),
        rx.button(
            rx.icon("plus", size=16),
            tr("teach.new_section"),
            on_click=CourseEditorState.open_section(0),
            variant="soft",
        ),
        _section_dialog(),
        padding_y="1em",
        width="100%",
    )
