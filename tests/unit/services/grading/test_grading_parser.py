"""The parser reads what students type (ASCII and LaTeX) and explains what it cannot read."""

import json
import random
import time
from pathlib import Path
from typing import Any

import pytest
import sympy

from mathkallos.services.grading import MathSyntaxError, preview, vocabulary
from mathkallos.services.grading.evaluation import evaluate_expr
from mathkallos.services.grading.parser import parse
from mathkallos.services.grading.values import Bracket, Logic, MatrixLiteral, Relation, SetLiteral

x, y = sympy.symbols("x y")


def value_of(text: str) -> sympy.Basic:
    return evaluate_expr(parse(text).value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x^2+2x+1", x**2 + 2 * x + 1),
        ("2pi", 2 * sympy.pi),
        ("sqrt(2)/2", sympy.sqrt(2) / 2),
        ("e^(i*pi)", -1),
        ("ln|x|", sympy.log(sympy.Abs(x))),
        ("sin(x)^2", sympy.sin(x) ** 2),
        ("3e-4", sympy.Float("0.0003")),
        ("2(x+1)", 2 * x + 2),
        ("x y", x * y),
        ("3ab^2", 3 * sympy.Symbol("a") * sympy.Symbol("b") ** 2),
        ("|x|+|y|", sympy.Abs(x) + sympy.Abs(y)),
        ("-x^2", -(x**2)),
        ("2^3^2", 512),
        (r"\frac{1}{2}", sympy.Rational(1, 2)),
        (r"\sqrt[3]{x}", sympy.root(x, 3)),
        (r"\left( x+1 \right)\cdot 2", 2 * x + 2),
        (r"\sin^{2}{\left(x \right)}", sympy.sin(x) ** 2),
        (r"\log_{2}(8)", 3),
        (r"\mathrm{e}^{x}", sympy.exp(x)),
    ],
)
def test_expressions_are_read_as_a_mathematician_would(text: str, expected: sympy.Basic) -> None:
    assert sympy.simplify(value_of(text) - expected) == 0


def test_structures_keep_their_shape() -> None:
    assert isinstance(parse("{1,2,3}").value, SetLiteral)
    assert isinstance(parse(r"\{1,2\}").value, SetLiteral)
    interval = parse("[0,1)").value
    assert isinstance(interval, Bracket)
    assert (interval.open, interval.close) == ("[", ")")
    assert isinstance(parse("x>=2").value, Relation)
    assert isinstance(parse("x=2 or x=-2").value, Logic)
    assert isinstance(parse(r"\begin{pmatrix}1&2\\3&4\end{pmatrix}").value, MatrixLiteral)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sin(x))", "unexpected ')' at position 7"),
        ("x.y", "unexpected '.' at position 2"),
        ("__import__('os')", "'__' at position 1 is not allowed"),
        ("lambda", "'lambda' at position 1 is not allowed"),
        ("foobar + 1", "unknown name 'foobar' at position 1"),
        (r"\foo{x}", "unknown command '\\foo' at position 1"),
        ("(1+2", "ends too early"),
        ("x" * 3000, "too long"),
        ("(" * 200 + "x" + ")" * 200, "too many nested brackets"),
        ("1/0", "undefined"),
    ],
)
def test_malformed_input_is_refused_with_where_and_why(text: str, message: str) -> None:
    with pytest.raises(MathSyntaxError) as error:
        value_of(text)
    assert message in error.value.message


def test_preview_shows_understood_latex_and_hints() -> None:
    assert preview("(x+1)/2").latex == r"\frac{x + 1}{2}"
    shown = preview("sinx")
    assert shown.error
    assert shown.error_position == 1
    assert "did you mean sin(x)?" in shown.hints[0]
    assert "read as x*y" in preview("xy").hints[0]


def _reference_lark() -> tuple[Any, Any]:
    """lark's own parser over the grammar (with the builder), and the builder."""
    from lark import Lark

    from mathkallos.services.grading import parser as parser_module

    grammar = Path(parser_module.__file__).with_name("grammar.lark").read_text(encoding="utf-8")
    builder = parser_module._Builder(latex_mode=False)
    reference = Lark(
        grammar,
        parser="lalr",
        lexer="basic",
        postlex=parser_module._BarPostLexer(),
        transformer=builder,
    )
    return reference, builder


def _corpus_texts() -> set[str]:
    corpus = Path(__file__).parents[4] / "tests" / "data" / "grading_corpus.jsonl"
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    return {text for row in rows for text in (row["answer"], row["key"]) if isinstance(text, str)}


# pieces of answers: words, commands, numbers and symbols of the grammar, and characters no
# terminal starts with (so generated texts also hit every lexing error)
_PIECES = (
    *"xyzabnCkUeiI0123456789.+-*/^_!(),;:[]{}|&<>=~ \\t\n",
    *("sin", "sinh", "arcsin", "ln", "log", "sqrt", "pi", "inf", "and", "or", "AND", "Uz"),
    *("**", "+-", "<=", ">=", "!=", "1.5e-3", ".5", "2E+7", "x_1", "a_{12}", "\\\\", "\\{"),
    *("\\frac", "\\sqrt", "\\sqrt [", "\\pi", "\\cdot", "\\left(", "\\right)", "\\le"),
    *("\\infty", "\\cup", "\\text{ or }", "\\mathrm{e}", "\\mathbb{R}", "\\alpha_1"),
    *("\\operatorname{sgn}", "\\begin{pmatrix}", "\\end{pmatrix}", "\\lvert", "\\foo", "\\"),
    *"π∞∅√±·×÷≤≥≠⌊⌋⌈⌉∪−–٣ж€\u00a0\t",
)


def _generated_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_PIECES, k=rng.randint(1, 14))) for _ in range(count)]


def test_the_table_driver_parses_exactly_as_lark_does() -> None:
    """The tight LALR loop over lark's table gives lark's values and the same messages."""
    from lark.exceptions import UnexpectedInput

    from mathkallos.services.grading import parser as parser_module
    from mathkallos.services.grading.lalr import TableParser

    reference, builder = _reference_lark()
    driver = TableParser(reference)
    texts = _corpus_texts() | set(_generated_texts(3000, seed=7))
    texts |= {"(x+1", "x+)", "|x|+|y|", "\\frac{1}{", "sin^{-1}(x)", "", "1,,2", "x = 1 +- 2"}

    def outcome(parse: object, text: str) -> object:
        builder._reset("\\" in text)
        try:
            return builder._value(parse(text))  # type: ignore[operator]
        except UnexpectedInput as error:
            message = parser_module._syntax_error(error, text)
            return message.message, message.position
        except Exception as error:
            return type(error).__name__, str(error)

    for text in sorted(texts):
        assert outcome(driver.parse, text) == outcome(reference.parse, text), text


def test_the_first_character_scanner_gives_larks_tokens() -> None:
    """Split by first character, the scanner still gives lark's tokens, types, positions and
    lexing errors, on the corpus and on thousands of generated texts."""
    from lark.exceptions import UnexpectedCharacters

    from mathkallos.services.grading.lalr import TableParser

    reference, _builder = _reference_lark()
    driver = TableParser(reference)

    def tokens(stream: Any) -> object:
        try:
            return [(token.type, token.value, token.start_pos) for token in stream]
        except UnexpectedCharacters as error:
            return "error", error.pos_in_stream, sorted(error.allowed)

    for text in sorted(_corpus_texts() | set(_generated_texts(5000, seed=11))):
        ours = driver._postlex.process(driver._tokens(text))
        assert tokens(ours) == tokens(reference.lex(text)), text


def test_the_scanner_refuses_unknown_characters_at_once_and_stays_small() -> None:
    """Characters no terminal starts with are refused at their position without being kept,
    so hostile input neither takes long nor grows the per-character table."""
    from lark.exceptions import UnexpectedCharacters

    from mathkallos.services.grading.parser import _building_parser

    driver, _builder = _building_parser()
    hostile = "".join(chr(code) for code in range(0x4E00, 0x4E00 + 3000))
    started = time.perf_counter()
    for start in range(len(hostile)):
        with pytest.raises(UnexpectedCharacters) as error:
            list(driver._tokens("x+" + hostile[start:]))
        assert error.value.pos_in_stream == 2
    assert time.perf_counter() - started < 2.0
    assert not set(hostile) & set(driver._scanner.by_char)
    long_sum = "x+" * 1000 + "1"
    started = time.perf_counter()
    assert len(list(driver._tokens(long_sum))) == 2001
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("name", sorted(vocabulary.FUNCTIONS))
def test_functions_built_directly_are_sympys_unevaluated_nodes(name: str) -> None:
    """The first node of a class comes from sympy's constructor, later ones are built
    directly: both are the node ``cls(*args, evaluate=False)`` gives, nargs included."""
    builder, least, most = vocabulary.FUNCTIONS[name]
    x, y = sympy.symbols("x y")
    for count in {least, most}:
        args = [x + 1, y][:count] if count <= 2 else [x + i for i in range(count)]
        vocabulary.clear_applied()
        first, second = builder(args), builder(args)
        for node in (first, second):
            assert node == first
            assert type(node) is type(first)
            assert node.args == first.args
            for part in sympy.preorder_traversal(node):
                if isinstance(part, sympy.Function):
                    expected = type(part)(*part.args, evaluate=False)
                    assert part == expected
                    assert part.nargs == expected.nargs


def test_sums_products_and_powers_are_built_commutative_as_sympy_would_find() -> None:
    """``unevaluated`` marks every node commutative without asking its operands: the grammar
    only builds commutative atoms (letters without assumptions, numbers, pi, e, i, oo) and
    nodes of them, as sympy itself finds node by node."""
    from sympy.core.logic import fuzzy_and

    from mathkallos.services.grading.values import map_value

    def check(expr: sympy.Basic) -> sympy.Basic:
        for node in sympy.preorder_traversal(expr):
            if isinstance(node, (sympy.Add, sympy.Mul, sympy.Pow)):
                assert fuzzy_and(arg.is_commutative for arg in node.args) is True, node
        return expr

    for text in sorted(_corpus_texts() | set(_generated_texts(3000, seed=11))):
        try:
            value = parse(text).value
        except MathSyntaxError:
            continue
        map_value(value, check)
