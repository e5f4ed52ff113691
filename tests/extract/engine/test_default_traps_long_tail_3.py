"""Traps found while tagging non-held-out records with the terms of
glossary/data/default/71_research_long_tail.yaml (the second long-tail pass over KDI
research summaries and long news texts).

Each trap is a class of text, written here in our own words: a local-finance term that is
also what a firm does (자체 수입해 파는 브랜드 is a firm's own imports, not a local
government's own-source revenue), an investor's word read as an administrative one (a
venture capital 투자심사 is not the local-finance investment review), a generic phrase
read as a central-bank one (감축 목표 범위 is any target range, not the Fed's), a word
that is also a room (단칸방 is not the Bank of Japan's Tankan), and short aliases that
must not fire inside longer words; an added alias broader than its term (투기성 자금 of
speculators' futures positions is not hot money). The term must still be found where it is meant.
"""

from __future__ import annotations

import pytest

# The default glossary's tagger (one per test process, tests/conftest.py) loads kiwipiepy.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("이 업체는 유럽 브랜드를 자체 수입해 판매한다", "own_source_revenue", False, "a firm imports"),
    ("자체 수입한 와인을 할인해 팔았다", "own_source_revenue", False, "a firm imports"),
    ("군 단위 지자체는 자체수입 비중이 10%에 못 미친다", "own_source_revenue", True, "local"),
    ("벤처캐피털의 투자심사를 통과해 시리즈A를 받았다", "local_investment_review", False, "a VC"),
    ("도서관 신축은 행안부 중앙투자심사를 거쳐야 한다", "local_investment_review", True, "local"),
    ("정부는 2030년 감축 목표 범위를 제시했다", "fed_target_range", False, "any range"),
    ("연준은 정책금리 목표범위를 동결했다", "fed_target_range", True, "the Fed's range"),
    ("그는 서울의 단칸방에서 자취를 했다", "tankan_survey", False, "a one-room flat"),
    ("일본은행 단칸 지수가 두 분기째 개선됐다", "tankan_survey", True, "the survey"),
    ("스마트폰 케이스가 외부 충격으로부터 기기를 지킨다", "external_shock", False, "a knock"),
    ("소규모 개방경제는 대외충격에 취약하다", "external_shock", True, "the economy"),
    # The wider form owns the span: an exchange rate's pass-through is its own term.
    ("환율 전가율이 높아 수입물가가 뛰었다", "pass_through_rate", False, "exchange rate"),
    ("원가 상승분의 가격 전가율이 낮았다", "pass_through_rate", True, "prices"),
    # The Bank of Korea's own statement is another term; the FOMC's is this one.
    ("한은은 통화정책방향 결정문에서 물가를 언급했다", "monetary_policy_statement", False, "BOK"),
    ("FOMC 정책결정문에서 문구가 바뀌었다", "monetary_policy_statement", True, "the FOMC"),
    ("팬데믹이 남긴 상흔효과가 청년 고용에 남았다", "scarring_effect", True, "scarring"),
    # Speculators' futures positions (CFTC) are not cross-border hot money.
    ("CFTC 집계로 투기성 자금의 원유 선물 순매수가 줄었다", "hot_money", False, "futures"),
    ("핫머니가 신흥국 증시에서 빠져나갔다", "hot_money", True, "hot money"),
    # A term glued into a bureau's name is the name.
    ("특허청 융복합기술심사국이 심사기준을 고쳤다", "convergence_industry", False, "a bureau"),
    ("탄소소재 융복합 산업 행사가 열렸다", "convergence_industry", True, "convergence"),
    # A glued compound ending in the noun suffix -물 (동물, 곡물) is not water.
    ("휴원 때는 보유동물관리계획을 내야 한다", "water_management", False, "animals"),
    ("효율적인 수자원 관리가 필요하다", "water_management", True, "water"),
    ("가뭄으로 곡물부족이 심해졌다", "water_scarcity", False, "grain"),
    ("중동에는 물부족 국가가 많다", "water_scarcity", True, "water"),
    # A fund's name (the World Bank's Financial Intermediary Fund) is the name.
    ("세계은행의 팬데믹 대응 금융중개기금에 출연했다", "financial_intermediation", False, "a fund"),
    ("위기 때 은행의 금융중개기능이 막혔다", "financial_intermediation", True, "intermediation"),
    # "In proportion to risk" is not the regulatory principle.
    ("보험료를 위험 비례로 나눠 매겼다", "risk_proportionate_regulation", False, "plain words"),
    ("AI 규제는 위험비례 원칙을 따른다", "risk_proportionate_regulation", True, "the principle"),
    ("학생들이 국제표준올림피아드 예선을 치렀다", "international_standard", False, "an event"),
    ("국내 기술을 국제표준으로 올렸다", "international_standard", True, "standards"),
    ("유럽 단일시장 규칙을 따라야 한다", "eu_single_market", True, "the EU market"),
    ("중국은 단일 시장으로는 세계 최대 규모다", "eu_single_market", False, "one country"),
]


@pytest.mark.parametrize(
    ("text", "term_id", "expected", "why"), CASES, ids=[f"{c[1]}-{c[2]}-{c[3]}" for c in CASES]
)
def test_long_tail_3_trap(default_tagger, text, term_id, expected, why):
    assert (term_id in {m.term_id for m in default_tagger.tag(text)}) is expected, why
