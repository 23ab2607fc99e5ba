"""Achievement definitions: a code, its i18n title/description ids, and the condition on the
user's progress. Only listeners award them (`award_due`), never a page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, func, select

from mathkallos.models.kpi import TopicStat, UserAchievement, UserProgress


@dataclass(frozen=True)
class Standing:
    """What achievement conditions look at."""

    progress: UserProgress
    topics_mastered: int


@dataclass(frozen=True)
class AchievementDefinition:
    code: str
    condition: Callable[[Standing], bool]

    @property
    def title_id(self) -> str:
        return f"kpi.achievement.{self.code}.title"

    @property
    def description_id(self) -> str:
        return f"kpi.achievement.{self.code}.description"


ACHIEVEMENTS: tuple[AchievementDefinition, ...] = (
    AchievementDefinition("first_solve", lambda s: s.progress.problems_solved >= 1),
    AchievementDefinition("first_exam", lambda s: s.progress.exams_taken >= 1),
    AchievementDefinition("streak_7", lambda s: s.progress.best_streak >= 7),
    AchievementDefinition("streak_30", lambda s: s.progress.best_streak >= 30),
    AchievementDefinition("solved_100", lambda s: s.progress.problems_solved >= 100),
    AchievementDefinition("topic_mastered", lambda s: s.topics_mastered >= 1),
    AchievementDefinition("topics_5", lambda s: s.topics_mastered >= 5),
    AchievementDefinition("reader_10", lambda s: s.progress.sections_read >= 10),
    AchievementDefinition("level_5", lambda s: s.progress.level >= 5),
)
BY_CODE = {definition.code: definition for definition in ACHIEVEMENTS}


def topics_mastered(session: Session, user_id: int) -> int:
    return int(
        session.exec(
            select(func.count())
            .select_from(TopicStat)
            .where(col(TopicStat.user_id) == user_id, col(TopicStat.mastered).is_(True))
        ).one()
    )


def award_due(session: Session, progress: UserProgress, at: datetime) -> list[str]:
    """Award every achievement whose condition now holds and that the user lacks; awards stay
    even if the figure later drops. Returns the new codes."""
    held = set(
        session.exec(
            select(UserAchievement.code).where(col(UserAchievement.user_id) == progress.user_id)
        ).all()
    )
    if len(held) == len(ACHIEVEMENTS):
        return []
    standing = Standing(progress, topics_mastered(session, progress.user_id))
    new = [a.code for a in ACHIEVEMENTS if a.code not in held and a.condition(standing)]
    for code in new:
        session.add(UserAchievement(user_id=progress.user_id, code=code, awarded_at=at))
    if new:
        session.flush()
    return new
