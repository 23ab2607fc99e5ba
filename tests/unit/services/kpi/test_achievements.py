"""Achievements: what earns each one, and that every one a student can see has its words."""

from __future__ import annotations

import pytest

from mathkallos import i18n
from mathkallos.models.kpi import UserProgress
from mathkallos.services.kpi import ACHIEVEMENTS
from mathkallos.services.kpi.achievements import Standing
from mathkallos.services.kpi.dashboard import CARD_LABELS
from mathkallos.services.kpi.risk import FALLING, INACTIVE
from mathkallos.services.kpi.rules import MASTERY_RULE_MESSAGE


def _earned(topics_mastered: int = 0, **progress: int) -> set[str]:
    standing = Standing(UserProgress(user_id=1, **progress), topics_mastered)
    return {a.code for a in ACHIEVEMENTS if a.condition(standing)}


def test_a_new_student_has_earned_nothing():
    assert _earned() == set()


@pytest.mark.parametrize(
    ("figures", "code"),
    [
        ({"problems_solved": 1}, "first_solve"),
        ({"exams_taken": 1}, "first_exam"),
        ({"best_streak": 7}, "streak_7"),
        ({"best_streak": 30}, "streak_30"),
        ({"problems_solved": 100}, "solved_100"),
        ({"topics_mastered": 1}, "topic_mastered"),
        ({"topics_mastered": 5}, "topics_5"),
        ({"sections_read": 10}, "reader_10"),
        ({"level": 5}, "level_5"),
    ],
)
def test_each_achievement_is_earned_at_its_threshold_and_not_one_below(figures, code):
    assert code in _earned(**figures)
    (name, value), = figures.items()
    assert code not in _earned(**{name: value - 1})


def test_a_long_streak_earns_both_streak_achievements_and_a_broken_one_keeps_them():
    # the condition is on the best streak: a streak broken today does not take awards back
    assert {"streak_7", "streak_30"} <= _earned(best_streak=31, current_streak=0)


def test_achievement_codes_are_unique():
    codes = [a.code for a in ACHIEVEMENTS]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_kpi_text_a_student_or_teacher_sees_is_translated(lang):
    catalog = i18n.catalog(lang)
    ids = [MASTERY_RULE_MESSAGE, INACTIVE, FALLING, "kpi.errors.filter", *CARD_LABELS.values()]
    ids += [a.title_id for a in ACHIEVEMENTS] + [a.description_id for a in ACHIEVEMENTS]
    assert [key for key in ids if key not in catalog] == []
    assert "{needed}" in catalog[MASTERY_RULE_MESSAGE]
    assert "{window}" in catalog[MASTERY_RULE_MESSAGE]
