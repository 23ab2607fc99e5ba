"""A course's overview (syllabus, sections, tests, enrolment) and its theory reader."""

from __future__ import annotations

import time

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.buttons import link_button
from mathkallos.components.guard import loading
from mathkallos.components.i18n import tr, tr_tag
from mathkallos.components.layout import layout
from mathkallos.components.markdown import math_markdown
from mathkallos.services import attempts, content
from mathkallos.services.content.dto import CourseDetail, SectionLink, SectionView, TestSummary
from mathkallos.services.errors import DomainError
from mathkallos.state import AppState, run_service


class CourseState(AppState):
    course: CourseDetail | None = None
    error: str = ""

    @rx.var
    def progress_label(self) -> str:
        percent = self.course.progress_percent if self.course else 0
        return i18n.translate("course.progress", self.lang, percent=percent)

    @rx.var
    def first_section_href(self) -> str:
        if self.course is None or not self.course.sections:
            return ""
        return routes.section(self.course.slug, self.course.sections[0].slug)

    @rx.event
    async def load(self) -> None:
        self.course, self.error = None, ""
        await self.check_auth()
        try:
            self.course = await run_service(
                content.get_course, actor=await self.actor(), slug=self.route_arg("course_slug")
            )
        except DomainError as error:
            self.error = self.message(error)

    @rx.event
    async def enrol(self):  # noqa: ANN201 - event specs
        actor = await self.actor()
        if actor is None or self.course is None:
            return rx.redirect(routes.login_then(self.router.url.path))
        try:
            await run_service(content.enroll, actor=actor, course_slug=self.course.slug)
            self.course = await run_service(content.get_course, actor=actor, slug=self.course.slug)
        except DomainError as error:
            return rx.toast.error(self.message(error))
        return rx.toast.success(i18n.translate("course.enrolled_toast", self.lang))

    @rx.event
    async def start_test(self, test_slug: str):  # noqa: ANN201 - event specs
        """Start the test, or resume the open attempt at it, and go to the runner."""
        actor = await self.actor()
        if actor is None or self.course is None:
            return rx.redirect(routes.login_then(self.router.url.path))
        try:
            view = await run_service(
                attempts.start_test, actor=actor, course_slug=self.course.slug, test_slug=test_slug
            )
        except DomainError as error:
            return rx.toast.error(self.message(error))
        return rx.redirect(routes.attempt(view.id))


def _section_row(section: SectionLink) -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.text(section.position.to_string() + ".", color_scheme="gray", width="2em"),
            rx.text(section.title, weight="medium"),
            rx.spacer(),
            rx.cond(section.has_video, rx.icon("video", size=16, aria_label=tr("reader.video"))),
            rx.cond(
                section.is_read,
                rx.badge(rx.icon("check", size=12), tr("course.read"), color_scheme="green"),
            ),
            align="center",
            width="100%",
            padding="0.6em 0.8em",
            border_radius="8px",
            class_name="mk-row",
        ),
        href=routes.section(CourseState.course.slug, section.slug),
        underline="none",
        color_scheme="gray",
        high_contrast=True,
        width="100%",
        data_testid="section-link",
    )


def _exam_start(test: rx.Var[TestSummary]) -> rx.Component:
    """An exam starts its clock at once, so the student confirms first."""
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button(
                rx.icon("timer", size=14),
                tr("course.start_exam"),
                size="2",
                color_scheme="red",
                variant="soft",
            )
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title(test.title),
            rx.alert_dialog.description(
                CourseState.t["course.exam_warning"]
                .to(str)
                .replace("{minutes}", test.duration_minutes.to_string())
            ),
            rx.hstack(
                rx.alert_dialog.cancel(
                    rx.button(tr("common.cancel"), variant="soft", color_scheme="gray")
                ),
                rx.alert_dialog.action(
                    rx.button(
                        tr("course.start_exam_confirm"), on_click=CourseState.start_test(test.slug)
                    )
                ),
                justify="end",
                spacing="3",
                margin_top="1em",
            ),
        ),
    )


def _test_row(test: TestSummary) -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.cond(
                test.mode == "exam",
                rx.badge(rx.icon("timer", size=12), tr("course.exam"), color_scheme="red"),
                rx.badge(rx.icon("dumbbell", size=12), tr("course.practice")),
            ),
            rx.text(test.title, weight="medium"),
            rx.spacer(),
            rx.text(
                test.problem_count.to_string(),
                " ",
                tr("course.problems_unit"),
                size="2",
                color_scheme="gray",
            ),
            rx.cond(
                test.duration_minutes,
                rx.text(
                    test.duration_minutes.to_string(),
                    " ",
                    tr("course.min_unit"),
                    size="2",
                    color_scheme="gray",
                ),
            ),
            rx.cond(
                test.mode == "exam",
                _exam_start(test),
                rx.button(
                    rx.icon("play", size=14),
                    tr("course.start_practice"),
                    on_click=CourseState.start_test(test.slug),
                    size="2",
                    variant="soft",
                ),
            ),
            align="center",
            spacing="3",
            width="100%",
            wrap="wrap",
        ),
        size="1",
        width="100%",
        data_testid="test-row",
    )


def _enrol_box(course: rx.Var[CourseDetail]) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.cond(
                course.price > 0,
                rx.text(course.price.to_string() + " ₽", size="6", weight="bold"),
                rx.text(tr("catalog.free"), size="6", weight="bold", color_scheme="green"),
            ),
            rx.cond(
                course.is_enrolled,
                rx.vstack(
                    rx.badge(
                        rx.icon("circle-check", size=14),
                        tr("course.enrolled"),
                        color_scheme="green",
                        size="2",
                    ),
                    rx.progress(value=course.progress_percent, width="100%"),
                    rx.text(CourseState.progress_label, size="2", color_scheme="gray"),
                    width="100%",
                ),
                rx.button(
                    rx.cond(
                        AppState.is_authenticated, tr("course.enrol"), tr("course.enrol_login")
                    ),
                    on_click=CourseState.enrol,
                    size="3",
                    width="100%",
                ),
            ),
            rx.cond(
                CourseState.first_section_href != "",
                link_button(
                    tr("course.start_reading"),
                    href=CourseState.first_section_href,
                    variant="soft",
                    width="100%",
                ),
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        width="100%",
        height="fit-content",
        position={"md": "sticky"},
        top="5em",
    )


def _overview(course: rx.Var[CourseDetail]) -> rx.Component:
    return rx.vstack(
        rx.link(
            rx.hstack(rx.icon("arrow-left", size=16), tr("course.back"), align="center"),
            href=routes.COURSES,
            size="2",
        ),
        rx.hstack(
            rx.badge(tr_tag("level.", course.level), variant="soft", size="2"),
            rx.foreach(course.topics, lambda t: rx.badge(tr_tag("topic.", t), variant="outline")),
            spacing="2",
            wrap="wrap",
        ),
        rx.heading(course.title, as_="h1", size="8"),
        rx.text(course.summary, size="4", color_scheme="gray"),
        rx.grid(
            rx.vstack(
                math_markdown(course.description),
                rx.heading(tr("course.syllabus"), as_="h2", size="5"),
                math_markdown(course.syllabus),
                rx.heading(tr("course.sections"), as_="h2", size="5"),
                rx.cond(
                    course.sections.length() > 0,
                    rx.vstack(rx.foreach(course.sections, _section_row), spacing="1", width="100%"),
                    rx.text(tr("course.no_sections"), color_scheme="gray"),
                ),
                rx.heading(tr("course.tests"), as_="h2", size="5"),
                rx.cond(
                    course.tests.length() > 0,
                    rx.vstack(rx.foreach(course.tests, _test_row), spacing="2", width="100%"),
                    rx.text(tr("course.no_tests"), color_scheme="gray"),
                ),
                spacing="3",
                width="100%",
            ),
            _enrol_box(course),
            columns={"initial": "1", "md": "3fr 1fr"},
            spacing="5",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )


def _missing(error: rx.Var[str]) -> rx.Component:
    return rx.vstack(
        rx.icon("book-x", size=44, color=rx.color("gray", 9)),
        rx.heading(error, as_="h1", size="5"),
        link_button(tr("course.back"), href=routes.COURSES),
        align="center",
        padding_y="4em",
        data_testid="course-missing",
    )


def course_page() -> rx.Component:
    return layout(
        rx.cond(
            CourseState.course,
            _overview(CourseState.course.to(CourseDetail)),
            rx.cond(CourseState.error != "", _missing(CourseState.error), loading()),
        )
    )


class ReaderState(AppState):
    section: SectionView | None = None
    error: str = ""
    _opened_at: float = 0.0  # reading time is measured on the server; the service caps it

    @rx.event
    async def load(self) -> None:
        self.section, self.error = None, ""
        self._opened_at = time.time()
        await self.check_auth()
        try:
            self.section = await run_service(
                content.get_section,
                actor=await self.actor(),
                course_slug=self.route_arg("course_slug"),
                section_slug=self.route_arg("section_slug"),
            )
        except DomainError as error:
            self.error = self.message(error)

    @rx.event
    async def mark_read(self):  # noqa: ANN201 - event specs
        actor = await self.actor()
        if actor is None or self.section is None:
            return rx.redirect(routes.login_then(self.router.url.path))
        try:
            percent = await run_service(
                content.mark_section_read,
                actor=actor,
                course_slug=self.section.course_slug,
                section_slug=self.section.slug,
                time_spent_seconds=int(time.time() - self._opened_at),
            )
            self.section = await run_service(
                content.get_section,
                actor=actor,
                course_slug=self.section.course_slug,
                section_slug=self.section.slug,
            )
        except DomainError as error:
            return rx.toast.error(self.message(error))
        return rx.toast.success(i18n.translate("reader.marked", self.lang, percent=percent))


def _reader(section: rx.Var[SectionView]) -> rx.Component:
    nav = rx.hstack(
        rx.cond(
            section.prev_slug,
            link_button(
                rx.icon("arrow-left", size=16),
                tr("reader.previous"),
                href=routes.section(section.course_slug, section.prev_slug),
                variant="soft",
            ),
        ),
        rx.spacer(),
        rx.cond(
            AppState.is_authenticated,
            rx.cond(
                section.is_read,
                rx.badge(
                    rx.icon("check", size=14), tr("reader.is_read"), color_scheme="green", size="2"
                ),
                rx.button(
                    rx.icon("check", size=16),
                    tr("reader.mark_read"),
                    on_click=ReaderState.mark_read,
                    variant="outline",
                ),
            ),
            rx.text(tr("reader.login_to_track"), size="2", color_scheme="gray"),
        ),
        rx.spacer(),
        rx.cond(
            section.next_slug,
            link_button(
                tr("reader.next"),
                rx.icon("arrow-right", size=16),
                href=routes.section(section.course_slug, section.next_slug),
            ),
        ),
        width="100%",
        align="center",
        wrap="wrap",
        spacing="3",
    )
    return rx.vstack(
        rx.link(
            rx.hstack(rx.icon("arrow-left", size=16), section.course_title, align="center"),
            href=routes.course(section.course_slug),
            size="2",
        ),
        rx.heading(section.title, as_="h1", size="8"),
        rx.cond(
            section.video_url,
            rx.box(
                rx.video(src=section.video_url, width="100%", height="100%", controls=True),
                width="100%",
                aspect_ratio="16 / 9",
            ),
        ),
        rx.box(math_markdown(section.content), class_name="mk-reader", width="100%"),
        rx.divider(),
        nav,
        spacing="4",
        width="100%",
        max_width="820px",
    )


def reader_page() -> rx.Component:
    return layout(
        rx.cond(
            ReaderState.section,
            _reader(ReaderState.section.to(SectionView)),
            rx.cond(ReaderState.error != "", _missing(ReaderState.error), loading()),
        )
    )
