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
# Argon2 at production cost takes ~0.1 s a hash; the suite hashes hundreds of passwords.
os.environ.setdefault("PASSWORD_HASH_MEMORY_KIB", "1024")
os.environ.setdefault("PASSWORD_HASH_ROUNDS", "1")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if in_ci() and skipped and exitstatus == 0:
        reporter.write_line(
            f"CI=true: {skipped} test(s) skipped; in CI nothing may skip.", red=True
        )
        session.exitstatus = 1
