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

from mathkallos.services.waiting import refuse_to_wait

from .engine import check_answer_unbounded
from .guards import MAX_LENGTH
from .verdict import Verdict

MEMORY_LIMIT_BYTES = 512 * 1024 * 1024
DEFAULT_TIME_LIMIT = 2.0
TEXT_LENGTH_CAPS = {"proof": 100_000, "string": 10_000, "steps": 20_000, "choice": 1_000}

_lock = threading.Lock()
_pool: ProcessPool | None = None
_workers = 1
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
    global _pool, _workers
    with _lock:
        if _pool is None or not _pool.active:
            _workers = workers or os.cpu_count() or 1
            _pool = ProcessPool(
                max_workers=_workers,
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


Check = tuple[str | Sequence[str], str, str, dict[str, Any]]
BATCH_SIZE = 16


def _time_limit(settings: dict[str, Any]) -> float:
    return settings.get("time_limit", DEFAULT_TIME_LIMIT)


def _submit(
    answer: str | Sequence[str], key: str, kind: str, settings: dict[str, Any]
) -> tuple[ProcessFuture | None, Verdict | None]:
    refused = _precheck(answer, kind, settings)
    if refused is not None:
        return None, refused
    future = get_pool().schedule(
        check_answer_unbounded,
        args=(answer, key, kind),
        kwargs=settings,
        timeout=_time_limit(settings),
    )
    return future, None


def _cut() -> Verdict:
    """The verdict of a check stopped at its time or memory limit."""
    return Verdict.ungraded("limit", "limit")


def _outcome(future: ProcessFuture) -> Verdict:
    try:
        return future.result()
    except (FutureTimeout, ProcessExpired, MemoryError):
        return _cut()


def check_answer(
    answer: str | Sequence[str], key: str, kind: str = "symbolic", **settings: Any
) -> Verdict:
    """Grade ``answer`` against ``key`` in a worker, bounded in time and memory."""
    return check_answers([(answer, key, kind, settings)])[0]


def check_batch_unbounded(checks: Sequence[Check]) -> list[Verdict]:
    """A worker's run of several checks: one hand-off to the worker and back for all of them."""
    return [
        check_answer_unbounded(answer, key, kind, **options)
        for answer, key, kind, options in checks
    ]


def _batches(checks: Sequence[Check], positions: list[int], workers: int) -> list[list[int]]:
    """Checks of one time limit together (a batch is cut at that limit); at least one batch
    per worker, so that one call keeps every core busy, and at most BATCH_SIZE checks in a
    batch, so that a batch cut at the limit costs few checks a rerun."""
    by_limit: dict[float, list[int]] = {}
    for position in positions:
        by_limit.setdefault(_time_limit(checks[position][3]), []).append(position)
    batches = []
    for group in by_limit.values():
        size = -(-len(group) // max(workers, -(-len(group) // BATCH_SIZE)))
        batches.extend(group[start : start + size] for start in range(0, len(group), size))
    return batches


def check_answers(checks: Sequence[Check]) -> list[Verdict]:
    """``check_answer`` for several (answer, key, kind, settings) at once, such as an exam's
    answers at its submit: they go to the workers in a few batches, graded side by side. A
    hand-off costs about as much as a check, so batching is what lets the workers outrun one
    process. A batch that hits the time or memory limit is not trusted as a whole: each of its
    checks runs again alone, under its own limit, so only the one at fault is cut."""
    verdicts: dict[int, Verdict] = {}
    for position, (answer, _, kind, settings) in enumerate(checks):
        refused = _precheck(answer, kind, settings)
        if refused is not None:
            verdicts[position] = refused
    pending = [position for position in range(len(checks)) if position not in verdicts]
    if pending:
        refuse_to_wait()
    pool = get_pool()
    scheduled = [
        (
            batch,
            pool.schedule(
                check_batch_unbounded,
                args=([checks[position] for position in batch],),
                timeout=_time_limit(checks[batch[0]][3]),
            ),
        )
        for batch in _batches(checks, pending, _workers)
    ]
    rerun: list[int] = []
    for batch, future in scheduled:
        try:
            verdicts.update(zip(batch, future.result(), strict=True))
        except (FutureTimeout, ProcessExpired, MemoryError):
            if len(batch) == 1:
                verdicts[batch[0]] = _cut()
            else:
                rerun.extend(batch)
    alone = [(position, _submit(*checks[position])[0]) for position in rerun]
    for position, future in alone:
        assert future is not None  # prechecked above
        verdicts[position] = _outcome(future)
    return [verdicts[position] for position in range(len(checks))]


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
        return _cut()
