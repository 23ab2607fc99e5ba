"""A course's overview (syllabus, sections, tests, topics to practise, enrolment) and its theory
reader."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.buttons import link_button
from mathkallos.components.guard import loading
from mathkallos.components.i18n import tr, tr_tag
from mathkallos.components.layout import layout
from mathkallos.components.markdown import math_markdown
from mathkallos.pages.runner.state import RunnerState
from mathkallos.services import attempts, content
from mathkallos.services.attempts.dto import AttemptView, TopicChoice
from mathkallos.services.content.dto import CourseDetail, SectionLink, SectionView, TestSummary
from mathkallos.services.errors import DomainError, NotAuthenticated
from mathkallos.state import AppState, run_service


@dataclass
class TopicLine:
    """A topic to practise, as the course page shows it; `topic` is the tag itself."""

    topic: str
    name: str
    counts: str
    can_practise: bool
    button_label: str


def _topic_line(choice: TopicChoice, lang: str) -> TopicLine:
    name = i18n.translate_tag("topic.", choice.topic, lang)
    return TopicLine(
        topic=choice.topic,
        name=name,
        counts=i18n.translate(
            "course.topic_counts", lang, problems=choice.problems, solved=choice.solved
        ),
        can_practise=choice.problems > 0,
        button_label=i18n.translate("course.practise_topic_label", lang, topic=name),
    )


class CourseState(AppState):
    course: CourseDetail | None = None
    topics: list[TopicLine] = []
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
        self.course, self.topics, self.error = None, [], ""
        await self.check_auth()
        actor, slug = await self.actor(), self.route_arg("course_slug")
        try:
            self.course = await run_service(content.get_course, actor=actor, slug=slug)
            choices = await run_service(attempts.topic_choices, actor=actor, course_slug=slug)
        except DomainError as error:
            self.error = self.message(error)
            return
        self.topics = [_topic_line(choice, self.lang) for choice in choices]

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

    async def _open_runner(self, service: Callable[..., AttemptView], **choice: str):  # noqa: ANN202 - event specs
        """Start the run (or resume the open one) and go to the runner; a visitor logs in."""
        if self.course is None:
            return None
        try:
            view = await self.run_quick(service, course_slug=self.course.slug, **choice)
        except NotAuthenticated:
            return rx.redirect(routes.login_then(self.router.url.path))
        except DomainError as error:
            return rx.toast.error(self.message(error))
        (await self.get_state(RunnerState)).hand_over(view)
        return rx.redirect(routes.attempt(view.id))

    @rx.event
    async def start_test(self, test_slug: str):  # noqa: ANN201 - event specs
        """Start the test, or resume the open attempt at it, and go to the runner."""
        return await self._open_runner(attempts.start_test, test_slug=test_slug)

    @rx.event
    async def practise_topic(self, topic: str):  # noqa: ANN201 - event specs
        """Practise a topic of the course (resuming an open run) in the runner."""
        return await self._open_runner(attempts.start_topic_practice, topic=topic)


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


def _row_card(*children: rx.Component, testid: str) -> rx.Component:
    """One line of the course's tests or topics to practise."""
    return rx.card(
        rx.hstack(*children, align="center", spacing="3", width="100%", wrap="wrap"),
        size="1",
        width="100%",
        data_testid=testid,
    )


def _quantity(count: rx.Var[int], unit_key: str) -> rx.Component:
    """A number with its unit, such as "5 problems", in the row's quiet grey."""
    return rx.text(count.to_string(), " ", tr(unit_key), size="2", color_scheme="gray")


def _test_row(test: TestSummary) -> rx.Component:
    return _row_card(
        rx.cond(
            test.mode == "exam",
            rx.badge(rx.icon("timer", size=12), tr("course.exam"), color_scheme="red"),
            rx.badge(rx.icon("dumbbell", size=12), tr("course.practice")),
        ),
        rx.text(test.title, weight="medium"),
        rx.spacer(),
        _quantity(test.problem_count, "course.problems_unit"),
        rx.cond(test.duration_minutes, _quantity(test.duration_minutes, "course.min_unit")),
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
        testid="test-row",
    )


def _topic_row(line: TopicLine) -> rx.Component:
    return _row_card(
        rx.icon("target", size=16, color=rx.color("accent", 10)),
        rx.text(line.name, weight="medium"),
        rx.spacer(),
        rx.text(line.counts, size="2", color_scheme="gray"),
        rx.cond(
            line.can_practise,
            rx.button(
                rx.icon("dumbbell", size=14),
                tr("course.practise_topic"),
                on_click=CourseState.practise_topic(line.topic),
                aria_label=line.button_label,
                size="2",
                variant="soft",
            ),
            rx.badge(tr("course.topic_no_problems"), color_scheme="gray", variant="soft"),
        ),
        testid="topic-row",
    )


def _topics() -> rx.Component:
    return rx.cond(
        CourseState.topics.length() > 0,
        rx.vstack(
            rx.heading(tr("course.topics"), as_="h2", size="5"),
            rx.text(tr("course.topics_help"), size="2", color_scheme="gray"),
            rx.vstack(rx.foreach(CourseState.topics, _topic_row), spacing="2", width="100%"),
            spacing="3",
            width="100%",
            data_testid="course-topics",
        ),
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
                _topics(),
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
