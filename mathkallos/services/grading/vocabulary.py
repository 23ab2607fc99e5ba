"""What the answer grammar's words mean: functions, constants, letters and relations.

Whitelists only: a name the parser meets is one of these or is refused (or read as a product
of letters). Functions are built unevaluated, so the form the student wrote survives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy


def divide(numerator: sympy.Expr, denominator: sympy.Expr) -> sympy.Expr:
    inverse = sympy.Pow(denominator, -1, evaluate=False)
    if numerator == 1:
        return inverse
    return sympy.Mul(numerator, inverse, evaluate=False)


def logarithm(args: list[sympy.Expr]) -> sympy.Expr:
    if len(args) == 1:
        return sympy.log(args[0], evaluate=False)
    return divide(sympy.log(args[0], evaluate=False), sympy.log(args[1], evaluate=False))


def root(args: list[sympy.Expr]) -> sympy.Expr:
    degree = args[1] if len(args) == 2 else sympy.Integer(3)
    return sympy.Pow(args[0], divide(sympy.Integer(1), degree), evaluate=False)


def _unary(cls: Any) -> Callable[[list[sympy.Expr]], sympy.Expr]:
    return lambda args: cls(*args, evaluate=False)


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
    "sqrt": (lambda a: sympy.Pow(a[0], sympy.Rational(1, 2), evaluate=False), 1, 1),
    "cbrt": (root, 1, 1),
    "root": (root, 2, 2),
    "ln": (logarithm, 1, 1),
    "log": (logarithm, 1, 2),
    "lg": (lambda a: logarithm([a[0], sympy.Integer(10)]), 1, 1),
    "binomial": (_unary(sympy.binomial), 2, 2),
    "max": (_unary(sympy.Max), 1, 20),
    "cis": (lambda a: sympy.exp(sympy.Mul(sympy.I, a[0], evaluate=False), evaluate=False), 1, 1),
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
