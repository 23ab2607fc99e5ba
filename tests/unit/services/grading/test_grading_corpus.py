"""Regression: every labelled pair of the corpus is judged as labelled, through the pool."""

import json
from pathlib import Path

from mathkallos.services.grading import check_answer

CORPUS = Path(__file__).parents[4] / "tests" / "data" / "grading_corpus.jsonl"


def test_corpus_agreement_is_total() -> None:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 500
    assert len({row["kind"] for row in rows}) == 12
    disagreements = []
    for row in rows:
        result = check_answer(row["answer"], row["key"], row["kind"], **row["settings"])
        if result.correct != row["expected_correct"] or result.status == "invalid_input":
            disagreements.append((row, result.code))
    assert disagreements == []
