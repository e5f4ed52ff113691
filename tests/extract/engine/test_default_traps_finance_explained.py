"""Traps found while tagging real news with the finance sweep of the default glossary
(glossary/data/default/63_finance_explained.yaml).

Each trap is a class of text, written here in our own words: a short term glued inside a
longer word (연체금 in 연체금리, 주택수 in 주택수요), a finance word used of people or
points instead of money (인구 순유출, 카드 포인트 적립률), and a shorter existing term
that used to win inside a longer finance compound (중금리 in 시중금리, 고금리 in
최고금리, 신계약 in 갱신계약). The term must still be found where it is meant.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("대출금리 연 25%, 연체금리 연 30%", "arrears_amount", False, "연체금 glued in 연체금리"),
    ("통신비 연체금이 쌓였다", "arrears_amount", True, "the term itself"),
    ("주택수요가 풍부한 입지", "number_of_homes_owned", False, "주택수 glued in 주택수요"),
    ("다주택자 주택수 산정에서 제외", "number_of_homes_owned", True, "the term itself"),
    ("10개 시도는 인구 순유출", "net_outflow", False, "people, not money"),
    ("ESG 펀드에서 자금 순유출", "net_outflow", True, "fund money"),
    ("카드 포인트는 적립률이 제각각", "funding_ratio_pension", False, "card points"),
    ("확정급여형 퇴직연금의 적립률", "funding_ratio_pension", True, "pension funding"),
    ("시중금리가 올랐다", "mid_rate_loan", False, "중금리 inside 시중금리"),
    ("시중금리가 올랐다", "market_rates", True, "the compound"),
    ("법정 최고금리 인하", "high_interest_rate", False, "고금리 inside 최고금리"),
    ("전세 갱신계약이 늘었다", "new_business", False, "신계약 inside 갱신계약"),
    ("보험중개사 시장이 커진다", "licensed_realtor", False, "중개사 inside 보험중개사"),
    ("정관장 홍삼 판매가 늘었다", "articles_of_incorporation", False, "a brand name"),
    ("美 정관계 인사들을 만났다", "articles_of_incorporation", False, "政官界, politics"),
    ("배당 관련 정관 개정이 안건", "articles_of_incorporation", True, "the term itself"),
    # precision set new4 (bench/judged/precision.json): forms with a second sense
    ("엔화는 사상 최저 금리를 기록했다", "minimum_interest_rate", False, "a record low of rates"),
    ("인터넷은행 신용대출 최저금리 3%대", "minimum_interest_rate", True, "a loan offer"),
    ("영국 왕립은행(RBS) 주가가 3% 올랐다", "rental_housing_mbs", False, "RBS, a bank"),
    ("LH가 공공임대주택 RBS 발행을 검토한다", "rental_housing_mbs", True, "the rental MBS"),
    ("정품 보증서를 잃어버려도 A/S를 받는다", "guarantee_letter", False, "a warranty card"),
    ("신용보증재단 보증서로 대출을 받았다", "guarantee_letter", True, "a credit guarantee"),
    (
        "1970년대 화전정리계획을 세웠다",
        "resolution_plan",
        False,
        "a clean-up of slash-and-burn fields",
    ),
    (
        "대형 은행의 정리계획을 금융당국이 승인했다",
        "resolution_plan",
        True,
        "a bank resolution plan",
    ),
    ("관세동맹의 무역전환효과를 분석했다", "fx_effect", False, "환효과 glued in 무역전환효과"),
    ("원화 약세로 환효과가 컸다", "fx_effect", True, "the currency effect"),
    ("부실 연체금융 회수에 나섰다", "arrears_amount", False, "연체금 glued in 연체금융"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_finance_explained_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
