"""Parenthetical variants in one text: ``고대역폭메모리(HBM)``, ``RPO(잔여이행의무)``.

A parenthesis right after a noun phrase often gives another name for it: an
abbreviation, the English name or a Korean variant, several of them split by ``·``,
``/``, ``,`` or ``;``. The *head* is the noun phrase before ``(``, found from kiwipiepy
morphemes (a run of nouns, Latin words and noun affixes), so its start does not depend
on a fixed number of characters. Because the run may be longer than the term
(올해 반도체 고대역폭메모리), every whole-word suffix of it is kept as a possible head
(shortest first); :func:`extract.mine_aliases` chooses among them with corpus counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from corpus.korean import AGENCIES, HANGUL, HANGUL_SYLLABLES, words
from extract.discovery.junk import NOUN_TAGS, string_junk_reason, token_junk_reason

__all__ = ["Paren", "find_parens", "head_suffixes", "valid_item"]

_MAX_INNER = 60
_MAX_WINDOW = 48
_MAX_WORDS = 4
_MAX_ITEMS = 2
_SPLIT = re.compile(r"\s*[·ㆍ‧・/,，;；、]\s*")
# Anything but letters, digits, spaces and the joiners of names (R&D, OPEC+, K-칩스)
# ends the text a head can come from: punctuation, quotes, bullets (▲, *), brackets.
_STOP = re.compile(f"[^0-9A-Za-z{HANGUL_SYLLABLES} &+\\-]")
_LATIN_ITEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&.+'’\- ]*$")
# (이하 코로나19), (약칭 RPO): a declared short name; the lead word is not part of it.
_LEAD = re.compile(r"^(?:이하|약칭|약어|영문명?|영어명?|일명|통칭)\s+")
_NUMBER_WORD = re.compile(r"^[\d.,\-]+$|\.\d")  # 240, B.37
_LETTERS = re.compile(r"[A-Za-z]")
_NOT_TERM = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\d]{4,}|[=:：→~%]|^\W|\W$")
# Annotations and credits, not names: (가칭), (잠정), (종합), (현지시간), (사진=...).
_ANNOTATIONS = words(
    "가칭 잠정 잠정치 확정치 종합 단독 상보 속보 요약 주요내용 주요골자 개요 예시 참고 별첨 계속 "
    "이하 현지시간 한국시간 미국시간 예정 추정 추정치 전망치 평균 합계 소계 기준 누적 연율 "
    "전년 전년동기 전년대비 전월 전월대비 전분기 계절조정 원계열 복수응답 제안이유 해외시각 "
    "보도자료 자료 출처 사진 그래픽 표 그림 주 단위 비중 순위 증감 증감률 비고 "
    "영문 국문 원문 약칭 약어 영어 한국어 한글 명칭 이름 정식명칭 예 등 평잔 말잔 yoy qoq mom saar"
)
_HEAD_TAGS = NOUN_TAGS | {"MM"}
_PARTIAL = "·ㆍ‧・/%"
_CONJUNCTIONS = frozenset({"및", "또는", "혹은", "내지", "겸"})


class Paren(NamedTuple):
    """A parenthesis after a possible head: ``text[open]`` is ``(``, ``text[close]`` is ``)``."""

    window: str  # the text before "(", back to the previous punctuation (at most 48 chars)
    window_start: int
    open: int
    close: int
    items: tuple[str, ...]


def find_parens(text: str) -> list[Paren]:
    """Parentheses in ``text`` with a word right before them and short, flat content.

    Examples
    --------
    >>> [(p.window, p.items) for p in find_parens("메타는 자본 지출(Capex)을 늘렸다. (사진=연합)")]
    [('메타는 자본 지출', ('Capex',))]
    """
    out: list[Paren] = []
    pos = 0
    while True:
        open_ = text.find("(", pos)
        if open_ < 0:
            open_ = text.find("（", pos)
            if open_ < 0:
                return out
        pos = open_ + 1
        end = min(len(text), open_ + _MAX_INNER + 2)
        close = -1
        for i in range(open_ + 1, end):
            c = text[i]
            if c in ")）":
                close = i
                break
            if c in "(（\n":
                break
        if close < 0:
            continue
        lo = max(0, open_ - _MAX_WINDOW)
        before = text[lo:open_]
        if before.endswith(" "):
            before = before[:-1]  # 자본 지출 (Capex): one space is allowed
        if not before or before[-1].isspace():
            continue
        cut = max((m.end() for m in _STOP.finditer(before)), default=0)
        window = before[cut:]
        if not window.strip() or (cut and before[cut - 1] in _PARTIAL):
            continue  # 소재·부품·장비(소부장), 100% 사용(RE100): the head is only a part
        inner = text[open_ + 1 : close]
        if "=" in inner or ":" in inner or "：" in inner:
            continue  # (사진=연합), (단위: 억원)
        items = tuple(
            _LEAD.sub("", i.strip(" '\"“”‘’")).strip(" '\"“”‘’")
            for i in _SPLIT.split(inner.strip())
        )
        items = tuple(i for i in items if i)
        if 0 < len(items) <= _MAX_ITEMS:  # (Environment, Social, Governance) lists parts
            out.append(Paren(window, lo + cut, open_, close, items))


def valid_item(item: str, analyse: Callable[[str], Sequence[Any]]) -> bool:
    """Whether a parenthesis item can be a name: an abbreviation, a Latin name of up to
    six words, or a Korean noun phrase of up to four words (not a number, date, stock
    code, agency or annotation).

    ``analyse`` returns kiwipiepy tokens for a string (only called for Hangul items).
    """
    compact = item.replace(" ", "")
    if len(compact) < 2 or len(item) > _MAX_INNER or _NOT_TERM.search(item):
        return False
    if compact.lower() in _ANNOTATIONS or compact.lower() in AGENCIES:
        return False
    if string_junk_reason(item) is not None:
        return False
    if not HANGUL.search(item):
        tokens = item.split()
        return (
            bool(_LATIN_ITEM.match(item))
            and any(c.isupper() for c in item)  # a name, not a gloss (growth rate, yoy)
            and len(tokens) <= 6
            and not any(_NUMBER_WORD.search(w) for w in tokens)
        )
    if len(item.split()) > _MAX_WORDS:
        return False
    return token_junk_reason(analyse(item)) is None


def head_suffixes(window: str, tokens: Sequence[Any]) -> list[tuple[int, str]]:
    """Possible heads at the end of ``window`` (analysed into ``tokens``), shortest first,
    as ``(offset in window, head)``: every whole-word suffix of the noun run that ends
    the window, up to four words.

    Examples
    --------
    >>> from extract.engine.analyzer import get_kiwi
    >>> w = "메타는 올해 자본 지출"
    >>> head_suffixes(w, get_kiwi().tokenize(w))
    [(10, '지출'), (7, '자본 지출')]
    """
    end = len(window)
    if not tokens or tokens[-1].start + tokens[-1].len != end:
        return []
    start = end
    i = len(tokens) - 1
    while i >= 0:
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.tag == "MM":  # 고 of 고대역폭메모리: a determiner glued to a noun
            if nxt is None or nxt.start != tok.start + tok.len:
                break
        elif tok.tag not in _HEAD_TAGS and not (
            tok.tag == "SW" and window[tok.start : tok.start + tok.len] in ("&", "+", "-")
        ):
            break
        if nxt is not None and window[tok.start + tok.len : nxt.start] not in ("", " "):
            break
        start = tok.start
        i -= 1
    if i >= 0 and (tokens[i].tag in ("MAJ", "JC") or tokens[i].form in _CONJUNCTIONS):
        return []  # 포집 및 저장 기술(CCS): the head is one part of a coordination
    if i >= 0 and start < end and tokens[i].start + tokens[i].len == start:
        # The run starts inside a word: a particle glued to a noun is kiwipiepy misreading
        # a compound (건강+도+지수), so the head takes the whole word.
        start = window.rfind(" ", 0, start) + 1
    while start < end and not window[start].isalnum():
        start += 1  # -인공지능: a dash or plus can join names, not start one
    if start >= end:
        return []
    parts = window[start:end].split(" ")
    out: list[tuple[int, str]] = []
    offset = end
    for k in range(1, min(len(parts), _MAX_WORDS) + 1):
        offset -= len(parts[-k]) + (1 if k > 1 else 0)
        head = " ".join(parts[-k:])
        word = parts[-k]
        if not word:
            break  # two spaces in a row: not one phrase
        if string_junk_reason(word) is not None or (word[0].isdigit() and HANGUL.search(word)):
            break  # 올해, 100억원, 총, 1항: a time word, amount or fragment ends the phrase
        if (
            string_junk_reason(head) is None
            and len(head.replace(" ", "")) >= 2
            and head.replace(" ", "") not in _ANNOTATIONS
        ):
            out.append((offset, head))
    return out
