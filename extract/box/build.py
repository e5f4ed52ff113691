"""The trend-keyword box: ranked terms, each with synonyms, definition and examples."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from corpus import Document
from extract.box.examples import example_score, list_marker, snippet
from extract.box.rank import MIN_SCORE, explain_score, resolve_background, resolve_terms
from extract.engine.tagger import Tagger
from glossary import BackgroundFrequencies, Glossary

__all__ = ["BoxEntry", "Example", "KeywordBox", "build_box"]

RANKS = ("explain", "frequency", "trending")
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

    def snippet(self, *, width: int = 90) -> tuple[str, int, int]:
        """The sentence cut to about ``width`` characters around the mention, with
        the mention's offsets in the cut text (see :func:`extract.snippet`)."""
        return snippet(self.sentence, self.start, self.end, width=width)

    def to_dict(self, *, width: int = 90) -> dict[str, Any]:
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
        How many distinct usable example sentences the corpus holds (the N of "k / N").
    chosen : int
        0-based index of the example shown (the k of "k / N" is ``chosen + 1``).
    score : float or None
        The ``"explain"`` score (0 to 1, see :func:`extract.box.rank.explain_score`);
        ``None`` in boxes of other orders.
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
    score: float | None = None

    @property
    def example(self) -> Example | None:
        """The example shown, or ``None`` when the corpus has no usable sentence."""
        return self.examples[self.chosen] if self.examples else None

    def to_dict(self, *, width: int = 90) -> dict[str, Any]:
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
            "score": None if self.score is None else round(self.score, 3),
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

    def to_dict(self, *, width: int = 90) -> dict[str, Any]:
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
    __slots__ = ("best", "dates", "documents", "good", "last_doc", "lead", "mentions", "seen")

    def __init__(self) -> None:
        self.mentions = 0
        self.documents = 0
        self.dates: dict[_dt.date | None, int] = {}  # documents per date, for rank="trending"
        self.last_doc: str | None = None
        self.good = 0  # distinct usable example sentences
        self.seen: set[str] = set()
        self.best: list[Example] = []
        self.lead = 0.0  # sum over documents of how early the term first appears


def _order_key(ex: Example) -> tuple:
    # Best first: higher score, then more recent, then a stable position.
    return (-ex.score, -(ex.date.toordinal() if ex.date else 0), ex.doc_id, ex.field, ex.start)


def _pick(examples: tuple[Example, ...], first: int, shown: set[str]) -> int:
    """Index of the first example from ``first`` on whose sentence no higher-ranked entry
    shows already (a sidebar should not quote one sentence twice); else ``first``."""
    if not examples:
        return 0
    first = min(first, len(examples) - 1)
    for i in range(first, len(examples)):
        if examples[i].sentence not in shown:
            shown.add(examples[i].sentence)
            return i
    return first


def build_box(
    docs: Iterable[Document],
    glossary: Glossary | None = None,
    *,
    top: int | None = 5,
    tagger: Tagger | None = None,
    fields: str | Sequence[str] | None = None,
    rank: Literal["explain", "frequency", "trending"] = "explain",
    window: tuple[Any, Any] | None = None,
    terms: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    basic: bool = False,
    background: BackgroundFrequencies | Mapping[str, Any] | Iterable[Document] | Any = None,
    min_score: float | None = None,
    exclude_terms: Iterable[str] | None = None,
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
        At most how many terms to show (``None``: no limit). With ``rank="explain"`` a
        box can show fewer: only terms scoring at least ``min_score``.
    tagger : Tagger, optional
        A ready tagger (to reuse one, or to use ``mode="full"``).
    fields : str or sequence of str, optional
        Text fields to tag (default: ``text``, else ``title`` and ``body``).
    rank : {"explain", "frequency", "trending"}
        Order of terms. ``"explain"`` (default): terms a reader most needs explained
        first, by :func:`extract.box.rank.explain_score` (how central the term is to
        ``docs``, weighed against how familiar it is in everyday news, from
        ``background``), leaving out terms below ``min_score``. ``"frequency"``: by
        documents + mentions, then documents, then id. ``"trending"``: first by how much more often documents of ``window`` mention the
        term than earlier ones (see :func:`extract.emerging_terms`).
    window : (start, end), optional
        Dates (inclusive; ``datetime.date`` or ``"2026-03-01"``) that ``"trending"``
        compares with everything before them; default: the newest quarter of the dates.
    terms, categories : iterable of str, optional
        Keep only these term ids / categories.
    basic : bool
        Also show everyday vocabulary the glossary marks ``basic`` (투자, 주가): left out
        by default, since a box is for terms a reader may need explained. Terms named in
        ``terms`` are shown either way (and whatever their score).
    background : optional
        Where ``"explain"`` learns how familiar a term is: ``None`` (default) uses the
        background bundled with the default glossary (:func:`glossary.background_frequencies`)
        when ``glossary`` is the default one, and none otherwise (every term then counts
        as unfamiliar and only centrality orders them); ``"default"`` the bundled one for
        any glossary; ``False`` none; a :class:`glossary.BackgroundFrequencies` or its
        ``{"documents": N, "df": {term_id: n}}`` mapping; or documents to tag.
    min_score : float, optional
        Threshold of the ``"explain"`` score, from 0 to 1 (default
        :data:`extract.box.rank.MIN_SCORE`, 0.4); 0 shows every term up to ``top``.
    exclude_terms : iterable of str, optional
        A house list: term ids or surface forms never shown (any spacing or case).
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
    if min_score is not None:
        if rank != "explain":
            raise ValueError(f"`min_score` applies only to rank='explain', got rank={rank!r}")
        if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
            raise TypeError(f"`min_score` should be a number from 0 to 1, got {min_score!r}")
        if not 0 <= min_score <= 1:
            raise ValueError(f"`min_score` should be a number from 0 to 1, got {min_score!r}")
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
    never = resolve_terms(exclude_terms, g, what="exclude_terms") if exclude_terms else set()
    bg = resolve_background(background, g, tagger) if rank == "explain" else None
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
        lead: dict[str, float] = {}
        for name, text in doc.texts(fields):
            for m in tagger.tag(text, doc_id=doc.id, field=name):
                term = g[m.term_id]
                if m.term_id in never:
                    continue
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
                # A headline names what the story is about; in a text, earlier is more central.
                early = 1.0 if name == "title" else 1.0 - m.start / max(len(text), 1)
                if early > lead.get(m.term_id, -1.0):
                    lead[m.term_id] = early
                if st.last_doc != doc.id:
                    st.documents += 1
                    st.last_doc = doc.id
                    st.dates[doc.date] = st.dates.get(doc.date, 0) + 1
                first = m.sent_start
                cut = min(list_marker(text[first : m.sent_end]), m.start - first)
                sentence = text[first + cut : m.sent_end]
                key = _KEY_STRIP.sub("", sentence)
                if key in st.seen:
                    continue
                st.seen.add(key)
                score = example_score(sentence, field=name)
                if score <= 0:
                    continue
                ex = Example(
                    sentence,
                    m.start - first - cut,
                    m.end - first - cut,
                    doc.id,
                    name,
                    doc.date,
                    doc.source,
                    score,
                )
                st.good += 1
                st.best.append(ex)
                if len(st.best) >= 4 * max_examples:
                    st.best = sorted(st.best, key=_order_key)[:max_examples]
        for term_id, early in lead.items():
            stats[term_id].lead += early
    # Documents and mentions both count: a term one article repeats does not outrank a term
    # in many articles, and a focused topic (many mentions in a few articles) is not buried
    # under umbrella terms that every article touches once.
    ranked = sorted(
        stats.items(),
        key=lambda kv: (-(kv[1].documents + kv[1].mentions), -kv[1].documents, kv[0]),
    )
    used_window = None
    scores: dict[str, float] = {}
    if rank == "explain":
        widest = max((st.documents for st in stats.values()), default=1)
        threshold = MIN_SCORE if min_score is None else min_score
        for term_id, st in stats.items():
            scores[term_id] = explain_score(
                mentions=st.mentions,
                documents=st.documents,
                lead=st.lead,
                max_documents=widest,
                background=bg,
                term_id=term_id,
            ).score
        ranked = [
            kv
            for kv in ranked
            if scores[kv[0]] >= threshold or (keep_ids is not None and kv[0] in keep_ids)
        ]
        ranked.sort(key=lambda kv: -scores[kv[0]])  # stable: ties keep the frequency order
    elif rank == "trending":
        from extract.trends.emerging import trending_scores, trending_window

        used_window = trending_window(doc_dates, window=window)
        trend = trending_scores({t: st.dates for t, st in stats.items()}, doc_dates, window=window)
        ranked.sort(key=lambda kv: -trend[kv[0]])  # stable: ties keep the frequency order
    if top is not None:
        ranked = ranked[:top]
    entries = []
    shown: set[str] = set()
    for term_id, st in ranked:
        term = g[term_id]
        examples = tuple(sorted(st.best, key=_order_key)[:max_examples])
        entries.append(
            BoxEntry(
                term_id=term_id,
                term=term.term,
                synonyms=term.synonyms,
                definition=term.definition,
                category=term.category,
                mentions=st.mentions,
                documents=st.documents,
                examples=examples,
                n_examples=st.good,
                chosen=_pick(examples, example - 1, shown),
                score=scores.get(term_id),
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
