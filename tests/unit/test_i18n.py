import re

import pytest

from mathkallos import i18n

PLACEHOLDER = re.compile(r"{(\w+)}")


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_string_is_translated_in_every_language(lang: str):
    catalog = i18n.catalog(lang)
    blank = [key for key, text in catalog.items() if not text.strip()]
    assert blank == []
    assert set(catalog) == set(i18n.keys())


def test_placeholders_match_between_languages():
    english, russian = i18n.catalog("en"), i18n.catalog("ru")
    mismatched = [
        key
        for key in english
        if set(PLACEHOLDER.findall(english[key])) != set(PLACEHOLDER.findall(russian[key]))
    ]
    assert mismatched == []


def test_russian_catalog_is_really_russian():
    russian = i18n.catalog("ru")
    assert russian["nav.courses"] == "Курсы"
    assert russian["not_found.title"] != i18n.catalog("en")["not_found.title"]


@pytest.mark.parametrize(
    ("preference", "header", "expected"),
    [
        ("ru", "en-US,en;q=0.9", "ru"),  # a saved choice wins over the browser
        ("", "ru-RU,ru;q=0.9,en;q=0.8", "ru"),
        ("", "de-DE,de;q=0.9,en;q=0.5,ru;q=0.7", "ru"),  # best supported by weight
        ("", "de-DE", "en"),  # nothing supported: English
        ("", "", "en"),
        ("xx", "garbage;q=abc,ru", "ru"),  # junk is ignored, not fatal
    ],
)
def test_language_follows_preference_then_browser(preference, header, expected):
    assert i18n.negotiate(preference, header) == expected


def test_translate_fills_placeholders_and_survives_unknown_keys():
    assert i18n.translate("nav.login", "ru") == "Войти"
    assert i18n.translate("no.such.key", "ru") == "no.such.key"
