"""Sentence splitting that reports offsets into the original text."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from .korean import HANGUL_SYLLABLES

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

__all__ = [
    "SENTENCE_METHODS",
    "SentenceSpan",
    "default_kiwi",
    "glued_breaks",
    "line_starts",
    "sentence_at",
    "split_sentences",
]

#: Values accepted by ``split_sentences(method=...)``.
SENTENCE_METHODS = ("kiwi", "rules")


class SentenceSpan(NamedTuple):
    """One sentence as ``text[start:end]``, without surrounding whitespace.

    Attributes
    ----------
    start, end : int
        Character offsets into the text that was split.
    """

    start: int
    end: int


# A sentence ends after terminal punctuation and any closing quotes or brackets,
# when whitespace or the end of the line follows.
_END = re.compile(r"[.!?…。？！]+[\"'”’」』)\]）》〉]*(?=\s|$)")
# Where news copy starts a sentence without a space (Kiwi misses these too, so the full
# mode cuts its sentences here as well, see :func:`glued_breaks`):
# * after a bare "." between two Hangul syllables ("있음.신기술");
# * after a sentence ending and its stop, before a Latin letter, a digit (a footnote
#   number: "했다.1)"), an opening bracket or curly quote, or a bullet ("풀이된다.SK하이닉스가",
#   "있다.◆ HBM"); straight quotes are left alone, since '"오른다."라고' closes one;
# * before a heading bullet (◆ ■ ●, which never run inside a sentence, unlike ▲ △ lists);
# * before a note mark ※ after a space (glued, "5%대※의", it marks a footnote).
_GLUED = re.compile(
    f"(?<=[{HANGUL_SYLLABLES}][.!?])(?=[{HANGUL_SYLLABLES}])"
    r"|(?<=[다요죠음함됨임][.!?])(?=[A-Za-z0-9‘“(\[<〈《「『▶▷►▲△•])"
    r"|(?<=.)(?=[◆◇■□●])"
    r"|(?<=\s)(?=※)",
    re.DOTALL,
)
_CLOSING_BRACKETS = ")]）》〉"
_NEWLINE = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_NON_SPACE = re.compile(r"\S")
# Before a final ".": a single Latin capital (initials, "U.S."), or a common abbreviation.
_NO_BREAK_BEFORE_DOT = re.compile(
    r"(?:(?<![A-Za-z])[A-Z]"
    r"|(?<![A-Za-z])(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Inc|Co|Corp|Ltd|vs|etc|No|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|e\.g|i\.e|cf))$"
)
# A number right before the dot: dates ("2021.12.31. 기준"), list items ("1. 개요").
_NUMBER_BEFORE_DOT = re.compile(r"(?:^|[\s(\[*~’'])[\d.]*\d$")


@functools.cache
def default_kiwi() -> Kiwi:
    """The per-process plain ``Kiwi()``, created on first use.

    Kiwi cannot be pickled, so objects keep options and call this instead of holding
    an instance; each worker process builds its own.
    """
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        raise ImportError("method='kiwi' needs kiwipiepy: pip install kiwipiepy") from None
    return Kiwi()


def _trim(text: str, start: int, end: int) -> SentenceSpan | None:
    """Shrink ``[start, end)`` to its non-whitespace part, or ``None`` if it is blank."""
    match = _NON_SPACE.search(text, start, end)
    if match is None:
        return None
    start = match.start()
    while text[end - 1].isspace():
        end -= 1
    return SentenceSpan(start, end)


def _is_break(line: str, match: re.Match[str]) -> bool:
    mark = match.group().rstrip(_CLOSING_BRACKETS)
    if mark != ".":
        return True  # "!", "?", "…", "...", or a dot with a closing quote
    # A single dot, then closing brackets if any: a dated period in brackets
    # ("(’24.10.21.~29.)") or an initial ("U.S.)") no more ends a sentence than bare.
    before = line[: match.start()]
    return not (_NO_BREAK_BEFORE_DOT.search(before) or _NUMBER_BEFORE_DOT.search(before))


def line_starts(text: str) -> list[int]:
    """Offsets where a new line starts: after each run of line breaks.

    A line break always ends a sentence in news copy (a headline, a photo credit, a
    paragraph), so both sentence splitters cut there.

    Examples
    --------
    >>> line_starts("GS25 제공\\r\\n편의점 PB가 늘었다.\\n끝")
    [9, 22]
    """
    return [newline.end() for newline in _NEWLINE.finditer(text)]


def _rule_bounds(text: str) -> list[int]:
    """Offsets where a new sentence may start (before trimming)."""
    bounds = [0, *line_starts(text)]
    cuts: list[int] = glued_breaks(text)
    for start, end in zip(bounds, [*bounds[1:], len(text)], strict=True):
        line = text[start:end]
        cuts.extend(start + match.end() for match in _END.finditer(line) if _is_break(line, match))
    return sorted({*bounds, *cuts})


def glued_breaks(text: str) -> list[int]:
    """Offsets where a sentence starts although no space separates it from the last one.

    A full stop glued to the next sentence ("풀이된다.SK하이닉스가"), to a footnote
    number ("했다.1)") or a bullet ("있다.◆"), and a heading bullet or a note mark
    inside a line. The rule splitter cuts there, and the full mode cuts Kiwi's sentences
    there too, since Kiwi does not.

    Examples
    --------
    >>> text = "영향으로 풀이된다.SK하이닉스가 발표했다.◆ HBM 1위"
    >>> [text[i:i + 3] for i in glued_breaks(text)]
    ['SK하', '◆ H']
    """
    return [match.start() for match in _GLUED.finditer(text)]


def _kiwi_bounds(text: str, kiwi: Kiwi | None) -> list[int]:
    analyzer = kiwi if kiwi is not None else default_kiwi()
    sentences = analyzer.split_into_sents(text, return_tokens=False, return_sub_sents=False)
    return [0, *(sentence.start for sentence in sentences)]


def split_sentences(
    text: str, *, method: str = "rules", kiwi: Kiwi | None = None
) -> list[SentenceSpan]:
    """Split ``text`` into sentences and return their offsets.

    The spans are in order, do not overlap, leave out leading and trailing whitespace,
    and together cover every non-whitespace character of ``text``.

    Parameters
    ----------
    text : str
    method : {"rules", "kiwi"}, default "rules"
        ``"rules"`` is a fast splitter for Korean news: it splits after ``. ! ? … 。``
        (and closing quotes or brackets) followed by whitespace, and at every newline,
        but not after decimals, numbered dates or list numbers (``2021.12.31.``,
        ``1.``), single capital initials (``U.S.``) or common abbreviations (``Inc.``,
        ``vs.``). ``"kiwi"`` uses ``Kiwi.split_into_sents``.
    kiwi : kiwipiepy.Kiwi, optional
        Instance for ``method="kiwi"``; defaults to a per-process ``Kiwi()``.

    Returns
    -------
    list of SentenceSpan

    Raises
    ------
    ValueError
        If ``method`` is not one of :data:`SENTENCE_METHODS`.

    Examples
    --------
    >>> text = "금리가 3.5%로 올랐다. 시장은 \\"예상대로\\"라고 봤다."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['금리가 3.5%로 올랐다.', '시장은 "예상대로"라고 봤다.']
    """
    if method not in SENTENCE_METHODS:
        raise ValueError(f"`method` should be one of {SENTENCE_METHODS}, got {method!r}")
    if not isinstance(text, str):
        raise TypeError(f"`text` should be a str, got {type(text).__name__}")
    bounds = _rule_bounds(text) if method == "rules" else _kiwi_bounds(text, kiwi)
    # Kiwi may skip characters between sentences; cutting at each start keeps them.
    spans = []
    for start, end in zip(bounds, [*bounds[1:], len(text)], strict=True):
        if start < end:
            span = _trim(text, start, end)
            if span is not None:
                spans.append(span)
    return spans


def sentence_at(spans: Sequence[SentenceSpan], pos: int) -> int | None:
    """Index of the span containing offset ``pos``, or ``None`` if none does.

    Examples
    --------
    >>> spans = split_sentences("금리가 올랐다. 환율은 내렸다.")
    >>> sentence_at(spans, 10)
    1
    """
    index = bisect_right(spans, (pos, float("inf"))) - 1
    if index >= 0 and spans[index].start <= pos < spans[index].end:
        return index
    return None
