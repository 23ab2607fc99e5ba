"""The topic-practice selection rule on plain values: the student's level from the mastery
window, unsolved problems nearest it first, then solved ones with the weakest record."""

from datetime import datetime

import pytest

from mathkallos.services.attempts.topics import Record, level_on_topic, order_problems

DAY = datetime(2026, 3, 1)


@pytest.mark.parametrize(
    ("correct", "answers", "level"), [(0, 0, 5), (0, 4, 1), (4, 4, 10), (1, 2, 6), (8, 10, 8)]
)
def test_the_level_follows_recent_accuracy_on_the_topic(correct, answers, level):
    window = [[DAY.isoformat(), n, n < correct] for n in range(answers)]
    assert level_on_topic(window) == level


def test_unsolved_problems_nearest_the_level_come_first_ties_to_the_easier():
    candidates = [(1, 2), (2, 4), (3, 6), (4, 9), (5, 5)]
    assert order_problems(candidates, {}, 5, 4) == [5, 2, 3, 1]


def test_a_problem_answered_wrongly_is_still_unsolved():
    wrong = {1: Record(answers=2, correct=0, last_at=DAY)}
    assert order_problems([(1, 9), (2, 5)], wrong, 5, 5) == [2, 1]


def test_solved_problems_fill_the_set_weakest_record_then_longest_ago_first():
    records = {
        1: Record(answers=1, correct=1, last_at=DAY.replace(day=3)),
        2: Record(answers=2, correct=1, last_at=DAY.replace(day=5)),
        3: Record(answers=1, correct=1, last_at=DAY.replace(day=2)),
    }
    candidates = [(1, 5), (2, 5), (3, 5), (4, 1)]
    assert order_problems(candidates, records, 5, 5) == [4, 2, 3, 1]
    assert order_problems(candidates, records, 5, 2) == [4, 2]
