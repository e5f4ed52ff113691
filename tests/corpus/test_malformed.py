"""Malformed records: each error names its line and field, and none is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import RecordError, read_documents

GOOD = json.dumps({"id": "ok", "title": "기준금리 동결"}, ensure_ascii=False).encode() + b"\n"

# (case id, the bad JSONL line, expected field, words expected in the reason)
CASES = [
    ("bad JSON", b'{"id": "a", "title": \n', None, "invalid JSON"),
    ("not an object", b'["a", "title"]\n', None, "should be a JSON object, got list"),
    ("string record", b'"just text"\n', None, "got str"),
    ("missing id", b'{"title": "\xea\xb8\x88\xeb\xa6\xac"}\n', "id", "missing id"),
    ("null id", b'{"id": null, "title": "t"}\n', "id", "missing id"),
    ("blank id", b'{"id": "  ", "title": "t"}\n', "id", "empty id"),
    ("id list", b'{"id": ["a"], "title": "t"}\n', "id", "got list ['a']"),
    ("id float", b'{"id": 1.5, "title": "t"}\n', "id", "got float 1.5"),
    ("id bool", b'{"id": true, "title": "t"}\n', "id", "got bool True"),
    ("title int", b'{"id": "a", "title": 3}\n', "title", "should be a string or null, got int"),
    ("body dict", b'{"id": "a", "body": {"x": 1}}\n', "body", "got dict"),
    ("source int", b'{"id": "a", "title": "t", "source": 1}\n', "source", "got int"),
    ("no text", b'{"id": "a", "title": null, "body": ""}\n', "title,body,text", "no text"),
    ("blank text", b'{"id": "a", "title": " ", "text": "\\n"}\n', "title,body,text", "no text"),
    ("bad date", b'{"id": "a", "title": "t", "date": "yesterday"}\n', "date", "unparseable"),
    ("no such day", b'{"id": "a", "title": "t", "date": "1990-11-77"}\n', "date", "out of range"),
    ("date list", b'{"id": "a", "title": "t", "date": [2024]}\n', "date", "got list"),
    (
        "invalid UTF-8",
        b'{"id": "a", "title": "\xff\xfe"}\n',
        None,
        "invalid utf-8 at byte 23 of the line",
    ),
    ("cut UTF-8", b'{"id": "a", "title": "\xea\xb8"}\n', None, "invalid utf-8"),
]


def _write(tmp_path: Path, bad: bytes) -> Path:
    """good, blank, bad, whitespace-only, good (the bad record is on line 3)."""
    path = tmp_path / "case.jsonl"
    path.write_bytes(GOOD + b"\n" + bad + b"  \t\r\n" + GOOD.replace(b"ok", b"ok2"))
    return path


@pytest.mark.parametrize(
    ("bad", "field", "reason"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_error_names_line_and_field(bad, field, reason, tmp_path):
    path = _write(tmp_path, bad)
    with pytest.raises(RecordError, match=rf"^{path}:3:") as info:
        list(read_documents(path))
    error = info.value
    assert (error.path, error.line, error.field) == (str(path), 3, field)
    assert reason in error.reason
    assert error.raw is not None and error.raw.startswith(("{", "[", '"'))


@pytest.mark.parametrize("bad", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_every_line_is_accounted_for(bad, tmp_path):
    path = _write(tmp_path, bad)
    non_blank = sum(1 for line in path.read_bytes().splitlines() if line.strip())
    errors: list[RecordError] = []
    docs = list(read_documents(path, on_error=errors.append))
    assert len(docs) + len(errors) == non_blank == 3
    assert [doc.id for doc in docs] == ["ok", "ok2"]
    assert [error.line for error in errors] == [3]
    assert [doc.id for doc in read_documents(path, on_error="skip")] == ["ok", "ok2"]


def test_blank_lines_are_not_records(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_bytes(b"\n\r\n   \n" + GOOD + b"\n\n")
    assert [doc.origin for doc in read_documents(path)] == [f"{path}:4"]


def test_raw_is_truncated(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(
        json.dumps({"id": "a", "title": 1, "body": "가" * 2000}) + "\n", encoding="utf-8"
    )
    errors: list[RecordError] = []
    list(read_documents(path, on_error=errors.append))
    assert errors[0].field == "title"
    assert len(errors[0].raw) == 501 and errors[0].raw.endswith("…")
    assert errors[0].to_dict()["line"] == 1


def test_text_field_missing_names_that_field(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"id": "a", "title": "t"}\n{"id": "b", "english": 3}\n', encoding="utf-8")
    errors: list[RecordError] = []
    assert list(read_documents(path, text_field="english", on_error=errors.append)) == []
    assert [(e.line, e.field) for e in errors] == [(1, "english"), (2, "english")]
    assert "no text" in errors[0].reason and "should be a string" in errors[1].reason


CSV_TEXT = (
    "id,date,title,body\n"
    'a,2026-01-05,금리,"여러 줄\n본문"\n'  # lines 2-3
    "\n"
    "b,어제,환율,본문\n"  # line 5: bad date
    "c,2026-01-06,유가\n"  # line 6: too few fields
    ",2026-01-07,금,본문\n"  # line 7: missing id
    "d,2026-01-08,,\n"  # line 8: no text
    "e,20260109,주가,본문\n"
)


def test_csv_errors_name_the_file_line_of_the_record(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    errors: list[RecordError] = []
    docs = list(read_documents(path, on_error=errors.append))
    assert [(doc.id, doc.origin) for doc in docs] == [("a", f"{path}:2"), ("e", f"{path}:9")]
    assert [(e.line, e.field) for e in errors] == [
        (5, "date"),
        (6, None),
        (7, "id"),
        (8, "title,body,text"),
    ]
    assert "3 fields but the header has 4" in errors[1].reason
    assert errors[1].raw == "c,2026-01-06,유가\n"


def test_csv_invalid_bytes_spoil_only_their_record(tmp_path):
    path = tmp_path / "news.csv"
    data = CSV_TEXT.encode().replace('본문"'.encode(), b'\xff"', 1)  # inside the 2-line record
    path.write_bytes(data)
    errors: list[RecordError] = []
    docs = list(read_documents(path, on_error=errors.append))
    assert errors[0].line == 2 and "invalid utf-8" in errors[0].reason
    assert [doc.id for doc in docs] == ["e"]


def test_table_errors_name_the_row():
    import pandas as pd

    frame = pd.DataFrame({"id": ["a", None, "c"], "title": ["t", "t", None]})
    errors: list[RecordError] = []
    docs = list(read_documents(frame, on_error=errors.append))
    assert [doc.id for doc in docs] == ["a"]
    assert [(e.path, e.line, e.field) for e in errors] == [
        ("<dataframe>", 2, "id"),
        ("<dataframe>", 3, "title,body,text"),
    ]
    assert errors[0].raw == '{"id": null, "title": "t"}'


def test_parquet_float_ids_are_errors(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": [1.0, 2.5], "title": ["a", "b"]}), tmp_path / "f.parquet")
    errors: list[RecordError] = []
    assert list(read_documents(tmp_path / "f.parquet", on_error=errors.append)) == []
    assert [(e.line, e.field) for e in errors] == [(1, "id"), (2, "id")]


def test_invalid_utf8_in_a_text_file_names_its_line(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes("첫 줄\n둘째 줄\n".encode() + b"\xff\n")
    with pytest.raises(RecordError, match=r"note.txt:3: field 'text': invalid utf-8 on line 3"):
        list(read_documents(path))
