"""A call that runs on the web app's event loop thread must never wait there.

On SQLite a short service call (an autosave, an exam's start) costs less than the trip to a
worker thread it would otherwise make, so the web state may run it on the event loop itself.
Such a call must not wait for anything that can be slow: another writer's transaction or an
answer check in the grading workers. The code that would wait asks `may_wait()` first; if it
may not, it raises `MustNotWait`, the unit of work rolls back, and the caller runs the whole
call again in a worker thread, where waiting holds up nobody else.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_NO_WAITING: ContextVar[bool] = ContextVar("no_waiting", default=False)


class MustNotWait(Exception):
    """Raised where a call that may not wait would have to; it has written nothing."""


@contextmanager
def without_waiting() -> Iterator[None]:
    token = _NO_WAITING.set(True)
    try:
        yield
    finally:
        _NO_WAITING.reset(token)


def may_wait() -> bool:
    return not _NO_WAITING.get()


def refuse_to_wait() -> None:
    """For code about to wait: raises MustNotWait inside `without_waiting`."""
    if _NO_WAITING.get():
        raise MustNotWait
