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
from pathlib import Path

import httpx

from tests.support.postgres import free_port

TREE_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_SECONDS = 420


class AppStartError(RuntimeError):
    """The app exited or did not serve in time; the message ends with the log's tail."""


class ServedApp:
    """The prod app of one tree on one port; `kill_hard` and `start` restart it in place (the
    port stays, so open browser tabs reconnect to the new process)."""

    def __init__(self, env: Mapping[str, str], log_path: Path, root: Path, port: int) -> None:
        self.env, self.log_path, self.root, self.port = dict(env), log_path, root, port
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = START_TIMEOUT_SECONDS) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "reflex",
                    "run",
                    "--env",
                    "prod",
                    "--frontend-port",
                    str(self.port),
                    "--backend-port",
                    str(self.port),
                ],
                cwd=self.root,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_until_serving(self.url, self.process, self.log_path, timeout)

    def kill_hard(self) -> None:
        """SIGKILL to the whole process group, as a crash or `kill -9` would end it."""
        assert self.process is not None
        os.killpg(self.process.pid, 9)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


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
    log_path.write_bytes(b"")
    served = ServedApp(env, log_path, root, free_port())
    try:
        served.start(timeout)
        yield served
    finally:
        served.stop()


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
