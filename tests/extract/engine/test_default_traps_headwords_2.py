"""Traps found while tagging non-held-out news and policy records with the terms of
glossary/data/default/73_public_headwords_2.yaml (the second public-headword sweep).

Each trap is a class of text, written here in our own words: a short form glued into a
longer word with another meaning (수출주 in 수출주도형 and 수출주요국가, 내수주 in 내수주도형,
재수출 read across 목재 수출, 1차 산업 inside an ordinal 제1차 산업기술 회의, 수출세 as export
momentum), a term inside a phrase of another kind (소득금액 of asset income, 대체 효과 of a
fuel replaced, 시장 규율 in 자본시장 규율, 이자 수익 in 순이자 수익, 저당권 in the name
미연방저당권협회), cost shifting onto a weaker party (비용 전가) that is no price
pass-through, and news columns named like terms (인더머니, 마이머니). Forms dropped for the
same reason (등가격 across 차등가격제 and 등 가격, 시장 조성 of fostering a market, 상품 선물
and 주식 선물 of a gift) are checked to stay untagged. The term must still be found where
it is meant.
"""

from __future__ import annotations

import pytest

# The default glossary's tagger (one per test process, tests/conftest.py) loads kiwipiepy.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("동남아 국가들은 수출주도형 성장 전략을 택했다", "export_stocks", False, "export-led"),
    ("수출주도성장 모델의 한계가 드러났다", "export_stocks", False, "export-led growth"),
    ("(수출주요품목) 석유제품과 선박이 늘었다", "export_stocks", False, "main export items"),
    ("환율이 오르자 자동차 등 수출주가 강세를 보였다", "export_stocks", True, "the stocks"),
    ("전자기기 산업은 내수주도형으로 키운다", "domestic_demand_stocks", False, "domestic-led"),
    ("건설사의 국내수주가 소폭 늘었다", "domestic_demand_stocks", False, "domestic orders"),
    ("소비 회복 기대에 내수주가 올랐다", "domestic_demand_stocks", True, "the stocks"),
    ("러시아 목재수출자연합과 협력한다", "re_export", False, "timber exports"),
    ("홍콩은 중국 제품의 재수출 거점이다", "re_export", True, "re-export"),
    ("제1차 산업기술 라운드테이블을 열었다", "primary_industry", False, "an ordinal"),
    ("농업 같은 1차 산업의 고용 비중이 줄었다", "primary_industry", True, "primary sector"),
    ("자산소득금액이 높을수록 참가율이 낮다", "taxable_income_amount", False, "asset income"),
    ("세무조사로 적출한 소득금액이 1조원이다", "taxable_income_amount", True, "the tax amount"),
    ("[인더머니] 인터넷은행 순이익이 늘었다", "in_the_money", False, "a news column"),
    ("차등가격제가 도입되어도 쿼터는 유지된다", "at_the_money", False, "dropped: dual pricing"),
    ("원유 등 가격이 크게 내렸다", "at_the_money", False, "dropped: 등 = etc."),
    ("건전한 시장 조성과 투자자 보호가 필요하다", "market_making", False, "dropped: fostering"),
    ("배송상품 선물 서비스가 늘었다", "commodity_futures", False, "dropped: a gift"),
    ("무위험 자산의 수익률이 올랐다", "risk_free_asset", True, "risk-free asset"),
    ("보고서는 가계의 금융부채가 늘었다고 밝혔다", "financial_liabilities", True, "liabilities"),
    ("나라의 대외금융부채가 늘었다", "financial_liabilities", False, "the IIP term wins"),
    ("일본은행은 무담보콜 익일물 금리를 올렸다", "unsecured_call", True, "the BOJ rate"),
    ("중국의 지방정부 부채 리스크가 커졌다", "local_government_debt", True, "spaced form"),
    ("노조가 조정 중지 결정으로 쟁의권을 확보했다", "right_to_strike", True, "strike right"),
    ("편의점과 준대규모점포 매출이 늘었다", "semi_large_store", True, "the store class"),
    ("미연방저당권협회(Fannie Mae)가 발표했다", "mortgage_right", False, "an agency's name"),
    ("은행은 건물에 저당권을 설정했다", "mortgage_right", True, "the lien"),
    ("대형유통업체의 일방적 비용 전가를 막는다", "pass_through_rate", False, "cost shifting"),
    ("일본 기업들의 가격 전가가 이어졌다", "pass_through_rate", True, "pass-through"),
    ("[인더머니] 반도체 ELS가 뜬다", "in_the_money", False, "a news column again"),
    ("- (수출주요국가) 중국과 미국이 늘었다", "export_stocks", False, "main export markets"),
    ("화석연료 대체 효과 등 세 가지 효과가 있다", "substitution_effect", False, "fuel replaced"),
    ("값이 오르자 다른 상품으로 옮겨가는 대체효과가 나타났다", "substitution_effect", True, "econ"),
    ("새 증권을 자본시장 규율에 포섭해야 한다", "market_discipline", False, "market regulation"),
    ("예금자에 의한 시장규율이 약해졌다", "market_discipline", True, "depositor discipline"),
    ("이 중 38유로가 순이자 수익이었다", "interest_revenue", False, "net interest income"),
    ("증권사들 디지털 혁신 [마이머니]", "e_money", False, "a news column"),
    ("토스 주식 선물하기가 10만건을 넘었다", "stock_futures", False, "dropped: a gift of shares"),
    ("공급망 차질이 수출세 제약 요인이다", "export_duty", False, "수출세 = export momentum"),
    ("인니는 광물 수출관세를 10%로 올렸다", "export_duty", True, "the duty"),
    ("제3차 산업정책심의회를 열었다", "tertiary_industry", False, "an ordinal"),
    ("2, 3차 산업혁명을 거치며 기술이 바뀌었다", "tertiary_industry", False, "revolutions"),
    ("서비스업 같은 3차 산업의 고용이 늘었다", "tertiary_industry", True, "the sector"),
    ("기업 유치 산업단지를 조성한다", "infant_industry", False, "attracting firms"),
    ("설립 중인 유치산업 보호를 위해 관세를 올렸다", "infant_industry", True, "infant industry"),
    (
        "한은은 금융중개지원대출 한도를 늘렸다",
        "financial_intermediation",
        False,
        "the BOK facility",
    ),
    (
        "탈금융중개형 플랫폼이 늘었다",
        "financial_intermediation",
        False,
        "opposite",
    ),
    ("은행의 금융중개 기능이 중요하다", "financial_intermediation", True, "intermediation"),
    ("세계표준포럼 유치 산업통상자원부는 밝혔다", "infant_industry", False, "a headline run-on"),
    ("민간 투자 860억원 유치 산업부는 15일 밝혔다", "infant_industry", False, "a headline run-on"),
]


@pytest.mark.parametrize(
    ("text", "term_id", "expected", "why"), CASES, ids=[f"{c[1]}-{c[3]}" for c in CASES]
)
def test_headwords_2_trap(default_tagger, text, term_id, expected, why):
    assert (term_id in {m.term_id for m in default_tagger.tag(text)}) is expected, why
