"""The teacher's hub (my courses, a new course) and the content import page."""

from __future__ import annotations

from typing import Any

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.buttons import link_button
from mathkallos.components.forms import field, form_alert
from mathkallos.components.guard import guarded
from mathkallos.components.i18n import tr, tr_tag
from mathkallos.components.layout import layout
from mathkallos.models.users import Role
from mathkallos.services import content
from mathkallos.services.content.dto import CourseCard
from mathkallos.services.errors import DomainError, InvalidInput
from mathkallos.state import AppState, run_service

_STAFF = (Role.TEACHER, Role.ADMIN)


class TeachState(AppState):
    courses: list[CourseCard] = []
    new_errors: dict[str, str] = {}
    new_open: bool = False

    @rx.event
    async def load(self) -> None:
        try:
            self.courses = await run_service(content.authored_courses, actor=await self.actor())
        except DomainError:
            self.courses = []

    @rx.event
    def set_new_open(self, is_open: bool) -> None:
        self.new_open, self.new_errors = is_open, {}

    @rx.event
    async def create_course(self, form: dict[str, Any]):  # noqa: ANN201 - event specs
        try:
            course = await run_service(
                content.create_course,
                actor=await self.actor(),
                title=str(form.get("title", "")),
                summary=str(form.get("summary", "")),
            )
        except DomainError as error:
            self.new_errors = (
                self.field_errors(error)
                if isinstance(error, InvalidInput) and error.errors
                else {error.field or "form": self.message(error)}
            )
            return None
        self.new_open = False
        return rx.redirect(routes.teach_course(course.id))


def _course_row(card: CourseCard) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(card.title, href=routes.teach_course(card.id), weight="medium")),
        rx.table.cell(tr_tag("level.", card.level)),
        rx.table.cell(card.section_count),
        rx.table.cell(
            rx.cond(
                card.is_published,
                rx.badge(tr("status.published"), color_scheme="green"),
                rx.badge(tr("status.draft"), color_scheme="gray"),
            )
        ),
        rx.table.cell(
            rx.link(
                rx.hstack(rx.icon("chart-column", size=14), tr("nav.report"), align="center"),
                href=routes.teach_report(card.id),
                size="2",
            )
        ),
        data_testid="teach-course-row",
    )


def _new_course_dialog() -> rx.Component:
    errors = TeachState.new_errors
    return rx.dialog.root(
        rx.dialog.trigger(rx.button(rx.icon("plus", size=16), tr("teach.new_course"))),
        rx.dialog.content(
            rx.dialog.title(tr("teach.new_course")),
            form_alert(errors.get("form", "").to(str)),
            rx.form(
                rx.vstack(
                    field("teach.course_title", "title", errors=errors),
                    field("teach.course_summary", "summary", errors=errors, required=False),
                    rx.hstack(
                        rx.dialog.close(
                            rx.button(
                                tr("common.cancel"),
                                variant="soft",
                                color_scheme="gray",
                                type="button",
                            )
                        ),
                        rx.button(tr("teach.create"), type="submit"),
                        justify="end",
                        width="100%",
                    ),
                    spacing="3",
                ),
                on_submit=TeachState.create_course,
            ),
        ),
        open=TeachState.new_open,
        on_open_change=TeachState.set_new_open,
    )


def teach_page() -> rx.Component:
    return layout(
        guarded(
            rx.vstack(
                rx.hstack(
                    rx.heading(tr("teach.title"), as_="h1", size="7"),
                    rx.spacer(),
                    link_button(
                        rx.icon("inbox", size=16),
                        tr("nav.review"),
                        href=routes.TEACH_REVIEW,
                        variant="soft",
                    ),
                    link_button(
                        rx.icon("list-checks", size=16),
                        tr("nav.attempts"),
                        href=routes.TEACH_ATTEMPTS,
                        variant="soft",
                    ),
                    link_button(
                        rx.icon("upload", size=16),
                        tr("teach.import"),
                        href=routes.TEACH_IMPORT,
                        variant="soft",
                    ),
                    _new_course_dialog(),
                    width="100%",
                    align="center",
                    wrap="wrap",
                    spacing="3",
                ),
                rx.text(tr("teach.subtitle"), color_scheme="gray"),
                rx.cond(
                    TeachState.courses.length() > 0,
                    rx.table.root(
                        rx.table.header(
                            rx.table.row(
                                *[
                                    rx.table.column_header_cell(tr(k))
                                    for k in (
                                        "teach.col_course",
                                        "catalog.level",
                                        "course.sections",
                                        "editor.status",
                                        "reports.title",
                                    )
                                ]
                            )
                        ),
                        rx.table.body(rx.foreach(TeachState.courses, _course_row)),
                        variant="surface",
                        width="100%",
                    ),
                    rx.callout(tr("teach.no_courses"), icon="info", width="100%"),
                ),
                spacing="4",
                width="100%",
            ),
            *_STAFF,
        )
    )


class ImportState(AppState):
    summary: str = ""
    problems: list[str] = []
    busy: bool = False

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):  # noqa: ANN201 - event specs
        if not files:
            return
        upload = files[0]
        self.busy, self.summary, self.problems = True, "", []
        yield
        data = await upload.read()
        name = upload.name or "upload"
        try:
            report = await run_service(
                content.import_upload, actor=await self.actor(), filename=name, data=data
            )
        except DomainError as error:
            self.busy, self.problems = False, [self.message(error)]
            return
        self.busy = False
        if report.ok:
            created = ", ".join(f"{n} {kind}" for kind, n in report.created.items() if n)
            self.summary = i18n.translate("teach.import_done", self.lang, created=created or "0")
            yield rx.toast.success(self.summary)
            return
        self.summary = i18n.translate("teach.import_refused", self.lang, count=len(report.errors))
        self.problems = [
            i18n.translate(
                "teach.import_issue",
                self.lang,
                row=issue.row,
                field=issue.field,
                message=i18n.translate(issue.message, self.lang, detail=issue.detail),
            )
            for issue in report.errors
        ]


def import_page() -> rx.Component:
    return layout(
        guarded(
            rx.vstack(
                rx.heading(tr("teach.import_title"), as_="h1", size="7"),
                rx.text(tr("teach.import_text"), color_scheme="gray"),
                rx.upload(
                    rx.vstack(
                        rx.icon("file-up", size=36, color=rx.color("accent", 9)),
                        rx.text(tr("teach.import_drop")),
                        rx.button(tr("teach.import_choose"), variant="soft", type="button"),
                        align="center",
                        spacing="2",
                    ),
                    id="content-import",
                    accept={"application/json": [".json"], "text/csv": [".csv"]},
                    max_files=1,
                    on_drop=ImportState.upload(rx.upload_files(upload_id="content-import")),
                    border=f"2px dashed {rx.color('gray', 7)}",
                    padding="2em",
                    width="100%",
                    border_radius="12px",
                ),
                rx.cond(ImportState.busy, rx.hstack(rx.spinner(), rx.text(tr("common.loading")))),
                rx.cond(
                    ImportState.summary != "",
                    rx.callout(
                        ImportState.summary,
                        width="100%",
                        data_testid="import-summary",
                        color_scheme=rx.cond(ImportState.problems.length() > 0, "red", "green"),
                    ),
                ),
                rx.cond(
                    ImportState.problems.length() > 0,
                    rx.el.ul(
                        rx.foreach(ImportState.problems, lambda p: rx.el.li(p)),
                        class_name="mk-issues",
                        data_testid="import-issues",
                    ),
                ),
                spacing="4",
                width="100%",
                max_width="820px",
            ),
            *_STAFF,
        )
    )
