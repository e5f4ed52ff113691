"""Traps for the public-glossary sweep of the default glossary
(glossary/data/default/66_public_headwords.yaml).

Each trap is a class of text, written here in our own words: a short new term inside a
longer existing term that must keep winning (부가가치 in 부가가치세, 사금융 in 불법사금융,
자유무역 in 자유무역협정, 구매력 in 구매력평가), a new term inside a name (외환 in 외환은행,
CMA in the shipping line CMA CGM (not the account), 이윤 in a person's name), a short code inside a longer
code (G2 in G20), and a new term inside another's word (공정무역 in 불공정무역행위,
효용 in 효용가치). The term must still be found where it is meant.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("부가가치세 인상 논의", "value_added_pub", False, "부가가치 inside 부가가치세"),
    ("부가가치세 인상 논의", "vat", True, "the tax still wins"),
    ("제조업 부가가치 비중이 줄었다", "value_added_pub", True, "the term itself"),
    ("불법사금융 피해 신고", "private_moneylending", False, "사금융 inside 불법사금융"),
    ("자유무역협정을 맺었다", "free_trade_plain", False, "자유무역 inside 자유무역협정"),
    ("보호무역 대신 자유무역을 지지", "free_trade_plain", True, "the term itself"),
    ("구매력평가 기준 환율", "purchasing_power", False, "구매력 inside 구매력평가"),
    ("고물가로 가계 구매력이 떨어졌다", "purchasing_power", True, "the term itself"),
    ("옛 외환은행 본점 건물", "foreign_exchange_plain", False, "a bank's name"),
    ("은행간 외환 수요가 늘었다", "foreign_exchange_plain", True, "the term itself"),
    ("CMA CGM이 선박을 발주했다", "cma", False, "a shipping line's name"),
    ("이윤정 기자가 보도했다", "profit_econ", False, "a person's name"),
    ("원가가 올라 기업 이윤이 줄었다", "profit_econ", True, "the term itself"),
    ("G20 정상회의가 열렸다", "g2_us_china", False, "G2 inside G20"),
    ("G2 무역 갈등이 격화했다", "g2_us_china", True, "the term itself"),
    ("최저금리 연 3%", "low_interest_rate", False, "저금리 inside 최저금리"),
    ("저금리 기조가 이어졌다", "low_interest_rate", True, "the term itself"),
    ("가상화폐 거래소", "currency_money", False, "화폐 inside 가상화폐 거래소"),
    ("불공정무역행위 조사를 신청했다", "fair_trade_goods", False, "공정무역 inside 불공정무역"),
    ("불공정무역행위 조사를 신청했다", "unfair_import_practices", True, "the longer term"),
    ("공정무역 커피를 판다", "fair_trade_goods", True, "the term itself"),
    ("희소의료기기의 효용가치 판단", "utility_econ", False, "usefulness, not utility"),
    ("금융소비자의 효용 증진", "utility_econ", True, "consumer utility"),
    ("글로벌 금융시장 리스크 점검", "market_risk", False, "risks of the markets, not market risk"),
    ("은행의 시장리스크 자본 규제", "market_risk", True, "the term itself"),
    ("실수요자 대출 규제 완화", "genuine_demand", False, "실수요 inside 실수요자"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_public_headwords_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
