"""The typed-tree path: an answer sampled as typed, and rational functions compared exactly,
decide exactly as the evaluated answer does, and refuse what they cannot stand for."""

import time
from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from mathkallos.services.grading import check_answer_unbounded, validate_key
from mathkallos.services.grading.equivalence import equivalent, numerically_equal
from mathkallos.services.grading.numeric import NotRational, exact_value, number_sign
from mathkallos.services.grading.parser import parse
from mathkallos.services.grading.typed import polynomial_with_absolutes, stands_for_evaluation

from .test_grading_properties import EXPRESSIONS, PROPERTY, _parse_expr


def _typed(text: str) -> sympy.Basic:
    return parse(text).value


@pytest.mark.parametrize(
    "text",
    [
        *("x^2+2x+1", "(x+1)/(x-1)", "sin(x)^2+cos(x)^2", "e^(2x)", "2^x", "x/(2pi)"),
        *("|x-1|", "sqrt(x^2+1)", "ln(x)", "log(x, 2)", "(sqrt(6)-sqrt(2))/4", "sin(pi/12)"),
    ],
)
def test_common_answers_are_sampled_as_typed(text: str) -> None:
    assert stands_for_evaluation(_typed(text), "real")


@pytest.mark.parametrize(
    "text",
    [
        "1/(2-2)",  # evaluates to zoo: an undefined answer
        "x/(1-1)",
        "tan(pi/2)",
        "ln(0)",
        "asin(2)",
        "2^(10^10)",  # the guards judge the evaluated exponent
        "x^100000",
        "e^(i pi)",
        "n!",
    ],
)
def test_what_evaluation_changes_is_evaluated(text: str) -> None:
    assert not stands_for_evaluation(_typed(text), "real")


def test_a_typed_tree_undefined_at_a_point_leaves_it_to_the_evaluation() -> None:
    x = sympy.Symbol("x")
    for text in ["sqrt(x)^2", "exp(ln(x))", "sin(asin(x))"]:  # all evaluate to x
        assert stands_for_evaluation(_typed(text), "real")
        assert numerically_equal(_typed(text), x, "real", total=True) is None
        assert check_answer_unbounded(text, "x", "symbolic").correct
    assert numerically_equal(_typed("sqrt(x^2)"), sympy.Abs(x), "real", total=True) is True


def test_integers_and_i_need_the_evaluation() -> None:
    assert not stands_for_evaluation(_typed("x/x"), "integer")
    assert not stands_for_evaluation(_typed("3+4i"), "real")
    assert stands_for_evaluation(_typed("3+4i"), "complex")


@PROPERTY
@given(EXPRESSIONS, EXPRESSIONS)
def test_typed_answer_decides_as_its_evaluation(first: str, second: str) -> None:
    answer, key = _parse_expr(first), _parse_expr(second)
    if answer is None or key is None or not stands_for_evaluation(_typed(first), "real"):
        return
    settled = numerically_equal(_typed(first), key, "real", total=True)
    assert settled is None or settled == equivalent(answer, key)
    assert numerically_equal(_typed(first), answer, "real", total=True) in (True, None)


RATIONAL = st.recursive(
    st.sampled_from(["x", "y", "2", "3", "1/2", "-5"]),
    lambda children: st.one_of(
        st.tuples(children, st.sampled_from(["+", "-", "*", "/"]), children).map(
            lambda t: f"({t[0]}){t[1]}({t[2]})"
        ),
        st.tuples(children, st.sampled_from(["2", "3", "-1", "-2"])).map(
            lambda t: f"({t[0]})^{t[1]}"
        ),
    ),
    max_leaves=8,
)


@PROPERTY
@given(RATIONAL, st.integers(-(10**6), 10**6), st.integers(-(10**6), 10**6))
def test_exact_values_are_sympys(text: str, x: int, y: int) -> None:
    expr = _parse_expr(text)
    if expr is None:
        return
    symbols = {sympy.Symbol("x"): sympy.Integer(x), sympy.Symbol("y"): sympy.Integer(y)}
    try:
        numerator, denominator = exact_value(_typed(text), {s: int(v) for s, v in symbols.items()})
    except ZeroDivisionError:  # a pole of the typed tree, perhaps a hole of the evaluation
        return
    exact = expr.xreplace(symbols)
    assert denominator > 0
    assert Fraction(numerator, denominator) == Fraction(int(exact.p), int(exact.q))


def test_exact_values_refuse_other_nodes() -> None:
    x = sympy.Symbol("x")
    for text in ["sqrt(x)", "sin(x)", "0.5x", "x^65"]:
        with pytest.raises(NotRational):
            exact_value(_typed(text), {x: 3})
    with pytest.raises(ZeroDivisionError):
        exact_value(_typed("1/(x-3)"), {x: 3})


@pytest.mark.parametrize(
    ("answer", "key", "expected"),
    [
        ("x^2+2x+1", "(x+1)^2", "correct"),
        ("(x^2-1)/(x-1)", "x+1", "correct"),  # a hole is not a difference
        ("x^2+2x", "(x+1)^2", "incorrect"),
        ("-(x+1)^2", "(x+1)^2", "sign_error"),
        ("sqrt(x)^2", "x", "correct"),  # decided on the evaluation, as before
        ("1/(x-x)", "x", "syntax_error"),  # undefined: the evaluation says so
    ],
)
def test_verdicts_through_the_typed_path(answer: str, key: str, expected: str) -> None:
    assert check_answer_unbounded(answer, key, "symbolic").code == expected


def test_hostile_typed_answers_are_bounded() -> None:
    started = time.perf_counter()
    for answer in ["+".join(["x^64"] * 300), "(" * 40 + "x+1" + ")^64" * 40, "2^x^x^x^x^x"]:
        check_answer_unbounded(answer, "x", "symbolic")
    assert time.perf_counter() - started < 5


def test_typed_keys_keep_the_authors_errors_and_verdicts() -> None:
    assert validate_key("1/(x-x)", "symbolic")  # defined nowhere: evaluated, undefined
    assert validate_key("2^(10^10)", "numeric")
    assert not validate_key("sqrt(z^2)", "complex")
    assert check_answer_unbounded("z", "sqrt(z^2)", "complex").code == "incorrect"
    assert check_answer_unbounded("(sqrt(6)-sqrt(2))/4", "sin(pi/12)", "numeric").correct
    assert check_answer_unbounded("-sin(x)", "sin(-x)", "symbolic").correct
    assert check_answer_unbounded("sin(x)", "sin(-x)", "symbolic").code == "sign_error"


def test_constant_exponents_and_arguments_pass_the_guards_first() -> None:
    assert stands_for_evaluation(_typed("2e^(i pi/3)"), "complex")
    assert stands_for_evaluation(_typed("5e^(i atan(4/3))"), "complex")
    assert not stands_for_evaluation(_typed("e^(10^5)"), "complex")  # the guard's exponent
    assert not stands_for_evaluation(_typed("atan(i)"), "complex")  # a pole: zoo
    assert check_answer_unbounded("5e^(i atan(4/3))", "3+4i", "complex").correct
    assert check_answer_unbounded("e^(10^5)", "1", "numeric").status == "limit"


def test_lists_sets_and_matrices_of_typed_numbers() -> None:
    assert check_answer_unbounded("{sqrt(4), 3/6}", "{1/2, 2}", "set").correct
    assert check_answer_unbounded("(1/2, sin(pi/6))", "(0.5, 1/2)", "tuple").correct
    assert check_answer_unbounded("{1/0, 2}", "{2}", "set").code == "syntax_error"
    assert check_answer_unbounded("[[1, 2], [3, 2^2]]", "[[1,2],[3,4]]", "matrix").correct
    assert check_answer_unbounded("{x, 2}", "{2, x}", "set").correct  # evaluated as before


def test_typed_trees_infinite_at_a_point_are_evaluated() -> None:
    assert validate_key("ln(x-x) - sqrt(pi)", "symbolic")  # ln(0): zoo once evaluated
    assert validate_key("ln((0^1/2)/(3^x))", "complex")
    assert check_answer_unbounded("cos(log(0/x))", "1", "symbolic").code == "syntax_error"


def test_a_key_finite_somewhere_is_decided_exactly_when_it_is_rational() -> None:
    """A rational key is finite at the first exact sample point, so no double-precision
    evaluator is compiled to learn that; others (and keys with no exact value) are sampled."""
    from mathkallos.services.grading import clear_caches
    from mathkallos.services.grading.equivalence import _side, finite_somewhere

    def typed(text: str) -> sympy.Expr:
        return parse(text).value  # type: ignore[return-value]

    clear_caches()
    assert finite_somewhere(typed("(x^2+1)/(x-3)"))
    assert _side.cache_info().currsize == 0
    assert not finite_somewhere(typed("1/(x-x)"))
    assert not finite_somewhere(typed("ln(0 x)"))
    assert finite_somewhere(typed("sin(x)/x"))
    assert not finite_somewhere(typed("1/(x-x) + 1"), "integer")


@pytest.mark.parametrize(
    ("answer", "key", "code"),
    [
        ("|2x+1|<=5", "[-3,2]", "correct"),
        ("|-2x-1| <= 5", "|2x+1|<=5", "correct"),
        ("2|x-1| < 8", "[-3, 5]", "interval_endpoints"),
        ("|x-1|+|x+1| <= 4", "[-2,2]", "correct"),
        ("(x-1)/3 <= (x+1)/2", "[-5, inf)", "correct"),
        ("x/3 - 1 < x/2", "(-6, inf)", "correct"),
        ("(x-2)(x+2) > 0", "(-inf, -2) U (2, inf)", "correct"),
        ("|x-1| <= 4", "[-3, 4]", "incorrect"),
        ("x^2 >= 0", "(-inf, inf)", "correct"),  # everywhere: decided on the evaluation
        ("|x| < 0", "(-1, 1)", "incorrect"),  # nowhere: likewise
    ],
)
def test_intervals_read_off_typed_polynomials(answer: str, key: str, code: str) -> None:
    assert polynomial_with_absolutes(_typed(answer).operands[0]) or "[" in answer
    assert check_answer_unbounded(answer, key, "interval").code == code


def test_a_typed_relation_whose_variable_cancels_is_evaluated() -> None:
    """``2(x+1) - 2x`` holds everywhere as typed, but evaluates to 2 > 0: no variable, which
    is a shape error, exactly as without the typed path; ``x/x`` (a hole at 0 as typed) is
    never read as typed."""
    assert not polynomial_with_absolutes(_typed("x/x"))
    for answer in ["2(x+1) - 2x > 0", "x - x + 1 > 0", "x/x >= 1"]:
        verdict = check_answer_unbounded(answer, "(-inf, inf)", "interval")
        assert (verdict.status, verdict.code) == ("invalid_input", "wrong_type")


@pytest.mark.parametrize("text", ["asin(x)", "sqrt(x)*sqrt(y)", "exp(pi*sqrt(163))", "sqrt(x)^2"])
def test_an_answer_typed_as_its_key_is_its_key(text: str) -> None:
    """One tree is one function, and so are its evaluations: no sample point is needed."""
    assert numerically_equal(_typed(text), _typed(text), "real", total=True) is True
    assert check_answer_unbounded(text, text, "symbolic").code == "correct"
    # even where nothing is defined on the reals: evaluation makes it the same expression too
    assert check_answer_unbounded("sqrt(-1-x^2)", "sqrt(-1-x^2)", "symbolic").code == "correct"
    assert check_answer_unbounded("ln(x-x)", "ln(x-x)", "symbolic").status == "needs_review"


def test_one_walk_tells_whether_a_typed_tree_stands_for_its_evaluation_and_has_a_variable() -> None:
    from mathkallos.services.grading.typed import typed_variables

    assert typed_variables(_typed("sqrt(2)/2 + pi"), "real") is False
    assert typed_variables(_typed("sin(x)/2"), "real") is True
    assert typed_variables(_typed("1/(2-2)"), "real") is None
    assert typed_variables(_typed("1 + 2"), "integer") is None


def test_number_signs_are_what_sympys_assumptions_say() -> None:
    numbers = [sympy.Integer(n) for n in (-7, -1, 0, 1, 10**40)]
    numbers += [sympy.Rational(-3, 4), sympy.S.Half, sympy.Float("-2.5"), sympy.Float("0.0")]
    numbers += [sympy.Float("1e-999999"), sympy.Float("-inf"), sympy.oo, -sympy.oo]
    numbers += [sympy.zoo, sympy.nan]
    for number in numbers:
        sign = number_sign(number)
        assert (sign == 1) is bool(number.is_extended_positive), number
        assert (sign == -1) is bool(number.is_extended_negative), number
