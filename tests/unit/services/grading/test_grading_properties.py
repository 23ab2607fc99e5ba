"""Property tests: the parser is total and safe; equivalence is reflexive, symmetric, stable."""

import contextlib

import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mathkallos.services.grading import MathSyntaxError
from mathkallos.services.grading.equivalence import equivalent
from mathkallos.services.grading.evaluation import evaluate_expr
from mathkallos.services.grading.latex import to_latex
from mathkallos.services.grading.parser import parse

ATOMS = st.sampled_from(["x", "y", "2", "3", "1/2", "pi", "e", "0.5"])


def _compose(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    binary = st.tuples(children, st.sampled_from(["+", "-", "*", "/"]), children).map(
        lambda t: f"({t[0]}){t[1]}({t[2]})"
    )
    power = st.tuples(children, st.sampled_from(["2", "3", "-1", "1/2"])).map(
        lambda t: f"({t[0]})^{t[1]}"
    )
    call = st.tuples(st.sampled_from(["sin", "cos", "exp", "sqrt", "abs", "ln"]), children).map(
        lambda t: f"{t[0]}({t[1]})"
    )
    return st.one_of(binary, power, call)


EXPRESSIONS = st.recursive(ATOMS, _compose, max_leaves=6)
NOISE = st.lists(
    st.sampled_from(
        [
            *"xy12+-*/^()[]{}|,.=<>!_ \\abcdefghijklmnopqrstuvwz;&",
            "sin",
            "\\frac",
            "\\sqrt",
            "__",
            "import",
            "os",
        ]
    ),
    max_size=40,
).map("".join)
PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse_expr(text: str) -> sympy.Basic | None:
    try:
        return evaluate_expr(parse(text).value)
    except MathSyntaxError:
        return None


@PROPERTY
@given(st.one_of(NOISE, st.text(max_size=60)))
def test_parser_raises_only_its_own_error(text: str) -> None:
    with contextlib.suppress(MathSyntaxError):
        parse(text)


@PROPERTY
@given(NOISE)
def test_parser_builds_only_whitelisted_math(text: str) -> None:
    try:
        value = parse(text).value
    except MathSyntaxError:
        return
    if isinstance(value, sympy.Basic):
        names = {type(node).__module__.split(".")[0] for node in sympy.preorder_traversal(value)}
        assert names <= {"sympy"}


@PROPERTY
@given(EXPRESSIONS)
def test_preview_latex_round_trips(text: str) -> None:
    original = _parse_expr(text)
    if original is None:
        return
    again = _parse_expr(to_latex(parse(text).value))
    assert again is not None
    assert equivalent(again, original)


@PROPERTY
@given(EXPRESSIONS, EXPRESSIONS)
def test_equivalence_is_reflexive_and_symmetric(first: str, second: str) -> None:
    a, b = _parse_expr(first), _parse_expr(second)
    if a is None or b is None:
        return
    assert equivalent(a, a)
    assert equivalent(a, b) == equivalent(b, a)
