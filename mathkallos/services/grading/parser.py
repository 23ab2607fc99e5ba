"""Grammar-based parser: student text (ASCII or LaTeX) to unevaluated sympy objects.

Nothing here evaluates text: every node is built from the parse tree through whitelists of
names and functions, unevaluated (``evaluate=False``) so the form the student wrote survives
for form rules and for the "you entered" preview.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import sympy
from lark import Lark, Token, Transformer_NonRecursive, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken, VisitError
from lark.lark import PostLex
from lark.lexer import TextSlice
from lark.parse_tree_builder import ExpandSingleChild
from lark.parsers.lalr_analysis import Shift

from .errors import MathSyntaxError
from .feedback import Message
from .guards import MAX_LENGTH, check_text
from .values import Bracket, Logic, MatrixLiteral, Relation, SetLiteral, UnionOf, Value


@dataclass(frozen=True)
class Parsed:
    """A parsed answer: its value, whether it was LaTeX, and advice for the student."""

    value: Value
    latex_mode: bool
    hints: tuple[Message, ...]


class _BarPostLexer(PostLex):
    """Tells opening from closing ``|`` bars by what precedes them, so ``|x|+|y|`` parses."""

    always_accept = ("BAR",)
    _OPENING_CONTEXT = frozenset(
        [
            "PLUS",
            "MINUS",
            "PM",
            "MUL",
            "DIV",
            "POW",
            "SUB",
            "OPEN",
            "LBRACE",
            "SETOPEN",
            "LBAR",
            "FUNC",
            "RELOP",
            "OR",
            "AND",
            "UNION",
            "FRAC",
            "SQRT",
            "SQRTIDX",
            "BINOM",
            "AMP",
            "ROWSEP",
            "BEGIN",
            "COMMA",
            "SEMI",
            "FLOOR",
            "CEIL",
        ]
    )

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        depth = 0
        previous: str | None = None
        for token in stream:
            if token.type == "BAR":
                opening = token.value == "\\lvert" or (
                    token.value != "\\rvert"
                    and (depth == 0 or previous is None or previous in self._OPENING_CONTEXT)
                )
                depth = depth + 1 if opening else max(depth - 1, 0)
                token = Token.new_borrow_pos("LBAR" if opening else "RBAR", token.value, token)
            previous = token.type
            yield token


def _div(numerator: sympy.Expr, denominator: sympy.Expr) -> sympy.Expr:
    inverse = sympy.Pow(denominator, -1, evaluate=False)
    if numerator == 1:
        return inverse
    return sympy.Mul(numerator, inverse, evaluate=False)


def _log(args: list[sympy.Expr]) -> sympy.Expr:
    if len(args) == 1:
        return sympy.log(args[0], evaluate=False)
    return _div(sympy.log(args[0], evaluate=False), sympy.log(args[1], evaluate=False))


def _root(args: list[sympy.Expr]) -> sympy.Expr:
    degree = args[1] if len(args) == 2 else sympy.Integer(3)
    return sympy.Pow(args[0], _div(sympy.Integer(1), degree), evaluate=False)


def _unary(cls: Any) -> Callable[[list[sympy.Expr]], sympy.Expr]:
    return lambda args: cls(*args, evaluate=False)


# name -> (builder, min args, max args)
_FUNCTIONS: dict[str, tuple[Callable[[list[sympy.Expr]], sympy.Expr], int, int]] = {
    **{
        name: (_unary(getattr(sympy, name)), 1, 1)
        for name in (
            "sin",
            "cos",
            "tan",
            "cot",
            "sec",
            "csc",
            "asin",
            "acos",
            "atan",
            "acot",
            "sinh",
            "cosh",
            "tanh",
            "coth",
            "asinh",
            "acosh",
            "atanh",
            "exp",
            "floor",
            "ceiling",
            "sign",
            "factorial",
            "re",
            "im",
            "arg",
            "conjugate",
        )
    },
    "tg": (_unary(sympy.tan), 1, 1),
    "ctg": (_unary(sympy.cot), 1, 1),
    "abs": (_unary(sympy.Abs), 1, 1),
    "sqrt": (lambda a: sympy.Pow(a[0], sympy.Rational(1, 2), evaluate=False), 1, 1),
    "cbrt": (_root, 1, 1),
    "root": (_root, 2, 2),
    "ln": (_log, 1, 1),
    "log": (_log, 1, 2),
    "lg": (lambda a: _log([a[0], sympy.Integer(10)]), 1, 1),
    "binomial": (_unary(sympy.binomial), 2, 2),
    "max": (_unary(sympy.Max), 1, 20),
    "cis": (lambda a: sympy.exp(sympy.Mul(sympy.I, a[0], evaluate=False), evaluate=False), 1, 1),
    "min": (_unary(sympy.Min), 1, 20),
}
_ALIASES = {
    "arcsin": "asin",
    "arccos": "acos",
    "arctan": "atan",
    "arccot": "acot",
    "arcsinh": "asinh",
    "arccosh": "acosh",
    "arctanh": "atanh",
    "ceil": "ceiling",
    "sgn": "sign",
    "binom": "binomial",
    "conj": "conjugate",
}
_INVERSES = {
    "sin": "asin",
    "cos": "acos",
    "tan": "atan",
    "cot": "acot",
    "sinh": "asinh",
    "cosh": "acosh",
    "tanh": "atanh",
}
_FUNCTION_WORDS = sorted(set(_FUNCTIONS) | set(_ALIASES), key=len, reverse=True)

_CONSTANTS: dict[str, sympy.Basic] = {
    "pi": sympy.pi,
    "e": sympy.E,
    "i": sympy.I,
    "inf": sympy.oo,
    "infty": sympy.oo,
    "infinity": sympy.oo,
    "oo": sympy.oo,
    "exponentialE": sympy.E,
    "imaginaryI": sympy.I,
}
GREEK = frozenset(
    [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "epsilon",
        "varepsilon",
        "zeta",
        "eta",
        "theta",
        "vartheta",
        "iota",
        "kappa",
        "mu",
        "nu",
        "xi",
        "rho",
        "sigma",
        "tau",
        "upsilon",
        "phi",
        "varphi",
        "chi",
        "psi",
        "omega",
        "Gamma",
        "Delta",
        "Theta",
        "Lambda",
        "Xi",
        "Pi",
        "Sigma",
        "Phi",
        "Psi",
        "Omega",
    ]
)
_FORBIDDEN = frozenset(
    [
        "import",
        "lambda",
        "exec",
        "eval",
        "open",
        "os",
        "sys",
        "print",
        "class",
        "def",
        "return",
    ]
)
_RELATIONS = {
    "=": "=",
    "==": "=",
    "<": "<",
    ">": ">",
    "<=": "<=",
    "=<": "<=",
    ">=": ">=",
    "=>": ">=",
    "!=": "!=",
    "≤": "<=",
    "≥": ">=",
    "≠": "!=",
    "⩽": "<=",
    "⩾": ">=",
    "\\le": "<=",
    "\\leq": "<=",
    "\\leqslant": "<=",
    "\\ge": ">=",
    "\\geq": ">=",
    "\\geqslant": ">=",
    "\\ne": "!=",
    "\\neq": "!=",
    "\\lt": "<",
    "\\gt": ">",
}
_MAX_SPLIT_NAME = 3


@dataclass(frozen=True)
class _Braced:
    """``{x}``: a LaTeX group, or a one-element set in ASCII input; decided by context."""

    item: Value


@dataclass(frozen=True)
class _PlusMinus:
    """``a ± b``: allowed only as a whole side of a relation or as the whole answer."""

    plus: sympy.Expr
    minus: sympy.Expr


@dataclass(frozen=True)
class _Letters:
    """``xy`` read as x*y: a power or factorial binds to the last letter (``ab^2`` = a*b^2)."""

    factors: tuple[sympy.Expr, ...]

    def product(self, last: sympy.Expr | None = None) -> sympy.Expr:
        factors = self.factors if last is None else (*self.factors[:-1], last)
        return sympy.Mul(*factors, evaluate=False)


def _flat(cls: type, left: sympy.Expr, right: sympy.Expr) -> sympy.Expr:
    """Flatten chains like 1+2+3 so a long sum is a wide node, not a deep one."""
    args = [*left.args] if isinstance(left, cls) else [left]
    return cls(*args, right, evaluate=False)


def _position(token: Token) -> int:
    return (token.start_pos or 0) + 1


@v_args(inline=True)
class _Builder(Transformer_NonRecursive):
    """Parse tree -> values. Holds the mode (LaTeX or ASCII) and collects hints."""

    def __init__(self, latex_mode: bool) -> None:
        super().__init__()
        self.reset(latex_mode)

    def reset(self, latex_mode: bool) -> None:
        """Start a new answer (the builder is reused: lark calls it while it parses)."""
        self.latex_mode = latex_mode
        self.hints: list[Message] = []

    # ---- coercions ---------------------------------------------------------------------
    def _expr(self, value: Any) -> sympy.Expr:
        """An operand of arithmetic: must be a scalar expression."""
        if isinstance(value, _Braced):
            value = value.item
        if isinstance(value, _Letters):
            return value.product()
        if isinstance(value, sympy.Expr):
            return value
        raise MathSyntaxError("not_in_calculation", what=_describe(value))

    def _value(self, value: Any) -> Value:
        """A list item or a whole answer: braces become a set in ASCII input."""
        if isinstance(value, _Braced):
            if self.latex_mode:
                return self._value(value.item)
            return SetLiteral((self._value(value.item),))
        if isinstance(value, _PlusMinus):
            return Logic("or", (value.plus, value.minus))
        if isinstance(value, _Letters):
            return value.product()
        return value

    # ---- structure ---------------------------------------------------------------------
    def naked_list(self, *children: Any) -> Bracket:
        items = (child for child in children if not isinstance(child, Token))
        return Bracket("", "", tuple(self._value(item) for item in items))

    def or_(self, left: Any, _op: Token, right: Any) -> Logic:
        return self._logic("or", left, right)

    def and_(self, left: Any, _op: Token, right: Any) -> Logic:
        return self._logic("and", left, right)

    def _logic(self, op: str, left: Any, right: Any) -> Logic:
        left, right = self._value(left), self._value(right)
        items = left.items if isinstance(left, Logic) and left.op == op else (left,)
        return Logic(op, (*items, right))

    def relation(self, *children: Any) -> Value:
        operands = children[0::2]
        ops = tuple(_RELATIONS[token.value] for token in children[1::2])
        plus_minus = [i for i, operand in enumerate(operands) if isinstance(operand, _PlusMinus)]
        if plus_minus and len(operands) == 2:
            side = plus_minus[0]
            branches = []
            for branch in (operands[side].plus, operands[side].minus):
                sides = list(operands)
                sides[side] = branch
                branches.append(Relation(ops, tuple(self._expr(s) for s in sides)))
            return Logic("or", tuple(branches))
        return Relation(ops, tuple(self._expr(operand) for operand in operands))

    def union(self, left: Any, _op: Token, right: Any) -> UnionOf:
        left, right = self._value(left), self._value(right)
        items = left.items if isinstance(left, UnionOf) else (left,)
        return UnionOf((*items, right))

    def items(self, *children: Any) -> tuple[Value, ...]:
        return tuple(self._value(item) for item in children if not isinstance(item, Token))

    def bracket(self, open_: Token, *rest: Any) -> Value:
        close: Token = rest[-1]
        items: tuple[Value, ...] = rest[0] if len(rest) == 2 else ()
        pair = open_.value + close.value
        if len(items) == 1 and pair in ("()", "[]"):
            return items[0]
        if not items and pair == "()":
            position = _position(open_)
            raise MathSyntaxError("empty_brackets", position)
        return Bracket(open_.value, close.value, items)

    def brace(self, _open: Token, *rest: Any) -> Value:
        items: tuple[Value, ...] = rest[0] if len(rest) == 2 else ()
        if len(items) == 1:
            return _Braced(items[0])
        return SetLiteral(items)

    def set_literal(self, _open: Token, *rest: Any) -> SetLiteral:
        return SetLiteral(rest[0] if len(rest) == 2 else ())

    def rows(self, *children: Any) -> tuple[tuple[Value, ...], ...]:
        return tuple(child for child in children if not isinstance(child, Token))

    def row(self, *children: Any) -> tuple[Value, ...]:
        return tuple(self._expr(c) for c in children if not isinstance(c, Token))

    def matrix(self, _begin: Token, rows: tuple[tuple[Value, ...], ...], _end: Token) -> Value:
        return MatrixLiteral(rows)

    # ---- arithmetic --------------------------------------------------------------------
    def add(self, left: Any, _op: Token, right: Any) -> sympy.Expr:
        return _flat(sympy.Add, self._expr(left), self._expr(right))

    def sub(self, left: Any, _op: Token, right: Any) -> sympy.Expr:
        return _flat(sympy.Add, self._expr(left), _negate(self._expr(right)))

    def plus_minus(self, left: Any, _op: Token, right: Any) -> _PlusMinus:
        left, right = self._expr(left), self._expr(right)
        return _PlusMinus(_flat(sympy.Add, left, right), _flat(sympy.Add, left, _negate(right)))

    def pm_prefix(self, _op: Token, operand: Any) -> _PlusMinus:
        operand = self._expr(operand)
        return _PlusMinus(operand, _negate(operand))

    def mul(self, left: Any, _op: Token, right: Any) -> sympy.Expr:
        return _flat(sympy.Mul, self._expr(left), self._expr(right))

    def implicit_mul(self, left: Any, right: Any) -> sympy.Expr:
        return _flat(sympy.Mul, self._expr(left), self._expr(right))

    def div(self, left: Any, _op: Token, right: Any) -> sympy.Expr:
        return _div(self._expr(left), self._expr(right))

    def neg(self, _op: Token, operand: Any) -> sympy.Expr:
        return _negate(self._expr(operand))

    def pos(self, _op: Token, operand: Any) -> sympy.Expr:
        return self._expr(operand)

    def pow(self, base: Any, _op: Token, exponent: Any) -> sympy.Expr:
        if isinstance(base, _Letters):
            return base.product(self.pow(base.factors[-1], _op, exponent))
        return sympy.Pow(self._expr(base), self._expr(exponent), evaluate=False)

    def factorial(self, operand: Any, _op: Token) -> sympy.Expr:
        if isinstance(operand, _Letters):
            return operand.product(self.factorial(operand.factors[-1], _op))
        return sympy.factorial(self._expr(operand), evaluate=False)

    # ---- atoms -------------------------------------------------------------------------
    def number(self, token: Token) -> sympy.Expr:
        text = token.value
        if any(c in text for c in ".eE"):
            return sympy.Float(text if not text.startswith(".") else "0" + text)
        return sympy.Integer(text)

    def const(self, token: Token) -> Value:
        text = token.value
        if text in ("π",):
            return sympy.pi
        if text == "∞":
            return sympy.oo
        if text == "∅":
            return SetLiteral(())
        match = re.fullmatch(r"\\(?:mathrm|mathbb)\{(\w)\}", text)
        if match:
            letter = match.group(1)
            if text.startswith("\\mathbb"):
                if letter == "R":
                    return sympy.S.Reals
                raise MathSyntaxError("unsupported_set", letter=letter)
            return _CONSTANTS.get(letter, sympy.Symbol(letter))
        name, _, subscript = text[1:].partition("_")
        if subscript:  # \alpha_{1} as the preview prints alpha_1
            return sympy.Symbol(f"{name}_{subscript.strip('{}')}")
        if name in ("emptyset", "varnothing"):
            return SetLiteral(())
        return _CONSTANTS.get(name) or sympy.Symbol(name)

    def name(self, token: Token) -> sympy.Expr:
        return self._resolve_name(token.value, _position(token))

    def _resolve_name(self, raw: str, position: int) -> Any:
        word, _, subscript = raw.partition("_")
        if subscript:
            return sympy.Symbol(f"{word}_{subscript.strip('{}')}")
        if word in _CONSTANTS:
            return _CONSTANTS[word]
        if word == "emptyset":
            return SetLiteral(())
        if len(word) == 1 or word in GREEK:
            return sympy.Symbol(word)
        if word.lower() in _FORBIDDEN:
            raise MathSyntaxError("forbidden", position, word=word)
        for function in _FUNCTION_WORDS:
            start = word.find(function)
            if start >= 0:
                before, after = word[:start], word[start + len(function) :]
                hint = Message.of(
                    "did_you_mean",
                    before=f"{before}*" if before else "",
                    function=function,
                    argument=after or "x",
                )
                raise MathSyntaxError("unknown_name", position, hint, word=word)
        pieces = _split_letters(word)
        if pieces is None:
            hint = Message.of("write_products", example="*".join(word[:2]))
            raise MathSyntaxError("unknown_name", position, hint, word=word)
        self.hints.append(Message.of("read_as", word=word, product="*".join(pieces)))
        return _Letters(tuple(_CONSTANTS.get(piece) or sympy.Symbol(piece) for piece in pieces))

    def abs_bars(self, _open: Token, operand: Any, _close: Token) -> sympy.Expr:
        return sympy.Abs(self._expr(operand), evaluate=False)

    def floor_bars(self, _open: Token, operand: Any, _close: Token) -> sympy.Expr:
        return sympy.floor(self._expr(operand), evaluate=False)

    def ceil_bars(self, _open: Token, operand: Any, _close: Token) -> sympy.Expr:
        return sympy.ceiling(self._expr(operand), evaluate=False)

    def call(self, function: Token, argument: Any) -> sympy.Expr:
        return self._apply(function, self._arguments(argument))

    def call_pow(self, function: Token, _op: Token, exponent: Any, argument: Any) -> sympy.Expr:
        exponent = self._expr(exponent)
        name = _function_name(function)
        if exponent == -1 and name in _INVERSES:
            inverse = Token.new_borrow_pos("FUNC", _INVERSES[name], function)
            return self._apply(inverse, self._arguments(argument))
        return sympy.Pow(self._apply(function, self._arguments(argument)), exponent, evaluate=False)

    def call_sub(self, function: Token, _op: Token, base: Any, argument: Any) -> sympy.Expr:
        if _function_name(function) != "log":
            position = _position(function) + len(function.value)
            raise MathSyntaxError("unexpected_after", position, text="_", after=function.value)
        return _log([*self._arguments(argument), self._expr(base)])

    def _arguments(self, argument: Any) -> list[sympy.Expr]:
        if isinstance(argument, Bracket) and argument.open == "(" and argument.close == ")":
            return [self._expr(item) for item in argument.items]
        return [self._expr(argument)]

    def _apply(self, function: Token, args: list[sympy.Expr]) -> sympy.Expr:
        name = _function_name(function)
        if name not in _FUNCTIONS:
            raise MathSyntaxError("unknown_function", _position(function), name=name)
        builder, least, most = _FUNCTIONS[name]
        if not least <= len(args) <= most:
            arity = {"count": least} if least == most else {"least": least, "most": most}
            raise MathSyntaxError(
                "arguments" if least == most else "arguments_between",
                _position(function),
                name=name,
                given=len(args),
                **arity,
            )
        return builder(args)

    def frac(self, _op: Token, numerator: Any, denominator: Any) -> sympy.Expr:
        return _div(self._expr(numerator), self._expr(denominator))

    def sqrt(self, _op: Token, operand: Any) -> sympy.Expr:
        return sympy.Pow(self._expr(operand), sympy.Rational(1, 2), evaluate=False)

    def nth_root(self, _op: Token, degree: Any, _close: Token, operand: Any) -> sympy.Expr:
        return _root([self._expr(operand), self._expr(degree)])

    def binom(self, _op: Token, top: Any, bottom: Any) -> sympy.Expr:
        return sympy.binomial(self._expr(top), self._expr(bottom), evaluate=False)


def _negate(operand: sympy.Expr) -> sympy.Expr:
    if operand.is_Number:
        return -operand
    return sympy.Mul(sympy.Integer(-1), operand, evaluate=False)


def _function_name(token: Token) -> str:
    name = token.value.lstrip("\\")
    match = re.fullmatch(r"operatorname\{(\w+)\}", name)
    if match:
        name = match.group(1)
    return _ALIASES.get(name, name)


def _split_letters(word: str) -> list[str] | None:
    """Read a short unknown word as a product of letters and pi (``xy`` -> x*y), else None."""
    pieces: list[str] = []
    rest = word
    while rest:
        if rest.startswith("pi"):
            pieces.append("pi")
            rest = rest[2:]
        else:
            pieces.append(rest[0])
            rest = rest[1:]
    return pieces if len(pieces) <= _MAX_SPLIT_NAME else None


def _describe(value: Any) -> str:
    if isinstance(value, SetLiteral):
        return "a set"
    if isinstance(value, Bracket):
        return "a list or interval"
    if isinstance(value, MatrixLiteral):
        return "a matrix"
    if isinstance(value, Relation):
        return "an equation or inequality"
    if isinstance(value, (Logic, _PlusMinus)):
        return "'or'/'and' or '±'"
    if isinstance(value, UnionOf):
        return "a union"
    return "this part"


def _syntax_error(error: Exception, text: str) -> MathSyntaxError:
    """Turn a lark error into a message that says where and why."""
    if isinstance(error, UnexpectedCharacters):
        index = error.pos_in_stream
        char = text[index]
        if char == "\\":
            command = re.match(r"\\[a-zA-Z]*", text[index:])
            shown = command.group(0) if command else "\\"
            return MathSyntaxError("unknown_command", index + 1, command=shown)
        return MathSyntaxError("unexpected", index + 1, text=char)
    if isinstance(error, UnexpectedToken) and error.token.type != "$END":
        position = (error.token.start_pos or 0) + 1
        return MathSyntaxError("unexpected", position, text=error.token.value)
    return MathSyntaxError("ends_early", len(text))


def parse(text: str, max_length: int = MAX_LENGTH) -> Parsed:
    """Parse one answer; raise MathSyntaxError (and nothing else) on any malformed input.

    Results are immutable and cached per process (an LRU, so the preview and the check of one
    answer, and every use of one key, parse the text once); errors are never cached.
    """
    return _parse(text, max_length)


def clear_parse_cache() -> None:
    """Forget cached parses."""
    _parse.cache_clear()


@lru_cache(maxsize=256)
def _parse(text: str, max_length: int) -> Parsed:
    check_text(text, max_length)
    if not text.strip():
        raise MathSyntaxError("empty")
    latex_mode = "\\" in text
    parser, builder = _building_parser()
    with _BUILDING_LOCK:
        builder.reset(latex_mode)
        try:
            value = builder._value(parser.parse(text))
        except (UnexpectedCharacters, UnexpectedToken, UnexpectedEOF) as error:
            raise _syntax_error(error, text) from None
        except MathSyntaxError:
            raise
        except VisitError as error:
            if isinstance(error.orig_exc, MathSyntaxError):
                raise error.orig_exc from None
            raise MathSyntaxError("not_understood") from None
        except RecursionError:
            raise MathSyntaxError("too_nested") from None
        except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError):
            raise MathSyntaxError("not_understood") from None
        hints = tuple(builder.hints)
    return Parsed(value, latex_mode, hints)


_BUILDING_LOCK = threading.Lock()

# A reduction: (children to pop, rule name for the goto, callback); a rule that only passes
# its single child up (``?sum: term``) has no callback and pops nothing.
_Reduction = tuple[int, str, Callable[[list[Any]], Any] | None]


class _TableParser:
    """lark's LALR(1) table and callbacks for ``grammar.lark``, driven by a tight loop.

    Same language, same reductions and the same lark errors as ``Lark.parse``, about a third
    faster: no per-parse parser objects, and the pass-through reductions of the precedence
    chain (an atom climbs about ten ``?rule`` levels) only move the state. Relies on lark's
    parse-table layout (lark is pinned in requirements.txt).
    """

    def __init__(self, lark: Lark) -> None:
        frontend = lark.parser
        table = frontend.parser.parser.parse_table
        callbacks = frontend.parser.parser.callbacks
        self._lexer, self._postlex = frontend.lexer.lexer, frontend.lexer.postlexer
        self._start, self._end = table.start_states["start"], table.end_states["start"]
        reductions: dict[Any, _Reduction] = {}
        self._states: dict[int, dict[str, tuple[bool, Any]]] = {}
        for state, actions in table.states.items():
            row: dict[str, tuple[bool, Any]] = {}
            for terminal, (action, argument) in actions.items():
                if action is Shift:
                    row[str(terminal)] = (True, argument)
                    continue
                if argument not in reductions:
                    callback = callbacks[argument]
                    size = len(argument.expansion)
                    passes = size == 1 and type(callback) is ExpandSingleChild
                    reductions[argument] = (
                        0 if passes else size,
                        str(argument.origin.name),
                        None if passes else callback,
                    )
                row[str(terminal)] = (False, reductions[argument])
            self._states[state] = row

    def _tokens(self, text: str) -> Iterator[Token]:
        """lark's basic lexer (same scanner, tokens and errors) without its line and column
        bookkeeping: positions in messages are offsets into the one-line answer."""
        lexer = self._lexer
        scanner = lexer.scanner  # built on first use, with the callbacks
        source, ignored, callbacks = TextSlice.cast_from(text), lexer.ignore_types, lexer.callback
        position = 0
        while position < len(text):
            found = scanner.match(source, position)
            if not found:
                allowed = scanner.allowed_types - ignored
                raise UnexpectedCharacters(text, position, 1, position + 1, allowed=allowed)
            value, kind = found
            if kind not in ignored:
                token = Token(kind, value, position, 1, position + 1)
                yield callbacks[kind](token) if kind in callbacks else token
            position += len(value)

    def parse(self, text: str) -> Any:
        states, end_state = self._states, self._end
        state_stack, value_stack = [self._start], []

        def feed(token: Token, end: bool = False) -> Any:
            while True:
                row = states[state_stack[-1]]
                try:
                    shift, argument = row[token.type]
                except KeyError:
                    expected = {name for name in row if name.isupper()}
                    raise UnexpectedToken(token, expected) from None
                if shift:
                    state_stack.append(argument)
                    value_stack.append(token)
                    return None
                size, origin, callback = argument
                if callback is None:
                    state_stack[-1] = states[state_stack[-2]][origin][1]
                else:
                    children = value_stack[-size:] if size else []
                    if size:
                        del state_stack[-size:]
                        del value_stack[-size:]
                    value_stack.append(callback(children))
                    state_stack.append(states[state_stack[-1]][origin][1])
                if end and state_stack[-1] == end_state:
                    return value_stack[-1]

        last = None
        for last in self._postlex.process(self._tokens(text)):
            feed(last)
        end = Token.new_borrow_pos("$END", "", last) if last else Token("$END", "", 0, 1, 1)
        return feed(end, end=True)


@lru_cache(maxsize=1)
def _building_parser() -> tuple[_TableParser, _Builder]:
    """An LALR parser that builds values while it parses (no parse tree, no tree walk).

    The builder's callbacks are bound once, at construction, which is much cheaper than a
    ``Transformer`` pass per answer; one builder serves every parse, under a lock.
    """
    builder = _Builder(latex_mode=False)
    grammar = Path(__file__).with_name("grammar.lark").read_text(encoding="utf-8")
    parser = Lark(
        grammar, parser="lalr", lexer="basic", postlex=_BarPostLexer(), transformer=builder
    )
    return _TableParser(parser), builder
