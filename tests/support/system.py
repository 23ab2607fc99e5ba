"""Skips for missing system parts locally; in CI (CI=true) the same condition fails the test."""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def need(condition: bool, reason: str) -> None:
    if condition:
        return
    if in_ci():
        pytest.fail(f"CI must have this: {reason}")
    pytest.skip(reason)
