"""`tr("key")`: a UI string in the visitor's language, checked against the catalog at build."""

from __future__ import annotations

import reflex as rx

from mathkallos import i18n
from mathkallos.state import AppState


def tr(key: str) -> rx.Var[str]:
    if key not in i18n.catalog(i18n.DEFAULT_LANGUAGE):
        raise KeyError(f"no UI string {key!r} in mathkallos/i18n.py")
    return AppState.t[key].to(str)


def tr_tag(prefix: str, value: rx.Var[str]) -> rx.Var[str]:
    """A data value shown through the catalog (`level.regional`), or as itself if unknown."""
    return AppState.t.get(prefix + value, value).to(str)
