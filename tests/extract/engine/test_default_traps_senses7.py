"""Sense splits and traps from the audit of the frequent terms (issue 14, ranks 961-1140).

Split into entries of their own (93_senses_split.yaml): a slump in spending (소비 위축, 소비 침체,
소비 부진; not consumer sentiment), preparing for old age (노후준비; not the savings), the cap on the
tax base (과표상한제; not the cap on the tax bill), continued employment past the retirement age
(계속고용; not raising the age) and a small but strong firm (강소기업; not a world-class hidden
champion). Alias dropped: 활력 제고 (the vitality of anything). Traps left untagged: 사업성과
(business results, not viability), a virus named after cells, support for firms read as
corporate banking, a news column named after dawn delivery. Each first row of a pair is the right
sense, still found. Each sentence is written for this test.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("소비 심리가 꽁꽁 얼어붙었다", "consumer_sentiment_retail", True, "sentiment"),
    ("고금리로 소비 위축이 길어진다", "consumer_sentiment_retail", False, "not a slump"),
    ("고금리로 소비 위축이 길어진다", "consumption_slump", True, "a slump"),
    ("가계의 소비 부진이 길어진다", "consumption_slump", True, "weak spending"),
    ("노후자금을 연금으로 모은다", "retirement_funds", True, "the savings"),
    ("비재무적 노후준비도 챙겨야 한다", "retirement_funds", False, "not the savings"),
    ("비재무적 노후준비도 챙겨야 한다", "retirement_preparation", True, "preparing"),
    ("재산세 세부담 상한제를 손본다", "tax_burden_cap", True, "the bill cap"),
    ("재산세 과표상한제를 새로 도입한다", "tax_burden_cap", False, "not the bill cap"),
    ("재산세 과표상한제를 새로 도입한다", "tax_base_cap", True, "the base cap"),
    ("정년 연장 논의가 다시 시작됐다", "retirement_age_extension", True, "a later age"),
    (
        "정년 뒤 계속고용을 의무로 하자는 논의가 있다",
        "retirement_age_extension",
        False,
        "not the age",
    ),
    ("정년 뒤 계속고용을 의무로 하자는 논의가 있다", "continued_employment", True, "kept on"),
    ("글로벌 강소기업으로 뽑혔다", "hidden_champion", True, "world class"),
    ("올해 강소기업 명단을 발표했다", "hidden_champion", False, "not world class"),
    ("올해 강소기업 명단을 발표했다", "strong_small_firm", True, "small but strong"),
    ("지역 경제활력 제고 방안을 마련했다", "economic_vitality", True, "the economy"),
    ("노동시장 활력 제고 방안을 냈다", "economic_vitality", False, "a labour market"),
    ("분양가가 올라 사업성이 나빠졌다", "project_feasibility", True, "viability"),
    ("지원 기업의 사업성과를 평가한다", "project_feasibility", False, "business results"),
    ("사업성과 수익성을 함께 따진다", "project_feasibility", True, "viability and"),
    ("세포를 배양해 치료제를 만든다", "cell_bio", True, "a cell"),
    ("거대세포바이러스 감염을 치료한다", "cell_bio", False, "a virus"),
    ("은행이 기업금융 영업을 늘린다", "corporate_banking_ib", True, "corporate banking"),
    ("위기 대응 기업 금융지원을 평가했다", "corporate_banking_ib", False, "support for firms"),
    ("새벽배송 지역을 넓힌다", "dawn_delivery", True, "delivery"),
    ("[뉴스새벽배송] 증시가 올랐다", "dawn_delivery", False, "a column"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_sense_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
