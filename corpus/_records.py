"""Turn one raw record (a ``dict``) into a :class:`~corpus.Document`, or say why not."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from ._dates import parse_date
from ._document import Document, RecordError

__all__ = [
    "MAX_DEPTH",
    "RAW_LIMIT",
    "TextField",
    "make_document",
    "raw_text",
    "text_field_names",
    "too_deep",
]

#: Raw record text kept on a :class:`RecordError` is cut to this many characters.
RAW_LIMIT = 500

#: Records nested deeper than this (lists and objects in values) are errors: no news
#: record needs it, and deeper values would make recursive code (``json.dumps``,
#: ``pickle``, ``repr``) raise ``RecursionError`` far from the reader.
MAX_DEPTH = 100

#: ``text_field`` argument: one field name, several, or ``None`` for the default.
TextField = str | Sequence[str] | None

_STRING_FIELDS = ("title", "body", "text", "source", "url")
_DEFAULT_TEXT = ("title", "body", "text")


def raw_text(record: object, limit: int = RAW_LIMIT) -> str:
    """Return ``record`` as (truncated) JSON text for an error report."""
    if isinstance(record, str):
        text = record
    else:
        if isinstance(record, Mapping):  # NaN and NaT from tables are nulls, not "NaN"
            record = {key: None if _missing(value) else value for key, value in record.items()}
        text = json.dumps(record, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[:limit] + "…"


def too_deep(record: object, limit: int = MAX_DEPTH) -> bool:
    """Whether ``record`` nests lists, tuples or mappings more than ``limit`` levels deep.

    Walks with an explicit stack, so it never recurses itself.

    Examples
    --------
    >>> too_deep({"제목": [[["금리"]]]}, limit=3), too_deep({"제목": [["금리"]]}, limit=3)
    (True, False)
    """
    stack: list[tuple[object, int]] = [(record, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, Mapping):
            children: Any = value.values()
        elif isinstance(value, (list, tuple)):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def text_field_names(text_field: TextField) -> tuple[str, ...] | None:
    """Validate ``text_field`` and return it as a tuple (``None`` for the default)."""
    if text_field is None:
        return None
    names = (text_field,) if isinstance(text_field, str) else tuple(text_field)
    if not names or not all(isinstance(name, str) and name for name in names):
        raise ValueError(
            f"`text_field` should be None, a field name or a list of field names, "
            f"got {text_field!r}"
        )
    return names


def _missing(value: object) -> bool:
    """``None``, NaN/NaT from tables and ``""`` from CSV all mean "absent"."""
    if value is None or (isinstance(value, str) and not value):
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NaTType", "NAType")


def _has_text(value: object) -> bool:
    return isinstance(value, str) and bool(value) and not value.isspace()


def make_document(
    record: Mapping[str, Any],
    *,
    path: str,
    line: int,
    id_field: str | None,
    text_fields: tuple[str, ...] | None,
    fallback_id: str,
    raw: str | None = None,
) -> Document:
    """Build a Document from one record.

    Parameters
    ----------
    record : Mapping
        Field name to value, as read.
    path, line : str, int
        Where the record comes from, for ``origin`` and errors.
    id_field : str or None
        Field holding the id; ``None`` uses ``fallback_id``.
    text_fields : tuple of str or None
        Fields whose text becomes ``Document.text`` (joined by newlines). ``None``
        keeps ``title``, ``body`` and ``text`` as they are.
    fallback_id : str
        Id used when ``id_field`` is ``None``.
    raw : str, optional
        The record as read (a JSONL line, CSV lines), for errors; by default errors
        show ``record`` as JSON.

    Raises
    ------
    RecordError
        Naming the field at fault.
    """

    def fail(reason: str, field: str | None) -> RecordError:
        return RecordError(
            path, line, reason, field=field, raw=raw_text(record if raw is None else raw)
        )

    values = {key: (None if _missing(value) else value) for key, value in record.items()}

    if id_field is None:
        doc_id = fallback_id
    else:
        value = values.get(id_field)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is None:
            raise fail("missing id", id_field)
        if not isinstance(value, str):
            raise fail(
                f"id should be a string or an integer, got {type(value).__name__} {value!r}",
                id_field,
            )
        if not value.strip():
            raise fail("empty id", id_field)
        doc_id = value

    for name in _STRING_FIELDS:
        value = values.get(name)
        if value is not None and not isinstance(value, str):
            raise fail(f"should be a string or null, got {type(value).__name__} {value!r}", name)

    try:
        date = parse_date(values.get("date"))
    except ValueError as exc:
        raise fail(str(exc), "date") from None

    text = values.get("text")
    if text_fields is not None:
        parts: list[str] = []
        for name in text_fields:
            value = values.get(name)
            if isinstance(value, str):
                if _has_text(value):
                    parts.append(value)
            elif value is not None:
                raise fail(
                    f"text field should be a string, got {type(value).__name__} {value!r}",
                    name,
                )
        if not parts:
            raise fail("no text: the field is missing or empty", ",".join(text_fields))
        text = "\n".join(parts)
    elif not any(_has_text(values.get(name)) for name in _DEFAULT_TEXT):
        raise fail(
            "no text: 'title', 'body' and 'text' are all missing or empty", "title,body,text"
        )

    core = {"date", "title", "body", "text", "source", "url"}
    if id_field is not None:
        core.add(id_field)
    extra = {key: value for key, value in values.items() if key not in core and value is not None}
    if text_fields is not None and values.get("text") not in (None, text):
        extra["text"] = values["text"]  # replaced by the chosen fields; keep the original
    return Document(
        id=doc_id,
        title=values.get("title"),
        body=values.get("body"),
        text=text,
        date=date,
        source=values.get("source"),
        url=values.get("url"),
        extra=MappingProxyType(extra),
        origin=f"{path}:{line}",
    )
