"""Shared KPI rows created by two students' transactions at once (a whole class submits)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import Engine
from sqlmodel import Session

from mathkallos.models.kpi import ProblemStat
from mathkallos.services.kpi.store import locked_row, locked_rows


def _count_one_attempt(
    engine: Engine, problem_id: int, *, before_commit: Callable[[], None] | None = None
) -> None:
    with Session(engine) as session:
        stat = locked_rows(session, ProblemStat, "problem_id", [problem_id])[problem_id]
        stat.attempts += 1
        session.add(stat)
        session.flush()
        if before_commit is not None:
            before_commit()
        session.commit()


def test_a_row_two_transactions_both_found_missing_is_made_once_and_counts_both(
    engine, content
):
    problem_id = content.problems[0].id
    second = threading.Thread(target=_count_one_attempt, args=(engine, problem_id))

    def start_the_second() -> None:
        # It finds no row either, and waits on the first's insert until the first commits.
        second.start()
        second.join(0.5)
        assert second.is_alive()

    _count_one_attempt(engine, problem_id, before_commit=start_the_second)
    second.join(10)
    assert not second.is_alive()
    with Session(engine) as session:
        assert locked_row(session, ProblemStat, problem_id=problem_id).attempts == 2
