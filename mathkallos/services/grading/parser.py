"""Grammar-based parser: student text (ASCII or LaTeX) to unevaluated sympy objects.

Nothing here evaluates text: every node is built while ``lalr.py`` parses, through the
whitelists of ``vocabulary.py``, unevaluated (``evaluate=False``) so the form the student
wrote survives for form rules and for the "you entered" preview.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import sympy
from lark import Lark, Token, Transformer_NonRecursive, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken, VisitError
from lark.lark import PostLex

from .errors import MathSyntaxError
from .feedback import Message
from .guards import MAX_LENGTH, check_text
from .lalr import TableParser
from .values import Bracket, Logic, MatrixLiteral, Relation, SetLiteral, UnionOf, Value
from .vocabulary import (
    ALIASES,
    CONSTANTS,
    FORBIDDEN,
    FUNCTION_WORDS,
    FUNCTIONS,
    GREEK,
    INVERSES,
    MAX_SPLIT_NAME,
    RELATIONS,
    applied,
    clear_applied,
    divide,
    logarithm,
    root,
    unevaluated,
)


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
        return unevaluated(sympy.Mul, *factors)


def _flat(cls: type, left: sympy.Expr, right: sympy.Expr) -> sympy.Expr:
    """Flatten chains like 1+2+3 so a long sum is a wide node, not a deep one."""
    args = [*left.args] if isinstance(left, cls) else [left]
    return unevaluated(cls, *args, right)


def _position(token: Token) -> int:
    return (token.start_pos or 0) + 1


@v_args(inline=True)
class _Builder(Transformer_NonRecursive):
    """Parse tree -> values. Holds the mode (LaTeX or ASCII) and collects hints."""

    def __init__(self, latex_mode: bool) -> None:
        super().__init__()
        self._reset(latex_mode)

    def _reset(self, latex_mode: bool) -> None:
        """Start a new answer (the builder is reused: lark calls it while it parses). Private,
        so ``v_args`` does not wrap it (a wrapper would be built on every call)."""
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
        ops = tuple(RELATIONS[token.value] for token in children[1::2])
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
        return divide(self._expr(left), self._expr(right))

    def neg(self, _op: Token, operand: Any) -> sympy.Expr:
        return _negate(self._expr(operand))

    def pos(self, _op: Token, operand: Any) -> sympy.Expr:
        return self._expr(operand)

    def pow(self, base: Any, _op: Token, exponent: Any) -> sympy.Expr:
        if isinstance(base, _Letters):
            return base.product(self.pow(base.factors[-1], _op, exponent))
        return unevaluated(sympy.Pow, self._expr(base), self._expr(exponent))

    def factorial(self, operand: Any, _op: Token) -> sympy.Expr:
        if isinstance(operand, _Letters):
            return operand.product(self.factorial(operand.factors[-1], _op))
        return applied(sympy.factorial, self._expr(operand))

    # ---- atoms -------------------------------------------------------------------------
    def number(self, token: Token) -> sympy.Expr:
        text = token.value
        if "." in text or "e" in text or "E" in text:
            return sympy.Float(text if not text.startswith(".") else "0" + text)
        return _integer(text)

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
            return CONSTANTS.get(letter, _symbol(letter))
        name, _, subscript = text[1:].partition("_")
        if subscript:  # \alpha_{1} as the preview prints alpha_1
            return _symbol(f"{name}_{subscript.strip('{}')}")
        if name in ("emptyset", "varnothing"):
            return SetLiteral(())
        return CONSTANTS.get(name) or _symbol(name)

    def name(self, token: Token) -> sympy.Expr:
        return self._resolve_name(token.value, _position(token))

    def _resolve_name(self, raw: str, position: int) -> Any:
        word, _, subscript = raw.partition("_")
        if subscript:
            return _symbol(f"{word}_{subscript.strip('{}')}")
        if word in CONSTANTS:
            return CONSTANTS[word]
        if word == "emptyset":
            return SetLiteral(())
        if len(word) == 1 or word in GREEK:
            return _symbol(word)
        if word.lower() in FORBIDDEN:
            raise MathSyntaxError("forbidden", position, word=word)
        for function in FUNCTION_WORDS:
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
        return _Letters(tuple(CONSTANTS.get(piece) or _symbol(piece) for piece in pieces))

    def abs_bars(self, _open: Token, operand: Any, _close: Token) -> sympy.Expr:
        return applied(sympy.Abs, self._expr(operand))

    def floor_bars(self, _open: Token, operand: Any, _close: Token) -> sympy.Expr:
        return applied(sympy.floor, self._expr(operand))

    def ceil_bars(self, _open: Token, operand: Any, _close: Token) -> sympy.Expr:
        return applied(sympy.ceiling, self._expr(operand))

    def call(self, function: Token, argument: Any) -> sympy.Expr:
        return self._apply(function, self._arguments(argument))

    def call_pow(self, function: Token, _op: Token, exponent: Any, argument: Any) -> sympy.Expr:
        exponent = self._expr(exponent)
        name = _function_name(function)
        if exponent == -1 and name in INVERSES:
            inverse = Token.new_borrow_pos("FUNC", INVERSES[name], function)
            return self._apply(inverse, self._arguments(argument))
        return unevaluated(sympy.Pow, self._apply(function, self._arguments(argument)), exponent)

    def call_sub(self, function: Token, _op: Token, base: Any, argument: Any) -> sympy.Expr:
        if _function_name(function) != "log":
            position = _position(function) + len(function.value)
            raise MathSyntaxError("unexpected_after", position, text="_", after=function.value)
        return logarithm([*self._arguments(argument), self._expr(base)])

    def _arguments(self, argument: Any) -> list[sympy.Expr]:
        if isinstance(argument, Bracket) and argument.open == "(" and argument.close == ")":
            return [self._expr(item) for item in argument.items]
        return [self._expr(argument)]

    def _apply(self, function: Token, args: list[sympy.Expr]) -> sympy.Expr:
        name = _function_name(function)
        if name not in FUNCTIONS:
            raise MathSyntaxError("unknown_function", _position(function), name=name)
        builder, least, most = FUNCTIONS[name]
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
        return divide(self._expr(numerator), self._expr(denominator))

    def sqrt(self, _op: Token, operand: Any) -> sympy.Expr:
        return unevaluated(sympy.Pow, self._expr(operand), sympy.S.Half)

    def nth_root(self, _op: Token, degree: Any, _close: Token, operand: Any) -> sympy.Expr:
        return root([self._expr(operand), self._expr(degree)])

    def binom(self, _op: Token, top: Any, bottom: Any) -> sympy.Expr:
        return applied(sympy.binomial, self._expr(top), self._expr(bottom))


@lru_cache(maxsize=1024)
def _symbol(name: str) -> sympy.Symbol:
    """A letter's symbol, made once: sympy's constructor checks its assumptions every time,
    and the same few letters make up most answers."""
    return sympy.Symbol(name)


@lru_cache(maxsize=1024)
def _integer(digits: str) -> sympy.Integer:
    """An integer literal's value, made once (small integers recur in almost every answer)."""
    return sympy.Integer(digits)


def _negate(operand: sympy.Expr) -> sympy.Expr:
    if operand.is_Number:
        return -operand
    return unevaluated(sympy.Mul, sympy.S.NegativeOne, operand)


def _function_name(token: Token) -> str:
    name = token.value.lstrip("\\")
    match = re.fullmatch(r"operatorname\{(\w+)\}", name)
    if match:
        name = match.group(1)
    return ALIASES.get(name, name)


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
    return pieces if len(pieces) <= MAX_SPLIT_NAME else None


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
    """Forget cached parses (and the symbols, integers and function arities they are made of)."""
    _parse.cache_clear()
    _symbol.cache_clear()
    _integer.cache_clear()
    clear_applied()


@lru_cache(maxsize=256)
def _parse(text: str, max_length: int) -> Parsed:
    check_text(text, max_length)
    if not text.strip():
        raise MathSyntaxError("empty")
    latex_mode = "\\" in text
    parser, builder = _building_parser()
    with _BUILDING_LOCK:
        builder._reset(latex_mode)
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


@lru_cache(maxsize=1)
def _building_parser() -> tuple[TableParser, _Builder]:
    """An LALR parser that builds values while it parses (no parse tree, no tree walk).

    The builder's callbacks are bound once, at construction, which is much cheaper than a
    ``Transformer`` pass per answer; one builder serves every parse, under a lock.
    """
    builder = _Builder(latex_mode=False)
    grammar = Path(__file__).with_name("grammar.lark").read_text(encoding="utf-8")
    parser = Lark(
        grammar, parser="lalr", lexer="basic", postlex=_BarPostLexer(), transformer=builder
    )
    return TableParser(parser), builder
