"""A link that looks like a button: one `<a>` element, not a button nested inside a link."""

from __future__ import annotations

import reflex as rx


def link_button(*children: rx.Component | rx.Var | str, href: str, **props: object) -> rx.Component:
    return rx.button(rx.link(*children, href=href, underline="none"), as_child=True, **props)
