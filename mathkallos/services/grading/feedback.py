"""Every feedback text, keyed by a stable code the UI can translate.

Checkers never write prose: they return a code and parameters, and this table is the one place
the English wording lives.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "correct": "Correct.",
    "incorrect": "Not correct.",
    "syntax_error": "Could not read your answer: {detail}.",
    "too_large": "Could not check this expression: {detail}.",
    "limit": "Could not check this expression (it needs too much time or memory).",
    "wrong_type": "Expected {expected}, but your answer is {got}.",
    "number_expected": "Enter a number, not an expression with variables.",
    "exact_expected": "Your answer is close, but an exact value is expected (not a decimal).",
    "outside_tolerance": "Not correct: your value is outside the allowed tolerance.",
    "sig_figs": "Not correct to {sig_figs} significant figures.",
    "sign_error": "Not correct: check the sign.",
    "equivalent_not_expanded": "Equivalent, but not expanded.",
    "equivalent_not_factored": "Equivalent, but not fully factored.",
    "equivalent_not_simplified_fraction": "Equivalent, but the fraction is not simplified.",
    "equivalent_has_decimals": "Equivalent, but write it without decimals.",
    "equivalent_not_rectangular": "Equivalent, but write it in the form a + bi.",
    "missing_constant": "Add the constant of integration (+ C).",
    "elements_wrong": "Not correct: {missing} expected element(s) missing, {extra} wrong.",
    "wrong_multiplicity": "Check how many times each element appears.",
    "wrong_order": "The right elements, but in the wrong order.",
    "wrong_length": "Expected {expected} component(s), got {got}.",
    "components_wrong": "Not correct: component(s) {positions} are wrong.",
    "matrix_shape": "Expected a {rows}×{cols} matrix, got {got_rows}×{got_cols}.",
    "matrix_entries": "Not correct: {count} entr(y/ies) are wrong.",
    "interval_endpoints": "Almost: check whether the endpoints are included.",
    "not_same_solutions": "Not correct: this does not have the same solutions.",
    "choice_partial": "Partly correct: {right} of {total} correct option(s), {wrong} wrong.",
    "choice_unknown_option": "Unknown option(s): {options}.",
    "step_wrong": "Step {step} does not follow from step {previous}.",
    "step_equality_wrong": "In step {step}, the {which} equality does not hold.",
    "step_wrong_start": "Step 1 does not follow from the problem statement.",
    "steps_wrong_result": "Every step is valid, but the last one is not the expected answer.",
    "needs_review": "Your answer has been saved and will be reviewed by a teacher.",
    "invalid_key": "This problem's answer key is invalid; a teacher will review your answer.",
}


def render(code: str, **params: object) -> str:
    """The English text for ``code`` with its parameters filled in."""
    return MESSAGES[code].format(**params)
