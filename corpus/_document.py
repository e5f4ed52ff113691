"""The document model shared by every reader."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = ["DEFAULT_TEXT_FIELDS", "Document", "RecordError"]

#: Fields tagged when the caller does not choose: ``text`` when the record has one,
#: otherwise ``title`` and ``body``.
DEFAULT_TEXT_FIELDS: tuple[str, ...] = ("title", "body")

_CORE_FIELDS = ("id", "title", "body", "text", "date", "source", "url")


@dataclass(frozen=True, slots=True)
class Document:
    """One news item.

    Parameters
    ----------
    id : str
        Identifier, unique within a corpus.
    title, body, text : str or None
        The text fields. News archives usually have ``title`` and ``body``; plain text
        inputs have ``text``.
    date : datetime.date or None
        Publication date.
    source : str or None
        Publisher or issuing body.
    url : str or None
        Where the item came from.
    extra : Mapping[str, Any]
        Every other field of the input record, kept as read.
    origin : str or None
        ``"file:line"`` the record was read from, for error messages.

    Examples
    --------
    >>> doc = Document(
    ...     id="a1", title="하이퍼스케일러, 자본 지출 확대", body="올해 설비 투자가 늘었다."
    ... )
    >>> [name for name, _ in doc.texts()]
    ['title', 'body']
    """

    id: str
    title: str | None = None
    body: str | None = None
    text: str | None = None
    date: _dt.date | None = None
    source: str | None = None
    url: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    origin: str | None = field(default=None, compare=False, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        # ``MappingProxyType`` cannot be pickled: send ``extra`` as a dict, so documents
        # can travel to worker processes.
        values = tuple(getattr(self, name) for name in _CORE_FIELDS)
        return (_rebuild_document, (*values, dict(self.extra), self.origin))

    def get(self, name: str) -> Any:
        """Return field ``name`` (core or extra), or ``None`` when the record lacks it."""
        if name in _CORE_FIELDS:
            return getattr(self, name)
        return self.extra.get(name)

    def texts(self, fields: str | Sequence[str] | None = None) -> list[tuple[str, str]]:
        """Return ``(field_name, text)`` pairs to tag, skipping empty fields.

        Parameters
        ----------
        fields : str or sequence of str, optional
            Field names to use. By default ``text`` if the document has it, else
            ``title`` and ``body``.

        Raises
        ------
        TypeError
            If a chosen field holds something other than a string.
        """
        if fields is None:
            names: tuple[str, ...] = ("text",) if self.text else DEFAULT_TEXT_FIELDS
        elif isinstance(fields, str):
            names = (fields,)
        else:
            names = tuple(fields)
        out: list[tuple[str, str]] = []
        for name in names:
            value = self.get(name)
            if value is None or value == "":
                continue
            if not isinstance(value, str):
                raise TypeError(
                    f"field {name!r} of document {self.id!r} should be a string, "
                    f"got {type(value).__name__}"
                )
            out.append((name, value))
        return out


def _rebuild_document(*values: Any) -> Document:
    *core, extra, origin = values
    fields = dict(zip(_CORE_FIELDS, core, strict=True))
    return Document(**fields, extra=MappingProxyType(extra), origin=origin)


class RecordError(ValueError):
    """A record that could not be read, with where and why.

    Attributes
    ----------
    path : str
        The input file (or ``"<dataframe>"`` and similar for in-memory inputs).
    line : int or None
        1-based line (JSONL, text) or row number (CSV: the file line; Parquet/DataFrame:
        1-based row index).
    field : str or None
        The offending field, if one is to blame.
    reason : str
        What is wrong.
    raw : str or None
        The raw record text when available (truncated), so nothing is lost.
    """

    def __init__(
        self,
        path: str,
        line: int | None,
        reason: str,
        *,
        field: str | None = None,
        raw: str | None = None,
    ) -> None:
        self.path = str(path)
        self.line = line
        self.field = field
        self.reason = reason
        self.raw = raw
        where = self.path if line is None else f"{self.path}:{line}"
        what = f" field {field!r}:" if field else ""
        super().__init__(f"{where}:{what} {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        # The default pickling calls ``RecordError(message)``; rebuild from the parts.
        return (_rebuild_record_error, (self.path, self.line, self.reason, self.field, self.raw))

    def to_dict(self) -> dict[str, Any]:
        """The error as a JSON-ready record (for errors files)."""
        return {
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "reason": self.reason,
            "raw": self.raw,
        }


def _rebuild_record_error(
    path: str, line: int | None, reason: str, field: str | None, raw: str | None
) -> RecordError:
    return RecordError(path, line, reason, field=field, raw=raw)
