"""Traps found while tagging real news with the policy and society sweep of the default
glossary (glossary/data/default/62_policy_society_sweep.yaml).

Each trap is a class of text, written here in our own words: an everyday word that is also
another word's sense (의사 as an intention, 사용자 as a product's user, 교부 of a
certificate, 시급 as urgent), a short form glued inside another word (병원 in 고병원성,
의과대학 in 수의과대학, 총수 in 총수요, 대두 in 대두되다, 논 in 논란, 어선 in 되어선)
and a form whose field decides it (사업장 of project finance). The term must still be
found where it is meant.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("야당 대표가 회담에 불참 의사를 밝혔다", "doctors", False, "의사 as an intention"),
    ("의사 부족으로 응급실 진료가 멈췄다", "doctors", True, "doctors in a medical sentence"),
    ("연휴에는 눈치 안보고 쉬자", "national_security", False, "안 보고, not security"),
    ("경제안보가 국가안보의 일부가 됐다", "national_security", True, "the term itself"),
    ("고병원성 조류인플루엔자가 확인됐다", "hospital", False, "병원 glued in 고병원성"),
    ("동네 병원 진료비가 올랐다", "hospital", True, "a hospital"),
    ("수의과대학 신입생을 모집한다", "medical_school", False, "a veterinary college"),
    ("의과대학 정원을 늘린다", "medical_school", True, "a medical school"),
    ("부실 우려가 큰 PF 사업장을 정리한다", "business_establishment", False, "a PF project"),
    ("사업장 안전 감독을 강화한다", "business_establishment", True, "a workplace"),
    ("게임 사용자 경험을 개선했다", "employer", False, "사용자 as a product's user"),
    ("사업주는 안전 조치를 해야 한다", "employer", True, "the employer"),
    ("합격자에게 자격증을 교부했다", "grants", False, "issuing a certificate"),
    ("시도에 나눠 줄 교부금이 줄었다", "grants", True, "a fiscal grant"),
    ("수요 둔화로 총수요가 줄었다", "chaebol_head", False, "총수 glued in 총수요"),
    ("그룹 총수가 국감에 출석했다", "chaebol_head", True, "the head of a business group"),
    ("공급망 문제가 새로 대두되고 있다", "soybean", False, "대두되다, to emerge"),
    ("대두 수입 가격이 올랐다", "soybean", True, "soybeans"),
    ("정책을 두고 논란이 커졌다", "paddy_field", False, "논 glued in 논란"),
    ("고의나 과실로 손해를 입혔다", "fruit", False, "과실 as negligence"),
    ("대책 마련이 시급하다", "hourly_wage", False, "시급 as urgent"),
    ("위험을 과소평가되어선 안 된다", "fishing_vessel", False, "어선 glued in 되어선"),
    ("노후 어선 감척 사업을 한다", "fishing_vessel", True, "a fishing vessel"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_policy_society_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
