"""Streaming writers for mention tables (JSONL, Parquet)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyarrow.parquet as pq

from extract.batch.outputs import atomic_output
from extract.batch.schemas import MENTIONS_SCHEMA, records_table
from extract.engine.tagger import Mention

__all__ = ["MentionWriter", "output_format"]

_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".parquet": "parquet"}


def output_format(path: str | Path) -> str:
    """``"jsonl"`` or ``"parquet"`` from the file name (``"-"`` is JSONL on stdout)."""
    if str(path) == "-":
        return "jsonl"
    suffix = Path(path).suffix.lower()
    try:
        return _FORMATS[suffix]
    except KeyError:
        raise ValueError(
            f"cannot tell the output format of {str(path)!r}: the name should end in one of "
            f"{sorted(_FORMATS)} (or be '-' for stdout)"
        ) from None


class MentionWriter:
    """Write mentions to JSONL or Parquet as they come, in bounded memory.

    Parameters
    ----------
    path : str or Path
        Output file; ``"-"`` writes JSONL to standard output.
    batch_size : int
        Rows buffered before a Parquet row group is written.

    The file is written under a temporary name and renamed to ``path`` when the
    ``with`` block ends without an exception: an interrupted run leaves no partial
    table that looks whole.
    """

    def __init__(self, path: str | Path, *, batch_size: int = 50_000) -> None:
        self.path = str(path)
        self.format = output_format(path)
        self.batch_size = batch_size
        self.count = 0
        self._rows: list[Mention] = []
        self._fh: IO[str] | None = None
        self._pq: Any = None
        self._atomic: Any = None
        self._tmp: Path | None = None

    def __enter__(self) -> MentionWriter:
        if self.path != "-":
            self._atomic = atomic_output(self.path)
            self._tmp = self._atomic.__enter__()
        if self.format == "jsonl":
            if self._tmp is None:
                self._fh = sys.stdout
            else:
                self._fh = open(self._tmp, "w", encoding="utf-8")
        return self

    def write(self, mentions: Iterable[Mention]) -> None:
        for m in mentions:
            self.count += 1
            if self._fh is not None:
                self._fh.write(json.dumps(m.to_dict(), ensure_ascii=False) + "\n")
            else:
                self._rows.append(m)
                if len(self._rows) >= self.batch_size:
                    self._flush()

    def _flush(self) -> None:
        table = records_table(self._rows, MENTIONS_SCHEMA)
        if self._pq is None:
            self._pq = pq.ParquetWriter(self._tmp, MENTIONS_SCHEMA)
        self._pq.write_table(table)
        self._rows = []

    def __exit__(self, *exc: Any) -> None:
        try:
            if self.format == "parquet":
                if exc[0] is None and (self._rows or self._pq is None):
                    self._flush()
                if self._pq is not None:
                    self._pq.close()
            elif self._fh is not None and self._fh is not sys.stdout:
                self._fh.close()
        except BaseException:
            if self._atomic is not None:
                self._atomic.__exit__(*sys.exc_info())
            raise
        if self._atomic is not None:
            self._atomic.__exit__(*exc)
