"""Protocol-level tests' plumbing: a simulated tab on the served app, driven from its own loop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Coroutine
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import aiohttp

from mathkallos.settings import PROJECT_ROOT
from tests.support.reflex_client import Build, Tab

T = TypeVar("T")
VISITOR = ("", "")


def run_client(client: Coroutine[Any, Any, T]) -> T:
    """The client's own event loop in its own thread: Playwright's sync API keeps one running
    in the test thread once a browser test has run in the session."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, client).result()


@asynccontextmanager
async def open_tab(url: str, tokens: tuple[str, str] = VISITOR) -> AsyncIterator[Tab]:
    """A tab of the built frontend, signed in with `tokens` (a visitor without them)."""
    async with aiohttp.ClientSession() as http:
        tab = Tab(url, Build.read(PROJECT_ROOT), http, tokens)
        try:
            yield tab
        finally:
            await tab.close()
