"""What the answer grammar's words mean: functions, constants, letters and relations.

Whitelists only: a name the parser meets is one of these or is refused (or read as a product
of letters). Functions are built unevaluated, so the form the student wrote survives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy
from sympy.core.function import DefinedFunction, Function


def unevaluated(cls: type[sympy.Expr], *args: sympy.Basic) -> sympy.Expr:
    """``cls(*args, evaluate=False)`` for a sum, product or power, built directly.

    The parser's operands are sympy expressions already and every node of an answer is new,
    so sympy's constructor cache, sympify, type checks and postprocessors (about a third of
    parsing) change nothing: the node is the same object, made faster. It is commutative:
    the grammar only builds commutative atoms (letters without assumptions, numbers, pi, e,
    i, oo) and nodes of them, so asking every operand (for a function node, sympy's
    assumptions) would only find that again.
    """
    if cls is sympy.Pow:
        power = sympy.Expr.__new__(sympy.Pow, *args)
        power.is_commutative = True
        return power
    return cls._from_args(args, True)


_DEFINED_NEW, _FUNCTION_NEW = DefinedFunction.__new__, Function._new_.__func__
_NARGS: dict[type, sympy.Set] = {}


def applied(cls: type[sympy.Expr], *args: sympy.Basic) -> sympy.Expr:
    """``cls(*args, evaluate=False)`` for a whitelisted function, built directly.

    sympy's constructor passes two cached wrappers and makes the class's ``nargs`` set anew
    for every node (sorting it); the node built here is the same, with the ``nargs`` that
    constructor made for the class's first node. Classes with a constructor of their own
    (Max and Min order their arguments) keep it; the arities are the parser's (FUNCTIONS).
    """
    nargs = _NARGS.get(cls)
    if nargs is None:
        node = cls(*args, evaluate=False)
        if cls.__new__ is _DEFINED_NEW and cls._new_.__func__ is _FUNCTION_NEW:
            _NARGS[cls] = node.nargs
        return node
    node = sympy.Basic.__new__(cls, *args)
    node.nargs = nargs
    return node


def clear_applied() -> None:
    """Forget the ``nargs`` sets (with the parse cache: benchmarks measure cold caches)."""
    _NARGS.clear()


def divide(numerator: sympy.Expr, denominator: sympy.Expr) -> sympy.Expr:
    inverse = unevaluated(sympy.Pow, denominator, sympy.S.NegativeOne)
    if numerator == 1:
        return inverse
    return unevaluated(sympy.Mul, numerator, inverse)


def logarithm(args: list[sympy.Expr]) -> sympy.Expr:
    if len(args) == 1:
        return applied(sympy.log, args[0])
    return divide(applied(sympy.log, args[0]), applied(sympy.log, args[1]))


def root(args: list[sympy.Expr]) -> sympy.Expr:
    degree = args[1] if len(args) == 2 else sympy.Integer(3)
    return unevaluated(sympy.Pow, args[0], divide(sympy.Integer(1), degree))


def _unary(cls: Any) -> Callable[[list[sympy.Expr]], sympy.Expr]:
    return lambda args: applied(cls, *args)


# name -> (builder, min args, max args)
FUNCTIONS: dict[str, tuple[Callable[[list[sympy.Expr]], sympy.Expr], int, int]] = {
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
    "sqrt": (lambda a: unevaluated(sympy.Pow, a[0], sympy.S.Half), 1, 1),
    "cbrt": (root, 1, 1),
    "root": (root, 2, 2),
    "ln": (logarithm, 1, 1),
    "log": (logarithm, 1, 2),
    "lg": (lambda a: logarithm([a[0], sympy.Integer(10)]), 1, 1),
    "binomial": (_unary(sympy.binomial), 2, 2),
    "max": (_unary(sympy.Max), 1, 20),
    "cis": (lambda a: applied(sympy.exp, unevaluated(sympy.Mul, sympy.I, a[0])), 1, 1),
    "min": (_unary(sympy.Min), 1, 20),
}
ALIASES = {
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
INVERSES = {
    "sin": "asin",
    "cos": "acos",
    "tan": "atan",
    "cot": "acot",
    "sinh": "asinh",
    "cosh": "acosh",
    "tanh": "atanh",
}
FUNCTION_WORDS = sorted(set(FUNCTIONS) | set(ALIASES), key=len, reverse=True)

CONSTANTS: dict[str, sympy.Basic] = {
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
FORBIDDEN = frozenset(
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
RELATIONS = {
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
MAX_SPLIT_NAME = 3
