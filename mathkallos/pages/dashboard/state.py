"""The student dashboard's state: the KPI service's `Dashboard`, shaped into ready-to-show
text and plotly figures (formatting only; every figure is computed by services.kpi)."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.formatting import attempt_title, moment_text, score_text
from mathkallos.pages.dashboard import charts
from mathkallos.services import attempts, kpi
from mathkallos.services.errors import DomainError
from mathkallos.services.kpi.dto import AchievementItem, AttemptItem, Card, Dashboard
from mathkallos.state import AppState, run_service

PER_PAGE = 10
ALL = "all"


@dataclass
class CardView:
    key: str
    label: str
    value: str
    change: str
    trend: str  # up, down, flat or none


@dataclass
class AttemptRowView:
    href: str
    title: str
    course: str
    mode: str
    status: str
    when: str
    score: str


@dataclass
class AchievementView:
    code: str
    title: str
    description: str
    earned: bool
    when: str


@dataclass
class ContinueView:
    href: str
    title: str
    course: str
    kind: str


@dataclass
class SuggestionView:
    topic: str  # as the catalog names it; `topic_key` is the tag itself
    topic_key: str
    course_slug: str
    course_title: str
    accuracy: str
    unsolved: str


def _card(card: Card, lang: str) -> CardView:
    suffix = "%" if card.key == "avg_score" else ""
    if card.change is None:
        change, trend = "", "none"
    else:
        sign = "+" if card.change > 0 else ""
        change = i18n.translate(
            "dashboard.change_7d", lang, change=f"{sign}{score_text(card.change)}{suffix}"
        )
        trend = "up" if card.change > 0 else "down" if card.change < 0 else "flat"
    return CardView(
        key=card.key,
        label=i18n.translate(card.label_id, lang),
        value=score_text(card.value) + suffix,
        change=change,
        trend=trend,
    )


def _attempt_row(item: AttemptItem, lang: str) -> AttemptRowView:
    score = f"{score_text(item.score)} / {score_text(item.max_score)}"
    if item.percent is not None:
        score += f" ({item.percent:.0f}%)"
    return AttemptRowView(
        href=routes.attempt(item.attempt_id),
        title=attempt_title(item.test_title, item.topic, lang),
        course=item.course_title,
        mode=i18n.translate(f"course.{item.mode}", lang),
        status=i18n.translate(f"attempt_status.{item.status}", lang),
        when=moment_text(item.submitted_at or item.started_at),
        score=score + (" *" if item.provisional else ""),
    )


def _achievement(item: AchievementItem, lang: str) -> AchievementView:
    return AchievementView(
        code=item.code,
        title=i18n.translate(item.title_id, lang),
        description=i18n.translate(item.description_id, lang),
        earned=item.earned,
        when=item.awarded_at.date().isoformat() if item.awarded_at else "",
    )


class DashboardState(AppState):
    loaded: bool = False
    error: str = ""
    cards: list[CardView] = []
    level: int = 1
    xp: int = 0
    level_progress: int = 0
    xp_to_next: int = 0
    streak: int = 0
    best_streak: int = 0
    mastery_rule: str = ""
    has_activity: bool = False
    score_figure: charts.FigureData = {}
    time_figure: charts.FigureData = {}
    mastery_figure: charts.FigureData = {}
    activity_figure: charts.FigureData = {}
    has_topics: bool = False
    attempts: list[AttemptRowView] = []
    page: int = 1
    has_more: bool = False
    mode_filter: str = ALL
    status_filter: str = ALL
    achievements: list[AchievementView] = []
    continue_item: ContinueView | None = None
    suggestion: SuggestionView | None = None

    @rx.var
    def earned_count(self) -> int:
        return sum(1 for a in self.achievements if a.earned)

    @rx.event
    async def load(self) -> None:
        self.page, self.mode_filter, self.status_filter = 1, ALL, ALL
        await self._fetch()

    async def _fetch(self) -> None:
        self.error = ""
        try:
            dashboard: Dashboard = await run_service(
                kpi.student_dashboard,
                actor=await self.actor(),
                mode=None if self.mode_filter == ALL else self.mode_filter,
                status=None if self.status_filter == ALL else self.status_filter,
                page=self.page,
                per_page=PER_PAGE,
            )
        except DomainError as error:
            self.error = self.message(error)
            return
        self._show(dashboard)
        self.loaded = True

    def _show(self, dashboard: Dashboard) -> None:
        lang = self.lang
        self.cards = [_card(card, lang) for card in dashboard.cards]
        level = dashboard.level
        span = max(1, level.next_level_xp - level.level_start_xp)
        self.level, self.xp = level.level, level.xp
        self.level_progress = round(100 * (level.xp - level.level_start_xp) / span)
        self.xp_to_next = level.next_level_xp - level.xp
        self.streak, self.best_streak = dashboard.current_streak, dashboard.best_streak
        rule = dashboard.mastery_rule
        self.mastery_rule = i18n.translate(
            rule.message_id, lang, needed=rule.needed, window=rule.window
        )
        self.has_activity = any(v for v in dashboard.activity_by_day.values)
        self.score_figure = charts.figure_data(charts.score_chart(dashboard.score_by_day, lang))
        self.time_figure = charts.figure_data(charts.time_chart(dashboard.time_by_day, lang))
        self.activity_figure = charts.figure_data(
            charts.activity_heatmap(dashboard.activity_by_day, dashboard.today, lang)
        )
        self.has_topics = bool(dashboard.mastery)
        self.mastery_figure = charts.figure_data(charts.mastery_chart(dashboard.mastery, lang))
        self.attempts = [_attempt_row(item, lang) for item in dashboard.attempts.items]
        self.has_more = dashboard.attempts.has_more
        self.achievements = [_achievement(item, lang) for item in dashboard.achievements]
        self.continue_item = self._continue(dashboard)
        self.suggestion = self._suggestion(dashboard)

    def _continue(self, dashboard: Dashboard) -> ContinueView | None:
        item = dashboard.continue_item
        if item is None:
            return None
        if item.kind == "attempt" and item.attempt_id is not None:
            href = routes.attempt(item.attempt_id)
        elif item.section_slug:
            href = routes.section(item.course_slug, item.section_slug)
        else:
            href = routes.course(item.course_slug)
        title = attempt_title(item.title, item.topic, self.lang)
        return ContinueView(href=href, title=title, course=item.course_title, kind=item.kind)

    def _suggestion(self, dashboard: Dashboard) -> SuggestionView | None:
        found = dashboard.suggestion
        if found is None:
            return None
        return SuggestionView(
            topic=i18n.translate_tag("topic.", found.topic, self.lang),
            topic_key=found.topic,
            course_slug=found.course_slug,
            course_title=found.course_title,
            accuracy="" if found.accuracy is None else f"{found.accuracy:.0f}%",
            unsolved=i18n.translate("dashboard.unsolved", self.lang, count=found.unsolved),
        )

    @rx.event
    async def practise_suggestion(self):  # noqa: ANN201 - event specs
        """Practise the weakest topic in the suggested course (resuming an open run)."""
        if self.suggestion is None:
            return None
        try:
            view = await run_service(
                attempts.start_topic_practice,
                actor=await self.actor(),
                course_slug=self.suggestion.course_slug,
                topic=self.suggestion.topic_key,
            )
        except DomainError as error:
            return rx.toast.error(self.message(error))
        return rx.redirect(routes.attempt(view.id))

    @rx.event
    async def set_mode_filter(self, value: str) -> None:
        self.mode_filter, self.page = value, 1
        await self._fetch()

    @rx.event
    async def set_status_filter(self, value: str) -> None:
        self.status_filter, self.page = value, 1
        await self._fetch()

    @rx.event
    async def next_page(self) -> None:
        if self.has_more:
            self.page += 1
            await self._fetch()

    @rx.event
    async def previous_page(self) -> None:
        if self.page > 1:
            self.page -= 1
            await self._fetch()
