"""Reading import files: rows are numbered as people see them, bad cells are named."""

from mathkallos.services.content.fileformat import parse_csv, parse_json

HEADER = "statement,kind,answer_key,options,hints,difficulty,topics\n"


def test_csv_rows_are_numbered_like_a_spreadsheet_and_cells_are_decoded():
    parsed = parse_csv(
        HEADER
        + 'Compute 2+2,numeric,4,,"[""Add"", ""Count""]",2,algebra; arithmetic\n'
        + 'Pick,choice,b,"[{""label"": ""a"", ""text"": ""1""}, '
        + '{""label"": ""b"", ""text"": ""2""}]",One hint,3,\n'
    )
    assert parsed.issues == []
    first, second = parsed.problems
    assert (first.row, second.row) == (2, 3)
    assert first.data["hints"] == ["Add", "Count"]
    assert first.data["topics"] == ["algebra", "arithmetic"]
    assert first.data["difficulty"] == 2
    assert second.data["hints"] == ["One hint"]
    assert [o["label"] for o in second.data["options"]] == ["a", "b"]


def test_csv_bad_cells_and_missing_columns_are_named():
    parsed = parse_csv(HEADER + "Compute,numeric,4,,,hard,\n")
    assert [(i.row, i.field) for i in parsed.issues] == [(2, "difficulty")]
    missing = parse_csv("statement,kind\nx,numeric\n")
    assert [(i.row, i.field, i.message) for i in missing.issues] == [
        (1, "answer_key", "content.errors.column_missing")
    ]


def test_json_must_declare_the_format_and_a_bare_list_means_problems():
    assert parse_json('{"courses": []}').issues[0].message == "content.errors.file_format"
    assert parse_json("{not json").issues[0].message == "content.errors.file_unreadable"
    parsed = parse_json('[{"statement": "s"}, 5]')
    assert [p.path for p in parsed.problems] == ["problems[1]"]
    assert [(i.row, i.field) for i in parsed.issues] == [(2, "problems[2]")]
