"""The app: pages, the REST API in front, and start-up work. Nothing else lives here."""

from __future__ import annotations

import asyncio
import logging

import reflex as rx

from mathkallos import routes
from mathkallos.api import build_api
from mathkallos.db import upgrade_to_head
from mathkallos.logging_setup import configure_logging
from mathkallos.pages.landing import landing_page
from mathkallos.pages.not_found import not_found_page

configure_logging()
log = logging.getLogger("mathkallos.app")

app = rx.App(
    api_transformer=build_api(),
    stylesheets=["/styles.css"],
    head_components=[rx.el.link(rel="icon", href="/favicon.svg", type="image/svg+xml")],
)
app.add_page(landing_page, route=routes.HOME, title="MathKallos")
app.add_page(not_found_page, route=routes.NOT_FOUND, title="MathKallos — 404")


async def _upgrade_schema() -> None:
    """Alembic is the only schema path, so the backend brings the database to head at start."""
    await asyncio.to_thread(upgrade_to_head)
    log.info("database schema at head")


app.register_lifespan_task(_upgrade_schema)
