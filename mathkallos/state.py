"""The base state every page state inherits: language and the signed-in user.

Handlers never hold rules: they call services through `run_service` or `run_signed_in`, which
open a unit of work in a worker thread so a slow query never blocks other sessions on the event
loop. `run_quick` is for the few calls that touch a few rows on every student's clicks (the
autosave, an exam's start and its page's load, proctoring events): on SQLite they run on the
loop itself, and anything that would make them wait there sends them to a worker thread.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import reflex as rx
from sqlmodel import Session

from mathkallos import i18n, routes
from mathkallos.db import session_scope
from mathkallos.models.users import Role
from mathkallos.services.access import Actor
from mathkallos.services.attempts import unread_count
from mathkallos.services.auth import sessions
from mathkallos.services.errors import DomainError, InvalidInput, NotAuthenticated
from mathkallos.services.waiting import MustNotWait, without_waiting
from mathkallos.settings import get_settings

ONE_YEAR_SECONDS = 365 * 24 * 3600
T = TypeVar("T")


def _call_in_session(service: Callable[..., T], kwargs: dict[str, Any]) -> T:
    with session_scope() as session:
        return service(session=session, **kwargs)


async def run_service(service: Callable[..., T], **kwargs: Any) -> T:
    """Run one service call in its own transaction, off the event loop."""
    return await asyncio.to_thread(_call_in_session, service, kwargs)


@dataclass(frozen=True)
class _SignedInCall:
    actor: Actor | None
    found: sessions.Authenticated | None  # None: signed out (or a visitor)
    result: Any = None
    error: DomainError | None = None

    @property
    def signed_out(self) -> bool:
        return self.found is None


def _check_then_call(
    tokens: tuple[str, str] | None,
    service: Callable[..., Any] | None,
    kwargs: dict[str, Any],
) -> _SignedInCall:
    """The session check (a visitor without tokens has none) and the service call in one trip
    to a worker thread and one database session: on every autosave of every student, a second
    session cost as much again as the check itself."""
    with session_scope() as session:
        found = _authenticated(session, tokens)
        actor = None
        if found is not None:
            actor = Actor(id=found.user.id, role=found.user.role)
        result, error = _call(session, service, actor, kwargs)
    return _SignedInCall(actor, found, result, error)


async def _checked_call(
    tokens: tuple[str, str] | None,
    service: Callable[..., Any] | None,
    kwargs: dict[str, Any],
    *,
    quick: bool,
) -> _SignedInCall:
    if quick and get_settings().is_sqlite:
        try:
            with without_waiting():
                return _check_then_call(tokens, service, kwargs)
        except MustNotWait:
            pass  # rolled back, nothing written: the call is made again where it may wait
    return await asyncio.to_thread(_check_then_call, tokens, service, kwargs)


def _authenticated(
    session: Session, tokens: tuple[str, str] | None
) -> sessions.Authenticated | None:
    """Who is signed in (None: a visitor or an ended session); renewed tokens are committed at
    once, so that a refused call cannot undo the renewal the browser is about to keep."""
    if tokens is None:
        return None
    try:
        found = sessions.authenticate(
            session=session, access_token=tokens[0], refresh_token=tokens[1]
        )
    except NotAuthenticated:
        session.rollback()
        return None
    if found.access_token != tokens[0]:
        session.commit()
    return found


def _call(
    session: Session,
    service: Callable[..., Any] | None,
    actor: Actor | None,
    kwargs: dict[str, Any],
) -> tuple[Any, DomainError | None]:
    if service is None:
        return None, None
    try:
        return service(session=session, actor=actor, **kwargs), None
    except DomainError as error:
        session.rollback()
        return None, error


class AppState(rx.State):
    """Holds only what every page needs; page-specific vars live in each page's substate."""

    lang_pref: str = rx.Cookie("", name="mk_lang", max_age=ONE_YEAR_SECONDS)
    access_token: str = rx.LocalStorage("", name="mk_access", sync=True)
    refresh_token: str = rx.LocalStorage("", name="mk_refresh", sync=True)
    browser_languages: str = rx.LocalStorage("", name="mk_browser_languages")
    user_id: int = 0
    user_name: str = ""
    user_role: str = ""
    auth_checked: bool = False
    unread_notifications: int = 0
    _session_id: str = ""

    @rx.var
    def lang(self) -> str:
        # navigator.languages (assets/browser_languages.js) first: Chromium's websocket carries
        # the browser-wide Accept-Language, not the page's. The headers alone, not `self.router`:
        # a computed var reading the router depends on the page and URL too, and every
        # navigation would re-send the whole catalogue `t`.
        browser = self.browser_languages or self.rx_router_headers.accept_language
        return i18n.negotiate(self.lang_pref, browser)

    @rx.var
    def t(self) -> dict[str, str]:
        return i18n.catalog(self.lang)

    @rx.var
    def is_authenticated(self) -> bool:
        return self.user_id > 0

    @rx.var
    def is_staff(self) -> bool:
        return self.user_role in (Role.TEACHER, Role.ADMIN)

    @rx.var
    def is_admin(self) -> bool:
        return self.user_role == Role.ADMIN

    @rx.event
    def set_language(self, lang: str) -> None:
        if lang in i18n.LANGUAGES:
            self.lang_pref = lang

    def route_arg(self, name: str) -> str:
        """A dynamic segment of the current route, e.g. `course_slug` of /courses/[course_slug]."""
        value = self.rx_router_page.params.get(name, "")
        return value if isinstance(value, str) else ""

    def message(self, error: DomainError) -> str:
        return i18n.translate(error.message_id, self.lang, **error.params)

    def field_errors(self, error: InvalidInput) -> dict[str, str]:
        """Field name → translated message, first problem per field."""
        messages: dict[str, str] = {}
        for problem in error.errors:
            messages.setdefault(problem.field or "form", self.message(problem))
        return messages

    def _forget_user(self) -> None:
        self._assign(
            access_token="",
            refresh_token="",
            user_id=0,
            user_name="",
            user_role="",
            _session_id="",
            unread_notifications=0,
        )

    def remember_sign_in(self, signed: sessions.SignedIn) -> None:
        self.access_token, self.refresh_token = signed.access_token, signed.refresh_token
        self._session_id = signed.session_id
        self.user_id, self.user_name = signed.user.id, signed.user.username
        self.user_role = signed.user.role
        language = signed.user.preferences.get("language", "")
        if language in i18n.LANGUAGES:
            self.lang_pref = language

    async def actor(self) -> Actor | None:
        """The signed-in user, re-checked against the database (None: visitor)."""
        return (await self._signed_in(None, {})).actor

    async def run_signed_in(self, service: Callable[..., T], **kwargs: Any) -> T:
        """`run_service` as the signed-in user (`actor=None` for a visitor): the session check
        and the call share one trip to a worker thread. A DomainError of the call is raised
        after the session's outcome (say, rotated tokens) is kept."""
        return (await self._signed_in(service, kwargs)).result

    async def run_quick(self, service: Callable[..., T], **kwargs: Any) -> T:
        """`run_signed_in` for a call that reads or writes a few rows, such as an autosave or
        an exam's start. On SQLite it runs on the event loop's own thread: under load the
        trip to a worker thread, handing the interpreter lock back and forth, cost more than
        the call. Where it would wait (another writer, an answer check) it is run again in a
        worker thread (`services.waiting`)."""
        return (await self._signed_in(service, kwargs, quick=True)).result

    async def _signed_in(
        self, service: Callable[..., Any] | None, kwargs: dict[str, Any], *, quick: bool = False
    ) -> _SignedInCall:
        has_tokens = bool(self.access_token or self.refresh_token)
        tokens = (self.access_token, self.refresh_token) if has_tokens else None
        if tokens is None and service is None:  # a visitor: nothing to ask the database
            outcome = _SignedInCall(None, None)
        else:
            outcome = await _checked_call(tokens, service, kwargs, quick=quick)
        if outcome.found is None:
            self._forget_user()
        else:
            self._remember_check(outcome.found)
        if outcome.error is not None:
            raise outcome.error
        return outcome

    def _remember_check(self, found: sessions.Authenticated) -> None:
        user = found.user
        # Only what changed is assigned: every assignment is re-sent to the browser.
        self._assign(
            access_token=found.access_token,
            refresh_token=found.refresh_token,
            _session_id=found.session_id,
            user_id=user.id,
            user_name=user.username,
            user_role=str(user.role),
        )

    def _assign(self, **values: object) -> None:
        for name, value in values.items():
            if getattr(self, name) != value:
                setattr(self, name, value)

    async def _signed_in_check(self) -> Actor | None:
        """The page-load check: who is signed in, and their unread notifications for the bell."""
        actor, count = None, 0
        with contextlib.suppress(NotAuthenticated):  # a visitor: no bell
            # Not quick: when a whole class opens pages at once, new sockets would wait behind
            # these checks on the loop (1000 landings: p95 4.6 s on the loop, 4.0 s off it).
            outcome = await self._signed_in(unread_count, {})
            actor, count = outcome.actor, outcome.result
        self.auth_checked = True
        self._assign(unread_notifications=count)
        return actor

    @rx.event
    async def check_auth(self) -> None:
        """on_load of public pages: show who is signed in (or nobody)."""
        await self._signed_in_check()

    @rx.event
    async def require_login(self):  # noqa: ANN201 - an event spec or None
        """on_load of protected pages: a visitor goes to login and comes back afterwards."""
        self.auth_checked = False
        actor = await self._signed_in_check()
        if actor is None:
            return rx.redirect(routes.login_then(self.router.url.path or routes.HOME))
        return None

    @rx.event
    async def logout(self):  # noqa: ANN201 - an event spec
        if self._session_id or self.access_token:
            await self.actor()
            if self._session_id:
                await run_service(sessions.logout, session_id=self._session_id)
        self._forget_user()
        return rx.redirect(routes.HOME)
