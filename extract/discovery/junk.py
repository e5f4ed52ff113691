"""What is not a term: numbers, dates, units, bylines, fragments and particle-bearing forms.

Used by :class:`extract.TermDiscoverer` on noun-phrase candidates and by
:func:`extract.mine_aliases` on the words around parentheses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from corpus.korean import (
    AGENCIES,
    BYLINE_TITLES,
    CREDITS,
    HANGUL,
    HANGUL_SYLLABLES,
    NUMBER_WORDS,
    TIME_WORDS,
    UNIT_WORDS,
    UNITS,
)
from extract.engine.analyzer import get_kiwi

__all__ = ["NOUN_TAGS", "junk_reason", "string_junk_reason", "token_junk_reason"]


#: Morpheme tags a term candidate is made of (nouns, Latin words, numbers, affixes).
NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SN", "XSN", "XPN"})

_WS = re.compile(r"\s+")
# Longest first, so that 분기 is tried before 분.
_UNIT = "(?:" + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + ")"
# A number, maybe with units after it, maybe repeated: 2026년3월, 100억원, 3.5%, 1.5%p.
_AMOUNT = re.compile(rf"^(?:[약총연제]?[\d.,~\-+]+{_UNIT}*)+$", re.IGNORECASE)
_DATE = re.compile(r"^(?=.)(?:\d{2,4}년)?(?:\d{1,2}월)?(?:\d{1,2}일)?(?:\d{1,2}분기)?$")
_MONTH_DAY = re.compile(
    r"^(?:[월화수목금토일](?:요일)?|[월화수목금토일]요일|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)$",
    re.IGNORECASE,
)
# A number glued to a counter or noun (2종, 3사, 1주택, 5파전): a count of things.
_COUNT = re.compile(rf"^[\d.,]+[{HANGUL_SYLLABLES}]")
_BYLINE = re.compile(f"(?:{'|'.join(BYLINE_TITLES)})$")
_WEB = re.compile(r"@|https?:|www\.|\.(?:com|net|org|kr|co)\b", re.IGNORECASE)
_LETTER = re.compile(f"[A-Za-z{HANGUL_SYLLABLES}]")
_BAD_TAG_PREFIXES = ("J", "E", "V", "XSV", "XSA", "VCP", "VCN")


def string_junk_reason(phrase: str) -> str | None:
    """Why ``phrase`` is not a term, judged from its characters alone (None if it may be).

    Examples
    --------
    >>> [string_junk_reason(p) for p in ("100억원", "3월", "목요일", "3사", "제로", "반도체 특별법", "B2B")]
    ['amount', 'date', 'date', 'amount', 'number', None, None]
    """
    compact = _WS.sub("", phrase)
    lower = compact.lower()
    if not _LETTER.search(compact):
        if not any(c.isdigit() for c in compact):
            return "symbol"
        return "amount" if "%" in compact else "number"
    if compact in NUMBER_WORDS:
        return "number"
    if _DATE.match(compact) or _MONTH_DAY.match(compact) or compact in TIME_WORDS:
        return "date"
    if _AMOUNT.match(compact) or _COUNT.match(compact):
        return "amount"
    if compact in UNIT_WORDS:
        return "unit"
    if _WEB.search(phrase):
        return "e-mail or web address"
    if lower in AGENCIES or lower in CREDITS or _BYLINE.search(compact):
        return "byline"
    if len(compact) < 2 or (
        len(compact) == 2 and not HANGUL.search(compact) and not compact.isupper()
    ):
        return "fragment"
    return None


def token_junk_reason(tokens: Sequence[Any]) -> str | None:
    """Why a phrase analysed into kiwipiepy ``tokens`` is not a term (None if it may be).

    Particles, endings and verbs mean an inflected form (금리가, 늘렸다), a phrase of
    one single-syllable noun is a fragment, a dependent noun (것, 등, 년) at either end
    is a fragment too, and numbers and symbols alone are amounts.
    """
    if not tokens:
        return "empty"
    for tok in tokens:
        if tok.tag.startswith(_BAD_TAG_PREFIXES):
            return "particle or ending"
    if tokens[0].tag == "NNB" or tokens[-1].tag == "NNB":
        return "dependent noun"
    if all(t.tag in ("SN", "SW", "SF", "SP", "SSO", "SSC", "NR") for t in tokens):
        return "number"
    if len(tokens) == 1 and tokens[0].tag in ("NNG", "NNP") and len(tokens[0].form) == 1:
        return "fragment"
    for i, t in enumerate(tokens[:-1]):
        if t.tag == "MM" and tokens[i + 1].start != t.start + t.len:
            return "not a noun phrase"  # 그 금리; the 고 of 고대역폭메모리 is glued
    if any(t.tag not in NOUN_TAGS and t.tag not in ("NNB", "SW", "NR", "MM") for t in tokens):
        return "not a noun phrase"
    if tokens[-1].tag == "MM":
        return "not a noun phrase"
    return None


def junk_reason(phrase: str) -> str | None:
    """Why ``phrase`` is not a candidate term, or None if it may be one.

    Reasons: ``number``, ``amount`` (3.5%, 100억원), ``date`` (3월, 목요일, 올해),
    ``unit`` (억원, 포인트), ``byline`` (홍길동 기자, 연합뉴스), ``e-mail or web address``,
    ``fragment`` (a single syllable or letter, a dependent noun), ``particle or ending``
    (금리가), ``not a noun phrase`` (늘렸다).

    Examples
    --------
    >>> [junk_reason(p) for p in ("고대역폭메모리", "2026년", "금리가", "hong@yna.co.kr")]
    [None, 'date', 'particle or ending', 'e-mail or web address']
    """
    if not isinstance(phrase, str):
        raise TypeError(f"`phrase` should be a str, got {type(phrase).__name__}")
    reason = string_junk_reason(phrase)
    if reason is not None:
        return reason
    return token_junk_reason(get_kiwi(block_others=False, all_names=True).tokenize(phrase.strip()))
