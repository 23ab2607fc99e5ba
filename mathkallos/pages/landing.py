"""The visitor's first page: what the school is and where to start."""

from __future__ import annotations

import reflex as rx

from mathkallos import routes
from mathkallos.components.buttons import link_button
from mathkallos.components.i18n import tr
from mathkallos.components.layout import layout
from mathkallos.components.markdown import math_markdown

_FEATURES: tuple[tuple[str, str], ...] = (
    ("sigma", "cas"),
    ("trending-up", "practice"),
    ("timer", "exam"),
    ("sparkles", "ai"),
    ("message-circle", "tutor"),
    ("chart-line", "kpi"),
)


def _hero() -> rx.Component:
    return rx.vstack(
        rx.badge(tr("app.tagline"), size="2", variant="soft", white_space="normal"),
        rx.heading(tr("landing.title"), as_="h1", size={"initial": "7", "md": "8"}),
        rx.text(tr("landing.subtitle"), size="4", color_scheme="gray"),
        rx.hstack(
            link_button(tr("landing.cta_start"), href=routes.REGISTER, size="3"),
            link_button(
                tr("landing.cta_courses"), href=routes.COURSES, size="3", variant="outline"
            ),
            spacing="3",
            wrap="wrap",
        ),
        spacing="5",
        align="start",
        max_width="760px",
        padding_y="2em",
    )


def _feature(icon: str, name: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.icon(icon, size=28, color=rx.color("accent", 10)),
            rx.heading(tr(f"landing.feature_{name}_title"), as_="h3", size="4"),
            math_markdown(tr(f"landing.feature_{name}_text")),
            spacing="2",
        ),
        size="3",
    )


def _features() -> rx.Component:
    return rx.vstack(
        rx.heading(tr("landing.features_title"), as_="h2", size="6"),
        rx.grid(
            *[_feature(icon, name) for icon, name in _FEATURES],
            columns={"initial": "1", "sm": "2", "md": "3"},
            spacing="4",
            width="100%",
        ),
        spacing="4",
        width="100%",
        padding_y="1.5em",
    )


def _sample_and_steps() -> rx.Component:
    return rx.grid(
        rx.card(
            rx.heading(tr("landing.sample_title"), as_="h2", size="5"),
            math_markdown(tr("landing.sample_problem")),
            size="3",
        ),
        rx.card(
            rx.heading(tr("landing.steps_title"), as_="h2", size="5"),
            rx.el.ol(
                *[rx.el.li(rx.text(tr(f"landing.step_{n}"))) for n in (1, 2, 3)],
                class_name="mk-steps",
            ),
            size="3",
        ),
        columns={"initial": "1", "md": "2"},
        spacing="4",
        width="100%",
        padding_y="1em",
    )


def landing_page() -> rx.Component:
    return layout(_hero(), _features(), _sample_and_steps())
