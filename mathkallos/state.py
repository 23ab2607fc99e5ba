"""The base state every page state inherits: language and the signed-in user.

Handlers never hold rules: they call services through `run_service`, which opens a unit of
work in a worker thread so a slow query never blocks other sessions on the event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.db import session_scope
from mathkallos.models.users import Role
from mathkallos.services.access import Actor
from mathkallos.services.attempts import unread_count
from mathkallos.services.auth import sessions
from mathkallos.services.errors import DomainError, InvalidInput, NotAuthenticated

ONE_YEAR_SECONDS = 365 * 24 * 3600
T = TypeVar("T")


def _call_in_session(service: Callable[..., T], kwargs: dict[str, Any]) -> T:
    with session_scope() as session:
        return service(session=session, **kwargs)


async def run_service(service: Callable[..., T], **kwargs: Any) -> T:
    """Run one service call in its own transaction, off the event loop."""
    return await asyncio.to_thread(_call_in_session, service, kwargs)


class AppState(rx.State):
    """Holds only what every page needs; page-specific vars live in each page's substate."""

    lang_pref: str = rx.Cookie("", name="mk_lang", max_age=ONE_YEAR_SECONDS)
    access_token: str = rx.LocalStorage("", name="mk_access", sync=True)
    refresh_token: str = rx.LocalStorage("", name="mk_refresh", sync=True)
    user_id: int = 0
    user_name: str = ""
    user_role: str = ""
    auth_checked: bool = False
    unread_notifications: int = 0
    _session_id: str = ""

    @rx.var
    def lang(self) -> str:
        return i18n.negotiate(self.lang_pref, self.router.headers.accept_language)

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
        self.access_token = self.refresh_token = ""
        self.user_id, self.user_name, self.user_role, self._session_id = 0, "", "", ""
        self.unread_notifications = 0

    def remember_sign_in(self, signed: sessions.SignedIn) -> None:
        self.access_token, self.refresh_token = signed.access_token, signed.refresh_token
        self._session_id = signed.session_id
        self.user_id, self.user_name = signed.user.id, signed.user.username
        self.user_role = signed.user.role
        language = signed.user.preferences.get("language", "")
        if language in i18n.LANGUAGES:
            self.lang_pref = language

    async def actor(self) -> Actor | None:
        """The signed-in user, re-checked against the database on every call (None: visitor)."""
        if not (self.access_token or self.refresh_token):
            self._forget_user()
            return None
        try:
            found = await run_service(
                sessions.authenticate,
                access_token=self.access_token,
                refresh_token=self.refresh_token,
            )
        except NotAuthenticated:
            self._forget_user()
            return None
        self.access_token, self.refresh_token = found.access_token, found.refresh_token
        self._session_id = found.session_id
        user = found.user
        assert user.id is not None
        self.user_id, self.user_name, self.user_role = user.id, user.username, str(user.role)
        return Actor(id=user.id, role=Role(user.role))

    async def _signed_in_check(self) -> Actor | None:
        """The page-load check: who is signed in, and their unread notifications for the bell."""
        actor = await self.actor()
        self.auth_checked = True
        if actor is not None:
            self.unread_notifications = await run_service(unread_count, actor=actor)
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
