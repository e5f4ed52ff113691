"""Collect noun-phrase candidates from a corpus: counts, spellings, nesting and evidence."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    """Candidates in one corpus, keyed by :func:`glossary.form_key`.

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
    """

    def __init__(
        self,
        tagger: Tagger,
        *,
        known: frozenset[str],
        max_units: int,
        n_examples: int,
        mask: bool = True,
    ) -> None:
        self.tagger = tagger
        self.known = known
        self.max_units = max_units
        self.n_examples = n_examples
        self.mask = mask
        self.doc_ids: list[str] = []
        self.doc_keys: list[list[str]] = []
        self.tf: Counter[str] = Counter()
        self.surfaces: dict[str, Counter[str]] = {}
        self.units: dict[str, tuple[str, ...]] = {}
        self.examples: dict[str, list[tuple[int, int, int, int, int, int]]] = {}
        self.texts: list[str] = []
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
                self.doc_ids.append(doc_id)
                self.doc_keys.append([])
            self._add_text(text, sents)

    def _is_junk(self, surface: str) -> bool:
        junk = self._junk.get(surface)
        if junk is None:
            key = form_key(surface, case_sensitive=False)
            junk = key in self.known or string_junk_reason(surface) is not None
            if len(self._junk) < 1_000_000:
                self._junk[surface] = junk
        return junk

    def _is_stop(self, unit: str) -> bool:
        stop = self._stop.get(unit)
        if stop is None:
            stop = string_junk_reason(unit) in _STOP_REASONS
            if len(self._stop) < 1_000_000:
                self._stop[unit] = stop
        return stop

    def _add_text(self, text: str, sents: Sequence[Any]) -> None:
        keys = self.doc_keys[-1]
        mentions = []
        if self.mask:
            mentions = [(m.start, m.end) for m in self.tagger.tag(text)]
        text_idx = -1
        doc_idx = len(self.doc_ids) - 1
        for sent in sents:
            for run in noun_runs(sent.tokens, text):
                # A number, unit or time word inside a phrase makes it a fragment of a
                # sentence (시총 3, 지난해 영업이익), never a term: spans stop at it.
                stops = [self._is_stop(text[u.start : u.end]) for u in run]
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
                    if self._is_junk(surface):
                        continue
                    key = form_key(surface)
                    keys.append(key)
                    self.tf[key] += 1
                    spellings = self.surfaces.get(key)
                    if spellings is None:
                        spellings = self.surfaces[key] = Counter()
                        self.units[key] = tuple(text[u.start : u.end] for u in run[i:j])
                    spellings[surface] += 1
                    if self.n_examples:
                        ex = self.examples.setdefault(key, [])
                        if len(ex) < self.n_examples and (not ex or ex[-1][0] != doc_idx):
                            if text_idx < 0:
                                self.texts.append(text)
                                text_idx = len(self.texts) - 1
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
