"""Validation rules for content, shared by the authoring forms and the importer (no I/O).

Each check returns `FieldIssue`s (field name + i18n message id) so a form can mark every bad
field at once and an import can name the row; `raise_invalid` turns them into `InvalidInput`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mathkallos.models.content import CourseLevel, ProblemKind, ProblemStatus, TestMode
from mathkallos.services.errors import InvalidInput
from mathkallos.services.grading import validate_key

TITLE_MAX = 200
SLUG_MAX = 120
SUMMARY_MAX = 500
SOURCE_MAX = 300
URL_MAX = 500
MAX_DURATION_MINUTES = 600
MAX_POINTS = 100
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOPIC_RE = re.compile(r"^[a-z0-9][a-z0-9 \-]{0,39}$")
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
LABEL_RE = re.compile(r"^[A-Za-z0-9]{1,8}$")


@dataclass(frozen=True)
class FieldIssue:
    field: str
    message: str
    detail: str = ""


def raise_invalid(issues: Sequence[FieldIssue]) -> None:
    """Raise InvalidInput naming the first bad field and carrying every issue; no-op if none."""
    if not issues:
        return
    errors = [InvalidInput(i.message, field=i.field, detail=i.detail) for i in issues]
    first = issues[0]
    raise InvalidInput(first.message, field=first.field, errors=errors, detail=first.detail)


def slugify(text: str) -> str:
    """A URL-safe slug from a title; non-Latin titles fall back to an empty string."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(
        c if c.isascii() else ("" if unicodedata.combining(c) else "-") for c in decomposed
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:SLUG_MAX].rstrip("-")


def check_text(
    value: object, name: str, *, limit: int | None = None, required: bool = False
) -> list[FieldIssue]:
    if not isinstance(value, str):
        return [FieldIssue(name, "content.errors.wrong_type")]
    if required and not value.strip():
        return [FieldIssue(name, "content.errors.required")]
    if limit is not None and len(value) > limit:
        return [FieldIssue(name, "content.errors.too_long", str(limit))]
    return []


def check_slug(value: object, name: str = "slug") -> list[FieldIssue]:
    if not isinstance(value, str) or not SLUG_RE.match(value) or len(value) > SLUG_MAX:
        return [FieldIssue(name, "content.errors.slug_invalid")]
    return []


def check_choice(value: object, allowed: type, name: str, message: str) -> list[FieldIssue]:
    values = {member.value for member in allowed}  # type: ignore[attr-defined]
    return [] if value in values else [FieldIssue(name, message)]


def check_int(value: object, name: str, low: int, high: int, message: str) -> list[FieldIssue]:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return [FieldIssue(name, message)]
    return []


def check_topics(value: object, name: str = "topics") -> list[FieldIssue]:
    if not isinstance(value, (list, tuple)) or not all(
        isinstance(t, str) and TOPIC_RE.match(t) for t in value
    ):
        return [FieldIssue(name, "content.errors.topic_invalid")]
    return []


def check_text_list(value: object, name: str) -> list[FieldIssue]:
    if not isinstance(value, (list, tuple)) or not all(
        isinstance(item, str) and item.strip() for item in value
    ):
        return [FieldIssue(name, "content.errors.list_of_texts")]
    return []


def issues_for_course(
    *, title: object, slug: object, summary: object, topics: object, level: object, price: object
) -> list[FieldIssue]:
    return [
        *check_text(title, "title", limit=TITLE_MAX, required=True),
        *check_slug(slug),
        *check_text(summary, "summary", limit=SUMMARY_MAX),
        *check_topics(topics),
        *check_choice(level, CourseLevel, "level", "content.errors.level_unknown"),
        *check_int(price, "price", 0, 10_000_000, "content.errors.price_invalid"),
    ]


def issues_for_section(*, title: object, slug: object, video_url: object) -> list[FieldIssue]:
    issues = [*check_text(title, "title", limit=TITLE_MAX, required=True), *check_slug(slug)]
    if video_url is not None and (
        not isinstance(video_url, str) or len(video_url) > URL_MAX or not URL_RE.match(video_url)
    ):
        issues.append(FieldIssue("video_url", "content.errors.url_invalid"))
    return issues


def issues_for_test(
    *, title: object, slug: object, mode: object, duration_minutes: object, pass_score: object
) -> list[FieldIssue]:
    issues = [
        *check_text(title, "title", limit=TITLE_MAX, required=True),
        *check_slug(slug),
        *check_choice(mode, TestMode, "mode", "content.errors.mode_unknown"),
        *check_int(pass_score, "pass_score", 0, 100, "content.errors.pass_score_range"),
    ]
    if duration_minutes is None:
        if mode == TestMode.EXAM:
            issues.append(FieldIssue("duration_minutes", "content.errors.duration_required"))
    else:
        issues += check_int(
            duration_minutes,
            "duration_minutes",
            1,
            MAX_DURATION_MINUTES,
            "content.errors.duration_range",
        )
    return issues


def option_labels(options: Sequence[dict[str, str]]) -> list[str]:
    return [option["label"] for option in options]


def choice_key_labels(key: str) -> list[str]:
    """Option labels named by a choice key, split as the grading engine splits them."""
    return [label for label in re.split(r"[\s,;]+", key.strip().casefold()) if label]


def grading_settings(
    kind: str, checker_settings: dict[str, Any], options: Sequence[dict[str, str]]
) -> dict[str, Any]:
    """Checker settings as the grading engine takes them: choice keys also know their labels."""
    settings = dict(checker_settings)
    if kind == ProblemKind.CHOICE and options:
        settings.setdefault("options", option_labels(options))
    return settings


def check_options(kind: object, options: object) -> list[FieldIssue]:
    if kind != ProblemKind.CHOICE:
        return (
            []
            if options in ([], (), None)
            else [FieldIssue("options", "content.errors.options_only_choice")]
        )
    valid = (
        isinstance(options, (list, tuple))
        and len(options) >= 2
        and all(
            isinstance(o, dict)
            and set(o) == {"label", "text"}
            and isinstance(o["label"], str)
            and LABEL_RE.match(o["label"])
            and isinstance(o["text"], str)
            and o["text"].strip()
            for o in options
        )
    )
    if not valid or len({o["label"].casefold() for o in options}) != len(options):
        return [FieldIssue("options", "content.errors.options_invalid")]
    return []


def issues_for_problem(
    *,
    statement: object,
    kind: object,
    answer_key: object,
    checker_settings: object,
    options: object,
    hints: object,
    solution: object,
    difficulty: object,
    topics: object,
    source: object,
    status: object,
) -> list[FieldIssue]:
    """Every rule for a problem, including that the grading engine can read its key."""
    issues = [
        *check_text(statement, "statement", required=True),
        *check_choice(kind, ProblemKind, "kind", "content.errors.kind_unknown"),
        *check_options(kind, options),
        *check_text_list(hints, "hints"),
        *check_text(solution, "solution"),
        *check_int(difficulty, "difficulty", 1, 10, "content.errors.difficulty_range"),
        *check_topics(topics),
        *check_text(source, "source", limit=SOURCE_MAX),
        *check_choice(status, ProblemStatus, "status", "content.errors.status_unknown"),
    ]
    if not isinstance(checker_settings, dict):
        issues.append(FieldIssue("checker_settings", "content.errors.wrong_type"))
    key_issues = check_text(answer_key, "answer_key", required=True)
    issues += key_issues
    if key_issues or any(i.field in ("kind", "options", "checker_settings") for i in issues):
        return issues
    assert isinstance(checker_settings, dict)
    assert isinstance(answer_key, str)
    assert isinstance(kind, str)
    assert isinstance(options, (list, tuple))
    errors = validate_key(answer_key, kind, **grading_settings(kind, checker_settings, options))
    issues += [FieldIssue("answer_key", "content.errors.key_invalid", e) for e in errors]
    return issues
