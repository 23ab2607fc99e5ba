"""The user's own account: details and preferences, password, data export, deletion."""

from __future__ import annotations

import json
from typing import Any
from zoneinfo import available_timezones

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.forms import field, form_alert
from mathkallos.components.guard import guarded
from mathkallos.components.i18n import tr
from mathkallos.components.layout import layout
from mathkallos.services import accounts
from mathkallos.services.errors import DomainError, InvalidInput
from mathkallos.state import AppState, run_service

_TIMEZONES = sorted(available_timezones())


class ProfileState(AppState):
    email: str = ""
    username: str = ""
    full_name: str = ""
    role: str = ""
    language: str = ""
    theme: str = "system"
    timezone: str = "UTC"
    profile_errors: dict[str, str] = {}
    password_errors: dict[str, str] = {}
    delete_errors: dict[str, str] = {}
    delete_open: bool = False

    def _show(self, profile: Any) -> None:
        self.email, self.username, self.full_name = (
            profile.email,
            profile.username,
            profile.full_name,
        )
        self.role = str(profile.role)
        prefs = profile.preferences
        self.language = prefs.get("language", "")
        self.theme = prefs.get("theme", "system")
        self.timezone = prefs.get("timezone", "UTC")

    def _errors(self, error: DomainError) -> dict[str, str]:
        if isinstance(error, InvalidInput):
            return self.field_errors(error)
        return {"form": self.message(error)}

    @rx.event
    async def load(self) -> None:
        actor = await self.actor()
        if actor is not None:
            self._show(await run_service(accounts.get_profile, actor=actor))

    @rx.event
    def set_language_choice(self, value: str) -> None:
        self.language = "" if value == "auto" else value

    @rx.event
    def set_theme_choice(self, value: str) -> None:
        self.theme = value

    @rx.event
    async def save_profile(self, form: dict[str, Any]):  # noqa: ANN201 - event specs
        try:
            profile = await run_service(
                accounts.update_profile,
                actor=await self.actor(),
                full_name=str(form.get("full_name", "")),
                username=str(form.get("username", "")),
                language=self.language,
                theme=self.theme,
                timezone=str(form.get("timezone", "")).strip(),
            )
        except DomainError as error:
            self.profile_errors = self._errors(error)
            return
        self.profile_errors = {}
        self._show(profile)
        self.user_name = profile.username
        self.lang_pref = self.language
        yield rx.toast.success(i18n.translate("profile.saved", self.lang))

    @rx.event
    async def change_password(self, form: dict[str, Any]):  # noqa: ANN201 - event specs
        new, confirm = str(form.get("new_password", "")), str(form.get("confirm_password", ""))
        clear = [
            rx.set_value(f"field-{name}", "")
            for name in ("current_password", "new_password", "confirm_password")
        ]
        if new != confirm:
            self.password_errors = {
                "confirm_password": i18n.translate("auth.passwords_differ", self.lang)
            }
            yield clear
            return
        try:
            actor = await self.actor()
            await run_service(
                accounts.change_password,
                actor=actor,
                current_password=str(form.get("current_password", "")),
                new_password=new,
                keep_session_id=self._session_id,
            )
        except DomainError as error:
            self.password_errors = self._errors(error)
            yield clear
            return
        self.password_errors = {}
        yield clear
        yield rx.toast.success(i18n.translate("profile.password_changed", self.lang))

    @rx.event
    async def export_data(self):  # noqa: ANN201 - event specs
        data = await run_service(accounts.export_my_data, actor=await self.actor())
        return rx.download(
            data=json.dumps(data, indent=2, ensure_ascii=False),
            filename="mathkallos-my-data.json",
            mime_type="application/json",
        )

    @rx.event
    def set_delete_open(self, is_open: bool) -> None:
        self.delete_open, self.delete_errors = is_open, {}

    @rx.event
    async def delete_account(self, form: dict[str, Any]):  # noqa: ANN201 - event specs
        try:
            await run_service(
                accounts.delete_account,
                actor=await self.actor(),
                password=str(form.get("password", "")),
            )
        except DomainError as error:
            self.delete_errors = self._errors(error)
            return
        message = i18n.translate("profile.deleted", self.lang)
        self._forget_user()
        self.delete_open = False
        yield rx.toast.info(message)
        yield rx.redirect(routes.HOME)


def _section(title_key: str, *children: rx.Component, text_key: str | None = None) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(tr(title_key), as_="h2", size="5"),
            rx.text(tr(text_key), color_scheme="gray", size="2") if text_key else rx.fragment(),
            *children,
            spacing="3",
            width="100%",
        ),
        size="3",
        width="100%",
    )


def _choice(
    label_key: str, value: rx.Var[str], on_change: Any, options: list[tuple[str, str]]
) -> rx.Component:
    return rx.vstack(
        rx.text(tr(label_key), as_="div", size="2", weight="medium"),
        rx.select.root(
            rx.select.trigger(aria_label=tr(label_key), width="100%"),
            rx.select.content(*[rx.select.item(tr(text_key), value=v) for v, text_key in options]),
            value=value,
            on_change=on_change,
            size="3",
        ),
        spacing="1",
        width="100%",
    )


def _details() -> rx.Component:
    errors = ProfileState.profile_errors
    return _section(
        "profile.details",
        rx.text(
            tr("profile.email"),
            ": ",
            ProfileState.email,
            " · ",
            tr("profile.role"),
            ": ",
            ProfileState.role,
            size="2",
            color_scheme="gray",
        ),
        form_alert(errors.get("form", "").to(str)),
        rx.form(
            rx.vstack(
                field(
                    "register.full_name",
                    "full_name",
                    errors=errors,
                    required=False,
                    default_value=ProfileState.full_name,
                    autocomplete="name",
                ),
                field(
                    "register.username",
                    "username",
                    errors=errors,
                    default_value=ProfileState.username,
                    hint_key="register.username_hint",
                ),
                rx.grid(
                    _choice(
                        "profile.language",
                        rx.cond(ProfileState.language == "", "auto", ProfileState.language),
                        ProfileState.set_language_choice,
                        [
                            ("auto", "profile.language_auto"),
                            ("en", "nav.language_en"),
                            ("ru", "nav.language_ru"),
                        ],
                    ),
                    _choice(
                        "profile.theme",
                        ProfileState.theme,
                        # Colour mode lives in the browser: apply the choice there at once.
                        lambda v: [ProfileState.set_theme_choice(v), rx.style.set_color_mode(v)],
                        [
                            ("system", "profile.theme_system"),
                            ("light", "profile.theme_light"),
                            ("dark", "profile.theme_dark"),
                        ],
                    ),
                    columns={"initial": "1", "sm": "2"},
                    spacing="3",
                    width="100%",
                ),
                rx.vstack(
                    field(
                        "profile.timezone",
                        "timezone",
                        errors=errors,
                        default_value=ProfileState.timezone,
                        hint_key="profile.timezone_hint",
                        list="timezones",
                    ),
                    rx.el.datalist(*[rx.el.option(value=tz) for tz in _TIMEZONES], id="timezones"),
                    width="100%",
                ),
                rx.button(tr("profile.save"), type="submit", size="3"),
                spacing="3",
                width="100%",
            ),
            on_submit=ProfileState.save_profile,
            key=ProfileState.username,  # re-mount with fresh defaults once the profile loads
            width="100%",
        ),
    )


def _password() -> rx.Component:
    errors = ProfileState.password_errors
    return _section(
        "profile.password_title",
        rx.form(
            rx.vstack(
                field(
                    "profile.current_password",
                    "current_password",
                    type_="password",
                    errors=errors,
                    autocomplete="current-password",
                ),
                field(
                    "profile.new_password",
                    "new_password",
                    type_="password",
                    errors=errors,
                    hint_key="register.password_hint",
                    autocomplete="new-password",
                ),
                field(
                    "profile.confirm_password",
                    "confirm_password",
                    type_="password",
                    errors=errors,
                    autocomplete="new-password",
                ),
                rx.button(tr("profile.change_password"), type="submit", size="3"),
                spacing="3",
                width="100%",
            ),
            on_submit=ProfileState.change_password,
            width="100%",
        ),
        text_key="profile.password_text",
    )


def _delete_dialog() -> rx.Component:
    errors = ProfileState.delete_errors
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button(tr("profile.delete_button"), color_scheme="red", variant="soft")
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title(tr("profile.delete_confirm_title")),
            rx.alert_dialog.description(tr("profile.delete_confirm_text")),
            rx.form(
                rx.vstack(
                    field(
                        "profile.delete_password",
                        "password",
                        type_="password",
                        errors=errors,
                        autocomplete="current-password",
                    ),
                    rx.hstack(
                        rx.alert_dialog.cancel(
                            rx.button(
                                tr("common.cancel"),
                                variant="soft",
                                color_scheme="gray",
                                type="button",
                            )
                        ),
                        rx.button(tr("profile.delete_confirm"), color_scheme="red", type="submit"),
                        justify="end",
                        width="100%",
                    ),
                    spacing="3",
                    margin_top="1em",
                ),
                on_submit=ProfileState.delete_account,
            ),
        ),
        open=ProfileState.delete_open,
        on_open_change=ProfileState.set_delete_open,
    )


def _data() -> rx.Component:
    return rx.grid(
        _section(
            "profile.data_title",
            rx.button(
                rx.icon("download"),
                tr("profile.export"),
                variant="soft",
                on_click=ProfileState.export_data,
            ),
            text_key="profile.data_text",
        ),
        _section("profile.delete_title", _delete_dialog(), text_key="profile.delete_text"),
        columns={"initial": "1", "md": "2"},
        spacing="4",
        width="100%",
    )


def profile_page() -> rx.Component:
    return layout(
        guarded(
            rx.vstack(
                rx.heading(tr("profile.title"), as_="h1", size="7"),
                _details(),
                _password(),
                _data(),
                spacing="4",
                width="100%",
                max_width="760px",
            )
        )
    )
