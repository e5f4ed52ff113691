"""The three tables of batch output, their Arrow schemas, and atomic shard writing.

Each table has one record type, and its Arrow schema is derived from that type's
fields, so every writer (a run directory, ``-o mentions.parquet``, ``tag_dask``,
``tag_batch``) gives the same column names and types. Python ``int`` becomes
``int64``: what pandas, Hugging Face ``datasets`` and Arrow itself infer from Python
integers, so tables built by any tool compare equal without casts.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import os
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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
    "DocTermRecord",
    "DocumentRecord",
    "arrow_schema",
    "atomic_write_bytes",
    "chunk_tables",
    "record_fields",
    "records_table",
    "table_frame",
    "write_table",
]


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One row of the ``documents`` table: a tagged document.

    Attributes
    ----------
    doc_id : str
    date : datetime.date or None
    source : str or None
    n_chars : int
        Characters of the tagged fields.
    n_mentions : int
        Mentions found in them.
    origin : str or None
        ``"<path>:<line>"`` of the record (see :attr:`corpus.Document.origin`).
    fields : str or None
        The record's other input fields (``url``, danews ``category``, Stocker
        ``company``, ...) as a JSON object of strings, ``None`` when it has none. One
        column whatever the fields, so every shard of a run has the same schema;
        :func:`table_frame` spreads it into one column per field.
    """

    doc_id: str
    date: _dt.date | None
    source: str | None
    n_chars: int
    n_mentions: int
    origin: str | None
    fields: str | None = None


@dataclass(frozen=True, slots=True)
class DocTermRecord:
    """One row of the ``doc_terms`` table: how often one document mentions one term.

    Attributes
    ----------
    doc_id : str
    date : datetime.date or None
    source : str or None
    term_id : str
    mentions : int
    """

    doc_id: str
    date: _dt.date | None
    source: str | None
    term_id: str
    mentions: int


_ARROW_TYPES: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    _dt.date: pa.date32(),
}


def arrow_schema(record_type: type) -> pa.Schema:
    """The Arrow schema of a table whose rows are ``record_type`` dataclasses.

    Fields stay nullable whatever their type: pandas, ``datasets`` and Dask write
    nullable fields, and a schema that differs from theirs only in that would not
    compare equal.

    Examples
    --------
    >>> arrow_schema(DocTermRecord).field("mentions")
    pyarrow.Field<mentions: int64>
    >>> arrow_schema(Mention).names[:4]
    ['doc_id', 'field', 'term_id', 'surface']
    """
    hints = typing.get_type_hints(record_type)
    fields = []
    for f in dataclasses.fields(record_type):
        hint = hints[f.name]
        if isinstance(hint, types.UnionType):  # ``X | None``: the non-None member
            hint = next(a for a in typing.get_args(hint) if a is not type(None))
        try:
            fields.append(pa.field(f.name, _ARROW_TYPES[hint]))
        except KeyError:
            raise TypeError(
                f"field {f.name!r} of {record_type.__name__} has type {hint!r}; "
                f"table fields should be one of {[t.__name__ for t in _ARROW_TYPES]}"
            ) from None
    return pa.schema(fields)


MENTIONS_SCHEMA = arrow_schema(Mention)
DOCUMENTS_SCHEMA = arrow_schema(DocumentRecord)
DOC_TERMS_SCHEMA = arrow_schema(DocTermRecord)


def records_table(records: Sequence[Any], schema: pa.Schema) -> pa.Table:
    """A table of ``records`` (dataclasses whose fields are ``schema``'s columns).

    Examples
    --------
    >>> m = Mention("1", "title", "base_rate", "기준금리", 0, 4, 0, 10)
    >>> records_table([m], MENTIONS_SCHEMA).column("surface").to_pylist()
    ['기준금리']
    """
    # Column by column: no per-row dict, which matters at a few million mentions.
    columns = {name: [getattr(r, name) for r in records] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


#: Columns of the documents table that an input field cannot take over; a field with one of
#: these names is spread into ``field_<name>``.
_DOCUMENT_COLUMNS = frozenset(f.name for f in dataclasses.fields(DocumentRecord))
# The text itself is the tagged input, not a field to group or filter by.
_TEXT_FIELDS = frozenset({"title", "body", "text"})


def record_fields(doc: Document, text_fields: Any = None) -> dict[str, str]:
    """The input fields of ``doc`` kept in the documents table, as strings: ``url`` and
    every extra field, leaving out the text (``title``, ``body``, ``text`` and the fields
    tagged with ``text_fields``).

    Examples
    --------
    >>> doc = Document(id="1", title="유가 급등", extra={"category": "경제", "rank": 3})
    >>> record_fields(doc)
    {'category': '경제', 'rank': '3'}
    """
    skip = set(_TEXT_FIELDS)
    if text_fields is not None:
        skip.update([text_fields] if isinstance(text_fields, str) else text_fields)
    out: dict[str, str] = {}
    if doc.url is not None:
        out["url"] = doc.url
    for name, value in doc.extra.items():
        if name in skip or value is None:
            continue
        # Lists and objects as JSON, so a value reads back the same way in every format.
        out[name] = (
            value
            if isinstance(value, str)
            else json.dumps(value, ensure_ascii=False, default=str)
            if isinstance(value, (list, dict))
            else str(value)
        )
    return out


def table_frame(table: pa.Table, name: str) -> Any:
    """``table`` (one table of a run) as the ``pandas.DataFrame`` users get: ``date`` as
    ``datetime64``, and the documents' ``fields`` spread into one string column per input
    field (absent: ``None``), named after the field.

    Examples
    --------
    >>> doc = Document(id="1", title="유가 급등", date=_dt.date(2026, 3, 2),
    ...                extra={"category": "경제"})
    >>> df = table_frame(chunk_tables([doc], [[]])["documents"], "documents")
    >>> df[["doc_id", "category"]].to_dict("records"), str(df["date"].dtype)
    ([{'doc_id': '1', 'category': '경제'}], 'datetime64[ns]')
    """
    import pandas as pd

    if name == "documents" and "fields" in table.column_names:
        # Spread in Arrow, so field columns get pandas' string dtype like the other text
        # columns. A run tagged before input fields were kept has no ``fields`` column.
        raw = table.column("fields").to_pylist()
        table = table.drop_columns(["fields"])
        parsed = [json.loads(v) if isinstance(v, str) else {} for v in raw]
        for key in sorted({key for fields in parsed for key in fields}):
            column = f"field_{key}" if key in _DOCUMENT_COLUMNS else key
            table = table.append_column(column, pa.array([f.get(key) for f in parsed], pa.string()))
    df = table.to_pandas()
    if "date" in df.columns:
        df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    return df


def chunk_tables(
    docs: Sequence[Document], mentions: Sequence[Sequence[Mention]], fields: Any = None
) -> dict[str, pa.Table]:
    """The ``mentions``, ``documents`` and ``doc_terms`` tables of tagged documents.

    Examples
    --------
    >>> doc = Document(id="1", title="기준금리 동결")
    >>> found = [[Mention("1", "title", "base_rate", "기준금리", 0, 4, 0, 7)]]
    >>> tables = chunk_tables([doc], found)
    >>> tables["doc_terms"].to_pylist()[0]["mentions"], tables["documents"].num_rows
    (1, 1)
    """
    documents: list[DocumentRecord] = []
    doc_terms: list[DocTermRecord] = []
    for doc, ms in zip(docs, mentions, strict=True):
        n_chars = sum(len(t) for _, t in doc.texts(fields))
        kept = record_fields(doc, fields)
        documents.append(
            DocumentRecord(
                doc.id, doc.date, doc.source, n_chars, len(ms), doc.origin,
                json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else None,
            )
        )  # fmt: skip
        counts: dict[str, int] = {}
        for m in ms:
            counts[m.term_id] = counts.get(m.term_id, 0) + 1
        doc_terms.extend(
            DocTermRecord(doc.id, doc.date, doc.source, term_id, n)
            for term_id, n in sorted(counts.items())
        )
    return {
        "mentions": records_table([m for ms in mentions for m in ms], MENTIONS_SCHEMA),
        "documents": records_table(documents, DOCUMENTS_SCHEMA),
        "doc_terms": records_table(doc_terms, DOC_TERMS_SCHEMA),
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
