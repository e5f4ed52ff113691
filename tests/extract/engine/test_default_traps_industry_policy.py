"""Traps found while tagging real news with the industry and policy terms of the default
glossary (glossary/data/default/64_industry_policy_explained.yaml).

Each trap is a class of text, written here in our own words: a short form glued inside
another word (조제 in 제3조제2항, 산업발전법 in 양식산업발전법, 페트 in 페트로, an English
acronym inside a longer code such as SIB in G-SIBs or GI in GI-102), an everyday word in
another sense (배양 of abilities, 안전망 of an ecosystem, 발열 as a fever, 트림 of cattle,
KS as a baseball series) and a ministry's name that holds a term (정보통신 in
과학기술정보통신부). The term must still be found where it is meant.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("시행령 제3조제2항을 고친다", "dispensing", False, "조제 glued in 제3조제2항"),
    ("약국의 의약품 조제 오류를 줄인다", "dispensing", True, "dispensing at a pharmacy"),
    ("양식산업발전법 개정안이 통과됐다", "industrial_development_act", False, "a longer act"),
    ("산업발전법에 따라 지원한다", "industrial_development_act", True, "the act itself"),
    ("페트로 대통령이 방한했다", "pet_plastic", False, "페트 glued in a name"),
    ("투명 페트병을 따로 모은다", "pet_plastic", True, "a PET bottle"),
    ("G-SIBs 규제가 강화됐다", "social_impact_bond", False, "SIB inside G-SIBs"),
    ("신약 후보 GI-102가 반응을 보였다", "geographical_indication", False, "GI in a drug code"),
    ("학생의 기초학습능력 배양을 돕는다", "culturing", False, "배양 of abilities"),
    ("줄기세포를 배양해 치료제를 만든다", "culturing", True, "culturing cells"),
    ("자생생태계 안전망을 강화한다", "safety_net", False, "an ecological safety net"),
    ("실직자를 위한 안전망을 넓힌다", "safety_net", True, "a social safety net"),
    ("자택에서 발열 증상이 있으면 진료를 받는다", "heat_generation", False, "발열 as a fever"),
    ("새 스마트폰의 발열 문제를 잡았다", "heat_generation", True, "a device's heat"),
    ("소는 트림으로 메탄을 내뿜는다", "car_trim", False, "트림 of cattle"),
    ("신차의 최상위 트림 가격을 올렸다", "car_trim", True, "a car's trim level"),
    ("코세페와 KS 우승 기념 할인을 한다", "korean_industrial_standards", False, "KS as baseball"),
    ("KS 인증 제품을 우선 구매한다", "korean_industrial_standards", True, "a KS certificate"),
    ("과학기술정보통신부가 발표했다", "ict", False, "정보통신 in a ministry's name"),
    ("정보통신기술 수출이 늘었다", "ict", True, "ICT exports"),
    ("한일 관계 냉각이 길어진다", "thermal_cooling", False, "냉각 of relations"),
    ("AI 칩의 냉각 성능을 높였다", "thermal_cooling", True, "cooling a chip"),
    # precision set new4 (bench/judged/precision.json): a form broader than the entry, a name
    ("민관합동 대책회의를 열었다", "public_private_partnership", False, "a joint meeting, no PPP"),
    ("도로 건설을 민관협력 방식으로 추진한다", "public_private_partnership", True, "the term"),
    ("신공항하이웨이㈜가 통행료를 내렸다", "new_airport", False, "a toll-road company's name"),
    ("지역에 신공항을 짓는 사업이 확정됐다", "new_airport", True, "the term itself"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_industry_policy_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
