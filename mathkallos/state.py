"""The base state every page state inherits: language (and, later, the signed-in user)."""

from __future__ import annotations

import reflex as rx

from mathkallos import i18n

ONE_YEAR_SECONDS = 365 * 24 * 3600


class AppState(rx.State):
    """Holds only what every page needs; page-specific vars live in each page's substate."""

    lang_pref: str = rx.Cookie("", name="mk_lang", max_age=ONE_YEAR_SECONDS)

    @rx.var
    def lang(self) -> str:
        return i18n.negotiate(self.lang_pref, self.router.headers.accept_language)

    @rx.var
    def t(self) -> dict[str, str]:
        return i18n.catalog(self.lang)

    @rx.event
    def set_language(self, lang: str) -> None:
        if lang in i18n.LANGUAGES:
            self.lang_pref = lang
