"""`/teach/attempts`: every attempt at the teacher's courses (an admin's: all), newest first,
filtered by course, test, student and status, a page at a time."""

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
from mathkallos.components.tables import data_table, pager
from mathkallos.components.verdict import attempt_status_badge
from mathkallos.models.attempts import AttemptStatus
from mathkallos.services import attempts, content
from mathkallos.services.attempts.dto import AttemptRow
from mathkallos.services.errors import DomainError
from mathkallos.state import AppState, run_service

PER_PAGE = 20
_STATUS_CHOICES = tuple((s.value, f"attempt_status.{s.value}") for s in AttemptStatus)


@dataclass
class AttemptLine:
    id: int
    href: str
    student_name: str
    course_title: str
    test_title: str
    is_exam: bool
    status: str
    started: str
    score: str
    provisional: bool


def _line(row: AttemptRow, lang: str) -> AttemptLine:
    return AttemptLine(
        id=row.id,
        href=routes.teach_attempt(row.id),
        student_name=row.student_name,
        course_title=row.course_title,
        test_title=attempt_title(row.test_title, row.topic, lang),
        is_exam=row.mode == "exam",
        status=row.status,
        started=moment_text(row.started_at),
        score=f"{score_text(row.score)} / {score_text(row.max_score)}",
        provisional=row.provisional,
    )


def _number(value: str) -> int | None:
    chosen = filter_value(value)
    return int(chosen) if chosen and chosen.isdigit() else None


class AttemptListState(AppState):
    rows: list[AttemptLine] = []
    courses: list[Choice] = []
    tests: list[Choice] = []
    course_filter: str = ALL
    test_filter: str = ALL
    status_filter: str = ALL
    search: str = ""
    page: int = 1
    pages: int = 1
    total: int = 0
    loaded: bool = False
    error: str = ""

    @rx.var
    def page_label(self) -> str:
        return i18n.translate(
            "attempt_list.page_of", self.lang, page=self.page, pages=self.pages, total=self.total
        )

    async def _reload(self) -> None:
        try:
            found = await run_service(
                attempts.list_attempts,
                actor=await self.actor(),
                course_id=_number(self.course_filter),
                test_id=_number(self.test_filter),
                student_query=self.search or None,
                status=filter_value(self.status_filter),
                page=self.page,
                per_page=PER_PAGE,
            )
        except DomainError as error:
            self.rows, self.error = [], self.message(error)
            return
        self.rows = [_line(row, self.lang) for row in found.items]
        self.page, self.pages, self.total, self.error = (
            found.page,
            found.pages,
            found.total,
            "",
        )

    @rx.event
    async def load(self) -> None:
        self.loaded, self.page, self.tests = False, 1, []
        self.course_filter = self.test_filter = self.status_filter = ALL
        self.search = ""
        try:
            taught = await run_service(content.authored_courses, actor=await self.actor())
            self.courses = [Choice(value=str(card.id), label=card.title) for card in taught]
        except DomainError as error:
            self.courses, self.error = [], self.message(error)
        else:
            await self._reload()
        self.loaded = True

    @rx.event
    async def set_course_filter(self, value: str) -> None:
        self.course_filter, self.test_filter, self.tests, self.page = value, ALL, [], 1
        course_id = _number(value)
        if course_id is not None:
            try:
                course = await run_service(
                    content.get_course_for_editing, actor=await self.actor(), course_id=course_id
                )
                self.tests = [Choice(value=str(t.id), label=t.title) for t in course.tests]
            except DomainError as error:
                self.error = self.message(error)
                return
        await self._reload()

    @rx.event
    async def set_test_filter(self, value: str) -> None:
        self.test_filter, self.page = value, 1
        await self._reload()

    @rx.event
    async def set_status_filter(self, value: str) -> None:
        self.status_filter, self.page = value, 1
        await self._reload()

    @rx.event
    async def apply_search(self, form: dict[str, Any]) -> None:
        self.search, self.page = str(form.get("student", "")).strip(), 1
        await self._reload()

    @rx.event
    async def go_to_page(self, page: int) -> None:
        self.page = page
        await self._reload()


def _toolbar() -> rx.Component:
    return rx.flex(
        filter_select(
            "review.course_filter",
            "review.all_courses",
            AttemptListState.course_filter,
            AttemptListState.set_course_filter,
            choices=AttemptListState.courses,
        ),
        filter_select(
            "attempt_list.test_filter",
            "attempt_list.all_tests",
            AttemptListState.test_filter,
            AttemptListState.set_test_filter,
            choices=AttemptListState.tests,
            disabled=AttemptListState.course_filter == ALL,
        ),
        filter_select(
            "attempt_list.status_filter",
            "attempt_list.any_status",
            AttemptListState.status_filter,
            AttemptListState.set_status_filter,
            fixed=_STATUS_CHOICES,
        ),
        rx.form(
            rx.vstack(
                rx.el.label(
                    tr("attempt_list.search"),
                    html_for="attempt-student",
                    class_name="mk-label",
                ),
                rx.hstack(
                    rx.input(
                        id="attempt-student",
                        name="student",
                        type="search",
                        default_value="",
                        width="240px",
                        max_width="100%",
                    ),
                    rx.button(
                        rx.icon("search", size=16),
                        tr("admin.search_button"),
                        type="submit",
                        variant="soft",
                    ),
                    spacing="2",
                ),
                spacing="1",
            ),
            on_submit=AttemptListState.apply_search,
        ),
        spacing="4",
        wrap="wrap",
        align="end",
        width="100%",
    )


def _row(line: AttemptLine) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.link(line.student_name, href=line.href, weight="medium"),
        ),
        rx.table.cell(
            rx.vstack(
                rx.text(line.test_title),
                rx.text(
                    line.course_title,
                    " · ",
                    rx.cond(line.is_exam, tr("course.exam"), tr("course.practice")),
                    size="1",
                    color_scheme="gray",
                ),
                spacing="0",
            )
        ),
        rx.table.cell(line.started, white_space="nowrap"),
        rx.table.cell(attempt_status_badge(line.status)),
        rx.table.cell(
            rx.hstack(
                rx.text(line.score, white_space="nowrap"),
                rx.cond(
                    line.provisional,
                    rx.tooltip(
                        rx.icon("hourglass", size=14, color=rx.color("blue", 10)),
                        content=tr("runner.provisional"),
                    ),
                ),
                align="center",
                spacing="1",
            )
        ),
        data_testid="attempt-row",
    )


def _table() -> rx.Component:
    return data_table(
        [
            "attempt_list.col_student",
            "attempt_list.col_test",
            "attempt_list.col_started",
            "attempt_list.col_status",
            "attempt_list.col_score",
        ],
        AttemptListState.rows,
        _row,
        rx.callout(tr("attempt_list.empty"), icon="info", width="100%"),
    )


def _pager() -> rx.Component:
    return pager(
        AttemptListState.page,
        AttemptListState.pages,
        AttemptListState.page_label,
        AttemptListState.go_to_page,
    )


def attempt_list_page() -> rx.Component:
    return layout(
        guarded(
            rx.vstack(
                rx.flex(
                    rx.heading(tr("attempt_list.title"), as_="h1", size="7"),
                    rx.spacer(),
                    rx.link(
                        rx.hstack(rx.icon("inbox", size=16), tr("review.title"), align="center"),
                        href=routes.TEACH_REVIEW,
                    ),
                    width="100%",
                    align="center",
                    wrap="wrap",
                ),
                rx.text(
                    rx.cond(
                        AppState.is_admin,
                        tr("attempt_list.subtitle_admin"),
                        tr("attempt_list.subtitle"),
                    ),
                    color_scheme="gray",
                ),
                _toolbar(),
                rx.cond(
                    AttemptListState.loaded,
                    rx.vstack(
                        rx.cond(
                            AttemptListState.error != "",
                            rx.callout(
                                AttemptListState.error,
                                icon="triangle-alert",
                                color_scheme="red",
                                role="alert",
                                width="100%",
                            ),
                        ),
                        _table(),
                        _pager(),
                        spacing="4",
                        width="100%",
                    ),
                    loading(),
                ),
                spacing="4",
                width="100%",
            ),
            *STAFF,
        )
    )
