"""Sense classes found by the hand-judged audit of the 120 most frequent default terms
(issue 14; glossary/data/default/82_senses_split.yaml).

A bare word or an alias that news uses for a wider or another concept than its entry says
now has its own entry, and the narrow entry keeps its specific forms: a software, car or
research base is a platform but no platform business (플랫폼 기업); a fire or a collapse is a
disaster (재난) but no natural disaster; money put into domestic bonds by foreigners is
foreign investment (외국인 투자) but no direct investment; farmers (농업인, 농가) are not the
industry; agri-food (농식품) is more than farm produce. Recurring trap phrases stay untagged:
securities, tokens and central-bank money that are issued and circulate, spam and illegal
information that spreads, a bank's cost-to-income ratio, training institutes and a
telecom union's names. Each sentence is written for this test.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("자동차 업체가 새 전기차 플랫폼을 공개했다", "platform", True, "a car platform"),
    ("자동차 업체가 새 전기차 플랫폼을 공개했다", "platform_business", False, "no business"),
    ("플랫폼 기업의 수수료 인상이 논란이다", "platform_business", True, "the business"),
    ("온라인 플랫폼 사업자의 자사우대를 규제한다", "platform_business", True, "an alias"),
    ("OTT 같은 디지털 미디어 플랫폼에 진출한다", "platform_business", True, "a media platform"),
    ("공장 화재로 재난 구호비를 지원했다", "disaster", True, "a fire is a disaster"),
    ("공장 화재로 재난 구호비를 지원했다", "natural_disaster", False, "not a natural one"),
    ("태풍과 같은 자연재해 예방에 힘쓴다", "natural_disaster", True, "the natural kind"),
    ("국채지수 편입으로 외국인 투자 자금이 들어온다", "foreign_investment", True, "bonds"),
    ("국채지수 편입으로 외국인 투자 자금이 들어온다", "fdi", False, "no direct investment"),
    ("외국인직접투자 신고액이 늘었다", "fdi", True, "the direct kind"),
    ("외국인 투자자들이 주식을 순매도했다", "foreign_investment", False, "the investors"),
    ("여성 농업인의 고령화가 심하다", "farmers", True, "farmers"),
    ("여성 농업인의 고령화가 심하다", "agriculture", False, "people, not the industry"),
    ("농업 경쟁력을 높인다", "agriculture", True, "the industry"),
    ("농식품 분야 규제를 고친다", "agri_food", True, "agri-food"),
    ("농식품 분야 규제를 고친다", "agricultural_products", False, "more than farm produce"),
    ("농식품부는 쌀값 대책을 냈다", "agri_food", False, "the ministry's short name"),
    ("농산물 유통 구조를 개선한다", "distribution_industry", True, "farm produce"),
    ("토큰증권의 발행·유통 제도를 만든다", "distribution_industry", False, "securities"),
    ("중앙은행 디지털화폐가 발행 및 유통되는 구조다", "distribution_industry", False, "money"),
    ("상반기 스팸 유통 현황을 조사했다", "distribution_industry", False, "spam spreads"),
    ("은행의 영업이익경비율이 낮아졌다", "operating_profit", False, "cost-to-income ratio"),
    ("1분기 영업이익이 늘었다", "operating_profit", True, "operating profit"),
    ("농업교육원장은 디지털 전환을 강조했다", "education", False, "an institute's head"),
    ("국제전기통신연합 회의가 열렸다", "telecom_industry", False, "ITU, a name"),
    ("통신 분야 규제를 풀었다", "telecom_industry", True, "telecom"),
    ("고용복지+센터에서 취업 상담을 받는다", "employment", False, "a centre's name"),
    ("어업정책과에 의견을 내면 된다", "seafood", False, "a ministry division"),
    ("재테크 박람회에 관람객이 몰렸다", "trade_fair", True, "a consumer fair"),
    ("표준주택가격을 이달 말 공시한다", "disclosure", True, "government price notice"),
    ("공동주택 공유자의 지분만큼 세금을 낸다", "equity_stake", True, "a share of property"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES)
def test_sense_audit_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
