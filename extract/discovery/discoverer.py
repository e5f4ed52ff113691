"""Discover candidate terms the glossary does not know: C-value and TF-IDF over noun phrases."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Literal

from corpus import Document
from extract.discovery.candidates import CandidateCounts, known_keys
from extract.discovery.marked import marked_scores
from extract.discovery.records import TermCandidate
from extract.discovery.termhood import (
    GENERIC_FACTORS,
    LABEL_SHARE,
    absorbed,
    bundled_names,
    c_values,
    contracted_particle,
    event_phrase,
    generic_factor,
    head_counts,
    head_shares,
    modifier_shares,
    shortened_name,
)
from extract.engine.analyzer import get_kiwi
from extract.engine.matcher import CACHE_MIN_TERMS
from extract.engine.tagger import Tagger
from glossary import Glossary, form_key
from glossary._cache import cached, source_key

__all__ = ["RANKS", "WEIGHTS", "TermDiscoverer"]

#: Orders of :class:`TermDiscoverer`'s candidates.
RANKS = ("termhood", "rise")

#: Default weights of the score's components (see :class:`TermDiscoverer`).
WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "c_value": 2.0,
        "head_terms": 2.0,
        "modifier": 0.0,
        "tfidf": 0.5,
        "df": 0.5,
        "learned": 1.0,
        "marked": 0.0,
        "entropy": 0.0,
        "domain": 0.5,
    }
)


def _percentiles(values: Any) -> Any:
    from scipy.stats import rankdata

    return rankdata(values) / len(values)


class TermDiscoverer:
    """Find noun phrases a glossary is missing, ranked for a person to review.

    Candidates are runs of nouns (NNG, NNP, Latin words, numbers glued to them, with
    prefixes and suffixes such as 초-, -화, -성), written as in the text, minus junk
    (numbers, dates, units, bylines, fragments; see :func:`extract.junk_reason`) and
    minus anything the glossary matches (the tagger's mentions are masked, and forms
    are compared by :func:`glossary.form_key`).

    ``score`` is the weighted geometric mean of the percentile ranks (among the
    candidates in ``min_df`` documents) of

    * ``c_value``: C-value, nested-term aware; rewards frequent phrases that also
      occur outside longer candidates, longer ones more (see :func:`c_values`);
    * ``head_terms``: the share of glossary terms among the compounds that end in the
      candidate's last unit (지수, 펀드, 대출): what the glossary says terms look
      like, against how freely the corpus builds phrases on that head (육성사업,
      보급사업, 시범사업: a classifier head, see :func:`~extract.discovery.termhood.head_shares`);
    * ``tfidf``: mean TF-IDF over the documents the candidate occurs in, with IDF from
      the corpus and the ``background`` together, so phrases common in the background
      score low;
    * ``df``: document frequency;
    * ``marked``: how often writers mark the candidate as a term they introduce, in
      quotes, with its English name in brackets, in a definition (X란, X는 …을
      말한다, X라는 신조어) or announced (이른바 X): the count of documents that mark
      it and their share of its documents (see :mod:`extract.discovery.marked`);
    * ``entropy``: the lower of its left and right context entropies (a fragment of a
      fixed phrase always meets the same neighbour);
    * ``learned``: how much the candidate looks like the glossary's own terms met in
      the same corpus, by a classifier of known terms against unknown candidates on
      form features (units, spacing, Kiwi's reading and language-model probability,
      glossary heads, modifiability, bracketed glosses, marked documents and their share,
      context entropies), cross-fitted so no candidate
      is scored by a model that saw it (see :mod:`extract.discovery.learned`); with no
      known term in ``min_df`` documents it is the same for all and changes nothing;
    * ``domain``: how much of the vocabulary of the documents it occurs in is the
      glossary's (mentions of terms that are not everyday words, against all noun
      runs, pooled over its documents): the glossary says what the domain is, and a
      phrase of texts about something else (수입식품, 응급의료 in policy summaries
      that also cover food and health) is not what it is missing, however term-like;

    Every score is times a termhood factor (:func:`extract.discovery.termhood.generic_factor`): one
    everyday word (감소, 개장, 현실화: a noun Kiwi's language model finds common) or one
    name (서울, 쿠팡: a proper noun of Kiwi's dictionary) scores a quarter, and so does a
    name with common words written apart (서울 아파트, 중동 사태); a known term with only
    everyday words around it (AI 기업) or common words alone written apart (세계 시장)
    0.4. Names of the bundled list of companies and institutions are never proposed,
    and names cut short (한국투자 of 한국투자증권) score a quarter. Phrases holding a
    number, count, unit or time word (시총 3, 3사, 지난해 영업이익) and names with a
    headline's contracted particle (유럽서) are not candidates.

    Parameters
    ----------
    glossary : Glossary, optional
        Known terms (default: :func:`glossary.default`).
    min_df : int
        Candidates must occur in at least this many documents.
    max_candidates : int
        How many candidates to keep.
    background : iterable of corpus.Document or str, optional
        Another period or corpus; phrases common there get a low IDF.
    max_units : int
        Longest candidate, in units (nouns, with their glued affixes).
    n_examples : int
        Evidence sentences per candidate, from different documents.
    fields : str or sequence of str, optional
        Text fields to read (default: ``text``, else ``title`` and ``body``).
    weights : mapping of str to float, optional
        Weights of ``c_value``, ``head_terms``, ``modifier``, ``tfidf``, ``df``,
        ``learned``, ``marked``, ``entropy`` and ``domain`` in the score (default
        :data:`WEIGHTS`: 2, 2, 0, 0.5, 0.5, 1, 0, 0, 0.5; the first from a small grid on
        ``bench/discovery.py``, ``learned`` 1 where the hand-judged precision of both
        corpora did not fall at 50, ``domain`` 0.5 of 0, 0.25, 0.5, 1 and 2 by the
        hand-judged precision at 50 of both); missing keys weigh 0.
    rank : {"termhood", "rise"}
        ``termhood`` orders by ``score``; ``rise`` by how much more often a candidate
        occurs in the corpus than in the ``background`` (the time before a window): the
        smoothed log ratio of document shares of :func:`extract.trends.emerging.log_ratio`, as for
        emerging terms, times the everyday-word factor (``rise`` of each candidate); a
        candidate seen mostly inside a longer one (at least half of its occurrences;
        호르무즈 in 호르무즈 해협), or mostly inside phrases one unit longer of which one
        dominates (호르무즈 in 호르무즈 해협 and 호르무즈 봉쇄), is left out in favour of
        the longer one, which then rises as much as it does (see
        :func:`~extract.discovery.termhood.absorbed`), and a candidate followed by
        nouns of action or change (호르무즈 해협 봉쇄, also after a glossary form) is
        news about it, left out
        (see :func:`~extract.discovery.termhood.event_phrase`).
    max_keys : int or None
        Distinct candidates held in memory while reading (None: no limit). Past it the
        rarest are dropped (see :class:`~extract.discovery.candidates.CandidateCounts`):
        counts are then short by at most ``prune_threshold_`` documents, and every
        candidate in more documents than that is kept. The default holds about 150 MB
        at most (about 500 bytes a candidate on news), on top of Kiwi's model (about
        550 MB), and only the candidates in ``min_df`` documents are kept for ranking.

    Attributes
    ----------
    candidates_ : tuple of TermCandidate
        Best first (ties by key, so the order is deterministic).
    n_documents_, n_background_ : int
        Documents read from the corpus and from the background.
    n_keys_ : int
        Distinct candidates in at least ``min_df`` documents, before the cut.
    prune_threshold_ : int
        Most documents a dropped candidate had been seen in (0: nothing was dropped,
        every count is exact).

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="rate", term="금리")])
    >>> docs = ["정부가 반도체 특별법을 논의했다."] * 3 + ["금리와 반도체 특별법 전망."]
    >>> d = TermDiscoverer(glossary=g, min_df=2).fit(docs)
    >>> d.candidates_[0].phrase, d.candidates_[0].df
    ('반도체 특별법', 4)
    """

    def __init__(
        self,
        *,
        glossary: Glossary | None = None,
        min_df: int = 3,
        max_candidates: int = 200,
        background: Iterable[Document | str] | None = None,
        max_units: int = 5,
        n_examples: int = 3,
        fields: str | Sequence[str] | None = None,
        weights: Mapping[str, float] | None = None,
        rank: Literal["termhood", "rise"] = "termhood",
        max_keys: int | None = 300_000,
    ) -> None:
        self.glossary = glossary
        self.min_df = min_df
        self.max_candidates = max_candidates
        self.background = background
        self.max_units = max_units
        self.n_examples = n_examples
        self.fields = fields
        self.weights = weights
        self.rank = rank
        self.max_keys = max_keys

    def __repr__(self) -> str:
        return (
            f"TermDiscoverer(min_df={self.min_df!r}, max_candidates={self.max_candidates!r}, "
            f"max_units={self.max_units!r})"
        )

    def _check_params(self) -> dict[str, float]:
        for name, low in (
            ("min_df", 1),
            ("max_candidates", 1),
            ("max_units", 1),
            ("n_examples", 0),
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise ValueError(f"`{name}` should be an int >= {low}, got {value!r}")
        if self.glossary is not None and not isinstance(self.glossary, Glossary):
            raise TypeError(
                f"`glossary` should be a glossary.Glossary, got {type(self.glossary).__name__}"
            )
        if isinstance(self.background, (str, Document)):
            raise TypeError(
                "`background` should be an iterable of documents, got a single "
                f"{type(self.background).__name__}"
            )
        mk = self.max_keys
        if mk is not None and (isinstance(mk, bool) or not isinstance(mk, int) or mk < 2):
            raise ValueError(f"`max_keys` should be None or an int >= 2, got {mk!r}")
        if self.rank not in RANKS:
            raise ValueError(
                f"`rank` should be one of {', '.join(map(repr, RANKS))}, got {self.rank!r}"
            )
        weights = dict(WEIGHTS if self.weights is None else self.weights)
        bad = [k for k in weights if k not in WEIGHTS]
        if bad:
            raise ValueError(
                f"`weights` has unknown key {bad[0]!r}; valid keys: {', '.join(WEIGHTS)}"
            )
        if any(not isinstance(w, (int, float)) or w < 0 for w in weights.values()) or not any(
            weights.values()
        ):
            raise ValueError(f"`weights` should be numbers >= 0, not all 0, got {dict(weights)!r}")
        return weights

    def fit(
        self,
        docs: Iterable[Document | str],
        y: None = None,
        *,
        progress: Callable[[int], object] | None = None,
    ) -> TermDiscoverer:
        """Read ``docs`` (and the background) and rank their unknown noun phrases.

        Parameters
        ----------
        docs : iterable of corpus.Document or str
        y : None
            Ignored (scikit-learn convention).
        progress : callable, optional
            Called with the number of documents read, corpus then background.
        """
        weights = self._check_params()
        if isinstance(docs, (str, Document)):
            raise TypeError("`docs` should be an iterable of documents, got a single document")
        g = self.glossary
        if g is None:
            from glossary import default

            g = default()
        tagger = Tagger(g)
        known = known_keys(g) | bundled_names()
        target = CandidateCounts(
            tagger,
            known=known,
            max_units=self.max_units,
            n_examples=self.n_examples,
            max_keys=self.max_keys,
        )
        target.add(docs, self.fields, progress)
        vocab = sorted(k for k, n in target.df.items() if n >= self.min_df)
        # Ranking needs only these: the rest of the reading's memory goes before it.
        target.restrict(vocab)
        # The background only needs counts of the corpus's candidates: it is counted
        # for those alone, so a large background costs time but no memory.
        back = CandidateCounts(
            tagger,
            known=known,
            max_units=self.max_units,
            n_examples=0,
            mask=False,
            only=frozenset(vocab),
        )
        if self.background is not None:
            back.add(self.background, self.fields, progress)
        self.n_documents_ = len(target.doc_ids)
        self.n_background_ = len(back.doc_ids)
        self.prune_threshold_ = target.prune_threshold
        # Heads come from the plain analysis: the tagger's Kiwi knows every glossary
        # form as one word (소비자물가지수), so each term would be its own head.
        heads = _head_counts(g)
        self.candidates_, self.n_keys_ = _rank(
            target,
            back,
            vocab,
            heads,
            weights,
            self.max_candidates,
            tagger.kiwi,
            known,
            rise=self.rank == "rise",
            glossary=g,
            min_df=self.min_df,
        )
        return self


def _learned(
    target: CandidateCounts,
    vocab: list[str],
    units: list[tuple[str, ...]],
    df: Any,
    heads: Mapping[str, int],
    known: frozenset[str],
    glossary: Glossary,
    min_df: int,
) -> Any:
    """Cross-fitted termhood of each candidate of ``vocab``, learnt from the glossary
    forms of the corpus (see :mod:`extract.discovery.learned`)."""
    from extract.discovery.learned import known_units, learned_termhood, termhood_features

    kiwi = get_kiwi(all_names=True)
    # Everyday vocabulary the glossary holds for the box (금리, 매출: ``basic``) is not
    # what a new term looks like; nor are bundled names.
    basic = {t.id for t in glossary if t.basic}
    pos_keys = [
        k
        for k, n in sorted(target.known_df.items())
        if n >= min_df and target.known_terms[k][0] not in basic
    ]
    pos_units = known_units(glossary, kiwi, pos_keys)
    pos = [(k, u) for k, u in zip(pos_keys, pos_units, strict=True) if u is not None]
    all_units = [u for _, u in pos] + list(units)
    phrases = [target.known_terms[k][1] for k, _ in pos] + [target.phrase(k) for k in vocab]
    known_df = target.known_df
    dfs = [known_df[k] for k, _ in pos] + [int(n) for n in df]
    # Each known_* property builds its mapping anew: once each, not once a form.
    k_glosses, k_marked = target.known_glosses, target.known_marked_df
    k_entropy = target.known_entropy
    x = termhood_features(
        all_units,
        phrases,
        dfs,
        heads,
        kiwi,
        known,
        own_head=[True] * len(pos) + [False] * len(vocab),
        glossed=[k_glosses[k] for k, _ in pos] + [target.glosses[k] for k in vocab],
        # Documents, not occurrences: one text that repeats its quote marks it once.
        marked=[k_marked[k] for k, _ in pos] + [target.marked_df[k] for k in vocab],
        entropy=[k_entropy[k] for k, _ in pos] + [target.entropy[k] for k in vocab],
        tf=dfs,
    )
    return learned_termhood(x[: len(pos)], x[len(pos) :])


def _one_word(phrase: str) -> str | None:
    return None if " " in phrase else phrase


def _head_counts(glossary: Glossary) -> dict[str, int]:
    """:func:`head_counts` over the plain analysis, kept in the on-disk cache for a large
    glossary: reading each of its forms with kiwipiepy took 4 of the 15 seconds a
    discover run over the bundled glossary took, on any input."""
    if len(glossary) < CACHE_MIN_TERMS:
        return head_counts(glossary, get_kiwi(all_names=True))
    import kiwipiepy

    parts: list[bytes | str] = [
        glossary.content_hash(),
        source_key("extract.discovery.termhood", "extract.discovery.phrases"),
        str(getattr(kiwipiepy, "__version__", "")),
    ]
    return cached("discovery-heads", parts, lambda: head_counts(glossary, get_kiwi(all_names=True)))


def _rank(
    target: CandidateCounts,
    back: CandidateCounts,
    vocab: list[str],
    heads: Mapping[str, int],
    weights: Mapping[str, float],
    top: int,
    kiwi: Any,
    known: frozenset[str],
    *,
    rise: bool = False,
    glossary: Glossary | None = None,
    min_df: int = 1,
) -> tuple[tuple[TermCandidate, ...], int]:
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfTransformer

    if not vocab:  # no documents, or no candidate in min_df documents
        return (), 0
    index = {k: i for i, k in enumerate(vocab)}
    xt = target.matrix(index)
    stacked = xt
    back_df = np.zeros(xt.shape[1])
    if back.doc_ids:
        xb = back.matrix(index)
        back_df = np.asarray((xb > 0).sum(axis=0)).ravel()
        stacked = sp.vstack([xt, xb]).tocsr()
    tfidf = TfidfTransformer(sublinear_tf=True).fit(stacked).transform(xt)
    df = np.asarray((xt > 0).sum(axis=0)).ravel()
    tf = np.asarray(xt.sum(axis=0)).ravel()
    mean_tfidf = np.asarray(tfidf.sum(axis=0)).ravel() / df
    units = [target.units[k] for k in vocab]
    cv = np.array(c_values(tf.tolist(), units, index))
    head = np.array([heads.get(u[-1].lower(), 0) for u in units])
    # Documents that mark it, against documents it is in: a term is introduced again
    # in many texts; one text that repeats its quote marks it once.
    marked = np.array([target.marked_df[k] for k in vocab], dtype=float)
    entropy = np.array([min(target.entropy[k]) for k in vocab])
    parts = {
        "marked": marked_scores(marked, df),
        "entropy": entropy,
        "c_value": cv,
        "head_terms": head_shares(head, units),
        "modifier": modifier_shares(units),
        "tfidf": mean_tfidf,
        "df": df,
        "domain": target.domain(xt),
    }
    if weights.get("learned") and glossary is not None:
        parts["learned"] = _learned(target, vocab, units, df, heads, known, glossary, min_df)
    total = sum(weights.values())
    log_score = sum(w * np.log(_percentiles(parts[k])) for k, w in weights.items() if w)
    cache: dict[str, bool] = {}
    # Units written apart (서울 아파트) make a phrase; written as one word, a compound.
    spaced = [target.phrase(k).split() == list(u) for k, u in zip(vocab, units, strict=True)]
    generic = np.array(
        [
            generic_factor(u, kiwi, known, cache, spaced=sp, word=_one_word(target.phrase(k)))
            for k, u, sp in zip(vocab, units, spaced, strict=True)
        ]
    )
    names = sorted(bundled_names())
    short = np.array([shortened_name(form_key(k, case_sensitive=False), names) for k in vocab])
    generic = np.where(short, np.minimum(generic, GENERIC_FACTORS[0]), generic)
    # The name of a column or section ([ETF 줌인]) heads texts; it is not used in them.
    labels = np.array([target.labels[k] for k in vocab])
    generic = np.where(labels >= LABEL_SHARE * tf, np.minimum(generic, GENERIC_FACTORS[0]), generic)
    # A phrase that tells what happened to a candidate or a known term (스페이스X 상장,
    # 호르무즈 해협 봉쇄) is news about it, not a term: by termhood, written apart, it
    # scores a quarter,
    # by rise it goes (below).
    events = [event_phrase(u, index, known, kiwi, cache) for u in units]
    # Written as one word (위해성평가), the compound names a thing: news is written apart.
    news = [e and s for e, s in zip(events, spaced, strict=True)]
    generic = np.where(news, np.minimum(generic, GENERIC_FACTORS[0]), generic)
    score = np.exp(log_score / total) * generic
    rises = np.zeros(len(vocab))
    order_by = score
    if rise:
        from extract.trends.emerging import log_ratio

        raw = log_ratio(df, len(target.doc_ids), back_df, len(back.doc_ids))
        # An everyday word that rises (봉쇄, 급등) is news, not a new term: it keeps its
        # factor, and a fall stays a fall.
        rises = np.where(raw > 0, raw * generic, raw)
        order_by = rises
    kept = [
        i
        for i, (k, u) in enumerate(zip(vocab, units, strict=True))
        if not contracted_particle(u, target.phrase(k), kiwi, cache)
    ]
    if rise:
        # A rising fragment seen mostly inside a longer candidate (호르무즈 in 호르무즈
        # 해협) is not proposed: the longer one is. (By termhood, C-value already ranks
        # such fragments down.)
        # A phrase that tells what happened to a candidate (호르무즈 해협 봉쇄) is news
        # about it: it goes, and absorbs nothing.
        whole = absorbed(tf.tolist(), units, index, absorbers=[not e for e in events])
        # The whole name stands for its fragment's occurrences too (호르무즈 is how
        # headlines shorten 호르무즈 해협), so it rises as much as the fragment does.
        # (The fragment's own factor is not the name's: 호르무즈 alone reads as a name.)
        for a, b in enumerate(whole):
            if b is not None and raw[a] * generic[b] > rises[b]:
                rises[b] = raw[a] * generic[b]
        kept = [i for i in kept if whole[i] is None and not events[i]]
    order = sorted(kept, key=lambda i: (-order_by[i], -score[i], vocab[i]))[:top]
    out = tuple(
        TermCandidate(
            phrase=target.phrase(vocab[i]),
            key=vocab[i],
            score=round(float(score[i]), 6),
            df=int(df[i]),
            tf=int(tf[i]),
            c_value=round(float(cv[i]), 4),
            tfidf=round(float(mean_tfidf[i]), 6),
            head_terms=int(head[i]),
            examples=target.evidence(vocab[i]),
            rise=round(float(rises[i]), 4),
        )
        for i in order
    )
    return out, len(vocab)
