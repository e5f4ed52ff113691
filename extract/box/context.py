"""An article with its coverage: examples and related terms from a corpus around it.

``build_box(article, corpus=...)`` ranks the article's own terms, and uses the corpus
for two things:

* **examples**: every entry quotes from the article and the corpus together (the
  article's own sentences first), and its "k / N" counts both;
* **related terms**: terms the article does not mention that (a) co-occur in corpus
  documents with the terms its box shows, more than the average corpus document does,
  and (b) rose in the corpus's newest quarter of dates against the time before it
  (:func:`extract.trends.emerging.log_ratio`). They are listed apart ("관련 키워드")
  with their own example from the corpus, taken from a document that also mentions
  the article's terms where there is one.

A corpus is documents (files, folders, globs, or :class:`corpus.Document` records,
tagged here with the box's tagger), or the output directory of ``kotrend tag -o DIR``.
A run directory gives relatedness and rise from its ``doc_terms`` and ``documents``
tables without tagging anything; its tables hold no text, so examples come from the
inputs its ``manifest.json`` names, read again if they are still where the run found
them (cut at the sentence offsets of the ``mentions`` table), and there are none if
they are not.
"""

from __future__ import annotations

import datetime as _dt
import json
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from corpus import Document
from extract.box.collect import (
    BoxEntry,
    _add_example,
    _collect,
    _entry,
    _merged,
    _order_key,
    _TermStats,
)
from extract.engine.tagger import Tagger

__all__ = ["CorpusContext", "corpus_context"]

#: A related term must share at least this many corpus documents with the article's terms.
MIN_SHARED_DOCUMENTS = 2


class CorpusContext:
    """The coverage around an article: which corpus documents mention which terms, their
    dates, and example sentences per term.

    Build one with :func:`corpus_context`; it can serve many boxes (``serve --corpus``).

    Attributes
    ----------
    doc_terms : dict of str to frozenset of str
        Term ids each corpus document mentions.
    doc_dates : dict of str to datetime.date or None
    examples : dict of str to _TermStats
        Per term, the best example sentences and the distinct usable ones seen.
    source : str
        What the corpus was read from (for messages).

    Examples
    --------
    >>> import datetime as dt
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="capex", term="자본 지출"), Term(id="hs", term="하이퍼스케일러"),
    ...               Term(id="roi", term="투자 자본 수익률", aliases=("ROI",))])
    >>> body = "하이퍼스케일러들이 자본 지출을 늘렸다. 투자자들은 그 ROI를 묻는다."
    >>> docs = [Document(id=str(d), date=dt.date(2026, 1, d), text=body if d > 6 else "ROI가 낮다.")
    ...         for d in range(1, 9)]
    >>> ctx = corpus_context(docs, tagger=Tagger(g))
    >>> [e.term for e in ctx.related_entries(["capex"], exclude={"capex"})]
    ['하이퍼스케일러']
    """

    def __init__(
        self,
        *,
        doc_terms: Mapping[str, frozenset[str]],
        doc_dates: Mapping[str, _dt.date | None],
        examples: Mapping[str, _TermStats],
        glossary: Any,
        source: str = "",
        load_examples: Callable[[CorpusContext, set[str]], Mapping[str, _TermStats]] | None = None,
    ) -> None:
        self.doc_terms = dict(doc_terms)
        self.doc_dates = dict(doc_dates)
        self.examples = dict(examples)
        self.glossary = glossary
        self.source = source
        self._load_examples = load_examples
        self._asked: set[str] = set()

    def prefetch(self, term_ids: Iterable[str]) -> None:
        """Make sure :attr:`examples` holds what the corpus has for ``term_ids``: a run
        directory reads its inputs only for the terms a box shows, all at once."""
        if self._load_examples is None:
            return
        missing = {t for t in term_ids if t not in self.examples and t not in self._asked}
        if missing:
            self.examples.update(self._load_examples(self, missing))
            self._asked |= missing

    @property
    def n_documents(self) -> int:
        return len(self.doc_terms)

    def __repr__(self) -> str:
        return f"CorpusContext({self.n_documents} documents from {self.source or '?'})"

    def with_article(self, term_id: str, article: _TermStats, max_examples: int) -> _TermStats:
        """``article``'s statistics with the corpus's examples of ``term_id`` after the
        article's own, and "k / N" counting both (mentions and documents stay the
        article's: the box ranks the article)."""
        corpus = self.examples.get(term_id)
        if corpus is None:
            return article
        both = _merged([article, corpus], max_examples, in_order=True)
        both.mentions, both.documents = article.mentions, article.documents
        return both

    def related_entries(
        self,
        anchors: Sequence[str],
        *,
        exclude: set[str],
        wanted: Callable[[str], bool] | None = None,
        n: int = 3,
        max_examples: int = 50,
    ) -> tuple[BoxEntry, ...]:
        """At most ``n`` terms, none in ``exclude`` (the article's terms), that co-occur
        with ``anchors`` (the terms its box shows) and rose in the corpus's newest
        quarter; best first.

        A document's weight is the share of ``anchors`` it mentions, and a candidate's
        co-occurrence is the summed weight of its documents (it needs at least
        :data:`MIN_SHARED_DOCUMENTS` documents with an anchor). When the corpus has
        dates, a candidate must have risen (positive :func:`log_ratio` of its document
        share in the newest quarter against the time before) and the order is
        co-occurrence times rise: what travels with the article's terms and is growing.
        Without dates the rise is unknown; the order is co-occurrence times lift (mean
        weight of its documents over the corpus mean), and lift must exceed 1.
        """
        from extract.trends.emerging import log_ratio, trending_window

        anchor_set = set(anchors)
        if not anchor_set or n == 0 or not self.doc_terms:
            return ()
        g = self.glossary
        weight = {d: len(ts & anchor_set) / len(anchor_set) for d, ts in self.doc_terms.items()}
        mean = sum(weight.values()) / len(weight)
        if mean == 0:
            return ()
        mass: dict[str, float] = {}
        df: Counter[str] = Counter()
        shared: Counter[str] = Counter()
        for d, ts in self.doc_terms.items():
            for t in ts:
                df[t] += 1
                if weight[d] > 0:
                    mass[t] = mass.get(t, 0.0) + weight[d]
                    shared[t] += 1
        # Rise in the corpus: window (newest quarter) against the dates before it.
        dates: Counter[_dt.date | None] = Counter(self.doc_dates.values())
        span = trending_window(dates)
        window_docs: Counter[str] = Counter()
        base_docs: Counter[str] = Counter()
        n1 = n0 = 0
        if span is not None:
            start, end = span
            for d, ts in self.doc_terms.items():
                day = self.doc_dates.get(d)
                if day is None:
                    continue
                if start <= day <= end:
                    n1 += 1
                    window_docs.update(ts)
                elif day < start:
                    n0 += 1
                    base_docs.update(ts)
        scored = []
        for t, m in mass.items():
            if t in exclude or t in anchor_set or t not in g or shared[t] < MIN_SHARED_DOCUMENTS:
                continue
            if wanted is not None and not wanted(t):
                continue
            rise = None
            if span is not None and n0 and n1:
                rise = float(log_ratio(window_docs[t], n1, base_docs[t], n0))
                if not rise > 0:
                    continue
                score = m * rise
            else:
                # No dates to see a rise: keep terms whose documents are more about the
                # article's terms than the average document is (not everyone's company).
                lift = (m / df[t]) / mean
                if lift <= 1:
                    continue
                score = m * lift
            scored.append((-score, t, rise))
        scored.sort()
        self.prefetch(t for _, t, _ in scored[:n])
        out = []
        for _, t, rise in scored[:n]:
            st = self.examples.get(t) or _TermStats()
            # Prefer a sentence from a document that also mentions the article's terms:
            # it shows why the term belongs with the story.
            best = sorted(st.best, key=lambda ex: (weight.get(ex.doc_id, 0) == 0, _order_key(ex)))
            picked = _TermStats()
            picked.best, picked.seen = best, st.seen
            picked.documents = window_docs[t] if rise is not None else df[t]
            picked.mentions = st.mentions
            out.append(
                _entry(
                    g[t],
                    picked,
                    max_examples=max_examples,
                    baseline_documents=base_docs[t] if rise is not None else None,
                    trend=rise,
                    rise_totals=(n0, n1) if rise is not None else None,
                )
            )
        return tuple(out)


def corpus_context(
    source: Any,
    *,
    tagger: Tagger,
    fields: str | Sequence[str] | None = None,
    max_examples: int = 50,
) -> CorpusContext:
    """The :class:`CorpusContext` of ``source``.

    Parameters
    ----------
    source : CorpusContext, run directory, path(s) or iterable of corpus.Document
        A ready context (returned as is, if built with the same glossary); the output
        directory of ``kotrend tag -o DIR`` (it holds ``manifest.json``); files, folders
        or globs to read with :func:`corpus.read_documents`; or documents.
    tagger : Tagger
        Tags documents (and names the glossary a run directory must have used).
    fields : str or sequence of str, optional
        Text fields to tag.
    max_examples : int
        Examples kept per term.
    """
    if isinstance(source, CorpusContext):
        if source.glossary is not tagger.glossary:
            raise ValueError(
                "`corpus` was built with another glossary "
                f"({source.glossary.name!r}) than the box's ({tagger.glossary.name!r})"
            )
        return source
    if isinstance(source, str | Path) and (Path(source) / "manifest.json").is_file():
        return _from_run(Path(source), tagger=tagger, fields=fields, max_examples=max_examples)
    if isinstance(source, str | Path) or (
        isinstance(source, list | tuple) and source and isinstance(source[0], str | Path)
    ):
        import corpus as _corpus

        paths = [source] if isinstance(source, str | Path) else list(source)
        for p in paths:
            if not any(ch in str(p) for ch in "*?[") and not Path(p).exists():
                raise FileNotFoundError(f"`corpus`: no such file or directory: {str(p)!r}")
        docs: Iterable[Document] = _corpus.read_documents(
            [str(p) for p in paths], text_field=fields
        )
        label = ", ".join(str(p) for p in paths)
    elif isinstance(source, Iterable):
        docs, label = source, "documents"
    else:
        raise TypeError(
            "`corpus` should be a run directory, file paths, documents or a CorpusContext, "
            f"got {type(source).__name__}"
        )
    col = _collect(
        docs,
        tagger,
        fields=fields,
        wanted=lambda _t: True,
        max_examples=max_examples,
        doc_terms=True,
    )
    return CorpusContext(
        doc_terms={d: ts for d, _, ts in col.doc_terms},
        doc_dates={d: day for d, day, _ in col.doc_terms},
        examples={t: b[None] for t, b in col.stats.items()},
        glossary=tagger.glossary,
        source=label,
    )


def _from_run(
    run: Path, *, tagger: Tagger, fields: str | Sequence[str] | None, max_examples: int
) -> CorpusContext:
    import pandas as pd

    from extract.batch.archive import load_table

    g = tagger.glossary
    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    used = manifest.get("glossary") or {}
    if used.get("sha256") and used.get("sha256") != g.content_hash():
        warnings.warn(
            f"`corpus` run {str(run)!r} was tagged with glossary {used.get('name')!r} "
            f"{used.get('version')!r}, not the box's {g.name!r} {g.version!r}: its term ids "
            "may not match",
            stacklevel=4,
        )
    doc_terms_table = load_table(run, "doc_terms")
    documents = load_table(run, "documents")
    dates: dict[str, _dt.date | None] = {}
    for doc_id, value in zip(documents["doc_id"], documents["date"], strict=True):
        dates[str(doc_id)] = None if value is None or pd.isna(value) else pd.Timestamp(value).date()
    terms: dict[str, set[str]] = {d: set() for d in dates}
    for doc_id, term_id in zip(doc_terms_table["doc_id"], doc_terms_table["term_id"], strict=True):
        terms.setdefault(str(doc_id), set()).add(str(term_id))
    return CorpusContext(
        doc_terms={d: frozenset(ts) for d, ts in terms.items()},
        doc_dates=dates,
        examples={},
        glossary=g,
        source=str(run),
        load_examples=lambda ctx, term_ids: _run_examples(
            run, manifest, ctx, term_ids, fields=fields, max_examples=max_examples
        ),
    )


def _run_examples(
    run: Path,
    manifest: Mapping[str, Any],
    ctx: CorpusContext,
    term_ids: set[str],
    *,
    fields: Any,
    max_examples: int,
) -> dict[str, _TermStats]:
    """Examples of ``term_ids``, cut from a run's input documents at the sentence
    offsets its ``mentions`` table recorded (none when the inputs are gone). Only the
    newest documents mentioning each term are read, enough for ``max_examples``."""
    import pandas as pd

    import corpus as _corpus

    paths = [i["path"] for i in manifest.get("inputs", []) if Path(i.get("path", "")).exists()]
    if not paths or not term_ids:
        return {}
    everything = pd.read_parquet(run / "mentions")
    mentions = everything[everything["term_id"].isin(sorted(term_ids))]
    oldest = _dt.date.min
    wanted_docs: set[str] = set()
    for _, ids in mentions.groupby("term_id")["doc_id"]:
        newest = sorted(set(ids), key=lambda d: ctx.doc_dates.get(d) or oldest, reverse=True)
        wanted_docs.update(newest[: 4 * max_examples])
    mentions = mentions[mentions["doc_id"].isin(wanted_docs)]
    options = manifest.get("options") or {}
    # Read the inputs as the run did, so ids, fields and offsets line up with its tables.
    text_field = options.get("text_field", fields)
    id_field = options.get("id_field", "id")
    texts: dict[tuple[str, str], tuple[str, Document]] = {}
    for path in paths:
        try:
            for doc in _corpus.read_documents(path, text_field=text_field, id_field=id_field):
                if doc.id not in wanted_docs:
                    continue
                for name, text in doc.texts():
                    texts[(doc.id, name)] = (text, doc)
        except (OSError, ValueError):  # an input that no longer reads as it did
            continue
    # Every term of each sentence, as the box's own examples are scored with them.
    in_sentence: dict[tuple[str, str, int, int], set[str]] = {}
    near = everything[everything["doc_id"].isin(wanted_docs)]
    for key4, ids in near.groupby(["doc_id", "field", "sent_start", "sent_end"])["term_id"]:
        in_sentence[(str(key4[0]), str(key4[1]), int(key4[2]), int(key4[3]))] = set(ids)
    g = ctx.glossary
    out: dict[str, _TermStats] = {}
    cols = ("doc_id", "field", "term_id", "start", "end", "sent_start", "sent_end")
    for doc_id, name, term_id, start, end, s0, s1 in zip(*(mentions[c] for c in cols), strict=True):
        found = texts.get((str(doc_id), str(name)))
        if found is None or term_id not in g:
            continue
        text, doc = found
        if text[start:end] == "" or s1 > len(text):
            continue  # the file changed since the run: offsets no longer fit
        st = out.get(term_id)
        if st is None:
            st = out[term_id] = _TermStats()
        st.mentions += 1
        spans = (int(start), int(end), int(s0), int(s1))
        around = in_sentence.get((str(doc_id), str(name), int(s0), int(s1)), {term_id})
        _add_example(st, text, spans, around, g[term_id], g, doc, str(name))
    for st in out.values():
        st.best = sorted(st.best, key=_order_key)[:max_examples]
    return out
