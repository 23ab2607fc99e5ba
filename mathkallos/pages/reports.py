"""Teacher and admin reports: one course (`/teach/reports/[course_id]`, with a CSV download)
and the whole school (`/admin/reports`). Figures come from services.kpi; this only formats."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go
import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.formatting import attempt_title, moment_text
from mathkallos.components.guard import guarded, loading
from mathkallos.components.i18n import tr
from mathkallos.components.layout import layout
from mathkallos.components.markdown import math_markdown
from mathkallos.components.tables import data_table
from mathkallos.models.users import Role
from mathkallos.pages.dashboard.charts import FigureData, daily_line, figure_data
from mathkallos.services import kpi
from mathkallos.services.errors import DomainError
from mathkallos.services.kpi.dto import ProblemReport, StudentAtRisk, TestScore
from mathkallos.state import AppState, run_service


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


@dataclass
class Figure:
    label: str
    value: str


@dataclass
class TestRow:
    title: str
    mode: str
    attempts: int
    average: str


@dataclass
class ProblemRow:
    statement: str
    attempts: int
    success: str
    seconds: str
    hints: str
    discrimination: str


@dataclass
class RiskRow:
    name: str
    last_active: str
    reasons: str


@dataclass
class CourseRow:
    href: str
    title: str
    enrolments: int
    active: int
    average: str


def _problem_row(problem: ProblemReport) -> ProblemRow:
    return ProblemRow(
        statement=problem.statement,
        attempts=problem.attempts,
        success=_percent(problem.success_rate),
        seconds="—" if problem.average_seconds is None else f"{problem.average_seconds:.0f}",
        hints=_percent(problem.hint_use),
        discrimination="—" if problem.discrimination is None else f"{problem.discrimination:+.2f}",
    )


def _risk_row(student: StudentAtRisk, lang: str) -> RiskRow:
    return RiskRow(
        name=student.name,
        last_active=moment_text(student.last_active) or "—",
        reasons=", ".join(i18n.translate(reason, lang) for reason in student.reasons),
    )


def _test_row(test: TestScore, lang: str) -> TestRow:
    return TestRow(
        title=attempt_title(test.title, test.topic, lang),
        mode=i18n.translate(f"course.{test.mode}", lang),
        attempts=test.attempts,
        average=_percent(test.average_percent),
    )


class ReportState(AppState):
    """Shared by both reports: the figures row, problems and students at risk."""

    loaded: bool = False
    error: str = ""
    title: str = ""
    figures: list[Figure] = []
    problems: list[ProblemRow] = []
    at_risk: list[RiskRow] = []

    def _figures(self, pairs: list[tuple[str, str]]) -> None:
        self.figures = [Figure(i18n.translate(key, self.lang), value) for key, value in pairs]


class CourseReportState(ReportState):
    tests: list[TestRow] = []
    _course_id: int = 0

    @rx.event
    async def load(self) -> None:
        self.loaded, self.error = False, ""
        raw = self.route_arg("course_id")
        self._course_id = int(raw) if raw.isdigit() else 0
        try:
            report = await run_service(
                kpi.course_report, actor=await self.actor(), course_id=self._course_id
            )
        except DomainError as error:
            self.error = self.message(error)
            return
        lang = self.lang
        self.title = report.title
        self._figures(
            [
                ("reports.enrolments", str(report.enrolments)),
                ("reports.active_7", str(report.active_7_days)),
                ("reports.active_30", str(report.active_30_days)),
            ]
        )
        self.tests = [_test_row(test, lang) for test in report.tests]
        self.problems = [_problem_row(problem) for problem in report.problems]
        self.at_risk = [_risk_row(student, lang) for student in report.at_risk]
        self.loaded = True

    @rx.event
    async def download_csv(self):  # noqa: ANN201 - event specs
        try:
            text = await run_service(
                kpi.course_report_csv, actor=await self.actor(), course_id=self._course_id
            )
        except DomainError as error:
            return rx.toast.error(self.message(error))
        return rx.download(data=text, filename=f"course-{self._course_id}-report.csv")


class SchoolReportState(ReportState):
    courses: list[CourseRow] = []
    daily_active: FigureData = {}

    @rx.event
    async def load(self) -> None:
        self.loaded, self.error = False, ""
        try:
            report = await run_service(kpi.school_report, actor=await self.actor())
        except DomainError as error:
            self.error = self.message(error)
            return
        lang = self.lang
        self._figures(
            [
                ("reports.students", str(report.students)),
                ("reports.enrolments", str(report.enrolments)),
                ("reports.active_7", str(report.active_7_days)),
                ("reports.active_30", str(report.active_30_days)),
                ("reports.average", _percent(report.average_percent)),
            ]
        )
        self.daily_active = figure_data(daily_line(report.daily_active_users, lang))
        self.courses = [
            CourseRow(
                href=routes.teach_report(course.course_id),
                title=course.title,
                enrolments=course.enrolments,
                active=course.active_30_days,
                average=_percent(course.average_percent),
            )
            for course in report.courses
        ]
        self.problems = [_problem_row(problem) for problem in report.hardest_problems]
        self.at_risk = [_risk_row(student, lang) for student in report.at_risk]
        self.loaded = True


def _figures_row(state: type[ReportState]) -> rx.Component:
    return rx.grid(
        rx.foreach(
            state.figures,
            lambda f: rx.card(
                rx.text(f.label, size="2", color_scheme="gray"),
                rx.text(f.value, size="7", weight="bold"),
                data_testid="report-figure",
            ),
        ),
        columns={"initial": "2", "md": "5"},
        spacing="3",
        width="100%",
    )


def _table(
    headers: list[str],
    rows: rx.Var,
    cells: Callable[..., rx.Component],
    empty_key: str,
    testid: str,
) -> rx.Component:
    return data_table(
        headers, rows, cells, rx.text(tr(empty_key), color_scheme="gray"), data_testid=testid
    )


def _problems(state: type[ReportState]) -> rx.Component:
    return _table(
        [
            "reports.col_problem",
            "reports.col_answers",
            "reports.col_success",
            "reports.col_seconds",
            "reports.col_hints",
            "reports.col_discrimination",
        ],
        state.problems,
        lambda p: rx.table.row(
            rx.table.cell(
                rx.box(math_markdown(p.statement), class_name="mk-clamp"), max_width="28em"
            ),
            rx.table.cell(p.attempts),
            rx.table.cell(p.success),
            rx.table.cell(p.seconds),
            rx.table.cell(p.hints),
            rx.table.cell(p.discrimination),
        ),
        "reports.no_problems",
        "report-problems",
    )


def _at_risk(state: type[ReportState]) -> rx.Component:
    return _table(
        ["reports.col_student", "reports.col_last_active", "reports.col_reasons"],
        state.at_risk,
        lambda r: rx.table.row(
            rx.table.cell(r.name), rx.table.cell(r.last_active), rx.table.cell(r.reasons)
        ),
        "reports.nobody_at_risk",
        "report-at-risk",
    )


def _error(state: type[ReportState]) -> rx.Component:
    return rx.cond(
        state.error != "",
        rx.callout(state.error, icon="triangle-alert", color_scheme="red", width="100%"),
        loading(),
    )


def _course_report() -> rx.Component:
    state = CourseReportState
    return rx.vstack(
        rx.link(
            rx.hstack(rx.icon("arrow-left", size=16), tr("nav.teach"), align="center"),
            href=routes.TEACH,
            size="2",
        ),
        rx.hstack(
            rx.heading(tr("reports.course_title"), " ", state.title, as_="h1", size="7"),
            rx.spacer(),
            rx.button(
                rx.icon("download", size=16),
                tr("reports.download_csv"),
                on_click=state.download_csv,
                variant="soft",
            ),
            width="100%",
            align="center",
            wrap="wrap",
        ),
        _figures_row(state),
        rx.heading(tr("reports.tests"), as_="h2", size="5"),
        _table(
            [
                "reports.col_test",
                "dashboard.col_mode",
                "reports.col_attempts",
                "reports.col_average",
            ],
            state.tests,
            lambda t: rx.table.row(
                rx.table.cell(t.title),
                rx.table.cell(t.mode),
                rx.table.cell(t.attempts),
                rx.table.cell(t.average),
            ),
            "reports.no_tests",
            "report-tests",
        ),
        rx.heading(tr("reports.problems"), as_="h2", size="5"),
        rx.text(tr("reports.discrimination_help"), size="2", color_scheme="gray"),
        _problems(state),
        rx.heading(tr("reports.at_risk"), as_="h2", size="5"),
        _at_risk(state),
        spacing="4",
        width="100%",
    )


def course_report_page() -> rx.Component:
    return layout(
        guarded(
            rx.cond(CourseReportState.loaded, _course_report(), _error(CourseReportState)),
            Role.TEACHER,
            Role.ADMIN,
        )
    )


def _school_report() -> rx.Component:
    state = SchoolReportState
    return rx.vstack(
        rx.heading(tr("reports.school_title"), as_="h1", size="7"),
        _figures_row(state),
        rx.card(
            rx.heading(tr("reports.daily_active"), as_="h2", size="4"),
            rx.plotly(
                data=state.daily_active.to(go.Figure),
                config={"displayModeBar": False},
                use_resize_handler=True,
                width="100%",
            ),
            width="100%",
        ),
        rx.heading(tr("reports.courses"), as_="h2", size="5"),
        _table(
            [
                "reports.col_course",
                "reports.enrolments",
                "reports.active_30",
                "reports.col_average",
            ],
            state.courses,
            lambda c: rx.table.row(
                rx.table.cell(rx.link(c.title, href=c.href)),
                rx.table.cell(c.enrolments),
                rx.table.cell(c.active),
                rx.table.cell(c.average),
            ),
            "reports.no_courses",
            "report-courses",
        ),
        rx.heading(tr("reports.hardest"), as_="h2", size="5"),
        _problems(state),
        rx.heading(tr("reports.at_risk"), as_="h2", size="5"),
        _at_risk(state),
        spacing="4",
        width="100%",
    )


def school_report_page() -> rx.Component:
    return layout(
        guarded(
            rx.cond(SchoolReportState.loaded, _school_report(), _error(SchoolReportState)),
            Role.ADMIN,
        )
    )
