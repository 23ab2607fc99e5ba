"""Reading content files (docs/content-format.md) into plain dicts, row by row.

JSON: `{"format": "mathkallos-content", "version": 1, "courses": [...], "problems": [...]}` or a
bare list of problems. CSV: one problem per row with the columns in `CSV_COLUMNS`; list cells
(`options`, `hints`, `checker_settings`) hold JSON, `topics` is `;`-separated.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mathkallos.services.content.dto import ImportIssue

FORMAT_NAME = "mathkallos-content"
FORMAT_VERSION = 1
CSV_COLUMNS = (
    "statement",
    "kind",
    "answer_key",
    "options",
    "checker_settings",
    "hints",
    "solution",
    "difficulty",
    "topics",
    "source",
    "status",
    "course",
)
_CSV_JSON_CELLS = {"options": list, "checker_settings": dict, "hints": list}


@dataclass
class Item:
    """One row: its 1-based number, its path for messages, and its fields."""

    row: int
    path: str
    data: dict[str, Any]


@dataclass
class Parsed:
    courses: list[Item] = field(default_factory=list)
    problems: list[Item] = field(default_factory=list)
    issues: list[ImportIssue] = field(default_factory=list)


def read_file(path: Path) -> Parsed:
    """Parse a file on disk (the CLI); a file that cannot be read at all is one issue on row 0."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return Parsed(issues=[ImportIssue(0, "file", "content.errors.file_unreadable", str(error))])
    return parse_upload(path.name, data)


def parse_upload(filename: str, data: bytes) -> Parsed:
    """Parse by extension: `.json` courses and/or problems, `.csv` problems."""
    suffix = Path(filename).suffix.lower()
    if suffix not in (".json", ".csv"):
        return Parsed(issues=[ImportIssue(0, "file", "content.errors.file_type")])
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Parsed(issues=[ImportIssue(0, "file", "content.errors.file_unreadable", str(error))])
    return parse_json(raw) if suffix == ".json" else parse_csv(raw)


def parse_json(raw: str) -> Parsed:
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as error:
        return Parsed(
            issues=[ImportIssue(error.lineno, "file", "content.errors.file_unreadable", error.msg)]
        )
    if isinstance(document, list):
        document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "problems": document}
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        return Parsed(issues=[ImportIssue(0, "format", "content.errors.file_format")])
    if document.get("version") != FORMAT_VERSION:
        return Parsed(issues=[ImportIssue(0, "version", "content.errors.file_format")])
    parsed = Parsed()
    for name in ("courses", "problems"):
        entries = document.get(name, [])
        if not isinstance(entries, list):
            parsed.issues.append(ImportIssue(0, name, "content.errors.wrong_type"))
            continue
        for number, entry in enumerate(entries, start=1):
            path = f"{name}[{number}]"
            if not isinstance(entry, dict):
                parsed.issues.append(ImportIssue(number, path, "content.errors.wrong_type"))
                continue
            getattr(parsed, name).append(Item(number, path, entry))
    return parsed


def _csv_cell(name: str, value: str) -> Any:
    value = value.strip()
    if name in _CSV_JSON_CELLS:
        if not value:
            return _CSV_JSON_CELLS[name]()
        if name == "hints" and not value.startswith("["):
            return [value]
        return json.loads(value)
    if name == "difficulty":
        return int(value) if value else 5
    if name == "topics":
        return [t.strip() for t in value.split(";") if t.strip()]
    return value


def parse_csv(raw: str) -> Parsed:
    """Rows are numbered as a spreadsheet shows them: the header is row 1."""
    reader = csv.DictReader(io.StringIO(raw))
    header = reader.fieldnames or []
    missing = [c for c in ("statement", "kind", "answer_key") if c not in header]
    unknown = [c for c in header if c not in CSV_COLUMNS]
    parsed = Parsed()
    for name in missing:
        parsed.issues.append(ImportIssue(1, name, "content.errors.column_missing"))
    for name in unknown:
        parsed.issues.append(ImportIssue(1, name, "content.errors.column_unknown"))
    if parsed.issues:
        return parsed
    for number, record in enumerate(reader, start=2):
        data: dict[str, Any] = {}
        for name, value in record.items():
            if name is None or value is None:
                parsed.issues.append(ImportIssue(number, "row", "content.errors.row_shape"))
                continue
            try:
                cell = _csv_cell(name, value)
            except (ValueError, json.JSONDecodeError) as error:
                parsed.issues.append(
                    ImportIssue(number, name, "content.errors.wrong_type", str(error))
                )
                continue
            if name == "course" and not cell:
                continue
            if name == "status" and not cell:
                cell = "draft"
            data[name] = cell
        parsed.problems.append(Item(number, f"row {number}", data))
    return parsed
