"""When an answer's typed (unevaluated) tree can be sampled in place of its sympy evaluation.

sympy's automatic evaluation (exact arithmetic, assumptions) costs more than the rest of a
typical check, yet it only rewrites an expression into another form of the same function. The
forms can differ in *where* they are defined: ``sqrt(x)^2`` evaluates to ``x``, ``x/x`` to 1,
``1/(2-2)`` to ``zoo`` (an "undefined" answer), and the guards judge evaluated numbers
(``2^(10^10)``). So the typed tree stands for its evaluation only when it is built from pieces
with none of these effects: sums, products, integer powers, powers of a positive number, and
functions defined on every real point (or with isolated poles, of a non-constant argument), over
literal numbers that pass the same guards. Anything else is evaluated by sympy as before.
"""

from __future__ import annotations

import sympy

from .errors import InputTooLarge
from .guards import MAX_SYMBOLIC_EXPONENT, check_power

# Defined and finite at every real and complex point.
_ENTIRE = frozenset(
    [sympy.sin, sympy.cos, sympy.exp, sympy.sinh, sympy.cosh, sympy.asinh, sympy.Abs]
)
# Defined on the reals except isolated poles, which sympy turns into zoo for exact arguments.
_POLES = frozenset([sympy.tan, sympy.cot, sympy.sec, sympy.csc, sympy.tanh, sympy.atan])
_CONSTANTS = frozenset([sympy.pi, sympy.E])


def stands_for_evaluation(expr: sympy.Basic, domain: str) -> bool:
    """True when sampling ``expr`` as typed gives what sampling its evaluation would give.

    Over the integers sample points can hit the holes that evaluation removes (``x/x`` at 0),
    so that domain always evaluates; ``i`` is allowed only when the domain is complex.
    """
    if domain == "integer":
        return False
    return _typed_ok(expr, domain == "complex")


def _typed_ok(expr: sympy.Basic, complex_domain: bool) -> bool:
    if not expr.args:
        return _atom_ok(expr, complex_domain)
    func = expr.func
    if func is sympy.Pow:
        if not _power_ok(*expr.args):
            return False
    elif func in _POLES:
        if not expr.args[0].free_symbols:
            return False
    elif func is not sympy.Add and func is not sympy.Mul and func not in _ENTIRE:
        return False
    return all(_typed_ok(arg, complex_domain) for arg in expr.args)


def _atom_ok(atom: sympy.Basic, complex_domain: bool) -> bool:
    if atom.is_Symbol:
        return True
    if atom.is_Number:
        return bool(atom.is_finite)
    return atom in _CONSTANTS or (complex_domain and atom is sympy.I)


def _power_ok(base: sympy.Basic, exponent: sympy.Basic) -> bool:
    """Integer powers, and powers of a positive number; the guards see what evaluation sees."""
    if base.is_Number and exponent.is_Number:
        if base == 0 and exponent.is_extended_negative:
            return False
        try:
            check_power(base, exponent)
        except InputTooLarge:
            return False
        return bool(exponent.is_Integer or base.is_extended_positive)
    if exponent.is_Integer:
        if base.free_symbols or base in _CONSTANTS:
            return abs(exponent) <= MAX_SYMBOLIC_EXPONENT
        # a constant base that evaluates to a number: only a reciprocal of a nonzero product
        return exponent == -1 and _nonzero_product(base)
    if base is sympy.E or (base.is_Number and base.is_extended_positive):
        return bool(exponent.free_symbols)  # a constant exponent would evaluate first
    return False


def _nonzero_product(expr: sympy.Basic) -> bool:
    """A product of nonzero literal numbers and constants (``2 pi``), which is never zero."""
    factors = expr.args if expr.func is sympy.Mul else (expr,)
    return all((factor.is_Number and factor != 0) or factor in _CONSTANTS for factor in factors)
