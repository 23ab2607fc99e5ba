"""The demo school loads through the importer and every answer key is right by its own checker."""

from collections import Counter

import pytest
import sympy

from mathkallos.models.content import ProblemKind
from mathkallos.services import content
from mathkallos.services.content.rules import grading_settings
from mathkallos.services.grading import check_answer, validate_key
from tests.integration.services.content.factories import make_course


def _typed(value) -> str:
    """A sympy value as a student would type it."""
    return str(value).replace("**", "^").replace("I", "i")


# Correct answers written differently from the keys, computed independently where possible:
# a wrong key fails here even though it "accepts itself".
INDEPENDENT_ANSWERS = {
    "amgm-min": "4.0",
    "weighted-amgm": _typed(
        sympy.Rational(1, 6) * sympy.Rational(1, 3) ** 2 * sympy.Rational(1, 2) ** 3
    ),
    "t-cube": "(t^2 - 3)*t",
    "cubes-identity": "(a+b+c)*((a-b)^2 + (b-c)^2 + (c-a)^2)/2",
    "rational-ineq": "x < -2 or x >= 1",
    "gcd-2024": _typed(sympy.gcd(2024, 1001)),
    "divisors-720": _typed(sympy.divisor_count(720)),
    "phi-100": _typed(sympy.totient(100)),
    "last-two-digits": str(pow(7, 2024, 100)),
    "fermat-13": str(pow(2, 100, 13)),
    "order-49": _typed(sympy.n_order(2, 49)),
    "lte-2": _typed(sympy.multiplicity(2, 3**100 - 1)),
    "zeros-2024": _typed(sympy.multiplicity(5, sympy.factorial(2024))),
    "egyptian-pairs": str(sum(1 for x in range(13, 12 + 145) if (12 * x) % (x - 12) == 0)),
    "crt-105": str(next(x for x in range(1, 106) if (x % 3, x % 5, x % 7) == (2, 3, 2))),
    "divisor-quotient": str({n for n in range(-20, 20) if n != 1 and (n + 5) % (n - 1) == 0}),
    "gaussian-power": _typed(sympy.expand((2 + sympy.I) ** 4)),
    "fibonacci-matrix": _typed((sympy.Matrix([[1, 1], [1, 0]]) ** 5).tolist()),
    "limit-conjugate": "0.5",
    "integral-sin2": _typed(
        sympy.integrate(sympy.sin(sympy.Symbol("x")) ** 2, (sympy.Symbol("x"), 0, sympy.pi / 2))
    ),
    "series-n2n": _typed(
        sympy.summation(
            sympy.Symbol("n") / 2 ** sympy.Symbol("n"), (sympy.Symbol("n"), 1, sympy.oo)
        )
    ),
    "basel": _typed(sympy.summation(1 / sympy.Symbol("n") ** 2, (sympy.Symbol("n"), 1, sympy.oo))),
    "complex-power": _typed(sympy.expand((1 + sympy.I) ** 10)),
    "limit-stirling": "e^(-1)",
    "derivative-xx": "exp(x*ln(x))*(1 + ln(x))",
    "tangent-line": "2x - y = 1",
    "exp-equation": "{0, ln(2)}",
    "minimum-point": "(2, -1)",
    "steps-partial": "(1/(x-1) - 1/(x+1))/2",
    "sum-cubes": _typed(
        sympy.summation(sympy.Symbol("k") ** 3, (sympy.Symbol("k"), 1, sympy.Symbol("n")))
    ),
}


@pytest.fixture
def demo(session, teacher):
    count = content.load_demo_courses(session=session, author_id=teacher.id)
    session.commit()
    return count


def test_demo_school_has_three_full_published_courses(session, demo, student):
    assert demo >= 3
    page = content.list_courses(session=session, actor=student, per_page=50)
    assert page.total >= 3
    for card in page.items:
        course = content.get_course(session=session, actor=student, slug=card.slug)
        assert len(course.sections) >= 4
        assert all(
            "$"
            in content.get_section(
                session=session, actor=student, course_slug=card.slug, section_slug=s.slug
            ).content
            for s in course.sections
        )
        modes = Counter(t.mode for t in course.tests)
        assert modes["practice"] >= 1
        assert modes["exam"] >= 1
        assert all(30 <= t.duration_minutes <= 60 for t in course.tests if t.mode == "exam")
        problems = content.list_problems(
            session=session, actor=student, course_id=course.id, per_page=100
        )
        assert problems.total >= 20
        assert {p.kind for p in problems.items} >= set(ProblemKind) - {"tuple", "complex"}
        choices = {p.multiple for p in problems.items if p.kind == "choice"}
        assert choices == {True, False}  # single and multiple choice
        assert all(1 <= p.hint_count <= 3 for p in problems.items)
        difficulties = {p.difficulty for p in problems.items}
        assert min(difficulties) <= 2
        assert max(difficulties) >= 7


def test_loading_twice_adds_nothing(session, demo, teacher):
    assert content.load_demo_courses(session=session, author_id=teacher.id) == 0


def test_every_demo_key_is_valid_and_accepts_its_own_correct_answer(session, demo, teacher):
    exports = [
        content.export_course(session=session, actor=teacher, course_id=card.id)
        for card in content.list_courses(session=session, actor=teacher, per_page=50).items
    ]
    checked = set()
    for course in exports:
        for problem in course["problems"]:
            kind = problem["kind"]
            settings = grading_settings(kind, problem["checker_settings"], problem["options"])
            assert validate_key(problem["answer_key"], kind, **settings) == [], problem["statement"]
            assert problem["solution"].strip()
            if kind == ProblemKind.PROOF:
                continue
            verdict = check_answer(problem["answer_key"], problem["answer_key"], kind, **settings)
            assert verdict.correct, (problem["statement"], verdict)
    demo_refs = {p["statement"]: p for course in exports for p in course["problems"]}
    by_ref = _refs_from_files()
    for ref, answer in INDEPENDENT_ANSWERS.items():
        problem = demo_refs[by_ref[ref]]
        settings = grading_settings(
            problem["kind"], problem["checker_settings"], problem["options"]
        )
        verdict = check_answer(answer, problem["answer_key"], problem["kind"], **settings)
        assert verdict.correct, (ref, answer, verdict)
        checked.add(ref)
    assert checked == set(INDEPENDENT_ANSWERS)


def _refs_from_files():
    import json

    from mathkallos.services.content.demo import demo_files

    refs = {}
    for path in demo_files():
        for course in json.loads(path.read_text(encoding="utf-8"))["courses"]:
            refs.update({p["ref"]: p["statement"] for p in course["problems"]})
    return refs


def test_demo_does_not_touch_existing_courses(session, teacher):
    make_course(session, teacher, "Number theory for olympiads", slug="number-theory-for-olympiads")
    assert content.load_demo_courses(session=session, author_id=teacher.id) == 2
