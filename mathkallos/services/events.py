"""Domain events: what happened, published inside the transaction that made it happen.

Listeners (KPIs, achievements) run synchronously in the publisher's session, so the
attempt and the metrics it moves commit together or not at all; pages never award
anything themselves.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session

# Modules whose import subscribes their listeners; loaded on the first publish.
LISTENER_MODULES: tuple[str, ...] = ("mathkallos.services.kpi.listeners",)

Listener = Callable[[Session, Any], None]
_listeners: dict[type, list[Listener]] = defaultdict(list)
_loaded = False


@dataclass(frozen=True)
class ProblemAnswered:
    """A student's practice answer was checked (counted or not, its time still counts). An
    exam's answers count with its AttemptSubmitted, all at once."""

    user_id: int
    problem_id: int
    attempt_id: int
    correct: bool
    score: float  # 0..1 of the problem's points
    time_spent_seconds: int
    hints_used: int
    at: datetime


@dataclass(frozen=True)
class AttemptSubmitted:
    user_id: int
    attempt_id: int
    test_id: int | None  # None: topic practice
    mode: str
    score: float
    max_score: float
    time_spent_seconds: int
    at: datetime


@dataclass(frozen=True)
class AnswerReviewed:
    """A teacher graded a proof: the attempt's score changed after submission."""

    user_id: int
    attempt_id: int
    answer_id: int
    score: float
    at: datetime


@dataclass(frozen=True)
class AnswerChanged:
    """An answer row changed without a graded try (a hint revealed, a problem given up): its
    KPI contribution (hint use, score) may move."""

    user_id: int
    attempt_id: int
    answer_id: int
    at: datetime


@dataclass(frozen=True)
class SectionRead:
    user_id: int
    section_id: int
    course_id: int
    time_spent_seconds: int
    at: datetime


def subscribe(event_type: type, listener: Listener) -> None:
    if listener not in _listeners[event_type]:
        _listeners[event_type].append(listener)


def publish(session: Session, event: object) -> None:
    global _loaded
    if not _loaded:
        for module in LISTENER_MODULES:
            importlib.import_module(module)
        _loaded = True
    for listener in _listeners[type(event)]:
        listener(session, event)
