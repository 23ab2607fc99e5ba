"""How often the event loop got to run something else while a test awaited a call: a loop
that was blocked meanwhile counts (almost) nothing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

TICK_SECONDS = 0.01


@asynccontextmanager
async def loop_ticks() -> AsyncIterator[Callable[[], int]]:
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(TICK_SECONDS)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    try:
        yield lambda: ticks
    finally:
        task.cancel()
