"""Shown for any address the app does not know."""

from __future__ import annotations

import reflex as rx

from mathkallos import routes
from mathkallos.components.buttons import link_button
from mathkallos.components.i18n import tr
from mathkallos.components.layout import layout


def not_found_page() -> rx.Component:
    return layout(
        rx.vstack(
            rx.text("404", size="9", weight="bold", color_scheme="gray", aria_hidden="true"),
            rx.heading(tr("not_found.title"), as_="h1", size="6"),
            rx.text(tr("not_found.text"), color_scheme="gray"),
            link_button(tr("not_found.home"), href=routes.HOME, size="3"),
            spacing="4",
            align="center",
            text_align="center",
            padding_y="4em",
            data_testid="not-found",
        )
    )
