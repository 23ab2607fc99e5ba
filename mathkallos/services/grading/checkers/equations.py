"""Equations and systems: right when they have the same solutions as the key.

One variable: solution sets are compared (so ``x^2 = 4``, ``x = 2 or x = -2`` and ``{2, -2}``
agree). Several variables: a single equation matches a nonzero multiple of the key
(``2y = 4x + 2`` vs ``y = 2x + 1``); systems are solved and their solutions compared.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import lru_cache

import sympy
from sympy.polys.domains import QQ, QQ_I, ZZ, ZZ_I

from .. import realsets
from ..equivalence import equivalent, proportional
from ..errors import AnswerShapeError
from ..settings import Settings
from ..shapes import Reading, equations_of, items_of, same_sets
from ..values import Value
from ..verdict import Verdict
from .base import KindChecker

Systems = list[list[sympy.Expr]]
Frozen = tuple[tuple[sympy.Expr, ...], ...]  # hashable systems, for the caches of key solutions
_EXACT_DOMAINS = (ZZ, QQ, ZZ_I, QQ_I)


@dataclass(frozen=True)
class Equations:
    """Equations in disjunctive normal form plus their variables."""

    systems: Systems
    variables: frozenset[sympy.Symbol]


def _variables(systems: Systems) -> frozenset[sympy.Symbol]:
    return frozenset().union(*(eq.free_symbols for system in systems for eq in system))


def read_equations(value: Value) -> Equations:
    systems = equations_of(value)
    return Equations(systems, _variables(systems))


class EquationKey:
    """The key's real solutions read off its typed tree when that stands for its evaluation
    (see :func:`_typed_solutions`), and its equations, evaluated on first use: such a key is
    evaluated only for an answer that needs it (sympy asks dozens of assumptions of
    ``|x - 1|``); any other key is evaluated when read, so its errors are the author's then.
    """

    def __init__(self, reading: Reading, settings: Settings) -> None:
        self._reading = reading
        typed = _typed(reading, settings)
        self.typed: realsets.RealSet | None = None
        if typed is not None:
            with contextlib.suppress(AnswerShapeError):
                self.typed = _typed_solutions(read_equations(typed), settings)
        self._evaluated = None if self.typed is not None else read_equations(reading.value)

    @property
    def equations(self) -> Equations:
        if self._evaluated is None:
            self._evaluated = read_equations(self._reading.value)
        return self._evaluated


def read_key(key: str, settings: Settings) -> EquationKey:
    return EquationKey(Reading(key, settings), settings)


def _typed(reading: Reading, settings: Settings) -> Value | None:
    """The value as typed where it is made of polynomials with absolute values that stand for
    their evaluation (see :meth:`Reading.typed_polynomials`); over C always None."""
    return reading.typed_polynomials() if settings.domain != "complex" else None


def _typed_solutions(equations: Equations, settings: Settings) -> realsets.RealSet | None:
    """The real solutions of typed equations in one variable by sign chart, or None where they
    could differ from the evaluated equations'.

    A typed tree of polynomials with absolute values is defined at every real and is the
    function its evaluation is, so the sign chart reads the same solutions off either. An
    equation with some solutions but not every real is no constant, so its variable stays in
    the evaluation too: the equations have that one variable either way. One that holds
    everywhere or nowhere may lose it (``x - x = 1``), so it is left to the evaluation.
    """
    if len(equations.variables) != 1:
        return None
    (symbol,) = equations.variables
    try:
        return _sign_chart_solutions(
            _frozen(equations), symbol, settings.domain == "positive", typed=True
        )
    except realsets.NotFast:
        return None


def _typed_answer(reading: Reading, settings: Settings) -> realsets.RealSet | None:
    """The answer's real solutions off its typed tree (equations, or values as in
    :func:`_values_as_equations`); None where they need the evaluation."""
    typed = _typed(reading, settings)
    if typed is None:
        return None
    try:
        equations = read_equations(typed)
    except AnswerShapeError:
        return _typed_values(typed, settings)
    return _typed_solutions(equations, settings)


def _typed_values(typed: Value, settings: Settings) -> realsets.RealSet | None:
    """``{2, -2}`` answering an equation in one variable: the points, as the equations
    ``x = 2 or x = -2`` would give them; None where the evaluation is needed."""
    try:
        items = items_of(typed)
    except AnswerShapeError:
        return None
    if not all(isinstance(item, sympy.Expr) and not item.free_symbols for item in items):
        return None
    try:
        given = realsets.points(items)
    except realsets.NotFast:
        return None
    return given.intersection(realsets.POSITIVE) if settings.domain == "positive" else given


def _domain(settings: Settings) -> sympy.Set:
    return sympy.S.Complexes if settings.domain == "complex" else sympy.S.Reals


def _frozen(equations: Equations) -> Frozen:
    return tuple(tuple(system) for system in equations.systems)


@lru_cache(maxsize=512)
def _solution_set(systems: Frozen, symbol: sympy.Symbol, settings: Settings) -> sympy.Set:
    """sympy's solution set (cached, so a key is solved once, not once per answer)."""
    domain = _domain(settings)
    if settings.domain == "positive":
        domain = sympy.Interval.open(0, sympy.oo)
    alternatives = []
    for system in systems:
        solutions = domain
        for equation in system:
            solutions = sympy.Intersection(solutions, sympy.solveset(equation, symbol, domain))
        alternatives.append(solutions)
    return sympy.Union(*alternatives)


def _fast_solution_set(
    equations: Equations, symbol: sympy.Symbol, settings: Settings
) -> realsets.RealSet:
    """Real solutions by sign chart (raises NotFast outside rational functions with |.|)."""
    if settings.domain == "complex":
        raise realsets.NotFast("complex solutions")
    return _sign_chart_solutions(_frozen(equations), symbol, settings.domain == "positive")


def _fast_or_none(
    equations: Equations, symbol: sympy.Symbol, settings: Settings
) -> realsets.RealSet | None:
    try:
        return _fast_solution_set(equations, symbol, settings)
    except realsets.NotFast:
        return None


@lru_cache(maxsize=512)
def _sign_chart_solutions(
    systems: tuple[tuple[sympy.Expr, ...], ...],
    symbol: sympy.Symbol,
    positive: bool,
    typed: bool = False,
) -> realsets.RealSet:
    """Cached: the key's solutions are computed once, not once per answer. ``typed``
    equations that hold everywhere or nowhere raise NotFast (see :func:`_typed_solutions`)."""
    alternatives = []
    for system in systems:
        solutions = realsets.POSITIVE if positive else realsets.REALS
        for equation in system:
            solved = realsets.solve("=", equation, symbol)
            if typed and (not solved.pieces or solved.same_as(realsets.REALS)):
                raise realsets.NotFast("everywhere or nowhere: the variable may cancel")
            solutions = solutions.intersection(solved)
        alternatives.append(solutions)
    return realsets.RealSet(()).union(*alternatives)


@lru_cache(maxsize=512)
def _complex_roots(systems: Frozen, symbol: sympy.Symbol) -> tuple[sympy.Expr, ...]:
    """Complex solutions of polynomial equations with rational (or Gaussian) coefficients.

    They are the roots of lcm over the alternatives of gcd over each system; returned as the
    coefficients of that polynomial made square-free and monic, which are equal exactly when
    the solution sets are. Raises NotFast outside polynomials over Q(i) or for all of C.
    """
    combined: sympy.Poly | None = None
    for system in systems:
        common: sympy.Poly | None = None
        for equation in system:
            try:
                poly = sympy.Poly(equation, symbol)
            except sympy.PolynomialError:
                raise realsets.NotFast("not a polynomial") from None
            if poly.domain not in _EXACT_DOMAINS:
                raise realsets.NotFast("coefficients outside Q(i)")
            common = poly if common is None else common.gcd(poly)
        if common is None or common.is_zero:
            raise realsets.NotFast("every number is a solution")
        combined = common if combined is None else combined.lcm(common)
    if combined is None:
        raise realsets.NotFast("no equations")
    return tuple(combined.sqf_part().monic().all_coeffs())


def clear_cache() -> None:
    """Forget cached solution sets."""
    _sign_chart_solutions.cache_clear()
    _solution_set.cache_clear()
    _complex_roots.cache_clear()
    _solve.cache_clear()


def _same_solution_dicts(
    first: tuple[dict, ...], second: tuple[dict, ...], settings: Settings
) -> bool:
    def covered(solution: dict, others: tuple[dict, ...]) -> bool:
        return any(
            solution.keys() == other.keys()
            and all(equivalent(solution[v], other[v], settings.domain) for v in solution)
            for other in others
        )

    return all(covered(s, second) for s in first) and all(covered(s, first) for s in second)


@lru_cache(maxsize=512)
def _solve(systems: Frozen, variables: tuple[sympy.Symbol, ...]) -> tuple[dict, ...]:
    """Solutions of every alternative (cached, so a key is solved once, not once per answer)."""
    return tuple(solution for system in systems for solution in _solve_system(system, variables))


def _solve_system(
    system: tuple[sympy.Expr, ...], variables: tuple[sympy.Symbol, ...]
) -> list[dict]:
    """Linear systems by Gauss-Jordan (``linsolve``, ~15x faster), others by ``solve``.

    Free variables are left out of the solution, as ``solve`` does (``{x: 3 - y}``); the
    reduced row echelon form is unique, so equivalent systems give the same parametrisation.
    """
    try:
        solutions = sympy.linsolve(list(system), list(variables))
    except ValueError:  # NonlinearError
        triangular = _triangular(system, variables)
        if triangular is not None:
            return triangular
        return sympy.solve(list(system), list(variables), dict=True)
    return [
        {v: value for v, value in zip(variables, solution, strict=True) if value != v}
        for solution in solutions
    ]


def _triangular(
    system: tuple[sympy.Expr, ...], variables: tuple[sympy.Symbol, ...]
) -> list[dict] | None:
    """Polynomial systems that pin their variables down one at a time (``y = x^2, y = 4``),
    without ``solve`` (its Groebner bases and checks cost milliseconds): an equation linear in
    a variable with a constant coefficient gives that variable, substituted everywhere, until
    one polynomial in one variable is left, whose roots ``roots`` finds exactly. Every complex
    solution, as ``solve`` gives them; None for other systems (a free variable, no such
    chain, coefficients outside Q, roots beyond radicals)."""
    equations = list(system)
    solved: dict[sympy.Symbol, sympy.Expr] = {}
    while True:
        polys = _rational_polys(equations, variables)
        if polys is None:
            return None
        polys = [poly for poly in polys if not poly.is_zero]
        if any(poly.is_ground for poly in polys):
            return []  # a nonzero constant = 0: no solutions
        pinned = _pinned(polys, variables)
        if pinned is None:
            break
        index, variable, value = pinned
        solved = {other: expr.xreplace({variable: value}) for other, expr in solved.items()}
        solved[variable] = value
        equations = [poly.as_expr().xreplace({variable: value}) for poly in polys]
        del equations[index]
    left = [variable for variable in variables if variable not in solved]
    if not left and not polys:
        return [{variable: sympy.expand(value) for variable, value in solved.items()}]
    if len(left) != 1 or not polys:
        return None
    (last,) = left
    if any(expr.free_symbols - {last} for expr in solved.values()):
        return None
    common = sympy.Poly(polys[0].as_expr(), last)
    for poly in polys[1:]:
        common = common.gcd(sympy.Poly(poly.as_expr(), last))
    if common.degree() < 1:
        return []
    if common.degree() > realsets.MAX_DEGREE:  # a hostile degree: solve's way, as before
        return None
    found = sympy.roots(common)
    if sum(found.values()) != common.degree():
        return None
    return [
        {last: root, **{v: sympy.expand(e.xreplace({last: root})) for v, e in solved.items()}}
        for root in found
    ]


def _rational_polys(
    equations: list[sympy.Expr], variables: tuple[sympy.Symbol, ...]
) -> list[sympy.Poly] | None:
    polys = [realsets.rational_poly(equation, list(variables)) for equation in equations]
    return None if None in polys else polys


def _pinned(
    polys: list[sympy.Poly], variables: tuple[sympy.Symbol, ...]
) -> tuple[int, sympy.Symbol, sympy.Expr] | None:
    """(equation, variable, its value) for the first equation with a variable in one term
    only, of degree 1 with a constant coefficient: ``c v + rest = 0`` gives ``v = -rest/c``."""
    for index, poly in enumerate(polys):
        monomials = poly.monoms()
        for position, variable in enumerate(variables):
            with_it = [monomial for monomial in monomials if monomial[position]]
            if len(with_it) == 1 and sum(with_it[0]) == with_it[0][position] == 1:
                coefficient = poly.coeff_monomial(with_it[0])
                rest = poly.as_expr() - coefficient * variable
                return index, variable, sympy.expand(-rest / coefficient)
    return None


def same_solutions(answer: Equations, key: Equations, settings: Settings) -> bool:
    """Whether two (systems of) equations have the same solutions."""
    variables = tuple(sorted(answer.variables | key.variables, key=lambda symbol: symbol.name))
    if len(key.variables) <= 1 and len(answer.variables) <= 1:
        answer_symbol = next(iter(answer.variables), None)
        key_symbol = next(iter(key.variables), answer_symbol)
        if answer_symbol is None or key_symbol is None:
            return False
        answer_fast = _fast_or_none(answer, answer_symbol, settings)
        key_fast = _fast_or_none(key, key_symbol, settings)
        try:  # one side outside the sign chart: its sympy set, read as a RealSet, may do
            if answer_fast is None and key_fast is not None:
                answer_fast = realsets.of_sympy(
                    _solution_set(_frozen(answer), answer_symbol, settings)
                )
            elif key_fast is None and answer_fast is not None:
                key_fast = realsets.of_sympy(_solution_set(_frozen(key), key_symbol, settings))
        except realsets.NotFast:
            pass
        if answer_fast is not None and key_fast is not None:
            return answer_fast.same_as(key_fast)
        if settings.domain == "complex":
            try:
                return _complex_roots(_frozen(answer), answer_symbol) == _complex_roots(
                    _frozen(key), key_symbol
                )
            except realsets.NotFast:
                pass
        return same_sets(
            _solution_set(_frozen(answer), answer_symbol, settings),
            _solution_set(_frozen(key), key_symbol, settings),
        )
    single = [len(eq.systems) == 1 and len(eq.systems[0]) == 1 for eq in (answer, key)]
    if all(single):
        return proportional(answer.systems[0][0], key.systems[0][0], settings.domain)
    return _same_solution_dicts(
        _solve(_frozen(answer), variables), _solve(_frozen(key), variables), settings
    )


def _values_as_equations(value: Value, key: Equations) -> Equations:
    """``{2, -2}`` or ``2, -2`` answering a one-variable equation means ``x = 2 or x = -2``."""
    if len(key.variables) != 1:
        raise AnswerShapeError("wrong_type", expected="an equation", got="a list of values")
    (symbol,) = key.variables
    items = items_of(value)
    if not all(isinstance(item, sympy.Expr) and not item.free_symbols for item in items):
        raise AnswerShapeError("wrong_type", expected="an equation", got="an expression")
    return Equations([[symbol - item] for item in items], key.variables)


def _same_as_evaluated(reading: Reading, key: Equations, settings: Settings) -> bool:
    try:
        given = read_equations(reading.value)
    except AnswerShapeError:
        given = _values_as_equations(reading.value, key)
    return same_solutions(given, key, settings)


def grade(answer: str, key: EquationKey, settings: Settings) -> Verdict:
    """Off the typed trees where both stand for their evaluations (neither is evaluated),
    else off the evaluated answer and key."""
    reading = Reading(answer, settings)
    given = _typed_answer(reading, settings) if key.typed is not None else None
    if given is not None and key.typed is not None:
        same = given.same_as(key.typed)
    else:
        same = _same_as_evaluated(reading, key.equations, settings)
    if same:
        return Verdict.checked("correct", 1.0, reading.latex)
    return Verdict.checked("not_same_solutions", 0.0, reading.latex)


EQUATION = KindChecker(read_key, grade)
