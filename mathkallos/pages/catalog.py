"""The course catalog: search, filters by topic, level and price, sorting and paging."""

from __future__ import annotations

import math
from typing import Any

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.forms import form_alert, public_form
from mathkallos.components.i18n import tr, tr_tag
from mathkallos.components.layout import layout
from mathkallos.models.content import CourseLevel
from mathkallos.services import content
from mathkallos.services.content.dto import CourseCard
from mathkallos.services.errors import DomainError
from mathkallos.state import AppState, run_service

PER_PAGE = 12
ALL = "all"
TOPICS = (
    "algebra",
    "inequalities",
    "number theory",
    "combinatorics",
    "geometry",
    "calculus",
    "linear algebra",
    "functional equations",
)


class CatalogState(AppState):
    cards: list[CourseCard] = []
    query: str = ""
    topic: str = ALL
    level: str = ALL
    price: str = ALL
    sort: str = ALL
    page: int = 1
    pages: int = 1
    total: int = 0
    loading: bool = True
    error: str = ""

    @rx.var
    def found_label(self) -> str:
        return i18n.translate("catalog.found", self.lang, total=self.total)

    async def _reload(self) -> None:
        self.loading = True
        try:
            result = await run_service(
                content.list_courses,
                actor=await self.actor(),
                query=self.query,
                topic=None if self.topic == ALL else self.topic,
                level=None if self.level == ALL else self.level,
                price=None if self.price == ALL else self.price,
                sort=None if self.sort == ALL else self.sort,
                page=self.page,
                per_page=PER_PAGE,
            )
        except DomainError as error:
            self.cards, self.error, self.loading = [], self.message(error), False
            return
        self.cards, self.total, self.error = list(result.items), result.total, ""
        self.pages = max(1, math.ceil(result.total / PER_PAGE))
        self.loading = False

    @rx.event
    async def load(self) -> None:
        await self.check_auth()
        await self._reload()

    @rx.event
    async def search(self, form: dict[str, Any]) -> None:
        self.query, self.page = str(form.get("query", "")).strip()[:200], 1
        await self._reload()

    @rx.event
    async def set_filter(self, name: str, value: str) -> None:
        if name in ("topic", "level", "price", "sort"):
            setattr(self, name, value)
            self.page = 1
            await self._reload()

    @rx.event
    async def clear(self):  # noqa: ANN201 - event specs
        self.query, self.topic, self.level, self.price, self.sort, self.page = (
            "",
            ALL,
            ALL,
            ALL,
            ALL,
            1,
        )
        await self._reload()
        return rx.set_value("catalog-query", "")

    @rx.event
    async def go_to_page(self, page: int) -> None:
        self.page = max(1, min(page, self.pages))
        await self._reload()


def _select(
    name: str, label_key: str, value: rx.Var[str], options: list[tuple[str, str | rx.Var[str]]]
) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(aria_label=tr(label_key), min_width="160px"),
        rx.select.content(*[rx.select.item(label, value=v) for v, label in options]),
        value=value,
        on_change=lambda v: CatalogState.set_filter(name, v),
    )


def _filters() -> rx.Component:
    return rx.flex(
        public_form(
            rx.hstack(
                rx.input(
                    name="query",
                    id="catalog-query",
                    placeholder=tr("catalog.search"),
                    aria_label=tr("catalog.search"),
                    width="300px",
                    max_width="100%",
                    type="search",
                ),
                rx.button(rx.icon("search", size=16), tr("catalog.search_button"), type="submit"),
                spacing="2",
            ),
            on_submit=CatalogState.search,
        ),
        _select(
            "topic",
            "catalog.topic",
            CatalogState.topic,
            [(ALL, tr("catalog.all_topics")), *[(t, tr(f"topic.{t}")) for t in TOPICS]],
        ),
        _select(
            "level",
            "catalog.level",
            CatalogState.level,
            [
                (ALL, tr("catalog.all_levels")),
                *[(lvl.value, tr(f"level.{lvl.value}")) for lvl in CourseLevel],
            ],
        ),
        _select(
            "price",
            "catalog.price",
            CatalogState.price,
            [
                (ALL, tr("catalog.any_price")),
                ("free", tr("catalog.free")),
                ("paid", tr("catalog.paid")),
            ],
        ),
        _select(
            "sort",
            "catalog.sort",
            CatalogState.sort,
            [
                (ALL, tr("catalog.sort_relevance")),
                ("newest", tr("catalog.sort_newest")),
                ("title", tr("catalog.sort_title")),
                ("level", tr("catalog.sort_level")),
            ],
        ),
        spacing="3",
        wrap="wrap",
        align="center",
        width="100%",
    )


def course_card(card: CourseCard) -> rx.Component:
    return rx.link(
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.badge(tr_tag("level.", card.level), variant="soft"),
                    rx.cond(
                        card.price > 0,
                        rx.badge(card.price.to_string() + " ₽", color_scheme="amber"),
                        rx.badge(tr("catalog.free"), color_scheme="green"),
                    ),
                    rx.cond(~card.is_published, rx.badge(tr("catalog.draft"), color_scheme="gray")),
                    spacing="2",
                    wrap="wrap",
                ),
                rx.heading(card.title, as_="h2", size="4"),
                rx.text(card.summary, size="2", color_scheme="gray"),
                rx.hstack(
                    rx.foreach(
                        card.topics,
                        lambda t: rx.badge(tr_tag("topic.", t), variant="outline", size="1"),
                    ),
                    spacing="1",
                    wrap="wrap",
                ),
                rx.text(card.author_name, size="1", color_scheme="gray"),
                spacing="2",
                align="start",
            ),
            size="2",
            height="100%",
            class_name="mk-course-card",
        ),
        href=routes.course(card.slug),
        underline="none",
        color_scheme="gray",
        high_contrast=True,
        data_testid="course-card",
    )


def _results() -> rx.Component:
    return rx.cond(
        CatalogState.loading & (CatalogState.cards.length() == 0),
        rx.grid(
            *[rx.skeleton(height="180px") for _ in range(6)],
            columns={"initial": "1", "sm": "2", "md": "3"},
            spacing="4",
            width="100%",
        ),
        rx.cond(
            CatalogState.cards.length() > 0,
            rx.vstack(
                rx.text(CatalogState.found_label, size="2", color_scheme="gray"),
                rx.grid(
                    rx.foreach(CatalogState.cards, course_card),
                    columns={"initial": "1", "sm": "2", "md": "3"},
                    spacing="4",
                    width="100%",
                ),
                rx.cond(CatalogState.pages > 1, _pager()),
                spacing="3",
                width="100%",
            ),
            rx.vstack(
                rx.icon("search-x", size=40, color=rx.color("gray", 9)),
                rx.heading(tr("catalog.empty_title"), as_="h2", size="5"),
                rx.text(tr("catalog.empty_text"), color_scheme="gray"),
                rx.button(tr("catalog.clear"), variant="soft", on_click=CatalogState.clear),
                align="center",
                padding_y="3em",
                width="100%",
                data_testid="catalog-empty",
            ),
        ),
    )


def _pager() -> rx.Component:
    return rx.hstack(
        rx.button(
            tr("admin.prev"),
            variant="soft",
            disabled=CatalogState.page <= 1,
            on_click=CatalogState.go_to_page(CatalogState.page - 1),
        ),
        rx.text(CatalogState.page.to_string() + " / " + CatalogState.pages.to_string()),
        rx.button(
            tr("admin.next"),
            variant="soft",
            disabled=CatalogState.page >= CatalogState.pages,
            on_click=CatalogState.go_to_page(CatalogState.page + 1),
        ),
        align="center",
        spacing="3",
    )


def catalog_page() -> rx.Component:
    return layout(
        rx.vstack(
            rx.heading(tr("catalog.title"), as_="h1", size="8"),
            rx.text(tr("catalog.subtitle"), color_scheme="gray", size="3"),
            _filters(),
            form_alert(CatalogState.error),
            _results(),
            spacing="4",
            width="100%",
        )
    )
