"""Full-text search over course titles/summaries and problem statements, on either database.

SQLite uses the FTS5 tables and PostgreSQL the GIN expression indexes made by migration 0002;
the expressions below must stay identical to the indexed ones. User text is reduced to word
tokens (prefix-matched, all required), so no query syntax from the search box reaches SQL.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Text, cast, false, text
from sqlmodel import Session, col, select

from mathkallos.models.content import Course, Problem
from mathkallos.services.access import Actor
from mathkallos.services.content.dto import SearchHit
from mathkallos.services.content.permissions import course_visibility, problem_visibility
from mathkallos.services.content.rules import TOPIC_RE

MAX_TERMS = 8
SNIPPET = 160

_SQLITE = {
    "courses": "SELECT rowid, -bm25(courses_fts, 10.0, 1.0) FROM courses_fts "
    "WHERE courses_fts MATCH :q",
    "problems": "SELECT rowid, -bm25(problems_fts) FROM problems_fts WHERE problems_fts MATCH :q",
}
# The WHERE expressions are the ones migration 0002 indexes; the rank weighs titles higher.
_POSTGRES = {
    "courses": "SELECT id, ts_rank("
    "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('simple', coalesce(summary, '')), 'D'), q) "
    "FROM courses, to_tsquery('simple', :q) q "
    "WHERE to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(summary, '')) @@ q",
    "problems": "SELECT id, ts_rank(to_tsvector('simple', coalesce(statement, '')), q) "
    "FROM problems, to_tsquery('simple', :q) q "
    "WHERE to_tsvector('simple', coalesce(statement, '')) @@ q",
}


def terms(query: str) -> list[str]:
    """Words of the search box, lower-cased; punctuation and operators are dropped."""
    return re.findall(r"\w+", query.casefold())[:MAX_TERMS]


def _matches(session: Session, table: str, query: str) -> dict[int, float]:
    words = terms(query)
    if not words:
        return {}
    if session.get_bind().dialect.name == "sqlite":
        sql, q = _SQLITE[table], " ".join(f'"{w}"*' for w in words)
    else:
        sql, q = _POSTGRES[table], " & ".join(f"{w}:*" for w in words)
    rows = session.connection().execute(text(sql), {"q": q}).all()
    return {int(row[0]): float(row[1]) for row in rows}


def course_matches(session: Session, query: str) -> dict[int, float]:
    """Course id -> relevance (higher is better) for every course matching all words."""
    return _matches(session, "courses", query)


def problem_matches(session: Session, query: str) -> dict[int, float]:
    return _matches(session, "problems", query)


def has_topic(column: Any, topic: str) -> ColumnElement[bool]:
    """Tag filter over a JSON list column on both databases: topics are validated tags
    ([a-z0-9 -]), so the quoted JSON string is an exact, injection-free match."""
    tag = topic.strip()
    if not TOPIC_RE.match(tag):
        return false()
    return cast(column, Text).contains(f'"{tag}"', autoescape=True)


def _snippet(value: str) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1] + "…"


def search_content(
    *, session: Session, actor: Actor | None, query: str, limit: int = 20
) -> list[SearchHit]:
    """Courses then problems the actor may see, each group best match first."""
    hits: list[SearchHit] = []
    course_ranks = course_matches(session, query)
    if course_ranks:
        courses = session.exec(
            select(Course).where(col(Course.id).in_(course_ranks), course_visibility(actor))
        ).all()
        hits += sorted(
            (
                SearchHit(
                    "course",
                    c.id or 0,
                    c.title,
                    _snippet(c.summary),
                    c.slug,
                    course_ranks[c.id or 0],
                )
                for c in courses
            ),
            key=lambda hit: -hit.rank,
        )[:limit]
    problem_ranks = problem_matches(session, query)
    if problem_ranks:
        rows = session.exec(
            select(Problem, Course.slug)
            .join(Course, col(Problem.course_id) == col(Course.id), isouter=True)
            .where(col(Problem.id).in_(problem_ranks), problem_visibility(actor))
        ).all()
        problem_hits = [
            SearchHit(
                "problem",
                p.id or 0,
                _snippet(p.statement.strip().splitlines()[0] if p.statement.strip() else ""),
                _snippet(p.statement),
                slug,
                problem_ranks[p.id or 0],
            )
            for p, slug in rows
        ]
        hits += sorted(problem_hits, key=lambda hit: -hit.rank)[:limit]
    return hits
