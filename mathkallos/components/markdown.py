"""The one way to show Markdown + LaTeX: raw HTML is off, so authored text cannot run script."""

from __future__ import annotations

import reflex as rx


def math_markdown(source: str | rx.Var[str], **props: object) -> rx.Component:
    return rx.markdown(source, use_raw=False, class_name="mk-markdown", **props)
