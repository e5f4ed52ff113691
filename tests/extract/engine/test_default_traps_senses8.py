"""Sense splits, traps and a cue from the audit of the frequent terms (issue 14, ranks 1141-1320).

Split into entries of their own (94_senses_split.yaml): bare 기업결합 (the business combination,
not the competition review of it), 내수 판매 (domestic sales of any goods, not only cars) and
스핀오프 창업 (a spin-off start-up). Alias dropped: bare 처리장치 (any treatment unit; GPU, NPU and
CPU keep their long forms). Recurring longer words that hold a term but mean something else stay
untagged: the National Assembly members' office building, a taxi-hailing app's name, the verb
내비치다, the world rally championship, a Finnish tyre maker, unsold flats, and the total number
of shares or votes. One cue: bare 스핀오프 counts as a derived work only beside words of film,
drama, games or other content. Each first row of a pair is the right sense, still found. Each
sentence is written for this test.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("공정위가 두 회사의 기업결합 심사를 마쳤다", "merger_review", True, "the review"),
    ("두 항공사의 기업결합이 마무리됐다", "business_combination", True, "the combination"),
    ("두 항공사의 기업결합이 마무리됐다", "merger_review", False, "not the review"),
    ("완성차 판매량이 석 달째 줄었다", "auto_sales_volume", True, "car sales"),
    ("면세품 재고의 내수 판매를 허용했다", "domestic_sales", True, "domestic sales"),
    ("면세품 재고의 내수 판매를 허용했다", "auto_sales_volume", False, "not car sales"),
    ("인기 드라마의 스핀오프 시리즈가 나온다", "spin_off_content", True, "a derived work"),
    ("대기업 직원들의 스핀오프 창업을 돕는다", "spinoff_startup", True, "a spin-off start-up"),
    ("대기업 직원들의 스핀오프 창업을 돕는다", "spin_off_content", False, "not a derived work"),
    ("사내 벤처 두 곳을 스핀오프했다", "spin_off_content", False, "a corporate spin-off"),
    ("새 모바일 프로세서를 공개했다", "processor", True, "a chip"),
    ("폐수 전처리 장치를 새로 들였다", "processor", False, "a treatment unit"),
    ("국회의원 보좌진이 법안을 설명했다", "lawmaker", True, "a lawmaker"),
    ("국회의원회관에서 토론회가 열렸다", "lawmaker", False, "a building"),
    ("심야 택시 요금이 올랐다", "taxi", True, "a taxi"),
    ("카카오택시 이용자가 늘었다", "taxi", False, "an app's name"),
    ("내비게이션 지도를 새로 받았다", "navigation", True, "a navigator"),
    ("회장이 투자 확대 의지를 내비쳤다", "navigation", False, "the verb"),
    ("코스피 랠리가 이어졌다", "rally", True, "a market rally"),
    ("현대 월드랠리팀이 우승했다", "rally", False, "motor racing"),
    ("겨울용 타이어 판매가 늘었다", "tire", True, "a tyre"),
    ("노키안 타이어가 공장을 닫았다", "tire", False, "a tyre maker"),
    ("상반기 분양물량이 크게 줄었다", "presale_volume", True, "flats for sale"),
    ("지방 미분양물량이 쌓인다", "presale_volume", False, "unsold flats"),
    ("재계 총수들이 회의에 모였다", "chaebol_head", True, "a group head"),
    ("발행주식 총수의 절반을 넘겼다", "chaebol_head", False, "the share count"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_sense_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
