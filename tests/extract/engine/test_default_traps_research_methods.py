"""Traps found while writing and tagging the terms of
glossary/data/default/75_research_methods.yaml (research methods, statistics and economic
theory in KDI research summaries).

Each trap is a class of text, written here in our own words: a method's short form that is
also part of an everyday word (가변수 inside 가변수익 and 가변수수료, 가격 차별 inside 가격
차별화 of marketing, 봉쇄 효과 of a lockdown, 흡수능력 of forests taking up carbon), an
acronym or compound with an everyday sense (MMT, the money-market trust next to MMF; HHI, an
institute's initials; 신뢰수준, the level of social trust; 오차범위, a measuring tolerance; 적정
환율, the rate an exporter can live with; TGA, Australia's drug regulator; 손실 회피, avoiding
a loss; 수요 독점할까, a headline verb; 조세경쟁력, tax competitiveness), and short
generic words the file deliberately leaves out because the same texts use them in another
sense (탄력성 of supply-chain resilience, 할인율 of a shop discount). The term must still be
found where it is meant.
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
    ("MMT·MMF 같은 단기금융상품이 늘었다", "modern_monetary_theory", False, "money trust"),
    ("현대통화이론은 재정적자를 옹호한다", "modern_monetary_theory", True, "the theory"),
    ("우리나라의 사회적 신뢰수준은 중간이다", "confidence_interval", False, "social trust"),
    ("95% 신뢰구간은 1.2에서 1.8이다", "confidence_interval", True, "the interval"),
    ("코로나 봉쇄 효과로 소비가 줄었다", "foreclosure_effect", False, "a lockdown"),
    ("끼워팔기의 시장봉쇄효과를 따졌다", "foreclosure_effect", True, "antitrust"),
    ("산림의 탄소 흡수능력이 크다", "absorptive_capacity", False, "carbon uptake"),
    ("중소기업의 기술흡수능력이 낮다", "absorptive_capacity", True, "technology"),
    ("MMF·MMT 등 단기상품 감독을 강화한다", "modern_monetary_theory", False, "MMT after MMF"),
    ("공간자기회귀모형으로 경쟁을 분석했다", "spatial_econometrics", True, "spatial AR"),
    ("GPS 측량의 오차범위를 줄였다", "sampling_error", False, "measurement tolerance"),
    ("이 조사의 표본오차는 ±3.1%포인트다", "sampling_error", True, "poll error"),
    ("헤르츠 연구소(HHI)와 협력센터를 열었다", "herfindahl_index", False, "an institute"),
    ("합병 뒤 허핀달지수가 2,500을 넘는다", "herfindahl_index", True, "concentration"),
    ("중소기업들은 적정 환율을 1,360원으로 봤다", "equilibrium_exchange_rate", False, "break-even"),
    ("원화가 균형환율보다 저평가되었다", "equilibrium_exchange_rate", True, "fundamentals"),
    ("호주 TGA 허가를 받은 의료기기다", "treasury_general_account", False, "drug agency"),
    ("투자 손실 회피를 위해 주식을 팔았다", "loss_aversion", False, "avoiding a loss"),
    ("손실회피 성향 때문에 손절하지 못한다", "loss_aversion", True, "the bias"),
    ("나홀로 공모에 나서…수요 독점할까", "monopsony", False, "a verb phrase"),
    ("플랫폼의 노동수요독점력을 추정했다", "monopsony", True, "labour monopsony"),
    ("한국의 조세경쟁력은 26위다", "tax_competition", False, "competitiveness"),
    ("국가 간 조세 경쟁을 막는다", "tax_competition", True, "the race"),
    # The change of one firm's or one loan's structure is not an economy's structural change.
    ("최대주주 지분구조 변화가 있었다", "structural_change", False, "a shareholding structure"),
    ("자금조달 구조 변화로 금리 부담이 줄었다", "structural_change", False, "a funding mix"),
    ("회사는 수익 구조 변화를 꾀했다", "structural_change", False, "a firm's revenue mix"),
    ("고용의 구조적 변화가 이어졌다", "structural_change", True, "the economy's"),
    ("임대차시장의 구조 변화가 뚜렷하다", "structural_change", True, "a market's"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_research_methods_trap(default_tagger, text, term_id, expected, why):
    assert (term_id in {m.term_id for m in default_tagger.tag(text)}) is expected, why
