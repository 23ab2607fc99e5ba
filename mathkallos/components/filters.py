"""Filter selects for staff tables: an "all" choice, then fixed or data-driven choices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import reflex as rx

from mathkallos.components.i18n import tr

ALL = "all"


@dataclass
class Choice:
    """One option that comes from data (a course, a test): the value sent back, the label."""

    value: str
    label: str


def filter_select(
    label_key: str,
    all_key: str,
    value: rx.Var[str],
    on_change: Any,
    *,
    choices: rx.Var[list[Choice]] | None = None,
    fixed: Sequence[tuple[str, str]] = (),
    **props: Any,
) -> rx.Component:
    """A labelled select whose `ALL` value means "no filter"; `fixed` are (value, UI string
    key) pairs, `choices` options loaded into state."""
    items = [rx.select.item(tr(key), value=option) for option, key in fixed]
    if choices is not None:
        items.append(
            rx.foreach(choices, lambda choice: rx.select.item(choice.label, value=choice.value))
        )
    return rx.vstack(
        rx.text(tr(label_key), size="1", color_scheme="gray", weight="medium", as_="div"),
        rx.select.root(
            rx.select.trigger(aria_label=tr(label_key), min_width="170px", max_width="100%"),
            rx.select.content(rx.select.item(tr(all_key), value=ALL), *items),
            value=value,
            on_change=on_change,
            **props,
        ),
        spacing="1",
    )


def filter_value(value: str) -> str | None:
    """The service argument for a select's value: None for `ALL`."""
    return None if value == ALL else value
