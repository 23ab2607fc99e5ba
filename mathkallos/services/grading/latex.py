"""LaTeX for the "you entered" preview, printed from the parser's unevaluated tree.

The tree keeps the student's order and grouping, so the preview shows what was typed
(``1/2 x`` stays a half times x, ``x + 1`` is not reordered to ``1 + x``) and costs a walk
instead of sympy's printer. The output parses back to the same value.
"""

from __future__ import annotations

import sympy
from mpmath.libmp import prec_to_dps, to_str

from .numeric import number_sign
from .values import Bracket, Logic, MatrixLiteral, Relation, SetLiteral, UnionOf, Value
from .vocabulary import GREEK

_RELATION_LATEX = {"=": "=", "!=": r"\neq", "<": "<", ">": ">", "<=": r"\le", ">=": r"\ge"}
_BRACKETS = {"(": r"\left(", ")": r"\right)", "[": r"\left[", "]": r"\right]", "": ""}
_NAMED_FUNCTIONS: dict[type, str] = {
    sympy.sin: r"\sin",
    sympy.cos: r"\cos",
    sympy.tan: r"\tan",
    sympy.cot: r"\cot",
    sympy.sec: r"\sec",
    sympy.csc: r"\csc",
    sympy.asin: r"\arcsin",
    sympy.acos: r"\arccos",
    sympy.atan: r"\arctan",
    sympy.acot: r"\operatorname{arccot}",
    sympy.sinh: r"\sinh",
    sympy.cosh: r"\cosh",
    sympy.tanh: r"\tanh",
    sympy.coth: r"\coth",
    sympy.asinh: r"\operatorname{arcsinh}",
    sympy.acosh: r"\operatorname{arccosh}",
    sympy.atanh: r"\operatorname{arctanh}",
    sympy.log: r"\ln",
    sympy.sign: r"\operatorname{sgn}",
    sympy.re: r"\operatorname{re}",
    sympy.im: r"\operatorname{im}",
    sympy.arg: r"\arg",
    sympy.conjugate: r"\operatorname{conj}",
    sympy.Max: r"\max",
    sympy.Min: r"\min",
}
_BARS: dict[type, tuple[str, str]] = {
    sympy.Abs: (r"\left|", r"\right|"),
    sympy.floor: (r"\left\lfloor ", r" \right\rfloor"),
    sympy.ceiling: (r"\left\lceil ", r" \right\rceil"),
}
_CONSTANTS: dict[sympy.Basic, str] = {
    sympy.pi: r"\pi",
    sympy.E: "e",
    sympy.I: "i",
    sympy.oo: r"\infty",
    -sympy.oo: r"-\infty",
}
_GREEK = GREEK | {"lambda"}  # ASCII "lambda" is refused, LaTeX \lambda is a letter


def to_latex(value: Value) -> str:
    """Render any parsed value (expression, list, set, interval, relation, matrix)."""
    if isinstance(value, sympy.Basic):
        if value == sympy.S.Reals:
            return r"\mathbb{R}"
        return expression(value)
    if isinstance(value, Bracket):
        inner = ", ".join(to_latex(item) for item in value.items)
        return f"{_BRACKETS[value.open]}{inner}{_BRACKETS[value.close]}"
    if isinstance(value, SetLiteral):
        if not value.items:
            return r"\emptyset"
        return r"\left\{" + ", ".join(to_latex(item) for item in value.items) + r"\right\}"
    if isinstance(value, MatrixLiteral):
        rows = r" \\ ".join(" & ".join(to_latex(v) for v in row) for row in value.rows)
        return rf"\begin{{pmatrix}} {rows} \end{{pmatrix}}"
    if isinstance(value, Relation):
        parts = [to_latex(value.operands[0])]
        for op, operand in zip(value.ops, value.operands[1:], strict=True):
            parts += [_RELATION_LATEX[op], to_latex(operand)]
        return " ".join(parts)
    if isinstance(value, Logic):
        return rf" \text{{ {value.op} }} ".join(to_latex(item) for item in value.items)
    if isinstance(value, UnionOf):
        return r" \cup ".join(to_latex(item) for item in value.items)
    raise TypeError(f"cannot render {value!r}")


def expression(expr: sympy.Basic) -> str:
    """One expression as typed: sums, products, quotients, powers, roots and functions."""
    if isinstance(expr, sympy.Add):
        return _sum(expr.args)
    if isinstance(expr, sympy.Mul):
        return _product(expr.args)
    if isinstance(expr, sympy.Pow):
        return _power(expr.base, expr.exp)
    if expr.is_Symbol:
        return _symbol(expr.name)
    if expr in _CONSTANTS:
        return _CONSTANTS[expr]
    if expr.is_Number:
        return _number(expr)
    return _function(expr)


def _sum(terms: tuple[sympy.Basic, ...]) -> str:
    text = _term(terms[0], first=True)
    for term in terms[1:]:
        negated = _negated(term)
        if negated is None:
            text += " + " + _term(term, first=False)
        else:
            text += " - " + _term(negated, first=False)
    return text


def _term(term: sympy.Basic, first: bool) -> str:
    """A summand; a sum inside a sum keeps the brackets the student typed."""
    if isinstance(term, sympy.Add) and not first:
        return _parenthesized(term)
    return expression(term)


def _negated(term: sympy.Basic) -> sympy.Basic | None:
    """``-t`` written as a term (``-1*t`` or a negative number): t, else None."""
    if term.is_Number and number_sign(term) == -1:
        return -term
    if isinstance(term, sympy.Mul) and term.args[0] is sympy.S.NegativeOne:
        rest = term.args[1:]
        return rest[0] if len(rest) == 1 else sympy.Mul(*rest, evaluate=False)
    return None


def _product(factors: tuple[sympy.Basic, ...]) -> str:
    """Factors left to right; ``a/b`` (a factor ``b^-1``) divides what comes before it."""
    sign = ""
    if factors[0] is sympy.S.NegativeOne and len(factors) > 1:
        sign, factors = "-", factors[1:]
    text, alone = "", None
    for factor in factors:
        divisor = _reciprocal_of(factor)
        if divisor is not None:
            numerator = expression(alone) if alone is not None else text or "1"
            text, alone = rf"\frac{{{numerator}}}{{{expression(divisor)}}}", None
            continue
        shown = expression(factor)
        if isinstance(factor, sympy.Add) or (text and shown.startswith("-")):
            shown = rf"\left({shown}\right)"
        if not text:
            text, alone = shown, factor
        else:
            text += (r" \cdot " if shown[0].isdigit() else " ") + shown
            alone = None
    return sign + text


def _reciprocal_of(factor: sympy.Basic) -> sympy.Basic | None:
    if isinstance(factor, sympy.Pow) and factor.exp is sympy.S.NegativeOne:
        return factor.base
    return None


def _power(base: sympy.Basic, exponent: sympy.Basic) -> str:
    if exponent is sympy.S.NegativeOne:
        return rf"\frac{{1}}{{{expression(base)}}}"
    if exponent is sympy.S.Half:
        return rf"\sqrt{{{expression(base)}}}"
    if base == sympy.E:
        return f"e^{{{expression(exponent)}}}"
    return f"{_base(base)}^{{{expression(exponent)}}}"


def _base(base: sympy.Basic) -> str:
    needs_brackets = isinstance(
        base, (sympy.Add, sympy.Mul, sympy.Pow, sympy.exp, sympy.factorial)
    ) or (base.is_Number and (number_sign(base) == -1 or not base.is_Integer))
    return _parenthesized(base) if needs_brackets else expression(base)


def _number(number: sympy.Basic) -> str:
    if number.is_Integer:
        return str(number.p)  # str(number) would go through sympy's printer
    if number.is_Rational:
        sign = "-" if number < 0 else ""
        return rf"{sign}\frac{{{abs(number.p)}}}{{{number.q}}}"
    text = to_str(number._mpf_, prec_to_dps(number._prec), strip_zeros=True)
    mantissa, _, power = text.partition("e")
    if not power:
        return mantissa
    return rf"{mantissa} \cdot 10^{{{int(power)}}}"


def _symbol(name: str) -> str:
    word, _, subscript = name.partition("_")
    shown = f"\\{word}" if word in _GREEK else word
    return f"{shown}_{{{subscript}}}" if subscript else shown


def _function(expr: sympy.Basic) -> str:
    kind = type(expr)
    if kind is sympy.exp:
        return _power(sympy.E, expr.args[0])
    if kind is sympy.Abs and expr.args[0].has(sympy.Abs):
        # in |x |x|| a bar's side is ambiguous (the parser takes the second for a closing
        # one): nested absolute values are printed with explicit opening and closing bars
        inner = expression(expr.args[0])
        inner = inner.replace(r"\left|", r"\left\lvert ").replace(r"\right|", r"\right\rvert ")
        return rf"\left\lvert {inner} \right\rvert "
    if kind in _BARS:
        opening, closing = _BARS[kind]
        return f"{opening}{expression(expr.args[0])}{closing}"
    if kind is sympy.factorial:
        (argument,) = expr.args
        simple = argument.is_Symbol or (argument.is_Integer and argument >= 0)
        return f"{expression(argument) if simple else _parenthesized(argument)}!"
    if kind is sympy.binomial:
        top, bottom = expr.args
        return rf"\binom{{{expression(top)}}}{{{expression(bottom)}}}"
    name = _NAMED_FUNCTIONS.get(kind, rf"\operatorname{{{kind.__name__}}}")
    arguments = ", ".join(expression(argument) for argument in expr.args)
    return rf"{name}\left({arguments}\right)"


def _parenthesized(expr: sympy.Basic) -> str:
    return rf"\left({expression(expr)}\right)"
