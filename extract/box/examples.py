"""Choosing example sentences an editor would quote."""

from __future__ import annotations

import re

from corpus.korean import HANGUL_SYLLABLES

__all__ = ["example_score", "is_boilerplate", "is_junk_sentence", "list_marker", "snippet"]

# A Korean name of a place or person (in datelines and bylines).
_NAME = f"[{HANGUL_SYLLABLES}]"
_JUNK = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+"  # e-mail
    r"|https?://|www\."
    r"|[ⓒ©]|무단\s*전재|재배포\s*금지|저작권자|All rights reserved"
    r"|^\s*[\[(〔【]?\s*(사진|그래픽|자료|영상|이미지)\s*[=:제]"  # photo / graphic credit
    r"|\(\s*(사진|자료|그래픽)\s*(제공)?\s*[=:]"
    r"|/\s*(사진|자료|그래픽)\s*=|^\s*사진은\s"  # "…팀장./사진=한빛은행 제공", "사진은 …"
    r"|[(\[]" + _NAME + r"{2,6}\s*=\s*[^()\[\]\s]{2,12}[)\]]"  # dateline: (서울=한빛뉴스)
    r"|[\[(][^\[\]()]{0,20}(기자|특파원)[\])]"  # byline in brackets: [한빛경제 홍길동 기자]
    r"|^\s*[▲△▶▷■□◆◇●○※☞]"  # caption and list bullets
    r"|^" + _NAME + r"{2,4}\s*(기자|특파원|선임기자|객원기자)\s*$"  # byline alone
    r"|" + _NAME + r"{2,4}\s*(기자|특파원)\s*=|=\s*" + _NAME + r"{2,4}\s*(기자|특파원)",
    re.IGNORECASE,
)
# A list item's marker: "- ", "* ", "1. ", "2) ", "① ", or a symbol bullet (ㅇ ○ ＊ •).
_LIST_MARK = re.compile(r"(?:[-–—*]\s+|[＊•○◦ㅇ▪]\s*|\d{1,2}[.)]\s+|[①-⑳]\s*)(?=\S)")
_SENT_END = re.compile(r"(다|요|죠|음|함|됨)[.!?]?[\"'”’)\]]*$|[.!?。][\"'”’)\]]*$")
_WS = re.compile(r"\s+")

#: Sentences shorter or longer than this are not offered as examples.
MIN_CHARS, MAX_CHARS = 15, 320


def is_junk_sentence(sentence: str) -> bool:
    """True for bylines, e-mail addresses, URLs, photo captions and copyright lines,
    and for sentences too short or too long to quote.

    Examples
    --------
    >>> is_junk_sentence("홍길동 기자 gildong@example.com")
    True
    >>> is_junk_sentence("하이퍼스케일러들은 올해 자본 지출을 40% 늘릴 계획이다.")
    False
    """
    s = sentence.strip()
    if not MIN_CHARS <= len(s) <= MAX_CHARS:
        return True
    return is_boilerplate(s)


def is_boilerplate(sentence: str) -> bool:
    """True for bylines, e-mail addresses, URLs, photo captions and copyright lines.

    Examples
    --------
    >>> is_boilerplate("ⓒ 한빛경제, 무단 전재 및 재배포 금지"), is_boilerplate("금리가 올랐다.")
    (True, False)
    """
    return bool(_JUNK.search(sentence.strip()))


def list_marker(sentence: str) -> int:
    """Length of the list marker ``sentence`` starts with (0 if none), to quote without it.

    Examples
    --------
    >>> [list_marker(s) for s in ("- 수출이 늘었음.", "ㅇ 금리 동결", "-1.1% 역성장", "금리")]
    [2, 2, 0, 0]
    """
    m = _LIST_MARK.match(sentence)
    return m.end() if m else 0


def example_score(sentence: str, *, field: str = "body") -> float:
    """How good ``sentence`` is as a quoted example (higher is better; junk is 0).

    Prefers complete sentences of 40-160 characters from article bodies, with some
    figures in them, and few brackets or quotation marks.
    """
    s = sentence.strip()
    if is_junk_sentence(s):
        return 0.0
    n = len(s)
    score = 1.0
    if n < 40:
        score -= (40 - n) / 50
    elif n > 160:
        score -= min(0.6, (n - 160) / 250)
    if _SENT_END.search(s):
        score += 0.3
    if field == "title":
        score -= 0.25
    if any(c.isdigit() for c in s):
        score += 0.1
    noise = sum(s.count(c) for c in "[]<>{}|\"“”'‘’…·")
    score -= min(0.4, 0.05 * noise)
    return round(max(score, 0.01), 4)


def snippet(sentence: str, start: int, end: int, *, width: int = 90) -> tuple[str, int, int]:
    """Cut ``sentence`` to about ``width`` characters around ``sentence[start:end]``.

    Cuts fall on spaces and are marked with ``…``. Returns the snippet and the
    mention's offsets inside it.

    Examples
    --------
    >>> s = "메타와 구글 등 하이퍼스케일러들은 올해 자본 지출로 총 6600억 달러를 지출할 수 있으며 내년에도 비슷한 수준을 유지할 것으로 보인다."
    >>> snippet(s, 25, 30, width=40)[0]
    '…올해 자본 지출로 총 6600억 달러를 지출할 수 있으며…'
    """
    text = _WS.sub(" ", sentence)
    if len(text) != len(sentence):  # keep offsets valid when whitespace collapses
        text = sentence.replace("\n", " ")
    if len(text) <= width:
        return text, start, end
    room = max(width - (end - start), 10)
    lo = max(0, start - room // 3)
    hi = min(len(text), end + room - (start - lo))
    if hi == len(text):
        lo = max(0, hi - width)
    if lo > 0:
        sp = text.find(" ", lo, start)
        lo = sp + 1 if sp >= 0 else lo
    if hi < len(text):
        sp = text.rfind(" ", end, hi)
        hi = sp if sp >= 0 else hi
    out = text[lo:hi].strip()
    shift = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip()))
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    return prefix + out + suffix, start - shift + len(prefix), end - shift + len(prefix)
