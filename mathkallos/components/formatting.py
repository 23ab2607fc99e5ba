"""How figures, moments and attempts look on the page: scores without noise, times in UTC,
an attempt by its test's title or as the practice of its topic."""

from __future__ import annotations

from datetime import datetime

from mathkallos import i18n


def score_text(score: float | None) -> str:
    """2.0 → "2", 2.5 → "2.5", 1.33333 → "1.33"; no score yet → "—"."""
    if score is None:
        return "—"
    return f"{round(score, 2):g}"


def moment_text(moment: datetime | None) -> str:
    """A stored moment (always UTC) to the minute; nothing → ""."""
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M UTC")


def attempt_title(test_title: str, topic: str | None, lang: str) -> str:
    """What an attempt is called wherever a test's title is shown: the title, or for the
    practice of a topic "Practice: <topic>" (the topic in the reader's language if known)."""
    if topic is None:
        return test_title
    return i18n.translate(
        "attempts.topic_title", lang, topic=i18n.translate_tag("topic.", topic, lang)
    )
