"""The sweeper's lifespan loop: a failing sweep is logged and the loop goes on."""

from __future__ import annotations

import asyncio

import pytest

from mathkallos.services.attempts import sweeper


def test_the_sweeper_loop_survives_a_failing_sweep(monkeypatch):
    calls: list[int] = []

    def flaky() -> int:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database went away")
        if len(calls) == 3:
            raise asyncio.CancelledError
        return 0

    monkeypatch.setattr(sweeper, "_sweep_once", flaky)
    with pytest.raises(asyncio.CancelledError):  # cancelling the task still ends the loop
        asyncio.run(sweeper.run_sweeper_forever(interval_seconds=0))
    assert len(calls) == 3  # the failure in the first sweep did not stop the second
