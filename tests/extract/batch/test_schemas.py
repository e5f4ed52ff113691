"""One Arrow schema per table, whichever writer made it: ``-o m.parquet``, a run
directory, ``tag_dask`` and ``tag_batch`` agree on column names and types."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from corpus import load_sample, sample_path
from extract import MentionWriter, Tagger, load_table, tag_archive, tag_batch, tag_dask
from extract.batch.schemas import DOC_TERMS_SCHEMA, DOCUMENTS_SCHEMA, MENTIONS_SCHEMA
from extract.engine.tagger import MENTION_COLUMNS
from glossary import Glossary


def _records() -> list[dict]:
    return [
        {"id": d.id, "title": d.title, "body": d.body, "date": str(d.date), "source": d.source}
        for d in load_sample()[:6]
    ]


def _types(schema: pa.Schema) -> list[tuple[str, pa.DataType]]:
    return [(f.name, f.type) for f in schema]


def _mention_outputs(tmp_path: Path, glossary: Glossary) -> dict[str, Any]:
    """The mentions of every writer that produces a table of them: Arrow schemas for
    the Parquet and ``datasets`` outputs, the DataFrame for ``tag_dask``."""
    out: dict[str, Any] = {}
    with MentionWriter(tmp_path / "m.parquet") as writer:
        writer.write(Tagger(glossary).tag_documents(load_sample()[:6]))
    out["MentionWriter"] = pq.read_schema(tmp_path / "m.parquet")
    tag_archive(sample_path(), tmp_path / "run", glossary=glossary, chunk_size=20)
    shard = sorted((tmp_path / "run" / "mentions").glob("part-*.parquet"))[0]
    out["tag_archive"] = pq.read_schema(shard)
    flat = tag_batch(
        {k: [r[k] for r in _records()] for k in _records()[0]}, glossary=glossary, flat=True
    )
    datasets = pytest.importorskip("datasets")
    out["tag_batch"] = datasets.Dataset.from_dict(flat).data.schema
    dd = pytest.importorskip("dask.dataframe")
    frame = dd.from_pandas(pd.DataFrame(_records()), npartitions=2)
    out["tag_dask"] = tag_dask(frame, glossary=glossary).compute(scheduler="sync")
    return out


def test_every_mentions_writer_has_the_one_schema(tmp_path: Path, test_glossary: Glossary) -> None:
    outputs = _mention_outputs(tmp_path, test_glossary)
    frame = outputs.pop("tag_dask")
    want = _types(MENTIONS_SCHEMA)
    got = {name: _types(schema) for name, schema in outputs.items()}
    assert {name: types for name, types in got.items() if types != want} == {}
    # A DataFrame has pandas dtypes: the same as a run's table read back with pandas.
    assert frame.dtypes.to_dict() == load_table(tmp_path / "run").dtypes.to_dict()
    got["tag_dask"] = _types(pa.Schema.from_pandas(frame, preserve_index=False))
    offsets = {name: (dict(t)["start"], dict(t)["end"]) for name, t in got.items()}
    assert set(offsets.values()) == {(pa.int64(), pa.int64())}, offsets


def test_schemas_follow_the_record_types() -> None:
    assert tuple(MENTIONS_SCHEMA.names) == MENTION_COLUMNS
    assert MENTIONS_SCHEMA.field("start").type == pa.int64()
    assert DOCUMENTS_SCHEMA.field("date").type == pa.date32()
    assert DOCUMENTS_SCHEMA.names == [
        "doc_id", "date", "source", "n_chars", "n_mentions", "origin", "fields"
    ]  # fmt: skip
    assert DOC_TERMS_SCHEMA.names == ["doc_id", "date", "source", "term_id", "mentions"]
    assert {DOCUMENTS_SCHEMA.field("n_chars").type, DOC_TERMS_SCHEMA.field("mentions").type} == {
        pa.int64()
    }


def test_in_memory_tables_match_a_run(tmp_path: Path, test_glossary: Glossary) -> None:
    from extract.trends.series import tables_from_documents

    tag_archive(sample_path(), tmp_path / "run", glossary=test_glossary)
    memory = tables_from_documents(load_sample(), tagger=Tagger(test_glossary))
    for name in ("mentions", "documents", "doc_terms"):
        on_disk = load_table(tmp_path / "run", name)
        assert memory[name].dtypes.to_dict() == on_disk.dtypes.to_dict(), name
        assert list(memory[name].columns) == list(on_disk.columns), name


_FIELD_RECORDS = [
    # danews-like, Stocker-like and a record whose extra fields clash with table columns
    {"id": "a", "date": "2026-03-02", "title": "유가 급등", "url": "https://x/a",
     "category": "경제", "kind": "headline"},
    {"id": "b", "date": "2026-03-03", "title": "삼성전자 HBM 공급", "company": "삼성전자",
     "rank": 3, "tags": ["반도체", "HBM"]},
    {"id": "c", "date": "2026-03-04", "title": "금리 동결", "origin": "wire", "n_chars": "x"},
]  # fmt: skip


def _write_field_records(path: Path) -> Path:
    if path.suffix == ".jsonl":
        lines = [json.dumps(r, ensure_ascii=False) for r in _FIELD_RECORDS]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        names = list(dict.fromkeys(k for r in _FIELD_RECORDS for k in r))
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, names)
            writer.writeheader()
            writer.writerows(_FIELD_RECORDS)
    return path


@pytest.mark.parametrize("suffix", ["jsonl", "csv"])
def test_documents_table_keeps_every_input_field(
    tmp_path: Path, test_glossary: Glossary, suffix: str
) -> None:
    path = _write_field_records(tmp_path / f"news.{suffix}")
    tag_archive(path, tmp_path / "run", glossary=test_glossary)
    docs = load_table(tmp_path / "run", "documents").set_index("doc_id").sort_index()
    assert str(docs["date"].dtype) == "datetime64[ns]"
    assert docs["category"].fillna("-").tolist() == ["경제", "-", "-"]
    assert docs["company"].fillna("-").tolist() == ["-", "삼성전자", "-"]
    assert docs["category"].dtype == docs["source"].dtype  # pandas' own string type
    assert docs.loc["a", "url"] == "https://x/a" and docs.loc["a", "kind"] == "headline"
    # Clashing names keep the table's own columns and move the field aside.
    assert docs.loc["c", "field_origin"] == "wire" and docs.loc["c", "field_n_chars"] == "x"
    assert docs.loc["c", "n_chars"] == len("금리 동결")
    assert docs.loc["b", "rank"] == "3"
    # JSON lists come back as JSON; CSV has no lists, its cell is the text written.
    assert docs.loc["b", "tags"] == (
        '["반도체", "HBM"]' if suffix == "jsonl" else "['반도체', 'HBM']"
    )
    assert "title" not in docs.columns and "fields" not in docs.columns
    assert str(load_table(tmp_path / "run", "doc_terms")["date"].dtype) == "datetime64[ns]"


def test_a_run_from_before_fields_still_loads(tmp_path: Path, test_glossary: Glossary) -> None:
    """Shards written without the ``fields`` column (older runs, or the finished part of
    a run resumed by this version) read as documents without fields."""
    path = _write_field_records(tmp_path / "news.jsonl")
    tag_archive(path, tmp_path / "run", glossary=test_glossary, chunk_size=2)
    shards = sorted((tmp_path / "run" / "documents").glob("*.parquet"))
    assert len(shards) == 2
    old = pq.read_table(shards[0])
    pq.write_table(old.drop_columns(["fields"]), shards[0])
    docs = load_table(tmp_path / "run", "documents").set_index("doc_id").sort_index()
    assert len(docs) == 3
    assert "category" not in docs.columns  # "a" was in the old shard
    assert docs.loc["c", "field_origin"] == "wire"
    # Every shard old: no field columns at all.
    pq.write_table(pq.read_table(shards[1]).drop_columns(["fields"]), shards[1])
    assert list(load_table(tmp_path / "run", "documents").columns) == [
        "doc_id", "date", "source", "n_chars", "n_mentions", "origin"
    ]  # fmt: skip
