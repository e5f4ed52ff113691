"""Every input format gives the same documents; sources expand deterministically."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import pickle
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from corpus import Document, RecordError, iter_files, read_documents, read_file

FORMATS = ["jsonl", "jsonl.gz", "ndjson", "csv", "tsv", "parquet", "hf", "dataframe", "dataset"]


def _expected(records: list[dict[str, Any]]) -> list[Document]:
    return [
        Document(
            id=r["id"],
            title=r["title"],
            body=r["body"],
            date=dt.date.fromisoformat(r["date"]) if r["date"] else None,
            source=r["source"],
            url=r["url"],
            extra=MappingProxyType({"category": r["category"]} if r["category"] else {}),
        )
        for r in records
    ]


def _source(name: str, files: dict[str, Path], records: list[dict[str, Any]]) -> Any:
    if name == "dataframe":
        import pandas as pd

        return pd.DataFrame(records)
    if name == "dataset":
        import datasets

        return datasets.Dataset.from_list(records)
    return files[name]


def _line(doc: Document) -> int:
    assert doc.origin is not None
    return int(doc.origin.rsplit(":", 1)[1])


def _joined(doc: Document) -> str:
    return "\n".join(text for _, text in doc.texts())


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_gives_the_same_documents(name, fixture_files, records):
    docs = list(read_documents(_source(name, fixture_files, records)))
    assert docs == _expected(records)


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("jsonl", [1, 2, 3, 4]),
        ("csv", [2, 4, 5, 6]),  # header on line 1; the first body spans lines 2-3
        ("tsv", [2, 4, 5, 6]),
        ("parquet", [1, 2, 3, 4]),
        ("hf", [1, 2, 3, 4]),
        ("dataframe", [1, 2, 3, 4]),
    ],
)
def test_origin_names_path_and_line(name, lines, fixture_files, records):
    docs = list(read_documents(_source(name, fixture_files, records)))
    assert [_line(doc) for doc in docs] == lines
    label = "<dataframe>" if name == "dataframe" else str(fixture_files[name])
    assert all(doc.origin.startswith(label + ":") for doc in docs)


def test_text_folder_gives_one_document_per_file(fixture_files, records):
    docs = list(read_documents(fixture_files["txt"]))
    assert [doc.id for doc in docs] == [r["id"] for r in records]  # relative, no suffix
    assert [doc.texts()[0][0] for doc in docs] == ["text"] * len(records)
    expected = _expected(records)
    assert [_joined(doc) for doc in docs] == [_joined(doc) for doc in expected]
    assert {doc.date for doc in docs} == {None}


def test_single_text_file_id_is_the_stem(tmp_path):
    (tmp_path / "메모.md").write_text("# 제목\n\n본문.", encoding="utf-8")
    [doc] = read_documents(tmp_path / "메모.md")
    assert (doc.id, doc.text, doc.origin) == ("메모", "# 제목\n\n본문.", f"{tmp_path}/메모.md:1")


def test_read_file_keeps_directory_ids_with_relative_to(fixture_files):
    root = fixture_files["txt"]
    paths = iter_files(root)
    ids = [doc.id for path in paths for doc in read_file(path, relative_to=root)]
    assert ids == [doc.id for doc in read_documents(root)]
    assert [doc.id for doc in read_file(paths[0])] == ["001"]


def test_directory_of_mixed_formats(fixture_files):
    root = fixture_files["jsonl"].parent
    names = [path.relative_to(root).as_posix() for path in iter_files(root)]
    assert names == [
        "news.csv",
        "news.jsonl",
        "news.jsonl.gz",
        "news.ndjson",
        "news.parquet",
        "news.tsv",
        "news_hf",
        "texts/econ/001.txt",
        "texts/econ/002.txt",
        "texts/market-003.txt",
        "texts/market-004.txt",
    ]
    docs = list(read_documents(root))
    assert len(docs) == 7 * 4 + 4
    assert docs[-1].id == "texts/market-004"


def test_directory_skips_hidden_files_and_markdown(tmp_path):
    (tmp_path / "a.txt").write_text("가", encoding="utf-8")
    (tmp_path / "README.md").write_text("설명", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("숨김", encoding="utf-8")
    (tmp_path / "notes.xml").write_text("<x/>", encoding="utf-8")
    assert iter_files(tmp_path) == [tmp_path / "a.txt"]


def test_glob_and_lists_are_sorted_and_deduplicated(fixture_files):
    root = fixture_files["jsonl"].parent
    names = ["news.csv", "news.jsonl", "news.jsonl.gz", "news.ndjson", "news.parquet", "news.tsv"]
    assert iter_files(str(root / "news.*")) == [root / name for name in names]
    assert iter_files([fixture_files["tsv"], str(root / "*.jsonl"), fixture_files["jsonl"]]) == [
        fixture_files["tsv"],
        fixture_files["jsonl"],
    ]
    texts = iter_files(str(root / "**" / "*.txt"))
    assert [path.stem for path in texts] == ["001", "002", "market-003", "market-004"]


def test_list_mixing_files_and_tables(fixture_files, records):
    import pandas as pd

    docs = list(read_documents([fixture_files["jsonl"], pd.DataFrame(records[:1])]))
    assert [doc.id for doc in docs] == [r["id"] for r in records] + [records[0]["id"]]


def test_saved_dataset_dict_reads_every_split(tmp_path, records):
    import datasets

    splits = datasets.DatasetDict(
        {
            "train": datasets.Dataset.from_list(records[:3]),
            "test": datasets.Dataset.from_list(records[3:]),
        }
    )
    splits.save_to_disk(str(tmp_path / "dd"))
    assert iter_files(tmp_path / "dd") == [tmp_path / "dd" / "train", tmp_path / "dd" / "test"]
    assert [doc.id for doc in read_documents(tmp_path / "dd")] == [r["id"] for r in records]


@pytest.mark.parametrize("name", ["jsonl", "jsonl.gz", "csv", "parquet", "hf"])
def test_read_file_resumes_after_a_line(name, fixture_files):
    path = fixture_files[name]
    full = list(read_file(path))
    for after in [0, *(_line(doc) for doc in full)]:
        resumed = list(read_file(path, after_line=after))
        assert resumed == [doc for doc in full if _line(doc) > after], after


def test_text_field_picks_any_fields(fixture_files, records):
    errors: list[RecordError] = []
    docs = list(read_documents(fixture_files["jsonl"], text_field="title", on_error=errors.append))
    assert [doc.text for doc in docs] == [r["title"] for r in records if r["title"]]
    assert [(e.line, e.field) for e in errors] == [(3, "title")]

    docs = list(read_documents(fixture_files["csv"], text_field=["title", "category"]))
    assert docs[0].text == f"{records[0]['title']}\n{records[0]['category']}"
    assert docs[0].texts() == [("text", docs[0].text)]
    assert docs[1].text == records[1]["title"]  # the empty category is left out


def test_text_field_can_be_an_extra_like_english(write_lines):
    record = {"id": "fpb-1", "body": "회사는 성장했다.", "english": "The company grew."}
    path = write_lines([json.dumps(record, ensure_ascii=False).encode() + b"\n"])
    [doc] = read_documents(path, text_field="english")
    assert doc.texts() == [("text", "The company grew.")]
    assert doc.body == "회사는 성장했다." and doc.get("english") == "The company grew."


def test_id_field_none_numbers_records_by_line(fixture_files):
    ids = [doc.id for doc in read_documents(fixture_files["jsonl.gz"], id_field=None)]
    assert ids == ["news:1", "news:2", "news:3", "news:4"]
    docs = list(read_documents(fixture_files["jsonl"], id_field=None))
    assert docs[0].extra["id"] == "econ/001"  # not the id any more: kept as an extra


def test_other_id_field_and_integer_ids(write_lines):
    lines = [b'{"id": 7, "title": "\xea\xb0\x80"}\n', b'{"no": 8, "title": "b", "id": "x"}\n']
    path = write_lines(lines)
    assert [doc.id for doc in read_documents(path)] == ["7", "x"]
    errors: list[RecordError] = []
    docs = list(read_documents(path, id_field="no", on_error=errors.append))
    assert [doc.id for doc in docs] == ["8"] and docs[0].extra == {"id": "x"}
    assert [(e.line, e.field, e.reason) for e in errors] == [(1, "no", "missing id")]


def test_tables_with_native_types():
    import pandas as pd

    frame = pd.DataFrame(
        {
            "id": [1, 2],
            "date": [pd.Timestamp("2026-01-05 23:30"), pd.NaT],
            "title": ["금리", "환율"],
            "body": ["본문", float("nan")],
            "score": [0.5, float("nan")],
        }
    )
    docs = list(read_documents(frame))
    assert [(d.id, d.date, d.body) for d in docs] == [
        ("1", dt.date(2026, 1, 5), "본문"),
        ("2", None, None),
    ]
    assert docs[0].extra == {"score": 0.5} and docs[1].extra == {}


def test_parquet_date_column(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"id": ["a"], "date": [dt.date(2026, 3, 1)], "title": ["유가 급등"]})
    pq.write_table(table, tmp_path / "d.parquet")
    [doc] = read_documents(tmp_path / "d.parquet")
    assert doc.date == dt.date(2026, 3, 1)


def test_other_encoding(write_lines):
    line = json.dumps({"id": "a", "title": "기준금리"}, ensure_ascii=False) + "\n"
    path = write_lines([line.encode("cp949")])
    assert [doc.title for doc in read_documents(path, encoding="cp949")] == ["기준금리"]
    errors: list[RecordError] = []
    assert list(read_documents(path, on_error=errors.append)) == []
    assert [(e.line, e.field) for e in errors] == [(1, None)]
    assert "invalid utf-8" in errors[0].reason


def test_truncated_gzip_is_reported_after_what_was_read(tmp_path, fixture_files):
    data = fixture_files["jsonl.gz"].read_bytes()
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(data[: len(data) - 12])  # lose the gzip trailer and some data
    errors: list[RecordError] = []
    docs = list(read_documents(broken, on_error=errors.append))
    assert len(errors) == 1 and "cannot read the rest of the file" in errors[0].reason
    assert errors[0].line == (_line(docs[-1]) if docs else 0) + 1


def test_documents_and_errors_pickle(fixture_files):
    doc = next(read_documents(fixture_files["jsonl"]))
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and back.origin == doc.origin and isinstance(back.extra, MappingProxyType)
    error = RecordError("a.jsonl", 3, "bad date", field="date", raw="{}")
    assert pickle.loads(pickle.dumps(error)).to_dict() == error.to_dict()


def test_reading_is_lazy(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        for i in range(5000):
            stream.write(json.dumps({"id": i, "title": "뉴스"}) + "\n")
        stream.write("{broken\n")
    docs = read_documents(path)
    assert next(docs).id == "0"  # the broken last line is not reached


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"on_error": "ignore"}, ValueError, r"`on_error` should be one of \('raise', 'skip'\)"),
        ({"format": "xml"}, ValueError, r"`format` should be one of .*'jsonl'.*got 'xml'"),
        ({"encoding": "utf-9"}, ValueError, r"`encoding` should be a codec name.*'utf-9'"),
        ({"id_field": ""}, ValueError, r"`id_field` should be a field name or None, got ''"),
        ({"text_field": []}, ValueError, r"`text_field` should be None, a field name"),
        ({"text_field": ["title", 3]}, ValueError, r"`text_field` should be None"),
    ],
)
def test_bad_options_fail_at_call_time(kwargs, error, match, fixture_files):
    with pytest.raises(error, match=match):
        read_documents(fixture_files["jsonl"], **kwargs)


def test_bad_sources_fail_at_call_time(tmp_path, fixture_files):
    with pytest.raises(FileNotFoundError, match="no such file or directory"):
        read_documents(tmp_path / "missing.jsonl")
    with pytest.raises(FileNotFoundError, match="no files match this pattern"):
        iter_files(str(tmp_path / "*.jsonl"))
    with pytest.raises(FileNotFoundError, match="no readable files in this directory"):
        iter_files(tmp_path)
    with pytest.raises(TypeError, match=r"`source` should be a path.*got int"):
        read_documents(42)
    (tmp_path / "news.xml").write_text("<x/>", encoding="utf-8")
    with pytest.raises(ValueError, match=r"news.xml: cannot tell the format.*'\.xml'"):
        read_documents(tmp_path / "news.xml")
    with pytest.raises(ValueError, match="read_file takes one file"):
        read_file(fixture_files["txt"])
    with pytest.raises(ValueError, match=r"`after_line` should be an integer >= 0, got -1"):
        read_file(fixture_files["jsonl"], after_line=-1)


def test_iter_files_rejects_tables(records):
    import pandas as pd

    with pytest.raises(TypeError, match="iter_files takes paths"):
        iter_files(pd.DataFrame(records))


def test_format_overrides_the_suffix(tmp_path):
    path = tmp_path / "news.log"
    path.write_text('{"id": "a", "title": "금리"}\n', encoding="utf-8")
    assert [doc.id for doc in read_documents(path, format="jsonl")] == ["a"]
