"""Traps for the domain sweep of the default glossary
(glossary/data/default/68_domain_vocabulary.yaml).

Each trap is a class of text, written here in our own words: a new term's form that ends another
noun (물관리 at the end of 건축물관리, 기소 inside 등기소), a short new term inside a longer one
that must keep winning (디플레이터 in GDP 디플레이터, 일반주거지역 in 제3종 일반주거지역), a word
used in another sense that a sentence cue tells apart (선물 as a gift or as futures, 무임승차 on
the subway, 주거지역 as any neighbourhood rather than a zoning class, 사회자본 as Chinese
'private capital', 적립금 as shop points, 수요관리 of water), an idiom (보증수표), a
brand or company name (디스커버리, 세원정공, LHRI), a particle after another noun (공보 + 의), and
a generic phrase that a new compound also spells (사업계획 승인 of any plan, 약물감시 of
offenders). The term must still be found where it is meant.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    (
        "청사 건축물관리 업무를 외부에 맡겼다",
        "integrated_water_management",
        False,
        "물관리 ends 건축물",
    ),
    (
        "정부는 물관리 일원화로 댐과 하천을 함께 맡는다",
        "integrated_water_management",
        True,
        "water management",
    ),
    ("추석 명절 선물 판매가 늘었다", "futures", False, "a holiday gift"),
    ("대통령이 상대 정상에게 도자기를 선물했다", "futures", False, "a state gift"),
    ("외국인이 선물을 5천 계약 순매수했다", "futures", True, "futures by contract count"),
    ("WTI 선물 가격이 배럴당 2달러 올랐다", "futures", True, "oil futures"),
    ("그의 이름은 흥행 보증수표로 통한다", "check_instrument", False, "an idiom, not a check"),
    ("현금 대신 수표로 대금을 치렀다", "check_instrument", True, "a bank check"),
    ("디스커버리 매장에서 패딩을 샀다", "discovery_procedure", False, "a clothing brand"),
    ("특허 소송에 디스커버리 도입을 논의했다", "discovery_procedure", True, "pre-trial discovery"),
    ("노인 지하철 무임승차 손실이 커졌다", "free_rider", False, "fare exemption on the subway"),
    ("공공재에는 무임승차 문제가 따른다", "free_rider", True, "the free-rider problem"),
    (
        "태양광 시설은 주거지역으로부터 떨어져야 한다",
        "residential_zone",
        False,
        "any neighbourhood",
    ),
    ("용도지역을 주거지역에서 상업지역으로 변경했다", "residential_zone", True, "a zoning class"),
    ("특별관리지역으로 묶인 마을", "management_area", False, "another designation"),
    (
        "중국은 사회자본 투자를 늘리겠다고 밝혔다",
        "social_capital",
        False,
        "Chinese private capital",
    ),
    ("신뢰 같은 사회적 자본이 거래 비용을 낮춘다", "social_capital", True, "social capital"),
    ("쇼핑몰 적립금을 포인트로 돌려준다", "accumulated_reserve", False, "shop reward points"),
    ("퇴직연금 적립금이 400조원을 넘었다", "accumulated_reserve", True, "a pension reserve"),
    ("인터넷등기소에서 서류를 발급받는다", "indictment", False, "기소 inside 등기소"),
    ("검찰이 전 대표를 재판에 넘기며 기소했다", "indictment", True, "an indictment"),
    ("GDP 디플레이터가 2% 올랐다", "deflator", False, "디플레이터 inside GDP 디플레이터"),
    ("GDP 디플레이터가 2% 올랐다", "gdp_deflator", True, "the longer term wins"),
    ("건설기성 디플레이터가 올랐다", "deflator", True, "a deflator of its own"),
    ("제3종 일반주거지역으로 종상향된다", "general_residential_zone", False, "the class wins"),
    ("제3종 일반주거지역으로 종상향된다", "class3_general_residential_zone", True, "the class"),
    ("세원정공 주가가 올랐다", "tax_source", False, "a company name"),
    ("소득세 세원을 넓혀야 한다", "tax_source", True, "a tax source"),
    ("은행은 대출을 줄이고 자본 축적으로 대응했다", "capital_accumulation", False, "bank capital"),
    (
        "저축이 투자로 이어져 자본축적이 빨라졌다",
        "capital_accumulation",
        True,
        "capital accumulation",
    ),
    ("LHRI 포커스 보고서를 냈다", "human_resource_management", False, "HR inside a code"),
    (
        "가뭄에 대비해 물 수요관리와 용수 확보에 나선다",
        "demand_side_management",
        False,
        "water demand",
    ),
    ("여름 전력 피크에 대비해 수요관리를 늘린다", "demand_side_management", True, "power demand"),
    ("실직자를 위한 고용 안전망을 넓힌다", "employment_safety_net", True, "the longer term wins"),
    ("증권 결제주기를 하루로 줄인다", "payment", True, "결제 is still the generic word"),
    ("중국특허공보의 번역문을 공개한다", "public_health_doctor", False, "공보 + 의, a gazette"),
    (
        "농어촌 보건소에 배치되는 공보의가 줄었다",
        "public_health_doctor",
        True,
        "a public health doctor",
    ),
    (
        "위원회가 예산과 사업계획 승인을 의결했다",
        "housing_project_approval",
        False,
        "any business plan",
    ),
    ("1천 가구 아파트 사업계획승인을 받았다", "housing_project_approval", True, "housing approval"),
    ("보호관찰소의 약물감시 모니터링을 받는다", "pharmacovigilance", False, "drug-use monitoring"),
    ("신약의 약물감시 체계를 강화한다", "pharmacovigilance", True, "pharmacovigilance"),
    ("특별대손적립금 제도를 마련한다", "accumulated_reserve", False, "an accounting reserve"),
    (
        "지방자치단체 내부조직역량 평가체계",
        "competency_assessment",
        False,
        "an organisation's capacity",
    ),
    ("공무원 승진 역량평가를 치른다", "competency_assessment", True, "a competency test"),
    ("GTX A·B·C 노선을 차질 없이 추진한다", "benefit_cost_ratio", False, "rail line letters"),
    ("예타에서 B/C 비율이 1을 넘었다", "benefit_cost_ratio", True, "the benefit-cost ratio"),
    ("지방세원칙과의 정합성을 따진다", "tax_source", False, "지방세 + 원칙"),
    ("인턴 수련병원 지정기준을 바꾼다", "internship", False, "a medical intern"),
    ("기재부 청년인턴 39명을 채용했다", "internship", True, "a job intern"),
    ("건폐율 60% 이하로 짓는다", "building_coverage_ratio", True, "coverage, its own ratio"),
    ("건폐율 60% 이하로 짓는다", "floor_area_ratio", False, "건폐율 is not 용적률"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_domain_vocabulary_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
