"""Arrow schemas and atomic shard writing for batch outputs."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from corpus import Document
from extract.engine.tagger import Mention

__all__ = [
    "DOCUMENTS_SCHEMA",
    "DOC_TERMS_SCHEMA",
    "MENTIONS_SCHEMA",
    "atomic_write_bytes",
    "chunk_tables",
    "write_table",
]

MENTIONS_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("field", pa.string()),
        ("term_id", pa.string()),
        ("surface", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("sent_start", pa.int32()),
        ("sent_end", pa.int32()),
    ]
)
DOCUMENTS_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("date", pa.date32()),
        ("source", pa.string()),
        ("n_chars", pa.int32()),
        ("n_mentions", pa.int32()),
        ("origin", pa.string()),
    ]
)
DOC_TERMS_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("date", pa.date32()),
        ("source", pa.string()),
        ("term_id", pa.string()),
        ("mentions", pa.int32()),
    ]
)


def chunk_tables(
    docs: Sequence[Document], mentions: Sequence[Sequence[Mention]], fields: Any = None
) -> dict[str, pa.Table]:
    """The mentions, documents and per-document term counts of one chunk."""
    m_rows: list[dict[str, Any]] = []
    d_rows: list[dict[str, Any]] = []
    t_rows: list[dict[str, Any]] = []
    for doc, ms in zip(docs, mentions, strict=True):
        m_rows.extend(m.to_dict() for m in ms)
        n_chars = sum(len(t) for _, t in doc.texts(fields))
        d_rows.append(
            {
                "doc_id": doc.id,
                "date": doc.date,
                "source": doc.source,
                "n_chars": n_chars,
                "n_mentions": len(ms),
                "origin": doc.origin,
            }
        )
        counts: dict[str, int] = {}
        for m in ms:
            counts[m.term_id] = counts.get(m.term_id, 0) + 1
        t_rows.extend(
            {"doc_id": doc.id, "date": doc.date, "source": doc.source, "term_id": k, "mentions": v}
            for k, v in sorted(counts.items())
        )
    return {
        "mentions": pa.Table.from_pylist(m_rows, schema=MENTIONS_SCHEMA),
        "documents": pa.Table.from_pylist(d_rows, schema=DOCUMENTS_SCHEMA),
        "doc_terms": pa.Table.from_pylist(t_rows, schema=DOC_TERMS_SCHEMA),
    }


def _tmp(path: Path) -> Path:
    # A leading dot keeps half-written files out of pyarrow/pandas directory reads.
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def write_table(table: pa.Table, path: Path) -> None:
    """Write ``table`` to ``path`` as Parquet, atomically (temp file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp(path)
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def atomic_write_bytes(data: bytes, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp(path)
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def jsonl_bytes(rows: Iterable[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
