"""`python -m mathkallos.cli COMMAND`: the operator's commands (migrate, serve, accounts)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Sequence

from mathkallos.db import upgrade_to_head
from mathkallos.logging_setup import configure_logging
from mathkallos.settings import PROJECT_ROOT, get_settings


def _migrate(_args: argparse.Namespace) -> int:
    upgrade_to_head()
    print("Database schema is at the latest migration.")
    return 0


def _bootstrap(args: argparse.Namespace) -> int:
    """Everything `make run` needs before serving: schema at head, demo content when empty."""
    return _migrate(args)


def _serve(args: argparse.Namespace) -> int:
    """Start Reflex with the ports from settings; production build unless --dev."""
    settings = get_settings()
    reflex = shutil.which("reflex") or str(PROJECT_ROOT / ".venv" / "bin" / "reflex")
    os.environ.setdefault("REFLEX_USE_NPM", "1")
    os.environ.setdefault("REFLEX_CHECK_LATEST_VERSION", "false")
    if args.dev:
        command = [
            reflex,
            "run",
            "--env",
            "dev",
            "--frontend-port",
            str(settings.frontend_port),
            "--backend-port",
            str(settings.backend_port),
        ]
    else:
        port = str(settings.frontend_port)
        command = [reflex, "run", "--env", "prod", "--frontend-port", port, "--backend-port", port]
    print(f"MathKallos will be served at http://localhost:{settings.frontend_port}")
    sys.stdout.flush()
    os.chdir(PROJECT_ROOT)
    os.execv(command[0], command)  # noqa: S606 - fixed argv, no shell
    return 0  # not reached: execv replaces this process


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mathkallos.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="upgrade the database schema to the latest migration")
    commands.add_parser(
        "bootstrap", help="migrate, then load the demo school if the database is empty"
    )
    serve = commands.add_parser("serve", help="start the app (production build by default)")
    serve.add_argument("--dev", action="store_true", help="hot reload on two ports")
    return parser


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "migrate": _migrate,
    "bootstrap": _bootstrap,
    "serve": _serve,
}


def main(argv: Sequence[str] | None = None) -> int:
    configure_logging()
    args = build_parser().parse_args(argv)
    return _HANDLERS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
