"""Noun runs: what a candidate phrase may be made of."""

from __future__ import annotations

import pytest

from extract.discovery.phrases import noun_phrases
from extract.engine.analyzer import get_kiwi


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("기준금리 0.25%P 인하", "P"),  # percentage points: Kiwi splits %, P
        ("대출금리 최대 6%p 인하", "p"),
        ("금리 25bp 인상", "bp"),
    ],
)
def test_the_unit_of_an_amount_starts_no_phrase(text: str, unit: str) -> None:
    phrases = [text[s:e] for s, e in noun_phrases(get_kiwi().tokenize(text), text)]
    assert not any(p.startswith(unit) for p in phrases), phrases
    assert any("인" in p for p in phrases)  # the noun after the amount is still read


def test_latin_words_and_numbered_names_still_make_phrases() -> None:
    text = "5G 투자와 B2B 시장, AI 반도체"
    phrases = [text[s:e] for s, e in noun_phrases(get_kiwi().tokenize(text), text)]
    assert phrases == ["5G 투자", "B2B 시장", "AI 반도체"]
