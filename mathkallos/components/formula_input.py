"""Formula input: students type ASCII or LaTeX and see what the checker understood.

The preview comes from the grading engine's parser (never evaluated), so "you entered"
shows exactly what will be graded; a syntax error is explained and never costs marks.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from mathkallos.components.i18n import tr
from mathkallos.components.markdown import math_markdown

ANSWER_INPUT_ID = "answer-input"
PREVIEW_ID = f"{ANSWER_INPUT_ID}-preview"


def _preview_line(latex: rx.Var[str]) -> rx.Component:
    return math_markdown("$" + latex + "$")


def answer_preview(
    preview_lines: rx.Var[list[str]], error: rx.Var[str], hints: rx.Var[list[str]]
) -> rx.Component:
    """The live line under an input: what was understood, or why it cannot be read."""
    return rx.box(
        rx.cond(
            error != "",
            rx.hstack(
                rx.icon("circle-alert", size=14, flex_shrink="0"),
                rx.text(error, size="2"),
                color=rx.color("amber", 11),
                align="center",
                spacing="1",
            ),
            rx.cond(
                preview_lines.length() > 0,
                rx.hstack(
                    rx.text(tr("runner.you_entered"), size="2", color_scheme="gray"),
                    rx.vstack(rx.foreach(preview_lines, _preview_line), spacing="0"),
                    align="center",
                    spacing="2",
                    wrap="wrap",
                ),
            ),
        ),
        rx.foreach(
            hints,
            lambda hint: rx.text(
                rx.icon("lightbulb", size=12), " ", hint, size="1", color_scheme="gray"
            ),
        ),
        id=PREVIEW_ID,
        aria_live="polite",
        min_height="1.8em",
        data_testid="answer-preview",
    )


def formula_input(
    *,
    value: rx.Var[str],
    on_change: Any,
    placeholder: rx.Var[str] | str,
    disabled: rx.Var[bool] | bool = False,
    multiline: bool = False,
    on_submit: Any = None,
) -> rx.Component:
    """A monospace input (or a text area for several lines) labelled "Your answer"."""
    control = rx.text_area if multiline else rx.input
    keys = {} if multiline or on_submit is None else {"on_key_down": on_submit}
    return rx.vstack(
        rx.el.label(tr("runner.your_answer"), html_for=ANSWER_INPUT_ID, class_name="mk-label"),
        control(
            id=ANSWER_INPUT_ID,
            value=value,
            on_change=on_change,
            debounce_timeout=300,
            disabled=disabled,
            placeholder=placeholder,
            font_family="monospace",
            size="3",
            width="100%",
            aria_describedby=PREVIEW_ID,
            auto_complete=False if multiline else "off",
            spell_check=False,
            **({"rows": "5"} if multiline else {}),
            **keys,
        ),
        spacing="1",
        width="100%",
    )
