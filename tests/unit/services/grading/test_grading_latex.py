"""The "you entered" preview shows what the student typed, in LaTeX that parses back."""

import json
from pathlib import Path

import pytest
import sympy

from mathkallos.services.grading import MathSyntaxError, preview
from mathkallos.services.grading.equivalence import equivalent
from mathkallos.services.grading.evaluation import evaluate_value
from mathkallos.services.grading.latex import to_latex
from mathkallos.services.grading.parser import parse

CORPUS = Path(__file__).parents[4] / "tests" / "data" / "grading_corpus.jsonl"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("x+1", "x + 1"),
        ("1+x", "1 + x"),
        ("x^2+2x+1", "x^{2} + 2 x + 1"),
        ("a-(b-c)", r"a - \left(b - c\right)"),
        ("(x+1)/2", r"\frac{x + 1}{2}"),
        ("1/2 x", r"\frac{1}{2} x"),
        ("2x/3", r"\frac{2 x}{3}"),
        ("x/(2y)", r"\frac{x}{2 y}"),
        ("-1/2", r"-\frac{1}{2}"),
        ("2*3", r"2 \cdot 3"),
        ("x*(-2)", r"x \left(-2\right)"),
        ("(x+1)(x-1)", r"\left(x + 1\right) \left(x - 1\right)"),
        ("3(x+1)^2", r"3 \left(x + 1\right)^{2}"),
        ("(-2)^2", r"\left(-2\right)^{2}"),
        ("-2^2", "-2^{2}"),
        ("2^3^2", "2^{3^{2}}"),
        ("sqrt(2)/2", r"\frac{\sqrt{2}}{2}"),
        ("sin(x)^2", r"\sin\left(x\right)^{2}"),
        ("e^(i*pi)", r"e^{i \pi}"),
        ("exp(x)^2", r"\left(e^{x}\right)^{2}"),
        ("ln|x|", r"\ln\left(\left|x\right|\right)"),
        ("(n+1)!", r"\left(n + 1\right)!"),
        ("binom(n,k)", r"\binom{n}{k}"),
        ("3e-4", "0.0003"),
        ("1e-10", r"1.0 \cdot 10^{-10}"),
        ("0.50", "0.5"),
        ("alpha_1+beta", r"\alpha_{1} + \beta"),
        ("floor(x)", r"\left\lfloor x \right\rfloor"),
        ("[0,1)", r"\left[0, 1\right)"),
        ("(-inf,2] U (3,inf)", r"\left(-\infty, 2\right] \cup \left(3, \infty\right)"),
        ("x>=2", r"x \ge 2"),
        ("x=2 or x=-2", r"x = 2 \text{ or } x = -2"),
        ("{1,2}", r"\left\{1, 2\right\}"),
    ],
)
def test_the_preview_keeps_the_order_and_grouping_typed(typed: str, shown: str) -> None:
    assert preview(typed).latex == shown


def test_every_corpus_answer_previews_as_latex_that_reads_back_the_same() -> None:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    texts = {r["answer"] for r in rows if r["kind"] not in ("string", "choice", "proof", "steps")}
    compared = 0
    for text in sorted(texts):
        try:
            original = evaluate_value(parse(text).value)
        except MathSyntaxError:
            continue
        again = evaluate_value(parse(to_latex(parse(text).value)).value)
        if isinstance(original, sympy.Expr):
            assert equivalent(again, original, "complex"), text
        else:
            assert again == original or to_latex(again) == to_latex(original), text
        compared += 1
    assert compared > 300


def test_nested_absolute_values_print_with_explicit_bars_and_read_back() -> None:
    """``|x |x||`` is ambiguous once printed with plain bars; explicit ones read back."""
    from mathkallos.services.grading.evaluation import evaluate_expr
    from mathkallos.services.grading.latex import to_latex
    from mathkallos.services.grading.parser import parse

    for text in ("abs(x*abs(x))", "||x|-1|", "abs(abs(x)*x + abs(y))"):
        printed = to_latex(parse(text).value)
        assert r"\lvert" in printed
        assert evaluate_expr(parse(printed).value) == evaluate_expr(parse(text).value)
    assert to_latex(parse("|x|+|y|").value) == r"\left|x\right| + \left|y\right|"
