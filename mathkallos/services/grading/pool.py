"""Warm worker processes that run checks under a wall-time and a memory limit.

``check_answer`` is safe to call from anywhere: it never runs sympy in the caller's process.
A check that exceeds its limit gets status "limit"; pebble kills and replaces the worker, so
other checks keep flowing.
"""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
import os
import resource
import threading
from collections.abc import Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from pebble import ProcessExpired, ProcessFuture, ProcessPool

from .engine import check_answer_unbounded
from .guards import MAX_LENGTH
from .verdict import Verdict

MEMORY_LIMIT_BYTES = 512 * 1024 * 1024
DEFAULT_TIME_LIMIT = 2.0
TEXT_LENGTH_CAPS = {"proof": 100_000, "string": 10_000, "steps": 20_000, "choice": 1_000}

_lock = threading.Lock()
_pool: ProcessPool | None = None
_PRELOAD = ["mathkallos.services.grading.warmup"]


def _context() -> multiprocessing.context.BaseContext:
    """A start method that is safe in a multi-threaded web process.

    Forking a process that runs threads (asyncio executors, the web server) can copy a lock held
    by another thread and deadlock the child. "forkserver" forks workers from a clean,
    single-threaded server process that has already imported sympy and the grammar, so a
    replacement worker starts in milliseconds; "spawn" is the fallback where it is missing.
    """
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def _warm_worker(memory_limit: int) -> None:
    """Cap the worker's address space and load sympy, the grammar and the caches up front.

    Under "forkserver" the server has imported ``warmup`` (which grades one answer of every
    kind) before forking, so its children inherit that state; under "spawn" the import here
    does the work.
    """
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory_limit if hard == resource.RLIM_INFINITY else min(memory_limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    from . import warmup  # noqa: F401 - grades one answer per kind on first import only


def get_pool(workers: int | None = None, memory_limit: int = MEMORY_LIMIT_BYTES) -> ProcessPool:
    """The shared pool, created on first use (``workers`` defaults to the CPU count)."""
    global _pool
    with _lock:
        if _pool is None or not _pool.active:
            _pool = ProcessPool(
                max_workers=workers or os.cpu_count() or 1,
                initializer=_warm_worker,
                initargs=(memory_limit,),
                context=_context(),
            )
        return _pool


def shutdown_pool() -> None:
    """Stop the workers (registered at interpreter exit)."""
    global _pool
    with _lock:
        if _pool is not None:
            _pool.stop()
            _pool.join(timeout=5)
            _pool = None


atexit.register(shutdown_pool)


def _length_cap(kind: str, settings: dict[str, Any]) -> int:
    limit = settings.get("max_length")
    if isinstance(limit, int):
        return limit
    return TEXT_LENGTH_CAPS.get(kind, MAX_LENGTH)


def _precheck(answer: str | Sequence[str], kind: str, settings: dict[str, Any]) -> Verdict | None:
    """Refuse oversized input in the caller, so 100 kB never even reaches a worker."""
    length = len(answer) if isinstance(answer, str) else sum(len(part) for part in answer)
    cap = _length_cap(kind, settings)
    if length > cap:
        return Verdict.ungraded(
            "invalid_input", "syntax_error", detail="too_long", length=length, limit=cap
        )
    return None


def _submit(
    answer: str | Sequence[str], key: str, kind: str, settings: dict[str, Any]
) -> tuple[ProcessFuture | None, Verdict | None]:
    refused = _precheck(answer, kind, settings)
    if refused is not None:
        return None, refused
    time_limit = settings.get("time_limit", DEFAULT_TIME_LIMIT)
    future = get_pool().schedule(
        check_answer_unbounded, args=(answer, key, kind), kwargs=settings, timeout=time_limit
    )
    return future, None


def _outcome(future: ProcessFuture) -> Verdict:
    try:
        return future.result()
    except (FutureTimeout, ProcessExpired, MemoryError):
        return Verdict.ungraded("limit", "limit")


def check_answer(
    answer: str | Sequence[str], key: str, kind: str = "symbolic", **settings: Any
) -> Verdict:
    """Grade ``answer`` against ``key`` in a worker, bounded in time and memory."""
    return check_answers([(answer, key, kind, settings)])[0]


def check_answers(
    checks: Sequence[tuple[str | Sequence[str], str, str, dict[str, Any]]],
) -> list[Verdict]:
    """``check_answer`` for several (answer, key, kind, settings) at once, such as an exam's
    answers at its submit: all are handed to the workers before the first is awaited, so they
    are graded side by side, each still bounded on its own."""
    scheduled = [_submit(answer, key, kind, settings) for answer, key, kind, settings in checks]
    return [refused if future is None else _outcome(future) for future, refused in scheduled]


async def check_answer_async(
    answer: str | Sequence[str], key: str, kind: str = "symbolic", **settings: Any
) -> Verdict:
    """Same as check_answer, awaiting the worker without blocking the event loop."""
    future, refused = _submit(answer, key, kind, settings)
    if future is None:
        return refused
    try:
        return await asyncio.wrap_future(future)
    except (TimeoutError, FutureTimeout, ProcessExpired, MemoryError):
        return Verdict.ungraded("limit", "limit")
