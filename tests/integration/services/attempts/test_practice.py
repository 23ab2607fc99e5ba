"""Practice mode as a student meets it: instant verdicts, hints, the solution, giving up."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from mathkallos.models.attempts import Attempt
from mathkallos.services import attempts
from mathkallos.services.errors import Conflict, PermissionDenied


def _start(session, student, course):
    view = attempts.start_practice(
        session=session, actor=student, course_slug=course.slug, test_slug=course.practice
    )
    session.commit()
    return view


def _answer(session, student, attempt_id, problem_id, answer, seconds=30):
    outcome = attempts.submit_practice_answer(
        session=session,
        actor=student,
        attempt_id=attempt_id,
        problem_id=problem_id,
        answer=answer,
        time_spent_seconds=seconds,
    )
    session.commit()
    return outcome


def test_wrong_then_right_symbolic_answer_with_a_hint_then_the_solution(session, student, course):
    view = _start(session, student, course)
    assert [p.problem.kind for p in view.problems] == ["symbolic", "string", "proof"]
    assert view.problems[0].state.hints == []
    with pytest.raises(PermissionDenied):  # solution locked before a correct answer
        attempts.reveal_solution(
            session=session, actor=student, attempt_id=view.id, problem_id=course.symbolic
        )

    wrong = _answer(session, student, view.id, course.symbolic, "x^2+x")
    assert (wrong.verdict.correct, wrong.counted, wrong.tries) == (False, True, 1)
    assert wrong.can_see_solution is False

    hint = attempts.reveal_hint(
        session=session, actor=student, attempt_id=view.id, problem_id=course.symbolic
    )
    session.commit()
    assert (hint.index, hint.remaining) == (1, 1)
    assert hint.text.startswith("HINTMARK one")

    right = _answer(session, student, view.id, course.symbolic, "x(x+2)")
    assert (right.verdict.correct, right.tries, right.problem_score) == (True, 2, 2.0)
    assert right.can_see_solution is True
    solution = attempts.reveal_solution(
        session=session, actor=student, attempt_id=view.id, problem_id=course.symbolic
    )
    session.commit()
    assert solution.solution.startswith("SOLUTIONMARK")
    assert solution.correct_answer == "x^2+2*x"

    resumed = attempts.get_attempt(session=session, actor=student, attempt_id=view.id)
    state = resumed.problems[0].state
    assert (state.tries, state.hints_used, state.answer) == (2, 1, "x(x+2)")
    assert state.hints == [hint.text]
    assert state.verdict is not None
    assert state.verdict.correct
    assert resumed.score == 2.0
    assert session.get(Attempt, view.id).time_spent_seconds == 60


def test_invalid_input_is_not_a_try_and_costs_nothing(session, student, course):
    view = _start(session, student, course)
    bad = _answer(session, student, view.id, course.symbolic, "x^^2+")
    assert bad.verdict.status == "invalid_input"
    assert (bad.counted, bad.tries, bad.problem_score) == (False, 0, 0.0)
    state = attempts.get_attempt(session=session, actor=student, attempt_id=view.id).problems[0]
    assert state.state.tries == 0
    assert state.state.status == "unanswered"
    assert state.state.verdict is None


def test_a_given_up_problem_shows_its_solution_and_scores_zero_even_when_solved_later(
    session, student, course
):
    view = _start(session, student, course)
    shown = attempts.give_up(
        session=session, actor=student, attempt_id=view.id, problem_id=course.string
    )
    session.commit()
    assert shown.correct_answer == "ZEBRAKEY"
    later = _answer(session, student, view.id, course.string, "zebrakey")
    assert later.verdict.correct is True
    assert later.problem_score == 0.0
    assert later.attempt_score == 0.0


def test_time_per_interaction_is_capped_so_an_idle_tab_does_not_count(session, student, course):
    view = _start(session, student, course)
    _answer(session, student, view.id, course.symbolic, "x^2+x", seconds=8 * 3600)
    state = attempts.get_attempt(session=session, actor=student, attempt_id=view.id).problems[0]
    assert state.state.time_spent_seconds == 600


def test_practice_start_resumes_the_open_attempt_and_hints_run_out(session, student, course):
    first = _start(session, student, course)
    assert _start(session, student, course).id == first.id
    for _ in range(2):
        attempts.reveal_hint(
            session=session, actor=student, attempt_id=first.id, problem_id=course.symbolic
        )
    with pytest.raises(Conflict):
        attempts.reveal_hint(
            session=session, actor=student, attempt_id=first.id, problem_id=course.symbolic
        )


def test_the_practice_view_carries_no_key_solution_or_settings(session, student, course):
    view = _start(session, student, course)
    dumped = repr(asdict(view))
    for secret in ("ZEBRAKEY", "ALTSECRET", "RUBRICSECRET", "SOLUTIONMARK", "HINTMARK"):
        assert secret not in dumped


def test_a_finished_practice_run_shows_its_result(session, student, course):
    view = _start(session, student, course)
    _answer(session, student, view.id, course.symbolic, "x^2+2x")
    result = attempts.submit_attempt(session=session, actor=student, attempt_id=view.id)
    session.commit()
    assert (result.status, result.score, result.max_score) == ("submitted", 2.0, 6.0)
    assert result.problems[0].solution.startswith("SOLUTIONMARK")
