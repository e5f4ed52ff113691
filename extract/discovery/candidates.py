"""Collect noun-phrase candidates from a corpus: counts, spellings, nesting and evidence."""

from __future__ import annotations

import re
from array import array
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

from corpus import Document
from extract.box.examples import is_boilerplate, snippet
from extract.discovery.junk import NOUN_TAGS, string_junk_reason
from extract.discovery.marked import (
    N_BUCKETS,
    bucket_entropy,
    context_buckets,
    glossed_at,
    marked_at,
    quote_spans,
)
from extract.discovery.phrases import noun_runs, run_spans
from extract.discovery.records import Evidence
from extract.engine.analyzer import get_kiwi
from extract.engine.tagger import Tagger
from glossary import Glossary, form_key

__all__ = ["CandidateCounts", "iter_texts", "known_keys"]

_EVIDENCE_WIDTH = 160
# A bracketed tag: a column, series or section name ([ETF 줌인], [차이나 워치], <시사점>).
# Round brackets are left out: a term's acronym or English name is written in them.
_BRACKETED = re.compile(r"[\[【〔<〈《][^\[\]【】〔〕<>〈〉《》\n]{1,100}[\]】〕>〉》]")
# A gloss right after a phrase: its English name or Hanja in round brackets.
# Junk reasons of a unit that rule out every phrase holding it.
_STOP_REASONS = frozenset({"number", "amount", "date", "unit", "symbol"})
# Morphemes a quoted coinage may be made of ('오천피': 오천/NR + 피/NNG, '한빛-나노');
# a verb, ending, particle or adverb makes the quote a sentence or an exclamation.
_QUOTED_TAGS = NOUN_TAGS | {"NR", "NNB", "SO", "SW"}
_QUOTED_CORE = frozenset({"NNG", "NNP", "SL"})
_WORD = re.compile(r"\S+")


def iter_texts(
    docs: Iterable[Document | str], fields: str | Sequence[str] | None = None
) -> Iterator[tuple[int, str, str, str]]:
    """``(position, doc_id, field, text)`` for every non-empty text field of ``docs``
    (a string is a document with its position as id and the field ``text``)."""
    for i, doc in enumerate(docs):
        if isinstance(doc, str):
            pairs: Iterable[tuple[str, str]] = [("text", doc)]
            doc_id = str(i)
        elif isinstance(doc, Document):
            pairs, doc_id = doc.texts(fields), doc.id
        else:
            raise TypeError(
                f"documents should be corpus.Document or str, got {type(doc).__name__} "
                f"at position {i}"
            )
        for name, text in pairs:
            if text and not text.isspace():
                yield i, doc_id, name, text


def known_keys(glossary: Glossary) -> frozenset[str]:
    """Loose keys (spacing and case ignored) of every form and exclude word in ``glossary``."""
    keys = set()
    for term in glossary:
        for form in (*term.forms, *term.exclude):
            keys.add(form_key(form, case_sensitive=False))
    return frozenset(keys)


class CandidateCounts:
    """Candidates in one corpus, keyed by :func:`glossary.form_key`, counted as a stream.

    Memory grows with the distinct candidates, not with the corpus: each held
    candidate is a slot in flat arrays (counts, spellings, units, evidence; about 600
    bytes with the reading's caches), occurrences are slots in one flat array (not one
    string per occurrence; those of dropped candidates are dropped too), and when
    more than ``max_keys`` distinct candidates are held, the rarest (by document
    frequency) are dropped until at most three quarters are left (size-triggered lossy counting).
    A candidate is dropped at threshold ``t`` when its count plus the documents it may
    have missed before it was last taken in (the threshold in force then) is at most
    ``t``; if it comes back it is counted from zero, so every count is short by at most
    :attr:`prune_threshold` (the largest ``t`` used; 0 when nothing was dropped), however
    often it was dropped, and every candidate in more than that many documents is kept.

    Parameters
    ----------
    tagger : Tagger
        Its kiwipiepy instance analyses the texts; its mentions are masked when
        ``mask`` is true (a candidate inside or across a mention is not counted).
    known : frozenset of str
        Loose keys of forms that are not candidates (see :func:`known_keys`).
    max_units : int
        Longest candidate, in units (see :mod:`extract.discovery.phrases`).
    n_examples : int
        Evidence sentences kept per candidate (0 keeps no texts in memory).
    mask : bool
        Whether glossary mentions are masked.
    max_keys : int or None
        Distinct candidates held before the rarest are dropped (None: never).
    only : collection of str, optional
        Count only these keys (a background is counted only for the target's
        candidates, so it costs no memory of its own).

    Examples
    --------
    >>> from glossary import Glossary, Term
    >>> from extract.engine.tagger import Tagger
    >>> c = CandidateCounts(Tagger(Glossary([Term(id="r", term="금리")])), known=frozenset(),
    ...                     max_units=3, n_examples=0, max_keys=4)
    >>> c.add(["반도체 특별법"] * 3 + ["동결", "항목"])
    >>> sorted(c.df.items()), c.prune_threshold
    ([('반도체', 3), ('반도체특별법', 3), ('특별법', 3)], 1)
    """

    def __init__(
        self,
        tagger: Tagger,
        *,
        known: frozenset[str],
        max_units: int,
        n_examples: int,
        mask: bool = True,
        max_keys: int | None = None,
        only: Collection[str] | None = None,
    ) -> None:
        self.tagger = tagger
        self.known = known
        self.max_units = max_units
        self.n_examples = n_examples
        self.mask = mask
        self.max_keys = max_keys
        self.only = only
        self.doc_ids: list[str] = []
        # One slot per held candidate, numbered 0..n-1 (renumbered when some are
        # dropped), its data in flat arrays and lists by slot: a dict, a Counter and
        # a list of tuples per candidate cost about a kilobyte each, most of the
        # memory of a large corpus (hundreds of thousands of one-off phrases).
        self._id: dict[str, int] = {}
        self._tf = array("i")
        self._df = array("i")
        self._last = array("i")  # the last document counted in df
        self._label = array("i")  # occurrences inside a bracketed tag
        self._gloss = array("i")  # occurrences glossed in brackets (see glosses)
        self._marked = array("i")  # occurrences marked as a term (see marked)
        self._marked_df = array("i")  # documents with a marked occurrence (see marked_df)
        self._marked_last = array("i")  # the last document counted in marked_df
        # Left then right context buckets, N_BUCKETS each, per slot (see entropy).
        self._ctx = array("H")
        # Documents a candidate may have had before it was (last) held: the threshold in
        # force when it came (back). Pruning tests df + this, so a candidate dropped,
        # seen again and dropped again never loses more than the threshold in all.
        self._missed = array("i")
        # The one spelling seen so far (its count is tf), or a Counter once a second
        # spelling comes.
        self._surfaces: list[str | Counter[str]] = []
        self._units: list[str | tuple[str, ...]] = []  # _SEP-joined when possible
        # Per slot, None or the evidence as runs of 6 ints: document, text, sentence
        # start and end, phrase start and end.
        self._examples: list[array[int] | None] = []
        # Occurrences as slots, document by document (CSR layout).
        self._occ = array("i")
        self._indptr = array("q", [0])
        self.texts: dict[int, str] = {}
        self.prune_threshold = 0
        self._n_texts = 0
        self._text_idx = -1  # number of the text being read in texts, once it is kept
        self._junk: dict[str, bool] = {}
        self._stop: dict[str, bool] = {}
        # Glossary forms met (masked mentions), by loose key: [tf, df, last document,
        # glossed occurrences, marked occurrences, the 2 * N_BUCKETS context buckets,
        # documents with a marked occurrence, the last of them], and their term id and
        # spelling. Bounded by the glossary's forms,
        # not the corpus.
        self._known_counts: dict[str, list[int]] = {}
        # Per document: glossary mentions (of terms that are not everyday words) and
        # noun runs, for how much of its vocabulary the glossary's domain is.
        self._basic = frozenset(t.id for t in tagger.glossary if t.basic)
        self._doc_known = 0
        self._doc_runs = 0
        self._domain_known = array("i")
        self._domain_all = array("i")
        self._known_terms: dict[str, tuple[str, str]] = {}

    @property
    def known_df(self) -> Mapping[str, int]:
        """Documents each glossary form met in the text occurs in (masked mentions,
        by loose key; only when ``mask``): the known terms of this corpus, which
        :mod:`extract.discovery.learned` learns what a term looks like from."""
        return {k: v[1] for k, v in self._known_counts.items()}

    @property
    def known_tf(self) -> Mapping[str, int]:
        """Occurrences of each glossary form of :attr:`known_df`."""
        return {k: v[0] for k, v in self._known_counts.items()}

    @property
    def known_glosses(self) -> Mapping[str, int]:
        """Occurrences of each glossary form of :attr:`known_df` glossed in brackets (see
        :attr:`glosses`)."""
        return {k: v[3] for k, v in self._known_counts.items()}

    @property
    def known_marked(self) -> Mapping[str, int]:
        """Occurrences of each glossary form of :attr:`known_df` marked as a term (see
        :attr:`marked`)."""
        return {k: v[4] for k, v in self._known_counts.items()}

    @property
    def known_marked_df(self) -> Mapping[str, int]:
        """Documents in which each glossary form of :attr:`known_df` is marked as a term."""
        return {k: v[-2] for k, v in self._known_counts.items()}

    @property
    def known_entropy(self) -> Mapping[str, tuple[float, float]]:
        """Left and right context entropy of each glossary form of :attr:`known_df` (see
        :attr:`entropy`)."""
        return {
            k: (
                bucket_entropy(v[5 : 5 + N_BUCKETS]),
                bucket_entropy(v[5 + N_BUCKETS : 5 + 2 * N_BUCKETS]),
            )
            for k, v in self._known_counts.items()
        }

    @property
    def known_terms(self) -> Mapping[str, tuple[str, str]]:
        """``(term id, spelling)`` of each glossary form of :attr:`known_df`."""
        return self._known_terms

    @property
    def df(self) -> Mapping[str, int]:
        """Documents each held candidate occurs in, by key."""
        return _Column(self._id, lambda i: self._df[i])

    @property
    def tf(self) -> Mapping[str, int]:
        """Occurrences of each held candidate, by key."""
        return _Column(self._id, lambda i: self._tf[i])

    @property
    def labels(self) -> Mapping[str, int]:
        """Occurrences of each held candidate inside a bracketed tag ([ETF 줌인]: the name
        of a column or section, not running text), by key."""
        return _Column(self._id, lambda i: self._label[i])

    @property
    def glosses(self) -> Mapping[str, int]:
        """Occurrences of each held candidate followed by a gloss in round brackets that
        starts with Latin letters or Hanja (위해성평가(risk assessment), 수가(酬價)): how
        a text introduces a term, by key."""
        return _Column(self._id, lambda i: self._gloss[i])

    @property
    def marked(self) -> Mapping[str, int]:
        """Occurrences of each held candidate that a writer marked as a term: quoted
        whole, glossed in brackets (X(English), English(X)), defined (X란, X는 …을
        말한다, X라는 신조어) or announced (이른바 X); see
        :func:`~extract.discovery.marked.marked_at`."""
        return _Column(self._id, lambda i: self._marked[i])

    @property
    def marked_df(self) -> Mapping[str, int]:
        """Documents in which each held candidate is marked as a term (see :attr:`marked`):
        a term is introduced again in many texts, an emphasis is one writer's."""
        return _Column(self._id, lambda i: self._marked_df[i])

    @property
    def entropy(self) -> Mapping[str, tuple[float, float]]:
        """Left and right context entropy (nats) of each held candidate, over the two
        characters before and after its occurrences hashed into
        :data:`~extract.discovery.marked.N_BUCKETS` buckets: low when it always meets the
        same neighbour (호르무즈 before 해협), a fragment of a fixed phrase."""
        b = N_BUCKETS

        def get(i: int) -> tuple[float, float]:
            row = self._ctx[2 * b * i : 2 * b * (i + 1)]
            return bucket_entropy(row[:b]), bucket_entropy(row[b:])

        return _Column(self._id, get)

    @property
    def units(self) -> Mapping[str, tuple[str, ...]]:
        """The units (nouns with their affixes) of each candidate's first occurrence."""
        return _Column(self._id, lambda i: _split_units(self._units[i]))

    @property
    def examples(self) -> Mapping[str, list[tuple[int, ...]]]:
        """Evidence of the candidates that have some: ``(document, text, sentence start,
        sentence end, start, end)`` tuples."""
        held = (
            {k: i for k, i in self._id.items() if self._examples[i] is not None}
            if (self._examples)
            else {}
        )
        return _Column(held, lambda i: _records(self._examples[i]))

    def add(
        self,
        docs: Iterable[Document | str],
        fields: str | Sequence[str] | None = None,
        progress: Callable[[int], object] | None = None,
    ) -> None:
        """Analyse ``docs`` and add their candidates."""
        meta: deque[tuple[int, str, str]] = deque()

        def texts() -> Iterator[str]:
            last = -1
            for pos, doc_id, _field, text in iter_texts(docs, fields):
                if progress is not None and last >= 0 and pos != last:
                    progress(pos - last)
                last = pos
                meta.append((pos, doc_id, text))
                yield text
            if progress is not None and last >= 0:
                progress(1)

        current = -1
        get_kiwi(all_names=True)  # a multi-word name is one unit, never a candidate
        for sents in self.tagger.kiwi.split_into_sents(texts(), return_tokens=True):
            pos, doc_id, text = meta.popleft()
            if pos != current:
                current = pos
                self._end_doc()
                self.doc_ids.append(doc_id)
            self._add_text(text, sents)
        self._end_doc()

    def _end_doc(self) -> None:
        if len(self._indptr) <= len(self.doc_ids):
            self._indptr.append(len(self._occ))
            self._domain_known.append(self._doc_known)
            self._domain_all.append(self._doc_known + self._doc_runs)
            self._doc_known = self._doc_runs = 0
            if self.max_keys is not None and len(self._id) > self.max_keys:
                self.prune(self.max_keys * 3 // 4)

    def prune(self, size: int) -> None:
        """Drop the rarest candidates (fewest documents) until at most ``size`` are left."""
        if len(self._id) <= size:
            return
        bound = [n + m for n, m in zip(self._df, self._missed, strict=True)]
        by_bound = Counter(bound)
        left, t = len(self._id), 0
        while left > size:
            t += 1
            left -= by_bound.get(t, 0)
        self.prune_threshold = max(self.prune_threshold, t)
        self._keep([b > t for b in bound])

    def restrict(self, keys: Collection[str]) -> None:
        """Keep only the candidates ``keys`` (and drop the caches of the reading).

        What ranking needs is the counts of the candidates in ``min_df`` documents: the
        rest are dropped before it, with their spellings, units and evidence.
        """
        wanted = keys if isinstance(keys, (set, frozenset, dict)) else set(keys)
        self._keep([k in wanted for k in self._id])
        self._junk, self._stop = {}, {}

    def _keep(self, keep: Sequence[bool]) -> None:
        """Keep the slots where ``keep`` is true, renumbered in order; their
        occurrences, spellings, units, evidence and texts; nothing else."""
        import numpy as np

        mask = np.asarray(keep, dtype=bool)
        slots = np.full(len(mask), -1, dtype=np.int32)
        slots[mask] = np.arange(int(mask.sum()), dtype=np.int32)
        self._id = {k: int(slots[i]) for k, i in self._id.items() if mask[i]}
        for name in (
            "_tf",
            "_df",
            "_last",
            "_label",
            "_gloss",
            "_marked",
            "_marked_df",
            "_marked_last",
            "_missed",
        ):
            old = np.frombuffer(getattr(self, name), dtype=np.int32)
            setattr(self, name, _int_array("i", old[mask]))
            del old  # a view blocks appending to the array
        if len(self._ctx):
            ctx = np.frombuffer(self._ctx, dtype=np.uint16).reshape(-1, 2 * N_BUCKETS)
            kept = ctx[mask]
            del ctx
            self._ctx = _int_array("H", kept)
        self._surfaces = [v for v, k in zip(self._surfaces, keep, strict=True) if k]
        self._units = [v for v, k in zip(self._units, keep, strict=True) if k]
        if self._examples:
            self._examples = [v for v, k in zip(self._examples, keep, strict=True) if k]
        # Occurrences of dropped candidates go too, so the array grows with the
        # occurrences of held candidates only; renumbered in place, a block at a time
        # (whole-array temporaries would cost 20 bytes an occurrence at every prune).
        if len(self._occ):
            occ = np.frombuffer(self._occ, dtype=np.int32)
            n, indptr = _renumber(occ, slots, np.frombuffer(self._indptr, dtype=np.int64), occ)
            del occ  # a view blocks resizing the array
            del self._occ[n:]
            self._indptr = _int_array("q", indptr)
        if self.texts:
            used = {i for ex in self._examples if ex is not None for i in ex[1::6]}
            self.texts = {i: t for i, t in self.texts.items() if i in used}

    def matrix(self, keys: Mapping[str, int]) -> Any:
        """Documents x ``keys`` counts (a SciPy CSR matrix), columns as ``keys`` numbers them."""
        import numpy as np
        import scipy.sparse as sp

        col = np.full(len(self._tf), -1, dtype=np.int32)
        for key, j in keys.items():
            i = self._id.get(key)
            if i is not None:
                col[i] = j
        occ = np.frombuffer(self._occ, dtype=np.int32) if len(self._occ) else np.zeros(0, np.int32)
        # Built as CSR from the document offsets: a COO matrix would need a row
        # number (8 bytes) for every occurrence.
        indices = np.empty(len(occ), dtype=np.int32)
        n, indptr = _renumber(occ, col, np.asarray(self._indptr, dtype=np.int64), indices)
        del occ
        indices = indices[:n].copy() if n < len(indices) else indices
        out = sp.csr_matrix(
            (np.ones(n), indices, indptr),
            shape=(len(self.doc_ids), len(keys)),
        )
        out.sum_duplicates()
        return out

    def domain(self, counts: Any) -> Any:
        """The glossary's share of the vocabulary of the documents each column of
        ``counts`` (documents x candidates) occurs in: mentions of terms that are not
        everyday words against those and all noun runs, pooled over the documents (a
        headline has a handful of noun runs: a mean of its shares would be noise)."""
        import numpy as np

        has = (counts > 0).T.astype(float)
        known = has @ np.frombuffer(self._domain_known, dtype=np.int32).astype(float)
        total = has @ np.frombuffer(self._domain_all, dtype=np.int32).astype(float)
        return np.asarray(known).ravel() / np.maximum(np.asarray(total).ravel(), 1)

    def _is_junk(self, surface: str) -> bool:
        junk = self._junk.get(surface)
        if junk is None:
            key = form_key(surface, case_sensitive=False)
            junk = key in self.known or string_junk_reason(surface) is not None
            if len(self._junk) < 200_000:
                self._junk[surface] = junk
        return junk

    def _is_stop(self, unit: str) -> bool:
        stop = self._stop.get(unit)
        if stop is None:
            stop = string_junk_reason(unit) in _STOP_REASONS
            if len(self._stop) < 200_000:
                self._stop[unit] = stop
        return stop

    def _add_text(self, text: str, sents: Sequence[Any]) -> None:
        mentions = []
        doc_idx = len(self.doc_ids) - 1
        quotes = frozenset(quote_spans(text))
        if self.mask:
            for m in self.tagger.tag(text):
                mentions.append((m.start, m.end))
                if m.term_id not in self._basic:
                    self._doc_known += 1
                self._count_known(m.surface, m.term_id, doc_idx, text, m.start, m.end, quotes)
        tags = [m.span() for m in _BRACKETED.finditer(text)]
        self._text_idx = -1
        for sent in sents:
            seen: set[tuple[int, int]] = set()
            for run in noun_runs(sent.tokens, text):
                self._doc_runs += 1
                # A number, unit or time word inside a phrase makes it a fragment of a
                # sentence (시총 3, 지난해 영업이익), never a term: spans stop at it.
                stops = [self._is_stop(text[u.start : u.end]) for u in run]
                # A time word Kiwi reads as two nouns (다음+주) stops as the whole word.
                i = 0
                while i < len(run):
                    j = i + 1
                    while j < len(run) and run[j].glued_before:
                        j += 1
                    if j - i > 1 and self._is_stop(text[run[i].start : run[j - 1].end]):
                        stops[i:j] = [True] * (j - i)
                    i = j
                for i, j in run_spans(run, self.max_units):
                    if j - i > 1 and any(stops[i:j]):
                        continue
                    start, end = run[i].start, run[j - 1].end
                    seen.add((start, end))
                    self._occurrence(
                        text,
                        start,
                        end,
                        mentions,
                        doc_idx,
                        sent,
                        tags,
                        quotes,
                        run[i:j],
                    )
            # A quoted coinage is a candidate even where the noun runs split it
            # ('오천피': a numeral and a noun): its words are its units.
            for qs, qe in quotes:
                if sent.start <= qs and qe <= sent.end and (qs, qe) not in seen:
                    spans = [(m.start(), m.end()) for m in _WORD.finditer(text, qs, qe)]
                    words = [text[a:b] for a, b in spans]
                    # A number or time word inside stops it, as it stops a noun run.
                    if len(words) > 1 and any(map(self._is_stop, words)):
                        continue
                    if len(words) <= self.max_units and _quoted_phrase(sent.tokens, qs, qe):
                        self._occurrence(
                            text,
                            qs,
                            qe,
                            mentions,
                            doc_idx,
                            sent,
                            tags,
                            quotes,
                            spans,
                        )

    def _occurrence(
        self,
        text: str,
        start: int,
        end: int,
        mentions: list[tuple[int, int]],
        doc_idx: int,
        sent: Any,
        tags: list[tuple[int, int]],
        quotes: frozenset[tuple[int, int]],
        units: Sequence[tuple[int, ...]],
    ) -> None:
        """Count the candidate ``text[start:end]``, if it is one; ``units`` are the
        spans (start and end first) of its units."""
        if mentions and any(
            s < end and start < e and not (start <= s and e <= end) for s, e in mentions
        ):
            return  # part of a known term, or straddling one
        raw = text[start:end]
        surface = " ".join(raw.split()) if "\n" in raw or "  " in raw else raw
        key = form_key(surface)
        if self.only is not None and key not in self.only:
            return
        if self._is_junk(surface):
            return
        kid = self._id.get(key)
        if kid is None:
            kid = self._id[key] = len(self._tf)
            self._tf.append(0)
            self._df.append(0)
            self._last.append(-1)
            self._label.append(0)
            self._gloss.append(0)
            self._marked.append(0)
            self._marked_df.append(0)
            self._marked_last.append(-1)
            self._ctx.extend(_ZERO_CTX)
            self._missed.append(self.prune_threshold)
            # The key object itself when equal: one string, not two.
            self._surfaces.append(key if surface == key else surface)
            self._units.append(_join_units([text[u[0] : u[1]] for u in units]))
            if self.n_examples:
                self._examples.append(None)
        self._occ.append(kid)
        seen = self._surfaces[kid]
        if isinstance(seen, str):
            if seen != surface:
                self._surfaces[kid] = Counter({seen: self._tf[kid], surface: 1})
        else:
            seen[surface] += 1
        self._tf[kid] += 1
        if tags and any(s <= start and end <= e for s, e in tags):
            self._label[kid] += 1
        glossed = glossed_at(text, end)
        if glossed:
            self._gloss[kid] += 1
        if glossed or marked_at(text, start, end, quotes):
            self._marked[kid] += 1
            if self._marked_last[kid] != doc_idx:
                self._marked_last[kid] = doc_idx
                self._marked_df[kid] += 1
        left, right = context_buckets(text, start, end)
        _add_context(self._ctx, 2 * N_BUCKETS * kid, left, right)
        if self._last[kid] != doc_idx:
            self._last[kid] = doc_idx
            self._df[kid] += 1
        if self.n_examples:
            ex = self._examples[kid]
            if ex is None or (len(ex) < 6 * self.n_examples and ex[-6] != doc_idx):
                if self._text_idx < 0:
                    self._text_idx = self._n_texts
                    self._n_texts += 1
                    self.texts[self._text_idx] = text
                record = (doc_idx, self._text_idx, sent.start, sent.end, start, end)
                if ex is None:
                    self._examples[kid] = array("i", record)
                else:
                    ex.extend(record)

    def _count_known(
        self,
        surface: str,
        term_id: str,
        doc_idx: int,
        text: str,
        start: int,
        end: int,
        quotes: frozenset[tuple[int, int]],
    ) -> None:
        key = form_key(surface, case_sensitive=False)
        counts = self._known_counts.get(key)
        if counts is None:
            counts = self._known_counts[key] = [0, 0, -1, 0, 0, *_ZERO_CTX, 0, -1]
            self._known_terms[key] = (term_id, " ".join(surface.split()))
        counts[0] += 1
        glossed = glossed_at(text, end)
        counts[3] += glossed
        if glossed or marked_at(text, start, end, quotes):
            counts[4] += 1
            if counts[-1] != doc_idx:
                counts[-1] = doc_idx
                counts[-2] += 1
        left, right = context_buckets(text, start, end)
        _add_context(counts, 5, left, right)
        if counts[2] != doc_idx:
            counts[1] += 1
            counts[2] = doc_idx

    def phrase(self, key: str) -> str:
        """The most frequent spelling of ``key`` (ties: the first in sort order)."""
        seen = self._surfaces[self._id[key]]
        if isinstance(seen, str):
            return seen
        return min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    def evidence(self, key: str) -> tuple[Evidence, ...]:
        out = []
        ex = self._examples[self._id[key]] if self._examples else None
        for doc_idx, text_idx, ss, se, start, end in _records(ex):
            sentence = self.texts[text_idx][ss:se]
            if is_boilerplate(sentence):
                continue
            cut, _, _ = snippet(sentence, start - ss, end - ss, width=_EVIDENCE_WIDTH)
            out.append(Evidence(self.doc_ids[doc_idx], " ".join(cut.split())))
        return tuple(out)


# Joins a candidate's units into one string (a tuple of strings costs three times
# as much); no noun holds this control character, and a unit that did would be kept
# as a tuple.
_SEP = "\x1f"


def _join_units(units: list[str]) -> str | tuple[str, ...]:
    if any(_SEP in u for u in units):
        return tuple(units)
    return _SEP.join(units)


def _split_units(units: str | tuple[str, ...]) -> tuple[str, ...]:
    return units if isinstance(units, tuple) else tuple(units.split(_SEP))


_ZERO_CTX = (0,) * (2 * N_BUCKETS)
_CAP = 0xFFFF


def _add_context(ctx: Any, at: int, left: int, right: int) -> None:
    """Count one occurrence's ``left`` and ``right`` buckets into the row at ``at``."""
    for side, b in ((0, left), (N_BUCKETS, right)):
        i = at + side + b
        if ctx[i] >= _CAP:
            # Halve the side (its shape is what matters) rather than overflow 16 bits.
            for j in range(at + side, at + side + N_BUCKETS):
                ctx[j] //= 2
        ctx[i] += 1


def _quoted_phrase(tokens: Sequence[Any], start: int, end: int) -> bool:
    """Whether the quoted ``start:end`` is a phrase of nouns, as analysed in ``tokens``
    (a name or coinage), not words of a sentence or an exclamation ('우르르')."""
    inside = []
    for t in tokens:
        ts, te = t.start, t.start + t.len
        if te <= start or ts >= end:
            continue
        if ts < start or te > end:
            return False  # a morpheme across the quote: not a phrase of its own
        inside.append(t)
    if not inside or inside[0].start != start or inside[-1].start + inside[-1].len != end:
        return False
    return all(t.tag in _QUOTED_TAGS for t in inside) and any(t.tag in _QUOTED_CORE for t in inside)


def _records(ex: array[int] | None) -> list[tuple[int, ...]]:
    if ex is None:
        return []
    return [tuple(ex[i : i + 6]) for i in range(0, len(ex), 6)]


_BLOCK = 1 << 20


def _renumber(occ: Any, slots: Any, indptr: Any, out: Any) -> tuple[int, Any]:
    """Write ``slots[occ]`` into ``out`` (which may be ``occ`` itself), leaving out
    the -1s, a block at a time; return how many were written and the new document
    offsets (``indptr``: where each document's occurrences start and end)."""
    import numpy as np

    new = np.zeros(len(indptr), dtype=np.int64)
    written = 0
    for lo in range(0, len(occ), _BLOCK):
        hi = min(lo + _BLOCK, len(occ))
        block = slots[occ[lo:hi]]
        held = block >= 0
        kept_before = np.cumsum(held)
        # Documents ending inside this block: lo < end <= hi.
        a, b = np.searchsorted(indptr, [lo + 1, hi + 1])
        new[a:b] = written + kept_before[indptr[a:b] - lo - 1]
        block = block[held]
        # In place is safe: what is written never passes what has been read.
        out[written : written + len(block)] = block
        written += len(block)
    return written, new


def _int_array(typecode: str, values: Any) -> array[int]:
    out = array(typecode)
    out.frombytes(values.tobytes())
    return out


class _Column(Mapping[str, Any]):
    """A read-only view, by key, of one per-slot column of :class:`CandidateCounts`."""

    def __init__(self, ids: dict[str, int], get: Callable[[int], Any]) -> None:
        self._ids = ids
        self._get = get

    def __getitem__(self, key: str) -> Any:
        return self._get(self._ids[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)
