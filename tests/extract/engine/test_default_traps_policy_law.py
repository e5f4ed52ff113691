"""Traps found while tagging real news with the policy and law terms of the default
glossary (glossary/data/default/65_policy_law_explained.yaml).

Each trap is a class of text, written here in our own words: a legal word that is also an
everyday word (보석 as a jewel, 구형 as an old model, 각하 as an honorific, 원심 of a
centrifuge), an acronym that names something else in business news (a bank's capital arm, a
pollster, a city district, a port authority, a currency code), a short act name glued inside a
nickname or an institution's name, a foreign law under a generic name, and a plan or drill that
is not the one defined. The term must still be found where it is meant.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("법원이 피고인의 보석 청구를 받아들였다", "bail", True, "bail in a court sentence"),
    ("그녀는 보석 가게에서 반지를 샀다", "bail", False, "보석 as a jewel"),
    ("검찰은 징역 5년을 구형했다", "sentencing_demand", True, "the sentencing request"),
    ("구형 모델은 재고 할인에 들어갔다", "sentencing_demand", False, "구형 as an old model"),
    ("헌법재판소가 심판 청구를 각하했다", "constitutional_ruling_dismissal", True, "a dismissal"),
    (
        "대통령 각하께 보고를 올렸다",
        "constitutional_ruling_dismissal",
        False,
        "각하 as an honorific",
    ),
    ("대법원은 원심 판결을 파기했다", "lower_court_ruling", True, "the lower court's ruling"),
    ("원심분리기로 시료를 나눴다", "lower_court_ruling", False, "원심 of a centrifuge"),
    (
        "캐나다 투자사 RBC캐피털은 목표가를 올렸다",
        "responsible_business_conduct",
        False,
        "RBC a bank",
    ),
    ("NBS 조사에서 지지율이 올랐다", "nature_based_solutions", False, "NBS a pollster"),
    ("CBD 권역 오피스 공실률이 낮다", "cbd_convention", False, "CBD a business district"),
    (
        "특검은 건진법사에게 징역형을 구형했다",
        "construction_technology_act",
        False,
        "건진법사 a name",
    ),
    (
        "건진법 개정으로 감리 기준이 바뀐다",
        "construction_technology_act",
        True,
        "the act's short name",
    ),
    ("국립정신건강센터가 캠페인을 열었다", "mental_health_center", False, "a national institute"),
    ("서울시 지역균형발전 5개년 계획을 세웠다", "five_year_plan_china", False, "a Korean plan"),
    ("중국은 14차 5개년 계획에서 반도체를 강조했다", "five_year_plan_china", True, "China's plan"),
    (
        "월동 꿀벌 피해로 인한 산업 피해는 제한적이다",
        "industrial_injury_trade",
        False,
        "plain damage",
    ),
    (
        "무역위원회는 덤핑 수입으로 산업피해가 있다고 판정했다",
        "industrial_injury_trade",
        True,
        "injury",
    ),
    ("소방서와 침수 대비 현장훈련을 했다", "ojt", False, "a disaster drill"),
    ("과세소득 AED 37만5천 이하는 세율이 0%다", "aed", False, "AED the dirham"),
    ("공공장소에 AED 설치를 늘려 심정지 생존율을 높인다", "aed", True, "the defibrillator"),
    (
        "캐나다는 선거법에 여론조사 공개 규정을 뒀다",
        "public_official_election_act",
        False,
        "a foreign law",
    ),
    ("독일 RWE AG사가 구조조정 계획을 발표했다", "real_world_evidence", False, "RWE a utility"),
    ("식약처는 의료기기 허가에 RWE를 인정한다", "real_world_evidence", True, "real-world evidence"),
    ("HFC 케이블망과 FTTH를 함께 지원한다", "hfc", False, "HFC a cable network"),
    ("냉매로 쓰는 HFC 감축 일정이 정해졌다", "hfc", True, "the refrigerant gas"),
    ("[한국판 BRT 선언] 76개사 기업가정신 선포", "brt", False, "BRT a business roundtable"),
    ("세종시 BRT 노선에 전용차로를 깐다", "brt", True, "bus rapid transit"),
    ("영란은행 FSR 주요 내용을 정리했다", "eu_fsr", False, "FSR a stability report"),
    ("EU 역외보조금 규정 FSR 이행 현황", "eu_fsr", True, "the EU rule"),
    ("편의점과 준대규모점포 매출이 올랐다", "large_scale_store", False, "준대규모점포 an SSM"),
    ("신입 직원은 석 달간 현장훈련을 받는다", "ojt", True, "on-the-job training of workers"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_policy_law_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
