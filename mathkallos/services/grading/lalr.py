"""lark's LALR(1) parse table for ``grammar.lark``, driven by a tight loop of our own.

``parser.py`` builds values with lark's callbacks as this loop reduces; no parse tree, no
``Lark.parse`` per answer. It relies on lark's table, lexer and callback layout (lark is
pinned in requirements.txt); a differential test checks it parses exactly as ``Lark.parse``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import chain
from typing import Any

from lark import Lark, Token
from lark.exceptions import UnexpectedCharacters, UnexpectedToken
from lark.parse_tree_builder import ExpandSingleChild
from lark.parsers.lalr_analysis import Shift
from lark.visitors import _vargs_inline, _VArgsWrapper

from .scanner import FirstCharScanner

# A reduction: (children to pop, rule name for the goto, callback, whether the callback takes
# the children as arguments); a rule that only passes its single child up (``?sum: term``)
# has no callback and pops nothing.
_Reduction = tuple[int, str, Callable[..., Any] | None, bool]


def _inline_method(callback: Callable[[list[Any]], Any]) -> Callable[..., Any] | None:
    """The builder method behind lark's ``v_args(inline=True)`` wrapper, called directly with
    the children as arguments (two wrapper calls fewer per reduction), or None for others."""
    wrapper = getattr(callback, "__wrapped__", None)
    if isinstance(wrapper, _VArgsWrapper) and wrapper.visit_wrapper is _vargs_inline:
        return wrapper.base_func
    return None


class TableParser:
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
        # lark's scanner is one alternation of named groups for a grammar this size, and no
        # terminal has a lexer callback: tokens come from that regex, split by first character
        scanner = self._lexer.scanner
        (pattern,) = scanner._mres
        if self._lexer.callback:
            raise ValueError("terminal callbacks are not supported")
        self._scanner = FirstCharScanner(
            pattern, [(t.name, t.pattern.to_regexp()) for t in scanner.terminals]
        )
        self._ignored = self._lexer.ignore_types
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
                    method = _inline_method(callback)
                    reductions[argument] = (
                        0 if passes else size,
                        str(argument.origin.name),
                        None if passes else method or callback,
                        method is not None,
                    )
                row[str(terminal)] = (False, reductions[argument])
            self._states[state] = row
        # (state below, state on top, terminal) -> state after the pass-through reductions
        self._passes: dict[tuple[int, int, str], int] = {}

    def _climb(self, below: int, top: int, terminal: str) -> int:
        """The state after every pass-through reduction that ``terminal`` causes in ``top``
        (over ``below``, which they leave in place): the chain is followed once per triple."""
        while True:
            action = self._states[top].get(terminal)
            if action is None or action[0] or action[1][2] is not None:
                return top
            top = self._states[below][action[1][1]][1]
            if terminal == "$END" and top == self._end:
                return top

    def _tokens(self, text: str) -> Iterator[Token]:
        """lark's basic lexer (same tokens and errors) without its line and column bookkeeping:
        positions in messages are offsets into the one-line answer."""
        by_char, for_char = self._scanner.by_char, self._scanner.for_char
        ignored, new_token = self._ignored, Token._future_new
        position, length = 0, len(text)
        while position < length:
            char = text[position]
            match = by_char.get(char) or for_char(char)
            found = match(text, position) if match else None
            if not found:
                allowed = self._lexer.scanner.allowed_types - ignored
                raise UnexpectedCharacters(text, position, 1, position + 1, allowed=allowed)
            kind = found.lastgroup
            if kind not in ignored:
                yield new_token(kind, found.group(), position, 1, position + 1)
            position = found.end()

    def parse(self, text: str) -> Any:
        states, end_state, passes = self._states, self._end, self._passes
        state_stack, value_stack = [self._start], []
        last = None
        # None marks the end of the input: then the $END token, placed after the last token
        for token in chain(self._postlex.process(self._tokens(text)), (None,)):
            end = token is None
            if end:
                token = (
                    Token.new_borrow_pos("$END", "", last) if last else Token("$END", "", 0, 1, 1)
                )
            last = token
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
                    break
                size, origin, callback, inline = argument
                if callback is None:
                    below, top = state_stack[-2], state_stack[-1]
                    climbed = passes.get((below, top, token.type))
                    if climbed is None:
                        climbed = self._climb(below, top, token.type)
                        passes[below, top, token.type] = climbed
                    state_stack[-1] = climbed
                else:
                    children = value_stack[-size:] if size else []
                    if size:
                        del state_stack[-size:]
                        del value_stack[-size:]
                    value_stack.append(callback(*children) if inline else callback(children))
                    state_stack.append(states[state_stack[-1]][origin][1])
                if end and state_stack[-1] == end_state:
                    return value_stack[-1]
        raise AssertionError("unreachable: $END reduces to the start symbol or is unexpected")
