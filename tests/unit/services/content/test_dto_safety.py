"""DESIGN invariant 1: the student view of a problem cannot carry its key or solution."""

from dataclasses import asdict, fields

from mathkallos.models.content import Problem
from mathkallos.services.content.dto import ProblemAuthoring, ProblemPublic
from mathkallos.services.content.views import problem_authoring, problem_public

SECRET_FIELDS = {"answer_key", "checker_settings", "solution", "hints", "rating", "status"}


def _problem(**overrides) -> Problem:
    values = {
        "id": 7,
        "statement": "Find the minimum of $x + 4/x$ for $x > 0$.",
        "kind": "choice",
        "options": [{"label": "a", "text": "2"}, {"label": "b", "text": "4"}],
        "answer_key": "b",
        "checker_settings": {"abs_tol": 0.5, "alternatives": ["SECRET-ALT"]},
        "hints": ["SECRET-HINT-ONE", "SECRET-HINT-TWO"],
        "solution": "SECRET-SOLUTION by AM-GM",
        "difficulty": 3,
        "topics": ["inequalities"],
    }
    values.update(overrides)
    return Problem(**values)


def test_problem_public_has_no_field_for_keys_settings_solution_or_hint_text():
    names = {f.name for f in fields(ProblemPublic)}
    assert names.isdisjoint(SECRET_FIELDS)
    assert "hint_count" in names


def test_problem_public_of_a_real_row_contains_no_secret_text():
    view = problem_public(_problem(kind="string", options=[], answer_key="SECRET-KEY"))
    dumped = repr(asdict(view))
    for secret in ("SECRET-KEY", "SECRET-ALT", "SECRET-HINT", "SECRET-SOLUTION", "abs_tol"):
        assert secret not in dumped
    assert view.hint_count == 2
    assert view.statement.startswith("Find the minimum")


def test_choice_problem_shows_options_and_whether_several_may_be_chosen():
    single = problem_public(_problem())
    several = problem_public(_problem(answer_key="a, b"))
    assert [o.label for o in single.options] == ["a", "b"]
    assert (single.multiple, several.multiple) == (False, True)


def test_authoring_view_is_complete_for_the_editor():
    view = problem_authoring(_problem())
    assert isinstance(view, ProblemAuthoring)
    assert view.answer_key == "b"
    assert view.hints == ["SECRET-HINT-ONE", "SECRET-HINT-TWO"]
    assert view.solution.startswith("SECRET-SOLUTION")
