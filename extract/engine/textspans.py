"""Per-text shortcuts of the fast path that give exactly what ``corpus`` would.

* :func:`quick_normalize` skips :func:`corpus.normalize` for the common text that only
  needs its tabs and newlines turned into spaces (offsets stay the same).
* :func:`sentence_bounds` finds the rule splitter's sentence boundaries token by token,
  and :func:`sentence_around` the sentence of one mention.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence

from corpus import NormalizedText, normalize, split_sentences
from corpus.korean import HANGUL_SYLLABLES, MIDDLE_DOTS

__all__ = ["quick_normalize", "sentence_around", "sentence_bounds"]

# Everything corpus.normalize changes, besides tab, newline and carriage return (turned
# into spaces, same length): other whitespace (str.isspace), full-width ASCII, the
# middle dot's look-alikes (corpus.korean.MIDDLE_DOTS) and zero-width characters.
# tests/extract/engine/test_textspans.py checks every BMP character.
_WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \t\n\r")
_RARE = re.compile(
    f"[{_WHITESPACE}\\uff01-\\uff5e{MIDDLE_DOTS}\\u00ad\\u200b-\\u200d\\u2060\\ufeff]"
)
# Tokens where the rule splitter may start a sentence: a terminal mark followed by more
# marks or closing quotes up to a space or the end, or glued to what follows after a
# Hangul syllable; a heading bullet or a note mark (see corpus._sentences._GLUED). A
# superset of the splitter's own patterns (only whole tokens are passed on), written to
# start with one character class so that ``re`` can skip ahead quickly.
_TERMINAL = re.compile(
    r"[.!?…。？！◆◇■□●※](?:(?<=[◆◇■□●※])|[.!?…。？！\"'”’」』)\]）》〉]*(?= |$)|(?<=["
    + HANGUL_SYLLABLES
    + r"][.!?])(?=\S))"
)


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
    """Offsets in ``token`` (no spaces) where the rule splitter starts a new sentence;
    0 when it starts one at the token (a bullet after a space)."""
    # Words on both sides, as in running text: a space before the token is what the
    # rules see there, and a cut at the token's start shows as the second span's start.
    spans = split_sentences("x " + token + " x", method="rules")
    return tuple(min(s - 2, len(token)) for s, _ in spans[1:])


def sentence_bounds(text: str) -> list[int]:
    """Where the rule splitter cuts ``text``: sorted offsets, from 0 to ``len(text)``.

    The same cuts as ``split_sentences(text, method="rules")`` makes. ``text`` must be
    normalized (spaces are its only whitespace). Every rule of the splitter looks only
    inside one space-delimited token (the punctuation run, what it is glued to, whether
    a space or the end follows), so each token that may end a sentence is split on its
    own (cached per token). Splitting the whole text costs about the square of its length.

    Examples
    --------
    >>> sentence_bounds("금리는 3.5%다. 환율은 올랐다.")
    [0, 10, 19, 19]
    """
    n = len(text)
    bounds = [0]
    te = -1
    for m in _TERMINAL.finditer(text):
        if m.start() < te:  # another match in the same token
            continue
        ts = text.rfind(" ", 0, m.start()) + 1
        te = text.find(" ", m.end())
        if te < 0:
            te = n
        bounds.extend(ts + c for c in _cuts(text[ts:te]))
    bounds.append(n)
    return bounds


def sentence_around(
    text: str,
    start: int,
    end: int,
    bounds: list[int] | None = None,
    breaks: Sequence[int] = (),
) -> tuple[int, int] | None:
    """The rule-based sentence of ``text`` holding ``text[start:end]``.

    Gives the span that ``split_sentences(text, method="rules")`` gives, or ``None``
    when a sentence boundary falls inside the mention. ``text[start]`` and
    ``text[end - 1]`` must not be spaces; ``bounds`` is :func:`sentence_bounds` of
    ``text`` (computed when not given). ``breaks`` are further sorted offsets where a
    sentence must start (where lines began before normalizing).

    Examples
    --------
    >>> text = "첫 문장이다. 금리가 올랐다. 끝."
    >>> s, e = sentence_around(text, 8, 10)
    >>> text[s:e]
    '금리가 올랐다.'
    """
    if bounds is None:
        bounds = sentence_bounds(text)
    i = bisect_right(bounds, start)
    first, last = bounds[i - 1], bounds[i]
    if breaks:
        j = bisect_right(breaks, start)
        if j:
            first = max(first, breaks[j - 1])
        if j < len(breaks):
            last = min(last, breaks[j])
    while text[first] == " ":
        first += 1
    while text[last - 1] == " ":
        last -= 1
    return None if last < end else (first, last)
