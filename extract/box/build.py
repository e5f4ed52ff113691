"""The trend-keyword box: ranked terms, each with synonyms, definition and examples."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from corpus import Document
from extract.box.examples import example_score, list_marker, snippet
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
    baseline_documents : int or None
        In a ``"trending"`` box (and for related terms), documents of the baseline period
        that mention the term; ``mentions`` and ``documents`` then count the window only.
        ``None`` in other boxes.
    trend : float or None
        The rise score (see :func:`extract.trends.emerging.trending_scores`), if any.
    rise_totals : (int, int) or None
        All documents of the baseline and of the window, the denominators of the rise
        (the periods seldom hold as many documents).
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
    corpus: Any = None,
    related: int = 3,
) -> KeywordBox:
    """Tag ``docs`` and build the trend-keyword box.

    Parameters
    ----------
    docs : iterable of corpus.Document
    glossary : Glossary, optional
        Defaults to the tagger's glossary, else :func:`glossary.default`.
    top : int or None
        How many terms to keep at most (``None``: all that occur).
    tagger : Tagger, optional
        A ready tagger (to reuse one, or to use ``mode="full"``).
    fields : str or sequence of str, optional
        Text fields to tag (default: ``text``, else ``title`` and ``body``).
    rank : {"frequency", "trending"}
        Order of terms: by documents + mentions, then documents, then id; or, for
        ``"trending"``, only the terms whose share of documents rose in ``window``
        against the time before it (see :func:`extract.emerging_terms`), most risen
        first, with mentions, documents and examples counted in the window alone and
        the rise (``BoxEntry.rise``, "3건 → 41건") shown. Fewer terms than ``top`` when
        fewer rose. Without two document dates the order stays ``"frequency"`` (with a
        warning).
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
    corpus : documents, paths, run directory or CorpusContext, optional
        Coverage around ``docs`` (see :func:`extract.box.context.corpus_context`): the
        box still ranks the terms of ``docs``, but quotes and counts "k / N" over
        ``docs`` and ``corpus`` (the article's own sentences first), and ``related``
        lists terms the article does not mention that co-occur with its terms in the
        corpus and are rising there. Only with ``rank="frequency"``.
    related : int
        At most how many related terms to list with ``corpus``.

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
    if corpus is not None and rank != "frequency":
        raise ValueError(f"`corpus` works with rank='frequency' only, got rank={rank!r}")
    if not isinstance(related, int) or isinstance(related, bool) or related < 0:
        raise ValueError(f"`related` should be an int >= 0, got {related!r}")
    if top is not None and (not isinstance(top, int) or top < 1):
        raise ValueError(f"`top` should be a positive int or None, got {top!r}")
    if example < 1:
        raise ValueError(f"`example` should be a 1-based number >= 1, got {example!r}")
    if tagger is None:
        tagger = Tagger(glossary)
    elif glossary is not None and tagger.glossary is not glossary:
        raise ValueError("pass either `glossary` or a `tagger` built with it, not both")
    g = tagger.glossary
    wanted = _wanted(g, terms, categories, basic)
    ctx = None
    if corpus is not None:
        from extract.box.context import corpus_context

        # Read the corpus first: a missing file fails before the article is tagged.
        ctx = corpus_context(corpus, tagger=tagger, fields=fields, max_examples=max_examples)
    trending = rank == "trending"
    examples_for = None
    if trending and window is not None:
        w0, w1 = window
        examples_for = lambda d: d is not None and w0 <= d <= w1  # noqa: E731
    col = _collect(
        docs,
        tagger,
        fields=fields,
        wanted=wanted,
        max_examples=max_examples,
        by_date=trending,
        examples_for=examples_for,
    )
    used_window = trend = None
    if trending:
        from extract.trends.emerging import trending_scores, trending_window

        term_dates = {t: {d: st.documents for d, st in b.items()} for t, b in col.stats.items()}
        trend = trending_scores(term_dates, col.doc_dates, window=window)
        used_window = trending_window(col.doc_dates, window=window)
    entries = []
    shown: set[str] = set()
    n_docs, baseline, baseline_docs = col.n_docs, None, None
    if used_window is None or trend is None:
        # rank="frequency", or "trending" without dates to compare (warned above)
        merged = {t: _merged(b.values(), max_examples) for t, b in col.stats.items()}
        n_mentions = sum(st.mentions for st in merged.values())
        ranked = sorted(merged.items(), key=_frequency_key)[:top]
        if ctx is not None:
            ctx.prefetch(t for t, _ in ranked)
            ranked = [(t, ctx.with_article(t, st, max_examples)) for t, st in ranked]
        entries = [
            _entry(g[t], st, first=example - 1, shown=shown, max_examples=max_examples)
            for t, st in ranked
        ]
    else:
        start, end = used_window

        def inside(d: _dt.date | None) -> bool:
            return d is not None and start <= d <= end

        def before(d: _dt.date | None) -> bool:
            return d is not None and d < start

        # Only terms that rose: -inf (too few window documents) and <= 0 are left out, and
        # every count and example is the window's, so the box says what changed in it.
        risen = {t: b for t, b in col.stats.items() if trend[t] > 0}
        merged = {
            t: _merged((st for d, st in b.items() if inside(d)), max_examples)
            for t, b in risen.items()
        }
        ranked = sorted(merged.items(), key=_frequency_key)
        ranked.sort(key=lambda kv: -trend[kv[0]])  # stable: ties keep the frequency order
        n_docs = sum(n for d, n in col.doc_dates.items() if inside(d))
        baseline_docs = sum(n for d, n in col.doc_dates.items() if before(d))
        for t, st in ranked[:top]:
            entries.append(
                _entry(
                    g[t],
                    st,
                    first=example - 1,
                    shown=shown,
                    max_examples=max_examples,
                    baseline_documents=sum(s.documents for d, s in risen[t].items() if before(d)),
                    trend=trend[t],
                    rise_totals=(baseline_docs, n_docs),
                )
            )
        n_mentions = sum(
            st.mentions for b in col.stats.values() for d, st in b.items() if inside(d)
        )
        base_dates = [d for d in col.doc_dates if d is not None and d < start]
        if base_dates:
            baseline = (min(base_dates), start - _dt.timedelta(days=1))
    related_entries: tuple[BoxEntry, ...] = ()
    if ctx is not None:
        related_entries = ctx.related_entries(
            [e.term_id for e in entries],
            exclude=set(col.stats),
            wanted=wanted,
            n=related,
            shown=shown,
            max_examples=max_examples,
        )
    return KeywordBox(
        entries=tuple(entries),
        n_documents=n_docs,
        n_mentions=n_mentions,
        date_from=col.date_from,
        date_to=col.date_to,
        glossary=g.name,
        glossary_version=g.version,
        rank=rank,
        window=used_window,
        baseline=baseline,
        baseline_documents=baseline_docs,
        related=related_entries,
        corpus_documents=ctx.n_documents if ctx is not None else None,
    )
