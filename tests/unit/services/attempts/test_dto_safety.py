"""DESIGN invariant 1 for the test runner: what a student gets before submit has no place for
an answer key, a worked solution or checker settings, and an exam state carries no verdict."""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import asdict

from mathkallos.models.attempts import AnswerStatus, AttemptAnswer
from mathkallos.models.content import Problem
from mathkallos.services.attempts import dto
from mathkallos.services.attempts.views import problem_state

SECRET_FIELDS = {
    "answer_key",
    "checker_settings",
    "solution",
    "correct_answer",
    "rubric",
    "options_key",
}
BEFORE_SUBMIT = [
    dto.AttemptView,
    dto.AnswerOutcome,
    dto.SavedAnswer,
    dto.HintView,
    dto.ProblemState,
]


def _field_names(cls: type, seen: set[type] | None = None) -> set[str]:
    """Every field name reachable from a dataclass, through nested dataclasses and lists."""
    seen = seen or set()
    if cls in seen or not dataclasses.is_dataclass(cls):
        return set()
    seen.add(cls)
    names: set[str] = set()
    hints = typing.get_type_hints(cls)
    for field in dataclasses.fields(cls):
        names.add(field.name)
        for inner in _types_in(hints[field.name]):
            names |= _field_names(inner, seen)
    return names


def _types_in(annotation: object) -> list[type]:
    args = typing.get_args(annotation)
    found = [annotation] if isinstance(annotation, type) else []
    for arg in args:
        found.extend(_types_in(arg))
    return found


def test_pre_submit_records_have_no_field_for_keys_solutions_or_settings():
    for cls in BEFORE_SUBMIT:
        assert _field_names(cls).isdisjoint(SECRET_FIELDS), cls.__name__
    assert set(f.name for f in dataclasses.fields(dto.SavedAnswer)) == {
        "problem_id",
        "answer",
        "saved_at",
        "seconds_left",
    }


def test_only_the_after_submit_and_staff_records_carry_keys():
    assert "correct_answer" in _field_names(dto.ResultView)
    assert "rubric" in _field_names(dto.ReviewItem)
    assert "solution" in _field_names(dto.SolutionView)


def _rows(status: AnswerStatus) -> tuple[AttemptAnswer, Problem]:
    problem = Problem(
        id=3,
        statement="s",
        kind="string",
        answer_key="SECRETKEY",
        hints=["HINT-ONE", "HINT-TWO"],
        solution="SECRET-SOLUTION",
        checker_settings={"alternatives": ["SECRET-ALT"]},
    )
    row = AttemptAnswer(
        attempt_id=1,
        problem_id=3,
        position=1,
        points=2,
        answer="guess",
        status=status,
        correct=True,
        score=2.0,
        feedback="Correct.",
        tries=1,
        hints_used=1,
    )
    return row, problem


def test_an_exam_state_has_no_verdict_and_no_hints():
    row, problem = _rows(AnswerStatus.SAVED)
    state = problem_state(row, problem, "exam")
    assert state.verdict is None
    assert (state.tries, state.hints, state.can_see_solution) == (0, [], False)
    dumped = repr(asdict(state))
    for secret in ("SECRET", "HINT-", "Correct."):
        assert secret not in dumped


def test_a_practice_state_shows_the_verdict_and_only_the_hints_taken():
    row, problem = _rows(AnswerStatus.CHECKED)
    state = problem_state(row, problem, "practice")
    assert state.verdict is not None
    assert state.verdict.correct
    assert state.hints == ["HINT-ONE"]
    assert "SECRET" not in repr(asdict(state))
