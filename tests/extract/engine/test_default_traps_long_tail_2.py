"""Traps found while tagging non-held-out KDI policy records with the long-tail terms of
glossary/data/default/70_policy_long_tail_2.yaml.

Each trap is a class of text, written here in our own words: a term that ends a longer
compound with another head (물관리 at the end of 생물관리, 작물관리, 화물관리), a term
inside its own opposite (송치 in 불송치, 수평적 기업결합 after 非/비), a term as the first
part of the name of an act (농약관리법, 장애인고용촉진 및 직업재활법) or of an institution
(금융보안원), a short form that is the tail of an unrelated word (당류 in 정당류), and a
generic office word (통합공고 of any bundled call) or a sibling concept (지능정보기술 is the
technology, not the society). The term must still be found where it is meant.
"""

from __future__ import annotations

import pytest

# The default glossary's tagger (one per test process, tests/conftest.py) loads kiwipiepy.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("연구소는 희귀 생물관리 지침을 새로 만들었다", "water_management", False, "organisms"),
    ("농가의 작물관리 요령을 배포했다", "water_management", False, "crops"),
    ("항만 화물관리 전산망을 바꿨다", "water_management", False, "cargo"),
    ("가뭄에 대비해 댐과 하천의 물관리를 강화한다", "water_management", True, "water"),
    ("경찰은 직원 전원을 불송치하기로 했다", "referral_to_prosecution", False, "non-referral"),
    ("경찰은 사건을 검찰에 송치했다", "referral_to_prosecution", True, "referral"),
    ("개정된 농약관리법이 시행됐다", "pesticides", False, "name of an act"),
    ("항만대기질법 시행령을 고쳤다", "air_quality", False, "short name of an act"),
    ("도심 대기질이 나빠졌다", "air_quality", True, "air quality"),
    ("골프장 농약 사용량이 줄었다", "pesticides", True, "pesticides"),
    (
        "장애인고용촉진 및 직업재활법 시행령이 의결됐다",
        "vocational_rehabilitation",
        False,
        "name of an act",
    ),
    ("장애인 직업재활 서비스를 늘린다", "vocational_rehabilitation", True, "the service"),
    (
        "회의에서는 非 수평적 기업결합의 경쟁제한 효과를 논의했다",
        "horizontal_merger",
        False,
        "the opposite",
    ),
    (
        "비수평적 기업결합 심사기준을 고쳤다",
        "horizontal_merger",
        False,
        "the opposite, in Hangul",
    ),
    ("경쟁사 간 수평결합은 점유율 심사를 받는다", "horizontal_merger", True, "a merger"),
    ("금융보안원과 함께 점검을 벌였다", "financial_security", False, "an institution"),
    ("금융회사의 금융보안 관리 역량을 높인다", "financial_security", True, "the concept"),
    ("위폐방지 실무위원회 회의를 열었다", "counterfeit_currency", False, "a committee"),
    ("올해 위폐 발견 건수가 줄었다", "counterfeit_currency", True, "counterfeit notes"),
    ("군소 정당류의 난립이 우려된다", "sugars", False, "political parties"),
    ("어린이의 당류 섭취량이 권고치를 넘었다", "sugars", True, "sugars"),
    # 수가 is also 수 (number) + 가 (subject particle): the fee stays under 의료수가 only.
    ("환자 수가 늘었다", "medical_fee", False, "a count"),
    ("친환경차 구매목표제를 이행한 기업을 포상했다", "purchase_target_system", True, "car targets"),
    # A notice that bundles several calls for applications is not the trade requirements list.
    (
        "특성화대학원 지정 신청에 관한 통합공고를 시행했다",
        "trade_integrated_notice",
        False,
        "a bundled call",
    ),
    ("세관은 수출입공고에 따라 수입 요건을 확인한다", "trade_integrated_notice", True, "trade"),
    ("공정에 지능정보기술을 적용했다", "intelligent_information_society", False, "a technology"),
    ("지능정보사회 이용자 패널조사 결과", "intelligent_information_society", True, "society"),
]


@pytest.mark.parametrize(
    ("text", "term_id", "expected", "why"), CASES, ids=[f"{c[1]}-{c[3]}" for c in CASES]
)
def test_long_tail_2_trap(default_tagger, text, term_id, expected, why):
    assert (term_id in {m.term_id for m in default_tagger.tag(text)}) is expected, why
