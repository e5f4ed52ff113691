"""One Arrow schema per table, whichever writer made it: ``-o m.parquet``, a run
directory, ``tag_dask`` and ``tag_batch`` agree on column names and types."""

from __future__ import annotations

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
    assert DOCUMENTS_SCHEMA.names == ["doc_id", "date", "source", "n_chars", "n_mentions", "origin"]
    assert DOC_TERMS_SCHEMA.names == ["doc_id", "date", "source", "term_id", "mentions"]
    assert {DOCUMENTS_SCHEMA.field("n_chars").type, DOC_TERMS_SCHEMA.field("mentions").type} == {
        pa.int64()
    }


def test_in_memory_tables_match_a_run(tmp_path: Path, test_glossary: Glossary) -> None:
    from extract.trends.series import tables_from_documents

    tag_archive(sample_path(), tmp_path / "run", glossary=test_glossary)
    memory = tables_from_documents(load_sample(), tagger=Tagger(test_glossary))
    for name in ("mentions", "documents", "doc_terms"):
        on_disk = pq.read_table(tmp_path / "run" / name).to_pandas()
        assert memory[name].dtypes.to_dict() == on_disk.dtypes.to_dict(), name
