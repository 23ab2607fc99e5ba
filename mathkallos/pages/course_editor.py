"""The course editor: details and publishing, sections (with live preview and reordering),
the course's problems, and tests with their problems and points."""

from __future__ import annotations

from typing import Any

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.buttons import link_button
from mathkallos.components.forms import field, form_alert
from mathkallos.components.guard import guarded
from mathkallos.components.i18n import tr, tr_tag
from mathkallos.components.layout import layout
from mathkallos.components.markdown import math_markdown
from mathkallos.models.content import CourseLevel, TestMode
from mathkallos.models.users import Role
from mathkallos.services import content
from mathkallos.services.content.dto import CourseDetail, ProblemAuthoring, SectionLink, TestSummary
from mathkallos.services.errors import DomainError, InvalidInput
from mathkallos.state import AppState, run_service


class CourseEditorState(AppState):
    course: CourseDetail | None = None
    problems: list[ProblemAuthoring] = []
    errors: dict[str, str] = {}
    level: str = CourseLevel.INTRODUCTORY.value
    section_id: int = 0
    section_title: str = ""
    section_content: str = ""
    section_video: str = ""
    section_open: bool = False
    section_errors: dict[str, str] = {}
    test_errors: dict[str, str] = {}
    test_mode: str = TestMode.PRACTICE.value
    picks_test_id: int = 0
    picks: dict[str, str] = {}
    picks_open: bool = False

    def _course_id(self) -> int:
        try:
            return int(self.route_arg("course_id"))
        except ValueError:
            return 0

    def _form_errors(self, error: DomainError) -> dict[str, str]:
        if isinstance(error, InvalidInput) and error.errors:
            return {(e.field or "form").split(".")[-1]: self.message(e) for e in error.errors}
        return {(error.field or "form").split(".")[-1]: self.message(error)}

    async def _refresh(self) -> None:
        actor = await self.actor()
        course_id = self._course_id()
        self.course = await run_service(
            content.get_course_for_editing, actor=actor, course_id=course_id
        )
        self.problems = await run_service(content.course_problems, actor=actor, course_id=course_id)
        self.level = self.course.level

    async def _do(self, service: Any, toast_key: str, **kwargs: Any):  # noqa: ANN202
        """Run one change, reload the course, and say how it went."""
        try:
            await run_service(service, actor=await self.actor(), **kwargs)
            await self._refresh()
        except DomainError as error:
            return rx.toast.error(self.message(error))
        return rx.toast.success(i18n.translate(toast_key, self.lang))

    @rx.event
    async def load(self) -> None:
        self.course, self.errors = None, {}
        try:
            await self._refresh()
        except DomainError as error:
            self.errors = {"form": self.message(error)}

    @rx.event
    def set_level(self, value: str) -> None:
        self.level = value

    @rx.event
    async def save_details(self, form: dict[str, Any]):  # noqa: ANN201 - event specs
        assert self.course is not None
        try:
            price = int(str(form.get("price", "0")) or 0)
        except ValueError:
            self.errors = {"price": i18n.translate("content.errors.price_invalid", self.lang)}
            return None
        topics = [t.strip().lower() for t in str(form.get("topics", "")).split(",") if t.strip()]
        try:
            await run_service(
                content.update_course,
                actor=await self.actor(),
                course_id=self.course.id,
                title=str(form.get("title", "")),
                slug=str(form.get("slug", "")),
                summary=str(form.get("summary", "")),
                description=str(form.get("description", "")),
                syllabus=str(form.get("syllabus", "")),
                topics=topics,
                level=self.level,
                price=price,
            )
            await self._refresh()
        except DomainError as error:
            self.errors = self._form_errors(error)
            return None
        self.errors = {}
        return rx.toast.success(i18n.translate("teach.saved", self.lang))

    @rx.event
    async def toggle_published(self):  # noqa: ANN201 - event specs
        assert self.course is not None
        return await self._do(
            content.set_course_published,
            "teach.saved",
            course_id=self.course.id,
            published=not self.course.is_published,
        )

    # Sections
    @rx.event
    def open_section(self, section_id: int) -> None:
        self.section_id, self.section_errors, self.section_open = section_id, {}, True
        self.section_title = self.section_content = self.section_video = ""

    @rx.event
    async def edit_section(self, section_slug: str) -> None:
        assert self.course is not None
        view = await run_service(
            content.get_section,
            actor=await self.actor(),
            course_slug=self.course.slug,
            section_slug=section_slug,
        )
        self.section_id, self.section_title = view.id, view.title
        self.section_content, self.section_video = view.content, view.video_url or ""
        self.section_errors, self.section_open = {}, True

    @rx.event
    def set_section_open(self, is_open: bool) -> None:
        self.section_open = is_open

    @rx.event
    def set_section_field(self, name: str, value: str) -> None:
        if name in ("section_title", "section_content", "section_video"):
            setattr(self, name, value)

    @rx.event
    async def save_section(self):  # noqa: ANN201 - event specs
        assert self.course is not None
        fields = {
            "title": self.section_title,
            "content": self.section_content,
            "video_url": self.section_video.strip() or None,
        }
        try:
            if self.section_id:
                await run_service(
                    content.update_section,
                    actor=await self.actor(),
                    section_id=self.section_id,
                    **{**fields, "video_url": self.section_video.strip()},
                )
            else:
                await run_service(
                    content.create_section,
                    actor=await self.actor(),
                    course_id=self.course.id,
                    **fields,
                )
            await self._refresh()
        except DomainError as error:
            self.section_errors = self._form_errors(error)
            return None
        self.section_open = False
        return rx.toast.success(i18n.translate("teach.saved", self.lang))

    @rx.event
    async def move_section(self, section_id: int, step: int):  # noqa: ANN201 - event specs
        assert self.course is not None
        order = [s.id for s in self.course.sections]
        index = order.index(section_id)
        target = index + step
        if not 0 <= target < len(order):
            return None
        order[index], order[target] = order[target], order[index]
        return await self._do(
            content.reorder_sections, "teach.saved", course_id=self.course.id, section_ids=order
        )

    @rx.event
    async def delete_section(self, section_id: int):  # noqa: ANN201 - event specs
        return await self._do(content.delete_section, "teach.deleted", section_id=section_id)

    # Tests
    @rx.event
    def set_test_mode(self, value: str) -> None:
        self.test_mode = value

    @rx.event
    async def create_test(self, form: dict[str, Any]):  # noqa: ANN201 - event specs
        assert self.course is not None
        raw_duration = str(form.get("duration", "")).strip()
        try:
            duration = int(raw_duration) if raw_duration else None
        except ValueError:
            duration = -1  # the service explains the allowed range
        try:
            await run_service(
                content.create_test,
                actor=await self.actor(),
                course_id=self.course.id,
                title=str(form.get("title", "")),
                mode=self.test_mode,
                duration_minutes=duration,
            )
            await self._refresh()
        except DomainError as error:
            self.test_errors = self._form_errors(error)
            return None
        self.test_errors = {}
        return rx.toast.success(i18n.translate("teach.saved", self.lang))

    @rx.event
    async def toggle_test(self, test_id: int, published: bool):  # noqa: ANN201 - event specs
        return await self._do(
            content.set_test_published, "teach.saved", test_id=test_id, published=published
        )

    @rx.event
    async def open_picks(self, test_slug: str) -> None:
        assert self.course is not None
        summary, rows = await run_service(
            content.get_test_problems,
            actor=await self.actor(),
            course_slug=self.course.slug,
            test_slug=test_slug,
        )
        chosen = {str(problem.id): str(points) for problem, points in rows}
        self.picks = {str(p.id): chosen.get(str(p.id), "") for p in self.problems}
        self.picks_test_id, self.picks_open = summary.id, True

    @rx.event
    def set_picks_open(self, is_open: bool) -> None:
        self.picks_open = is_open

    @rx.event
    def set_pick(self, problem_id: str, points: str) -> None:
        self.picks = {**self.picks, problem_id: points}

    @rx.event
    async def save_picks(self):  # noqa: ANN201 - event specs
        items = []
        for problem_id, points in self.picks.items():
            if points.strip():
                try:
                    items.append((int(problem_id), int(points)))
                except ValueError:
                    items.append((int(problem_id), 0))  # the service explains the range
        spec = await self._do(
            content.set_test_problems, "teach.saved", test_id=self.picks_test_id, items=items
        )
        self.picks_open = False
        return spec


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


def _tests(course: rx.Var[CourseDetail]) -> rx.Component:
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


def _editor(course: rx.Var[CourseDetail]) -> rx.Component:
    s = CourseEditorState
    return rx.vstack(
        rx.hstack(
            rx.link(
                rx.hstack(rx.icon("arrow-left", size=16), tr("teach.title")), href=routes.TEACH
            ),
            rx.spacer(),
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
            rx.tabs.content(
                rx.vstack(
                    rx.foreach(course.sections, _section_row),
                    rx.button(
                        rx.icon("plus", size=16),
                        tr("teach.new_section"),
                        on_click=s.open_section(0),
                        variant="soft",
                    ),
                    _section_dialog(),
                    padding_y="1em",
                    width="100%",
                ),
                value="sections",
            ),
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
            rx.tabs.content(rx.box(_tests(course), padding_y="1em"), value="tests"),
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
