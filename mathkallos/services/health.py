"""Liveness of the parts the app cannot work without."""

from __future__ import annotations

from dataclasses import dataclass

from mathkallos.db import database_is_reachable


@dataclass(frozen=True)
class HealthReport:
    database: bool

    @property
    def ok(self) -> bool:
        return self.database


def check_health() -> HealthReport:
    return HealthReport(database=database_is_reachable())
