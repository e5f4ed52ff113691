"""Fewer kiwipiepy reads per new word: marks cut off before a read, and the boundary model."""

from __future__ import annotations

import pytest

from extract.engine.analyzer import get_kiwi
from extract.engine.boundary import BoundaryModel, features
from extract.engine.wordcheck import WordCheck, marked_core


@pytest.mark.parametrize(
    ("word", "start", "end", "core"),
    [
        ("(기준금리)를", 1, 5, ("기준금리", 0, 4)),
        ("「새나라자동차공업주식회사」와", 7, 9, ("새나라자동차공업주식회사", 6, 8)),
        ("예산억제,", 0, 2, ("예산억제", 0, 2)),
        ("가.석유화학공업", 4, 6, ("석유화학공업", 2, 4)),
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


def _counting_check(model: BoundaryModel | None = None) -> tuple[WordCheck, list[str]]:
    kiwi = get_kiwi(("유가증권",))
    reads: list[str] = []

    class Counting:
        def analyze(self, text: str, **kw: object) -> object:
            reads.append(text)
            return kiwi.analyze(text, **kw)

    return WordCheck(lambda: Counting(), model=model), reads


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


def test_a_sure_model_answers_new_words_without_a_read() -> None:
    # Weights that make the model sure of 금리 after 출 and unsure of anything else.
    model = BoundaryModel({"bh=출|금리": 30.0}, 0.0, 20.0, -20.0, "", frozenset())
    check, reads = _counting_check(model)
    assert check("대출금리를 올렸다", 2, 4) is True
    assert reads == []
    check("유가증권시장에서 거래", 0, 2)  # unsure: kiwipiepy reads it
    assert reads[0] == "유가증권시장"


def test_a_word_read_before_is_answered_by_its_reading_not_the_model() -> None:
    # A model that is sure and wrong: once the word was read, the reading decides.
    model = BoundaryModel({"h=금리": -30.0}, 0.0, 20.0, -20.0, "", frozenset())
    check, reads = _counting_check(model)
    check.model = None
    assert check("대출금리를 올렸다", 2, 4) is True
    check.model = model
    assert check("대출금리는 올랐다", 2, 4) is True
    assert check("예금금리는 올랐다", 2, 4) is False  # new: the model answers
    assert reads == ["대출금리"]


def test_features_name_the_glossary_words_around_the_hit() -> None:
    f = features("대출금리인상", 2, 4, frozenset({"대출", "인상"}))
    assert {"h=금리", "Hf=1", "Tf=1", "b1=출", "a1=인", "k=HH"} <= set(f)
    assert "Hf=0" in features("새금리", 1, 3, frozenset({"대출"}))
