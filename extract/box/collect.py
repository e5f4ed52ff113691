"""Counting a term's mentions, documents and candidate examples over documents.

Shared by :func:`extract.build_box` and the coverage around an article
(:mod:`extract.box.context`).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from corpus import Document
from extract.box.examples import example_score, list_marker
from extract.box.model import BoxEntry, Example
from extract.engine.tagger import Tagger
from glossary import Glossary

__all__: list[str] = []  # helpers of extract.box.build and extract.box.context


_KEY_STRIP = re.compile(r"[\s\W_]+")


class _TermStats:
    """What one term gathered while tagging (in one date bucket, for a trending box)."""

    __slots__ = ("best", "documents", "last_doc", "mentions", "seen")

    def __init__(self) -> None:
        self.mentions = 0
        self.documents = 0
        self.last_doc: str | None = None
        self.seen: dict[str, bool] = {}  # sentence key -> usable as an example
        self.best: list[Example] = []

    @property
    def good(self) -> int:
        """Distinct usable example sentences (the N of "k / N")."""
        return sum(self.seen.values())


def _merged(
    parts: Iterable[_TermStats], max_examples: int, *, in_order: bool = False
) -> _TermStats:
    """One :class:`_TermStats` for several buckets: the dates of a window (examples best
    first), or with ``in_order`` an article and its coverage (each part's examples
    before the next part's)."""
    out = _TermStats()
    best: dict[str, Example] = {}
    for st in parts:
        out.mentions += st.mentions
        out.documents += st.documents
        for key, usable in st.seen.items():
            out.seen[key] = out.seen.get(key, False) or usable
        # A sentence reprinted on two dates (a wire story) is one example.
        for ex in sorted(st.best, key=_order_key):
            best.setdefault(_KEY_STRIP.sub("", ex.sentence), ex)
    out.best = list(best.values())
    if not in_order:
        out.best.sort(key=_order_key)
    del out.best[max_examples:]
    return out


class _Collected:
    """Per-term statistics of tagged documents, by date when ``by_date`` (else under
    ``None``), with the documents' dates and, if asked, each document's term ids."""

    __slots__ = ("date_from", "date_to", "doc_dates", "doc_terms", "n_docs", "stats")

    def __init__(self) -> None:
        self.stats: dict[str, dict[_dt.date | None, _TermStats]] = {}
        self.doc_dates: dict[_dt.date | None, int] = {}
        self.doc_terms: list[tuple[str, _dt.date | None, frozenset[str]]] = []
        self.n_docs = 0
        self.date_from: _dt.date | None = None
        self.date_to: _dt.date | None = None


def _wanted(
    g: Glossary, terms: Iterable[str] | None, categories: Iterable[str] | None, basic: bool
) -> Callable[[str], bool]:
    """Whether a term id passes ``terms``, ``categories`` and ``basic`` (see build_box)."""
    keep_ids = set(terms) if terms is not None else None
    keep_cats = set(categories) if categories is not None else None
    verdicts: dict[str, bool] = {}

    def wanted(term_id: str) -> bool:
        ok = verdicts.get(term_id)
        if ok is None:
            term = g[term_id]
            ok = verdicts[term_id] = (
                (keep_ids is None or term_id in keep_ids)
                and (keep_cats is None or term.category in keep_cats)
                and (not term.basic or basic or keep_ids is not None)
            )
        return ok

    return wanted


def _collect(
    docs: Iterable[Document],
    tagger: Tagger,
    *,
    fields: str | Sequence[str] | None,
    wanted: Callable[[str], bool],
    max_examples: int,
    by_date: bool = False,
    examples_for: Callable[[_dt.date | None], bool] | None = None,
    doc_terms: bool = False,
) -> _Collected:
    """Tag ``docs`` once, counting mentions and documents and keeping the best examples
    of every wanted term; documents whose date fails ``examples_for`` are only counted."""
    out = _Collected()
    for doc in docs:
        out.n_docs += 1
        out.doc_dates[doc.date] = out.doc_dates.get(doc.date, 0) + 1
        if doc.date is not None:
            out.date_from = doc.date if out.date_from is None else min(out.date_from, doc.date)
            out.date_to = doc.date if out.date_to is None else max(out.date_to, doc.date)
        bucket = doc.date if by_date else None
        quote = examples_for is None or examples_for(doc.date)
        seen_here: set[str] = set()
        for name, text in doc.texts(fields):
            for m in tagger.tag(text, doc_id=doc.id, field=name):
                if not wanted(m.term_id):
                    continue
                buckets = out.stats.get(m.term_id)
                if buckets is None:
                    buckets = out.stats[m.term_id] = {}
                st = buckets.get(bucket)
                if st is None:
                    st = buckets[bucket] = _TermStats()
                st.mentions += 1
                if st.last_doc != doc.id:
                    st.documents += 1
                    st.last_doc = doc.id
                    seen_here.add(m.term_id)
                if not quote:
                    continue
                first = m.sent_start
                cut = min(list_marker(text[first : m.sent_end]), m.start - first)
                sentence = text[first + cut : m.sent_end]
                key = _KEY_STRIP.sub("", sentence)
                if key in st.seen:
                    continue
                score = example_score(sentence, field=name)
                st.seen[key] = score > 0
                if score <= 0:
                    continue
                st.best.append(
                    Example(
                        sentence,
                        m.start - first - cut,
                        m.end - first - cut,
                        doc.id,
                        name,
                        doc.date,
                        doc.source,
                        score,
                    )
                )
                if len(st.best) >= 4 * max_examples:
                    st.best = sorted(st.best, key=_order_key)[:max_examples]
        if doc_terms:
            out.doc_terms.append((doc.id, doc.date, frozenset(seen_here)))
    return out


def _frequency_key(kv: tuple[str, _TermStats]) -> tuple[int, int, str]:
    # Documents and mentions both count: a term one article repeats does not outrank a term
    # in many articles, and a focused topic (many mentions in a few articles) is not buried
    # under umbrella terms that every article touches once.
    return (-(kv[1].documents + kv[1].mentions), -kv[1].documents, kv[0])


def _entry(
    term: Any,
    st: _TermStats,
    *,
    first: int,
    shown: set[str],
    max_examples: int,
    baseline_documents: int | None = None,
    trend: float | None = None,
    rise_totals: tuple[int, int] | None = None,
) -> BoxEntry:
    examples = tuple(st.best[:max_examples])
    return BoxEntry(
        term_id=term.id,
        term=term.term,
        synonyms=term.synonyms,
        definition=term.definition,
        category=term.category,
        mentions=st.mentions,
        documents=st.documents,
        examples=examples,
        n_examples=st.good,
        chosen=_pick(examples, first, shown),
        baseline_documents=baseline_documents,
        trend=trend,
        rise_totals=rise_totals,
    )


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
