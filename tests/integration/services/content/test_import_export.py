"""Imports are all-or-nothing and name every bad row; exports import back unchanged."""

import json

import pytest
from sqlalchemy import func
from sqlmodel import select

from mathkallos.models.content import Course, Problem, Section, Test
from mathkallos.services import content
from mathkallos.services.errors import PermissionDenied
from tests.integration.services.content.factories import make_course, make_problem

CSV_HEADER = "statement,kind,answer_key,options,hints,solution,difficulty,topics,status\n"


def _counts(session):
    return tuple(
        session.exec(select(func.count()).select_from(model)).one()
        for model in (Course, Section, Problem, Test)
    )


def test_csv_import_with_one_bad_row_saves_nothing_and_names_the_row(session, teacher, tmp_path):
    path = tmp_path / "problems.csv"
    path.write_text(
        CSV_HEADER
        + "Compute $2+2$,numeric,4,,Add,It is 4,2,algebra,published\n"
        + 'Solve $x^2=4$,set,"{2, -2}",,,,3,algebra,draft\n'
        + 'Broken,matrix,"[[1, 2], [3]]",,,,4,algebra,draft\n'
        + "Too hard,numeric,1,,,,11,algebra,draft\n",
        encoding="utf-8",
    )
    before = _counts(session)
    report = content.import_file(session=session, actor=teacher, path=path)
    session.commit()
    assert not report.ok
    assert [(e.row, e.field, e.message) for e in report.errors] == [
        (4, "row 4.answer_key", "content.errors.key_invalid"),
        (5, "row 5.difficulty", "content.errors.difficulty_range"),
    ]
    assert report.errors[0].detail  # the grading engine says what is wrong with the key
    assert _counts(session) == before


def test_csv_import_of_good_rows_creates_bank_problems(session, teacher, tmp_path):
    path = tmp_path / "problems.csv"
    path.write_text(CSV_HEADER + "Compute $2+2$,numeric,4,,Add,It is 4,2,algebra,published\n")
    report = content.import_file(session=session, actor=teacher, path=path)
    assert report.ok
    assert report.created["problems"] == 1
    (problem,) = content.list_problems(session=session, actor=None).items
    assert (problem.statement, problem.hint_count, problem.course_id) == ("Compute $2+2$", 1, None)


def test_json_course_with_a_bad_problem_is_refused_whole(session, teacher, tmp_path):
    course = {
        "title": "Imported",
        "slug": "imported",
        "is_published": True,
        "sections": [{"title": "One", "content": "$x$"}],
        "problems": [
            {
                "ref": "a",
                "statement": "2+2",
                "kind": "numeric",
                "answer_key": "4",
                "status": "published",
            },
            {
                "ref": "b",
                "statement": "Pick",
                "kind": "choice",
                "answer_key": "c",
                "options": [{"label": "a", "text": "1"}, {"label": "b", "text": "2"}],
            },
        ],
        "tests": [{"title": "Quiz", "mode": "exam", "problems": [{"ref": "a"}]}],
    }
    path = tmp_path / "course.json"
    path.write_text(json.dumps({"format": "mathkallos-content", "version": 1, "courses": [course]}))
    report = content.import_file(session=session, actor=teacher, path=path)
    session.commit()
    assert {(e.row, e.field, e.message) for e in report.errors} == {
        (2, "courses[1].problems[2].answer_key", "content.errors.key_invalid"),
        (1, "courses[1].tests[1].duration_minutes", "content.errors.duration_required"),
    }
    assert _counts(session) == (0, 0, 0, 0)


def test_import_needs_staff_and_a_known_file_type(session, teacher, student, tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("hello")
    with pytest.raises(PermissionDenied):
        content.import_file(session=session, actor=student, path=path)
    report = content.import_file(session=session, actor=teacher, path=path)
    assert [(e.row, e.message) for e in report.errors] == [(0, "content.errors.file_type")]


def _without_identity(document):
    course = dict(document)
    course.pop("slug")
    course.pop("title")
    return course


def test_course_export_imports_back_identically(session, teacher, tmp_path):
    course = make_course(
        session,
        teacher,
        "Inequalities",
        sections=2,
        summary="AM-GM",
        topics=["inequalities"],
        level="national",
    )
    numeric = make_problem(session, teacher, course_id=course.id)
    choice = make_problem(
        session,
        teacher,
        course_id=course.id,
        kind="choice",
        answer_key="a, b",
        options=[
            {"label": "a", "text": "yes"},
            {"label": "b", "text": "also"},
            {"label": "c", "text": "no"},
        ],
        checker_settings={"multiple": True, "partial_credit": True},
        hints=["One", "Two"],
        difficulty=5,
        topics=["inequalities"],
    )
    bank = make_problem(
        session, teacher, statement="A bank problem", kind="interval", answer_key="[1, inf)"
    )
    exam = content.create_test(
        session=session,
        actor=teacher,
        course_id=course.id,
        title="Exam",
        mode="exam",
        duration_minutes=45,
        is_final=True,
    )
    content.set_test_problems(
        session=session,
        actor=teacher,
        test_id=exam.id,
        items=[(choice.id, 3), (numeric.id, 1), (bank.id, 2)],
    )
    content.set_test_published(session=session, actor=teacher, test_id=exam.id, published=True)
    session.commit()
    exported = content.export_course(session=session, actor=teacher, course_id=course.id)
    document = json.loads(
        content.export_courses_json(session=session, actor=teacher, course_ids=[course.id])
    )
    document["courses"][0]["slug"] = "inequalities-copy"
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    report = content.import_file(session=session, actor=teacher, path=path)
    assert report.ok, report.errors
    assert report.created == {"courses": 1, "sections": 2, "problems": 3, "tests": 1}
    copy = content.get_course(session=session, actor=teacher, slug="inequalities-copy")
    again = content.export_course(session=session, actor=teacher, course_id=copy.id)
    assert _without_identity(again) == _without_identity(exported)
    assert [t["problems"] for t in again["tests"]] == [
        [{"ref": "p2", "points": 3}, {"ref": "p1", "points": 1}, {"ref": "p3", "points": 2}]
    ]


def test_problem_csv_export_imports_back(session, teacher, tmp_path):
    first = make_problem(
        session, teacher, topics=["algebra", "number theory"], hints=["Think, then add", "Really"]
    )
    second = make_problem(
        session,
        teacher,
        kind="choice",
        answer_key="b",
        options=[{"label": "a", "text": "1, 2"}, {"label": "b", "text": "3"}],
    )
    text = content.export_problems_csv(
        session=session, actor=teacher, problem_ids=[first.id, second.id]
    )
    path = tmp_path / "bank.csv"
    path.write_text(text, encoding="utf-8")
    report = content.import_file(session=session, actor=teacher, path=path)
    assert report.ok, report.errors
    exported = json.loads(
        content.export_problems_json(
            session=session, actor=teacher, problem_ids=[first.id, second.id]
        )
    )["problems"]
    new_ids = [p.id for p in content.list_problems(session=session, actor=teacher).items][2:]
    assert len(new_ids) == 2
    imported = json.loads(
        content.export_problems_json(session=session, actor=teacher, problem_ids=new_ids)
    )["problems"]
    key = lambda p: p["statement"] + p["kind"]  # noqa: E731
    assert sorted(imported, key=key) == sorted(exported, key=key)
