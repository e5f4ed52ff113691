"""Per-text shortcuts of the fast path that give exactly what ``corpus`` would.

* :func:`quick_normalize` skips :func:`corpus.normalize` for the common text that only
  needs its tabs and newlines turned into spaces (offsets stay the same).
* :func:`sentence_around` finds the rule-based sentence around one mention by splitting
  a window of the text instead of the whole text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from corpus import NormalizedText, normalize, split_sentences

__all__ = ["quick_normalize", "sentence_around"]

# Everything corpus.normalize changes, besides tab, newline and carriage return (turned
# into spaces, same length): other whitespace (str.isspace), full-width ASCII and
# zero-width characters. tests/extract/test_fasttext.py checks every BMP character.
_WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \t\n\r")
_RARE = re.compile(f"[{_WHITESPACE}\\uff01-\\uff5e\\u00ad\\u200b-\\u200d\\u2060\\ufeff]")
_TERMINAL = re.compile("[.!?…。？！]")
_WINDOW = 64


def quick_normalize(text: str) -> tuple[str, NormalizedText | None]:
    """``normalize(text).text``, and the :class:`~corpus.NormalizedText` when offsets move.

    Returns ``(normalized, None)`` when the normalized text has the same offsets as
    ``text`` (almost all news text), without building a map.

    Examples
    --------
    >>> quick_normalize("기준금리\\n동결")
    ('기준금리 동결', None)
    >>> quick_normalize("ＣＡＰＥＸ")[0]
    'CAPEX'
    """
    if _RARE.search(text) is None and unicodedata.is_normalized("NFC", text):
        if "\n" in text or "\t" in text or "\r" in text:
            text = text.replace("\n", " ").replace("\t", " ").replace("\r", " ")
        return text, None
    norm = normalize(text)
    return norm.text, norm


@functools.lru_cache(maxsize=8192)
def _cuts(token: str) -> tuple[int, ...]:
    """Offsets in ``token`` (no spaces) where the rule splitter starts a new sentence."""
    spans = split_sentences(token + " x", method="rules")
    return tuple(min(s, len(token)) for s, _ in spans[1:])


def _cut_tokens(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """``(start, token)`` of each space-delimited token in ``text[lo:hi]`` that holds
    terminal punctuation; ``lo`` and ``hi`` must be token boundaries."""
    out: list[tuple[int, str]] = []
    last_end = -1
    for m in _TERMINAL.finditer(text, lo, hi):
        if m.start() < last_end:
            continue
        ts = text.rfind(" ", lo, m.start()) + 1 or lo
        te = text.find(" ", m.end(), hi)
        if te < 0:
            te = hi
        out.append((ts, text[ts:te]))
        last_end = te
    return out


def sentence_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The rule-based sentence of ``text`` holding ``text[start:end]``.

    Gives the span that ``split_sentences(text, method="rules")`` gives, or ``None``
    when a sentence boundary falls inside ``[start, end)``. ``text`` must be normalized
    (spaces are its only whitespace) and ``text[start]``, ``text[end - 1]`` not spaces.

    Every rule of the splitter looks only inside one space-delimited token (the
    punctuation run, what it is glued to, and whether a space or the end follows), so
    the boundaries are found token by token, from the mention outwards, and only in
    tokens that hold terminal punctuation (cached per token). Splitting the whole text
    instead costs about the square of its length.

    Examples
    --------
    >>> text = "첫 문장이다. 금리가 올랐다. 끝."
    >>> s, e = sentence_around(text, 8, 10)
    >>> text[s:e]
    '금리가 올랐다.'
    """
    n = len(text)
    # Sentence boundaries: the last one at or before start, the first one after it.
    first = -1
    hi = text.find(" ", start)
    hi = n if hi < 0 else hi
    width = _WINDOW
    while first < 0:
        lo = text.rfind(" ", 0, max(0, start - width)) + 1 if start > width else 0
        for ts, token in reversed(_cut_tokens(text, lo, hi)):
            before = [ts + c for c in _cuts(token) if ts + c <= start]
            if before:
                first = before[-1]
                break
        else:
            if lo == 0:
                first = 0
            hi, width = lo - 1, width * 4
    last = n
    lo = text.rfind(" ", 0, start) + 1
    width = _WINDOW
    while lo < n:
        hi = text.find(" ", max(lo, min(n, end + width)))
        hi = n if hi < 0 else hi
        after = [
            ts + c
            for ts, token in _cut_tokens(text, lo, hi)
            for c in _cuts(token)
            if ts + c > start
        ]
        if after:
            last = after[0]
            break
        lo, width = hi + 1, width * 4
    while text[first] == " ":
        first += 1
    while text[last - 1] == " ":
        last -= 1
    return None if last < end else (first, last)
