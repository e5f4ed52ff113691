"""The editor's box state: rebuild a :class:`KeywordBox` from the page and render it."""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any

import corpus
from extract.box.model import BoxEntry, Example, KeywordBox
from extract.box.render import FORMATS

__all__ = ["ApiError", "box_from_dict", "inline_styles", "parse_date", "render_payload"]


class ApiError(Exception):
    """A request the API refuses: HTTP ``status`` and a message for the editor."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def parse_date(value: object, where: str) -> _dt.date | None:
    """``value`` as a date, in any form :func:`corpus.parse_date` reads; errors are HTTP 400.

    Examples
    --------
    >>> parse_date("2026.03.02", "documents[0].date")
    datetime.date(2026, 3, 2)
    """
    if not isinstance(value, (str, type(None))):
        raise ApiError(400, f"`{where}` should be a date string or null, got {value!r}")
    try:
        return corpus.parse_date(value)
    except ValueError as err:
        raise ApiError(400, f"`{where}` should be a date or null: {err}") from None


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
        baseline_documents=_opt_int(d, "baseline_documents", where),
        trend=float(d["trend"]) if isinstance(d.get("trend"), int | float) else None,
        rise_totals=_totals(d.get("rise_totals"), where),
        score=_field(d, "score", (int, float, type(None)), where) if "score" in d else None,
    )


def _totals(value: Any, where: str) -> tuple[int, int] | None:
    if value is None:
        return None
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        return value[0], value[1]
    raise ApiError(400, f"`{where}.rise_totals` should be [baseline, window] ints, got {value!r}")


def _opt_int(d: Mapping[str, Any], key: str, where: str) -> int | None:
    value = d.get(key)
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise ApiError(400, f"`{where}.{key}` should be an int or null, got {value!r}")


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
        window=_window(d.get("window"), "box.window"),
        title=str(d.get("title") or "트렌드 키워드"),
        baseline=_window(d.get("baseline"), "box.baseline"),
        baseline_documents=_opt_int(d, "baseline_documents", "box"),
        related=tuple(_entry(e, f"box.related[{i}]") for i, e in enumerate(d.get("related") or [])),
        corpus_documents=_opt_int(d, "corpus_documents", "box"),
    )


def _window(value: Any, where: str) -> tuple[_dt.date, _dt.date] | None:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise ApiError(400, f"`{where}` should be [start, end] or null, got {value!r}")
    start = parse_date(value[0], f"{where}[0]")
    end = parse_date(value[1], f"{where}[1]")
    if start is None or end is None:
        raise ApiError(400, f"`{where}` should be two dates, got {value!r}")
    return start, end


# Rich-text editors (CMS, mail, word processors) drop <style> blocks and class names when
# HTML is pasted, but keep style attributes: the copied box carries its looks inline.
# Pixels, not rem: the page it is pasted into may set any root font size.
_FONT = "'Noto Sans KR','Apple SD Gothic Neo','Malgun Gothic',sans-serif"
_TAG_STYLES = {
    "section": f"font-family:{_FONT};max-width:672px;border-top:3px solid #1a1a1a;"
    "border-bottom:1px solid #1a1a1a;padding:8px 0;color:#1a1a1a;line-height:1.55;"
    "word-break:keep-all;overflow-wrap:break-word",
    "h2": "font-size:17px;font-weight:700;margin:3px 0 10px;letter-spacing:.02em",
    "ol": "list-style:none;margin:0;padding:0",
    "ul": "list-style:none;margin:0;padding:0",
    "li": "margin:0 0 14px",
    "mark": "background:#fff2a8;color:inherit;padding:0 1px",
}
_CLASS_STYLES = {
    "kt-term": "font-weight:700",
    "kt-syn": "font-weight:400;color:#555555",
    "kt-def": "margin:2px 0 3px",
    "kt-example": "margin:0;color:#333333",
    "kt-k": "color:#777777;margin-right:6px",
    "kt-cite": "color:#777777;font-size:.85em",
    "kt-footer": "color:#777777;font-size:13px;margin:5px 0 0",
}


class _Inliner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def _open(self, tag: str, attrs: list[tuple[str, str | None]], close: str) -> None:
        styles = [_TAG_STYLES.get(tag, "")]
        kept = []
        for key, value in attrs:
            if key == "class":
                styles += [_CLASS_STYLES.get(c, "") for c in (value or "").split()]
            elif key == "style":
                styles.append(value or "")
            elif not key.startswith("data-"):
                kept.append(f' {key}="{html.escape(value or "")}"')
        style = ";".join(s for s in styles if s)
        # Only double quotes need escaping inside a double-quoted attribute: the font
        # list's single quotes stay readable.
        attr = f' style="{html.escape(style, quote=False).replace(chr(34), "&quot;")}"'
        attr = attr if style else ""
        self.out.append(f"<{tag}{attr}{''.join(kept)}{close}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, " /")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(html.escape(data, quote=False))


def inline_styles(fragment: str) -> str:
    """``fragment`` (the box as HTML) with every class turned into a ``style`` attribute
    and ``class``/``data-*`` attributes dropped, so it pastes styled into a rich-text
    editor that keeps no stylesheet.

    Examples
    --------
    >>> inline_styles('<p class="kt-def">금리 &lt;연&gt;</p>')
    '<p style="margin:2px 0 3px">금리 &lt;연&gt;</p>'
    """
    parser = _Inliner()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)


def render_payload(payload: Mapping[str, Any]) -> dict[str, str]:
    """``{"format", "text"}``: the edited ``box`` rendered by the library's renderers
    (HTML as a fragment), so the page copies exactly what ``kotrend box`` prints.

    ``inline_styles`` (HTML only): style attributes instead of classes, for pasting into
    a rich-text editor (see :func:`inline_styles`)."""
    if "box" not in payload:
        raise ApiError(400, "missing field `box`")
    fmt = payload.get("format", "markdown")
    if fmt not in FORMATS:
        raise ApiError(400, f"`format` should be one of {list(FORMATS)}, got {fmt!r}")
    inline = payload.get("inline_styles", False)
    if not isinstance(inline, bool):
        raise ApiError(400, f"`inline_styles` should be true or false, got {inline!r}")
    if inline and fmt != "html":
        raise ApiError(400, f"`inline_styles` applies to format 'html' only, got {fmt!r}")
    box = box_from_dict(payload["box"])
    text = box.render(fmt, fragment=True) if fmt == "html" else box.render(fmt)
    if inline:
        text = inline_styles(text)
    return {"format": fmt, "text": text}
