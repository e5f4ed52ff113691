"""Read news documents from files, directories, globs and in-memory tables."""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

from ._document import Document, RecordError
from ._records import MAX_DEPTH, TextField, make_document, raw_text, text_field_names, too_deep
from ._rows import Row, csv_rows, hf_rows, jsonl_rows, parquet_rows, table_rows, text_rows
from ._sources import (
    SourceFile,
    check_format,
    detect_format,
    expand_source,
    is_hf_dir,
    record_stem,
)

__all__ = ["OnError", "read_documents", "read_file"]

#: ``on_error`` argument: ``"raise"``, ``"skip"`` or a function called with each error.
OnError = Literal["raise", "skip"] | Callable[[RecordError], object]

_ON_ERROR = ("raise", "skip")


class _Options:
    """Validated reading options shared by every input of one call."""

    __slots__ = ("encoding", "id_field", "on_error", "text_fields")

    def __init__(
        self, *, id_field: str | None, text_field: TextField, on_error: OnError, encoding: str
    ) -> None:
        if id_field is not None and (not isinstance(id_field, str) or not id_field):
            raise ValueError(f"`id_field` should be a field name or None, got {id_field!r}")
        if not (callable(on_error) or on_error in _ON_ERROR):
            raise ValueError(
                f"`on_error` should be one of {_ON_ERROR} or a callable, got {on_error!r}"
            )
        try:
            codecs.lookup(encoding)
        except (LookupError, TypeError):
            raise ValueError(
                f"`encoding` should be a codec name such as 'utf-8' or 'cp949', got {encoding!r}"
            ) from None
        self.id_field = id_field
        self.text_fields = text_field_names(text_field)
        self.on_error = on_error
        self.encoding = encoding


def _documents(
    rows: Iterator[Row], *, label: str, stem: str, options: _Options, text_id: str | None = None
) -> Iterator[Document]:
    """Turn rows into Documents, passing every failure to ``options.on_error``."""
    on_error = options.on_error
    id_field = None if text_id is not None else options.id_field
    for line, record, raw in rows:
        if isinstance(record, dict):
            try:
                if too_deep(record):
                    raise RecordError(
                        label,
                        line,
                        f"invalid record: nested more than {MAX_DEPTH} levels deep",
                        raw=raw_text(raw) if raw is not None else None,
                    )
                document = make_document(
                    record,
                    path=label,
                    line=line,
                    id_field=id_field,
                    text_fields=options.text_fields,
                    fallback_id=text_id if text_id is not None else f"{stem}:{line}",
                    raw=raw,
                )
            except RecordError as exc:
                error = exc
            except Exception as exc:  # one record must never end the whole read
                reason = f"cannot read the record: {type(exc).__name__}: {str(exc)[:200]}"
                error = RecordError(
                    label, line, reason, raw=raw_text(raw) if raw is not None else None
                )
            else:
                yield document
                continue
        else:
            error = record
        if on_error == "raise":
            raise error
        if on_error != "skip":
            on_error(error)  # type: ignore[operator]


def _text_id(path: Path, base: Path | None) -> str:
    if base is None:
        return record_stem(path)
    return (path.parent.relative_to(base) / record_stem(path)).as_posix()


def _plan(unit: SourceFile | Any, format: str | None) -> tuple[SourceFile | Any, str]:
    """Pair an input with its format, so a bad suffix fails before anything is read."""
    if isinstance(unit, SourceFile):
        return unit, detect_format(unit.path, format)
    return unit, "table"


def _read_unit(
    unit: SourceFile | Any, fmt: str, *, after_line: int, options: _Options
) -> Iterator[Document]:
    if not isinstance(unit, SourceFile):
        name = "dataframe" if hasattr(unit, "iloc") else "dataset"
        rows = table_rows(unit, after_line=after_line)
        return _documents(rows, label=f"<{name}>", stem=name, options=options)
    path, base = unit
    label, stem, encoding = str(path), record_stem(path), options.encoding
    if fmt == "text":
        rows = text_rows(path, encoding=encoding, after_line=after_line)
        text_id = _text_id(path, base)
        return _documents(rows, label=label, stem=stem, options=options, text_id=text_id)
    if fmt == "jsonl":
        rows = jsonl_rows(path, encoding=encoding, after_line=after_line)
    elif fmt in ("csv", "tsv"):
        delimiter = "," if fmt == "csv" else "\t"
        rows = csv_rows(path, delimiter=delimiter, encoding=encoding, after_line=after_line)
    elif fmt == "parquet":
        rows = parquet_rows(path, after_line=after_line)
    else:
        rows = hf_rows(path, after_line=after_line)
    return _documents(rows, label=label, stem=stem, options=options)


def read_file(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    after_line: int = 0,
    relative_to: str | os.PathLike[str] | None = None,
    id_field: str | None = "id",
    text_field: TextField = None,
    on_error: OnError = "raise",
    encoding: str = "utf-8",
) -> Iterator[Document]:
    """Stream the documents of one file, optionally resuming after a given line.

    This is the unit of work for a batch runner: shard by :func:`~corpus.iter_files`,
    then read each file; after an interruption, pass the last line already handled
    (from ``Document.origin`` or ``RecordError.line``) as ``after_line``.

    Parameters
    ----------
    path : str or Path
        A ``.jsonl``/``.ndjson`` (optionally ``.gz``), ``.csv``, ``.tsv``, ``.parquet``,
        ``.txt``/``.md`` file, or a directory written by ``Dataset.save_to_disk``.
    format : {"jsonl", "csv", "tsv", "parquet", "text", "hf"}, optional
        Overrides the format told by the suffix.
    after_line : int, default 0
        Resume point: records whose line (row for Parquet and datasets) is at most this
        are neither read nor reported. Skipped JSONL lines are not even decoded.
    relative_to : str or Path, optional
        For a text file: make the id its path relative to this directory, without the
        suffix (what :func:`read_documents` does for a directory). Default: the stem.
    id_field, text_field, on_error, encoding
        As in :func:`read_documents`.

    Returns
    -------
    Iterator[Document]

    Examples
    --------
    >>> docs = read_file("뉴스.jsonl", after_line=2000)  # doctest: +SKIP
    >>> next(docs).origin  # doctest: +SKIP
    '뉴스.jsonl:2001'
    """
    options = _Options(
        id_field=id_field, text_field=text_field, on_error=on_error, encoding=encoding
    )
    check_format(format)
    if isinstance(after_line, bool) or not isinstance(after_line, int) or after_line < 0:
        raise ValueError(f"`after_line` should be an integer >= 0, got {after_line!r}")
    file = Path(path)
    if not file.exists():
        raise FileNotFoundError(f"{file}: no such file or directory")
    if file.is_dir() and format != "hf" and not is_hf_dir(file):
        raise ValueError(f"{file}: read_file takes one file; use read_documents for a directory")
    base = Path(relative_to) if relative_to is not None else None
    unit, fmt = _plan(SourceFile(file, base), format)
    return _read_unit(unit, fmt, after_line=after_line, options=options)


def read_documents(
    source: Any,
    *,
    format: str | None = None,
    id_field: str | None = "id",
    text_field: TextField = None,
    on_error: OnError = "raise",
    encoding: str = "utf-8",
) -> Iterator[Document]:
    """Stream documents from files, directories, glob patterns or tables.

    Nothing is loaded whole: JSONL and CSV are read line by line, Parquet batch by
    batch, DataFrames and datasets a slice at a time. Every record is accounted for:
    it is either yielded or reported as a :class:`~corpus.RecordError`. Blank lines are
    not records. Empty strings and table nulls (NaN, NaT) read as ``None``, so every
    format gives the same documents; ``extra`` leaves out fields that are ``None``.

    Parameters
    ----------
    source : str, Path, pandas.DataFrame, datasets.Dataset, or a list of these
        A file (see :func:`read_file`), a directory (``.txt`` files become one document
        each, with the relative path without suffix as id; data files and saved
        datasets inside are read too, all in sorted order), or a glob pattern such as
        ``"news/*.jsonl"``.
    format : {"jsonl", "csv", "tsv", "parquet", "text", "hf"}, optional
        Overrides the format told by each file's suffix.
    id_field : str or None, default "id"
        Field holding the document id (integers are turned into strings). ``None``
        makes ids ``"<file stem>:<line>"``.
    text_field : str or list of str, optional
        Field(s) holding the text to tag, extras included (e.g. ``"english"``); their
        non-empty values joined by newlines become ``Document.text``. By default
        ``title``, ``body`` and ``text`` are kept and at least one must be non-empty.
    on_error : {"raise", "skip"} or callable, default "raise"
        What to do with a bad record: raise its :class:`~corpus.RecordError`, drop it,
        or call the function with it and go on.
    encoding : str, default "utf-8"
        Text encoding of the files. Each line is decoded on its own, so one bad line
        is one error.

    Returns
    -------
    Iterator[Document]
        Documents with ``origin`` set to ``"<path>:<line>"``.

    Raises
    ------
    FileNotFoundError
        At call time, if a path does not exist or a pattern matches nothing.
    ValueError
        At call time for a bad option value; while reading, a :class:`RecordError`
        when ``on_error="raise"``.

    Examples
    --------
    >>> errors = []
    >>> docs = read_documents("news/*.jsonl", on_error=errors.append)  # doctest: +SKIP
    >>> [doc.title for doc in docs][:1]  # doctest: +SKIP
    ['하이퍼스케일러, 자본 지출 확대']
    """
    options = _Options(
        id_field=id_field, text_field=text_field, on_error=on_error, encoding=encoding
    )
    check_format(format)
    plan = [_plan(unit, format) for unit in expand_source(source)]
    return _chain(plan, options=options)


def _chain(plan: list[tuple[SourceFile | Any, str]], *, options: _Options) -> Iterator[Document]:
    for unit, fmt in plan:
        yield from _read_unit(unit, fmt, after_line=0, options=options)
