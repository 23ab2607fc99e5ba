"""`/dashboard`: the student's progress — KPI cards, level and streak, charts, where to
continue, the next suggested set, achievements and the attempt history."""

from __future__ import annotations

import plotly.graph_objects as go
import reflex as rx

from mathkallos import routes
from mathkallos.components.buttons import link_button
from mathkallos.components.guard import guarded, loading
from mathkallos.components.i18n import tr
from mathkallos.components.layout import layout
from mathkallos.components.tables import data_table
from mathkallos.pages.dashboard.state import (
    ALL,
    AchievementView,
    AttemptRowView,
    CardView,
    DashboardState,
)

_CARD_ICONS = {
    "tests_taken": "clipboard-check",
    "avg_score": "target",
    "time_spent_minutes": "clock",
    "topics_mastered": "graduation-cap",
    "streak_days": "flame",
    "xp": "sparkles",
}


def _card(card: rx.Var[CardView]) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.match(
                    card.key,
                    *[(key, rx.icon(icon, size=18)) for key, icon in _CARD_ICONS.items()],
                    rx.icon("chart-line", size=18),
                ),
                rx.text(card.label, size="2", color_scheme="gray"),
                align="center",
                spacing="2",
            ),
            rx.text(card.value, size="7", weight="bold", data_testid="kpi-value"),
            rx.text(
                rx.cond(card.change != "", card.change, tr("dashboard.no_change")),
                size="1",
                color_scheme=rx.match(card.trend, ("up", "green"), ("down", "red"), "gray"),
            ),
            spacing="1",
        ),
        data_testid="kpi-card",
        data_key=card.key,
    )


def _level() -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.vstack(
                rx.text(tr("dashboard.level"), size="2", color_scheme="gray"),
                rx.text(DashboardState.level.to_string(), size="8", weight="bold"),
                spacing="0",
                align="center",
            ),
            rx.vstack(
                rx.progress(value=DashboardState.level_progress, width="100%"),
                rx.text(
                    DashboardState.xp.to_string(),
                    " XP · ",
                    DashboardState.xp_to_next.to_string(),
                    " ",
                    tr("dashboard.xp_to_next"),
                    size="2",
                    color_scheme="gray",
                ),
                rx.hstack(
                    rx.icon("flame", size=16, color=rx.color("orange", 9)),
                    rx.text(
                        tr("dashboard.streak"),
                        " ",
                        DashboardState.streak.to_string(),
                        " · ",
                        tr("dashboard.best_streak"),
                        " ",
                        DashboardState.best_streak.to_string(),
                        size="2",
                    ),
                    align="center",
                    spacing="1",
                ),
                spacing="2",
                width="100%",
            ),
            spacing="5",
            align="center",
            width="100%",
        ),
        width="100%",
    )


def _next_steps() -> rx.Component:
    item = DashboardState.continue_item
    suggestion = DashboardState.suggestion
    return rx.grid(
        rx.card(
            rx.vstack(
                rx.heading(tr("dashboard.continue"), as_="h2", size="4"),
                rx.cond(
                    item,
                    rx.vstack(
                        rx.text(item.title, weight="medium"),
                        rx.text(item.course, size="2", color_scheme="gray"),
                        link_button(
                            rx.icon("play", size=14),
                            tr("dashboard.continue_button"),
                            href=item.href,
                        ),
                        spacing="2",
                    ),
                    rx.vstack(
                        rx.text(tr("dashboard.nothing_to_continue"), color_scheme="gray"),
                        link_button(tr("dashboard.browse"), href=routes.COURSES, variant="soft"),
                        spacing="2",
                    ),
                ),
                spacing="2",
            ),
            data_testid="continue",
        ),
        rx.card(
            rx.vstack(
                rx.heading(tr("dashboard.suggested"), as_="h2", size="4"),
                rx.cond(
                    suggestion,
                    rx.vstack(
                        rx.text(
                            tr("dashboard.weakest_topic"),
                            " ",
                            rx.text.strong(suggestion.topic),
                            rx.cond(
                                suggestion.accuracy != "",
                                rx.text.span(" (", suggestion.accuracy, ")"),
                            ),
                        ),
                        rx.text(
                            suggestion.course_title,
                            " · ",
                            suggestion.unsolved,
                            size="2",
                            color_scheme="gray",
                        ),
                        rx.button(
                            rx.icon("dumbbell", size=14),
                            tr("dashboard.practise_topic"),
                            on_click=DashboardState.practise_suggestion,
                        ),
                        spacing="2",
                    ),
                    rx.text(tr("dashboard.no_suggestion"), color_scheme="gray"),
                ),
                spacing="2",
            ),
            data_testid="suggestion",
        ),
        columns={"initial": "1", "sm": "2"},
        spacing="4",
        width="100%",
    )


def _chart(title_key: str, figure: rx.Var, testid: str) -> rx.Component:
    return rx.card(
        rx.heading(tr(title_key), as_="h3", size="3"),
        rx.plotly(
            data=figure.to(go.Figure),
            config={"displayModeBar": False, "responsive": True},
            use_resize_handler=True,
            width="100%",
        ),
        width="100%",
        data_testid=testid,
    )


def _charts() -> rx.Component:
    return rx.cond(
        DashboardState.has_activity,
        rx.vstack(
            rx.grid(
                _chart("dashboard.chart.score", DashboardState.score_figure, "chart-score"),
                _chart("dashboard.chart.minutes", DashboardState.time_figure, "chart-time"),
                columns={"initial": "1", "md": "2"},
                spacing="4",
                width="100%",
            ),
            rx.grid(
                _chart(
                    "dashboard.chart.activity", DashboardState.activity_figure, "chart-activity"
                ),
                rx.cond(
                    DashboardState.has_topics,
                    _chart(
                        "dashboard.chart.mastery", DashboardState.mastery_figure, "chart-mastery"
                    ),
                ),
                columns={"initial": "1", "md": "2"},
                spacing="4",
                width="100%",
            ),
            rx.hstack(
                rx.icon("info", size=14, flex_shrink="0"),
                rx.text(DashboardState.mastery_rule, size="2"),
                color=rx.color("gray", 11),
                align="center",
                spacing="2",
                data_testid="mastery-rule",
            ),
            spacing="4",
            width="100%",
        ),
        rx.callout(tr("dashboard.no_activity"), icon="sprout", width="100%"),
    )


def _achievement(item: rx.Var[AchievementView]) -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.cond(
                item.earned,
                rx.icon("award", size=28, color=rx.color("amber", 9)),
                rx.icon("lock", size=28, color=rx.color("gray", 8)),
            ),
            rx.vstack(
                rx.text(item.title, weight="bold", size="2"),
                rx.text(item.description, size="1", color_scheme="gray"),
                rx.cond(item.earned, rx.text(item.when, size="1", color_scheme="green")),
                spacing="0",
            ),
            align="center",
            spacing="3",
        ),
        opacity=rx.cond(item.earned, "1", "0.6"),
        data_testid=rx.cond(item.earned, "achievement-earned", "achievement-locked"),
    )


def _achievements() -> rx.Component:
    return rx.vstack(
        rx.heading(
            tr("dashboard.achievements"),
            " (",
            DashboardState.earned_count.to_string(),
            "/",
            DashboardState.achievements.length().to_string(),
            ")",
            as_="h2",
            size="5",
        ),
        rx.grid(
            rx.foreach(DashboardState.achievements, _achievement),
            columns={"initial": "1", "sm": "2", "md": "3"},
            spacing="3",
            width="100%",
        ),
        width="100%",
    )


def _filter(
    value: rx.Var[str], on_change: rx.EventHandler, options: list[tuple[str, str]], label_key: str
) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(aria_label=tr(label_key)),
        rx.select.content(*[rx.select.item(tr(key), value=v) for v, key in options]),
        value=value,
        on_change=on_change,
    )


def _attempt_row(row: rx.Var[AttemptRowView]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.link(row.title, href=row.href), rx.text(row.course, size="1", color_scheme="gray")
        ),
        rx.table.cell(row.mode),
        rx.table.cell(row.status),
        rx.table.cell(row.when, white_space="nowrap"),
        rx.table.cell(row.score, white_space="nowrap"),
        data_testid="history-row",
    )


def _history() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(tr("dashboard.history"), as_="h2", size="5"),
            rx.spacer(),
            _filter(
                DashboardState.mode_filter,
                DashboardState.set_mode_filter,
                [
                    (ALL, "dashboard.all_modes"),
                    ("practice", "course.practice"),
                    ("exam", "course.exam"),
                ],
                "dashboard.filter_mode",
            ),
            _filter(
                DashboardState.status_filter,
                DashboardState.set_status_filter,
                [
                    (ALL, "dashboard.all_statuses"),
                    ("in_progress", "attempt_status.in_progress"),
                    ("submitted", "attempt_status.submitted"),
                    ("expired", "attempt_status.expired"),
                ],
                "dashboard.filter_status",
            ),
            width="100%",
            align="center",
            wrap="wrap",
            spacing="2",
        ),
        data_table(
            [
                "dashboard.col_test",
                "dashboard.col_mode",
                "dashboard.col_status",
                "dashboard.col_when",
                "dashboard.col_score",
            ],
            DashboardState.attempts,
            _attempt_row,
            rx.text(tr("dashboard.no_attempts"), color_scheme="gray"),
        ),
        rx.hstack(
            rx.button(
                tr("runner.previous"),
                on_click=DashboardState.previous_page,
                disabled=DashboardState.page <= 1,
                variant="soft",
                size="1",
            ),
            rx.text(tr("dashboard.page"), " ", DashboardState.page.to_string(), size="2"),
            rx.button(
                tr("runner.next"),
                on_click=DashboardState.next_page,
                disabled=~DashboardState.has_more,
                variant="soft",
                size="1",
            ),
            align="center",
            spacing="3",
        ),
        spacing="3",
        width="100%",
    )


def _dashboard() -> rx.Component:
    return rx.vstack(
        rx.heading(tr("dashboard.title"), as_="h1", size="8"),
        rx.cond(
            DashboardState.error != "",
            rx.callout(
                DashboardState.error, icon="triangle-alert", color_scheme="red", width="100%"
            ),
        ),
        _level(),
        rx.grid(
            rx.foreach(DashboardState.cards, _card),
            columns={"initial": "2", "md": "3"},
            spacing="3",
            width="100%",
        ),
        _next_steps(),
        rx.heading(tr("dashboard.progress"), as_="h2", size="5"),
        _charts(),
        _achievements(),
        _history(),
        spacing="5",
        width="100%",
    )


def dashboard_page() -> rx.Component:
    return layout(guarded(rx.cond(DashboardState.loaded, _dashboard(), loading())))


__all__ = ["DashboardState", "dashboard_page"]
