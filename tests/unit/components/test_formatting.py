from datetime import UTC, datetime

import pytest

from mathkallos.components.formatting import attempt_title, moment_text, score_text


@pytest.mark.parametrize(
    ("score", "expected"),
    [(2.0, "2"), (2.5, "2.5"), (1.33333, "1.33"), (0.0, "0"), (None, "—")],
)
def test_scores_show_without_noise(score, expected):
    assert score_text(score) == expected


def test_moments_show_to_the_minute_in_utc():
    assert moment_text(datetime(2026, 3, 1, 9, 5, 59, tzinfo=UTC)) == "2026-03-01 09:05 UTC"
    assert moment_text(None) == ""


def test_an_attempt_is_called_by_its_test_or_as_the_practice_of_its_topic():
    assert attempt_title("AM–GM warm-up", None, "en") == "AM–GM warm-up"
    assert attempt_title("", "number theory", "en") == "Practice: Number theory"
    assert attempt_title("", "number theory", "ru") == "Практика: Теория чисел"
    assert attempt_title("", "knot theory", "en") == "Practice: knot theory"  # unknown tag
