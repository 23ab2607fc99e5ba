"""Shown for any address the app does not know."""

from __future__ import annotations

import reflex as rx

from mathkallos import routes
from mathkallos.components.i18n import tr
from mathkallos.components.layout import layout


def not_found_page() -> rx.Component:
    return layout(
        rx.vstack(
            rx.heading("404", size="9", color_scheme="gray"),
            rx.heading(tr("not_found.title"), as_="h1", size="6"),
            rx.text(tr("not_found.text"), color_scheme="gray"),
            rx.link(rx.button(tr("not_found.home"), size="3"), href=routes.HOME),
            spacing="4",
            align="center",
            text_align="center",
            padding_y="4em",
            data_testid="not-found",
        )
    )
