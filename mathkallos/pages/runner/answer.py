"""The answer control for each problem kind: formula input with helpers, choice buttons, a
list of steps, or a text area with a rendered preview for proofs."""

from __future__ import annotations

import reflex as rx

from mathkallos.components.formula_input import answer_preview, formula_input
from mathkallos.components.i18n import tr
from mathkallos.components.markdown import math_markdown
from mathkallos.pages.runner.state import RunnerState
from mathkallos.services.content.dto import ChoiceOption

# Snippets the helper buttons append, per kind: (button text, inserted text).
_HELPERS: dict[str, tuple[tuple[str, str], ...]] = {
    "symbolic": (("√", "sqrt("), ("xⁿ", "^"), ("π", "pi"), ("ln", "ln("), ("|x|", "abs(")),
    "numeric": (("√", "sqrt("), ("π", "pi"), ("e", "e"), ("a/b", "/")),
    "complex": (("i", "i"), ("√", "sqrt("), ("π", "pi"), ("e^(iθ)", "e^(i*")),
    "set": (("{ }", "{"), (",", ", "), ("}", "}")),
    "tuple": (("( )", "("), (",", ", "), (")", ")")),
    "interval": (("[", "["), ("(", "("), ("∞", "inf"), ("∪", " U "), (")", ")"), ("]", "]")),
    "matrix": (("[[", "[["), ("],[", "], ["), ("]]", "]]")),
    "equation": (("=", " = "), ("or", " or "), ("and", " and "), ("√", "sqrt(")),
}


def _helper_buttons(kind: str) -> rx.Component:
    return rx.hstack(
        *[
            rx.button(
                label,
                on_click=RunnerState.insert(snippet),
                variant="soft",
                color_scheme="gray",
                size="1",
                font_family="monospace",
                type="button",
                aria_label=f"insert {snippet.strip()}",
            )
            for label, snippet in _HELPERS.get(kind, ())
        ],
        spacing="1",
        wrap="wrap",
    )


def _formula(kind: rx.Var[str], disabled: rx.Var[bool]) -> rx.Component:
    return rx.vstack(
        formula_input(
            value=RunnerState.draft,
            on_change=RunnerState.set_draft,
            placeholder=RunnerState.t["runner.placeholder." + kind].to(str),
            disabled=disabled,
        ),
        rx.match(
            kind,
            *[(name, _helper_buttons(name)) for name in _HELPERS],
            rx.fragment(),
        ),
        answer_preview(
            RunnerState.preview_lines, RunnerState.preview_error, RunnerState.preview_hints
        ),
        spacing="2",
        width="100%",
    )


def _steps(disabled: rx.Var[bool]) -> rx.Component:
    return rx.vstack(
        rx.text(tr("runner.steps_help"), size="2", color_scheme="gray"),
        formula_input(
            value=RunnerState.draft,
            on_change=RunnerState.set_draft,
            placeholder=tr("runner.placeholder.steps"),
            disabled=disabled,
            multiline=True,
        ),
        answer_preview(
            RunnerState.preview_lines, RunnerState.preview_error, RunnerState.preview_hints
        ),
        spacing="2",
        width="100%",
    )


def _proof(disabled: rx.Var[bool]) -> rx.Component:
    return rx.vstack(
        rx.text(tr("runner.proof_help"), size="2", color_scheme="gray"),
        formula_input(
            value=RunnerState.draft,
            on_change=RunnerState.set_draft,
            placeholder=tr("runner.placeholder.proof"),
            disabled=disabled,
            multiline=True,
        ),
        rx.cond(
            RunnerState.draft != "",
            rx.card(
                rx.text(tr("runner.proof_preview"), size="1", color_scheme="gray"),
                math_markdown(RunnerState.draft),
                width="100%",
                data_testid="proof-preview",
            ),
        ),
        spacing="2",
        width="100%",
    )


def _string(disabled: rx.Var[bool]) -> rx.Component:
    return formula_input(
        value=RunnerState.draft,
        on_change=RunnerState.set_draft,
        placeholder=tr("runner.placeholder.string"),
        disabled=disabled,
    )


def _option_text(option: rx.Var[ChoiceOption]) -> rx.Component:
    return rx.hstack(
        rx.text(option.label + ".", weight="bold"),
        math_markdown(option.text),
        align="center",
        spacing="2",
    )


def _single_choice(options: rx.Var[list[ChoiceOption]], disabled: rx.Var[bool]) -> rx.Component:
    return rx.radio_group.root(
        rx.vstack(
            rx.foreach(
                options,
                lambda option: rx.el.label(
                    rx.hstack(
                        rx.radio_group.item(value=option.label),
                        _option_text(option),
                        align="center",
                        spacing="2",
                    ),
                    class_name="mk-option",
                ),
            ),
            spacing="2",
            width="100%",
        ),
        value=RunnerState.draft,
        on_change=RunnerState.set_draft,
        disabled=disabled,
        aria_label=tr("runner.your_answer"),
        width="100%",
    )


def _multiple_choice(options: rx.Var[list[ChoiceOption]], disabled: rx.Var[bool]) -> rx.Component:
    return rx.vstack(
        rx.text(tr("runner.choose_all"), size="2", color_scheme="gray"),
        rx.foreach(
            options,
            lambda option: rx.el.label(
                rx.hstack(
                    rx.checkbox(
                        checked=RunnerState.selected_options.contains(option.label),
                        on_change=lambda _checked: RunnerState.toggle_option(option.label),
                        disabled=disabled,
                    ),
                    _option_text(option),
                    align="center",
                    spacing="2",
                ),
                class_name="mk-option",
            ),
        ),
        spacing="2",
        width="100%",
        role="group",
        aria_label=tr("runner.your_answer"),
    )


def answer_control(disabled: rx.Var[bool]) -> rx.Component:
    """The right input for the current problem's kind."""
    problem = RunnerState.current.problem
    kind = problem.kind.to(str)
    return rx.box(
        rx.match(
            kind,
            (
                "choice",
                rx.cond(
                    problem.multiple,
                    _multiple_choice(problem.options, disabled),
                    _single_choice(problem.options, disabled),
                ),
            ),
            ("steps", _steps(disabled)),
            ("proof", _proof(disabled)),
            ("string", _string(disabled)),
            _formula(kind, disabled),
        ),
        width="100%",
        data_kind=kind,
    )
