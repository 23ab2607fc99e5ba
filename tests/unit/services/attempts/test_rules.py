"""The test runner's pure rules: time capping, the server's deadline, scores, limits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mathkallos.services.attempts import rules
from mathkallos.services.errors import InvalidInput

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("reported", "counted"),
    [(45, 45), (45.9, 45), (-5, 0), (8 * 3600, 600), (True, 0), ("600", 0), (None, 0)],
)
def test_reported_time_is_clamped_to_one_interaction(reported, counted):
    assert rules.cap_seconds(reported) == counted


def test_the_deadline_is_start_plus_duration_and_untimed_exams_have_none():
    assert rules.deadline_for(T0, 90) == T0 + timedelta(minutes=90)
    assert rules.deadline_for(T0, None) is None
    assert rules.seconds_left(None, T0) is None


def test_an_answer_in_flight_gets_a_short_grace_and_no_more():
    deadline = T0 + timedelta(minutes=30)
    assert not rules.is_past_deadline(deadline, deadline + timedelta(seconds=1))
    assert rules.is_past_deadline(deadline, deadline + timedelta(seconds=3))
    assert not rules.is_past_deadline(None, T0 + timedelta(days=365))
    assert rules.seconds_left(deadline, deadline + timedelta(minutes=5)) == 0


def test_an_expired_exam_used_exactly_its_time():
    deadline = T0 + timedelta(minutes=30)
    assert rules.time_used(T0, T0 + timedelta(hours=5), deadline) == 30 * 60
    assert rules.time_used(T0, T0 + timedelta(minutes=12), deadline) == 12 * 60


def test_totals_add_points_and_stay_provisional_while_a_proof_waits():
    final = rules.totals([(2.0, 2, "checked"), (None, 1, "unanswered"), (1.5, 3, "reviewed")])
    assert (final.score, final.max_score, final.provisional) == (3.5, 6.0, False)
    pending = rules.totals([(2.0, 2, "checked"), (None, 3, "needs_review")])
    assert (pending.score, pending.provisional) == (2.0, True)
    assert rules.passed(pending.score, pending.max_score, 60, pending.provisional) is None
    assert rules.passed(3.5, 6.0, 60, False) is False
    assert rules.passed(3.6, 6.0, 60, False) is True


def test_practice_keeps_the_best_try_unless_the_problem_was_given_up():
    assert rules.practice_score(2.0, 0.0, given_up=False) == 2.0
    assert rules.practice_score(None, 1.5, given_up=False) == 1.5
    assert rules.practice_score(2.0, 2.0, given_up=True) == 0.0
    assert rules.points_for(0.5, 3) == 1.5
    assert rules.points_for(7.0, 3) == 3.0


@pytest.mark.parametrize("answer", ["", "   ", None, 42, "x" * (rules.MAX_ANSWER_LENGTH + 1)])
def test_empty_or_huge_answers_are_refused(answer):
    with pytest.raises(InvalidInput):
        rules.clean_answer(answer)


@pytest.mark.parametrize("score", [-1, 3.5, True, "2", None])
def test_a_review_score_must_lie_within_the_problem_points(score):
    with pytest.raises(InvalidInput) as refused:
        rules.review_score(score, 3)
    assert refused.value.params == {"points": 3}


def test_a_review_score_within_range_is_kept():
    assert rules.review_score(0, 3) == 0.0
    assert rules.review_score(2.5, 3) == 2.5
