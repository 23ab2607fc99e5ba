"""The registry of personal data: each domain says how to export and erase a user's rows.

Data export and account deletion walk this registry, so a new domain with personal rows
registers here once and both features cover it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

Exporter = Callable[[Session, int], Any]
Eraser = Callable[[Session, int], None]


@dataclass(frozen=True)
class PersonalData:
    name: str
    export: Exporter
    erase: Eraser | None = None  # None: rows are removed by ON DELETE CASCADE with the user


_REGISTRY: dict[str, PersonalData] = {}


def register(name: str, export: Exporter, erase: Eraser | None = None) -> None:
    _REGISTRY[name] = PersonalData(name, export, erase)


def collect(session: Session, user_id: int) -> dict[str, Any]:
    return {name: entry.export(session, user_id) for name, entry in sorted(_REGISTRY.items())}


def erase(session: Session, user_id: int) -> None:
    for entry in _REGISTRY.values():
        if entry.erase is not None:
            entry.erase(session, user_id)
