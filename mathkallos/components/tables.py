"""Tables of rows the same way on every page: a header of translated captions, horizontal
scroll on a phone, a message when there is nothing to list, and a pager under long lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx

from mathkallos.components.i18n import tr


def data_table(
    header_keys: list[str],
    rows: rx.Var,
    render_row: Callable[..., rx.Component],
    empty: rx.Component,
    **props: Any,
) -> rx.Component:
    """`rows` rendered by `render_row` under the captions `header_keys`, or `empty`."""
    return rx.cond(
        rows.length() > 0,
        rx.box(
            rx.table.root(
                rx.table.header(
                    rx.table.row(*[rx.table.column_header_cell(tr(key)) for key in header_keys])
                ),
                rx.table.body(rx.foreach(rows, render_row)),
                variant="surface",
                width="100%",
            ),
            overflow_x="auto",
            width="100%",
            **props,
        ),
        empty,
    )


def pager(
    page: rx.Var[int], pages: rx.Var[int], label: rx.Var[str], go_to_page: Any
) -> rx.Component:
    """Previous / "page n of m" / next; `go_to_page` is an event handler taking the page."""
    return rx.hstack(
        rx.button(
            tr("admin.prev"), variant="soft", disabled=page <= 1, on_click=go_to_page(page - 1)
        ),
        rx.text(label, size="2"),
        rx.button(
            tr("admin.next"), variant="soft", disabled=page >= pages, on_click=go_to_page(page + 1)
        ),
        align="center",
        spacing="3",
    )
