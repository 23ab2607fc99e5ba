"""Validation rules shared by the editor and the importer (pure functions, no database)."""

import pytest

from mathkallos.models.content import ProblemKind
from mathkallos.services.content.rules import (
    choice_key_labels,
    grading_settings,
    issues_for_course,
    issues_for_problem,
    issues_for_section,
    issues_for_test,
    raise_invalid,
    slugify,
)
from mathkallos.services.errors import InvalidInput
from mathkallos.services.grading import KINDS

GOOD_COURSE = {
    "title": "Inequalities",
    "slug": "inequalities",
    "summary": "",
    "topics": ["inequalities", "number theory"],
    "level": "regional",
    "price": 0,
}
GOOD_PROBLEM = {
    "statement": "Compute $2+2$.",
    "kind": "numeric",
    "answer_key": "4",
    "checker_settings": {},
    "options": [],
    "hints": ["Add."],
    "solution": "4",
    "difficulty": 2,
    "topics": ["algebra"],
    "source": "",
    "status": "draft",
}


def _fields(issues):
    return {(i.field, i.message) for i in issues}


def test_problem_kinds_are_exactly_the_grading_engines():
    assert {k.value for k in ProblemKind} == set(KINDS)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Number theory for olympiads", "number-theory-for-olympiads"),
        ("  AM–GM & Cauchy–Schwarz! ", "am-gm-cauchy-schwarz"),
        ("Théorème de Fermat", "theoreme-de-fermat"),
        ("Теория чисел", ""),
    ],
)
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_a_good_course_has_no_issues():
    assert issues_for_course(**GOOD_COURSE) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"title": "   "}, ("title", "content.errors.required")),
        ({"title": "x" * 201}, ("title", "content.errors.too_long")),
        ({"slug": "Not A Slug"}, ("slug", "content.errors.slug_invalid")),
        ({"level": "galactic"}, ("level", "content.errors.level_unknown")),
        ({"price": -1}, ("price", "content.errors.price_invalid")),
        ({"topics": ["Algebra!"]}, ("topics", "content.errors.topic_invalid")),
        ({"topics": "algebra"}, ("topics", "content.errors.topic_invalid")),
    ],
)
def test_course_issues_name_the_field(change, expected):
    assert expected in _fields(issues_for_course(**{**GOOD_COURSE, **change}))


def test_section_video_must_be_a_web_link():
    issues = issues_for_section(title="AM-GM", slug="am-gm", video_url="javascript:alert(1)")
    assert _fields(issues) == {("video_url", "content.errors.url_invalid")}
    assert issues_for_section(title="AM-GM", slug="am-gm", video_url="https://v.example/1") == []


def test_exam_needs_a_duration_and_pass_score_is_a_percentage():
    base = {"title": "Exam", "slug": "exam", "mode": "exam", "pass_score": 60}
    assert ("duration_minutes", "content.errors.duration_required") in _fields(
        issues_for_test(**base, duration_minutes=None)
    )
    assert issues_for_test(**base, duration_minutes=45) == []
    assert ("pass_score", "content.errors.pass_score_range") in _fields(
        issues_for_test(**{**base, "pass_score": 101}, duration_minutes=45)
    )
    practice = {**base, "mode": "practice"}
    assert issues_for_test(**practice, duration_minutes=None) == []


def test_a_good_problem_has_no_issues():
    assert issues_for_problem(**GOOD_PROBLEM) == []


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"difficulty": 11}, "difficulty", "content.errors.difficulty_range"),
        ({"difficulty": 0}, "difficulty", "content.errors.difficulty_range"),
        ({"kind": "essay"}, "kind", "content.errors.kind_unknown"),
        ({"answer_key": "x + 1"}, "answer_key", "content.errors.key_invalid"),
        ({"answer_key": "2 +"}, "answer_key", "content.errors.key_invalid"),
        ({"answer_key": ""}, "answer_key", "content.errors.required"),
        ({"statement": ""}, "statement", "content.errors.required"),
        ({"status": "approved"}, "status", "content.errors.status_unknown"),
        ({"hints": ["ok", "  "]}, "hints", "content.errors.list_of_texts"),
        ({"checker_settings": {"tolerance": 1}}, "answer_key", "content.errors.key_invalid"),
    ],
)
def test_problem_issues_name_the_field(change, field, message):
    assert (field, message) in _fields(issues_for_problem(**{**GOOD_PROBLEM, **change}))


def test_bad_key_issue_carries_the_grading_engines_explanation():
    (issue,) = issues_for_problem(
        **{**GOOD_PROBLEM, "kind": "matrix", "answer_key": "[[1, 2], [3]]"}
    )
    assert issue.field == "answer_key"
    assert issue.detail


def test_choice_needs_two_distinct_labelled_options_and_a_key_among_them():
    choice = {**GOOD_PROBLEM, "kind": "choice", "answer_key": "b"}
    two = [{"label": "a", "text": "1"}, {"label": "b", "text": "2"}]
    assert issues_for_problem(**{**choice, "options": two}) == []
    assert ("options", "content.errors.options_invalid") in _fields(
        issues_for_problem(**{**choice, "options": two[:1]})
    )
    assert ("options", "content.errors.options_invalid") in _fields(
        issues_for_problem(**{**choice, "options": [two[0], two[0]]})
    )
    assert ("answer_key", "content.errors.key_invalid") in _fields(
        issues_for_problem(**{**choice, "options": two, "answer_key": "c"})
    )
    assert ("options", "content.errors.options_only_choice") in _fields(
        issues_for_problem(**{**GOOD_PROBLEM, "options": two})
    )


def test_choice_settings_learn_the_option_labels():
    options = [{"label": "a", "text": "1"}, {"label": "b", "text": "2"}]
    assert grading_settings("choice", {}, options)["options"] == ["a", "b"]
    assert "options" not in grading_settings("numeric", {}, [])
    assert choice_key_labels("A, c;d") == ["a", "c", "d"]


def test_raise_invalid_reports_the_first_field_and_all_issues():
    issues = issues_for_course(**{**GOOD_COURSE, "title": "", "price": -5})
    with pytest.raises(InvalidInput) as caught:
        raise_invalid(issues)
    assert caught.value.field == "title"
    assert {e.field for e in caught.value.errors} == {"title", "price"}
    raise_invalid([])  # nothing to report: no exception
