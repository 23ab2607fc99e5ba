"""The course editor's state: loads the course and runs every change through the services."""

from __future__ import annotations

from typing import Any

import reflex as rx

from mathkallos import i18n
from mathkallos.models.content import CourseLevel, TestMode
from mathkallos.services import content
from mathkallos.services.content.dto import CourseDetail, ProblemAuthoring
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

    @rx.event
    async def export(self, what: str):  # noqa: ANN201 - event specs
        """Download the course as JSON, or its problems as CSV (both re-importable)."""
        assert self.course is not None
        actor = await self.actor()
        if what == "csv":
            data = await run_service(
                content.export_problems_csv, actor=actor, problem_ids=[p.id for p in self.problems]
            )
            return rx.download(
                data=data, filename=f"{self.course.slug}-problems.csv", mime_type="text/csv"
            )
        data = await run_service(
            content.export_courses_json, actor=actor, course_ids=[self.course.id]
        )
        return rx.download(
            data=data, filename=f"{self.course.slug}.json", mime_type="application/json"
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
