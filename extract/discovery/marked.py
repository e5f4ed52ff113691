"""Where writers mark the terms they introduce: quotes, glosses and definitions.

A writer who brings in a term the reader may not know marks it: puts it in quotes
('빚투', “피지컬 AI”), gives its English name or acronym in brackets
(잔여이행의무(RPO), RPO(잔여이행의무)), defines it (X란 …, X는 …을 말한다, X라는
신조어, X로 불리는) or announces it (이른바 X, 일명 X). A phrase met in such a context
in many documents is a term, however common its parts; a fragment of a sentence is
hardly ever marked. :func:`marked_at` tells whether one occurrence is marked;
:func:`quote_spans` finds the quoted stretches of a text, which are candidates of their
own (a quoted coinage such as '오천피' is one even where the noun runs split it).

Also here: the context of an occurrence for its left and right *context entropy*
(:func:`context_buckets`, :func:`bucket_entropy`): a term is written before and after
many different words and particles; a fragment of a fixed phrase (호르무즈 of 호르무즈
해협) always meets the same one.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Sequence
from typing import Any

__all__ = [
    "N_BUCKETS",
    "bucket_entropy",
    "context_buckets",
    "glossed_at",
    "marked_at",
    "marked_scores",
    "quote_spans",
]

#: Buckets of hashed left (and right) contexts kept per candidate: a bounded sketch of
#: the contexts' distribution (an entropy up to log(8)).
N_BUCKETS = 8

# Quoted stretches: single, double and curly quotes around a short flat phrase.
_QUOTE = re.compile(
    r"'([^'\n\"“”‘’]{1,30})'|\"([^\"\n'“”‘’]{1,30})\"|[‘]([^‘’\n\"“”]{1,30})[’]|[“]([^“”\n'‘’]{1,30})[”]"
)
# An English name or acronym in brackets right after the phrase: 잔여이행의무(RPO).
_GLOSS_AFTER = re.compile(r"\s?[(（]\s?[A-Za-z\u4e00-\u9fff]")
# Definitions and namings that follow a term (in the same sentence).
_DEFINED_AFTER = re.compile(
    r"(?:이)?란\s"
    r"|(?:이)?라는\s?(?:신조어|용어|개념|말|이름|명칭)"
    r"|(?:이)?라고\s?(?:불리|부르|부른|한다|일컫)"
    r"|(?:으)?로\s?(?:불리|일컬어지|통칭되)"
    r"|(?:은|는|이란)\s[^.!?\n]{1,80}?(?:을|를)\s?(?:말한다|뜻한다|의미한다|일컫는다|가리킨다)"
)
# What announces a term before it: 이른바 X, 일명 X, 소위 X (maybe with a quote).
_ANNOUNCED_BEFORE = re.compile(r"(?:이른바|일명|소위|이름하여)\s?['\"‘“]?$")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the inside of every short quoted stretch of ``text``.

    Examples
    --------
    >>> text = "이른바 '오천피' 시대에 “피지컬 AI”가 떴다."
    >>> [text[s:e] for s, e in quote_spans(text)]
    ['오천피', '피지컬 AI']
    """
    out = []
    for m in _QUOTE.finditer(text):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        start, end = m.span(g)
        # Leading or trailing spaces mean the quote holds more than a phrase.
        if not text[start].isspace() and not text[end - 1].isspace():
            out.append((start, end))
    return out


def glossed_at(text: str, end: int) -> bool:
    """Whether an English name, an acronym or Hanja follows ``text[:end]`` in brackets:
    how a text introduces a term (잔여이행의무(RPO), 자본 지출 (Capex)).

    Examples
    --------
    >>> glossed_at("잔여이행의무(RPO)가 늘었다", 6), glossed_at("매출(3조원)이 늘었다", 2)
    (True, False)
    """
    return _GLOSS_AFTER.match(text, end) is not None


def marked_at(text: str, start: int, end: int, quotes: frozenset[tuple[int, int]]) -> bool:
    """Whether the occurrence ``text[start:end]`` is marked as a term: the whole of a
    quoted stretch (``quotes``: :func:`quote_spans`, as a set), glossed in brackets
    (X(English), English(X)), defined or named (X란, X는 …을 말한다, X라는 신조어, X로
    불리는) or announced (이른바 X, 일명 X).

    Examples
    --------
    >>> def marked(text, phrase):
    ...     s = text.index(phrase)
    ...     return marked_at(text, s, s + len(phrase), frozenset(quote_spans(text)))
    >>> [marked(t, "잔여이행의무") for t in (
    ...     "잔여이행의무(RPO)가 늘었다.", "RPO(잔여이행의무)가 늘었다.",
    ...     "잔여이행의무란 계약 잔액이다.", "잔여이행의무는 남은 계약 금액을 말한다.",
    ...     "'잔여이행의무'가 늘었다.", "이른바 잔여이행의무가 늘었다.", "잔여이행의무가 늘었다.")]
    [True, True, True, True, True, True, False]
    """
    if (start, end) in quotes:
        return True
    if glossed_at(text, end):
        return True
    # English(X): the phrase fills the brackets after a Latin name.
    if (
        start >= 2
        and text[start - 1] in "(（"
        and text[start - 2].isascii()
        and text[start - 2].isalnum()
        and text[end : end + 1] in (")", "）", ",", "·")
    ):
        return True
    if _DEFINED_AFTER.match(text, end):
        return True
    return _ANNOUNCED_BEFORE.search(text, max(0, start - 8), start) is not None


def _bucket(context: str) -> int:
    # crc32, not hash(): the same buckets in every process (str hashes are salted).
    return zlib.crc32(context.encode("utf-8")) % N_BUCKETS


def context_buckets(text: str, start: int, end: int) -> tuple[int, int]:
    """The left and right context buckets of ``text[start:end]``: the two characters
    before and after it (a space, a particle, a syllable of the next word), hashed into
    :data:`N_BUCKETS` buckets.

    Examples
    --------
    >>> a = context_buckets("호르무즈 해협이 막혔다", 0, 4)
    >>> b = context_buckets("호르무즈 해협 봉쇄", 0, 4)
    >>> a[1] == b[1]
    True
    """
    return _bucket(text[max(0, start - 2) : start]), _bucket(text[end : end + 2])


def bucket_entropy(counts: Sequence[int]) -> float:
    """Entropy (nats) of the distribution of contexts over the buckets ``counts``.

    Examples
    --------
    >>> bucket_entropy([5, 0, 0, 0]), round(bucket_entropy([1, 1, 1, 1]), 4)
    (0.0, 1.3863)
    """
    total = sum(counts)
    if not total:
        return 0.0
    return -sum(c / total * math.log(c / total) for c in counts if c) + 0.0


def marked_scores(marked: Any, tf: Any) -> Any:
    """How strongly writers mark each candidate as a term, from the count ``marked`` of
    its marked occurrences and their share of its ``tf`` occurrences: ``log(1 + marked)
    * sqrt(marked / tf)``, so a phrase quoted in 6 of 10 occurrences outranks one quoted
    in 6 of 600 (an everyday word put in quotes now and then), and 6 of 10 outranks 1
    of 1; never marked is 0.

    Examples
    --------
    >>> import numpy as np
    >>> marked_scores(np.array([6, 6, 1, 0]), np.array([10, 600, 1, 5])).round(2).tolist()
    [1.51, 0.19, 0.69, 0.0]
    """
    import numpy as np

    marked = np.asarray(marked, dtype=float)
    share = marked / np.maximum(np.asarray(tf, dtype=float), 1.0)
    return np.log1p(marked) * np.sqrt(np.minimum(share, 1.0))
