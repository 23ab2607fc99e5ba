"""When an answer's typed (unevaluated) tree can be sampled in place of its sympy evaluation.

sympy's automatic evaluation (exact arithmetic, assumptions) costs more than the rest of a
typical check, yet it only rewrites an expression into another form of the same function,
valid wherever the typed form is defined. What it can change is the domain and the verdict:
``sqrt(x)^2`` evaluates to ``x`` (defined for x < 0 too), ``1/(2-2)`` to ``zoo`` (an
"undefined" answer), ``tan(pi/2)`` too, and the guards judge evaluated numbers
(``2^(10^10)``). So the typed tree stands for its evaluation when it is built from sums,
products, powers with literal exponents (or of a positive number), and known functions, where
every constant piece is a literal that passes the guards, and no function that sympy may turn
into ``zoo`` has a constant argument. A typed tree undefined at a sample point may still be
one that evaluation repairs, so the caller treats that as undecided
(``numerically_equal(..., total=True)``) and evaluates.
"""

from __future__ import annotations

import mpmath
import sympy

from .equivalence import constant_value
from .errors import InputTooLarge
from .guards import MAX_SYMBOLIC_EXPONENT, check_power
from .numeric import number_sign

# Defined and finite at every real and complex point.
_ENTIRE = frozenset(
    [sympy.sin, sympy.cos, sympy.exp, sympy.sinh, sympy.cosh, sympy.asinh, sympy.Abs]
)
# Poles or a partial domain: exact constant arguments may evaluate to zoo or to non-reals.
_VARIABLE_ONLY = frozenset(
    [
        *(sympy.tan, sympy.cot, sympy.sec, sympy.csc),
        *(sympy.asin, sympy.acos, sympy.acosh, sympy.atanh),
    ]
)
# Finite on the reals, with poles off the real line only (tanh(i pi/2), atan(i)).
_REAL_ENTIRE = frozenset([sympy.tanh, sympy.atan])
_CONSTANTS = frozenset([sympy.pi, sympy.E])


def stands_for_evaluation(expr: sympy.Basic, domain: str) -> bool:
    """True when sampling ``expr`` as typed gives what sampling its evaluation would give.

    Over the integers sample points can hit the holes that evaluation removes (``x/x`` at 0),
    so that domain always evaluates; ``i`` is allowed only when the domain is complex.
    """
    return typed_variables(expr, domain) is not None


def typed_variables(expr: sympy.Basic, domain: str) -> bool | None:
    """None unless ``expr`` stands for its evaluation (:func:`stands_for_evaluation`), else
    whether it has a variable (one walk answers both)."""
    if domain == "integer":
        return None
    return _scan(expr, domain == "complex")


_KNOWN = frozenset(
    [sympy.Add, sympy.Mul, sympy.Pow, sympy.log, *_ENTIRE, *_VARIABLE_ONLY, *_REAL_ENTIRE]
)


def _scan(expr: sympy.Basic, complex_domain: bool) -> bool | None:
    """None when ``expr`` cannot stand for its evaluation, else whether it has a variable
    (one walk: asking each node for its free symbols would walk subtrees again and again)."""
    if not expr.args:
        return bool(expr.is_Symbol) if _atom_ok(expr, complex_domain) else None
    func = expr.func
    if func not in _KNOWN:
        return None
    variables = []
    for arg in expr.args:
        variable = _scan(arg, complex_domain)
        if variable is None:
            return None
        variables.append(variable)
    if func is sympy.Pow:
        if not _power_ok(*expr.args, *variables):
            return None
    elif func in _VARIABLE_ONLY or func in _REAL_ENTIRE:
        if not variables[0] and (func in _VARIABLE_ONLY or expr.args[0].has(sympy.I)):
            return None
    elif func is sympy.log and not (
        len(variables) == 1 and (variables[0] or _positive_number(expr.args[0]))
    ):
        return None
    return any(variables)


def polynomial_with_absolutes(expr: sympy.Basic) -> bool:
    """True for sums, products, nonnegative integer powers and absolute values of variables
    (any constants inside): defined at every real, so there is no hole for evaluation to remove
    and a sign chart reads the same relation from the typed tree as from its evaluation."""
    return _polynomial_scan(expr) is not None


def _polynomial_scan(expr: sympy.Basic) -> bool | None:
    """None unless ``expr`` is a polynomial with absolute values, else whether it has a
    variable (one walk, as in :func:`_scan`)."""
    if not expr.args:
        return bool(expr.is_Symbol)
    variables = []
    for arg in expr.args:
        variable = _polynomial_scan(arg)
        if variable is None:
            return None
        variables.append(variable)
    if not any(variables):
        return False
    func = expr.func
    if func is sympy.Pow:
        exponent = expr.args[1]
        if variables[1] or not (exponent.is_Integer and exponent >= 0):
            return None
    elif func not in _POLYNOMIAL_NODES:
        return None
    return True


_POLYNOMIAL_NODES = frozenset([sympy.Add, sympy.Mul, sympy.Abs])


def _atom_ok(atom: sympy.Basic, complex_domain: bool) -> bool:
    if atom.is_Symbol:
        return True
    if atom.is_Number:
        return bool(atom.is_finite)
    return atom in _CONSTANTS or (complex_domain and atom is sympy.I)


def _power_ok(
    base: sympy.Basic, exponent: sympy.Basic, variable_base: bool, variable_exponent: bool
) -> bool:
    """Powers with literal exponents, and of a positive number; the guards see what
    evaluation sees."""
    if base.is_Number and exponent.is_Number:
        if base == 0 and number_sign(exponent) == -1:
            return False
        try:
            check_power(base, exponent)
        except InputTooLarge:
            return False
        return bool(exponent.is_Integer or number_sign(base) == 1)
    if exponent.is_Number:
        if variable_base or base in _CONSTANTS:
            return abs(exponent) <= MAX_SYMBOLIC_EXPONENT
        # a constant base that evaluates to a number: only a reciprocal of a nonzero product
        return exponent == -1 and _nonzero_product(base)
    if base is sympy.E or _positive_number(base):
        return variable_exponent or _guarded_exponent(base, exponent)
    return False


def _guarded_exponent(base: sympy.Basic, exponent: sympy.Basic) -> bool:
    """A constant exponent (``e^(i pi/3)``) evaluates first, so the guard sees its value: the
    power is typed when that value's size passes the guard (``e^(10^5)`` does not)."""
    value = constant_value(exponent)
    if value is None:
        return False
    try:
        check_power(base, sympy.Integer(int(mpmath.ceil(abs(value)))))
    except InputTooLarge:
        return False
    return True


def _positive_number(expr: sympy.Basic) -> bool:
    return bool(expr.is_Number and number_sign(expr) == 1)


def _nonzero_product(expr: sympy.Basic) -> bool:
    """A product of nonzero literals, constants and logarithms of positive literals other
    than 1 (``2 pi``, ``ln(2)``), which is never zero."""
    factors = expr.args if expr.func is sympy.Mul else (expr,)
    return all(_nonzero_factor(factor) for factor in factors)


def _nonzero_factor(factor: sympy.Basic) -> bool:
    if factor.func is sympy.log:
        argument = factor.args[0]
        return _positive_number(argument) and argument != 1
    return bool(factor.is_Number and factor != 0) or factor in _CONSTANTS
