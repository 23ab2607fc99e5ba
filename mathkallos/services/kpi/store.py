"""Row-level writes shared by the listeners and the rebuild: upserts that work on SQLite and
PostgreSQL inside the publisher's transaction (flush only, never commit)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, String, cast
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, SQLModel, col, select

from mathkallos.models.kpi import DailyMetric, MetricType, UserProgress
from mathkallos.services.kpi.rules import quantize, runs

Row = TypeVar("Row", bound=SQLModel)

# A day is active when the student answered or read something on it.
ACTIVE_METRICS = (MetricType.ANSWERS.value, MetricType.SECTIONS_READ.value)


def json_list_has(column: Any, value: str) -> ColumnElement[bool]:
    """A JSON list column may hold `value`: a LIKE on its text as the column stores it (the
    same serializer, so non-ASCII matches too) on both databases. A prefilter: callers check
    membership in Python."""
    literal = json.dumps(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return cast(column, String).like(f"%{literal}%", escape="\\")


def locked_row(session: Session, model: type[Row], **key: Any) -> Row:
    """The row with this key, locked for the transaction (FOR UPDATE on PostgreSQL; SQLite
    serialises writers), created with the model's defaults if missing."""
    (column, value), *others = key.items()
    return locked_rows(session, model, column, [value], **dict(others))[value]


def _insert_missing(session: Session, model: type[Row], keys: list[dict[str, Any]]) -> None:
    """Rows found missing, inserted with the model's defaults in one statement; a row that a
    concurrent transaction inserted first is left as it is (ON CONFLICT DO NOTHING on both
    databases). A student's first exam creates a dozen of these rows at once: a savepoint
    and a flush for each were a fifth of the submit's cost."""
    table = model.__table__  # type: ignore[attr-defined]
    generated = {column.name for column in table.primary_key.columns}
    rows = [
        {
            name: value
            for name, value in model(**key).model_dump().items()
            if value is not None or name not in generated
        }
        for key in keys
    ]
    on_conflict = (
        postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    )
    session.execute(on_conflict(table).on_conflict_do_nothing(), rows)


def locked_rows(
    session: Session, model: type[Row], column: str, values: Iterable[Any], **key: Any
) -> dict[Any, Row]:
    """`locked_row` for each value of `column` (with the same other `key` columns), the
    existing rows in one read, locked in `column` order: two transactions that need some of
    the same shared rows take them in the same order (no deadlock on PostgreSQL)."""
    wanted = sorted(set(values))
    ordered = getattr(model, column)

    def read(among: list[Any]) -> dict[Any, Row]:
        statement = (
            select(model).filter_by(**key).where(ordered.in_(among)).order_by(ordered)
        ).with_for_update()
        return {getattr(row, column): row for row in session.exec(statement).all()}

    found = read(wanted)
    missing = [value for value in wanted if value not in found]
    if missing:  # the read just said they are missing: inserted, then read once more
        _insert_missing(session, model, [{**key, column: value} for value in missing])
        found.update(read(missing))
    return found


def add_metrics(session: Session, user_id: int, day: date, deltas: dict[str, float]) -> None:
    """Add to the user's daily metric rows; a row whose value returns to zero is deleted, so a
    row exists exactly when its figure is non-zero (as a rebuild leaves it)."""
    changed = {metric_type: delta for metric_type, delta in deltas.items() if delta != 0}
    rows = locked_rows(
        session, DailyMetric, "metric_type", changed, user_id=user_id, metric_date=day
    )
    for metric_type, delta in changed.items():
        row = rows[metric_type]
        row.value = quantize(row.value + delta)
        if row.value == 0:
            session.delete(row)
        else:
            session.add(row)
    session.flush()


def refresh_streaks(session: Session, progress: UserProgress) -> None:
    """Current run, best run and last active day from the user's active days (one short
    indexed read of at most one row per day and metric)."""
    days = session.exec(
        select(DailyMetric.metric_date).where(
            col(DailyMetric.user_id) == progress.user_id,
            col(DailyMetric.metric_type).in_(ACTIVE_METRICS),
        )
    ).all()
    progress.current_streak, progress.best_streak = runs(days)
    progress.last_active_date = max(days) if days else None
