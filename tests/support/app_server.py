"""Serve the production build of the app on a free port, for e2e tests and benchmarks.

`serve_prod_app` bootstraps the database (schema at head, demo school), starts
`reflex run --env prod` with frontend and backend on one port in its own process group, waits
until `/health` and `/` answer, and stops the whole group afterwards. It runs in whatever tree
`root` names (default: the tree this module lives in), so a benchmark can build a private copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.support.postgres import free_port

TREE_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_SECONDS = 420


class AppStartError(RuntimeError):
    """The app exited or did not serve in time; the message ends with the log's tail."""


@dataclass(frozen=True)
class ServedApp:
    url: str
    port: int
    log_path: Path
    process: subprocess.Popen


def venv_bin() -> Path:
    return Path(sys.executable).parent


def have_npm() -> bool:
    return shutil.which("npm", path=str(venv_bin())) is not None or shutil.which("npm") is not None


def app_environment(
    database_url: str, *, root: Path = TREE_ROOT, **overrides: str
) -> dict[str, str]:
    """The served app's environment: this venv first on PATH, its own database, test mode."""
    return {
        **os.environ,
        "PATH": f"{venv_bin()}:{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(root),
        "DATABASE_URL": database_url,
        "APP_ENV": "test",
        "LOG_JSON": "true",
        "REFLEX_USE_NPM": "1",
        "REFLEX_CHECK_LATEST_VERSION": "false",
        **overrides,
    }


def bootstrap(env: Mapping[str, str], *, root: Path = TREE_ROOT) -> None:
    """Schema at head and the demo school, as `make run` does."""
    subprocess.run(
        [sys.executable, "-m", "mathkallos.cli", "bootstrap"],
        cwd=root,
        env=dict(env),
        check=True,
        stdout=subprocess.DEVNULL,
    )


@contextmanager
def serve_prod_app(
    env: Mapping[str, str],
    log_path: Path,
    *,
    root: Path = TREE_ROOT,
    timeout: float = START_TIMEOUT_SECONDS,
) -> Iterator[ServedApp]:
    """Build and serve the prod app from `root`; yields once it serves; stops it on exit."""
    port = free_port()
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
            cwd=root,
            env=dict(env),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url, server, log_path, timeout)
        yield ServedApp(url=url, port=port, log_path=log_path, process=server)
    finally:
        stop(server)


def stop(server: subprocess.Popen) -> None:
    """SIGTERM to the app's process group, SIGKILL if it lingers."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, 15)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, 9)
        server.wait(timeout=10)


def wait_until_serving(url: str, server: subprocess.Popen, log_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AppStartError(f"the app exited while starting:\n{_tail(log_path)}")
        try:
            if (
                httpx.get(f"{url}/health", timeout=2).status_code == 200
                and httpx.get(url, timeout=2).status_code == 200
            ):
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise AppStartError(f"the app did not serve within {timeout:.0f}s:\n{_tail(log_path)}")


def _tail(log_path: Path) -> str:
    return log_path.read_text(errors="replace")[-4000:]
