"""The fast path's word check reads a noun once whatever particle follows it."""

from __future__ import annotations

import pytest

from extract.engine.analyzer import get_kiwi
from extract.engine.wordcheck import WordCheck, fold_particle


@pytest.mark.parametrize(
    ("word", "end", "folded"),
    [
        ("기준금리를", 4, "기준금리"),
        ("기준금리에서", 4, "기준금리"),
        ("유가증권시장에", 2, "유가증권시장"),
        ("자산가", 2, "자산가"),  # 가 right after the hit may be the noun suffix -가
        ("자산가를", 2, "자산가"),
        ("파이", 2, "파이"),  # never into the hit
        ("AI가", 2, "AI가"),  # only after Hangul
        ("경기도", 2, "경기도"),
    ],
)
def test_fold_particle(word: str, end: int, folded: str) -> None:
    assert fold_particle(word, end) == folded


def _counting_check(kiwi: object) -> tuple[WordCheck, list[str]]:
    """A word check over ``kiwi`` and the list of the texts it has kiwipiepy read."""
    reads: list[str] = []

    class Counting:
        def analyze(self, text: str, **kw: object) -> object:
            reads.append(text)
            return kiwi.analyze(text, **kw)  # type: ignore[attr-defined]

    return WordCheck(lambda: Counting()), reads


def test_one_read_per_noun_whatever_the_particle() -> None:
    check, reads = _counting_check(get_kiwi(("유가증권",)))
    got = [check(f"대출금리{p} 올랐다", 2, 4) for p in ("를", "는", "의", "에서", "으로")]
    assert got == [True] * 5
    assert reads == ["대출금리"]


def test_a_word_another_glossary_taught_is_not_broken_when_kiwi_reads_it_whole() -> None:
    # 스테이블코인 is one (unknown) word to kiwipiepy; a glossary that teaches it must not
    # make every other glossary's view split it, as blocking it would (스테이블코 + 인).
    get_kiwi(("스테이블코인",))
    other = get_kiwi(("기준금리",))
    assert other.tokenize("스테이블코인 법안")[0].form == "스테이블코인"


def _fold_by_scan(word: str, end: int) -> str:
    """fold_particle as first written: every particle tried, longest first."""
    from corpus.korean import PARTICLES, is_hangul
    from extract.engine.wordcheck import _NOUN_LIKE

    for p in sorted(PARTICLES, key=len, reverse=True):
        if word.endswith(p):
            cut = len(word) - len(p)
            if cut < end or cut == 0 or not is_hangul(word[cut - 1]):
                return word
            if cut == end and p in _NOUN_LIKE:
                return word
            return word[:cut]
    return word


def test_fold_particle_agrees_with_trying_every_particle() -> None:
    from corpus.korean import PARTICLES

    stems = ("금리", "기준금리", "자산", "AI", "3%", "", "은행간", "에서")
    words = {s + p for s in stems for p in (*PARTICLES, "", "들", "가를", "인데")}
    checked = 0
    for word in words:
        for end in range(len(word) + 1):
            assert fold_particle(word, end) == _fold_by_scan(word, end), (word, end)
            checked += 1
    assert checked > 1000


def test_a_full_cache_keeps_the_words_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    # A full cache drops its least recently used words: a noun checked all along the
    # stream is read once, however many other words pass through.
    from extract.engine import wordcheck

    monkeypatch.setattr(wordcheck, "_CACHE_LIMIT", 4)
    monkeypatch.setattr(wordcheck, "_EVICT", 2)
    check, reads = _counting_check(get_kiwi(()))
    others = ["신혼가전", "공유모빌리티", "수소충전소", "유가증권시장", "해외주식", "국채금리"]
    # A new particle each time: the verdict is not settled yet, the reading is cached.
    for other, particle in zip(others, ("를", "는", "의", "에서", "으로", "와"), strict=True):
        check(f"{other} 관련", 0, 2)
        check(f"대출금리{particle} 올렸다", 2, 4)
    assert reads.count("대출금리") == 1
    assert len(check) <= 4
