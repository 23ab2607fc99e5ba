"""Labelled form fields with inline errors: every input has a label and says what is wrong."""

from __future__ import annotations

import reflex as rx

from mathkallos.components.i18n import tr


def field(
    label_key: str,
    name: str,
    *,
    errors: rx.Var[dict[str, str]] | None = None,
    hint_key: str | None = None,
    type_: str = "text",
    default_value: str | rx.Var[str] = "",
    autocomplete: str = "off",
    required: bool = True,
    **input_props: object,
) -> rx.Component:
    input_id = f"field-{name}"
    error = errors[name].to(str) if errors is not None else None
    has_error = errors.contains(name) if errors is not None else False
    return rx.vstack(
        rx.el.label(tr(label_key), html_for=input_id, class_name="mk-label"),
        rx.input(
            id=input_id,
            name=name,
            type=type_,
            default_value=default_value,
            auto_complete=autocomplete,
            required=required,
            size="3",
            width="100%",
            color_scheme=rx.cond(has_error, "red", "gray") if errors is not None else "gray",
            aria_invalid=rx.cond(has_error, "true", "false") if errors is not None else "false",
            aria_describedby=f"{input_id}-help",
            **input_props,
        ),
        rx.box(
            rx.cond(has_error, rx.text(error, color_scheme="red", size="2"))
            if errors is not None
            else rx.fragment(),
            rx.text(tr(hint_key), size="1", color_scheme="gray") if hint_key else rx.fragment(),
            id=f"{input_id}-help",
        ),
        spacing="1",
        width="100%",
    )


def form_alert(message: rx.Var[str]) -> rx.Component:
    """A form-level error (wrong password, too many attempts): announced to screen readers.

    Hidden while a page is being set up: the tab's state outlives pages, and the last visit's
    verdict would flash until the page's on_load clears it."""
    return rx.cond(
        rx.State.is_hydrated & (message != ""),
        rx.callout(message, icon="triangle-alert", color_scheme="red", role="alert", width="100%"),
    )


def public_form(*children: rx.Component, **props: object) -> rx.Component:
    """A form on a prerendered page, its fields and button disabled until the app is ready.

    Sent before the scripts run, the static HTML form goes out as a plain GET: what was typed,
    the password too, lands in the address bar and the page reloads empty."""
    return rx.form(
        rx.el.fieldset(
            *children,
            disabled=~rx.State.is_hydrated,
            border="0",
            padding="0",
            margin="0",
            min_width="0",
            width="100%",
        ),
        **props,
    )


def card_page(*children: rx.Component, max_width: str = "440px") -> rx.Component:
    """A narrow centred card for forms like login and registration."""
    return rx.center(
        rx.card(rx.vstack(*children, spacing="4", width="100%"), size="4", width="100%"),
        width="100%",
        max_width=max_width,
        margin_x="auto",
        padding_y="2em",
    )
