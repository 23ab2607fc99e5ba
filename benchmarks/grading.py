"""Benchmark of the answer checker against a naive sympy baseline on the labelled corpus.

Run: ``python benchmarks/grading.py``. Prints agreement with the labels, p50/p99 latency per
check (warm and cold), throughput, the same figures for the baseline
``simplify(sympify(a) - sympify(b)) == 0`` in the same run, and how each adversarial input is
bounded. The baseline is allowed here only; the engine never sympifies student text.

Method (so that runs are comparable):
- one warm-up pass, then ``REPETITIONS`` timed passes of the engine, the baseline and the
  service, interleaved (a burst of load on a shared machine hits all three); the median pass of
  each is reported, with half the spread of the passes;
- before every pass the engine's caches (keys, parses, compiled expressions) and sympy's own
  cache are cleared, for the engine and the baseline alike: a pass measures a warm process
  with cold caches, so repeated rows are not free (keys shared by rows of one pass still are,
  as they are for the many students who answer one problem);
- the engine and the baseline are deterministic (seeded sample points), the order is fixed;
- sequential passes are timed in CPU time of this process (latencies per check too), so other
  jobs on a shared machine do not distort them; the wall-clock rate is printed alongside.

Three throughput figures, each printed with its ratio to the baseline:
(a) sequential in one process: engine and baseline on the same rows in the same process;
(b) the service, one answer a call: ``check_answer`` submitted from a thread pool into the
    worker pool (all cores; a fresh pool per pass, so its caches are cold too), as practice
    checks answers, against the baseline's single-process throughput from (a);
(c) the service, an exam's submit a call: ``check_answers`` of SUBMIT_SIZE rows at a time from
    the same thread pool (the answers travel to the workers in batches).
On a machine shared with other jobs (b) and (c) suffer first: the load average is printed
before and after.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sympy  # noqa: E402
from sympy.core.cache import clear_cache as clear_sympy_cache  # noqa: E402

from mathkallos.services.grading import (  # noqa: E402
    check_answer,
    check_answer_unbounded,
    check_answers,
    clear_caches,
    get_pool,
    shutdown_pool,
)

CORPUS = ROOT / "tests" / "data" / "grading_corpus.jsonl"
TIME_LIMIT = 2.0
REPETITIONS = 5
SUBMIT_SIZE = 8  # answers of one exam submit, graded in one check_answers call
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

Row = dict[str, Any]


class _BaselineTimeout(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _BaselineTimeout


def engine_check(row: Row) -> bool:
    return check_answer_unbounded(row["answer"], row["key"], row["kind"], **row["settings"]).correct


def baseline_check(row: Row) -> bool:
    """The naive check: sympify both texts and simplify the difference (cut at TIME_LIMIT)."""
    signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
    try:
        return bool(sympy.simplify(sympy.sympify(row["answer"]) - sympy.sympify(row["key"])) == 0)
    except BaseException:  # the baseline has no error handling of its own; any failure = wrong
        return False
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _clear_all() -> None:
    clear_caches()
    clear_sympy_cache()


def _sequential_pass(check: Callable[[Row], bool], rows: list[Row]) -> dict[str, float]:
    """One pass in this process. Times are CPU times of this (single-threaded) process, so
    other jobs on a shared machine do not distort them; the wall-clock rate is kept too."""
    _clear_all()
    latencies, agree = [], 0
    started, started_cpu = time.perf_counter(), time.process_time()
    for row in rows:
        begun = time.process_time()
        agree += check(row) == row["expected_correct"]
        latencies.append(time.process_time() - begun)
    wall, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    return {
        "agreement": 100 * agree / len(rows),
        "p50": _percentile(latencies, 0.5) * 1000,
        "p99": _percentile(latencies, 0.99) * 1000,
        "max": max(latencies) * 1000,
        "throughput": len(rows) / cpu,
        "wall_throughput": len(rows) / wall,
    }


def _median_pass(passes: list[dict[str, float]]) -> dict[str, float]:
    ordered = sorted(passes, key=lambda figures: figures["throughput"])
    median = dict(ordered[len(ordered) // 2])
    median["spread"] = (
        100
        * (ordered[-1]["throughput"] - ordered[0]["throughput"])
        / max(median["throughput"], 1e-9)
    )
    return median


def _fresh_pool() -> int:
    """Restart the worker pool (empty caches, warm processes) and wait until all workers run."""
    shutdown_pool()
    workers = os.cpu_count() or 1
    get_pool()
    with ThreadPoolExecutor(max_workers=workers) as threads:
        list(threads.map(lambda _: check_answer("1", "1", "numeric"), range(4 * workers)))
    return workers


def _service_pass(rows: list[Row], batch: int) -> dict[str, float]:
    """Rows through the service from a thread pool: one ``check_answer`` per row (batch 1, as
    practice checks an answer) or ``check_answers`` of ``batch`` rows (as an exam's submit)."""
    workers = _fresh_pool()
    groups = [rows[start : start + batch] for start in range(0, len(rows), batch)]

    def one(group: list[Row]) -> int:
        if batch == 1:
            row = group[0]
            verdicts = [check_answer(row["answer"], row["key"], row["kind"], **row["settings"])]
        else:
            verdicts = check_answers(
                [(r["answer"], r["key"], r["kind"], r["settings"]) for r in group]
            )
        return sum(v.correct == r["expected_correct"] for v, r in zip(verdicts, group, strict=True))

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=4 * workers) as threads:
        agree = sum(threads.map(one, groups))
    wall = time.perf_counter() - started
    shutdown_pool()  # no pool threads in this process during the sequential passes
    return {"agreement": 100 * agree / len(rows), "throughput": len(rows) / wall}


def end_to_end_latency(rows: list[Row]) -> tuple[float, float]:
    """One check at a time through the pool (IPC included): p50, p99 in ms."""
    _fresh_pool()
    latencies = []
    for row in rows:
        started = time.perf_counter()
        check_answer(row["answer"], row["key"], row["kind"], **row["settings"])
        latencies.append((time.perf_counter() - started) * 1000)
    return _percentile(latencies, 0.5), _percentile(latencies, 0.99)


def cold_starts(row: Row) -> tuple[float, float]:
    """(first check ever: starts the forkserver; first check in a new pool), in ms."""
    shutdown_pool()
    started = time.perf_counter()
    check_answer(row["answer"], row["key"], row["kind"], **row["settings"])
    first = (time.perf_counter() - started) * 1000
    samples = []
    for _ in range(COLD_SAMPLES):
        shutdown_pool()
        started = time.perf_counter()
        check_answer(row["answer"], row["key"], row["kind"], **row["settings"])
        samples.append((time.perf_counter() - started) * 1000)
    return first, statistics.median(samples)


def _line(name: str, figures: dict[str, float]) -> str:
    text = f"  {name:32s} agreement {figures['agreement']:6.2f}%"
    spread = f"(±{figures['spread'] / 2:.0f}%)"
    if "p50" in figures:
        return (
            text + f"  p50 {figures['p50']:5.2f} ms  p99 {figures['p99']:6.2f} ms"
            f"  max {figures['max']:6.1f} ms  {figures['throughput']:7.1f} checks/CPU-s {spread}"
            f"  [wall {figures['wall_throughput']:.0f}/s]"
        )
    return text + f"  {figures['throughput']:7.1f} checks/s wall-clock {spread}"


def _compare(rows: list[Row], title: str) -> None:
    """Engine, baseline and service passes interleaved, so a burst of load on the (shared)
    machine hits all three alike; the median pass of each is shown."""
    print(f"\n{title}")
    _sequential_pass(engine_check, rows)
    _sequential_pass(baseline_check, rows)
    _service_pass(rows[:100], 1)
    names = ("ours", "naive", "single", "submits")
    passes: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    for _ in range(REPETITIONS):
        passes["ours"].append(_sequential_pass(engine_check, rows))
        passes["naive"].append(_sequential_pass(baseline_check, rows))
        passes["single"].append(_service_pass(rows, 1))
        passes["submits"].append(_service_pass(rows, SUBMIT_SIZE))
    ours, naive, single, submits = (_median_pass(passes[name]) for name in names)
    workers = os.cpu_count()
    print(_line("(a) engine, 1 process, sequential", ours))
    print(_line("(a) baseline, 1 process, seq.", naive))
    print(_line(f"(b) service, {workers} workers, 1 a call", single))
    print(_line(f"(c) service, {workers} workers, {SUBMIT_SIZE} a call", submits))
    for label, figures in (
        ("(a) engine / baseline, sequential in one process", ours),
        ("(b) service, single checks (wall) / baseline (a)", single),
        (f"(c) service, submits of {SUBMIT_SIZE} (wall) / baseline (a)", submits),
    ):
        print(f"  ratio {label:55s} {figures['throughput'] / naive['throughput']:5.1f}x")


def main() -> None:
    signal.signal(signal.SIGALRM, _alarm)
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    first, cold = cold_starts(rows[0])
    keys = {(r["key"], r["kind"], json.dumps(r["settings"], sort_keys=True)) for r in rows}
    print(
        f"corpus: {len(rows)} labelled pairs, {len({r['kind'] for r in rows})} kinds, "
        f"{len(keys)} distinct keys; {REPETITIONS} passes after a warm-up, median pass shown "
        f"(± half the spread); caches cleared before each pass; {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.2f} at start"
    )
    _compare(rows, "full corpus (the baseline fails fast on what it cannot read)")
    algebraic = [
        r
        for r in rows
        if r["kind"] in ("symbolic", "numeric", "complex")
        and "\\" not in r["answer"] + r["key"]
        and not r["settings"]
    ]
    _compare(algebraic, f"subset the baseline can read ({len(algebraic)} plain algebraic pairs)")

    p50, p99 = end_to_end_latency(rows)
    print(
        f"\nengine end-to-end through the pool, one at a time: p50 {p50:.2f} ms, p99 {p99:.2f} ms"
    )
    print(
        f"cold start: first check in the process (starts the forkserver) {first:.0f} ms; "
        f"first check in a new pool {cold:.0f} ms (median of {COLD_SAMPLES})"
    )

    print(f"load average {os.getloadavg()[0]:.2f} after the throughput runs")
    print(f"\nadversarial inputs (time limit {TIME_LIMIT:.1f} s):")
    for answer, key, kind in ADVERSARIAL:
        started = time.perf_counter()
        verdict = check_answer(answer, key, kind, time_limit=TIME_LIMIT)
        seconds = time.perf_counter() - started
        shown = answer if len(answer) <= 40 else f"{answer[:30]}... ({len(answer)} chars)"
        print(f"  {shown:50s} -> {verdict.status:13s} {verdict.code:12s} {seconds * 1000:8.1f} ms")
    shutdown_pool()


if __name__ == "__main__":
    main()
