"""Benchmark of the answer checker against a naive sympy baseline on the labelled corpus.

Run: ``python benchmarks/grading.py``. Prints agreement with the labels, p50/p99 latency per
check (warm and cold), throughput, the same figures for the baseline
``simplify(sympify(a) - sympify(b)) == 0`` in the same run, and how each adversarial input is
bounded. The baseline is allowed here only; the engine never sympifies student text.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from pebble import ProcessExpired, ProcessPool

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mathkallos.services.grading import (  # noqa: E402
    check_answer,
    check_answer_unbounded,
    get_pool,
    shutdown_pool,
)

CORPUS = ROOT / "tests" / "data" / "grading_corpus.jsonl"
TIME_LIMIT = 2.0
COLD_SAMPLES = 3
ADVERSARIAL = [
    ("9^9^9^9", "1", "numeric"),
    ("factorial(10^10)", "1", "numeric"),
    ("(" * 10_000 + "x" + ")" * 10_000, "x", "symbolic"),
    ("1+" * 50_000 + "1", "1", "numeric"),
    ("2^(2^(2^(2^(2^2))))", "1", "numeric"),
    ("x^97+3x+1=0", "x=1", "equation"),
    ("__import__('os').system('true')", "1", "symbolic"),
    ("sin(10^10000)^2+cos(10^10000)^2", "1", "numeric"),
]


def _timed(function: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def ours(row: dict) -> tuple[bool, float]:
    """One check inside a worker; returns (correct, seconds spent in the worker)."""
    verdict, seconds = _timed(
        check_answer_unbounded, row["answer"], row["key"], row["kind"], **row["settings"]
    )
    return verdict.correct, seconds


def baseline(row: dict) -> tuple[bool, float]:
    """The naive check: sympify both texts and simplify the difference."""
    import sympy

    def naive() -> bool:
        try:
            return bool(
                sympy.simplify(sympy.sympify(row["answer"]) - sympy.sympify(row["key"])) == 0
            )
        except Exception:  # the baseline has no error handling of its own; any failure = wrong
            return False

    return _timed(naive)


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _run_concurrently(pool: ProcessPool, task: Callable, rows: list[dict]) -> dict[str, float]:
    started = time.perf_counter()
    futures = [pool.schedule(task, args=(row,), timeout=TIME_LIMIT) for row in rows]
    agree, latencies = 0, []
    for row, future in zip(rows, futures, strict=True):
        try:
            correct, seconds = future.result()
        except (FutureTimeout, ProcessExpired):
            correct, seconds = None, TIME_LIMIT
        agree += correct == row["expected_correct"]
        latencies.append(seconds)
    wall = time.perf_counter() - started
    return {
        "agreement": 100 * agree / len(rows),
        "p50": _percentile(latencies, 0.5) * 1000,
        "p99": _percentile(latencies, 0.99) * 1000,
        "throughput": len(rows) / wall,
    }


def _cold(make_pool: Callable[[], ProcessPool], task: Callable, row: dict) -> float:
    """First check in a fresh pool, worker start-up included (median of a few), in ms."""
    samples = []
    for _ in range(COLD_SAMPLES):
        pool = make_pool()
        started = time.perf_counter()
        pool.schedule(task, args=(row,), timeout=30).result()
        samples.append((time.perf_counter() - started) * 1000)
        pool.stop()
        pool.join()
    return statistics.median(samples)


def _report(name: str, figures: dict[str, float], cold_ms: float) -> None:
    print(
        f"{name:9s} agreement {figures['agreement']:6.2f}%  warm p50 {figures['p50']:7.2f} ms"
        f"  warm p99 {figures['p99']:8.2f} ms  cold {cold_ms:8.1f} ms"
        f"  throughput {figures['throughput']:8.1f} checks/s"
    )


def main() -> None:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    print(f"corpus: {len(rows)} labelled pairs, {len({r['kind'] for r in rows})} kinds")

    shutdown_pool()
    cold_samples = []
    for _ in range(COLD_SAMPLES):
        started = time.perf_counter()
        check_answer(rows[0]["answer"], rows[0]["key"], rows[0]["kind"], **rows[0]["settings"])
        cold_samples.append((time.perf_counter() - started) * 1000)
        shutdown_pool()
    ours_cold = statistics.median(cold_samples)
    pool = get_pool()
    _run_concurrently(pool, ours, rows[:50])  # warm-up of caches in every worker
    ours_figures = _run_concurrently(pool, ours, rows)

    end_to_end = []
    for row in rows:
        _, seconds = _timed(check_answer, row["answer"], row["key"], row["kind"], **row["settings"])
        end_to_end.append(seconds * 1000)

    workers = len(pool._pool_manager.worker_manager.workers) or 2
    baseline_cold = _cold(lambda: ProcessPool(max_workers=workers), baseline, rows[0])
    with ProcessPool(max_workers=workers) as baseline_pool:
        baseline_figures = _run_concurrently(baseline_pool, baseline, rows)

    print()
    _report("checker", ours_figures, ours_cold)
    _report("baseline", baseline_figures, baseline_cold)
    print(
        f"checker end-to-end through the pool (sequential): p50 "
        f"{_percentile(end_to_end, 0.5):.2f} ms, p99 {_percentile(end_to_end, 0.99):.2f} ms"
    )
    print(
        f"throughput ratio checker/baseline: "
        f"{ours_figures['throughput'] / baseline_figures['throughput']:.1f}x"
        " (the baseline is fast where it fails: it cannot read sets, intervals or LaTeX)"
    )

    algebraic = [
        r
        for r in rows
        if r["kind"] in ("symbolic", "numeric", "complex")
        and "\\" not in r["answer"] + r["key"]
        and not r["settings"]
    ]
    print(f"\nsubset the baseline can read ({len(algebraic)} plain symbolic/numeric pairs):")
    _report("checker", _run_concurrently(pool, ours, algebraic), ours_cold)
    with ProcessPool(max_workers=workers) as baseline_pool:
        subset_baseline = _run_concurrently(baseline_pool, baseline, algebraic)
    _report("baseline", subset_baseline, baseline_cold)

    print(f"\nadversarial inputs (time limit {TIME_LIMIT:.1f} s):")
    for answer, key, kind in ADVERSARIAL:
        verdict, seconds = _timed(check_answer, answer, key, kind, time_limit=TIME_LIMIT)
        shown = answer if len(answer) <= 40 else f"{answer[:30]}... ({len(answer)} chars)"
        print(f"  {shown:50s} -> {verdict.status:13s} {verdict.code:12s} {seconds * 1000:8.1f} ms")
    shutdown_pool()


if __name__ == "__main__":
    main()
