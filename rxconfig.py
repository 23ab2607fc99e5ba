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
    disable_plugins=[SitemapPlugin],
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="inherit", accent_color="indigo", radius="medium"),
        ),
    ],
)
