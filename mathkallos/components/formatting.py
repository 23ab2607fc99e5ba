"""How figures and moments look on the page: scores without noise, times in UTC."""

from __future__ import annotations

from datetime import datetime


def score_text(score: float | None) -> str:
    """2.0 → "2", 2.5 → "2.5", 1.33333 → "1.33"; no score yet → "—"."""
    if score is None:
        return "—"
    return f"{round(score, 2):g}"


def moment_text(moment: datetime | None) -> str:
    """A stored moment (always UTC) to the minute; nothing → ""."""
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M UTC")
