"""Sense splits and traps from the audit of the frequent terms (issue 14, ranks 121-260):
an alias that was a neighbouring concept now has its own entry (인구감소지역, 행정예고, 상여금,
식중독, 전략산업, 세입) or goes to the entry it belongs to (출산율 하락 is the fertility rate,
원산지 표시 the country of origin), and recurring longer words that hold a term but mean
something else stay untagged: a customs administration (관세당국), a foreign medicines
regulator (의약품청), an official's post (산업정책관), a company (롯데관광), corporate venturing
(기업 벤처링), clinical practice (임상 현장), councils that are no board (EU 이사회,
유엔 인권이사회), an outlet's column (IB토마토), a union (보건의료노조) and property management
(부동산 자산관리). Each first row of a pair is the right sense, still found.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("지방의 인구 감소가 빨라졌다", "population_decline", True, "decline"),
    ("정부는 인구감소지역에 기금을 나눠 준다", "population_decline_area", True, "designated area"),
    ("정부는 인구감소지역에 기금을 나눠 준다", "population_decline", False, "area not decline"),
    ("부처는 시행령 개정안을 입법예고했다", "legislative_notice", True, "a bill's notice"),
    ("부처는 고시 개정안에 대한 행정예고를 했다", "administrative_notice", True, "admin notice"),
    ("부처는 고시 개정안에 대한 행정예고를 했다", "legislative_notice", False, "admin not bill"),
    ("회사는 영업이익의 일부를 성과급으로 줬다", "performance_bonus", True, "performance pay"),
    ("설 상여금을 주는 중소기업이 줄었다", "bonus_pay", True, "holiday bonus"),
    ("설 상여금을 주는 중소기업이 줄었다", "performance_bonus", False, "bonus not performance"),
    ("여름철 식중독 환자가 늘었다", "food_poisoning", True, "food poisoning"),
    ("여름철 식중독 환자가 늘었다", "food_safety", False, "poisoning not safety"),
    ("수입 수산물의 원산지 표시를 점검했다", "country_of_origin", True, "origin labelling"),
    ("수입 수산물의 원산지 표시를 점검했다", "food_safety", False, "labelling not safety"),
    ("도는 지역 전략산업을 키우겠다고 했다", "strategic_industry", True, "any strategic industry"),
    ("도는 지역 전략산업을 키우겠다고 했다", "national_strategic_technology", False, "not the law"),
    ("정부는 국가첨단전략산업을 지원한다", "national_strategic_technology", True, "the law's"),
    ("올해 세수가 예상보다 덜 걷혔다", "tax_revenue", True, "tax revenue"),
    ("지방 세입 가운데 세외수입 비중이 낮다", "budget_revenue", True, "budget revenue"),
    ("지방 세입 가운데 세외수입 비중이 낮다", "tax_revenue", False, "revenue not tax"),
    ("집주인이 세입자에게 보증금을 돌려줬다", "budget_revenue", False, "a tenant"),
    ("미국 하원 세입위원회가 법안을 넘겼다", "budget_revenue", False, "a committee"),
    ("출산율 하락이 이어졌다", "fertility_rate", True, "falling fertility"),
    ("출산율 하락이 이어졌다", "childbirth", False, "fertility not childbirth"),
    ("벤처기업 확인 요건이 바뀌었다", "venture_company", True, "venture company"),
    ("대기업의 기업 벤처링이 늘었다", "venture_company", False, "corporate venturing"),
    ("희귀질환 의약품 반입 절차를 줄였다", "pharmaceuticals", True, "medicines"),
    ("식약처는 베트남 의약품청과 회의를 열었다", "pharmaceuticals", False, "a regulator"),
    ("미국이 수입품 관세를 올렸다", "tariff", True, "a duty"),
    ("양국 관세당국이 단속 정보를 나눈다", "tariff", False, "customs administration"),
    ("관광객이 크게 늘었다", "tourism", True, "tourists"),
    ("롯데관광개발이 크루즈를 띄운다", "tourism", False, "a company"),
    ("정부는 산업정책을 새로 짰다", "industrial_policy", True, "industrial policy"),
    ("식품산업정책관이 현장을 찾았다", "industrial_policy", False, "an official's post"),
    ("이사회가 배당을 의결했다", "board_of_directors", True, "a board"),
    ("EU 이사회가 법안을 채택했다", "board_of_directors", False, "the Council of the EU"),
    ("유엔 인권이사회가 결의안을 냈다", "board_of_directors", False, "a UN council"),
    ("신약이 임상 3상에 들어갔다", "clinical_trial", True, "a trial"),
    ("의사들은 임상 현장의 요구를 전했다", "clinical_trial", False, "clinical practice"),
    ("임상경험을 쌓은 의사가 늘었다", "clinical_trial", False, "clinical experience"),
    ("주요 IB들은 금리 인하를 점쳤다", "investment_bank", True, "IB alone"),
    ("[IB토마토] 증권사 실적 점검", "investment_bank", False, "an outlet's column brand"),
    ("보건의료 분야 예산이 늘었다", "health_and_medical", True, "health and medical care"),
    ("보건의료노조가 파업에 들어갔다", "health_and_medical", False, "a union"),
    ("보건의료노조가 파업에 들어갔다", "medical_care", False, "a union, not care"),
    ("은행들이 자산관리 서비스를 넓혔다", "wealth_management", True, "wealth management"),
    ("부동산 자산관리 회사가 빌딩을 맡았다", "wealth_management", False, "property management"),
    # Context cues (glossary.Context) of words news uses more often in another sense.
    ("연구진이 DNA 염기서열을 분석했다", "dna", True, "the molecule"),
    ("회장은 혁신 DNA를 심겠다고 했다", "dna", False, "a firm's character"),
    ("정부는 DNA 산업과 BIG3 산업을 키운다", "dna", False, "the data-network-AI policy"),
    ("개미들이 삼성전자 주식을 손절했다", "stop_loss", True, "selling at a loss"),
    ("광고주들이 논란의 모델을 손절했다", "stop_loss", False, "cutting ties with a person"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_sense_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
