"""The admin's users page: search, filter, page through, create, change role, deactivate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import reflex as rx

from mathkallos import i18n
from mathkallos.components.forms import field, form_alert
from mathkallos.components.guard import guarded
from mathkallos.components.i18n import tr
from mathkallos.components.layout import layout
from mathkallos.components.tables import data_table, pager
from mathkallos.models.users import Role, UserPublic
from mathkallos.services import user_admin
from mathkallos.services.errors import DomainError, InvalidInput
from mathkallos.state import AppState, run_service

_ROLE_KEYS = [(role.value, f"role.{role.value}") for role in Role]


@dataclass
class UserRow:
    id: int
    username: str
    full_name: str
    email: str
    role: str
    is_active: bool
    joined: str


def _row(user: UserPublic) -> UserRow:
    return UserRow(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        email=user.email,
        role=str(user.role),
        is_active=user.is_active,
        joined=user.created_at.date().isoformat(),
    )


class AdminUsersState(AppState):
    rows: list[UserRow] = []
    search: str = ""
    role_filter: str = "all"
    status_filter: str = "all"
    page: int = 1
    pages: int = 1
    total: int = 0
    error: str = ""
    create_open: bool = False
    create_errors: dict[str, str] = {}

    @rx.var
    def page_label(self) -> str:
        return i18n.translate(
            "admin.page_of", self.lang, page=self.page, pages=self.pages, total=self.total
        )

    async def _reload(self) -> None:
        try:
            result = await run_service(
                user_admin.list_users,
                actor=await self.actor(),
                search=self.search,
                role="" if self.role_filter == "all" else self.role_filter,
                status="" if self.status_filter == "all" else self.status_filter,
                page=self.page,
            )
        except DomainError as error:
            self.rows, self.error = [], self.message(error)
            return
        self.rows = [_row(u) for u in result.items]
        self.page, self.pages, self.total, self.error = (
            result.page,
            result.pages,
            result.total,
            "",
        )

    @rx.event
    async def load(self) -> None:
        await self._reload()

    @rx.event
    async def apply_search(self, form: dict[str, Any]) -> None:
        self.search, self.page = str(form.get("search", "")), 1
        await self._reload()

    @rx.event
    async def set_role_filter(self, value: str) -> None:
        self.role_filter, self.page = value, 1
        await self._reload()

    @rx.event
    async def set_status_filter(self, value: str) -> None:
        self.status_filter, self.page = value, 1
        await self._reload()

    @rx.event
    async def go_to_page(self, page: int) -> None:
        self.page = page
        await self._reload()

    async def _change(self, service: Any, **kwargs: Any):  # noqa: ANN202 - event specs
        try:
            user = await run_service(service, actor=await self.actor(), **kwargs)
        except DomainError as error:
            yield rx.toast.error(self.message(error))
            return
        await self._reload()
        yield rx.toast.success(i18n.translate("admin.updated", self.lang, username=user.username))

    @rx.event
    async def change_role(self, user_id: int, role: str):  # noqa: ANN201 - event specs
        async for spec in self._change(user_admin.set_role, user_id=user_id, role=role):
            yield spec

    @rx.event
    async def toggle_active(self, user_id: int, active: bool):  # noqa: ANN201 - event specs
        async for spec in self._change(user_admin.set_active, user_id=user_id, active=active):
            yield spec

    @rx.event
    def set_create_open(self, is_open: bool) -> None:
        self.create_open, self.create_errors = is_open, {}

    @rx.event
    async def create_user(self, form: dict[str, Any]):  # noqa: ANN201 - event specs
        try:
            user = await run_service(
                user_admin.create_user,
                actor=await self.actor(),
                **{
                    k: str(form.get(k, ""))
                    for k in ("email", "username", "full_name", "password", "role")
                },
            )
        except DomainError as error:
            self.create_errors = (
                self.field_errors(error)
                if isinstance(error, InvalidInput)
                else {"form": self.message(error)}
            )
            return
        self.create_open, self.create_errors = False, {}
        await self._reload()
        yield rx.toast.success(i18n.translate("admin.created", self.lang, username=user.username))


def _filter(
    label_key: str, value: rx.Var[str], on_change: Any, options: list[tuple[str, str]]
) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(aria_label=tr(label_key), min_width="150px"),
        rx.select.content(*[rx.select.item(tr(key), value=v) for v, key in options]),
        value=value,
        on_change=on_change,
    )


def _toolbar() -> rx.Component:
    return rx.flex(
        rx.form(
            rx.hstack(
                rx.input(
                    name="search",
                    placeholder=tr("admin.search"),
                    default_value="",
                    aria_label=tr("admin.search"),
                    width="280px",
                    max_width="100%",
                ),
                rx.button(
                    rx.icon("search", size=16),
                    tr("admin.search_button"),
                    type="submit",
                    variant="soft",
                ),
                spacing="2",
            ),
            on_submit=AdminUsersState.apply_search,
        ),
        _filter(
            "admin.role_filter",
            AdminUsersState.role_filter,
            AdminUsersState.set_role_filter,
            [("all", "admin.all_roles"), *_ROLE_KEYS],
        ),
        _filter(
            "admin.status_filter",
            AdminUsersState.status_filter,
            AdminUsersState.set_status_filter,
            [
                ("all", "admin.all_statuses"),
                ("active", "admin.status_active"),
                ("inactive", "admin.status_inactive"),
            ],
        ),
        rx.spacer(),
        _create_dialog(),
        spacing="3",
        wrap="wrap",
        align="center",
        width="100%",
    )


def _create_dialog() -> rx.Component:
    errors = AdminUsersState.create_errors
    return rx.dialog.root(
        rx.dialog.trigger(rx.button(rx.icon("user-plus", size=16), tr("admin.create_user"))),
        rx.dialog.content(
            rx.dialog.title(tr("admin.create_title")),
            form_alert(errors.get("form", "").to(str)),
            rx.form(
                rx.vstack(
                    field("register.email", "email", type_="email", errors=errors),
                    field("register.username", "username", errors=errors),
                    field("register.full_name", "full_name", errors=errors, required=False),
                    field(
                        "register.password",
                        "password",
                        type_="password",
                        errors=errors,
                        hint_key="register.password_hint",
                        autocomplete="new-password",
                    ),
                    rx.vstack(
                        rx.text(tr("admin.role_filter"), size="2", weight="medium"),
                        rx.select.root(
                            rx.select.trigger(aria_label=tr("admin.role_filter"), width="100%"),
                            rx.select.content(
                                *[rx.select.item(tr(key), value=v) for v, key in _ROLE_KEYS]
                            ),
                            name="role",
                            default_value=Role.STUDENT.value,
                        ),
                        spacing="1",
                        width="100%",
                    ),
                    rx.hstack(
                        rx.dialog.close(
                            rx.button(
                                tr("common.cancel"),
                                variant="soft",
                                color_scheme="gray",
                                type="button",
                            )
                        ),
                        rx.button(tr("admin.create_submit"), type="submit"),
                        justify="end",
                        width="100%",
                    ),
                    spacing="3",
                ),
                on_submit=AdminUsersState.create_user,
            ),
        ),
        open=AdminUsersState.create_open,
        on_open_change=AdminUsersState.set_create_open,
    )


def _user_row(row: UserRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.vstack(
                rx.text(row.username, weight="medium"),
                rx.text(row.full_name, " · ", row.email, size="1", color_scheme="gray"),
                spacing="0",
            )
        ),
        rx.table.cell(
            rx.select.root(
                rx.select.trigger(aria_label=tr("admin.col_role")),
                rx.select.content(*[rx.select.item(tr(key), value=v) for v, key in _ROLE_KEYS]),
                value=row.role,
                on_change=lambda role: AdminUsersState.change_role(row.id, role),
                size="1",
            )
        ),
        rx.table.cell(
            rx.cond(
                row.is_active,
                rx.badge(tr("admin.status_active"), color_scheme="green"),
                rx.badge(tr("admin.status_inactive"), color_scheme="gray"),
            )
        ),
        rx.table.cell(row.joined),
        rx.table.cell(
            rx.cond(
                row.is_active,
                rx.button(
                    tr("admin.deactivate"),
                    size="1",
                    variant="soft",
                    color_scheme="red",
                    on_click=AdminUsersState.toggle_active(row.id, False),
                ),
                rx.button(
                    tr("admin.reactivate"),
                    size="1",
                    variant="soft",
                    on_click=AdminUsersState.toggle_active(row.id, True),
                ),
            )
        ),
        data_testid="user-row",
    )


def _table() -> rx.Component:
    return data_table(
        [
            "admin.col_user",
            "admin.col_role",
            "admin.col_status",
            "admin.col_joined",
            "admin.col_actions",
        ],
        AdminUsersState.rows,
        _user_row,
        rx.callout(tr("admin.no_users"), icon="info", width="100%"),
    )


def _pager() -> rx.Component:
    return pager(
        AdminUsersState.page,
        AdminUsersState.pages,
        AdminUsersState.page_label,
        AdminUsersState.go_to_page,
    )


def admin_users_page() -> rx.Component:
    return layout(
        guarded(
            rx.vstack(
                rx.heading(tr("admin.users_title"), as_="h1", size="7"),
                form_alert(AdminUsersState.error),
                _toolbar(),
                _table(),
                _pager(),
                spacing="4",
                width="100%",
            ),
            Role.ADMIN,
        )
    )
