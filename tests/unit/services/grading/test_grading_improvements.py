"""Chained steps, general solutions, factored content, the fast paths and the pool context."""

import math
from pathlib import Path

import mpmath
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mathkallos.services.grading import (
    check_answer,
    check_answer_unbounded,
    clear_caches,
)
from mathkallos.services.grading.equivalence import _Side, _value
from mathkallos.services.grading.evaluation import evaluate_expr
from mathkallos.services.grading.numeric import Undefined, compile_mp
from mathkallos.services.grading.parser import parse
from mathkallos.services.grading.pool import _context
from mathkallos.services.grading.realsets import NotFast
from mathkallos.services.grading.settings import Settings
from mathkallos.services.grading.shapes import Reading, fast_real_set, real_set_of, same_sets

from .test_grading_properties import EXPRESSIONS

x = sympy.Symbol("x")
CORPUS = Path(__file__).parents[4] / "tests" / "data" / "grading_corpus.jsonl"


def test_a_broken_link_inside_a_chained_line_is_named() -> None:
    result = check_answer("(x+1)^2 = x^2+2x+1 = x^2+1", "x^2+1", "steps")
    assert result.code == "step_equality_wrong"
    assert result.feedback == "In step 1, the second equality does not hold."
    third = check_answer("x^2-1 = (x-1)(x+1) = (x-1)(x+1) = x^2+1", "x^2+1", "steps")
    assert "the third equality" in third.feedback
    assert "step 2 does not follow from step 2" not in third.feedback.lower()


def test_a_broken_link_between_lines_names_both_lines() -> None:
    result = check_answer("(x+1)^2\n= x^2+2x+1 = x^2+2x+1\n= x^2+1", "x^2+1", "steps")
    assert result.feedback == "Step 3 does not follow from step 2."


@pytest.mark.parametrize(
    ("answer", "key", "right"),
    [
        ("pi/3 + 2*pi*n", "pi/3 + 2pi n", True),
        ("x = pi/3 + 2 pi k, k in Z", "pi/3 + 2pi n", True),
        (r"\frac{\pi}{3} + 2m\pi, m \in \mathbb{Z}", "pi/3 + 2pi n", True),
        ("7pi/3 + 2pi m", "pi/3 + 2pi n", True),
        ("pi/3 - 2pi k; k ∈ ℤ", "pi/3", True),
        ("pi/3 + pi n", "pi/3 + 2pi n", False),
        ("pi/3 + 4pi n", "pi/3", False),
        ("2pi/3 + 2pi n", "pi/3 + 2pi n", False),
        ("pi/3", "pi/3 + 2pi n", False),
        ("pi/3 + 2pi n + t", "pi/3", False),
        ("pi/3 + 2pi n^2", "pi/3", False),
    ],
)
def test_general_solutions_are_families_modulo_the_period(answer, key, right) -> None:
    result = check_answer(answer, key, "symbolic", periodic="2pi")
    assert result.status == "checked"
    assert result.correct is right


def test_factored_keeps_numeric_content_out_only_where_the_key_does() -> None:
    assert check_answer("(2x+2)(x-1)", "2(x+1)(x-1)", form="factored").code == (
        "equivalent_not_factored"
    )
    assert check_answer("2(x+1)(x-1)", "2(x+1)(x-1)", form="factored").correct
    assert check_answer("(2x+2)(x-1)", "2x^2-2", form="factored").correct
    assert check_answer("(2x+1)(x-1)", "2x^2-x-1", form="factored").correct


def test_cis_is_polar_form() -> None:
    assert check_answer("2cis(pi/3)", "1+sqrt(3)i", "complex").correct
    assert not check_answer("2cis(pi/3)", "1-sqrt(3)i", "complex").correct


RELATIONS = [
    "x>=2",
    "0<x<=1",
    "|x-1|<=4",
    "|x|>2",
    "|2x+1|<5",
    "x^2>4",
    "x^2<=2",
    "x^2+1>0",
    "x^2<0",
    "1/x>1",
    "|1/x|>=1",
    "(x+1)/(x-2)>=0",
    "(x^2-1)/(x-1)<=0",
    "x^3-x>0",
    "x!=3",
    "x^2-3x+2=0",
    "|x|+|x-2|<=4",
    "x^5-x-1>0",
    "(-inf,2] U (3,inf)",
    "[1,1]",
    "{1,2,5/2}",
    "x<1 or x>=4",
    "x>0 and x<=sqrt(2)",
    "(2,1)",
    "x < inf",
    "x^2 = -1",
    "(x-1)^2 <= 0",
    "x^3 = 2",
    "x^4-5x^2+4<0",
    "pi x > 1",
    "sqrt(2) x^2 < 1",
    "x > 1.5",
    "1/(x^2+1) > 1/2",
    "|x^2-4| < 3",
    "x^2 < x",
    "|x| = -1",
    "2 - x >= 0",
    "-3x < 6",
    "sqrt(2) x = 1",
    "x/2 >= 3/4",
    "pi - x != 0",
]


@pytest.mark.parametrize("text", RELATIONS)
def test_the_sign_chart_agrees_with_sympy(text: str) -> None:
    value = Reading(text, Settings()).value
    fast = fast_real_set(value)
    slow = real_set_of(value)
    for probe in ("(-inf, inf)", "[0, 1]", "(-3, 5]", "{2}", "(-inf,-2) U (2,inf)", text):
        other = Reading(probe, Settings()).value
        assert fast.same_as(fast_real_set(other)) == same_sets(slow, real_set_of(other))


def test_small_polynomials_give_the_roots_poly_gives() -> None:
    """Degree 1 and 2 with rational coefficients are read off exact values, not a Poly: the
    roots are the same as through ``Poly`` (and anything else still goes through it)."""
    import random

    from mathkallos.services.grading import realsets

    x = sympy.Symbol("x")
    rng = random.Random(3)

    def expression(depth: int = 0) -> sympy.Expr:
        if depth > 2 or rng.random() < 0.3:
            slope = sympy.Rational(rng.randint(-5, 5), rng.randint(1, 4))
            leaves = [slope * x + rng.randint(-9, 9), x, sympy.Rational(1, 3), x**2]
            return rng.choice([*leaves, sympy.sqrt(2) * x, sympy.Float(0.5) * x])
        kind = rng.choice([sympy.Add, sympy.Mul, sympy.Pow])
        if kind is sympy.Pow:
            return kind(expression(depth + 1), rng.randint(0, 3))
        return kind(expression(depth + 1), expression(depth + 1))

    def through_poly(expr: sympy.Expr) -> list[str]:
        poly = sympy.Poly(expr, x)
        return [mpmath.nstr(v, 50) for v in realsets._small_roots(poly.all_coeffs())]

    read_off = 0
    for _ in range(1500):
        expr = expression()
        coefficients = realsets.small_rational_coefficients(expr, x)
        if coefficients is None:
            continue
        read_off += 1
        roots = [mpmath.nstr(v, 50) for v in realsets._real_roots(expr, x)]
        assert roots == through_poly(expr), expr
        assert coefficients == sympy.Poly(expr, x).all_coeffs(), expr
    assert read_off > 200
    assert realsets.small_rational_coefficients(sympy.sqrt(2) * x + 1, x) is None
    assert realsets.small_rational_coefficients((x + 1) ** 3, x) is None
    assert realsets.small_rational_coefficients(x**2 - x**2 + 1, x) is None


def test_quadratic_irreducibility_agrees_with_factor_list() -> None:
    """A quadratic over Q is judged by its discriminant, as factoring would judge it."""
    import random

    from mathkallos.services.grading import forms

    x, y = sympy.symbols("x y")
    rng = random.Random(5)

    def by_factoring(expr: sympy.Expr) -> bool:
        _, factors = sympy.factor_list(evaluate_expr(expr))
        return len(factors) == 1 and factors[0][1] == 1

    for _ in range(600):
        a, b, c = (sympy.Rational(rng.randint(-6, 6), rng.choice([1, 2, 3, 4, 9])) for _ in "abc")
        shapes = [a * x**2 + b * x + c, (a * x + b) * (c * x + 1), (a * x + b) ** 2 + c]
        expr = rng.choice([*shapes, a * x**2 + b * y])
        if len(expr.free_symbols) and not forms._is_linear(evaluate_expr(expr)):
            assert forms._is_irreducible(expr) == by_factoring(expr), expr
    assert forms._is_irreducible(x**2 + 1)
    assert not forms._is_irreducible(x**2 / 4 - sympy.S(1) / 9)


def test_the_sign_chart_steps_aside_for_what_it_cannot_solve() -> None:
    with pytest.raises(NotFast):
        fast_real_set(Reading("sqrt(x) < 2", Settings()).value)
    assert check_answer("sqrt(x) < 2", "[0, 4)", "interval").correct
    assert check_answer("sin(x) = 0", "x = 0", "equation").status == "checked"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EXPRESSIONS, st.sampled_from([-2.7, -0.4, 0.3, 1.9, 7.5]))
def test_double_precision_mirrors_mpmath(text: str, point: float) -> None:
    try:
        expr = evaluate_expr(parse(text).value)
    except Exception:
        return
    symbols = tuple(sorted(expr.free_symbols, key=str))
    side = _Side(expr, symbols, "real")
    values = tuple(point + index for index in range(len(symbols)))
    fast = side.fast(values)
    with mpmath.workdps(30):
        exact = _value(
            expr, {s: mpmath.mpf(v) for s, v in zip(symbols, values, strict=True)}, "real"
        )
    if exact is None or fast is None:
        assert (exact is None) == (fast is None)
        return
    exact = complex(exact)
    if math.isfinite(abs(exact)) and abs(exact) < 1e12:
        assert abs(fast - exact) <= 1e-6 * max(1.0, abs(exact))


def test_caches_do_not_change_verdicts() -> None:
    first = check_answer_unbounded("x^2+2x+1", "(x+1)^2")
    again = check_answer_unbounded("x^2+2x+1", "(x+1)^2")
    clear_caches()
    cold = check_answer_unbounded("x^2+2x+1", "(x+1)^2")
    assert first == again == cold
    assert again is first  # the same answer to the same problem is graded once per worker
    assert check_answer_unbounded("1", "(x+1", "symbolic").status == "needs_review"
    assert check_answer_unbounded("1", "(x+1", "symbolic").status == "needs_review"


def test_workers_are_not_forked_from_the_threaded_web_process() -> None:
    assert _context().get_start_method() in ("forkserver", "spawn")


def test_the_warm_up_grades_every_kind() -> None:
    from mathkallos.services.grading.settings import KINDS
    from mathkallos.services.grading.warmup import _SAMPLES

    assert {kind for _, _, kind, _ in _SAMPLES} == set(KINDS) - {"proof"}
    for answer, key, kind, options in _SAMPLES:
        assert check_answer_unbounded(answer, key, kind, **options).status == "checked"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EXPRESSIONS, st.sampled_from([-2.7, -0.4, 0.3, 1.9, 7.5]))
def test_compiled_high_precision_equals_the_tree_walk(text: str, point: float) -> None:
    try:
        expr = evaluate_expr(parse(text).value)
    except Exception:
        return
    symbols = tuple(sorted(expr.free_symbols, key=str))
    values = tuple(mpmath.mpf(point + index) for index in range(len(symbols)))
    with mpmath.workdps(40):
        walked = _value(expr, dict(zip(symbols, values, strict=True)), "real")
        try:
            compiled = compile_mp(expr, symbols, True)(values)
        except Undefined:
            compiled = None
    assert (walked is None) == (compiled is None)
    if walked is not None:
        assert walked == compiled or (mpmath.isnan(walked) and mpmath.isnan(compiled))


@pytest.mark.parametrize("op", ["=", "!=", "<", "<=", ">", ">="])
@pytest.mark.parametrize(
    "polynomial",
    [
        *("x^2 - 5x + 6", "-(x-1)(x+2)", "x^2", "x^2 + 1", "-x^2 + 2x - 1", "2x^2 - 3"),
        *("(x-1)/3 - (x+1)/2", "3 - x/4", "x^2/4 - x/3"),
    ],
)
def test_polynomials_of_degree_two_are_solved_as_the_sign_chart_solves_them(
    polynomial: str, op: str
) -> None:
    """Rational coefficients read off exact values decide roots and signs exactly; the sign
    chart (kept for everything else) agrees."""
    from mathkallos.services.grading import realsets
    from mathkallos.services.grading.numeric import digits

    x = sympy.Symbol("x")
    difference = Reading(polynomial, Settings()).value
    numerator, denominator = difference.as_numer_denom()
    critical = realsets._critical([(numerator, False), (denominator, True)], x)
    with digits(60):  # as solve() charts
        chart = realsets._chart(op, difference, x, critical)
    assert realsets.solve(op, difference, x).same_as(chart)
    typed = Reading(polynomial, Settings()).raw
    assert realsets.solve(op, typed, x).same_as(chart)


@pytest.mark.parametrize("op", ["=", "<", "<=", ">", ">=", "!="])
@pytest.mark.parametrize(
    ("left", "right"),
    [
        *(("|2x+1|", "5"), ("|x-1|", "x/2"), ("|x| + |x-2|", "4"), ("|x^2-4|", "3")),
        *(("|x+1|", "|x-1|"), ("2|x-3|", "x^2 - 1"), ("|x|", "0"), ("|x-1|", "-1")),
    ],
)
def test_absolute_values_solved_region_by_region_agree_with_solveset(
    left: str, right: str, op: str
) -> None:
    from mathkallos.services.grading import realsets

    x = sympy.Symbol("x")
    a, b = (Reading(text, Settings()).value for text in (left, right))
    relation = {"=": sympy.Eq, "!=": sympy.Ne, "<": sympy.Lt, "<=": sympy.Le}
    relation |= {">": sympy.Gt, ">=": sympy.Ge}
    expected = realsets.of_sympy(sympy.solveset(relation[op](a, b), x, sympy.S.Reals))
    assert realsets.solve(op, a - b, x).same_as(expected)


@pytest.mark.parametrize(
    ("numerator", "denominator"),
    [
        *(("x^2-1", "x-1"), ("x+1", "x+2"), ("2x+2", "4"), ("x*y", "x^2"), ("x+y", "x-y")),
        *(("x^2-2", "x-sqrt(2)"), ("sin(x)", "sin(x)+1"), ("x", "sqrt(x)"), ("3", "x^2+1")),
    ],
)
def test_common_factors_of_a_fraction_are_the_ones_sympys_gcd_finds(
    numerator: str, denominator: str
) -> None:
    from mathkallos.services.grading.forms import _common_factor

    n, d = (evaluate_expr(Reading(text, Settings()).raw) for text in (numerator, denominator))
    assert _common_factor(n, d) is bool(sympy.gcd(n, d).free_symbols)


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ("x(x-1)(x+1)", "correct"),
        ("x^3-x", "equivalent_not_factored"),
        ("(x+1)(x^2-x+1)", "correct"),
        ("(x^2+x)(x-1)", "equivalent_not_factored"),
        ("(x-1)(x+1)(x^2+1)", "correct"),
        ("(x^2-1)(x^2+1)", "equivalent_not_factored"),
        ("(x^3-2)(x+1)", "correct"),  # x^3 - 2: irreducible over Q
        ("(x y + x)(y-1)", "equivalent_not_factored"),
    ],
)
def test_factored_form_judged_by_factor_lists_in_the_symbols(answer: str, code: str) -> None:
    key = str(evaluate_expr(Reading(answer, Settings()).raw).expand()).replace("**", "^")
    assert check_answer(answer, key, "symbolic", form="factored").code == code


@pytest.mark.parametrize(
    ("answer", "key", "right"),
    [
        ("(x+1)^2 - x^2 - 2x > 0", "(-inf, inf)", True),  # a constant once expanded
        ("(x+1)^2 - x^2 - 2x > 0", "x > 0", False),
        ("(x+1)^2 - x^2 - 2x < 0", "x > 0", False),
    ],
)
def test_a_relation_that_expands_to_a_constant_is_graded(answer, key, right) -> None:
    verdict = check_answer_unbounded(answer, key, "interval")
    assert (verdict.status, verdict.correct) == ("checked", right)


def test_a_factor_that_is_not_a_polynomial_counts_as_factored() -> None:
    answer = "(x - pi/e^(x+1))^2"
    verdict = check_answer_unbounded(answer, answer, "symbolic", form=["factored"])
    assert (verdict.status, verdict.correct) == ("checked", True)


def test_an_unforeseen_failure_of_a_checker_is_could_not_check(monkeypatch) -> None:
    from mathkallos.services.grading.checkers import CHECKERS

    def broken(*_args: object) -> None:
        raise ValueError("a CAS corner nobody foresaw")

    monkeypatch.setitem(CHECKERS, "symbolic", CHECKERS["symbolic"]._replace(grade=broken))
    clear_caches()
    verdict = check_answer_unbounded("x^2 + 1", "x^2 + 1", "symbolic")
    assert (verdict.status, verdict.code) == ("limit", "limit")
    assert verdict.correct is False
