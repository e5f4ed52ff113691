"""Reliability of the readers: one bad record is one error, never a crash.

Issue 11: a 1,000-deep JSONL line raised ``RecursionError`` in every reader; any
exception from one record must become that record's error (file, line, reason).
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import RecordError, read_documents, read_file

GOOD = json.dumps({"id": "ok", "title": "기준금리 동결"}, ensure_ascii=False)


def _deep(levels: int) -> str:
    return '{"id": "deep", "title": "t", "x": ' + "[" * levels + "]" * levels + "}"


@pytest.mark.parametrize("levels", [200, 1_000, 100_000])
def test_deep_jsonl_line_is_that_records_error(levels, tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("\n".join([GOOD, _deep(levels), GOOD.replace("ok", "ok2")]) + "\n")
    errors: list[RecordError] = []
    docs = list(read_documents(path, on_error=errors.append))
    assert [d.id for d in docs] == ["ok", "ok2"]
    assert [(e.path, e.line) for e in errors] == [(str(path), 2)]
    assert "nested" in errors[0].reason
    assert len(errors[0].raw or "") <= 501


def test_deep_record_from_a_table_is_an_error():
    import pandas as pd

    deep: object = []
    for _ in range(200):
        deep = [deep]
    frame = pd.DataFrame({"id": ["a", "b"], "title": ["t", "t"], "x": [deep, None]})
    errors: list[RecordError] = []
    docs = list(read_documents(frame, on_error=errors.append))
    assert [d.id for d in docs] == ["b"]
    assert [e.line for e in errors] == [1]


def test_unexpected_exception_in_one_record_is_its_error(tmp_path, monkeypatch):
    import corpus._readers as readers

    real = readers.make_document

    def flaky(record, **kw):
        if record.get("id") == "boom":
            raise KeyError("surprise")
        return real(record, **kw)

    monkeypatch.setattr(readers, "make_document", flaky)
    path = tmp_path / "x.jsonl"
    path.write_text(GOOD + "\n" + GOOD.replace("ok", "boom") + "\n")
    errors: list[RecordError] = []
    assert [d.id for d in read_file(path, on_error=errors.append)] == ["ok"]
    assert [(e.line, "KeyError" in e.reason) for e in errors] == [(2, True)]


def test_cr_only_line_endings_are_lines(tmp_path):
    path = tmp_path / "mac.jsonl"
    path.write_bytes((GOOD + "\r" + GOOD.replace("ok", "ok2") + "\r").encode())
    docs = list(read_documents(path))
    assert [(d.id, d.origin) for d in docs] == [("ok", f"{path}:1"), ("ok2", f"{path}:2")]


# --- fuzz: every record is either a document or an error, and nothing raises --------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=10,
)
_keys = st.sampled_from(["id", "title", "body", "text", "date", "source", "url", "x"])
_records = st.dictionaries(_keys, _values, max_size=6)


def _jsonl_line(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 4))
    if kind == 0:
        return json.dumps(draw(_records), ensure_ascii=draw(st.booleans())).encode()
    if kind == 1:
        return draw(st.binary(max_size=40)).replace(b"\n", b" ").replace(b"\r", b" ")
    if kind == 2:
        depth = draw(st.integers(1, 3_000))
        return ('{"id": "d", "title": "t", "x": ' + "[" * depth + "]" * depth + "}").encode()
    if kind == 3:  # a good record cut short
        line = json.dumps(draw(_records), ensure_ascii=False).encode()
        return line[: draw(st.integers(0, len(line)))]
    return json.dumps(draw(_values)).encode()


@st.composite
def _jsonl_files(draw: st.DrawFn) -> list[bytes]:
    return [_jsonl_line(draw) for _ in range(draw(st.integers(1, 6)))]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=_jsonl_files())
def test_fuzz_jsonl_every_record_is_a_document_or_an_error(lines, tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "f.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    errors: list[RecordError] = []
    docs = list(read_documents(path, on_error=errors.append))
    records = sum(1 for line in lines if line.strip())
    assert len(docs) + len(errors) == records
    assert all(e.line is not None and e.reason for e in errors)


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(st.lists(st.text(max_size=15), min_size=0, max_size=4), max_size=5))
def test_fuzz_csv_never_raises(rows, tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "f.csv"
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "title", "date"])
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    errors: list[RecordError] = []
    docs = list(read_documents(path, on_error=errors.append))
    assert all(isinstance(e, RecordError) for e in errors)
    assert len(docs) <= len(rows)
