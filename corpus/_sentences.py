"""Sentence splitting that reports offsets into the original text."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from .korean import HANGUL_SYLLABLES, QUOTING_ENDINGS

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

__all__ = [
    "SENTENCE_METHODS",
    "SentenceSpan",
    "default_kiwi",
    "glued_breaks",
    "line_starts",
    "sentence_at",
    "soft_wraps",
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
# Quoting endings and particles, glued after a straight quote, make it a closing one
# ('"오른다."라고', "'팔린다.'고").
_QUOTE_CLOSERS = "|".join(
    (
        *QUOTING_ENDINGS,
        "와",
        "과",
        "로",
        "으로",
        "를",
        "을",
        "이",
        "가",
        "은",
        "의",
        "에",
        "도",
        "만",
        "까지",
    )
)
# Where news copy starts a sentence without a space (Kiwi misses these too, so the full
# mode cuts its sentences here as well, see :func:`glued_breaks`):
# * after a bare "." between two Hangul syllables ("있음.신기술");
# * after a sentence ending and its stop, before a Latin letter, a digit (a footnote
#   number: "했다.1)"), an opening bracket or curly quote, or a bullet ("풀이된다.SK하이닉스가",
#   "있다.◆ HBM"), or a straight quote that no quoting ending or particle follows
#   ("진행한다.'푸드": it opens the next sentence);
# * before a heading bullet (◆ ■ ●, which never run inside a sentence, unlike ▲ △ lists);
# * before a note mark ※ after a space (glued, "5%대※의", it marks a footnote).
_GLUED = re.compile(
    f"(?<=[{HANGUL_SYLLABLES}][.!?])(?=[{HANGUL_SYLLABLES}])"
    r"|(?<=[다요죠음함됨임][.!?])(?=[A-Za-z0-9‘“(\[<〈《「『▶▷►▲△•])"
    f"|(?<=[다요죠음함됨임][.!?])(?=[\"'](?!(?:{_QUOTE_CLOSERS})(?![{HANGUL_SYLLABLES}]))"
    f"[{HANGUL_SYLLABLES}A-Za-z0-9])"
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


# A series tag in brackets ("[왜?] …", "[단독!]"): a stop inside it ends the tag, not a
# sentence.
_TAG_OPENERS = {"]": "[", "》": "《", "〉": "〈"}  # the brackets _END takes after a stop


def _is_break(line: str, match: re.Match[str]) -> bool:
    closer = match.group()[-1]
    opener = _TAG_OPENERS.get(closer)
    if opener is not None:
        # Within the token only, as every rule here: "[왜?]" is a tag, "[Who Is ?]" is not seen.
        token = line[: match.start()].rsplit(maxsplit=1)[-1:] or [""]
        if token[0].startswith(opener) and closer not in token[0]:
            return False
    mark = match.group().rstrip(_CLOSING_BRACKETS)
    if mark != ".":
        return True  # "!", "?", "…", "...", or a dot with a closing quote
    # A single dot, then closing brackets if any: a dated period in brackets
    # ("(’24.10.21.~29.)") or an initial ("U.S.)") no more ends a sentence than bare.
    before = line[: match.start()]
    return not (_NO_BREAK_BEFORE_DOT.search(before) or _NUMBER_BEFORE_DOT.search(before))


def line_starts(text: str) -> list[int]:
    """Offsets where a new line starts: after each run of line breaks, except a break
    that only wraps a sentence at the width of the page (see :func:`soft_wraps`).

    A line break ends a sentence in news copy (a headline, a photo credit, a
    paragraph), so both sentence splitters cut there; text taken from a PDF (research
    summaries) also breaks inside sentences at a fixed width, and a cut there would
    leave two fragments, neither of them a sentence.

    Examples
    --------
    >>> line_starts("GS25 제공\\r\\n편의점 PB가 늘었다.\\n끝")
    [9, 22]
    """
    breaks = list(_NEWLINE.finditer(text))
    if len(breaks) < 2:
        return [newline.end() for newline in breaks]
    soft = soft_wraps(text, breaks)
    return [newline.end() for i, newline in enumerate(breaks) if i not in soft]


# What ends a line that ends its sentence or item: terminal punctuation, a colon or a
# closing bracket or quote.
_LINE_END = re.compile(r"(?:[.!?…。？！:;]|[)\]）」』>〉》”’\"'])\s*$")
# What starts an item of its own: a bullet, a number, a Roman numeral, a label ("외환:"),
# a page number ("52p"), an opening bracket or quote, a chapter ("제2장").
_ITEM_START = re.compile(
    rf"\s*(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]|(?:Part\s)?[IVX]{{1,4}}\.\s|o(?:\s|(?=[{HANGUL_SYLLABLES}]))"
    r"|\d{1,3}\s|\d{1,3}p\s|부록|붙임|별첨"
    r"|[ㅇㅁ\-–—·•※*▶▷►■□○●◦◆◇▪∙＊☞<〈《【\[(（「『“\"'‘]"
    r"|\d+[.)]|[①-⑳]|[가-하][.)]|제\s?\d+\s?[장절조항]|\S{1,12}\s?:\s)"
)
# A word that cannot end a sentence or an item: a comma after it, or a case particle or a
# connective or adnominal ending that only these end in ("정책을", "높이고", "위한"). The
# syllables some common nouns also end in (증가, 성과, 유의, 제도, 요인, 역할) are weak:
# the line after must then end a sentence or fill the page itself.
_OPEN_END = re.compile(
    f"(?:,|(?:^|\\s|[{HANGUL_SYLLABLES}])(?:등|및)|[{HANGUL_SYLLABLES}](?:을|를|은|는|에|와|고|며|여|면"
    r"|된|던|될|께|든|써|으로|하여|하고|하며|통한|위한|대한|관한|따른|인한|있는|없는|하는))\s*$"
)
_WEAK_END = re.compile(f"[{HANGUL_SYLLABLES}][가과의도이로서인한할]\\s*$")
# Credits and datelines end a caption line, which a paragraph follows.
_CREDIT_END = re.compile(r"(?:제공|연합뉴스|뉴스1|뉴시스|DB|자료사진|기자|특파원|=\S+)\s*$")
# A particle or bound noun that cannot start a line of its own ("를 활용하여", "으로 보임").
_CONTINUES = re.compile(r"(?:의|을|를|은|는|이|가|으로|로|에|에서|와|과|등|및|것)(?:\s|$)")
# What _LINE_END ends with, and a space: a wrapped line seldom keeps one.
_STOPS = frozenset(".!?…。？！:;)]）」』>〉》”’\"' \t")
_FULL_WIDTH = 0.85  # of the page's width: a line this full was wrapped, not ended


# Characters that take two columns (Hangul, CJK, full-width forms), as the page set them.
_WIDE = re.compile(
    rf"[\u1100-\u115f\u2e80-\ua4cf{HANGUL_SYLLABLES}\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def _width(line: str) -> int:
    return len(line) + len(_WIDE.findall(line))


def soft_wraps(text: str, breaks: Sequence[re.Match[str]] | None = None) -> set[int]:
    """Which line breaks of ``text`` (their index among its runs of line breaks, or among
    ``breaks``) wrap a sentence at the width of the page rather than end it.

    A break wraps when the line before it fills the page (at least 85% of the text's
    second widest line, in display columns), ends in no stop, colon, bracket or credit,
    and ends in a particle or ending that cannot end a sentence ("정책을", "높이고",
    "위한", a comma) or the line after starts with one ("를 활용하여"), and the line
    after starts no item of its own (a bullet, a number, a label). An ending that
    common nouns share (증가, 성과) wraps only when the line after ends a sentence or
    fills the page too: a list of headlines breaks on such nouns. One blank line between
    the two is a paragraph, never a wrap.

    Examples
    --------
    >>> page = (
    ...     "ㅁ 최근 천연가스 가격 급등을 필두로 에너지 가격 강세가 인플레이션 우려를 높이고\\n"
    ...     "있어 주요 소비국들의 재고 선점 노력이 예상됨.\\n"
    ...     "ㅇ 유가: 수요 회복세가 이어지는 등 타이트한 수급 여건을 감안할 때 강세가 예상됨."
    ... )
    >>> sorted(soft_wraps(page))
    [0]
    >>> soft_wraps("삼성전자가 실적을 발표했다. 한빛증권 제공\\n삼성전자는 올해 투자를 늘린다.\\n끝")
    set()
    """
    if breaks is None:
        breaks = list(_NEWLINE.finditer(text))
    if len(breaks) < 2:
        return set()
    candidates = []  # (index, weak) of the breaks that wrap if the line before is full
    for i, brk in enumerate(breaks):
        at = brk.start()
        if text[at - 1 : at] in _STOPS or brk.group().count("\n") > 1:
            continue  # most lines end a sentence: the cheap test first
        # The patterns look at the end of the line before and the start of the next.
        tail, head = text[max(0, at - 12) : at], text[brk.end() : brk.end() + 24]
        if _OPEN_END.search(tail) or _CONTINUES.match(head):
            weak = False
        elif _WEAK_END.search(tail):
            weak = True
        else:
            continue
        if not (_CREDIT_END.search(tail) or _ITEM_START.match(head)):
            candidates.append((i, weak))
    if not candidates:
        return set()
    bounds = [0, *(b.end() for b in breaks)]
    ends = [*(b.start() for b in breaks), len(text)]
    widths = [_width(text[s:e].rstrip()) for s, e in zip(bounds, ends, strict=True)]
    full = _FULL_WIDTH * sorted(widths)[-2]
    out = set()
    for i, weak in candidates:
        if widths[i] < full:
            continue
        after = text[bounds[i + 1] : ends[i + 1]].rstrip()
        if not weak or widths[i + 1] >= full or _LINE_END.search(after[-12:]):
            out.add(i)
    return out


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
    A straight quote glued after a full stop opens the next sentence ("진행한다.'푸드
    쇼케이스' 도어가") unless what is glued after it is a quoting ending or a particle,
    which makes it a closing quote ('"오른다."라고', "'팔린다.'고"). Like every rule of
    the splitter, it looks only inside the space-delimited token (see
    :func:`extract.engine.textspans.sentence_bounds`).

    Examples
    --------
    >>> text = "영향으로 풀이된다.SK하이닉스가 발표했다.◆ HBM 1위"
    >>> [text[i:i + 3] for i in glued_breaks(text)]
    ['SK하', '◆ H']
    >>> text = "'맥스' 냉장고를 출시한다.'푸드 쇼케이스' 도어도 있다. 그는 \\"오른다.\\"라고 했다."
    >>> [text[i:i + 3] for i in glued_breaks(text)]
    ["'푸드"]
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
