"""lark's scanner regex split by first character: the same tokens, a few alternatives per match.

lark scans with one alternation of a named group per terminal; Python's ``re`` tries the
alternatives in order, so each token costs a pass over most of the ~40 terminals (about half
of all parsing time). A terminal that cannot start with the character at the current position
can never be the alternative that matches there, so dropping it changes nothing: the first
alternative that matches is the same one. The characters each terminal can start with are
read off the regex itself (``re``'s own parser); anything this does not understand counts as
"any character", which only keeps that terminal in more alternations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

CharTest = Callable[[str], bool]
Match = Callable[[str, int], re.Match[str] | None]

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _any(_char: str) -> bool:
    return True


def _class_test(items: list[tuple[Any, Any]], flags: int) -> CharTest:
    """A test for one ``[...]`` class (or ``\\d``), from its parsed items."""
    negate = bool(items) and items[0][0] is sre.NEGATE
    tests: list[CharTest] = []
    for op, argument in items[1:] if negate else items:
        if op is sre.LITERAL:
            tests.append(lambda char, code=argument: ord(char) == code)
        elif op is sre.RANGE:
            tests.append(lambda char, low=argument[0], high=argument[1]: low <= ord(char) <= high)
        elif op is sre.CATEGORY and argument in _CATEGORIES:
            category = re.compile(_CATEGORIES[argument], flags)
            tests.append(lambda char, category=category: category.match(char) is not None)
        else:
            return _any
    if negate:
        return lambda char: not any(test(char) for test in tests)
    return lambda char: any(test(char) for test in tests)


def _starts(pattern: Sequence[tuple[Any, Any]], flags: int) -> tuple[list[CharTest], bool]:
    """Tests for the characters a match of ``pattern`` can start with, and whether it can be
    empty (then what follows it can start the match too)."""
    tests: list[CharTest] = []
    for op, argument in pattern:
        found, empty = _node_starts(op, argument, flags)
        tests += found
        if not empty:
            return tests, False
    return tests, True


def _node_starts(op: Any, argument: Any, flags: int) -> tuple[list[CharTest], bool]:
    if op is sre.LITERAL:
        return [lambda char, code=argument: ord(char) == code], False
    if op is sre.NOT_LITERAL:
        return [lambda char, code=argument: ord(char) != code], False
    if op is sre.IN:
        return [_class_test(argument, flags)], False
    if op is sre.SUBPATTERN:
        _group, added, removed, inner = argument
        if added or removed:
            return [_any], True
        return _starts(inner, flags)
    if op is sre.BRANCH:
        tests: list[CharTest] = []
        empty = False
        for branch in argument[1]:
            found, branch_empty = _starts(branch, flags)
            tests += found
            empty = empty or branch_empty
        return tests, empty
    if op in _REPEATS:
        least, _most, inner = argument
        found, empty = _starts(inner, flags)
        return found, empty or least == 0
    if op in _ZERO_WIDTH:
        return [], True
    return [_any], True


class FirstCharScanner:
    """``match(text, position)`` of lark's scanner regex, through an alternation of only the
    terminals that can start with ``text[position]`` (built once per character, in lark's
    order); None where no terminal can start, as the full regex would give."""

    def __init__(self, full: re.Pattern[str], terminals: Sequence[tuple[str, str]]) -> None:
        joined = "|".join(f"(?P<{name}>{source})" for name, source in terminals)
        if joined != full.pattern:
            raise ValueError("the scanner regex is not the alternation of the terminals")
        self._full, self._flags = full, full.flags
        self._terminals: list[tuple[str, list[CharTest]]] = []
        for name, source in terminals:
            tests, empty = _starts(sre_parse.parse(source, full.flags), full.flags)
            if full.flags & re.IGNORECASE or empty:
                tests = [_any]
            self._terminals.append((f"(?P<{name}>{source})", tests))
        self._by_terminals: dict[tuple[str, ...], Match] = {}
        # only characters some terminal starts with are kept: a bounded table
        self.by_char: dict[str, Match] = {}

    def for_char(self, char: str) -> Match | None:
        """The match function for tokens starting with ``char`` (None: no terminal can)."""
        chosen = tuple(group for group, tests in self._terminals if any(t(char) for t in tests))
        if not chosen:
            return None
        if chosen not in self._by_terminals:
            pattern = (
                self._full
                if len(chosen) == len(self._terminals)
                else re.compile("|".join(chosen), self._flags)
            )
            self._by_terminals[chosen] = pattern.match
        self.by_char[char] = self._by_terminals[chosen]
        return self.by_char[char]
