"""The editor page's JSON API: read requests, build answers (no HTTP here)."""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Callable, Mapping
from typing import Any

from corpus import Document
from extract.box.build import RANKS, build_box
from extract.engine.tagger import Tagger
from extract.web.payload import ApiError, parse_date, render_payload
from glossary import Glossary

__all__ = [
    "ROUTES",
    "Glossaries",
    "GlossarySource",
    "box_payload",
    "default_glossaries",
    "documents_from",
    "tag_payload",
]

#: A glossary, or a function that loads one (called on first use).
GlossarySource = Glossary | Callable[[], Glossary]

#: Articles pasted together are separated by a line holding only ``---``.
_SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.MULTILINE)
_TEXT_FIELDS = ("title", "body", "text")
_MAX_TOP = 1000


def default_glossaries() -> dict[str, GlossarySource]:
    """The bundled glossary without and with companies and institutions, loaded lazily."""
    import glossary

    return {
        "default": lambda: glossary.default(entities=False),
        "default+entities": lambda: glossary.default(entities=True),
    }


class Glossaries:
    """Named glossaries, each loaded and given a :class:`Tagger` on first use.

    One lock per glossary serialises tagging, so one Kiwi instance is never used by two
    request threads at once.
    """

    def __init__(self, sources: Mapping[str, GlossarySource]) -> None:
        if not sources:
            raise ValueError("`glossaries` should name at least one glossary, got none")
        self._sources = dict(sources)
        self._taggers: dict[str, Tagger] = {}
        self._locks = {name: threading.Lock() for name in self._sources}

    @property
    def names(self) -> list[str]:
        return list(self._sources)

    def describe(self) -> list[dict[str, Any]]:
        out = []
        for name in self._sources:
            tagger = self._taggers.get(name)
            g = tagger.glossary if tagger else None
            out.append(
                {
                    "name": name,
                    "loaded": tagger is not None,
                    "terms": len(g) if g is not None else None,
                    "version": g.version if g is not None else None,
                }
            )
        return out

    def resolve(self, name: object) -> str:
        """``name`` checked (``None``: the first glossary)."""
        if name is None:
            return self.names[0]
        if not isinstance(name, str) or name not in self._sources:
            raise ApiError(400, f"`glossary` should be one of {self.names}, got {name!r}")
        return name

    def lock(self, name: str) -> threading.Lock:
        return self._locks[name]

    def tagger(self, name: str) -> Tagger:
        """The tagger for glossary ``name`` (see :meth:`resolve`); call it holding
        :meth:`lock`, which also keeps two threads from loading one glossary twice."""
        tagger = self._taggers.get(name)
        if tagger is None:
            source = self._sources[name]
            try:
                g = source if isinstance(source, Glossary) else source()
            except Exception as err:  # a glossary file or the bundle that does not load
                raise ApiError(500, f"glossary {name!r} could not be loaded: {err}") from err
            tagger = self._taggers[name] = Tagger(g)
        return tagger


def _opt_str(record: Mapping[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise ApiError(400, f"`{where}.{key}` should be a string or null, got {value!r}")


def documents_from(payload: Mapping[str, Any]) -> list[Document]:
    """The documents of a request: ``text`` (articles split at ``---`` lines) or
    ``documents`` (objects with ``id``, ``title``, ``body``, optionally ``text``,
    ``date``, ``source``).

    Examples
    --------
    >>> [d.text for d in documents_from({"text": "금리가 올랐다.\\n---\\n유가가 내렸다."})]
    ['금리가 올랐다.', '유가가 내렸다.']
    """
    has_text, has_docs = "text" in payload, "documents" in payload
    if has_text == has_docs:
        raise ApiError(400, "give exactly one of the fields `text` and `documents`")
    if has_text:
        text = payload["text"]
        if not isinstance(text, str):
            raise ApiError(400, f"`text` should be a string, got {type(text).__name__}")
        parts = [p.strip() for p in _SEPARATOR.split(text)]
        docs = [Document(id=str(i), text=p) for i, p in enumerate((p for p in parts if p), 1)]
        if not docs:
            raise ApiError(400, "`text` is empty: paste at least one article")
        return docs
    records = payload["documents"]
    if not isinstance(records, list) or not records:
        raise ApiError(400, "`documents` should be a non-empty list of objects")
    docs, seen = [], set()
    for i, record in enumerate(records):
        where = f"documents[{i}]"
        if not isinstance(record, dict):
            raise ApiError(400, f"`{where}` should be an object, got {type(record).__name__}")
        raw_id = record.get("id", i + 1)
        if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or raw_id == "":
            raise ApiError(400, f"`{where}.id` should be a non-empty string or int, got {raw_id!r}")
        doc_id = str(raw_id)
        if doc_id in seen:
            raise ApiError(400, f"`{where}.id` repeats the id {doc_id!r} of an earlier document")
        seen.add(doc_id)
        title, body, text = (_opt_str(record, key, where) for key in _TEXT_FIELDS)
        if not (title or body or text):
            raise ApiError(400, f"`{where}` has no `title`, `body` or `text`")
        docs.append(
            Document(
                id=doc_id,
                title=title,
                body=body,
                text=text,
                date=parse_date(record.get("date"), f"{where}.date"),
                source=_opt_str(record, "source", where),
            )
        )
    return docs


def tag_payload(tagger: Tagger, docs: list[Document]) -> dict[str, Any]:
    """``{"glossary", "glossary_version", "documents": [{id, fields, mentions}], "terms"}``
    for ``docs``: every mention, and the glossary entry of every term mentioned."""
    out_docs: list[dict[str, Any]] = []
    used: dict[str, None] = {}  # term ids in order of first mention
    g = tagger.glossary
    for doc in docs:
        fields, mentions = {}, []
        for name, text in doc.texts():
            fields[name] = text
            for m in tagger.tag(text, doc_id=doc.id, field=name):
                d = m.to_dict()
                del d["doc_id"]
                mentions.append(d)
                used.setdefault(m.term_id, None)
        out_docs.append({"id": doc.id, "fields": fields, "mentions": mentions})
    terms = {}
    for term_id in used:
        t = g[term_id]
        terms[term_id] = {
            "term": t.term,
            "synonyms": list(t.synonyms),
            "definition": t.definition,
            "category": t.category,
        }
    return {
        "glossary": g.name,
        "glossary_version": g.version,
        "documents": out_docs,
        "terms": terms,
    }


def _top(payload: Mapping[str, Any]) -> int | None:
    top = payload.get("top", 10)
    if top is None or (isinstance(top, int) and not isinstance(top, bool) and 1 <= top <= _MAX_TOP):
        return top
    raise ApiError(400, f"`top` should be an int from 1 to {_MAX_TOP} or null (all), got {top!r}")


def box_payload(tagger: Tagger, docs: list[Document], payload: Mapping[str, Any]) -> dict[str, Any]:
    """``box.to_dict()`` plus the ``documents`` and ``terms`` of :func:`tag_payload`, and
    the ``warnings`` building it gave (trending order on undated articles)."""
    top = _top(payload)
    rank = payload.get("rank", "explain")
    if rank not in RANKS:
        raise ApiError(400, f"`rank` should be one of {list(RANKS)}, got {rank!r}")
    basic = payload.get("basic", False)
    if not isinstance(basic, bool):
        raise ApiError(400, f"`basic` should be true or false, got {basic!r}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        box = build_box(docs, tagger=tagger, top=top, rank=rank, basic=basic)
    said = list(dict.fromkeys(str(w.message) for w in caught))
    return {**box.to_dict(), **tag_payload(tagger, docs), "warnings": said}


Route = Callable[[Glossaries, dict[str, Any]], dict[str, Any]]


def _with_tagger(build: Callable[[Tagger, list[Document], dict[str, Any]], Any]) -> Route:
    def route(glossaries: Glossaries, payload: dict[str, Any]) -> dict[str, Any]:
        docs = documents_from(payload)
        name = glossaries.resolve(payload.get("glossary"))
        with glossaries.lock(name):
            return build(glossaries.tagger(name), docs, payload)  # type: ignore[no-any-return]

    return route


#: ``POST`` paths of the API and what answers them.
ROUTES: dict[str, Route] = {
    "/api/tag": _with_tagger(lambda tagger, docs, _payload: tag_payload(tagger, docs)),
    "/api/box": _with_tagger(box_payload),
    "/api/render": lambda _glossaries, payload: render_payload(payload),
}
