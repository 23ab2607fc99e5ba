"""The demo school: the courses in assets/demo/*.json, loaded through the ordinary importer."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import Session, select

from mathkallos.models.content import Course
from mathkallos.models.users import Role
from mathkallos.services.access import Actor
from mathkallos.services.content.dto import ImportReport
from mathkallos.services.content.fileformat import parse_json
from mathkallos.services.content.importer import import_parsed
from mathkallos.settings import PROJECT_ROOT

DEMO_DIR = PROJECT_ROOT / "assets" / "demo"


def demo_files(directory: Path = DEMO_DIR) -> list[Path]:
    return sorted(directory.glob("*.json"))


def load_demo_courses(*, session: Session, author_id: int, directory: Path = DEMO_DIR) -> int:
    """Import every demo course whose slug is not in the database yet; returns how many.

    The author (normally the demo teacher) owns them; the import runs with admin rights so
    the demo loads whatever that account's role is.
    """
    actor = Actor(id=author_id, role=Role.ADMIN)
    existing = set(session.exec(select(Course.slug)).all())
    created = 0
    for path in demo_files(directory):
        document = json.loads(path.read_text(encoding="utf-8"))
        document["courses"] = [c for c in document.get("courses", []) if c["slug"] not in existing]
        if not document["courses"]:
            continue
        report: ImportReport = import_parsed(
            session=session, actor=actor, parsed=parse_json(json.dumps(document))
        )
        if not report.ok:
            first = report.errors[0]
            raise ValueError(f"{path.name}: {first.field}: {first.message} {first.detail}")
        created += report.created["courses"]
    return created
