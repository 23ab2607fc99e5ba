"""Feedback reaches each reader in their language: verdicts carry a code and parameters, and
the words a checker puts in them are translated too."""

from __future__ import annotations

import pytest

from mathkallos import i18n
from mathkallos.services.grading import check_answer, check_answer_unbounded, preview
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


def test_a_syntax_error_says_where_and_why_in_the_readers_language():
    verdict = check_answer_unbounded("sin(x))", "x")
    assert verdict.status == "invalid_input"
    assert verdict.feedback == "Could not read your answer: unexpected ')' at position 7."
    russian = render_pairs(verdict.code, verdict.params, "ru")
    assert russian == "Не удалось прочитать ответ: неожиданный символ «)» в позиции 7."


def test_advice_inside_a_syntax_error_is_translated_with_it():
    verdict = check_answer_unbounded("sinx", "sin(x)")
    russian = render_pairs(verdict.code, verdict.params, "ru")
    assert "неизвестное имя «sinx» в позиции 1" in russian
    assert "возможно, имелось в виду sin(x)?" in russian
    assert "did you mean" not in russian


def test_the_live_preview_explains_in_russian_too():
    shown = preview("sinx")
    assert shown.error == "unknown name 'sinx' at position 1"
    assert shown.error_in("ru") == "неизвестное имя «sinx» в позиции 1"
    assert shown.hints_in("ru")[0].startswith("возможно, имелось в виду sin(x)?")
    assert preview("xy").hints_in("ru") == ("«xy» прочитано как x*y",)


@pytest.mark.parametrize(
    "text",
    [
        "sin(x))",
        "x.y",
        "__import__('os')",
        "lambda",
        "foobar + 1",
        r"\foo{x}",
        "(1+2",
        "()",
        "sin(1, 2)",
        "max()",
        "sin_2(x)",
        r"\mathbb{Z}",
        "{1,2} + 1",
        "(" * 60 + "x" + ")" * 60,
        "x" * 3000,
    ],
)
def test_every_parser_message_exists_in_both_languages(text: str):
    shown = preview(text)
    english, russian = shown.error, shown.error_in("ru")
    assert english
    assert russian != english
    assert not russian.startswith("grading.")


def test_an_answer_refused_for_its_length_before_the_pool_is_explained_in_russian():
    verdict = check_answer("x" * 100_000, "x")
    assert "100000" in verdict.feedback
    assert "ответ слишком длинный" in render_pairs(verdict.code, verdict.params, "ru")
