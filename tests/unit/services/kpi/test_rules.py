"""The KPI rules a student notices: XP and levels, local days and streaks, mastery, risk."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest

from mathkallos.services.kpi import rules
from mathkallos.services.kpi.risk import is_falling


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _zone(name: str):
    return rules.user_timezone({"timezone": name})


# XP and levels


def test_a_correct_answer_of_average_difficulty_earns_ten_xp():
    assert rules.answer_xp(score=1.0, points=1, difficulty=5) == 10
    assert rules.answer_xp(score=3.0, points=3, difficulty=5) == 10  # points do not inflate XP


def test_xp_scales_with_the_share_of_points_and_with_difficulty():
    assert rules.answer_xp(score=1.0, points=2, difficulty=5) == 5
    assert rules.answer_xp(score=1.0, points=1, difficulty=10) == 20
    assert rules.answer_xp(score=1.0, points=1, difficulty=1) == 2
    assert rules.answer_xp(score=1.0, points=1, difficulty=99) == 20  # clamped to 1..10


@pytest.mark.parametrize(("score", "points"), [(0.0, 1), (0.0, 5), (1.0, 0), (-1.0, 1)])
def test_a_wrong_or_pointless_answer_earns_no_xp(score, points):
    assert rules.answer_xp(score=score, points=points, difficulty=5) == 0


@pytest.mark.parametrize(
    ("xp", "level"), [(0, 1), (99, 1), (100, 2), (299, 2), (300, 3), (599, 3), (600, 4), (1000, 5)]
)
def test_levels_start_at_0_100_300_600_1000_xp(xp, level):
    assert rules.level_for(xp) == level


def test_each_level_needs_more_xp_than_the_one_before():
    gaps = [rules.level_threshold(n + 1) - rules.level_threshold(n) for n in range(1, 10)]
    assert gaps == sorted(gaps)
    assert len(set(gaps)) == len(gaps)


# Local days and streaks


def test_unknown_or_missing_time_zone_falls_back_to_utc():
    assert str(rules.user_timezone({"timezone": "Mars/Olympus"})) == "UTC"
    assert str(rules.user_timezone(None)) == "UTC"
    assert str(rules.user_timezone({})) == "UTC"


def test_half_past_eleven_in_los_angeles_is_still_the_local_day_before():
    at = _utc("2026-03-02T07:30:00")  # 23:30 on 1 March in Los Angeles (PST)
    assert rules.local_day(at, _zone("America/Los_Angeles")) == date(2026, 3, 1)
    assert rules.local_day(at, _zone("UTC")) == date(2026, 3, 2)
    assert rules.local_day(at, _zone("Pacific/Auckland")) == date(2026, 3, 2)


def test_two_sessions_an_hour_apart_across_local_midnight_make_a_two_day_streak():
    # 23:30 and 00:30 in Los Angeles: the same UTC day, two local days
    times = [_utc("2026-03-02T07:30:00"), _utc("2026-03-02T08:30:00")]
    la, utc = _zone("America/Los_Angeles"), _zone("UTC")
    assert rules.runs(rules.local_day(t, la) for t in times) == (2, 2)
    assert rules.runs(rules.local_day(t, utc) for t in times) == (1, 1)


def test_a_skipped_local_day_breaks_the_streak_even_if_utc_days_touch():
    # Moscow (UTC+3): 23:30 on 1 March, then 00:30 on 3 March; in UTC: 1 and 2 March
    times = [_utc("2026-03-01T20:30:00"), _utc("2026-03-02T21:30:00")]
    moscow = _zone("Europe/Moscow")
    assert [rules.local_day(t, moscow) for t in times] == [date(2026, 3, 1), date(2026, 3, 3)]
    assert rules.runs(rules.local_day(t, moscow) for t in times) == (1, 1)


@pytest.mark.parametrize(
    ("zone", "first_night"),
    [
        ("America/New_York", "2026-03-06T23:30:00"),  # clocks go forward on 8 March
        ("America/New_York", "2026-10-30T23:30:00"),  # and back on 1 November
        ("Pacific/Auckland", "2026-04-02T23:30:00"),  # back on 5 April
        ("Europe/Berlin", "2026-03-27T23:30:00"),  # forward on 29 March
    ],
)
def test_studying_at_half_past_eleven_every_night_across_a_dst_change_is_one_streak(
    zone, first_night
):
    tz = _zone(zone)
    local = datetime.fromisoformat(first_night)
    instants = [(local + timedelta(days=n)).replace(tzinfo=tz).astimezone(UTC) for n in range(5)]
    gaps = {b - a for a, b in pairwise(instants)}
    assert gaps != {timedelta(hours=24)}  # one night is 23 or 25 hours after the one before
    days = [rules.local_day(at, tz) for at in instants]
    assert days == [local.date() + timedelta(days=n) for n in range(5)]
    assert rules.runs(days) == (5, 5)


def test_runs_give_the_run_ending_on_the_last_day_and_the_longest():
    d = date(2026, 5, 1)
    days = [d, d + timedelta(1), d + timedelta(2), d + timedelta(5), d + timedelta(6)]
    assert rules.runs(days) == (2, 3)
    assert rules.runs([d, d, d + timedelta(1)]) == (2, 2)  # several actions a day count once
    assert rules.runs([]) == (0, 0)


def test_todays_streak_survives_until_a_whole_day_is_missed():
    d = date(2026, 5, 10)
    active = [d - timedelta(3), d - timedelta(2), d - timedelta(1)]
    assert rules.streak_on(active, d) == 3  # not studied yet today: still 3
    assert rules.streak_on([*active, d], d) == 4
    assert rules.streak_on(active, d + timedelta(1)) == 0  # all of 10 May missed


# Mastery


def _answers(results: list[bool], start: str = "2026-05-01T08:00:00") -> list:
    window: list = []
    for n, correct in enumerate(results):
        window = rules.push_recent(window, n + 1, _utc(start) + timedelta(hours=n), correct)
    return window


def _mastered(window: list) -> bool:
    return rules.is_mastered(sum(1 for entry in window if entry[2]))


def test_a_topic_is_mastered_with_eight_of_the_last_ten_answers_right():
    assert _mastered(_answers([True] * 8))
    assert not _mastered(_answers([True] * 7))
    assert _mastered(_answers([False, False] + [True] * 8))
    assert not _mastered(_answers([True] * 7 + [False] * 3))


def test_old_answers_leave_the_window_so_mastery_can_be_lost():
    window = _answers([True] * 10 + [False] * 3)
    assert len(window) == rules.MASTERY_WINDOW
    assert not _mastered(window)


def test_a_wrong_answer_never_turns_a_topic_mastered():
    for history in ([True] * 7, [True] * 7 + [False], [False] * 3 + [True] * 7):
        before = _answers(history)
        after = rules.push_recent(before, 999, _utc("2026-06-01T00:00:00"), False)
        assert not _mastered(before)
        assert not _mastered(after)


def test_the_window_does_not_depend_on_the_order_answers_arrive_in():
    results = [True, False, True, True, False, True, True, True, True, False, True, True]
    entries = [(n + 1, _utc("2026-05-01T08:00:00") + timedelta(hours=n), c)
               for n, c in enumerate(results)]
    forward: list = []
    backward: list = []
    for answer_id, at, correct in entries:
        forward = rules.push_recent(forward, answer_id, at, correct)
    for answer_id, at, correct in reversed(entries):
        backward = rules.push_recent(backward, answer_id, at, correct)
    assert forward == backward


def test_regrading_an_answer_replaces_it_in_the_window():
    window = _answers([True] * 7 + [False])
    regraded = rules.push_recent(window, 8, _utc("2026-05-01T15:00:00"), True)
    assert len(regraded) == 8
    assert _mastered(regraded)
    removed = rules.push_recent(regraded, 8, None, False)
    assert [entry[1] for entry in removed] == list(range(1, 8))


def test_mastery_seven_days_ago_looks_only_at_answers_given_by_then():
    window = _answers([True] * 8, start="2026-05-01T08:00:00")  # the 8th on 1 May 15:00
    utc = _zone("UTC")
    assert rules.was_mastered(window, date(2026, 5, 1), utc)
    assert not rules.was_mastered(window, date(2026, 4, 30), utc)
    assert not rules.was_mastered(window[:-1], date(2026, 5, 1), utc)


# Figures


def test_percent_and_quantize():
    assert rules.percent(2, 3) == 66.7
    assert rules.percent(0, 0) is None
    assert rules.quantize(0.1 + 0.2 - 0.3) == 0.0
    assert rules.quantize(0.1 + 0.2) == 0.3


def test_scores_falling_by_ten_points_put_a_student_at_risk():
    assert is_falling([90, 90, 90, 80, 80, 80])
    assert not is_falling([90, 90, 90, 85, 85, 85])
    assert not is_falling([90, 90, 10, 10, 10])  # too few attempts to tell
    assert not is_falling([50, 50, 50, 90, 90, 90])
