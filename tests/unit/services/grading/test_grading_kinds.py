"""Every kind: a right answer in another form gets credit, a wrong one does not, with feedback."""

import pytest

from mathkallos.services.grading import check_answer, check_answer_unbounded, validate_key


def verdict(answer: str, key: str, kind: str, **settings: object):
    return check_answer(answer, key, kind, **settings)


@pytest.mark.parametrize(
    ("answer", "key", "kind", "settings"),
    [
        ("(x+1)^2", "x^2+2x+1", "symbolic", {}),
        ("sqrt(x^2)", "x", "symbolic", {"domain": "positive"}),
        ("x^3/3 + C", "x^3/3", "symbolic", {"constant_of_integration": True}),
        ("7pi/3", "pi/3", "symbolic", {"periodic": "2pi"}),
        (r"\frac{\sqrt{2}}{2}", "1/sqrt(2)", "numeric", {}),
        ("3.14", "pi", "numeric", {"abs_tol": 0.01}),
        ("{3,2,1}", "{1,2,3}", "set", {}),
        ("x=2 or x=-2", "{2,-2}", "set", {}),
        ("[1,2,3]", "(1,2,3)", "tuple", {}),
        (r"\begin{pmatrix}1&2\\3&4\end{pmatrix}", "[[1,2],[3,4]]", "matrix", {}),
        ("x>=2", "[2, inf)", "interval", {}),
        ("x<=2 or x>3", "(-inf, 2] U (3, inf)", "interval", {}),
        ("2y=4x+2", "y=2x+1", "equation", {}),
        ("x=2 or x=-2", "x^2=4", "equation", {}),
        ("2e^(i pi/3)", "1+sqrt(3)i", "complex", {}),
        ("  PARIS ", "Paris", "string", {}),
        ("C, A", "A,C", "choice", {}),
        ("2x+1=5; 2x=4; x=2", "x=2", "steps", {}),
    ],
)
def test_right_answers_in_another_form_get_full_marks(answer, key, kind, settings) -> None:
    result = verdict(answer, key, kind, **settings)
    assert (result.status, result.correct, result.score) == ("checked", True, 1.0)
    assert result.feedback == "Correct."


@pytest.mark.parametrize(
    ("answer", "key", "kind", "settings", "code", "text"),
    [
        ("-x-1", "x+1", "symbolic", {}, "sign_error", "check the sign"),
        ("1-x", "(x-1)", "symbolic", {}, "sign_error", "check the sign"),
        ("-sqrt(2)/2", "1/sqrt(2)", "numeric", {}, "sign_error", "check the sign"),
        ("-2i", "2i", "complex", {}, "sign_error", "check the sign"),
        ("sqrt(x^2)", "x", "symbolic", {}, "incorrect", "Not correct"),
        ("ln(x)+C", "ln|x|", "symbolic", {"constant_of_integration": True}, "incorrect", "Not"),
        (
            "x^3/3",
            "x^3/3",
            "symbolic",
            {"constant_of_integration": True},
            "missing_constant",
            "constant of integration",
        ),
        (
            "x^2+2x+1",
            "(x+1)^2",
            "symbolic",
            {"form": "factored"},
            "equivalent_not_factored",
            "not fully factored",
        ),
        (
            "(x+1)^2",
            "x^2+2x+1",
            "symbolic",
            {"form": "expanded"},
            "equivalent_not_expanded",
            "not expanded",
        ),
        (
            "2/4",
            "1/2",
            "symbolic",
            {"form": "simplified_fraction"},
            "equivalent_not_simplified_fraction",
            "not simplified",
        ),
        ("1.414", "sqrt(2)", "numeric", {}, "exact_expected", "exact value is expected"),
        ("0.5", "1/2", "numeric", {"exact": True}, "exact_expected", "exact value"),
        ("3.1", "pi", "numeric", {"sig_figs": 3}, "sig_figs", "3 significant figures"),
        ("3.2", "pi", "numeric", {"abs_tol": 0.01}, "outside_tolerance", "tolerance"),
        ("{1,2}", "{1,2,3}", "set", {}, "elements_wrong", "1 expected element(s) missing"),
        ("(2,1,3)", "(1,2,3)", "tuple", {}, "wrong_order", "wrong order"),
        ("(1,2)", "(1,2,3)", "tuple", {}, "wrong_length", "Expected 3 component(s), got 2"),
        ("[[1,2],[3,5]]", "[[1,2],[3,4]]", "matrix", {}, "matrix_entries", "1 entr"),
        ("x>2", "[2, inf)", "interval", {}, "interval_endpoints", "endpoints"),
        ("y=2x-1", "y=2x+1", "equation", {}, "not_same_solutions", "same solutions"),
        ("x=2", "x^2=4", "equation", {}, "not_same_solutions", "same solutions"),
        ("1-sqrt(3)i", "1+sqrt(3)i", "complex", {}, "incorrect", "Not correct"),
        ("London", "Paris", "string", {}, "incorrect", "Not correct"),
        ("A,B", "A,C", "choice", {"partial_credit": True}, "choice_partial", "1 of 2"),
        (
            "2x+1=5; 2x=6; x=3",
            "x=2",
            "steps",
            {},
            "step_wrong",
            "Step 2 does not follow from step 1",
        ),
    ],
)
def test_wrong_answers_get_no_full_marks_and_named_feedback(
    answer, key, kind, settings, code, text
) -> None:
    result = verdict(answer, key, kind, **settings)
    assert result.status == "checked"
    assert not result.correct
    assert result.score < 1
    assert result.code == code
    assert text in result.feedback


def test_partial_credit_scores_are_proportional() -> None:
    assert verdict("A", "A,C", "choice", partial_credit=True).score == 0.5
    assert verdict("{1,2,3}", "{1,2,3,4}", "set", partial_credit=True).score == 0.75


@pytest.mark.parametrize(
    ("answer", "kind", "code"),
    [
        ("sin(x))", "symbolic", "syntax_error"),
        ("x^", "numeric", "syntax_error"),
        ("{1,2}", "numeric", "wrong_type"),
        ("x+1", "numeric", "number_expected"),
        ("[0,", "interval", "syntax_error"),
        ("E", "choice", "choice_unknown_option"),
    ],
)
def test_malformed_answers_never_cost_marks(answer: str, kind: str, code: str) -> None:
    keys = {"symbolic": "x", "numeric": "1", "interval": "[0,1]", "choice": "A"}
    settings = {"options": ["A", "B"]} if kind == "choice" else {}
    result = verdict(answer, keys[kind], kind, **settings)
    assert (result.status, result.score, result.code) == ("invalid_input", 0.0, code)
    assert result.feedback


def test_proofs_wait_for_a_teacher() -> None:
    result = verdict("Suppose sqrt(2) = p/q in lowest terms...", "", "proof")
    assert result.status == "needs_review"
    assert not result.correct


def test_bad_keys_are_reported_row_by_row_and_never_blame_the_student() -> None:
    assert validate_key("x^2+1", "symbolic") == []
    assert validate_key("(x+1", "symbolic")
    assert validate_key("x", "numeric") == ["a numeric key must be a number"]
    assert validate_key("1", "numeric", tolerance=3) == ["unknown setting 'tolerance'"]
    assert validate_key("[", "string", regex="[")
    assert validate_key("1", "nonsense")
    assert verdict("1", "(x+1", "symbolic").status == "needs_review"


def test_one_key_read_once_judges_many_periodic_and_antiderivative_answers() -> None:
    """The key's family, period and constant-free form are built once per key and shared."""
    periodic = {"periodic": "2pi"}
    for answer, code in [
        ("pi/3 + 2pi n", "correct"),
        ("7pi/3 + 2pi m", "correct"),
        ("7pi/3", "incorrect"),  # one solution where the general solution is asked for
        ("pi/3 + pi n", "incorrect"),
        ("pi/3 - 2pi n", "correct"),
    ]:
        assert check_answer_unbounded(answer, "pi/3 + 2pi n", "symbolic", **periodic).code == code
    constant = {"constant_of_integration": True}
    for answer, code in [
        ("x^3/3", "missing_constant"),
        ("x^3/3+K", "correct"),
        ("x^3/3+x", "incorrect"),
        ("(x^3+1)/3 + C", "correct"),
    ]:
        assert check_answer_unbounded(answer, "x^3/3 + C", "symbolic", **constant).code == code
