"""The page frame: skip link, navigation bar, main area and footer, phone-width friendly."""

from __future__ import annotations

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.buttons import link_button
from mathkallos.components.i18n import tr
from mathkallos.state import AppState

_NAV_LINKS: tuple[tuple[str, str], ...] = (
    ("nav.home", routes.HOME),
    ("nav.courses", routes.COURSES),
)


def _logo() -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.image(src="/logo.svg", width="32px", height="32px", alt=""),
            rx.text(tr("app.name"), size="5", weight="bold"),
            align="center",
            spacing="2",
        ),
        href=routes.HOME,
        underline="none",
        color_scheme="gray",
        high_contrast=True,
        aria_label=tr("nav.home"),
    )


def _language_select() -> rx.Component:
    return rx.select.root(
        rx.select.trigger(aria_label=tr("nav.language"), variant="ghost"),
        rx.select.content(
            *[rx.select.item(name, value=code) for code, name in i18n.LANGUAGE_NAMES.items()]
        ),
        value=AppState.lang,
        on_change=AppState.set_language,
        size="2",
    )


def _theme_toggle() -> rx.Component:
    return rx.color_mode.button(aria_label=tr("nav.toggle_theme"), variant="ghost", size="2")


def _menu_link(key: str, href: str) -> rx.Component:
    return rx.menu.item(rx.link(tr(key), href=href), as_child=True)


def _signed_in_items() -> list[rx.Component]:
    return [
        _menu_link("nav.dashboard", routes.DASHBOARD),
        _menu_link("nav.profile", routes.PROFILE),
        rx.cond(AppState.is_staff, _menu_link("nav.teach", routes.TEACH)),
        rx.cond(AppState.is_staff, _menu_link("nav.review", routes.TEACH_REVIEW)),
        rx.cond(AppState.is_staff, _menu_link("nav.attempts", routes.TEACH_ATTEMPTS)),
        rx.cond(AppState.is_admin, _menu_link("nav.admin_users", routes.ADMIN_USERS)),
        rx.cond(AppState.is_admin, _menu_link("nav.reports", routes.ADMIN_REPORTS)),
        rx.menu.separator(),
        rx.menu.item(tr("nav.logout"), on_select=AppState.logout, color_scheme="red"),
    ]


def _notification_bell() -> rx.Component:
    """The bell of a signed-in user: a link to the notifications with the unread count."""
    count = AppState.unread_notifications
    label = tr("nav.notifications")
    return rx.cond(
        AppState.is_authenticated,
        rx.link(
            rx.box(
                rx.icon("bell", size=20),
                rx.cond(
                    count > 0,
                    rx.badge(
                        count,
                        color_scheme="red",
                        variant="solid",
                        radius="full",
                        size="1",
                        position="absolute",
                        top="-8px",
                        right="-10px",
                        data_testid="unread-count",
                    ),
                ),
                position="relative",
                display="flex",
            ),
            href=routes.NOTIFICATIONS,
            aria_label=rx.cond(count > 0, label + ": " + count.to_string(), label),
            color_scheme="gray",
            high_contrast=True,
            padding="0.25em",
            data_testid="notification-bell",
        ),
    )


def _account_buttons() -> rx.Component:
    return rx.cond(
        AppState.is_authenticated,
        rx.menu.root(
            rx.menu.trigger(
                rx.button(
                    rx.icon("circle-user", size=18),
                    AppState.user_name,
                    variant="soft",
                    aria_label=tr("nav.account"),
                )
            ),
            rx.menu.content(*_signed_in_items()),
        ),
        rx.hstack(
            link_button(tr("nav.login"), href=routes.LOGIN, variant="soft"),
            link_button(tr("nav.register"), href=routes.REGISTER),
            spacing="2",
        ),
    )


def _mobile_menu() -> rx.Component:
    return rx.menu.root(
        rx.menu.trigger(
            rx.icon_button(rx.icon("menu"), variant="ghost", aria_label=tr("nav.menu"))
        ),
        rx.menu.content(
            *[_menu_link(key, href) for key, href in _NAV_LINKS],
            rx.menu.separator(),
            rx.cond(
                AppState.is_authenticated,
                rx.fragment(*_signed_in_items()),
                rx.fragment(
                    _menu_link("nav.login", routes.LOGIN),
                    _menu_link("nav.register", routes.REGISTER),
                ),
            ),
        ),
    )


def navbar() -> rx.Component:
    return rx.el.nav(
        rx.hstack(
            _logo(),
            rx.tablet_and_desktop(
                rx.hstack(
                    *[rx.link(tr(key), href=href, weight="medium") for key, href in _NAV_LINKS],
                    rx.cond(
                        AppState.is_authenticated,
                        rx.link(tr("nav.dashboard"), href=routes.DASHBOARD, weight="medium"),
                    ),
                    spacing="5",
                    align="center",
                ),
            ),
            rx.spacer(),
            _language_select(),
            _theme_toggle(),
            _notification_bell(),
            rx.tablet_and_desktop(_account_buttons()),
            rx.mobile_only(_mobile_menu()),
            align="center",
            spacing="4",
            width="100%",
            max_width="1100px",
            margin_x="auto",
        ),
        aria_label=tr("nav.menu"),
        padding_x="1em",
        padding_y="0.75em",
        border_bottom=f"1px solid {rx.color('gray', 5)}",
        background=rx.color("gray", 1),
        position="sticky",
        top="0",
        z_index="10",
        width="100%",
    )


def footer() -> rx.Component:
    return rx.el.footer(
        rx.flex(
            rx.text(tr("footer.rights"), size="2", color_scheme="gray"),
            rx.spacer(),
            rx.hstack(
                rx.link(tr("footer.health"), href=routes.HEALTH, size="2", is_external=True),
                rx.link(tr("footer.api"), href="/api/docs", size="2", is_external=True),
                spacing="4",
            ),
            direction={"initial": "column", "sm": "row"},
            spacing="2",
            max_width="1100px",
            margin_x="auto",
        ),
        padding="1.5em 1em",
        border_top=f"1px solid {rx.color('gray', 5)}",
        margin_top="3em",
    )


def layout(*children: rx.Component) -> rx.Component:
    return rx.box(
        rx.el.a(tr("nav.skip_to_content"), href="#main", class_name="mk-skip-link"),
        navbar(),
        rx.el.main(
            *children,
            id="main",
            width="100%",
            max_width="1100px",
            margin_x="auto",
            padding_x="1em",
            padding_top="2em",
            min_height="70vh",
        ),
        footer(),
        lang=AppState.lang,
    )
