"""The trend-keyword box: ranked terms, each with synonyms, definition and examples."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from corpus import Document
from extract.box.examples import QUOTE_LIMIT, example_score, lead_marker, quote
from extract.engine.tagger import Tagger
from glossary import Glossary

__all__ = ["BoxEntry", "Example", "KeywordBox", "build_box"]

RANKS = ("frequency", "trending")
_KEY_STRIP = re.compile(r"[\s\W_]+")


@dataclass(frozen=True, slots=True)
class Example:
    """A candidate example sentence for a term.

    Attributes
    ----------
    sentence : str
        The whole sentence as it appears in the document.
    start, end : int
        Offsets of the mention inside ``sentence``.
    doc_id, field : str
        Where the sentence comes from.
    date : datetime.date or None
    source : str or None
    score : float
        Quality score used to order examples (higher first).
    """

    sentence: str
    start: int
    end: int
    doc_id: str
    field: str
    date: _dt.date | None = None
    source: str | None = None
    score: float = 0.0

    def snippet(self, *, width: int = QUOTE_LIMIT) -> tuple[str, int, int]:
        """The sentence as quoted: whole up to ``width`` characters, else cut at clauses
        around the mention; with the mention's offsets in it (see :func:`quote`)."""
        return quote(self.sentence, self.start, self.end, limit=width)

    def to_dict(self, *, width: int = QUOTE_LIMIT) -> dict[str, Any]:
        text, s, e = self.snippet(width=width)
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "snippet": text,
            "snippet_start": s,
            "snippet_end": e,
            "doc_id": self.doc_id,
            "field": self.field,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "score": self.score,
        }


@dataclass(frozen=True, slots=True)
class BoxEntry:
    """One term in the box.

    Attributes
    ----------
    term_id, term : str
        Glossary id and display form.
    synonyms : tuple of str
        The other forms of the term (English name, aliases).
    definition, category : str or None
    mentions, documents : int
        How often the term was mentioned, and in how many documents.
    examples : tuple of Example
        The best distinct example sentences, best first (at most ``max_examples``).
    n_examples : int
        How many distinct sentences of the input mention the term and could be quoted
        (the N of "k / N"; captions, credits and headings are not counted).
    chosen : int
        0-based index of the example shown (the k of "k / N" is ``chosen + 1``).
    """

    term_id: str
    term: str
    synonyms: tuple[str, ...]
    definition: str | None
    category: str | None
    mentions: int
    documents: int
    examples: tuple[Example, ...]
    n_examples: int
    chosen: int = 0

    @property
    def example(self) -> Example | None:
        """The example shown, or ``None`` when the corpus has no usable sentence."""
        return self.examples[self.chosen] if self.examples else None

    def to_dict(self, *, width: int = QUOTE_LIMIT) -> dict[str, Any]:
        return {
            "term_id": self.term_id,
            "term": self.term,
            "synonyms": list(self.synonyms),
            "definition": self.definition,
            "category": self.category,
            "mentions": self.mentions,
            "documents": self.documents,
            "n_examples": self.n_examples,
            "chosen": self.chosen + 1 if self.examples else 0,
            "examples": [ex.to_dict(width=width) for ex in self.examples],
        }


@dataclass(frozen=True, slots=True)
class KeywordBox:
    """A ranked set of :class:`BoxEntry`, ready to render.

    Use :meth:`to_markdown`, :meth:`to_html`, :meth:`to_json`, :meth:`to_text` (or
    :meth:`render` with a format name). ``window`` is the dates a ``"trending"`` box
    compared with the time before them (``None`` otherwise).
    """

    entries: tuple[BoxEntry, ...]
    n_documents: int
    n_mentions: int
    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    glossary: str = ""
    glossary_version: str = ""
    rank: str = "frequency"
    window: tuple[_dt.date, _dt.date] | None = None
    title: str = "트렌드 키워드"
    meta: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def with_example(self, k: int) -> KeywordBox:
        """The same box showing example ``k`` (1-based) of every term, or the last one
        for terms with fewer examples."""
        if k < 1:
            raise ValueError(f"`k` should be a 1-based example number >= 1, got {k!r}")
        entries = tuple(
            replace(e, chosen=min(k, len(e.examples)) - 1 if e.examples else 0)
            for e in self.entries
        )
        return replace(self, entries=entries)

    def to_dict(self, *, width: int = QUOTE_LIMIT) -> dict[str, Any]:
        from extract.box.render import K_OF_N

        return {
            "title": self.title,
            "n_documents": self.n_documents,
            "n_mentions": self.n_mentions,
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "glossary": self.glossary,
            "glossary_version": self.glossary_version,
            "rank": self.rank,
            "window": [d.isoformat() for d in self.window] if self.window else None,
            "k_of_n": K_OF_N,
            "entries": [e.to_dict(width=width) for e in self.entries],
        }

    def render(self, fmt: str = "markdown", **kwargs: Any) -> str:
        """Render as ``"markdown"``, ``"html"``, ``"json"`` or ``"text"``."""
        from extract.box.render import render

        return render(self, fmt, **kwargs)

    def to_markdown(self, **kwargs: Any) -> str:
        return self.render("markdown", **kwargs)

    def to_html(self, **kwargs: Any) -> str:
        return self.render("html", **kwargs)

    def to_json(self, **kwargs: Any) -> str:
        return self.render("json", **kwargs)

    def to_text(self, **kwargs: Any) -> str:
        return self.render("text", **kwargs)


class _TermStats:
    __slots__ = ("best", "dates", "documents", "good", "last_doc", "mentions", "seen")

    def __init__(self) -> None:
        self.mentions = 0
        self.documents = 0
        self.dates: dict[_dt.date | None, int] = {}  # documents per date, for rank="trending"
        self.last_doc: str | None = None
        self.good = 0  # distinct usable example sentences
        self.seen: set[str] = set()
        self.best: list[Example] = []


def _order_key(ex: Example) -> tuple:
    # Best first: higher score, then more recent, then a stable position.
    return (-ex.score, -(ex.date.toordinal() if ex.date else 0), ex.doc_id, ex.field, ex.start)


def _sentence_key(sentence: str) -> str:
    # The same sentence in two articles (a wire story reprinted) is still the same quote.
    return _KEY_STRIP.sub("", sentence)


def _pick(examples: Sequence[tuple[Example, ...]], first: int) -> list[int | None]:
    """For each entry, the index of the example to show, so that no two entries of a box
    quote one sentence; ``None`` for an entry whose every sentence another entry needs.

    Entries choose in rank order, each taking example ``first`` if free, else the next
    free one (then the best free one before it). An entry left with no free sentence
    takes one from an entry ranked above it that can move to another sentence of its
    own (an augmenting path, as in bipartite matching), so as many entries as possible
    show an example and a term keeps its best sentence unless another would show none.

    Examples
    --------
    >>> a, b = (Example("A 문장.", 0, 1, "d", "body"),), (Example("B 문장.", 0, 1, "d", "body"),)
    >>> _pick([a + b, a], 0)
    [1, 0]
    >>> _pick([a, a], 0)
    [0, None]
    """
    prefs = []
    for exs in examples:
        start = min(first, len(exs) - 1) if exs else 0
        order = [*range(start, len(exs)), *range(start)]
        prefs.append([(j, _sentence_key(exs[j].sentence)) for j in order])
    owner: dict[str, int] = {}  # sentence key -> entry showing it
    out: list[int | None] = [None] * len(examples)

    def seat(i: int, visited: set[str]) -> bool:
        for j, key in prefs[i]:
            if key not in owner:
                owner[key], out[i] = i, j
                return True
        for j, key in prefs[i]:
            if key not in visited:
                visited.add(key)
                if seat(owner[key], visited):
                    owner[key], out[i] = i, j
                    return True
        return False

    for i in range(len(examples)):
        seat(i, set())
    return out


def build_box(
    docs: Iterable[Document],
    glossary: Glossary | None = None,
    *,
    top: int | None = 5,
    tagger: Tagger | None = None,
    fields: str | Sequence[str] | None = None,
    rank: Literal["frequency", "trending"] = "frequency",
    window: tuple[Any, Any] | None = None,
    terms: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    basic: bool = False,
    example: int = 1,
    max_examples: int = 50,
) -> KeywordBox:
    """Tag ``docs`` and build the trend-keyword box.

    Parameters
    ----------
    docs : iterable of corpus.Document
    glossary : Glossary, optional
        Defaults to the tagger's glossary, else :func:`glossary.default`.
    top : int or None
        How many terms to keep (``None``: all that occur).
    tagger : Tagger, optional
        A ready tagger (to reuse one, or to use ``mode="full"``).
    fields : str or sequence of str, optional
        Text fields to tag (default: ``text``, else ``title`` and ``body``).
    rank : {"frequency", "trending"}
        Order of terms: by documents + mentions, then documents, then id; or, for
        ``"trending"``, first by how much more often documents of ``window`` mention the
        term than earlier ones (see :func:`extract.emerging_terms`).
    window : (start, end), optional
        Dates (inclusive; ``datetime.date`` or ``"2026-03-01"``) that ``"trending"``
        compares with everything before them; default: the newest quarter of the dates.
    terms, categories : iterable of str, optional
        Keep only these term ids / categories.
    basic : bool
        Also show everyday vocabulary the glossary marks ``basic`` (투자, 주가): left out
        by default, since a box is for terms a reader may need explained. Terms named in
        ``terms`` are shown either way.
    example : int
        Which example (1-based) to show for each term.
    max_examples : int
        How many of the best distinct examples to keep per term.

    Examples
    --------
    >>> from corpus import Document
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="capex", term="자본 지출", aliases=("Capex",))])
    >>> docs = [Document(id="1", text="빅테크들이 올해 자본지출을 크게 늘렸다. Capex 경쟁이 치열하다.")]
    >>> box = build_box(docs, g)
    >>> e = box.entries[0]
    >>> (e.term, e.mentions, e.documents, e.n_examples)
    ('자본 지출', 2, 1, 2)
    """
    if rank not in RANKS:
        raise ValueError(f"`rank` should be one of {RANKS}, but got {rank!r}")
    if window is not None:
        if rank != "trending":
            raise ValueError(f"`window` orders terms only with rank='trending', got rank={rank!r}")
        from extract.trends.emerging import date_window

        window = date_window(window)  # bad dates fail before any tagging
    if top is not None and (not isinstance(top, int) or top < 1):
        raise ValueError(f"`top` should be a positive int or None, got {top!r}")
    if example < 1:
        raise ValueError(f"`example` should be a 1-based number >= 1, got {example!r}")
    if tagger is None:
        tagger = Tagger(glossary)
    elif glossary is not None and tagger.glossary is not glossary:
        raise ValueError("pass either `glossary` or a `tagger` built with it, not both")
    g = tagger.glossary
    keep_ids = set(terms) if terms is not None else None
    keep_cats = set(categories) if categories is not None else None
    stats: dict[str, _TermStats] = {}
    n_docs = n_mentions = 0
    date_from = date_to = None
    doc_dates: dict[_dt.date | None, int] = {}
    for doc in docs:
        n_docs += 1
        doc_dates[doc.date] = doc_dates.get(doc.date, 0) + 1
        if doc.date is not None:
            date_from = doc.date if date_from is None else min(date_from, doc.date)
            date_to = doc.date if date_to is None else max(date_to, doc.date)
        for name, text in doc.texts(fields):
            mentions = tagger.tag(text, doc_id=doc.id, field=name)
            in_sentence: dict[tuple[int, int], set[str]] = {}
            for m in mentions:
                in_sentence.setdefault((m.sent_start, m.sent_end), set()).add(m.term_id)
            for m in mentions:
                term = g[m.term_id]
                if keep_ids is not None and m.term_id not in keep_ids:
                    continue
                if keep_cats is not None and term.category not in keep_cats:
                    continue
                if term.basic and not basic and (keep_ids is None or m.term_id not in keep_ids):
                    continue
                n_mentions += 1
                st = stats.get(m.term_id)
                if st is None:
                    st = stats[m.term_id] = _TermStats()
                st.mentions += 1
                if st.last_doc != doc.id:
                    st.documents += 1
                    st.last_doc = doc.id
                    st.dates[doc.date] = st.dates.get(doc.date, 0) + 1
                first = m.sent_start
                cut = min(lead_marker(text[first : m.sent_end]), m.start - first)
                sentence = text[first + cut : m.sent_end]
                key = _sentence_key(sentence)
                if key in st.seen:
                    continue
                st.seen.add(key)
                # Other specialised terms in the sentence tell a reader what the term is about.
                others = {
                    t
                    for t in in_sentence[(m.sent_start, m.sent_end)] - {m.term_id}
                    if not g[t].basic
                }
                start, end = m.start - first - cut, m.end - first - cut
                score = example_score(
                    sentence,
                    field=name,
                    start=start,
                    end=end,
                    others=len(others),
                    related=bool(others.intersection(term.related)),
                )
                if score <= 0:
                    continue
                ex = Example(sentence, start, end, doc.id, name, doc.date, doc.source, score)
                st.good += 1
                st.best.append(ex)
                if len(st.best) >= 4 * max_examples:
                    st.best = sorted(st.best, key=_order_key)[:max_examples]
    # Documents and mentions both count: a term one article repeats does not outrank a term
    # in many articles, and a focused topic (many mentions in a few articles) is not buried
    # under umbrella terms that every article touches once.
    ranked = sorted(
        stats.items(),
        key=lambda kv: (-(kv[1].documents + kv[1].mentions), -kv[1].documents, kv[0]),
    )
    used_window = None
    if rank == "trending":
        from extract.trends.emerging import trending_scores, trending_window

        used_window = trending_window(doc_dates, window=window)
        trend = trending_scores({t: st.dates for t, st in stats.items()}, doc_dates, window=window)
        ranked.sort(key=lambda kv: -trend[kv[0]])  # stable: ties keep the frequency order
    if top is not None:
        ranked = ranked[:top]
    candidates = [tuple(sorted(st.best, key=_order_key)[:max_examples]) for _, st in ranked]
    entries = []
    for (term_id, st), examples, chosen in zip(
        ranked, candidates, _pick(candidates, example - 1), strict=True
    ):
        term = g[term_id]
        entries.append(
            BoxEntry(
                term_id=term_id,
                term=term.term,
                synonyms=term.synonyms,
                definition=term.definition,
                category=term.category,
                mentions=st.mentions,
                documents=st.documents,
                # Every sentence of this term is quoted for another one: show none.
                examples=examples if chosen is not None else (),
                n_examples=st.good,
                chosen=chosen or 0,
            )
        )
    return KeywordBox(
        entries=tuple(entries),
        n_documents=n_docs,
        n_mentions=n_mentions,
        date_from=date_from,
        date_to=date_to,
        glossary=g.name,
        glossary_version=g.version,
        rank=rank,
        window=used_window,
    )
