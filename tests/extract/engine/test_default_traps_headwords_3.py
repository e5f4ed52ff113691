"""Traps found while tagging non-held-out news and policy records with the terms of
glossary/data/default/74_public_headwords_3.yaml (the third public-headword sweep).

Each trap is a class of text, written here in our own words: a term glued into a longer
word with another meaning (손비 in 대손비용, 생산재 in 생산재개, 자산보유자 in
가상자산보유자, 물산업 in 생물산업), an adverb before a noun read as one compound (계속
기업 현장을 찾는다 is no going concern), a compound that continues into another word
(가격 차별화 is no price discrimination, 스마트 워크플레이스 no smart work), and forms
dropped because ordinary prose uses them in another sense (시간가치 of travel time,
재고순환 of rotating stock, 기술적 분석 of descriptive research, 공동 시장 점유율,
이익 조정 after 영업, RCF of the IMF's rapid credit facility, 전환형 of a target-conversion
fund, 사업자 등록 of a sector licence, a headline ending in 수주 run on into
산업통상자원부). The term must still be found where it is meant.
"""

from __future__ import annotations

import pytest

# The default glossary's tagger (one per test process, tests/conftest.py) loads kiwipiepy.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("은행의 대손비용이 늘었다", "deductible_expenses", False, "credit cost"),
    ("대손비 증가로 이익이 줄었다", "deductible_expenses", False, "credit cost, short"),
    ("세법은 이 비용을 손금으로 인정한다", "deductible_expenses", True, "deductible"),
    ("대손금의 손비 인정이 필요하다", "deductible_expenses", True, "손비 itself"),
    ("공장 가동이 멈췄다가 생산재개에 들어갔다", "producer_goods", False, "resumption"),
    ("파업이 끝나 생산 재개 시점을 정했다", "producer_goods", False, "spaced resumption"),
    ("생산재 가격이 올라 기업 자금 수요가 늘었다", "producer_goods", True, "producer goods"),
    ("가상자산보유자의 위탁자산을 보호한다", "originator", False, "crypto holders"),
    ("가상자산 보유자 수가 늘었다", "originator", False, "crypto holders, spaced"),
    ("자산보유자별로 보면 금융회사의 ABS 발행이 늘었다", "originator", True, "originator"),
    ("정부는 생물산업 육성 계획을 세웠다", "water_industry", False, "bio-industry"),
    ("정부는 생물산업 육성 계획을 세웠다", "bio_industry", True, "bio-industry alias"),
    ("물산업 클러스터에 기업이 입주했다", "water_industry", True, "the water industry"),
    ("장관은 계속 기업 현장과 소통하겠다고 말했다", "going_concern_basis", False, "adverb"),
    ("감사인은 계속기업 가정에 의문을 제기했다", "going_concern_basis", True, "the assumption"),
    ("가격 차별화 전략으로 매출을 늘렸다", "price_discrimination", False, "differentiation"),
    ("플랫폼의 가격차별로 소비자 후생이 줄 수 있다", "price_discrimination", True, "the term"),
    ("스마트 워크플레이스를 구축한다", "smart_work", False, "a workplace product"),
    ("정부청사에 스마트워크센터를 열었다", "smart_work", True, "smart work centre"),
    ("간접비(통행 시간가치)를 더해 산정했다", "time_value_of_money", False, "travel time"),
    ("화폐의 시간가치를 반영해 할인한다", "time_value_of_money", True, "time value of money"),
    ("요소는 재고순환하는 방식으로 비축한다", "inventory_cycle", False, "stock rotation"),
    ("재고순환지표가 경기 회복을 예고했다", "inventory_cycle", True, "the indicator"),
    ("건강 실태에 대한 기술적 분석 결과가 나왔다", "technical_analysis", False, "dropped"),
    ("이 회사의 공동 시장 점유율은 59%다", "common_market", False, "dropped: joint share"),
    ("부문별 영업이익 조정이 있었다", "earnings_management", False, "dropped"),
    ("IMF는 RCF(Rapid Credit Facility)를 제공했다", "revolving_credit_facility", False, "IMF"),
    ("핵심 은행들과 회전신용약정을 맺었다", "revolving_credit_facility", True, "the RCF"),
    ("목표전환형 펀드가 출시됐다", "umbrella_fund", False, "target conversion fund"),
    ("노후 가구들이 계약경락 결과를 기다린다", "auction_loan_winning_bid", True, "auction"),
    ("전세사기 피해자에게 경락잔금대출 규제를 완화했다", "auction_loan_winning_bid", True, "loan"),
    ("자격 취득가능 여부를 확인한다", "acquisition_value", False, "acquirable"),
    ("양도차익은 양도가액에서 취득가액을 뺀 값이다", "acquisition_value", True, "cost basis"),
    ("보고서는 직접 비교가 어렵다고 밝혔다", "direct_cost", False, "directly compare"),
    ("생활교통비용은 직접비와 간접비의 합이다", "direct_cost", True, "direct cost"),
    ("재정 리스크가 커졌다", "fiscal_risk", True, "spaced form"),
    ("홍콩은 연계환율제도를 운영한다", "linked_exchange_rate", True, "HK peg"),
    ("홍콩은 연계환율제도를 운영한다", "exchange_rate_regime", False, "the longer term wins"),
    ("세계 곡물 기말 재고량이 줄었다", "ending_inventory", True, "ending stocks"),
    ("한국 증시는 MSCI 선진지수 편입을 노린다", "msci_index", True, "existing alias"),
    ("투자율은 28.8%로 낮아졌다", "investment_ratio", True, "new alias"),
    ("건설사들은 리파이낸싱 어려움을 겪었다", "refinancing", True, "new alias"),
    ("원산지 인증수출자 신청이 늘었다", "capital_contribution", False, "no 출자 inside"),
    ("원산지 인증수출자 신청이 늘었다", "approved_exporter", True, "approved exporter"),
    ("미 상무부 연례재심에서 관세율이 낮아졌다", "retrial", False, "no court retrial"),
    ("캐나다 고등연구재단(CIFAR)이 참여했다", "cif_terms", False, "an acronym inside"),
    ("수입은 CIF 기준으로 집계한다", "cif_terms", True, "the trade term"),
    ("전문광해방지사업자 등록기준을 완화했다", "business_registration", False, "a licence"),
    ("건설기술엔지니어링 사업자 등록이 필요하다", "business_registration", False, "a licence"),
    ("지원금은 사업자등록번호 끝자리로 나눠 신청한다", "business_registration", True, "tax id"),
    (
        "환경부는 자동차 업계와 자발적 협약을 맺었다",
        "voluntary_environmental_agreement",
        True,
        "VA",
    ),
    ("이집트 원전 사업 수주 산업통상자원부는 밝혔다", "order_based_industry", False, "run-on"),
    ("해외 플랜트 수주 산업부는 25일 밝혔다", "order_based_industry", False, "a headline run-on"),
    ("조선·건설 같은 수주산업은 회계 위험이 크다", "order_based_industry", True, "the industry"),
    ("정책의 실현가능성이 낮다", "present_value", False, "dropped: 현가 in 실현가능성"),
    ("군 입대의 의무를 다했다", "residents_council", False, "dropped: 입대의 of enlisting"),
    ("미래 현금흐름의 현재가치를 구한다", "present_value", True, "present value"),
    ("관리업체 선정은 입주자대표회의가 결정한다", "residents_council", True, "the council"),
    (
        "이 재무약정으로 회사는 자금을 넉넉히 쓸 수 있다",
        "financial_covenant",
        False,
        "an arrangement",
    ),
    ("차입자가 재무유지약정을 어겨 조기상환 요구를 받았다", "financial_covenant", True, "covenant"),
]


@pytest.mark.parametrize(
    ("text", "term_id", "expected", "why"), CASES, ids=[f"{c[1]}-{c[3]}" for c in CASES]
)
def test_headwords_3_trap(default_tagger, text, term_id, expected, why):
    assert (term_id in {m.term_id for m in default_tagger.tag(text)}) is expected, why
