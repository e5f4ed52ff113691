"""Sense splits, traps and a cue from the audit of the frequent terms (issue 14, ranks 601-780):
난방비 (the cost of heating a home with any fuel) has its own entry and is no longer counted as the
city-gas tariff; 근무시간 면제 (public-sector union time-off) is 타임오프, not working hours; recurring
longer words that hold a term but mean something else stay untagged: littering (무단투기, 불법 투기),
autumn (추계 예산안, 추계 경제전망, 추계학술대회), a near-miss at sea (준해양사고), an agency and an
institute (산업안전보건청, 건강증진개발원), a ministry (농업식량안보부), a leveraged ETF's name,
insurance cover (담보별, 자차담보), proprietary technology and exclusive supply (독점 기술, 독점 공급),
a Saudi ministry (환경수자원농업부). One cue: 금융정책 in a sentence about the Bank of Japan is
monetary policy. Each first row of a pair is the right sense, still found. Each sentence is written
for this test.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("겨울철 난방비 부담이 커졌다", "heating_costs", True, "heating costs"),
    ("겨울철 난방비 부담이 커졌다", "gas_rate", False, "not the gas tariff"),
    ("도시가스 요금을 동결했다", "gas_rate", True, "the gas tariff"),
    ("교원 근무시간 면제 한도를 고시했다", "time_off", True, "union time-off"),
    ("교원 근무시간 면제 한도를 고시했다", "working_hours", False, "not working hours"),
    ("주 52시간으로 근무시간을 줄인다", "working_hours", True, "working hours"),
    ("부동산 투기를 막는 대책을 냈다", "real_estate_speculation", True, "speculation"),
    ("원자재 투기 수요가 몰렸다", "speculation", True, "speculative demand"),
    ("명절 연휴 쓰레기 무단투기를 단속한다", "speculation", False, "littering"),
    ("폐기물을 불법 투기한 업체를 적발했다", "speculation", False, "illegal dumping"),
    ("연구진이 비용을 추계한 결과를 냈다", "estimate", True, "an estimate"),
    ("영국 정부가 추계 예산안을 발표한다", "estimate", False, "an autumn budget"),
    ("EU 집행위가 추계 경제전망을 냈다", "estimate", False, "an autumn forecast"),
    ("학회가 추계학술대회를 열었다", "estimate", False, "an autumn conference"),
    ("올해 해양사고가 줄었다", "marine_accident", True, "marine accidents"),
    ("선사가 준해양사고 사례를 모은다", "marine_accident", False, "near-misses"),
    ("사업장 산업안전보건 점검을 늘린다", "occupational_safety_health", True, "OSH"),
    ("산업안전보건청 신설을 논의했다", "occupational_safety_health", False, "an agency"),
    ("주민 건강증진 사업을 넓힌다", "health_promotion", True, "health promotion"),
    ("한국건강증진개발원이 캠페인을 연다", "health_promotion", False, "an institute"),
    ("식량안보를 위해 비축을 늘린다", "food_security", True, "food security"),
    ("말레이시아 농업식량안보부 장관을 만났다", "food_security", False, "a ministry"),
    ("차입으로 레버리지를 키웠다", "leverage", True, "leverage"),
    ("기관이 KODEX 레버리지를 순매수했다", "leverage", False, "an ETF's name"),
    ("주택을 담보로 돈을 빌렸다", "collateral", True, "collateral"),
    ("전기차 보험의 담보별 손해율이 높다", "collateral", False, "insurance cover"),
    ("시장 독점을 규제한다", "exclusive_monopoly", True, "a monopoly"),
    ("그 회사의 독점 기술로 공장을 짓는다", "exclusive_monopoly", False, "proprietary technology"),
    ("부품을 한 완성차 회사에 독점 공급한다", "exclusive_monopoly", False, "exclusive supply"),
    ("가뭄에 대비해 수자원을 확보한다", "water_resources", True, "water resources"),
    ("사우디 환경수자원농업부 차관을 만났다", "water_resources", False, "a ministry"),
    # A context cue (glossary.Context) of a word news often uses in another sense.
    ("금융위원회가 금융정책 방향을 밝혔다", "monetary_financial_policy", True, "financial policy"),
    ("일본은행이 금융정책을 바꿨다", "monetary_financial_policy", False, "BOJ monetary policy"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_sense_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
