"""What a trend-keyword box holds: terms ranked, each with its example sentences.

The records only; :mod:`extract.box.build` fills them from documents and
:mod:`extract.box.render` turns them into Markdown, HTML, JSON or text.

Examples
--------
>>> box = KeywordBox(entries=(), n_documents=3, n_mentions=0, title="이번 주 키워드")
>>> box.to_text().splitlines()[0]
'이번 주 키워드'
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass, field, replace
from typing import Any

from extract.box.examples import QUOTE_LIMIT, quote
from extract.box.render import K_OF_N, render

__all__ = ["BoxEntry", "Example", "KeywordBox"]


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
    before : str
        The sentence before it in its paragraph, with what joins them (a space, a
        connective the quote leaves out), for a quote that needs it; ``""`` if none.
    lead : int
        In a two-sentence quote (the sentence before supplying whom or what it is
        about), the length of that first sentence and its joiner in ``sentence``; 0 in
        a one-sentence quote.
    """

    sentence: str
    start: int
    end: int
    doc_id: str
    field: str
    date: _dt.date | None = None
    source: str | None = None
    score: float = 0.0
    before: str = dataclasses.field(default="", repr=False)
    lead: int = 0

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
    baseline_documents : int or None
        In a ``"trending"`` box (and for related terms), documents of the baseline period
        that mention the term; ``mentions`` and ``documents`` then count the window only.
        ``None`` in other boxes.
    trend : float or None
        The rise score (see :func:`extract.trends.emerging.trending_scores`), if any.
    rise_totals : (int, int) or None
        All documents of the baseline and of the window, the denominators of the rise
        (the periods seldom hold as many documents).
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
    baseline_documents: int | None = None
    trend: float | None = None
    rise_totals: tuple[int, int] | None = None
    score: float | None = None

    @property
    def rise(self) -> str | None:
        """``"3건 → 41건"``: documents of the baseline, then of the window, mentioning the
        term, each after its period's total when known (``"300건 중 3건 → 120건 중
        41건"``); ``None`` outside trending boxes and related terms."""
        if self.baseline_documents is None:
            return None
        if self.rise_totals is None:
            return f"{self.baseline_documents:,}건 → {self.documents:,}건"
        n0, n1 = self.rise_totals
        return f"{n0:,}건 중 {self.baseline_documents:,}건 → {n1:,}건 중 {self.documents:,}건"

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
            "score": None if self.score is None else round(self.score, 3),
            "examples": [ex.to_dict(width=width) for ex in self.examples],
            # Only where there is a rise, so frequency boxes keep their JSON unchanged.
            **(
                {
                    "baseline_documents": self.baseline_documents,
                    "trend": self.trend,
                    "rise_totals": list(self.rise_totals) if self.rise_totals else None,
                    "rise": self.rise,
                }
                if self.baseline_documents is not None
                else {}
            ),
        }


@dataclass(frozen=True, slots=True)
class KeywordBox:
    """A ranked set of :class:`BoxEntry`, ready to render.

    Use :meth:`to_markdown`, :meth:`to_html`, :meth:`to_json`, :meth:`to_text` (or
    :meth:`render` with a format name). ``window`` is the dates a ``"trending"`` box
    compared with the time before them (``None`` otherwise); its entries, ``n_documents``
    and ``n_mentions`` then count the window only, and ``baseline`` (the dates it was
    compared with) and ``baseline_documents`` say what the rise is measured against.
    ``related`` holds the terms of the coverage around an article (``build_box(...,
    corpus=...)``), shown apart from ``entries``.
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
    baseline: tuple[_dt.date, _dt.date] | None = None
    baseline_documents: int | None = None
    related: tuple[BoxEntry, ...] = ()
    corpus_documents: int | None = None
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
            # Only when present, so plain boxes keep their JSON unchanged.
            **(
                {
                    "baseline": [d.isoformat() for d in self.baseline] if self.baseline else None,
                    "baseline_documents": self.baseline_documents,
                }
                if self.window
                else {}
            ),
            **(
                {
                    "corpus_documents": self.corpus_documents,
                    "related": [e.to_dict(width=width) for e in self.related],
                }
                if self.corpus_documents is not None
                else {}
            ),
        }

    def render(self, fmt: str = "markdown", **kwargs: Any) -> str:
        """Render as ``"markdown"``, ``"html"``, ``"json"`` or ``"text"``."""
        return render(self, fmt, **kwargs)

    def to_markdown(self, **kwargs: Any) -> str:
        return self.render("markdown", **kwargs)

    def to_html(self, **kwargs: Any) -> str:
        return self.render("html", **kwargs)

    def to_json(self, **kwargs: Any) -> str:
        return self.render("json", **kwargs)

    def to_text(self, **kwargs: Any) -> str:
        return self.render("text", **kwargs)
