"""Structured JSON logs on stderr, one line per record, so a log shipper can parse them."""

from __future__ import annotations

import logging
import sys

from pythonjsonlogger.json import JsonFormatter

from mathkallos.settings import get_settings

_configured = False


def configure_logging() -> None:
    """Idempotent: the app module and the CLI both call it."""
    global _configured
    if _configured:
        return
    settings = get_settings()
    handler = logging.StreamHandler(sys.stderr)
    if settings.log_json:
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            )
        )
    root = logging.getLogger("mathkallos")
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    root.propagate = False
    _configured = True
