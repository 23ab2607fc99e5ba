"""The one place that owns the database engine, sessions and schema upgrades."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, text
from sqlmodel import Session, create_engine

from mathkallos.services.waiting import MustNotWait, may_wait
from mathkallos.settings import PROJECT_ROOT, get_settings

ALEMBIC_INI = PROJECT_ROOT / "alembic.ini"


def make_engine(url: str) -> Engine:
    """An engine tuned per backend: SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        database_path = url.split("///", 1)[-1]
        if database_path and database_path != ":memory:":
            Path(database_path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={
                "check_same_thread": False,
                "timeout": SQLITE_BUSY_SECONDS,
                "factory": QueuedWriterConnection,
            },
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "before_cursor_execute", _queue_writers)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


SQLITE_BUSY_SECONDS = 30
_WRITE_STATEMENT = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.I)
_SQLITE_WRITER = threading.Lock()


class QueuedWriterConnection(sqlite3.Connection):
    """SQLite lets one transaction write at a time; the others poll for the lock, sleeping up
    to 100 ms between tries, so a burst of exam saves turned milliseconds of work into
    seconds. Within this process writers queue on one lock instead, taken before a
    transaction's first write and released as soon as it commits or rolls back, so the next
    writer starts at once. Other processes (the CLI) still meet SQLite's own busy timeout."""

    holds_write_lock = False

    def queue_for_write(self) -> None:
        """Take the writers' lock; a call that may not wait gets it only if it is free."""
        if self.holds_write_lock:
            return
        if not may_wait():
            if not _SQLITE_WRITER.acquire(blocking=False):
                raise MustNotWait
        elif not _SQLITE_WRITER.acquire(timeout=SQLITE_BUSY_SECONDS):
            raise sqlite3.OperationalError("database is locked")
        self.holds_write_lock = True

    def _leave_queue(self) -> None:
        if self.holds_write_lock:
            self.holds_write_lock = False
            _SQLITE_WRITER.release()

    def commit(self) -> None:
        self._ending(super().commit)

    def rollback(self) -> None:
        self._ending(super().rollback)

    def close(self) -> None:
        self._ending(super().close)

    def _ending(self, end_transaction: Callable[[], None]) -> None:
        try:
            end_transaction()
        finally:
            self._leave_queue()


def _queue_writers(_conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
    connection = cursor.connection
    if isinstance(connection, QueuedWriterConnection) and _WRITE_STATEMENT.match(statement):
        connection.queue_for_write()


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API objects
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    return make_engine(get_settings().database_url)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A unit of work: commits when the block succeeds, rolls back when it raises."""
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def database_is_reachable(engine: Engine | None = None) -> bool:
    try:
        with (engine or get_engine()).connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # any failure means "not reachable" for /health
        return False


def alembic_config(url: str | None = None):  # noqa: ANN201 - alembic Config, imported lazily
    from alembic.config import Config

    config = Config(str(ALEMBIC_INI))
    config.attributes["configure_logger"] = False
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    database_url = url or get_settings().database_url
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade_to_head(url: str | None = None) -> None:
    """Alembic is the only schema path; the app calls this at start."""
    from alembic import command

    command.upgrade(alembic_config(url), "head")
