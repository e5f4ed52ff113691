"""Candidates that are terms: no numbers, units or time words inside, generic words down."""

from __future__ import annotations

import pytest

from extract import TermDiscoverer
from glossary import Glossary, Term

G = Glossary([Term(id="op", term="영업이익"), Term(id="oil", term="유가")], name="t")

# One row per class of fragment: a proposal must not hold any of these units.
FRAGMENT_DOCS = [
    ("time word + known term", "지난해 영업이익 급증 전망에 반도체 특별법 논의"),
    ("known term + number", "유가 100 돌파 속 반도체 특별법 논의"),
    ("number + noun", "15 규제 완화와 반도체 특별법 논의"),
    ("time word + number", "내년 1 분석과 반도체 특별법 논의"),
    ("abbreviation + number", "시총 3 위 기업의 반도체 특별법 논의"),
]


@pytest.mark.parametrize(("case", "text"), FRAGMENT_DOCS, ids=[c for c, _ in FRAGMENT_DOCS])
def test_no_number_or_time_fragments(case: str, text: str) -> None:
    d = TermDiscoverer(glossary=G, min_df=2, max_candidates=100).fit([text] * 3)
    phrases = [c.phrase for c in d.candidates_]
    assert "반도체 특별법" in phrases
    bad = [
        p for p in phrases if any(w in p.split() for w in ("지난해", "내년", "100", "15", "1", "3"))
    ]
    assert bad == [], case


def test_generic_single_words_rank_below_compound_terms() -> None:
    # 감소, 이용 and 비용 are more frequent than the planted term, but everyday words.
    docs = [f"감소 이용 비용 확인 {i}번 기사" for i in range(8)]
    docs += ["탄소 국경 조정 제도 시행"] * 4
    d = TermDiscoverer(glossary=G, min_df=2, max_candidates=20).fit(docs)
    phrases = [c.phrase for c in d.candidates_]
    top = min(i for i, p in enumerate(phrases) if p.startswith("탄소 국경"))
    for word in ("감소", "이용", "비용"):
        assert word not in phrases or phrases.index(word) > top, phrases
