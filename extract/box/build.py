"""The trend-keyword box: ranked terms, each with synonyms, definition and examples."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from corpus import Document, parse_window
from extract.box.collect import (
    _collect,
    _entry,
    _frequency_key,
    _merged,
    _TermStats,
    _wanted,
    _with_examples,
)
from extract.box.model import BoxEntry, KeywordBox
from extract.box.rank import MIN_SCORE, explain_score, resolve_background, resolve_terms
from extract.engine.tagger import Tagger
from glossary import BackgroundFrequencies, Glossary

__all__ = ["RANKS", "build_box"]

RANKS = ("explain", "frequency", "trending")


def _explain_scores(merged: Mapping[str, _TermStats], bg: Any) -> dict[str, float]:
    """The ``"explain"`` score of every term (see :func:`extract.box.rank.explain_score`)."""
    widest = max((st.documents for st in merged.values()), default=1)
    return {
        term_id: explain_score(
            mentions=st.mentions,
            documents=st.documents,
            lead=st.lead,
            max_documents=widest,
            background=bg,
            term_id=term_id,
        ).score
        for term_id, st in merged.items()
    }


def build_box(
    docs: Iterable[Document],
    glossary: Glossary | None = None,
    *,
    top: int | None = 5,
    tagger: Tagger | None = None,
    fields: str | Sequence[str] | None = None,
    rank: Literal["explain", "frequency", "trending"] = "explain",
    window: str | tuple[Any, Any] | None = None,
    terms: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    basic: bool = False,
    background: BackgroundFrequencies | Mapping[str, Any] | Iterable[Document] | Any = None,
    min_score: float | None = None,
    exclude_terms: Iterable[str] | None = None,
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
        documents + mentions, then documents, then id. ``"trending"``: only the terms whose share of documents rose in ``window``
        against the time before it (see :func:`extract.emerging_terms`), most risen
        first, with mentions, documents and examples counted in the window alone and
        the rise (``BoxEntry.rise``, "3건 → 41건") shown. Fewer terms than ``top`` when
        fewer rose. Without two document dates the order stays ``"frequency"`` (with a
        warning).
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
        window = parse_window(window)  # bad dates fail before any tagging
    if corpus is not None and rank == "trending":
        raise ValueError("`corpus` works with rank='explain' or 'frequency', not 'trending'")
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
    never = resolve_terms(exclude_terms, g, what="exclude_terms") if exclude_terms else set()
    wanted = _wanted(g, terms, categories, basic, never=never)
    bg = resolve_background(background, g, tagger) if rank == "explain" else None
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
    scores: dict[str, float] = {}
    n_docs, baseline, baseline_docs = col.n_docs, None, None
    if used_window is None or trend is None:
        # rank="explain" or "frequency", or "trending" without dates to compare (warned)
        merged = {t: _merged(b.values(), max_examples) for t, b in col.stats.items()}
        n_mentions = sum(st.mentions for st in merged.values())
        ranked = sorted(merged.items(), key=_frequency_key)
        if rank == "explain":
            scores = _explain_scores(merged, bg)
            threshold = MIN_SCORE if min_score is None else min_score
            keep = set(terms) if terms is not None else set()
            ranked = [kv for kv in ranked if scores[kv[0]] >= threshold or kv[0] in keep]
            ranked.sort(key=lambda kv: -scores[kv[0]])  # stable: ties keep the frequency order
        ranked = ranked[:top]
        if ctx is not None:
            ctx.prefetch(t for t, _ in ranked)
            ranked = [(t, ctx.with_article(t, st, max_examples)) for t, st in ranked]
        entries = [
            _entry(g[t], st, max_examples=max_examples, score=scores.get(t)) for t, st in ranked
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
            max_examples=max_examples,
        )
    # One sentence is quoted once in a box: the entries (then the related terms) choose.
    chosen = _with_examples(
        [*entries, *related_entries], [example - 1] * len(entries) + [0] * len(related_entries)
    )
    entries, related_entries = chosen[: len(entries)], tuple(chosen[len(entries) :])
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
