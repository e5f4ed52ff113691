"""Settle ambiguous candidates with kiwipiepy on the words around them, cached.

The fast path asks kiwipiepy only about the space-delimited word that holds an
ambiguous hit (기준금리를, 유가증권시장) and caches the answer per word. A word on its own
is sometimes read differently from the same word in its sentence (수소충전소: 수소충전 +
소 alone, 수소 + 충전소 in "수소충전소 보급"). So the word's three best analyses are kept:
when one within :data:`MARGIN` of the best one disagrees about the hit, the word is read
again with two neighbouring words on each side, closer to how ``mode="full"`` would see it.

A particle at the end of the word, after the hit, is left out of the read and of the
cache key (기준금리를, 기준금리가 and 기준금리는 are one read of 기준금리): on a long
stream of distinct news most words are new, and the same noun comes back with another
particle far more often than the same word does.

Given ``store`` (a key naming the glossary's words and the kiwipiepy version), the
readings are also kept on disk between runs (:mod:`glossary._cache`; written every
:data:`SAVE_EVERY` new words and at exit, merged with what other processes wrote): a run
whose words were all read before never loads kiwipiepy, which takes seconds.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Any

from corpus.korean import PARTICLES, is_hangul
from glossary import _cache

__all__ = ["WordCheck"]

#: Score gap (log-probability) under which a runner-up analysis counts as a real rival.
MARGIN = 6.0
_TOP_N = 3
_CONTEXT = 2  # neighbouring words on each side read with a fragile word
_WINDOW = 48  # characters: longest stretch read on either side of a hit
_CACHE_LIMIT = 200_000
#: Words kept on disk per glossary (the newest; about 30 bytes each).
STORE_LIMIT = 100_000
#: New words read between two writes of the on-disk store.
SAVE_EVERY = 20_000
_STORE_KIND = "kiwi-readings"
# Longest first, so that 에서 is folded before 서 could be.
_FOLDED = tuple(sorted(PARTICLES, key=len, reverse=True))
_MAX_FOLD = max(map(len, _FOLDED))
# One-syllable particles that also end nouns (자산가, 기업인, 경기도): folded only when the
# hit does not end right before them, so the read still tells 자산 in 자산가 apart.
_NOUN_LIKE = frozenset(p for p in PARTICLES if len(p) == 1) - frozenset("을를은는에의와과")

# Per analysis: token starts and token ends as bit masks (bit i: offset i), and the
# score. Ints rather than frozensets keep a 200,000-word cache near 60 MB.
_Reading = tuple[int, int, float]


def _readings(kiwi: Any, text: str, top_n: int) -> tuple[_Reading, ...]:
    out = []
    for toks, score in kiwi.analyze(text, top_n=top_n):
        starts = ends = 0
        for t in toks:
            starts |= 1 << t.start
            ends |= 1 << (t.start + t.len)
        out.append((starts, ends, score))
    return tuple(out)


def _fits(reading: _Reading, s: int, e: int) -> bool:
    return bool(reading[0] >> s & 1 and reading[1] >> e & 1)


class WordCheck:
    """Whether kiwipiepy puts morpheme boundaries at both ends of a hit.

    Parameters
    ----------
    kiwi : callable
        Returns the process's ``Kiwi`` (called on first need only).

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> check = WordCheck(lambda: get_kiwi(("기준금리", "유가증권")))
    >>> check("대출금리가 올랐다", 2, 4), check("유가증권시장", 0, 2)
    (True, False)
    """

    def __init__(self, kiwi: Any, *, store: Sequence[str | bytes] | None = None) -> None:
        self._get_kiwi = kiwi
        self._instance: Any = None
        self._cache: dict[str, tuple[_Reading, ...]] = {}
        # Verdicts the word alone settles (no context needed), for repeated hits.
        self._settled: dict[tuple[str, int, int], bool] = {}
        self._store = None if store is None else list(store)
        self._loaded = store is None  # read the store on the first lookup only
        self._unsaved: dict[str, tuple[_Reading, ...]] = {}

    def _load(self) -> None:
        self._loaded = True
        found = _cache.load(_STORE_KIND, self._store or ())
        if isinstance(found, dict):
            self._cache.update(found)
        # multiprocessing's exit hook rather than atexit: it also runs in worker processes
        # (kotrend tag -j), which end with os._exit. A weak reference: the hook must not
        # keep a discarded tagger's cache alive.
        from multiprocessing.util import Finalize

        Finalize(None, _save_at_exit, args=(weakref.ref(self),), exitpriority=10)

    def save(self) -> None:
        """Write the words read since the last save to the on-disk store (if any),
        merged with what is there: other processes of the same glossary add theirs."""
        if self._store is None or not self._unsaved:
            return
        found = _cache.load(_STORE_KIND, self._store)
        merged = found if isinstance(found, dict) else {}
        merged.update(self._unsaved)
        if len(merged) > STORE_LIMIT:  # the oldest entries go first
            merged = dict(list(merged.items())[-STORE_LIMIT:])
        _cache.store(_STORE_KIND, self._store, merged)
        self._unsaved.clear()

    def _kiwi(self) -> Any:
        if self._instance is None:  # looked up once: the registry key is a long tuple
            self._instance = self._get_kiwi()
        return self._instance

    def __len__(self) -> int:
        return len(self._cache)

    def _lookup(self, text: str, top_n: int, key: str) -> tuple[_Reading, ...]:
        if not self._loaded:
            self._load()
        found = self._cache.get(key)
        if found is None:
            found = _readings(self._kiwi(), text, top_n)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = found
            if self._store is not None:
                self._unsaved[key] = found
                if len(self._unsaved) >= SAVE_EVERY:
                    self.save()
        return found

    def __call__(self, nt: str, start: int, end: int) -> bool:
        """Judge ``nt[start:end]`` (``nt`` normalized: spaces are its only whitespace)."""
        lo, hi = _word(nt, start, end)
        word = nt[lo:hi]
        s, e = start - lo, end - lo
        settled = self._settled.get((word, s, e))
        if settled is not None:
            return settled
        stem = fold_particle(word, e)
        readings = self._lookup(stem, _TOP_N, stem)
        if not readings:
            return False
        verdict = _fits(readings[0], s, e)
        best = readings[0][2]
        if all(_fits(r, s, e) == verdict or best - r[2] >= MARGIN for r in readings[1:]):
            if len(self._settled) >= _CACHE_LIMIT:
                self._settled.clear()
            self._settled[word, s, e] = verdict
            return verdict
        # Context decides: the word with its neighbours ("\x00" keeps the key apart from a
        # lone word that happens to look the same).
        for _ in range(_CONTEXT):
            lo, hi = _word(nt, lo - 1, hi + 1)
        found = self._lookup(nt[lo:hi], 1, "\x00" + nt[lo:hi])
        return bool(found) and _fits(found[0], start - lo, end - lo)


def _save_at_exit(ref: weakref.ref[WordCheck]) -> None:
    check = ref()
    if check is not None:
        check.save()


def fold_particle(word: str, end: int) -> str:
    """``word`` without a particle that ends it after offset ``end`` (the hit's end).

    Only a particle after a Hangul syllable is folded, never into the hit, and a
    one-syllable particle that also ends nouns (가 in 자산가) not right after the hit.

    Examples
    --------
    >>> fold_particle("기준금리를", 4), fold_particle("유가증권시장에서", 2)
    ('기준금리', '유가증권시장')
    >>> fold_particle("파이", 2), fold_particle("AI가", 2), fold_particle("자산가", 2)
    ('파이', 'AI가', '자산가')
    """
    tail = word[-_MAX_FOLD:]
    for p in _FOLDED:
        if tail.endswith(p):
            cut = len(word) - len(p)
            if cut < end or cut == 0 or not is_hangul(word[cut - 1]):
                return word
            if cut == end and p in _NOUN_LIKE:
                return word
            return word[:cut]
    return word


def _word(nt: str, start: int, end: int) -> tuple[int, int]:
    """The space-delimited stretch holding ``nt[start:end]``, at most ``_WINDOW`` wider."""
    start, end = max(0, start), min(len(nt), end)
    lo = nt.rfind(" ", max(0, start - _WINDOW), start) + 1
    if lo == 0 and start > _WINDOW:
        lo = start - _WINDOW
    hi = nt.find(" ", end, end + _WINDOW)
    if hi < 0:
        hi = min(len(nt), end + _WINDOW)
    return lo, hi
