"""Settle ambiguous candidates with kiwipiepy on the words around them, cached.

The fast path asks kiwipiepy only about the space-delimited word that holds an
ambiguous hit (기준금리를, 유가증권시장) and caches the answer per word. A word on its own
is sometimes read differently from the same word in its sentence (수소충전소: 수소충전 +
소 alone, 수소 + 충전소 in "수소충전소 보급"). So the word's three best analyses are kept:
when one within :data:`MARGIN` of the best one disagrees about the hit, the word is read
again with two neighbouring words on each side, closer to how ``mode="full"`` would see it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["WordCheck"]

#: Score gap (log-probability) under which a runner-up analysis counts as a real rival.
MARGIN = 6.0
_TOP_N = 3
_CONTEXT = 2  # neighbouring words on each side read with a fragile word
_WINDOW = 48  # characters: longest stretch read on either side of a hit
_CACHE_LIMIT = 200_000

# Per analysis: token starts, token ends, score.
_Reading = tuple[frozenset[int], frozenset[int], float]


def _readings(kiwi: Any, text: str, top_n: int) -> tuple[_Reading, ...]:
    return tuple(
        (frozenset(t.start for t in toks), frozenset(t.start + t.len for t in toks), score)
        for toks, score in kiwi.analyze(text, top_n=top_n)
    )


class WordCheck:
    """Whether kiwipiepy puts morpheme boundaries at both ends of a hit.

    Parameters
    ----------
    kiwi : callable
        Returns the process's ``Kiwi`` (called on first need only).

    Examples
    --------
    >>> from extract._analyzer import get_kiwi
    >>> check = WordCheck(lambda: get_kiwi(("기준금리",)))
    >>> check("대출금리가 올랐다", 2, 4), check("유가증권시장", 0, 2)
    (True, False)
    """

    def __init__(self, kiwi: Any) -> None:
        self._get_kiwi = kiwi
        self._instance: Any = None
        self._cache: dict[str, tuple[_Reading, ...]] = {}

    def _kiwi(self) -> Any:
        if self._instance is None:  # looked up once: the registry key is a long tuple
            self._instance = self._get_kiwi()
        return self._instance

    def __len__(self) -> int:
        return len(self._cache)

    def _lookup(self, text: str, top_n: int) -> tuple[_Reading, ...]:
        found = self._cache.get(text)
        if found is None:
            found = _readings(self._kiwi(), text, top_n)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[text] = found
        return found

    def __call__(self, nt: str, start: int, end: int) -> bool:
        """Judge ``nt[start:end]`` (``nt`` normalized: spaces are its only whitespace)."""
        lo, hi = _word(nt, start, end)
        readings = self._lookup(nt[lo:hi], _TOP_N)
        if not readings:
            return False
        s, e = start - lo, end - lo
        verdict = s in readings[0][0] and e in readings[0][1]
        best = readings[0][2]
        if all((s in r[0] and e in r[1]) == verdict or best - r[2] >= MARGIN for r in readings[1:]):
            return verdict
        # Context decides: the word with its neighbours ("\x00" keeps the key apart from a
        # lone word that happens to look the same).
        for _ in range(_CONTEXT):
            lo, hi = _word(nt, lo - 1, hi + 1)
        found = self._cache.get("\x00" + nt[lo:hi])
        if found is None:
            found = _readings(self._kiwi(), nt[lo:hi], 1)
            self._cache["\x00" + nt[lo:hi]] = found
        s, e = start - lo, end - lo
        return bool(found) and s in found[0][0] and e in found[0][1]


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
