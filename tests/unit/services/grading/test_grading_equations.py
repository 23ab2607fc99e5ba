"""Equations over C: polynomial ones are compared by their roots, as sympy's solveset would."""

import itertools

import pytest
import sympy

from mathkallos.services.grading import check_answer_unbounded
from mathkallos.services.grading.checkers.equations import (
    _complex_roots,
    _frozen,
    _solution_set,
    read_equations,
)
from mathkallos.services.grading.realsets import NotFast
from mathkallos.services.grading.settings import Settings
from mathkallos.services.grading.shapes import Reading, same_sets

COMPLEX = Settings(domain="complex")
EQUATIONS = [
    "x^2 = -1",
    "x = i or x = -i",
    "x = i",
    "(x-i)(x+i) = 0",
    "x^2 - 2x + 2 = 0",
    "x = 1 + i or x = 1 - i",
    "(x-1)^2 = 0",
    "x = 1",
    "x^3 = 1",
    "x^4 = 1 and x^2 = 1",
    "x = 1 or x = -1",
    "x/2 = i/3",
    "0 = 1",
]


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(EQUATIONS, 2)))
def test_roots_of_polynomials_agree_with_solveset(first: str, second: str) -> None:
    a, b = (read_equations(Reading(text, COMPLEX).value) for text in (first, second))
    (x,) = a.variables | b.variables or {None}
    fast = _complex_roots(_frozen(a), x) == _complex_roots(_frozen(b), x)
    slow = same_sets(_solution_set(_frozen(a), x, COMPLEX), _solution_set(_frozen(b), x, COMPLEX))
    assert fast == slow


def test_what_is_not_a_polynomial_over_q_i_goes_to_solveset() -> None:
    x = sympy.Symbol("x")
    for text in ("e^x = 1", "x^2 = 2 + sqrt(3)", "x^2 = x*x"):
        equations = read_equations(Reading(text, COMPLEX).value)
        with pytest.raises(NotFast):
            _complex_roots(_frozen(equations), x)
    assert not check_answer_unbounded("x = 0", "e^x = 1", "equation", domain="complex").correct
    assert check_answer_unbounded("x = ±i", "x^2 = -1", "equation", domain="complex").correct


@pytest.mark.parametrize(
    ("answer", "key", "right"),
    [
        ("x=0", "e^x=1", True),
        ("x=1", "e^x=1", False),
        ("x=ln(8)/ln(2)", "2^x=8", True),  # sympy's sets alone do not see that this is 3
        ("x=3", "sqrt(x+1)=x-1", True),
        ("x=0 or x=3", "sqrt(x+1)=x-1", False),
        ("e^x=1", "x=0", True),
    ],
)
def test_a_side_solved_by_sympy_is_compared_with_the_sign_chart_of_the_other(
    answer: str, key: str, right: bool
) -> None:
    assert check_answer_unbounded(answer, key, "equation").correct is right


def test_sympy_sets_of_real_numbers_read_as_real_sets() -> None:
    from mathkallos.services.grading import realsets

    x = sympy.Symbol("x")
    union = sympy.Union(sympy.Interval(0, 1), sympy.FiniteSet(3, sympy.sqrt(2) + 2))
    expected = realsets.interval(sympy.S(0), sympy.S(1), False, False).union(
        realsets.points([sympy.S(3), sympy.sqrt(2) + 2])
    )
    assert realsets.of_sympy(union).same_as(expected)
    assert realsets.of_sympy(sympy.S.EmptySet).same_as(realsets.RealSet(()))
    for unreadable in (
        sympy.ImageSet(sympy.Lambda(x, 2 * sympy.pi * x), sympy.S.Integers),
        sympy.FiniteSet(sympy.I),
        sympy.ConditionSet(x, sympy.Eq(sympy.sin(x), x), sympy.S.Reals),
    ):
        with pytest.raises(NotFast):
            realsets.of_sympy(unreadable)


@pytest.mark.parametrize(
    "equation",
    [
        *("e^x = 1", "e^(2x-1) = 3", "3e^(-x) + 1 = 7", "e^x = -1", "e^x = 0", "-e^x = 2"),
        *("2^x = 8", "(1/2)^(x+1) = 4", "10^(3x) = 1/1000", "sqrt(2)^x = 2", "e^x = e^2"),
        *("ln(x) = 0", "ln(x-1) = 2", "2ln(3x+1) = -1", "log(x, 2) = 3", "lg(x) = -2"),
        *("pi^(x/2) = pi", "5 = 2^(1-x)", "ln(2-x) = -3"),
    ],
)
def test_exponentials_and_logarithms_of_a_line_are_inverted_as_solveset_solves_them(
    equation: str,
) -> None:
    from mathkallos.services.grading import realsets

    (difference,) = read_equations(Reading(equation, Settings()).value).systems[0]
    x = sympy.Symbol("x")
    expected = realsets.of_sympy(sympy.solveset(difference, x, sympy.S.Reals))
    assert realsets._inverted(difference, x) is not None
    assert realsets.solve("=", difference, x).same_as(expected)


@pytest.mark.parametrize(
    ("answer", "key", "right"),
    [
        ("x=ln(3)", "e^x=3", True),
        ("x=ln(3)", "e^x=-3", False),
        ("x=-2", "(1/2)^x=4", True),
        ("x=e^2+1", "ln(x-1)=2", True),
        ("x=e^2", "ln(x-1)=2", False),
        ("x=0", "e^(x^2)=1", True),  # not a line inside: solveset
        ("x=0", "1^x=1", False),  # every real: solveset
        ("x=2", "(-2)^x=4", True),  # a negative base: solveset
        ("x=ln(2)", "e^x=2", True),
    ],
)
def test_inverted_equations_keep_their_verdicts(answer: str, key: str, right: bool) -> None:
    assert check_answer_unbounded(answer, key, "equation").correct is right
    assert check_answer_unbounded(key, answer, "equation").correct is right


def _numbers(solutions: list[dict]) -> set[tuple]:
    return {
        tuple(sorted((str(v), complex(sympy.N(value))) for v, value in s.items()))
        for s in solutions
    }


@pytest.mark.parametrize(
    "system",
    [
        *("y=x^2 and y=4", "y=x^2 and y=-4", "x^2+y^2=2 and x=y", "x*y=2 and x=1"),
        *("y=x^3 and y=x", "x+y=2 and x*y=1", "y=x^2 and y=2", "x=y^2-1 and y=3"),
        *("y=x^2 and y=4 and x=2", "y=x^2 and y=4 and x=3", "y=x^2 and z=y+1 and z=5"),
        "2y-x^2=0 and y-2=0",
    ],
)
def test_triangular_systems_have_the_solutions_solve_finds(system: str) -> None:
    from mathkallos.services.grading.checkers.equations import _triangular

    (equations,) = read_equations(Reading(system, Settings()).value).systems
    variables = tuple(sorted(set().union(*(e.free_symbols for e in equations)), key=str))
    found = _triangular(tuple(equations), variables)
    assert found is not None
    assert _numbers(found) == _numbers(sympy.solve(equations, variables, dict=True))


def test_other_systems_are_left_to_solve() -> None:
    from mathkallos.services.grading.checkers.equations import _triangular

    x, y, z = sympy.symbols("x y z")
    for system, variables in [
        ((y - x**2,), (x, y)),  # x is free
        ((y - x**2, y - 4), (x, y, z)),  # z is free
        ((x**2 + y**2 - 1, x**2 - y**2), (x, y)),  # no variable of degree 1 alone
        ((y - sympy.sqrt(2) * x**2, y - 1), (x, y)),  # coefficients outside Q
        ((y - sympy.exp(x), y - 1), (x, y)),
        ((y - x**5 + x + 1, y), (x, y)),  # roots beyond radicals
        ((y - x**13 - 1, y), (x, y)),  # a degree past the bound: solve's way
    ]:
        assert _triangular(system, variables) is None
    for answer, key, right in [
        ("y=x^2 and y=4", "x=2 and y=4 or x=-2 and y=4", True),
        ("y=x^2 and y=4", "x=2 and y=4", False),
        ("y=x^2 and y=-4", "x=2i and y=-4 or x=-2i and y=-4", True),
        ("y=x^2 and y=4 and x=3", "x=3 and y=9", False),
    ]:
        assert check_answer_unbounded(answer, key, "equation").correct is right
