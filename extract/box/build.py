"""The trend-keyword box: ranked terms, each with synonyms, definition and examples."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from corpus import Document, parse_window
from extract.box.examples import example_score, list_marker
from extract.box.model import BoxEntry, Example, KeywordBox
from extract.engine.tagger import Tagger
from glossary import Glossary

__all__ = ["RANKS", "build_box"]

RANKS = ("frequency", "trending")
_KEY_STRIP = re.compile(r"[\s\W_]+")


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
    rank: Literal["frequency", "trending"] = "frequency",
    window: str | tuple[Any, Any] | None = None,
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
    window : "START,END" or (start, end), optional
        Dates (inclusive; each a date, month or year, see :func:`corpus.parse_window`)
        that ``"trending"`` compares with everything before them; default: the newest
        quarter of the dates.
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
    >>> from corpus import Document, parse_window
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
        window = parse_window(window)  # bad dates fail before any tagging
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
            for m in tagger.tag(text, doc_id=doc.id, field=name):
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
