"""Wrong links that keyword boxes on research-report summaries showed (box audit 4): a form
inside a longer word, or a short Latin form that names another concept. 성장주 is the first
three syllables of 성장주기 (a life cycle) and 성장주도산업 (a growth-leading industry), not a
growth stock; bare MSP in this news is the Minerals Security Partnership, not a cloud managed
service provider; GANs are generative adversarial networks, not gallium nitride; an insurance
buyout of a pension scheme is no private-equity buyout; 미충원율 is the share of job openings
left unfilled, not a school's enrolment rate. Where a row keeps a term, it shows the right sense
is still found. Each sentence is written for this test.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("금리가 내리자 기술 성장주가 크게 올랐다", "growth_stock", True, "a growth stock"),
    ("기업의 성장주기에 맞춰 자금을 지원한다", "growth_stock", False, "a life cycle"),
    ("연구원은 지역별 성장주도산업을 선정했다", "growth_stock", False, "a leading industry"),
    ("한국은 광물안보파트너십(MSP) 의장국을 맡았다", "mineral_security_partnership", True, "MSP"),
    ("MSP 회원국들은 공급망 다변화를 논의했다", "mineral_security_partnership", True, "bare MSP"),
    ("MSP 회원국들은 공급망 다변화를 논의했다", "cloud_msp", False, "not a cloud firm"),
    ("클라우드 MSP 기업들이 공공 시장을 노린다", "cloud_msp", True, "a cloud MSP"),
    ("차세대 GaN 전력반도체 양산을 시작했다", "gan", True, "gallium nitride"),
    ("GANs 같은 생성형 모델로 이미지를 만든다", "gan", False, "an AI model"),
    ("사모펀드가 바이아웃 거래로 경영권을 샀다", "buyout", True, "a PE buyout"),
    ("비용이 커 보험 바이아웃이 어려운 연금도 있다", "buyout", False, "a pension buyout"),
    ("지방대의 신입생 충원율이 떨어졌다", "enrollment_fill_rate", True, "school places"),
    ("제조업 미충원율이 전년보다 올랐다", "enrollment_fill_rate", False, "job openings"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_box_link_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
