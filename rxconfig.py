"""Reflex configuration: telemetry off, theme as a plugin. Ports come from `cli serve`."""

import reflex as rx
from reflex.plugins import SitemapPlugin

from mathkallos.settings import get_settings

settings = get_settings()

config = rx.Config(
    app_name="mathkallos",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    redis_url=settings.redis_url,
    # Without Redis, sessions' state lives in memory: the disk manager pickles every touched
    # state after each event, which a whole year group autosaving cannot afford. Nothing is
    # lost on a restart: every answer is in the database and the page reloads it.
    state_manager_mode=(
        rx.constants.StateManagerMode.REDIS
        if settings.redis_url
        else rx.constants.StateManagerMode.MEMORY
    ),
    disable_plugins=[SitemapPlugin],
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="inherit", accent_color="indigo", radius="medium"),
        ),
    ],
)
