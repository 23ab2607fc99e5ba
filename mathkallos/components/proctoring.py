"""Exam proctoring signals from the browser (seed 003): leaving the tab or window, copy and
paste, leaving full screen. Each becomes one event handler call; the server timestamps it."""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.event import no_args_event_spec
from reflex_components_core.core.window_events import WindowEventListener


def _fullscreen_spec() -> tuple[rx.Var[bool]]:
    return (rx.Var("!!document.fullscreenElement"),)


class ProctoringListener(WindowEventListener):
    """Window listeners for what the built-in listener lacks; event names drop `on_` and `_`,
    so `on_fullscreen_change` listens to `fullscreenchange`."""

    on_copy: rx.EventHandler[no_args_event_spec]
    on_paste: rx.EventHandler[no_args_event_spec]
    on_fullscreen_change: rx.EventHandler[_fullscreen_spec]


def proctoring_listener(**handlers: Any) -> rx.Component:
    return ProctoringListener.create(**handlers)
