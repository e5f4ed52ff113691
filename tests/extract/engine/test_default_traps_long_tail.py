"""Traps found while tagging non-held-out KDI policy and research records with the long-tail
terms of glossary/data/default/69_policy_long_tail.yaml.

Each trap is a class of text, written here in our own words: an acronym another field uses
(SEP is also the Fed's Summary of Economic Projections), a short alias inside a longer
word with another meaning (저수량 in a dam's total capacity 총저수량, 회복력 in the
economy's recovery strength 경기회복력, 위해평가 read across 높이기 위해 평가), an alias
broader than the term (유동성 지원 of a firm to its suppliers, any 보조율, 빅데이터결합),
the same word as a statistical category (비주택 of construction orders and property
finance is non-residential real estate), and a term inside the name of a rule or an opposite (수출자율규제, 탈동조화,
물가안정목표제, 공중보건의). The term must still be
found where it is meant.
"""

from __future__ import annotations

import pytest

# The default glossary's tagger (one per test process, tests/conftest.py) loads kiwipiepy.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    (
        "연준은 경제전망요약(SEP)에서 성장률을 올렸다",
        "standard_essential_patent",
        False,
        "SEP of the Fed",
    ),
    (
        "통신사들은 5G 표준특허 사용료를 두고 다퉜다",
        "standard_essential_patent",
        True,
        "the patent",
    ),
    ("이 댐의 총저수량은 1억 톤이다", "reservoir_storage_rate", False, "a dam's capacity"),
    ("가뭄으로 저수지 저수율이 평년의 60%에 그쳤다", "reservoir_storage_rate", True, "the rate"),
    ("수출 둔화로 경기회복력이 약해졌다", "resilience", False, "recovery strength"),
    ("공급망의 회복탄력성을 높여야 한다", "resilience", True, "resilience"),
    ("일본은 수출자율규제 협정을 받아들였다", "self_regulation", False, "a trade restraint"),
    ("플랫폼 업계가 자율규제 방안을 내놓았다", "self_regulation", True, "industry rules"),
    ("두 나라 증시의 탈동조화가 뚜렷해졌다", "market_synchronization", False, "the opposite"),
    ("국내 증시가 미국 증시와 동조화 현상을 보였다", "market_synchronization", True, "co-movement"),
    ("정부는 물가안정목표제를 처음 도입했다", "price_stability", False, "the target regime"),
    ("한국은행의 첫째 목표는 물가안정이다", "price_stability", True, "the goal"),
    ("섬 지역에 공중보건의가 부족하다", "public_health", False, "a public health doctor"),
    # 공중보건의 is also the genitive (공중보건의 과제): the exclude gives that up for precision.
    ("감염병 대응은 공중보건 정책의 핵심이다", "public_health", True, "public health"),
    ("EU는 역외보조금규정에 따라 조사를 시작했다", "foreign_subsidy", False, "the named rule"),
    ("중국 정부의 역외보조금이 경쟁을 왜곡한다", "foreign_subsidy", True, "the subsidy"),
    ("예타 경제성 분석에서 편익비용비가 1을 넘었다", "benefit_cost_ratio", True, "B/C"),
    ("신뢰성을 높이기 위해 평가 방식을 바꿨다", "risk_assessment_hazard", False, "위해 = for"),
    (
        "식약처가 화학물질의 위해성 평가를 마쳤다",
        "risk_assessment_hazard",
        True,
        "hazard assessment",
    ),
    (
        "대기업이 협력사 유동성 지원을 위해 대금을 미리 줬다",
        "liquidity_provision",
        False,
        "a firm's aid",
    ),
    ("중앙은행이 시장에 유동성 공급을 늘렸다", "liquidity_provision", True, "central bank"),
    ("9월 비주택건축 수주가 줄었다", "non_housing_dwelling", False, "non-residential building"),
    ("비주택 건설 수주가 늘었다", "non_housing_dwelling", False, "construction statistics"),
    ("비주택 PF대출이 50조원을 넘었다", "non_housing_dwelling", False, "non-residential property"),
    ("고시원 같은 비주택 거처에 사는 가구가 늘었다", "non_housing_dwelling", True, "a dwelling"),
    ("투자액에 경제산업성이 정한 보조율을 곱한다", "base_subsidy_rate", False, "any subsidy rate"),
    ("빅데이터결합 상권분석 사례를 발표했다", "data_combination", False, "big data in general"),
    ("가명정보 결합으로 의료 데이터를 분석했다", "data_combination", True, "linkage"),
    ("경기 하방압력이 커지고 있다", "downward_pressure", True, "macro pressure"),
    # A market maker keeping a listed fund or a stock tradable is liquidity of another kind.
    (
        "증권사가 유동성공급자(LP)로 나서 이 ETF의 호가를 채운다",
        "liquidity_provision",
        False,
        "an LP",
    ),
    ("이 ETF는 유동성 공급 호가가 얇아 괴리율이 컸다", "liquidity_provision", False, "LP quotes"),
    (
        "한국은행이 단기자금시장에 유동성 공급을 늘렸다",
        "liquidity_provision",
        True,
        "the central bank",
    ),
]


@pytest.mark.parametrize(
    ("text", "term_id", "expected", "why"), CASES, ids=[f"{c[1]}-{c[3]}" for c in CASES]
)
def test_long_tail_trap(default_tagger, text, term_id, expected, why):
    assert (term_id in {m.term_id for m in default_tagger.tag(text)}) is expected, why
