"""Suite-wide rules: in CI nothing may skip; tests never touch the developer's database."""

from __future__ import annotations

import os
import tempfile

import pytest

from tests.support.system import in_ci

# Before any app module reads settings: a private database and plain-text logs for the suite.
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp(prefix='mk-test-')}/t.db")
os.environ.setdefault("APP_ENV", "test")
os.environ.setdefault("LOG_JSON", "false")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if in_ci() and skipped and exitstatus == 0:
        reporter.write_line(
            f"CI=true: {skipped} test(s) skipped; in CI nothing may skip.", red=True
        )
        session.exitstatus = 1
