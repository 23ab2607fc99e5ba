"""The app: pages, the REST API in front, and start-up work. Nothing else lives here."""

from __future__ import annotations

import asyncio
import gc
import logging
from concurrent.futures import ThreadPoolExecutor

import reflex as rx

from mathkallos import routes
from mathkallos.api import build_api
from mathkallos.db import upgrade_to_head
from mathkallos.logging_setup import configure_logging
from mathkallos.pages.admin_users import AdminUsersState, admin_users_page
from mathkallos.pages.attempt_detail import AttemptDetailState, attempt_detail_page
from mathkallos.pages.attempt_list import AttemptListState, attempt_list_page
from mathkallos.pages.auth import LoginState, RegisterState, login_page, register_page
from mathkallos.pages.catalog import CatalogState, catalog_page
from mathkallos.pages.course import CourseState, ReaderState, course_page, reader_page
from mathkallos.pages.course_editor import CourseEditorState, course_editor_page
from mathkallos.pages.dashboard import DashboardState, dashboard_page
from mathkallos.pages.landing import landing_page
from mathkallos.pages.not_found import not_found_page
from mathkallos.pages.notifications import NotificationsState, notifications_page
from mathkallos.pages.problem_editor import ProblemEditorState, problem_editor_page
from mathkallos.pages.profile import ProfileState, profile_page
from mathkallos.pages.reports import (
    CourseReportState,
    SchoolReportState,
    course_report_page,
    school_report_page,
)
from mathkallos.pages.review import ReviewState, review_page
from mathkallos.pages.runner import RunnerState, runner_page
from mathkallos.pages.teach import TeachState, import_page, teach_page
from mathkallos.services import grading
from mathkallos.services.attempts import run_sweeper_forever
from mathkallos.settings import get_settings
from mathkallos.state import AppState

configure_logging()
log = logging.getLogger("mathkallos.app")

app = rx.App(
    api_transformer=build_api(),
    stylesheets=["/styles.css"],
    head_components=[
        rx.el.link(rel="icon", href="/favicon.svg", type="image/svg+xml"),
        rx.el.script(src="/browser_languages.js"),
    ],
)

_PUBLIC = AppState.check_auth
_SIGNED_IN = AppState.require_login

app.add_page(landing_page, route=routes.HOME, title="MathKallos", on_load=_PUBLIC)
app.add_page(
    login_page,
    route=routes.LOGIN,
    title="Log in · MathKallos",
    on_load=[_PUBLIC, LoginState.open_form],
)
app.add_page(
    register_page,
    route=routes.REGISTER,
    title="Sign up · MathKallos",
    on_load=[_PUBLIC, RegisterState.open_form],
)
app.add_page(
    profile_page,
    route=routes.PROFILE,
    title="Profile · MathKallos",
    on_load=[_SIGNED_IN, ProfileState.load],
)
app.add_page(
    admin_users_page,
    route=routes.ADMIN_USERS,
    title="Users · MathKallos",
    on_load=[_SIGNED_IN, AdminUsersState.load],
)
app.add_page(
    catalog_page, route=routes.COURSES, title="Courses · MathKallos", on_load=CatalogState.load
)
app.add_page(
    course_page, route=routes.COURSE, title="Course · MathKallos", on_load=CourseState.load
)
app.add_page(
    reader_page, route=routes.SECTION, title="Theory · MathKallos", on_load=ReaderState.load
)
app.add_page(
    teach_page,
    route=routes.TEACH,
    title="Teaching · MathKallos",
    on_load=[_SIGNED_IN, TeachState.load],
)
app.add_page(
    course_editor_page,
    route=routes.TEACH_COURSE,
    title="Course editor · MathKallos",
    on_load=[_SIGNED_IN, CourseEditorState.load],
)
app.add_page(
    problem_editor_page,
    route=routes.TEACH_PROBLEM,
    title="Problem editor · MathKallos",
    on_load=[_SIGNED_IN, ProblemEditorState.load],
)
app.add_page(
    import_page, route=routes.TEACH_IMPORT, title="Import · MathKallos", on_load=_SIGNED_IN
)
app.add_page(
    runner_page,
    route=routes.ATTEMPT,
    title="Test · MathKallos",
    on_load=RunnerState.load,  # signs in itself, unless handed an attempt just started
)
app.add_page(
    review_page,
    route=routes.TEACH_REVIEW,
    title="Review queue · MathKallos",
    on_load=[_SIGNED_IN, ReviewState.load],
)
app.add_page(
    attempt_list_page,
    route=routes.TEACH_ATTEMPTS,
    title="Attempts · MathKallos",
    on_load=[_SIGNED_IN, AttemptListState.load],
)
app.add_page(
    attempt_detail_page,
    route=routes.TEACH_ATTEMPT,
    title="Attempt · MathKallos",
    on_load=[_SIGNED_IN, AttemptDetailState.load],
)
app.add_page(
    notifications_page,
    route=routes.NOTIFICATIONS,
    title="Notifications · MathKallos",
    on_load=[_SIGNED_IN, NotificationsState.load],
)
app.add_page(
    dashboard_page,
    route=routes.DASHBOARD,
    title="Dashboard · MathKallos",
    on_load=[_SIGNED_IN, DashboardState.load],
)
app.add_page(
    course_report_page,
    route=routes.TEACH_REPORT,
    title="Course report · MathKallos",
    on_load=[_SIGNED_IN, CourseReportState.load],
)
app.add_page(
    school_report_page,
    route=routes.ADMIN_REPORTS,
    title="School report · MathKallos",
    on_load=[_SIGNED_IN, SchoolReportState.load],
)
app.add_page(not_found_page, route=routes.NOT_FOUND, title="MathKallos — 404", on_load=_PUBLIC)


def _size_database_threads() -> None:
    """Every `asyncio.to_thread` of the app is database work; it runs on this many threads."""
    executor = ThreadPoolExecutor(
        get_settings().database_thread_count, thread_name_prefix="database"
    )
    asyncio.get_running_loop().set_default_executor(executor)


def _tune_garbage_collector() -> None:
    """A backend holds every open tab's state: a full collection walks all of it, and the
    default thresholds run one every few thousand allocations, which a busy exam makes by the
    millisecond. What exists at start is frozen out of the walks and young objects are
    collected less often (1000 students opening the landing page at once: p95 4.7 -> 3.9 s)."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


async def _upgrade_schema() -> None:
    """Alembic is the only schema path, so the backend brings the database to head at start."""
    await asyncio.to_thread(upgrade_to_head)
    log.info("database schema at head")


async def _warm_grading() -> None:
    """The first student after a restart should not wait for the grading workers to start
    (about 3 s) or for the formula parser to load (about 0.2 s on the first preview)."""
    await asyncio.to_thread(grading.preview, "x^2")
    await grading.check_answer_async("1", "1", "numeric")
    log.info("grading workers warm")


app.register_lifespan_task(_tune_garbage_collector)
app.register_lifespan_task(_size_database_threads)  # before the tasks below, which use them
app.register_lifespan_task(_upgrade_schema)
app.register_lifespan_task(_warm_grading)
# Exams expire on the server's clock even when every browser is gone.
app.register_lifespan_task(
    run_sweeper_forever, interval_seconds=get_settings().exam_sweep_seconds
)
