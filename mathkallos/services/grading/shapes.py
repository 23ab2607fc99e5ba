"""Read an answer as the shape a kind needs: expression, list, matrix, set of reals, equations.

A shape mismatch (a set typed where a number is asked) is the student's input error, reported
as AnswerShapeError so it never costs marks.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache

import sympy

from . import realsets
from .errors import AnswerShapeError
from .evaluation import evaluate_value
from .guards import MAX_LENGTH
from .latex import to_latex
from .parser import Parsed, clear_parse_cache, parse
from .settings import Settings
from .typed import polynomial_with_absolutes, stands_for_evaluation, typed_variables
from .values import Bracket, Logic, MatrixLiteral, Relation, SetLiteral, UnionOf, Value, map_value

_RELATIONALS = {
    "=": sympy.Eq,
    "!=": sympy.Ne,
    "<": sympy.Lt,
    "<=": sympy.Le,
    ">": sympy.Gt,
    ">=": sympy.Ge,
}


@lru_cache(maxsize=256)
def _evaluated(text: str, max_length: int) -> Value:
    return evaluate_value(parse(text, max_length).value)


@lru_cache(maxsize=256)
def _latex_of(text: str, max_length: int) -> str:
    return to_latex(parse(text, max_length).value)


def latex_of(text: str, max_length: int = MAX_LENGTH) -> str:
    """LaTeX of what the parser understood in ``text`` (cached: printing is not cheap)."""
    return _latex_of(text, max_length)


class Reading:
    """An answer parsed once: the value as typed (for forms and preview) and evaluated.

    The evaluation is built on first use only: a check that can sample the typed tree (see
    :meth:`typed_expr`) never pays for sympy's automatic evaluation.
    """

    def __init__(self, text: str, settings: Settings) -> None:
        self._text, self._max_length = text, settings.max_length
        self.parsed: Parsed = parse(text, settings.max_length)
        self.raw: Value = self.parsed.value
        self._typed: dict[str, sympy.Expr | None] = {}

    @cached_property
    def value(self) -> Value:
        """The evaluated value (raises what evaluation raises: guards, undefined)."""
        return _evaluated(self._text, self._max_length)

    def typed_numbers(self, domain: str) -> Value:
        """The value as typed when every expression in it is a number whose typed tree stands
        for its evaluation (a typed number is always defined, so nothing differs), else
        :attr:`value`: lists, sets and matrices of numbers are compared unevaluated."""
        typed = self._typed_value(lambda expr: _typed_number(expr, domain))
        return self.value if typed is None else typed

    def typed_polynomials(self) -> Value | None:
        """The value as typed when every expression in it is a number or a polynomial with
        absolute values whose typed tree stands for its evaluation over the reals, else None:
        such a tree is defined at every real, so intervals and inequalities are read off it by
        sign chart without sympy's evaluation (which asks many assumptions of ``|x-1|``)."""
        return self._typed_value(_typed_polynomial)

    def _typed_value(self, typed: Callable[[sympy.Basic], sympy.Basic]) -> Value | None:
        try:
            return map_value(self.raw, typed)
        except _NeedsEvaluation:
            return None

    def typed_expr(self, domain: str) -> sympy.Expr | None:
        """The typed single expression when sampling it stands for sampling :attr:`value`
        (asked for an answer and for its negation: decided once per domain)."""
        if domain not in self._typed:
            typed = _solved_for(self.raw) or self.raw
            eligible = isinstance(typed, sympy.Expr) and stands_for_evaluation(typed, domain)
            self._typed[domain] = typed if eligible else None
        return self._typed[domain]

    @property
    def latex(self) -> str:
        return latex_of(self._text, self._max_length)


class _NeedsEvaluation(Exception):
    """An expression of a value is not a typed number: the value is evaluated instead."""


def _typed_number(expr: sympy.Basic, domain: str) -> sympy.Basic:
    if isinstance(expr, sympy.Expr) and typed_variables(expr, domain) is False:
        return expr
    raise _NeedsEvaluation


def _typed_polynomial(expr: sympy.Basic) -> sympy.Basic:
    if (
        isinstance(expr, sympy.Expr)
        and polynomial_with_absolutes(expr)
        and stands_for_evaluation(expr, "real")
    ):
        return expr
    raise _NeedsEvaluation


def clear_reading_caches() -> None:
    """Forget cached parses and readings (benchmarks measure cold caches with this)."""
    clear_parse_cache()
    _evaluated.cache_clear()
    _latex_of.cache_clear()


def describe(value: Value) -> str:
    """A student-facing name for the shape of a value."""
    if isinstance(value, SetLiteral):
        return "a set"
    if isinstance(value, Bracket):
        return "a list, point or interval"
    if isinstance(value, MatrixLiteral):
        return "a matrix"
    if isinstance(value, Relation):
        return "an equation or inequality"
    if isinstance(value, Logic):
        return f"a statement with '{value.op}'"
    if isinstance(value, UnionOf):
        return "a union of sets"
    return "an expression"


def _solved_for(value: Value) -> Value | None:
    """``x = 5`` -> 5: students often restate the variable; accept it."""
    if (
        isinstance(value, Relation)
        and value.ops == ("=",)
        and isinstance(value.operands[0], sympy.Symbol)
    ):
        return value.operands[1]
    return None


def expr_of(value: Value) -> sympy.Expr:
    """The single expression an answer stands for, or an AnswerShapeError."""
    value = _solved_for(value) or value
    if isinstance(value, sympy.Expr):
        return value
    raise AnswerShapeError("wrong_type", expected="a single expression", got=describe(value))


def items_of(value: Value) -> tuple[Value, ...]:
    """Elements of a list, set, vector, or of ``x = 2 or x = -2``."""
    if isinstance(value, (Bracket, SetLiteral)):
        return value.items
    if isinstance(value, MatrixLiteral) and (
        len(value.rows) == 1 or all(len(row) == 1 for row in value.rows)
    ):
        return tuple(v for row in value.rows for v in row)
    if isinstance(value, Logic) and value.op == "or":
        solved = [_solved_for(item) for item in value.items]
        if all(s is not None for s in solved):
            return tuple(solved)
        if all(isinstance(item, sympy.Expr) for item in value.items):
            return value.items
    solved_one = _solved_for(value)
    if solved_one is not None:
        return (solved_one,)
    if isinstance(value, sympy.Expr):
        return (value,)
    raise AnswerShapeError("wrong_type", expected="a list of values", got=describe(value))


def matrix_of(value: Value) -> list[list[sympy.Expr]]:
    """Rows of a matrix typed as ``[[1,2],[3,4]]`` or a LaTeX matrix environment."""
    if isinstance(value, MatrixLiteral):
        rows = [list(row) for row in value.rows]
    elif isinstance(value, Bracket) and all(isinstance(r, Bracket) for r in value.items):
        rows = [list(r.items) for r in value.items]
    else:
        raise AnswerShapeError("wrong_type", expected="a matrix", got=describe(value))
    if not rows or any(len(row) != len(rows[0]) for row in rows):
        raise AnswerShapeError(
            "wrong_type", expected="a matrix with equal rows", got="rows of different lengths"
        )
    return [[expr_of(entry) for entry in row] for row in rows]


def _relational(op: str, left: sympy.Expr, right: sympy.Expr) -> sympy.Basic:
    return _RELATIONALS[op](left, right)


def real_set_of(value: Value, domain: sympy.Set = sympy.S.Reals) -> sympy.Set:
    """A subset of the reals: intervals, unions, finite sets, inequalities in one variable."""
    if isinstance(value, sympy.Set):
        return value
    if isinstance(value, Bracket) and value.open and len(value.items) == 2:
        low, high = (expr_of(item) for item in value.items)
        _require_number(low, high)
        return sympy.Interval(low, high, value.open == "(", value.close == ")")
    if isinstance(value, (SetLiteral, Bracket)):
        elements = [expr_of(item) for item in value.items]
        _require_number(*elements)
        return sympy.FiniteSet(*elements)
    if isinstance(value, UnionOf):
        return sympy.Union(*(real_set_of(item, domain) for item in value.items))
    if isinstance(value, Logic):
        parts = [real_set_of(item, domain) for item in value.items]
        return sympy.Union(*parts) if value.op == "or" else sympy.Intersection(*parts)
    if isinstance(value, Relation):
        return _solution_set(value, domain)
    if isinstance(value, sympy.Expr) and value.is_number:
        return sympy.FiniteSet(value)
    raise AnswerShapeError("wrong_type", expected="an interval or inequality", got=describe(value))


def _require_number(*values: sympy.Expr) -> None:
    for value in values:
        if value.free_symbols or not (value.is_extended_real is not False):
            raise AnswerShapeError(
                "wrong_type", expected="real numbers as endpoints", got=f"'{value}'"
            )


def _solution_set(relation: Relation, domain: sympy.Set) -> sympy.Set:
    symbols = set().union(*(operand.free_symbols for operand in relation.operands))
    if len(symbols) != 1:
        raise AnswerShapeError(
            "wrong_type",
            expected="an inequality in one variable",
            got=f"one in {len(symbols)} variables",
        )
    (symbol,) = symbols
    result: sympy.Set = domain
    pairs = zip(relation.operands[:-1], relation.ops, relation.operands[1:], strict=True)
    for left, op, right in pairs:
        result = sympy.Intersection(result, _solve_one(op, left, right, symbol, domain))
    return result


def _solve_one(
    op: str, left: sympy.Expr, right: sympy.Expr, symbol: sympy.Symbol, domain: sympy.Set
) -> sympy.Set:
    """Linear relations directly (fast and exact), anything else through solveset."""
    difference = sympy.expand(left - right)
    slope = difference.coeff(symbol, 1)
    if (
        op != "!="
        and domain == sympy.S.Reals
        and slope.is_number
        and slope != 0
        and sympy.expand(difference - slope * symbol).free_symbols == set()
    ):
        root = -(difference - slope * symbol) / slope
        flipped = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}.get(op, op) if slope < 0 else op
        return {
            "=": sympy.FiniteSet(root),
            "<": sympy.Interval.open(-sympy.oo, root),
            "<=": sympy.Interval(-sympy.oo, root),
            ">": sympy.Interval.open(root, sympy.oo),
            ">=": sympy.Interval(root, sympy.oo),
        }[flipped]
    return sympy.solveset(_relational(op, left, right), symbol, domain)


def equations_of(value: Value) -> list[list[sympy.Expr]]:
    """Equations in disjunctive normal form: alternatives of systems of ``lhs - rhs = 0``."""
    if isinstance(value, Logic) and value.op == "or":
        return [system for item in value.items for system in equations_of(item)]
    if isinstance(value, Logic) or (
        isinstance(value, (Bracket, SetLiteral))
        and value.items
        and all(isinstance(i, (Relation, Logic)) for i in value.items)
    ):
        systems = [equations_of(item) for item in value.items]
        if all(len(alternatives) == 1 for alternatives in systems):
            return [[eq for alternatives in systems for eq in alternatives[0]]]
    if isinstance(value, Relation) and set(value.ops) == {"="}:
        first = value.operands[0]
        return [[first - other for other in value.operands[1:]]]
    raise AnswerShapeError(
        "wrong_type", expected="an equation or system of equations", got=describe(value)
    )


def same_sets(a: sympy.Set, b: sympy.Set) -> bool:
    """Set equality that also works when sympy keeps endpoints in different forms."""
    if a == b:
        return True
    return sympy.Complement(a, b) == sympy.S.EmptySet and sympy.Complement(b, a) == sympy.S.EmptySet


def join_lines(answer: str | Sequence[str], separator: str) -> str:
    """Accept a list of strings where a kind allows several parts."""
    return answer if isinstance(answer, str) else separator.join(answer)


def fast_set_of(reading: Reading) -> realsets.RealSet:
    """:func:`fast_real_set` of an answer: off its typed tree where that stands for its
    evaluation (see :meth:`Reading.typed_polynomials`), else off its evaluation."""
    typed = reading.typed_polynomials()
    if typed is not None:
        with contextlib.suppress(realsets.NotFast):
            return fast_real_set(typed, typed=True)
    return fast_real_set(reading.value)


def fast_real_set(value: Value, typed: bool = False) -> realsets.RealSet:
    """:func:`real_set_of` by sign chart, without sympy sets; raises NotFast when unsure.

    Shape errors are left to :func:`real_set_of` (anything unusual raises NotFast). A
    ``typed`` value's relation that holds everywhere or nowhere raises NotFast too: its
    variable may cancel in evaluation (``2(x+1) - 2x > 0``), which makes it a shape error.
    """
    if isinstance(value, sympy.Set):
        if value == sympy.S.Reals:
            return realsets.REALS
        raise realsets.NotFast("a sympy set")
    if isinstance(value, Bracket) and value.open and len(value.items) == 2:
        low, high = (_fast_number(item) for item in value.items)
        return realsets.interval(low, high, value.open == "(", value.close == ")")
    if isinstance(value, (SetLiteral, Bracket)):
        return realsets.points(_fast_number(item) for item in value.items)
    if isinstance(value, UnionOf):
        return realsets.RealSet(()).union(*(fast_real_set(item, typed) for item in value.items))
    if isinstance(value, Logic):
        parts = [fast_real_set(item, typed) for item in value.items]
        if value.op == "or":
            return realsets.RealSet(()).union(*parts)
        result = parts[0]
        for part in parts[1:]:
            result = result.intersection(part)
        return result
    if isinstance(value, Relation):
        symbols = set().union(*(_fast_expr(op).free_symbols for op in value.operands))
        if len(symbols) != 1:
            raise realsets.NotFast("not one variable")
        (symbol,) = symbols
        result = realsets.REALS
        pairs = zip(value.operands[:-1], value.ops, value.operands[1:], strict=True)
        for left, op, right in pairs:
            result = result.intersection(realsets.solve(op, left - right, symbol))
        if typed and (not result.pieces or result.same_as(realsets.REALS)):
            raise realsets.NotFast("everywhere or nowhere: the variable may cancel")
        return result
    if isinstance(value, sympy.Expr) and value.is_number:
        return realsets.points([value])
    raise realsets.NotFast("another shape")


def _fast_expr(value: Value) -> sympy.Expr:
    if not isinstance(value, sympy.Expr):
        raise realsets.NotFast("not an expression")
    return value


def _fast_number(value: Value) -> sympy.Expr:
    expr = _fast_expr(value)
    if expr.free_symbols:
        raise realsets.NotFast("not a number")
    return expr
