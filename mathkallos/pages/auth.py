"""Log in and sign up. Forms keep what was typed, except passwords, and say what is wrong."""

from __future__ import annotations

from typing import Any

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.forms import card_page, field, form_alert, public_form
from mathkallos.components.i18n import tr
from mathkallos.components.layout import layout
from mathkallos.services import accounts
from mathkallos.services.auth import sessions
from mathkallos.services.errors import DomainError, InvalidInput
from mathkallos.state import AppState, run_service


class LoginState(AppState):
    login_value: str = ""
    error: str = ""
    busy: bool = False

    @rx.event
    def open_form(self) -> None:
        """A new visit starts without the last visit's verdict: the tab's state outlives pages."""
        self.error, self.busy = "", False

    def _next_path(self) -> str:
        return routes.safe_next(self.router.url.query_parameters.get("next"))

    @rx.event
    async def submit(self, form: dict[str, Any]):  # noqa: ANN201 - event specs
        self.login_value = str(form.get("login", "")).strip()
        self.busy, self.error = True, ""
        yield
        try:
            signed = await run_service(
                sessions.login,
                login=self.login_value,
                password=str(form.get("password", "")),
                address=self.router.session.client_ip,
                user_agent=self.router.headers.user_agent,
            )
        except DomainError as error:
            self.busy, self.error = False, self.message(error)
            yield rx.set_value("field-password", "")
            return
        self.remember_sign_in(signed)
        self.busy = False
        yield rx.redirect(self._next_path())


def login_page() -> rx.Component:
    return layout(
        card_page(
            rx.heading(tr("login.title"), as_="h1", size="7"),
            rx.text(tr("login.subtitle"), color_scheme="gray"),
            form_alert(LoginState.error),
            public_form(
                rx.vstack(
                    field(
                        "login.login_label",
                        "login",
                        default_value=LoginState.login_value,
                        autocomplete="username",
                    ),
                    field(
                        "login.password_label",
                        "password",
                        type_="password",
                        autocomplete="current-password",
                    ),
                    rx.button(
                        tr("login.submit"),
                        type="submit",
                        size="3",
                        width="100%",
                        loading=LoginState.busy,
                    ),
                    spacing="3",
                    width="100%",
                ),
                on_submit=LoginState.submit,
                width="100%",
            ),
            rx.hstack(
                rx.text(tr("login.no_account"), size="2"),
                rx.link(tr("login.register_link"), href=routes.REGISTER, size="2"),
                spacing="2",
            ),
        )
    )


_CLEAR_PASSWORDS = [rx.set_value("field-password", ""), rx.set_value("field-confirm", "")]


class RegisterState(AppState):
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    busy: bool = False

    @rx.event
    def open_form(self) -> None:
        """A new visit starts without the last visit's errors; what was typed stays."""
        self.errors, self.busy = {}, False

    @rx.event
    async def submit(self, form: dict[str, Any]):  # noqa: ANN201 - event specs
        self.values = {k: str(form.get(k, "")) for k in ("email", "username", "full_name")}
        password, confirm = str(form.get("password", "")), str(form.get("confirm", ""))
        if password != confirm:
            self.errors = {"confirm": i18n.translate("auth.passwords_differ", self.lang)}
            yield _CLEAR_PASSWORDS
            return
        self.busy, self.errors = True, {}
        yield
        try:
            await run_service(accounts.register, password=password, **self.values)
            signed = await run_service(
                sessions.login,
                login=self.values["username"],
                password=password,
                address=self.router.session.client_ip,
                user_agent=self.router.headers.user_agent,
            )
        except DomainError as error:
            self.busy = False
            self.errors = (
                self.field_errors(error)
                if isinstance(error, InvalidInput)
                else {"form": self.message(error)}
            )
            yield _CLEAR_PASSWORDS
            return
        self.remember_sign_in(signed)
        self.busy = False
        yield rx.toast.success(
            i18n.translate("register.welcome", self.lang, name=signed.user.username)
        )
        yield rx.redirect(routes.PROFILE)


def register_page() -> rx.Component:
    errors = RegisterState.errors
    return layout(
        card_page(
            rx.heading(tr("register.title"), as_="h1", size="7"),
            rx.text(tr("register.subtitle"), color_scheme="gray"),
            form_alert(errors.get("form", "").to(str)),
            public_form(
                rx.vstack(
                    field(
                        "register.email",
                        "email",
                        type_="email",
                        errors=errors,
                        default_value=RegisterState.values.get("email", "").to(str),
                        autocomplete="email",
                    ),
                    field(
                        "register.username",
                        "username",
                        errors=errors,
                        hint_key="register.username_hint",
                        default_value=RegisterState.values.get("username", "").to(str),
                        autocomplete="username",
                    ),
                    field(
                        "register.full_name",
                        "full_name",
                        errors=errors,
                        required=False,
                        default_value=RegisterState.values.get("full_name", "").to(str),
                        autocomplete="name",
                    ),
                    field(
                        "register.password",
                        "password",
                        type_="password",
                        errors=errors,
                        hint_key="register.password_hint",
                        autocomplete="new-password",
                    ),
                    field(
                        "register.confirm",
                        "confirm",
                        type_="password",
                        errors=errors,
                        autocomplete="new-password",
                    ),
                    rx.button(
                        tr("register.submit"),
                        type="submit",
                        size="3",
                        width="100%",
                        loading=RegisterState.busy,
                    ),
                    spacing="3",
                    width="100%",
                ),
                on_submit=RegisterState.submit,
                width="100%",
            ),
            rx.hstack(
                rx.text(tr("register.have_account"), size="2"),
                rx.link(tr("nav.login"), href=routes.LOGIN, size="2"),
                spacing="2",
            ),
            max_width="520px",
        )
    )
