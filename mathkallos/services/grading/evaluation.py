"""Turn the parser's unevaluated trees into evaluated sympy objects, guarding each risky node."""

from __future__ import annotations

import sympy

from .errors import MathSyntaxError
from .guards import check_factorial, check_power
from .values import Value, map_value

_FACTORIAL_LIKE = (sympy.factorial, sympy.binomial, sympy.gamma)


def evaluate_expr(expr: sympy.Basic) -> sympy.Basic:
    """Rebuild ``expr`` bottom-up with sympy's automatic simplification switched back on."""
    result = _rebuild(expr)
    if result.has(sympy.zoo, sympy.nan):
        raise MathSyntaxError("undefined")
    return result


def _rebuild(expr: sympy.Basic) -> sympy.Basic:
    if not expr.args:
        return expr
    args = [_rebuild(arg) for arg in expr.args]
    if isinstance(expr, sympy.Pow):
        check_power(args[0], args[1])
    elif isinstance(expr, _FACTORIAL_LIKE):
        check_factorial(args[0])
    return expr.func(*args)


def evaluate_value(value: Value) -> Value:
    """Evaluate every expression inside a structured value, keeping the structure."""
    return map_value(value, evaluate_expr)
