"""The editor's box state: rebuild a :class:`KeywordBox` from the page and render it."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from extract.box.build import BoxEntry, Example, KeywordBox
from extract.box.render import FORMATS

__all__ = ["ApiError", "box_from_dict", "parse_date", "render_payload"]


class ApiError(Exception):
    """A request the API refuses: HTTP ``status`` and a message for the editor."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def parse_date(value: object, where: str) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise ApiError(400, f"`{where}` should be a date like '2026-03-02' or null, got {value!r}")


def _field(obj: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = obj.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise ApiError(
            400, f"`{where}.{key}` should be {names.replace('NoneType', 'null')}, got {value!r}"
        )
    return value


def _example(d: Any, where: str) -> Example:
    if not isinstance(d, dict):
        raise ApiError(400, f"`{where}` should be an object, got {type(d).__name__}")
    sentence = _field(d, "sentence", str, where)
    start, end = _field(d, "start", int, where), _field(d, "end", int, where)
    if not 0 <= start <= end <= len(sentence):
        raise ApiError(400, f"`{where}.start`/`end` ({start}, {end}) lie outside the sentence")
    return Example(
        sentence,
        start,
        end,
        str(d.get("doc_id", "")),
        str(d.get("field", "")),
        parse_date(d.get("date"), f"{where}.date"),
        _field(d, "source", (str, type(None)), where),
        float(_field(d, "score", (int, float), where)) if "score" in d else 0.0,
    )


def _entry(d: Any, where: str) -> BoxEntry:
    if not isinstance(d, dict):
        raise ApiError(400, f"`{where}` should be an object, got {type(d).__name__}")
    examples = tuple(
        _example(x, f"{where}.examples[{i}]")
        for i, x in enumerate(_field(d, "examples", list, where))
    )
    chosen = _field(d, "chosen", int, where)
    if examples and not 1 <= chosen <= len(examples):
        raise ApiError(400, f"`{where}.chosen` should be from 1 to {len(examples)}, got {chosen}")
    synonyms = _field(d, "synonyms", list, where)
    if not all(isinstance(s, str) for s in synonyms):
        raise ApiError(400, f"`{where}.synonyms` should be a list of strings")
    return BoxEntry(
        term_id=_field(d, "term_id", str, where),
        term=_field(d, "term", str, where),
        synonyms=tuple(synonyms),
        definition=_field(d, "definition", (str, type(None)), where),
        category=_field(d, "category", (str, type(None)), where),
        mentions=_field(d, "mentions", int, where),
        documents=_field(d, "documents", int, where),
        examples=examples,
        n_examples=max(_field(d, "n_examples", int, where), len(examples)),
        chosen=chosen - 1 if examples else 0,
        score=_field(d, "score", (int, float, type(None)), where) if "score" in d else None,
    )


def box_from_dict(d: Any) -> KeywordBox:
    """Rebuild a :class:`KeywordBox` from :meth:`KeywordBox.to_dict` output, as the editor
    left it (entries removed or reordered, ``chosen`` paged).

    Examples
    --------
    >>> box = box_from_dict({"entries": [], "n_documents": 1, "n_mentions": 0})
    >>> box.to_text().splitlines()[0]
    '트렌드 키워드'
    """
    if not isinstance(d, dict):
        raise ApiError(400, f"`box` should be an object, got {type(d).__name__}")
    entries = tuple(
        _entry(e, f"box.entries[{i}]") for i, e in enumerate(_field(d, "entries", list, "box"))
    )
    return KeywordBox(
        entries=entries,
        n_documents=_field(d, "n_documents", int, "box"),
        n_mentions=_field(d, "n_mentions", int, "box"),
        date_from=parse_date(d.get("date_from"), "box.date_from"),
        date_to=parse_date(d.get("date_to"), "box.date_to"),
        glossary=str(d.get("glossary") or ""),
        glossary_version=str(d.get("glossary_version") or ""),
        rank=str(d.get("rank") or "frequency"),
        window=_window(d.get("window")),
        title=str(d.get("title") or "트렌드 키워드"),
    )


def _window(value: Any) -> tuple[_dt.date, _dt.date] | None:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise ApiError(400, f"`box.window` should be [start, end] or null, got {value!r}")
    start = parse_date(value[0], "box.window[0]")
    end = parse_date(value[1], "box.window[1]")
    if start is None or end is None:
        raise ApiError(400, f"`box.window` should be two dates, got {value!r}")
    return start, end


def render_payload(payload: Mapping[str, Any]) -> dict[str, str]:
    """``{"format", "text"}``: the edited ``box`` rendered by the library's renderers
    (HTML as a fragment), so the page copies exactly what ``kotrend box`` prints."""
    if "box" not in payload:
        raise ApiError(400, "missing field `box`")
    fmt = payload.get("format", "markdown")
    if fmt not in FORMATS:
        raise ApiError(400, f"`format` should be one of {list(FORMATS)}, got {fmt!r}")
    box = box_from_dict(payload["box"])
    text = box.render(fmt, fragment=True) if fmt == "html" else box.render(fmt)
    return {"format": fmt, "text": text}
