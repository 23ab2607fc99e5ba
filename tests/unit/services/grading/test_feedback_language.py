"""Feedback reaches each reader in their language: verdicts carry a code and parameters, and
the words a checker puts in them are translated too."""

from __future__ import annotations

from mathkallos import i18n
from mathkallos.services.grading import check_answer_unbounded
from mathkallos.services.grading.feedback import localized, render_pairs


def test_a_verdict_can_be_read_in_russian_with_its_numbers_filled_in():
    verdict = check_answer_unbounded("{1, 5}", "{1, 2, 3}", "set")
    assert verdict.code == "elements_wrong"
    assert render_pairs(verdict.code, verdict.params, "en") == verdict.feedback
    russian = render_pairs(verdict.code, verdict.params, "ru")
    assert russian.startswith("Неверно")
    assert "не хватает элементов: 2" in russian
    assert "лишних: 1" in russian


def test_the_words_a_checker_passes_are_translated_as_well():
    verdict = check_answer_unbounded("x + 1", "x = 2", "equation")
    assert verdict.code == "wrong_type"
    russian = render_pairs(verdict.code, verdict.params, "ru")
    assert "уравнение" in russian
    assert "выражение" in russian
    assert "equation" not in russian


def test_every_feedback_code_has_both_languages():
    catalogue = i18n.keys()
    codes = [key for key in catalogue if key.startswith("grading.") and ".term." not in key]
    assert len(codes) > 30
    for key in codes:
        assert i18n.translate(key, "en") != i18n.translate(key, "ru"), key


def test_feedback_stored_without_a_code_is_shown_as_it_was_saved():
    assert localized("", {}, "Saved text.", "ru") == "Saved text."
    assert localized("correct", {}, "Correct.", "ru") == "Верно."
