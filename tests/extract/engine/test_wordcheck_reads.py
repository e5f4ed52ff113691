"""Fewer kiwipiepy reads per new word: brackets, quotes, middle dots and commas cut off."""

from __future__ import annotations

import pytest

from extract.engine.analyzer import get_kiwi
from extract.engine.wordcheck import WordCheck, marked_core


@pytest.mark.parametrize(
    ("word", "start", "end", "core"),
    [
        ("(기준금리)를", 1, 5, ("기준금리", 0, 4)),
        ("「새나라자동차공업주식회사」와", 7, 9, ("새나라자동차공업주식회사", 6, 8)),
        ("예산억제,", 0, 2, ("예산억제", 0, 2)),
        ("가.석유화학공업", 4, 6, ("가.석유화학공업", 4, 6)),  # a full stop stays
        ("1,000억원,", 6, 7, ("1,000억원", 6, 7)),  # a comma inside a number stays
        ("재정·통화정책을", 3, 5, ("통화정책을", 0, 2)),
        ("인수·합병을", 0, 5, ("인수·합병을", 0, 5)),  # never cut inside the hit
        ("www.k-startup.go.kr", 6, 13, ("www.k-startup.go.kr", 6, 13)),  # an address
        ("3.5%금리", 5, 7, ("3.5%금리", 5, 7)),  # a number
        ("대출금리", 2, 4, ("대출금리", 2, 4)),
    ],
)
def test_marked_core(word: str, start: int, end: int, core: tuple[str, int, int]) -> None:
    assert marked_core(word, start, end) == core
    text, s, e = marked_core(word, start, end)
    assert text[s:e] == word[start:end]


def _counting_check() -> tuple[WordCheck, list[str]]:
    kiwi = get_kiwi(("유가증권",))
    reads: list[str] = []

    class Counting:
        def analyze(self, text: str, **kw: object) -> object:
            reads.append(text)
            return kiwi.analyze(text, **kw)

    return WordCheck(lambda: Counting()), reads


def test_one_read_whatever_the_marks_around_the_word() -> None:
    check, reads = _counting_check()
    texts = [
        "(대출금리)를 올렸다",
        "대출금리, 예금금리",
        "「대출금리」가 올랐다",
        "대출금리를 올렸다",
    ]
    starts = [1, 0, 1, 0]
    assert [check(t, s + 2, s + 4) for t, s in zip(texts, starts, strict=True)] == [True] * 4
    assert reads == ["대출금리"]
