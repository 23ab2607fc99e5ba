"""Load test of the exam runner: N students as real websocket clients of the production build.

Run: ``python benchmarks/exam_load.py`` (all of N = 100, 300, 1000) or e.g.
``python benchmarks/exam_load.py --n 100 --steady-seconds 20``. ``make bench`` runs it.

It builds and serves the prod app itself (``reflex run --env prod`` on a free port, a
temporary SQLite database bootstrapped with the demo school), from the tree this file lives in.
Each simulated student is a browser tab speaking Reflex's own websocket protocol as
``.web/utils/state.js`` does (``tests/support/reflex_client.py``).

For each N, with N fresh student accounts (signed in through the sessions service and enrolled
in the demo course; their tokens are the client's localStorage):

1. landing floor — N clients open ``/`` within one second: connect + hydrate + on_load until
   ``is_hydrated``. Those clients then disconnect.
2. the students open the course page (not timed, in batches).
3. spike — within one second every student confirms "start exam": ``CourseState.start_test``
   until the attempt's problems are in the tab's state (they come with the start's reply,
   before the redirect's navigation and the runner page's load, as the browser shows them;
   that navigation's events are then sent and awaited, untimed).
4. steady — every student saves an answer about every 5 s (uniform 1-9 s gaps, a third of the
   time after moving to another problem) for ``--steady-seconds``, then submits.
5. lost answers — what each client last sent for each problem against ``attempt_answers``.

``--scale-out WORKERS`` runs the deployment shape instead of the embedded default (SQLite,
one backend process, state in memory): a throwaway PostgreSQL, Reflex's state in a throwaway
Redis, and WORKERS backend processes (Debian's ``postgresql`` and ``redis-server``).

Latency is from the client's emit to the delta that shows the outcome. Targets (at N = 1000):
save p95 < 250 ms, no lost answer, exam start p95 within 1.5x the landing floor's p95.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
import socketio  # noqa: E402

from tests.support.app_server import (  # noqa: E402
    app_environment,
    bootstrap,
    serve_prod_app,
)
from tests.support.postgres import find_pg_bin, free_port, postgres_database  # noqa: E402
from tests.support.reflex_client import (  # noqa: E402
    COURSE_STATE,
    RUNNER_STATE,
    Build,
    Tab,
    Timeout,
    field_name,
)

COURSE_SLUG = "inequalities-and-algebraic-tricks"
EXAM_SLUG = "inequalities-exam"
PASSWORD = "Olympiad-2026!"
DEFAULT_NS = (100, 300, 1000)
TARGET_N = 1000
SAVE_P95_TARGET_MS = 250.0
START_FLOOR_RATIO = 1.5

# ---- one student --------------------------------------------------------------------------------

ANSWERS = {
    "numeric": "{k}",
    "symbolic": "x^2 + {k}*x - 1",
    "set": "{{1, 2, {k}}}",
    "tuple": "(1, {k})",
    "matrix": "[[1, 2], [3, {k}]]",
    "interval": "[0, {k})",
    "equation": "y = {k}x + 1",
    "complex": "1 + {k}i",
    "string": "answer {k}",
    "steps": "a + b >= 2 sqrt(ab)\nx = {k}",
    "proof": "By AM-GM, $a+b \\ge 2\\sqrt{{ab}}$; summing the three cases gives the claim ({k}).",
}


def answer_text(problem: dict, k: int) -> str:
    if problem["kind"] == "choice":
        labels = [o["label"] for o in problem.get("options") or []] or ["A", "B"]
        return labels[k % len(labels)]
    return ANSWERS.get(problem["kind"], "answer {k}").format(k=k)


@dataclass
class Student:
    username: str
    tokens: tuple[str, str]
    tab: Tab | None = None
    attempt_id: int = 0
    start_ms: float | None = None
    saves_ms: list[float] = field(default_factory=list)
    moves_ms: list[float] = field(default_factory=list)
    submit_ms: float | None = None
    failures: dict[str, int] = field(default_factory=dict)
    last_sent: dict[int, str] = field(default_factory=dict)

    def fail(self, what: str) -> None:
        self.failures[what] = self.failures.get(what, 0) + 1

    @property
    def problems(self) -> list[dict]:
        assert self.tab is not None
        attempt = self.tab.var(RUNNER_STATE, "attempt") or {}
        return attempt.get("problems") or []


def now_ms() -> float:
    return time.perf_counter() * 1000


async def open_landing(student: Student, tab: Tab, delay: float, timeout: float) -> float | None:
    await asyncio.sleep(delay)
    started = now_ms()
    try:
        waiter = await tab.open("/", {}, lambda _d: tab.hydrated)
        await tab.wait(waiter, timeout)
    except (Timeout, socketio.exceptions.ConnectionError):
        student.fail("landing")
        return None
    return now_ms() - started


async def open_course(student: Student, tab: Tab, timeout: float) -> bool:
    def loaded(_delta: dict) -> bool:
        return tab.hydrated and tab.var(COURSE_STATE, "course") is not None

    try:
        waiter = await tab.open(f"/courses/{COURSE_SLUG}", {"course_slug": COURSE_SLUG}, loaded)
        await tab.wait(waiter, timeout)
    except (Timeout, socketio.exceptions.ConnectionError):
        student.fail("course page")
        return False
    return True


async def start_exam(student: Student, delay: float, timeout: float) -> None:
    """Confirm "start exam" on the course page. The clock stops when the start's reply has
    brought the attempt's problems and the redirect: the browser shows the exam then, before
    the runner page's own load is answered (tests/e2e/test_runner.py holds those answers back
    to prove it). The navigation's events are still sent and awaited, as the browser's are."""
    tab = student.tab
    assert tab is not None
    await asyncio.sleep(delay)
    started = now_ms()
    redirected = tab.expect(lambda _d: bool(tab.redirects))
    await tab.emit(f"{COURSE_STATE}.start_test", {"test_slug": EXAM_SLUG})
    try:
        await tab.wait(redirected, timeout)
        path = tab.redirects.pop()
        student.attempt_id = int(path.rstrip("/").rsplit("/", 1)[-1])
        attempt = tab.var(RUNNER_STATE, "attempt") or {}
        if attempt.get("id") != student.attempt_id or not attempt.get("problems"):
            student.fail("start")
            return
    except (Timeout, ValueError):
        student.fail("start")
        return
    student.start_ms = now_ms() - started
    loaded = tab.expect(lambda _d: True)
    await tab.navigate(path, {"attempt_id": str(student.attempt_id)})
    try:
        await tab.wait(loaded, timeout)
    except Timeout:
        student.fail("runner page load")


async def go_to(student: Student, index: int, timeout: float) -> None:
    tab = student.tab
    assert tab is not None
    started = now_ms()
    waiter = tab.expect(lambda d: field_name("index") in d.get(RUNNER_STATE, {}))
    await tab.emit(f"{RUNNER_STATE}.go", {"index": index})
    try:
        await tab.wait(waiter, timeout)
    except Timeout:
        student.fail("move")
        return
    student.moves_ms.append(now_ms() - started)


async def save(student: Student, k: int, timeout: float) -> None:
    tab = student.tab
    assert tab is not None
    index = tab.var(RUNNER_STATE, "index", 0)
    problem = student.problems[index]["problem"]
    text = answer_text(problem, k)
    if text == student.last_sent.get(problem["id"]):
        text = answer_text(problem, k + 1)

    def saved(delta: dict) -> bool:
        receipts = tab.var(RUNNER_STATE, "saved_answers") or {}
        if receipts.get(str(problem["id"])) == text:
            return True
        return delta.get(RUNNER_STATE, {}).get(field_name("save_failed")) is True

    started = now_ms()
    waiter = tab.expect(saved)
    student.last_sent[problem["id"]] = text
    await tab.emit(f"{RUNNER_STATE}.set_draft", {"text": text})
    try:
        await tab.wait(waiter, timeout)
    except Timeout:
        student.fail("save timeout")
        return
    if tab.var(RUNNER_STATE, "save_failed"):
        student.fail(f"save refused: {tab.var(RUNNER_STATE, 'save_note')}")
        return
    student.saves_ms.append(now_ms() - started)


async def submit(student: Student, timeout: float) -> None:
    tab = student.tab
    assert tab is not None
    started = now_ms()
    waiter = tab.expect(lambda _d: tab.var(RUNNER_STATE, "result") is not None)
    await tab.emit(f"{RUNNER_STATE}.submit")
    try:
        await tab.wait(waiter, timeout)
    except Timeout:
        student.fail("submit")
        return
    student.submit_ms = now_ms() - started


async def steady(student: Student, seconds: float, timeout: float, rng: random.Random) -> None:
    """An answer about every 5 s (uniform 1-9 s gaps from a random phase), then submit."""
    tab = student.tab
    if tab is None or student.start_ms is None:
        return
    end = time.monotonic() + seconds
    next_at = time.monotonic() + rng.uniform(0, 5)
    k = rng.randrange(1000)
    while next_at < end:
        await asyncio.sleep(max(0.0, next_at - time.monotonic()))
        count = len(student.problems)
        if count > 1 and rng.random() < 1 / 3:
            current = tab.var(RUNNER_STATE, "index", 0)
            await go_to(student, rng.choice([i for i in range(count) if i != current]), timeout)
        k += 1
        await save(student, k, timeout)
        next_at += rng.uniform(1, 9)
    await asyncio.sleep(max(0.0, end - time.monotonic()))
    await submit(student, timeout)


# ---- accounts and the database ------------------------------------------------------------------


def create_students(run: str, n: int) -> list[Student]:
    """N fresh students, enrolled in the demo course and signed in through the services."""
    from mathkallos.db import session_scope
    from mathkallos.models.users import Role
    from mathkallos.services import content
    from mathkallos.services.access import Actor
    from mathkallos.services.accounts import create_account
    from mathkallos.services.auth import sessions

    students = []
    with session_scope() as session:
        for i in range(n):
            username = f"{run}s{i:04d}"
            user = create_account(
                session=session,
                email=f"{username}@bench.example.com",
                username=username,
                full_name=f"Student {username}",
                password=PASSWORD,
                role=Role.STUDENT,
            )
            content.enroll(
                session=session, actor=Actor(id=user.id, role=Role.STUDENT), course_slug=COURSE_SLUG
            )
    with session_scope() as session:
        for i in range(n):
            username = f"{run}s{i:04d}"
            signed = sessions.login(session=session, login=username, password=PASSWORD)
            students.append(Student(username, (signed.access_token, signed.refresh_token)))
    return students


def lost_answers(students: list[Student]) -> tuple[int, int]:
    """(lost, checked): (attempt, problem) pairs whose DB answer is not the last one sent."""
    from sqlmodel import col, select

    from mathkallos.db import session_scope
    from mathkallos.models.attempts import AttemptAnswer

    sent = {
        (s.attempt_id, problem_id): text
        for s in students
        if s.attempt_id
        for problem_id, text in s.last_sent.items()
    }
    attempt_ids = sorted({attempt_id for attempt_id, _ in sent})
    stored: dict[tuple[int, int], str] = {}
    with session_scope() as session:
        for chunk in range(0, len(attempt_ids), 500):
            rows = session.exec(
                select(AttemptAnswer).where(
                    col(AttemptAnswer.attempt_id).in_(attempt_ids[chunk : chunk + 500])
                )
            ).all()
            stored.update({(r.attempt_id, r.problem_id): r.answer for r in rows})
    lost = sum(1 for key, text in sent.items() if stored.get(key) != text)
    return lost, len(sent)


# ---- measuring ----------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.4999)))
    return ordered[rank - 1]


class CpuMeter:
    """CPU seconds of the app's process group and of this process, between two marks."""

    def __init__(self, app_pgid: int) -> None:
        self.pgid = app_pgid
        self.tick = os.sysconf("SC_CLK_TCK")

    def app_seconds(self) -> float:
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == self.pgid:  # field 5 (pgrp), after the name
                total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / self.tick

    def mark(self) -> tuple[float, float, float]:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return time.monotonic(), self.app_seconds(), usage.ru_utime + usage.ru_stime

    @staticmethod
    def share(start: tuple[float, float, float], end: tuple[float, float, float]) -> str:
        wall = max(1e-9, end[0] - start[0])
        app, clients = (100 * (end[i] - start[i]) / wall for i in (1, 2))
        return f"app {app:.0f}% / clients {clients:.0f}% CPU (of one core)"


@dataclass
class Result:
    n: int
    landing: list[float] = field(default_factory=list)
    start: list[float] = field(default_factory=list)
    save: list[float] = field(default_factory=list)
    move: list[float] = field(default_factory=list)
    submit: list[float] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)
    lost: int = 0
    checked: int = 0
    cpu: dict[str, str] = field(default_factory=dict)
    load_before: float = 0.0
    seconds: dict[str, float] = field(default_factory=dict)

    def row(self, name: str, values: list[float], expected: int) -> str:
        cells = [percentile(values, q) for q in (50, 95, 99)]
        shown = [
            f"{v:8.0f}" if v is not None else f"{'-':>8}"
            for v in (*cells, max(values, default=None))
        ]
        return f"  {name:<34}{len(values):>7}/{expected:<7}{''.join(shown)}"

    def print(self, steady_seconds: float) -> None:
        saves_expected = len(self.save) + sum(
            v for k, v in self.failures.items() if k.startswith("save")
        )
        print(f"\n=== N = {self.n} students (steady phase {steady_seconds:.0f} s)")
        print(f"  {'latency in ms':<34}{'done/asked':>15}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}")
        print(self.row("landing floor (connect+hydrate /)", self.landing, self.n))
        print(self.row("exam start (start_test -> problems)", self.start, self.n))
        print(self.row("save answer (set_draft -> saved)", self.save, saves_expected))
        print(self.row("move to a problem (go)", self.move, len(self.move)))
        print(self.row("submit (submit -> result)", self.submit, self.n))
        print(f"  lost answers: {self.lost} of {self.checked} (student, problem) pairs last sent")
        if self.failures:
            print("  failures: " + ", ".join(f"{k}: {v}" for k, v in sorted(self.failures.items())))
        print(
            f"  load average before the round: {self.load_before:.1f} on {os.cpu_count()} cores"
            " (other jobs on the machine distort every figure)"
        )
        for phase, share in self.cpu.items():
            print(f"  {phase:<10} {self.seconds[phase]:6.1f} s wall, {share}")
        floor, start, save95 = (percentile(x, 95) for x in (self.landing, self.start, self.save))
        if floor and start:
            ratio = start / floor
            print(f"  exam start p95 / landing p95 = {ratio:.2f} (target <= {START_FLOOR_RATIO})")
        if self.n == TARGET_N:
            checks = [
                ("save p95 < 250 ms", save95 is not None and save95 < SAVE_P95_TARGET_MS),
                ("zero lost answers", self.lost == 0 and self.checked > 0),
                (
                    "start p95 <= 1.5x landing p95",
                    bool(floor and start and start <= START_FLOOR_RATIO * floor),
                ),
            ]
            print("  targets: " + "; ".join(f"{t}: {'PASS' if ok else 'FAIL'}" for t, ok in checks))


# ---- one round ----------------------------------------------------------------------------------


async def gather_in_batches(coroutines: list, size: int) -> list:
    results = []
    for i in range(0, len(coroutines), size):
        results += await asyncio.gather(*coroutines[i : i + size])
    return results


async def run_round(
    url: str, build: Build, n: int, args: argparse.Namespace, meter: CpuMeter
) -> Result:
    result = Result(n)
    rng = random.Random(args.seed + n)
    run = f"b{uuid.uuid4().hex[:6]}"
    t = time.monotonic()
    students = await asyncio.to_thread(create_students, run, n)
    print(f"N={n}: {n} students created, enrolled and signed in ({time.monotonic() - t:.1f} s)")
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    async with aiohttp.ClientSession(connector=connector) as http:
        ws_url = f"{url}/_event"

        def phase(name: str, start: tuple[float, float, float]) -> None:
            end = meter.mark()
            result.cpu[name] = CpuMeter.share(start, end)
            result.seconds[name] = end[0] - start[0]

        # 1. the floor: N signed-in students merely open the landing page within one second
        result.load_before = os.getloadavg()[0]
        mark = meter.mark()
        tabs = [Tab(ws_url, build, http, s.tokens) for s in students]
        times = await asyncio.gather(
            *(
                open_landing(s, tab, rng.uniform(0, args.spike_seconds), args.timeout)
                for s, tab in zip(students, tabs, strict=True)
            )
        )
        result.landing = [x for x in times if x is not None]
        phase("landing", mark)
        await asyncio.gather(*(tab.close() for tab in tabs))
        print(f"N={n}: landing floor measured; opening the course page")

        # 2. everyone opens the course page (not timed)
        for student in students:
            student.tab = Tab(ws_url, build, http, student.tokens)
        opened = await gather_in_batches(
            [open_course(s, s.tab, args.timeout) for s in students], args.batch
        )
        ready = [s for s, ok in zip(students, opened, strict=True) if ok]
        print(f"N={n}: {len(ready)} on the course page; exam spike")

        # 3. the spike: all confirm "start exam" within one second
        mark = meter.mark()
        await asyncio.gather(
            *(start_exam(s, rng.uniform(0, args.spike_seconds), args.timeout) for s in ready)
        )
        phase("spike", mark)
        result.start = [s.start_ms for s in students if s.start_ms is not None]
        print(f"N={n}: {len(result.start)} exams open; steady phase {args.steady_seconds:.0f} s")

        # 4. steady autosave, then submit
        mark = meter.mark()
        await asyncio.gather(
            *(
                steady(s, args.steady_seconds, args.timeout, random.Random(rng.random()))
                for s in ready
            )
        )
        phase("steady", mark)
        await asyncio.gather(*(s.tab.close() for s in students if s.tab))

    for s in students:
        result.save += s.saves_ms
        result.move += s.moves_ms
        if s.submit_ms is not None:
            result.submit.append(s.submit_ms)
        for what, count in s.failures.items():
            result.failures[what] = result.failures.get(what, 0) + count
    result.lost, result.checked = await asyncio.to_thread(lost_answers, students)
    return result


def summary(results: list[Result]) -> None:
    print("\n=== Summary (p95 in ms)")
    header = ("landing", 10), ("start", 10), ("ratio", 8), ("save", 10), ("submit", 10)
    print(f"  {'N':>6}" + "".join(f"{h:>{w}}" for h, w in header) + f"{'lost':>7}")
    for r in results:
        floor, start, save95, submit95 = (
            percentile(x, 95) for x in (r.landing, r.start, r.save, r.submit)
        )
        ratio = f"{start / floor:8.2f}" if floor and start else f"{'-':>8}"
        cells = [f"{v:10.0f}" if v is not None else f"{'-':>10}" for v in (floor, start)]
        tail = [f"{v:10.0f}" if v is not None else f"{'-':>10}" for v in (save95, submit95)]
        print(f"  {r.n:>6}{''.join(cells)}{ratio}{''.join(tail)}{r.lost:>7}")
    print(
        f"  targets at N={TARGET_N}: save p95 < {SAVE_P95_TARGET_MS:.0f} ms, 0 lost, "
        f"start p95 <= {START_FLOOR_RATIO}x landing p95"
    )


# ---- main ---------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--n",
        action="append",
        type=int,
        help="number of students (repeatable; default 100, 300 and 1000)",
    )
    parser.add_argument("--steady-seconds", type=float, default=120.0)
    parser.add_argument("--spike-seconds", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=180.0, help="per awaited reply (s)")
    parser.add_argument("--batch", type=int, default=50, help="course-page openings at once")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (db, app log)")
    parser.add_argument(
        "--scale-out",
        type=int,
        default=0,
        metavar="WORKERS",
        help="the deployment shape instead of the embedded default: PostgreSQL, Reflex's state "
        "in Redis and this many backend workers (needs Debian's postgresql and redis-server)",
    )
    args = parser.parse_args(argv)
    args.n = args.n or list(DEFAULT_NS)
    return args


def raise_file_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


async def run_all(url: str, build: Build, args: argparse.Namespace, meter: CpuMeter) -> list:
    results = []
    for n in args.n:
        result = await run_round(url, build, n, args, meter)
        result.print(args.steady_seconds)
        results.append(result)
    return results


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A throwaway Redis on a free loopback port, nothing persisted."""
    if shutil.which("redis-server") is None:
        raise SystemExit("--scale-out needs redis-server (Debian package 'redis-server')")
    port = free_port()
    server = subprocess.Popen(
        [
            *("redis-server", "--port", str(port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no"),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                break
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextlib.contextmanager
def deployment(workdir: Path, workers: int) -> Iterator[tuple[str, dict[str, str]]]:
    """(database URL, extra app settings): SQLite and one in-memory backend by default;
    with `workers`, PostgreSQL, Redis and that many backend workers."""
    if not workers:
        yield f"sqlite:///{workdir / 'bench.db'}", {}
        return
    if find_pg_bin() is None:
        raise SystemExit("--scale-out needs PostgreSQL (Debian package 'postgresql')")
    with postgres_database("examload") as database_url, redis_server() as redis_url:
        yield database_url, {"REDIS_URL": redis_url, "GRANIAN_WORKERS": str(workers)}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    raise_file_limit()
    workdir = Path(tempfile.mkdtemp(prefix="mk-bench-"))
    with deployment(workdir, args.scale_out) as (database_url, extra):
        return _run(args, workdir, database_url, extra)


def _run(args: argparse.Namespace, workdir: Path, database_url: str, extra: dict[str, str]) -> int:
    env = app_environment(
        database_url,
        root=ROOT,
        PASSWORD_HASH_MEMORY_KIB="1024",
        PASSWORD_HASH_ROUNDS="1",
        LOG_LEVEL="WARNING",
        **extra,
    )
    # this process creates the students: same database, same hashing settings as the app
    os.environ.update(
        {
            k: env[k]
            for k in ("DATABASE_URL", "APP_ENV", "PASSWORD_HASH_MEMORY_KIB", "PASSWORD_HASH_ROUNDS")
        }
    )
    shape = f"{args.scale_out} workers, state in Redis" if args.scale_out else "1 backend"
    print(f"exam_load: tree {ROOT}, database {database_url}, {shape}")
    bootstrap(env, root=ROOT)
    started = time.monotonic()
    try:
        with serve_prod_app(env, workdir / "app.log", root=ROOT) as served:
            took = time.monotonic() - started
            print(f"exam_load: prod app serving at {served.url} (build and start {took:.0f} s)")
            build = Build.read(ROOT)
            meter = CpuMeter(served.process.pid)
            results = asyncio.run(run_all(served.url.replace("http", "ws", 1), build, args, meter))
    finally:
        if args.keep:
            print(f"exam_load: kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    summary(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
