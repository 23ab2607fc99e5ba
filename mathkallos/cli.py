"""`python -m mathkallos.cli COMMAND`: the operator's commands (migrate, serve, accounts,
imports, KPI rebuild)."""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from mathkallos import i18n
from mathkallos.db import session_scope, upgrade_to_head
from mathkallos.logging_setup import configure_logging
from mathkallos.settings import PROJECT_ROOT, get_settings


def _migrate(_args: argparse.Namespace) -> int:
    upgrade_to_head()
    print("Database schema is at the latest migration.")
    return 0


def _bootstrap(args: argparse.Namespace) -> int:
    """Everything `make run` needs before serving: schema at head, demo content when empty."""
    _migrate(args)
    if not get_settings().load_demo_content:
        print("LOAD_DEMO_CONTENT is off: no demo content loaded.")
        return 0
    from mathkallos.services.demo import load_demo_if_empty

    with session_scope() as session:
        report = load_demo_if_empty(session=session)
    print(report.describe())
    return 0


def _describe_error(error: Exception) -> str:
    from mathkallos.services.errors import DomainError, InvalidInput

    if isinstance(error, InvalidInput) and error.errors:
        return "; ".join(f"{e.field}: {i18n.translate(e.message_id)}" for e in error.errors)
    if isinstance(error, DomainError):
        return i18n.translate(error.message_id, **error.params)
    return str(error)


def _create_admin(args: argparse.Namespace) -> int:
    """Idempotent: creates the admin, or promotes and resets an existing account."""
    from mathkallos.services.errors import DomainError
    from mathkallos.services.user_admin import ensure_admin

    password = args.password
    if password is None:
        password = (
            getpass.getpass("Password: ")
            if sys.stdin.isatty()
            else sys.stdin.readline().rstrip("\n")
        )
    upgrade_to_head()
    try:
        with session_scope() as session:
            result = ensure_admin(
                session=session, email=args.email, password=password, username=args.username
            )
    except DomainError as error:
        print(f"Could not create the admin: {_describe_error(error)}", file=sys.stderr)
        return 2
    if result.created:
        print(f"Created admin {result.user.username} <{result.user.email}>.")
    else:
        print(
            f"{result.user.email} already existed: it is now an active admin with the new password."
        )
    return 0


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


def _import(args: argparse.Namespace) -> int:
    """All or nothing: any bad row is reported with its number and nothing is saved."""
    from mathkallos.services.content import import_file
    from mathkallos.services.errors import DomainError
    from mathkallos.services.user_admin import operator_actor

    upgrade_to_head()
    try:
        with session_scope() as session:
            report = import_file(
                session=session,
                actor=operator_actor(session=session, email=args.as_admin),
                path=Path(args.file),
            )
    except DomainError as error:
        print(f"Import refused: {_describe_error(error)}", file=sys.stderr)
        return 2
    if not report.ok:
        print(
            f"Import refused; nothing was saved. {len(report.errors)} problem(s):", file=sys.stderr
        )
        for issue in report.errors:
            detail = f" ({issue.detail})" if issue.detail else ""
            message = i18n.translate(issue.message, detail=issue.detail)
            print(f"  row {issue.row}, {issue.field}: {message}{detail}", file=sys.stderr)
        return 2
    created = ", ".join(f"{count} {kind}" for kind, count in report.created.items() if count)
    print(f"Imported {created or 'nothing'} from {args.file}.")
    return 0


def _rebuild_kpis(args: argparse.Namespace) -> int:
    """Recompute the KPI rows from raw attempts, answers and the reading log (after a bug fix,
    a restore, or a time zone change), in one transaction."""
    from mathkallos.services.kpi import rebuild_kpis

    upgrade_to_head()
    with session_scope() as session:
        report = rebuild_kpis(session=session, user_ids=args.user or None)
    scope = "every user" if not args.user else f"user(s) {', '.join(map(str, args.user))}"
    print(
        f"Rebuilt the KPIs of {scope}: {report.facts} raw facts of {report.users} user(s) "
        f"replayed into {report.daily_metric_rows} daily metric rows and {report.topic_rows} "
        f"topic rows; {report.achievements_awarded} missing achievement(s) awarded."
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mathkallos.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="upgrade the database schema to the latest migration")
    commands.add_parser(
        "bootstrap", help="migrate, then load the demo school if the database is empty"
    )
    admin = commands.add_parser("create-admin", help="create (or promote) an admin account")
    admin.add_argument("--email", required=True)
    admin.add_argument("--password", help="read from standard input when omitted")
    admin.add_argument("--username", help="defaults to the part of the email before @")
    importer = commands.add_parser("import", help="import courses or problems (.json, .csv)")
    importer.add_argument("file")
    importer.add_argument("--as", dest="as_admin", help="the admin's email (default: first admin)")
    rebuild = commands.add_parser(
        "rebuild-kpis", help="recompute every KPI from the raw attempts and reading log"
    )
    rebuild.add_argument(
        "--user", type=int, action="append", help="only this user id (repeatable)"
    )
    serve = commands.add_parser("serve", help="start the app (production build by default)")
    serve.add_argument("--dev", action="store_true", help="hot reload on two ports")
    return parser


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "migrate": _migrate,
    "bootstrap": _bootstrap,
    "create-admin": _create_admin,
    "import": _import,
    "rebuild-kpis": _rebuild_kpis,
    "serve": _serve,
}


def main(argv: Sequence[str] | None = None) -> int:
    configure_logging()
    args = build_parser().parse_args(argv)
    return _HANDLERS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
