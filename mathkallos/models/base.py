"""Column helpers shared by every table."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Aware UTC: SQLModel's datetime columns store and return UTC on both databases."""
    return datetime.now(UTC)
