"""`/notifications`: what the school told the signed-in user (a graded proof, ...), newest
first, each linking to what it is about; "mark all as read" empties the bell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.formatting import attempt_title, moment_text, score_text
from mathkallos.components.guard import guarded, loading
from mathkallos.components.i18n import tr
from mathkallos.components.layout import layout
from mathkallos.services import attempts
from mathkallos.services.attempts.dto import NotificationView
from mathkallos.services.errors import DomainError
from mathkallos.state import AppState, run_service


@dataclass
class NotificationLine:
    id: int
    message: str
    href: str
    created: str
    read: bool


def notification_href(view: NotificationView) -> str:
    """Where a notification leads: the attempt it is about, else its own link (or nowhere)."""
    attempt_id = view.params.get("attempt_id")
    if isinstance(attempt_id, int):
        return routes.attempt(attempt_id)
    return view.link


def _shown(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """Message parameters as the text shows them: scores as 3, not 3.0; the practice of a
    topic named as such where a test's title goes."""
    shown = {k: score_text(v) if isinstance(v, float) else v for k, v in params.items()}
    if "test" in shown:
        shown["test"] = attempt_title(str(shown["test"]), shown.get("topic") or None, lang)
    return shown


class NotificationsState(AppState):
    _views: list[NotificationView] = []
    loaded: bool = False
    error: str = ""

    @rx.var
    def lines(self) -> list[NotificationLine]:
        """Translated here, so switching the language re-words every message at once."""
        return [
            NotificationLine(
                id=view.id,
                message=i18n.translate(
                    view.message_id, self.lang, **_shown(view.params, self.lang)
                ),
                href=notification_href(view),
                created=moment_text(view.created_at),
                read=view.read,
            )
            for view in self._views
        ]

    async def _reload(self) -> None:
        actor = await self.actor()
        self._views = await run_service(attempts.list_notifications, actor=actor)
        self.unread_notifications = sum(1 for view in self._views if not view.read)

    @rx.event
    async def load(self) -> None:
        self.loaded, self.error = False, ""
        try:
            await self._reload()
        except DomainError as error:
            self._views, self.error = [], self.message(error)
        self.loaded = True

    @rx.event
    async def mark_all_read(self):  # noqa: ANN201 - event specs
        try:
            await run_service(attempts.mark_notifications_read, actor=await self.actor())
            await self._reload()
        except DomainError as error:
            return rx.toast.error(self.message(error))
        return rx.toast.success(i18n.translate("notifications.marked", self.lang))


def _line(line: rx.Var[NotificationLine]) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.cond(
                line.read,
                rx.icon("bell", size=20, color=rx.color("gray", 9), flex_shrink="0"),
                rx.icon("bell-dot", size=20, color=rx.color("accent", 9), flex_shrink="0"),
            ),
            rx.vstack(
                rx.text(line.message, weight=rx.cond(line.read, "regular", "medium")),
                rx.text(line.created, size="1", color_scheme="gray"),
                spacing="1",
            ),
            rx.spacer(),
            rx.cond(~line.read, rx.badge(tr("notifications.unread"), color_scheme="blue")),
            rx.cond(
                line.href != "",
                rx.link(
                    rx.hstack(tr("notifications.open"), rx.icon("arrow-right", size=14)),
                    href=line.href,
                    size="2",
                ),
            ),
            align="center",
            spacing="3",
            width="100%",
            wrap="wrap",
        ),
        width="100%",
        data_testid="notification",
    )


def _list() -> rx.Component:
    return rx.cond(
        NotificationsState.lines.length() > 0,
        rx.vstack(rx.foreach(NotificationsState.lines, _line), spacing="3", width="100%"),
        rx.callout(tr("notifications.empty"), icon="bell", width="100%"),
    )


def notifications_page() -> rx.Component:
    return layout(
        guarded(
            rx.vstack(
                rx.flex(
                    rx.heading(tr("notifications.title"), as_="h1", size="7"),
                    rx.spacer(),
                    rx.button(
                        rx.icon("check-check", size=16),
                        tr("notifications.mark_all_read"),
                        variant="soft",
                        disabled=AppState.unread_notifications == 0,
                        on_click=NotificationsState.mark_all_read,
                    ),
                    align="center",
                    width="100%",
                    wrap="wrap",
                    spacing="3",
                ),
                rx.cond(
                    NotificationsState.loaded,
                    rx.cond(
                        NotificationsState.error != "",
                        rx.callout(
                            NotificationsState.error,
                            icon="triangle-alert",
                            color_scheme="red",
                            role="alert",
                            width="100%",
                        ),
                        _list(),
                    ),
                    loading(),
                ),
                spacing="4",
                width="100%",
                max_width="760px",
            )
        )
    )
