"""Practising a topic, as AoPS Alcumus does: a short set picked from the course's problems on
one topic, run like a practice test (instant verdicts, hints, solutions, retries).

The selection rule (`pick_problems`), written down for students and teachers:

1. Eligible: problems of the course, published, tagged with the topic (exactly as tagged).
2. The student's level on the topic is their accuracy over the KPI mastery window (the
   topic's most recent graded answers), mapped onto the difficulty scale 1..10
   (0 % → 1, 100 % → 10); with no answers on the topic yet it is the middle, 5.
3. Problems the student has not solved yet (no correct graded answer) come first, the ones
   nearest their level first (ties: the easier, then the older problem).
4. When fewer than TOPIC_SET_SIZE are unsolved, solved ones fill the set, the weakest record
   first: the lowest share of correct graded answers, then the longest since last answered.

Each problem is worth one point. A topic with no eligible problem starts nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Integer, cast
from sqlmodel import Session, col, func, select

from mathkallos.models.attempts import MAX_TOPIC_LENGTH, Attempt
from mathkallos.models.base import utcnow
from mathkallos.models.content import Problem, ProblemStatus, TestMode
from mathkallos.models.kpi import AnswerFact, TopicStat
from mathkallos.services.access import Actor, require_actor
from mathkallos.services.attempts.dto import AttemptView, TopicChoice
from mathkallos.services.attempts.lifecycle import start_run
from mathkallos.services.content.permissions import visible_course
from mathkallos.services.errors import Conflict, InvalidInput
from mathkallos.services.kpi.rules import DIFFICULTY_RANGE, REFERENCE_DIFFICULTY
from mathkallos.services.kpi.store import json_list_has

TOPIC_SET_SIZE = 5
POINTS_PER_PROBLEM = 1


@dataclass(frozen=True)
class Record:
    """A student's graded answers to one problem."""

    answers: int
    correct: int
    last_at: datetime


def level_on_topic(recent: list | None) -> int:
    """Rule 2: the difficulty nearest the student's recent accuracy on the topic."""
    if not recent:
        return REFERENCE_DIFFICULTY
    low, high = DIFFICULTY_RANGE
    accuracy = sum(1 for entry in recent if entry[2]) / len(recent)
    return round(low + (high - low) * accuracy)


def order_problems(
    candidates: list[tuple[int, int]], records: dict[int, Record], level: int, size: int
) -> list[int]:
    """Rules 3 and 4 on (problem id, difficulty) pairs: the ids of the set, in order."""
    unsolved = sorted(
        (c for c in candidates if c[0] not in records or not records[c[0]].correct),
        key=lambda c: (abs(c[1] - level), c[1], c[0]),
    )
    solved = sorted(
        (c for c in candidates if c[0] in records and records[c[0]].correct),
        key=lambda c: (
            records[c[0]].correct / records[c[0]].answers,
            records[c[0]].last_at,
            c[0],
        ),
    )
    return [problem_id for problem_id, _ in [*unsolved, *solved][:size]]


def _eligible(session: Session, course_id: int, topic: str) -> list[tuple[int, int]]:
    """Rule 1: (id, difficulty) of the course's published problems tagged with the topic."""
    rows = session.exec(
        select(Problem.id, Problem.difficulty, Problem.topics).where(
            col(Problem.course_id) == course_id,
            col(Problem.status) == ProblemStatus.PUBLISHED,
            json_list_has(Problem.topics, topic),
        )
    ).all()
    return [(pid, difficulty) for pid, difficulty, topics in rows if topic in topics and pid]


def _records(session: Session, user_id: int, problem_ids: list[int]) -> dict[int, Record]:
    rows = session.exec(
        select(
            AnswerFact.problem_id,
            func.count(),
            func.sum(cast(col(AnswerFact.correct), Integer)),
            func.max(AnswerFact.at),
        )
        .where(col(AnswerFact.user_id) == user_id, col(AnswerFact.problem_id).in_(problem_ids))
        .group_by(col(AnswerFact.problem_id))
    ).all()
    return {pid: Record(int(n), int(right or 0), at) for pid, n, right, at in rows}


def pick_problems(session: Session, user_id: int, course_id: int, topic: str) -> list[int]:
    """The ids of the student's next set on the topic, by the rule in this module's doc."""
    candidates = _eligible(session, course_id, topic)
    if not candidates:
        return []
    stat = session.exec(
        select(TopicStat).where(col(TopicStat.user_id) == user_id, col(TopicStat.topic) == topic)
    ).first()
    records = _records(session, user_id, [pid for pid, _ in candidates])
    level = level_on_topic(stat.recent if stat is not None else None)
    return order_problems(candidates, records, level, TOPIC_SET_SIZE)


def _clean_topic(topic: object) -> str:
    if not isinstance(topic, str) or not topic.strip() or len(topic) > MAX_TOPIC_LENGTH:
        raise InvalidInput("attempts.topic_unknown", field="topic")
    return topic.strip()


def start_topic_practice(
    *, session: Session, actor: Actor | None, course_slug: str, topic: str
) -> AttemptView:
    """Resume the actor's open practice of the topic in the course, or start a new set picked
    by `pick_problems`. The course must be one the actor may see (as for its tests); a topic
    with no eligible problem is refused (Conflict) and nothing is created."""
    actor = require_actor(actor)
    course = visible_course(session, actor, course_slug)
    assert course.id is not None
    course_id, topic = course.id, _clean_topic(topic)

    def pick() -> list[tuple[int, int]]:
        chosen = pick_problems(session, actor.id, course_id, topic)
        if not chosen:
            raise Conflict("attempts.topic_empty")
        return [(problem_id, POINTS_PER_PROBLEM) for problem_id in chosen]

    now = utcnow()
    run = Attempt(
        user_id=actor.id,
        course_id=course_id,
        topic=topic,
        mode=TestMode.PRACTICE.value,
        started_at=now,
    )
    return start_run(session, run, pick, now)


def topic_choices(*, session: Session, actor: Actor | None, course_slug: str) -> list[TopicChoice]:
    """The topics a student may practise in the course, for its page: the course's own topics
    in their order, then any other topic of its published problems, each with how many
    published problems it has and how many of them the actor solved (0 for a visitor)."""
    course = visible_course(session, actor, course_slug)
    rows = session.exec(
        select(Problem.id, Problem.topics).where(
            col(Problem.course_id) == course.id, col(Problem.status) == ProblemStatus.PUBLISHED
        )
    ).all()
    solved: set[int] = set()
    if actor is not None and rows:
        solved = set(
            session.exec(
                select(AnswerFact.problem_id).where(
                    col(AnswerFact.user_id) == actor.id,
                    col(AnswerFact.correct).is_(True),
                    col(AnswerFact.problem_id).in_([pid for pid, _ in rows]),
                )
            ).all()
        )
    names = list(dict.fromkeys([*course.topics, *sorted({t for _, ts in rows for t in ts})]))
    return [
        TopicChoice(
            topic=name,
            problems=sum(1 for _, ts in rows if name in ts),
            solved=sum(1 for pid, ts in rows if name in ts and pid in solved),
        )
        for name in names
        if name.strip()
    ]
