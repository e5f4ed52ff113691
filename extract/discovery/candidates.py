"""Collect noun-phrase candidates from a corpus: counts, spellings, nesting and evidence."""

from __future__ import annotations

from array import array
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

from corpus import Document
from extract.box.examples import is_boilerplate, snippet
from extract.discovery.junk import string_junk_reason
from extract.discovery.phrases import noun_runs, run_spans
from extract.discovery.records import Evidence
from extract.engine.tagger import Tagger
from glossary import Glossary, form_key

__all__ = ["CandidateCounts", "iter_texts", "known_keys"]

_EVIDENCE_WIDTH = 160
# Junk reasons of a unit that rule out every phrase holding it.
_STOP_REASONS = frozenset({"number", "amount", "date", "unit", "symbol"})


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

    Memory grows with the distinct candidates, not with the corpus: occurrences are
    kept as integer ids in one flat array (not one string per occurrence), and when
    more than ``max_keys`` distinct candidates are held, the rarest (by document
    frequency) are dropped until at most three quarters are left (size-triggered lossy counting).
    A candidate dropped at threshold ``t`` had been seen in at most ``t`` documents;
    if it comes back it is counted from zero, so every count is short by at most
    :attr:`prune_threshold` (the largest ``t`` used; 0 when nothing was dropped) and
    every candidate in more than that many documents is kept.

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
        # Occurrences as candidate ids, document by document (CSR layout): ids of
        # dropped candidates stay in ``_occ`` and are left out by :meth:`matrix`.
        self._occ = array("l")
        self._indptr = array("l", [0])
        self._next_id = 0
        self._id: dict[str, int] = {}
        self._last: dict[str, int] = {}
        self.tf: Counter[str] = Counter()
        self.df: Counter[str] = Counter()
        self.surfaces: dict[str, Counter[str]] = {}
        self.units: dict[str, tuple[str, ...]] = {}
        self.examples: dict[str, list[tuple[int, int, int, int, int, int]]] = {}
        self.texts: dict[int, str] = {}
        self.prune_threshold = 0
        self._n_texts = 0
        self._junk: dict[str, bool] = {}
        self._stop: dict[str, bool] = {}

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
            if self.max_keys is not None and len(self._id) > self.max_keys:
                self.prune(self.max_keys * 3 // 4)

    def prune(self, size: int) -> None:
        """Drop the rarest candidates (fewest documents) until at most ``size`` are left."""
        if len(self._id) <= size:
            return
        by_df = Counter(self.df.values())
        left, t = len(self._id), 0
        while left > size:
            t += 1
            left -= by_df.get(t, 0)
        self.prune_threshold = max(self.prune_threshold, t)
        for key in [k for k, n in self.df.items() if n <= t]:
            del self._id[key], self._last[key], self.tf[key], self.df[key]
            self.surfaces.pop(key, None)
            self.units.pop(key, None)
            self.examples.pop(key, None)
        if self.texts:
            used = {ex[1] for exs in self.examples.values() for ex in exs}
            self.texts = {i: t for i, t in self.texts.items() if i in used}

    def matrix(self, keys: Mapping[str, int]) -> Any:
        """Documents x ``keys`` counts (a SciPy CSR matrix), columns as ``keys`` numbers them."""
        import numpy as np
        import scipy.sparse as sp

        col = np.full(self._next_id, -1, dtype=np.int64)
        for key, j in keys.items():
            i = self._id.get(key)
            if i is not None:
                col[i] = j
        occ = np.frombuffer(self._occ, dtype=np.int64) if len(self._occ) else np.zeros(0, np.int64)
        cols = col[occ] if len(occ) else occ
        rows = np.repeat(np.arange(len(self._indptr) - 1), np.diff(np.asarray(self._indptr)))
        keep = cols >= 0
        out = sp.csr_matrix(
            (np.ones(int(keep.sum())), (rows[keep], cols[keep])),
            shape=(len(self.doc_ids), len(keys)),
        )
        out.sum_duplicates()
        return out

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
        occ = self._occ
        mentions = []
        if self.mask:
            mentions = [(m.start, m.end) for m in self.tagger.tag(text)]
        text_idx = -1
        doc_idx = len(self.doc_ids) - 1
        only = self.only
        for sent in sents:
            for run in noun_runs(sent.tokens, text):
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
                    if mentions and any(
                        s < end and start < e and not (start <= s and e <= end) for s, e in mentions
                    ):
                        continue  # part of a known term, or straddling one
                    raw = text[start:end]
                    surface = " ".join(raw.split()) if "\n" in raw or "  " in raw else raw
                    key = form_key(surface)
                    if only is not None and key not in only:
                        continue
                    if self._is_junk(surface):
                        continue
                    kid = self._id.get(key)
                    if kid is None:
                        kid = self._id[key] = self._next_id
                        self._next_id += 1
                        self._last[key] = -1
                        self.surfaces[key] = Counter()
                        self.units[key] = tuple(text[u.start : u.end] for u in run[i:j])
                    occ.append(kid)
                    self.tf[key] += 1
                    if self._last[key] != doc_idx:
                        self._last[key] = doc_idx
                        self.df[key] += 1
                    self.surfaces[key][surface] += 1
                    if self.n_examples:
                        ex = self.examples.setdefault(key, [])
                        if len(ex) < self.n_examples and (not ex or ex[-1][0] != doc_idx):
                            if text_idx < 0:
                                text_idx = self._n_texts
                                self._n_texts += 1
                                self.texts[text_idx] = text
                            ex.append((doc_idx, text_idx, sent.start, sent.end, start, end))

    def phrase(self, key: str) -> str:
        """The most frequent spelling of ``key`` (ties: the first in sort order)."""
        return min(self.surfaces[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]

    def evidence(self, key: str) -> tuple[Evidence, ...]:
        out = []
        for doc_idx, text_idx, ss, se, start, end in self.examples.get(key, ()):
            sentence = self.texts[text_idx][ss:se]
            if is_boilerplate(sentence):
                continue
            cut, _, _ = snippet(sentence, start - ss, end - ss, width=_EVIDENCE_WIDTH)
            out.append(Evidence(self.doc_ids[doc_idx], " ".join(cut.split())))
        return tuple(out)
