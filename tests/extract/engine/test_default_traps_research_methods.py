"""Traps found while writing and tagging the terms of
glossary/data/default/75_research_methods.yaml (research methods, statistics and economic
theory in KDI research summaries).

Each trap is a class of text, written here in our own words: a method's short form that is
also part of an everyday word (가변수 inside 가변수익 and 가변수수료, 가격 차별 inside 가격
차별화 of marketing), and short generic words the file deliberately leaves out because the
same texts use them in another sense (탄력성 of supply-chain resilience, 할인율 of a shop
discount). The term must still be found where it is meant.
"""

from __future__ import annotations

import pytest

# The default glossary's tagger (one per test process, tests/conftest.py) loads kiwipiepy.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("이 상품은 가변수익 구조로 설계됐다", "dummy_variable", False, "variable return"),
    ("가변수수료 체계를 도입한다", "dummy_variable", False, "variable fee"),
    ("회귀식에 지역 가변수를 넣었다", "dummy_variable", True, "the dummy"),
    ("경쟁사와의 가격 차별화 전략을 폈다", "price_discrimination", False, "differentiation"),
    ("가격차별화에 성공했다", "price_discrimination", False, "differentiation, glued"),
    ("독점기업의 가격 차별은 후생을 줄일 수 있다", "price_discrimination", True, "the concept"),
    ("공급망 회복 탄력성을 높여야 한다", "elasticity_of_substitution", False, "resilience"),
    ("자본과 노동의 대체탄력성이 1보다 작다", "elasticity_of_substitution", True, "econ"),
    ("구조VAR 모형으로 유가 충격을 식별했다", "structural_var", True, "glued form"),
    ("공적분 관계가 확인되었다", "cointegration", True, "the relation"),
    ("의중임금이 높아 구직 기간이 길어졌다", "reservation_wage", True, "survey name"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_research_methods_trap(default_tagger, text, term_id, expected, why):
    assert (term_id in {m.term_id for m in default_tagger.tag(text)}) is expected, why
