"""The editor page's JSON API: read requests, build answers (no HTTP here)."""

from __future__ import annotations

import functools
import re
import threading
import warnings
from collections.abc import Callable, Mapping
from typing import Any

from corpus import Document
from extract.box.build import RANKS, build_box
from extract.engine.tagger import Tagger
from extract.web.house import HouseGlossary
from extract.web.payload import ApiError, parse_date, render_payload
from extract.web.turns import KIWI_TURNS, TurnTagger
from glossary import Glossary, Term

__all__ = [
    "ROUTES",
    "Glossaries",
    "GlossarySource",
    "box_payload",
    "default_glossaries",
    "documents_from",
    "house_payload",
    "search_payload",
    "tag_payload",
]

#: A glossary, or a function that loads one (called on first use).
GlossarySource = Glossary | Callable[[], Glossary]

#: Articles pasted together are separated by a line holding only ``---``.
_SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.MULTILINE)
_TEXT_FIELDS = ("title", "body", "text")
_MAX_TOP = 1000
_MAX_HITS = 50
_SPACE = re.compile(r"[\s·\-_]+")

#: What the page calls the bundled glossaries (an editor does not read "default+entities").
LABELS = {"default": "기본 용어집", "default+entities": "기본 용어집 + 기업·기관"}


def default_glossaries() -> dict[str, GlossarySource]:
    """The bundled glossary without and with companies and institutions, loaded lazily."""
    import glossary

    return {name: functools.partial(glossary.resolve, name) for name in glossary.BUNDLED}


class Glossaries:
    """Named glossaries, each loaded and given a :class:`Tagger` on first use.

    Tagging takes turns at the process's one Kiwi (:data:`~extract.web.turns.KIWI_TURNS`),
    a piece of text at a time, so one Kiwi instance is never used by two request threads
    at once and a large request does not hold up small ones; the rest of a request runs
    without a lock. A lock per glossary keeps two threads from loading it twice. ``corpus`` (a run directory, file paths or documents; see
    :func:`extract.corpus_context`) is the coverage ``/api/box`` draws examples and
    related terms from, read once per glossary on first use.
    """

    def __init__(
        self,
        sources: Mapping[str, GlossarySource],
        *,
        house: HouseGlossary | None = None,
        corpus: Any = None,
    ) -> None:
        if not sources:
            raise ValueError("`glossaries` should name at least one glossary, got none")
        self._sources = dict(sources)
        #: Where the page saves rewritten definitions (``None``: only in the box).
        self.house = house
        self._taggers: dict[str, Tagger] = {}
        self._locks = {name: threading.Lock() for name in self._sources}
        self._corpus = corpus
        self._contexts: dict[str, Any] = {}

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
                    "label": LABELS.get(name, name),
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
        """The tagger for glossary ``name`` (see :meth:`resolve`), which takes its turns at
        Kiwi by itself; call it holding :meth:`lock`, which keeps two threads from loading
        one glossary twice."""
        tagger = self._taggers.get(name)
        if tagger is None:
            source = self._sources[name]
            try:
                g = source if isinstance(source, Glossary) else source()
            except Exception as err:  # a glossary file or the bundle that does not load
                raise ApiError(500, f"glossary {name!r} could not be loaded: {err}") from err
            tagger = self._taggers[name] = TurnTagger(g, lock=KIWI_TURNS)
        return tagger

    def context(self, name: str) -> Any:
        """The corpus context for glossary ``name`` (``None`` without a corpus); call it
        holding :meth:`lock`."""
        if self._corpus is None:
            return None
        ctx = self._contexts.get(name)
        if ctx is None:
            from extract.box.context import corpus_context

            try:
                ctx = corpus_context(self._corpus, tagger=self.tagger(name))
            except (OSError, ValueError, TypeError) as err:
                raise ApiError(500, f"the corpus could not be read: {err}") from err
            self._contexts[name] = ctx
        return ctx


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


def box_payload(
    tagger: Tagger, docs: list[Document], payload: Mapping[str, Any], context: Any = None
) -> dict[str, Any]:
    """``box.to_dict()`` plus the ``documents`` and ``terms`` of :func:`tag_payload`, and
    the ``warnings`` building it gave (trending order on undated articles). With a
    corpus ``context`` (``serve --corpus``) and the frequency order, examples also come
    from the corpus and ``related`` lists its rising terms that go with the box's.

    ``terms`` (a list of ids) limits the box to those terms, basic ones included: the
    page asks for one term this way when the editor adds it."""
    top = _top(payload)
    rank = payload.get("rank", "explain")
    if rank not in RANKS:
        raise ApiError(400, f"`rank` should be one of {list(RANKS)}, got {rank!r}")
    basic = payload.get("basic", False)
    if not isinstance(basic, bool):
        raise ApiError(400, f"`basic` should be true or false, got {basic!r}")
    terms = payload.get("terms")
    if terms is not None:
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise ApiError(400, f"`terms` should be a list of term ids or null, got {terms!r}")
        unknown = [t for t in terms if t not in tagger.glossary]
        if unknown:
            raise ApiError(
                400, f"`terms` names ids not in glossary {tagger.glossary.name!r}: {unknown}"
            )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        box = build_box(
            docs,
            tagger=tagger,
            top=top,
            rank=rank,
            basic=basic,
            terms=terms,
            corpus=context if rank != "trending" else None,
        )
    said = list(dict.fromkeys(str(w.message) for w in caught))
    return {**box.to_dict(), **tag_payload(tagger, docs), "warnings": said}


def _hit(term: Term) -> dict[str, Any]:
    return {
        "id": term.id,
        "term": term.term,
        "en": term.en,
        "aliases": list(term.aliases),
        "synonyms": list(term.synonyms),
        "definition": term.definition,
        "category": term.category,
    }


def _key(s: str) -> str:
    return _SPACE.sub("", s).casefold()


def search_payload(g: Glossary, payload: Mapping[str, Any]) -> dict[str, Any]:
    """``{"query", "terms"}``: the entries of ``g`` whose id, term, English name or an
    alias contains ``query`` (case and spacing ignored), exact matches first, then those
    that start with it, at most ``limit`` (default 20).

    Examples
    --------
    >>> g = Glossary([Term(id="capex", term="자본 지출", en="Capital Expenditure"),
    ...               Term(id="roi", term="투자 자본 수익률", aliases=("ROI",))])
    >>> [t["id"] for t in search_payload(g, {"query": "자본지출"})["terms"]]
    ['capex']
    >>> [t["id"] for t in search_payload(g, {"query": "roi"})["terms"]]
    ['roi']
    """
    query = payload.get("query")
    if not isinstance(query, str) or not query.strip():
        raise ApiError(400, f"`query` should be a non-empty string, got {query!r}")
    limit = payload.get("limit", 20)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= _MAX_HITS:
        raise ApiError(400, f"`limit` should be an int from 1 to {_MAX_HITS}, got {limit!r}")
    q = _key(query)
    ranked = []
    for i, t in enumerate(g):
        keys = [_key(k) for k in (t.id, t.term, t.en or "", *t.aliases) if k]
        if any(k == q for k in keys):
            ranked.append((0, i, t))
        elif any(k.startswith(q) for k in keys):
            ranked.append((1, i, t))
        elif any(q in k for k in keys):
            ranked.append((2, i, t))
    ranked.sort(key=lambda x: x[:2])
    return {"query": query, "terms": [_hit(t) for _, _, t in ranked[:limit]]}


def house_payload(glossaries: Glossaries, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Save ``definition`` for ``term_id`` of ``glossary`` in the house glossary file
    (the server's ``house``); ``{"saved", "path", "term_id", "definition"}``."""
    house = glossaries.house
    if house is None:
        raise ApiError(
            409, "this server has no house glossary to save to (start it with --house FILE.yaml)"
        )
    name = glossaries.resolve(payload.get("glossary"))
    term_id, definition = payload.get("term_id"), payload.get("definition")
    if not isinstance(term_id, str) or not term_id:
        raise ApiError(400, f"`term_id` should be a term id, got {term_id!r}")
    if not isinstance(definition, str) or not definition.strip():
        raise ApiError(400, f"`definition` should be a non-empty string, got {definition!r}")
    with glossaries.lock(name):
        g = glossaries.tagger(name).glossary
    if term_id not in g:
        raise ApiError(400, f"`term_id` {term_id!r} is not in glossary {name!r}")
    try:
        house.save(g[term_id], definition)
    except Exception as err:  # a file we cannot read or write: the editor should know
        raise ApiError(500, f"could not save to {house.path}: {err}") from err
    return {
        "saved": True,
        "path": str(house.path),
        "term_id": term_id,
        "definition": definition.strip(),
    }


def _house_definitions(glossaries: Glossaries, answer: dict[str, Any]) -> dict[str, Any]:
    """``answer`` with the house glossary's definitions in its terms and box entries."""
    if glossaries.house is None:
        return answer
    try:
        defs = glossaries.house.definitions()
    except Exception as err:  # a house file edited by hand into something unreadable
        raise ApiError(
            500, f"house glossary {glossaries.house.path} could not be read: {err}"
        ) from err
    for term_id, info in answer.get("terms", {}).items():
        info["house"] = term_id in defs
        info["definition"] = defs.get(term_id, info["definition"])
    for entry in answer.get("entries", []):
        entry["definition"] = defs.get(entry["term_id"], entry["definition"])
    return answer


Route = Callable[[Glossaries, dict[str, Any]], dict[str, Any]]


def _with_tagger(build: Callable[[Tagger, list[Document], dict[str, Any]], Any]) -> Route:
    def route(glossaries: Glossaries, payload: dict[str, Any]) -> dict[str, Any]:
        docs = documents_from(payload)
        name = glossaries.resolve(payload.get("glossary"))
        with glossaries.lock(name):
            tagger = glossaries.tagger(name)
        return _house_definitions(glossaries, build(tagger, docs, payload))

    return route


def _search(glossaries: Glossaries, payload: dict[str, Any]) -> dict[str, Any]:
    name = glossaries.resolve(payload.get("glossary"))
    with glossaries.lock(name):
        g = glossaries.tagger(name).glossary
    answer = search_payload(g, payload)
    if glossaries.house is not None:
        defs = glossaries.house.definitions()
        for hit in answer["terms"]:
            hit["definition"] = defs.get(hit["id"], hit["definition"])
    return answer


def _box_route(glossaries: Glossaries, payload: dict[str, Any]) -> dict[str, Any]:
    docs = documents_from(payload)
    name = glossaries.resolve(payload.get("glossary"))
    with glossaries.lock(name):
        tagger, context = glossaries.tagger(name), glossaries.context(name)
    return _house_definitions(glossaries, box_payload(tagger, docs, payload, context))


#: ``POST`` paths of the API and what answers them.
ROUTES: dict[str, Route] = {
    "/api/tag": _with_tagger(lambda tagger, docs, _payload: tag_payload(tagger, docs)),
    "/api/box": _box_route,
    "/api/render": lambda _glossaries, payload: render_payload(payload),
    "/api/search": _search,
    "/api/house": house_payload,
}
