"""Stream raw records out of each input format, one at a time.

Every reader yields ``(line, record, raw)``: the 1-based line (JSONL, text: file line;
CSV: the file line where the record starts; Parquet and tables: row number), the record
as a ``dict`` or a :class:`RecordError` when the record cannot even be parsed, and the
raw text when it is at hand (``None`` otherwise).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._document import RecordError
from ._records import MAX_DEPTH, raw_text

__all__ = ["Row", "csv_rows", "hf_rows", "jsonl_rows", "parquet_rows", "table_rows", "text_rows"]

Row = tuple[int, dict[str, Any] | RecordError, str | None]

_TABLE_BATCH = 1024
# Errors that mean the rest of a file cannot be read (truncated gzip, I/O failure).
_FILE_ERRORS = (OSError, EOFError, zlib.error)


def _open(path: Path) -> io.BufferedIOBase:
    if path.name.lower().endswith(".gz"):
        return gzip.GzipFile(path, "rb")
    return open(path, "rb")


def _decode_error(exc: UnicodeDecodeError, encoding: str) -> str:
    return f"invalid {encoding} at byte {exc.start + 1} of the line: {exc.reason}"


def _broken(path: Path, line: int | None, exc: BaseException) -> RecordError:
    return RecordError(str(path), line, f"cannot read the rest of the file: {exc}")


def _lines(stream: io.BufferedIOBase) -> Iterator[bytes]:
    """Lines ended by LF, CRLF or a lone CR (old Mac files).

    A raw CR cannot occur inside a JSON record (strings escape it), so splitting on it
    never cuts a record.
    """
    for data in stream:
        body = data[:-2] if data.endswith(b"\r\n") else data.rstrip(b"\n")
        if b"\r" not in body:
            yield data
            continue
        parts = body.split(b"\r")
        if data.endswith(b"\r"):
            parts.pop()  # the file's last line ended with CR
        yield from (part + b"\n" for part in parts)


def jsonl_rows(path: Path, *, encoding: str, after_line: int) -> Iterator[Row]:
    """Records of a JSON Lines file; each line is decoded on its own."""
    label = str(path)
    line = 0
    try:
        with _open(path) as stream:
            for line, data in enumerate(_lines(stream), 1):
                if line <= after_line or not data.strip():
                    continue
                try:
                    text = data.decode(encoding)
                except UnicodeDecodeError as exc:
                    raw = raw_text(data.decode(encoding, "replace"))
                    yield line, RecordError(label, line, _decode_error(exc, encoding), raw=raw), raw
                    continue
                if line == 1:
                    text = text.removeprefix("\ufeff")
                try:
                    record = json.loads(text)
                except json.JSONDecodeError as exc:
                    reason = f"invalid JSON: {exc.msg} (column {exc.colno})"
                    yield line, RecordError(label, line, reason, raw=raw_text(text)), text
                    continue
                except RecursionError:
                    reason = f"invalid record: nested more than {MAX_DEPTH} levels deep"
                    yield line, RecordError(label, line, reason, raw=raw_text(text)), text
                    continue
                if not isinstance(record, dict):
                    reason = f"record should be a JSON object, got {type(record).__name__}"
                    yield line, RecordError(label, line, reason, raw=raw_text(text)), text
                    continue
                yield line, record, text
    except _FILE_ERRORS as exc:
        yield line + 1, _broken(path, line + 1, exc), None


def csv_rows(path: Path, *, delimiter: str, encoding: str, after_line: int) -> Iterator[Row]:
    """Records of a CSV/TSV file with a header row, read with the :mod:`csv` module.

    Lines are decoded one by one so a bad byte spoils only the record it is in.
    """
    label = str(path)
    bad_lines: set[int] = set()
    record_lines: list[str] = []

    def decoded(stream: io.BufferedIOBase) -> Iterator[str]:
        for number, data in enumerate(stream, 1):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                bad_lines.add(number)
                text = data.decode(encoding, "replace")
            if number == 1:
                text = text.removeprefix("\ufeff")
            record_lines.append(text)
            yield text

    end = 0  # last file line consumed by the previous row
    try:
        with _open(path) as stream:
            reader = csv.reader(decoded(stream), delimiter=delimiter)
            header: list[str] | None = None
            while True:
                record_lines.clear()
                start = end + 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    if reader.line_num == end:
                        raise
                    end = reader.line_num
                    yield start, RecordError(label, start, f"invalid CSV: {exc}"), None
                    continue
                end = reader.line_num
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                if header is None:
                    header = row
                    continue
                if start <= after_line:
                    continue
                raw = "".join(record_lines)
                if bad_lines.intersection(range(start, end + 1)):
                    reason = f"invalid {encoding} in the record"
                    yield start, RecordError(label, start, reason, raw=raw_text(raw)), raw
                elif len(row) != len(header):
                    reason = f"record has {len(row)} fields but the header has {len(header)}"
                    yield start, RecordError(label, start, reason, raw=raw_text(raw)), raw
                else:
                    yield start, dict(zip(header, row, strict=True)), raw
    except (*_FILE_ERRORS, csv.Error) as exc:
        yield end + 1, _broken(path, end + 1, exc), None


def parquet_rows(path: Path, *, after_line: int) -> Iterator[Row]:
    """Records of a Parquet file, batch by batch; whole row groups are skipped on resume."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    row = 0
    try:
        with pq.ParquetFile(path) as parquet:
            groups: list[int] = []
            for index in range(parquet.num_row_groups):
                size = parquet.metadata.row_group(index).num_rows
                if not groups and row + size <= after_line:
                    row += size
                    continue
                groups.append(index)
            for batch in parquet.iter_batches(batch_size=_TABLE_BATCH, row_groups=groups):
                for record in batch.to_pylist():
                    row += 1
                    if row > after_line:
                        yield row, record, None
    except (OSError, pa.ArrowException) as exc:
        yield row + 1, _broken(path, row + 1, exc), None


def text_rows(path: Path, *, encoding: str, after_line: int) -> Iterator[Row]:
    """A whole text file as one record ``{"text": ...}`` on line 1."""
    if after_line >= 1:
        return
    try:
        with _open(path) as stream:
            data = stream.read()
    except _FILE_ERRORS as exc:
        yield 1, _broken(path, 1, exc), None
        return
    try:
        text = data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        reason = f"invalid {encoding} on line {line}: {exc.reason}"
        raw = raw_text(data.decode(encoding, "replace"))
        yield line, RecordError(str(path), line, reason, field="text", raw=raw), raw
        return
    yield 1, {"text": text}, text


def _table_slice(table: Any, start: int, stop: int) -> list[dict[str, Any]]:
    if hasattr(table, "iloc"):  # pandas converts numpy scalars to Python ones here
        return table.iloc[start:stop].to_dict("records")
    columns = table[start:stop]
    names = list(columns)
    rows = zip(*columns.values(), strict=True)
    return [dict(zip(names, values, strict=True)) for values in rows]


def table_rows(table: Any, *, after_line: int) -> Iterator[Row]:
    """Rows of a ``pandas.DataFrame`` or ``datasets.Dataset``, a slice at a time."""
    if not hasattr(table, "iloc"):
        table = table.with_format(None)  # plain Python values, whatever format was set
    for start in range(after_line, len(table), _TABLE_BATCH):
        records = _table_slice(table, start, start + _TABLE_BATCH)
        for offset, record in enumerate(records):
            yield start + offset + 1, record, None


def hf_rows(path: Path, *, after_line: int) -> Iterator[Row]:
    """Rows of a dataset written by ``datasets.Dataset.save_to_disk`` (memory-mapped)."""
    try:
        import datasets
    except ImportError:
        raise ImportError(
            f"reading {path} needs the `datasets` package: pip install 'kotrend[datasets]'"
        ) from None
    dataset = datasets.load_from_disk(str(path))
    if not isinstance(dataset, datasets.Dataset):
        raise ValueError(f"{path}: expected one saved split, got {type(dataset).__name__}")
    yield from table_rows(dataset, after_line=after_line)
