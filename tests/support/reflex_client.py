"""The app's websocket protocol as the browser speaks it: one simulated tab.

A python-socketio AsyncClient on ``/_event`` speaking Reflex's own protocol as
``.web/utils/state.js`` does: the hydrate event rides in the socket.io CONNECT packet (with the
browser's localStorage session tokens and the compiled initial-state hashes), events carry the
page's router data, a ``_redirect`` from the server is a client-side navigation
(``update_vars_internal`` with the browser storage, then ``on_load_internal``), and synced
localStorage values the server sends back are stored and sent on later. The exam load
benchmark runs a thousand of these; tests use one to order events as a fast student could.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import socketio

ROOT_STATE = "reflex___state____state"


def state_key(module: str, class_name: str) -> str:
    """Reflex's full name of a substate of AppState (module dots become ___)."""
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()
    return f"{module.replace('.', '___')}____{snake}"


APP_STATE = f"{ROOT_STATE}.{state_key('mathkallos.state', 'AppState')}"
COURSE_STATE = f"{APP_STATE}.{state_key('mathkallos.pages.course', 'CourseState')}"
RUNNER_STATE = f"{APP_STATE}.{state_key('mathkallos.pages.runner.state', 'RunnerState')}"
HYDRATE = f"{ROOT_STATE}.hydrate_and_load"
UPDATE_VARS = f"{ROOT_STATE}.reflex___state____update_vars_internal_state.update_vars_internal"
ON_LOAD = f"{ROOT_STATE}.reflex___state____on_load_internal_state.on_load_internal"
IS_HYDRATED = "is_hydrated_rx_state_"
ACCESS_KEY = f"{APP_STATE}.access_token_rx_state_"
REFRESH_KEY = f"{APP_STATE}.refresh_token_rx_state_"
NAMESPACE = "/_event"


def field_name(name: str) -> str:
    return f"{name}_rx_state_"


@dataclass(frozen=True)
class Build:
    """What the compiled frontend sends: its state schema, initial hashes, Reflex version."""

    state_schema: str
    hashes: list[str]
    version: str

    @classmethod
    def read(cls, root: Path) -> Build:
        context = (root / ".web" / "utils" / "context.jsx").read_text()
        schema = re.search(r'export const stateSchema = "([^"]*)"', context)
        hashes = re.search(r"export const initialStateHashes = (\[[^\]]*\])", context)
        initial = re.search(r"export const initialState = (\{.*\})\n", context)
        if not (schema and hashes and initial):
            raise SystemExit("cannot read the compiled state from .web/utils/context.jsx")
        known = json.loads(initial.group(1))
        for name in (APP_STATE, COURSE_STATE, RUNNER_STATE):
            if name not in known:
                raise SystemExit(f"the build has no state {name}: update the names here")
        version = json.loads((root / ".web" / "reflex.json").read_text())["version"]
        return cls(schema.group(1), json.loads(hashes.group(1)), version)


# ---- one simulated browser tab ----------------------------------------------------------------


class Timeout(Exception):
    pass


@dataclass
class Waiter:
    check: Callable[[dict], bool]
    future: asyncio.Future


class Tab:
    """A browser tab on the app: one socket, the state it was sent, its browser storage."""

    def __init__(
        self, url: str, build: Build, http: aiohttp.ClientSession, tokens: tuple[str, str]
    ) -> None:
        self.url, self.build = url, build
        self.token = str(uuid.uuid4())
        self.storage = {ACCESS_KEY: tokens[0], REFRESH_KEY: tokens[1]}
        self.pathname, self.params = "/", {}
        self.state: dict[str, dict[str, Any]] = {}
        self.redirects: list[str] = []
        self.waiters: list[Waiter] = []
        self.sio = socketio.AsyncClient(
            reconnection=False,
            http_session=http,
            websocket_extra_options={"protocols": [build.version]},
        )
        self.sio.on("event", self._on_update, namespace=NAMESPACE)
        self.sio.on("new_token", self._on_new_token, namespace=NAMESPACE)

    # -- what the browser sends

    def router_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"pathname": self.pathname, "asPath": self.pathname}
        if self.params:
            data["query"] = dict(self.params)
        return data

    def event(self, name: str, payload: dict | None = None) -> dict[str, Any]:
        event: dict[str, Any] = {"name": name, "router_data": self.router_data()}
        if payload:
            event["payload"] = payload
        return event

    async def open(self, pathname: str, params: dict[str, str], until: Callable[[dict], bool]):
        """Load a page: connect with the hydrate event in the CONNECT packet (as state.js)."""
        self.pathname, self.params = pathname, params
        boot = self.event(HYDRATE, {"vars": dict(self.storage), "hashes": self.build.hashes})
        waiter = self.expect(until)
        await self.sio.connect(
            f"{self.url}?token={self.token}",
            headers={"User-Agent": "exam-load-benchmark", "Accept-Language": "en"},
            auth={"event": boot, "state_schema": self.build.state_schema},
            transports=["websocket"],
            namespaces=[NAMESPACE],
            socketio_path="/_event",
            wait_timeout=300,
        )
        return waiter

    async def emit(self, name: str, payload: dict | None = None) -> None:
        await self.sio.emit("event", self.event(name, payload), namespace=NAMESPACE)

    async def navigate(self, pathname: str, params: dict[str, str]) -> None:
        """A client-side navigation: the route's on_load with the browser storage first."""
        self.pathname, self.params = pathname, params
        self.state.setdefault(ROOT_STATE, {})[IS_HYDRATED] = False
        await self.emit(UPDATE_VARS, {"vars": dict(self.storage)})
        await self.emit(ON_LOAD)

    async def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a tab is best effort
            await self.sio.disconnect()

    # -- what the browser receives

    def expect(self, check: Callable[[dict], bool]) -> Waiter:
        """Register before emitting: `wait` then returns once a delta passes `check`."""
        waiter = Waiter(check, asyncio.get_running_loop().create_future())
        self.waiters.append(waiter)
        return waiter

    async def wait(self, waiter: Waiter, timeout: float) -> None:
        try:
            await asyncio.wait_for(waiter.future, timeout)
        except TimeoutError as error:
            raise Timeout from error
        finally:
            if waiter in self.waiters:
                self.waiters.remove(waiter)

    async def _on_new_token(self, token: str) -> None:
        self.token = token

    async def _on_update(self, update: dict) -> None:
        delta = update.get("delta") or {}
        for substate, changes in delta.items():
            self.state.setdefault(substate, {}).update(changes)
        root_changes = delta.get(ROOT_STATE, {})
        if root_changes.get(IS_HYDRATED, True) is not False:  # state.js: not while hydrating
            for substate, changes in delta.items():
                for name, value in changes.items():
                    key = f"{substate}.{name}"
                    if key in self.storage:
                        self.storage[key] = value
        for event in update.get("events") or []:
            if event.get("name") == "_redirect":
                self.redirects.append(event.get("payload", {}).get("path", ""))
        for waiter in list(self.waiters):
            if not waiter.future.done() and waiter.check(delta):
                waiter.future.set_result(None)

    # -- reading the state

    def var(self, substate: str, name: str, default: Any = None) -> Any:
        return self.state.get(substate, {}).get(field_name(name), default)

    @property
    def hydrated(self) -> bool:
        return self.state.get(ROOT_STATE, {}).get(IS_HYDRATED) is True
