"""Protected pages: a visitor is sent to login, a user of another role sees "not allowed".

This is for the user's sake; the services check the role again, and that check counts.
"""

from __future__ import annotations

import reflex as rx

from mathkallos import routes
from mathkallos.components.buttons import link_button
from mathkallos.components.i18n import tr
from mathkallos.models.users import Role
from mathkallos.state import AppState

STAFF = (Role.TEACHER, Role.ADMIN)


def not_allowed() -> rx.Component:
    return rx.vstack(
        rx.icon("shield-alert", size=48, color=rx.color("red", 9)),
        rx.heading(tr("guard.not_allowed_title"), as_="h1", size="6"),
        rx.text(tr("guard.not_allowed_text"), color_scheme="gray"),
        link_button(tr("not_found.home"), href=routes.HOME),
        align="center",
        spacing="3",
        padding_y="4em",
        data_testid="not-allowed",
    )


def loading() -> rx.Component:
    return rx.center(
        rx.hstack(rx.spinner(size="3"), rx.text(tr("common.loading")), align="center"),
        padding_y="4em",
        role="status",
    )


def guarded(content: rx.Component, *roles: Role) -> rx.Component:
    """Show `content` only to signed-in users of `roles` (any role when none are given)."""
    allowed_roles = [r.value for r in roles] or [r.value for r in Role]
    allowed = rx.Var.create(allowed_roles).contains(AppState.user_role)
    return rx.cond(
        AppState.auth_checked & AppState.is_authenticated,
        rx.cond(allowed, content, not_allowed()),
        loading(),
    )
