"""Wrong links that keyword boxes on real business articles showed (box audit 1): a short form
that names another concept in some sentences. Bare OTA is as often an online travel agency as an
over-the-air software update; 주조 inside a makgeolli brewer's name (지평주조) is brewing, not metal
casting, and 주조차익 is the profit on minting money; 기술 규제 on advanced or chip technology is an
export control, not a product standard. Each pair keeps a row showing the right sense is still
found. Each sentence is written for this test.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("현대차는 전기차에 OTA 기능을 넣는다", "over_the_air_update", True, "car update"),
    ("외국인 관광객은 OTA에서 숙소를 예약한다", "over_the_air_update", False, "travel agency"),
    ("여행 플랫폼 OTA별 상품 수를 비교했다", "over_the_air_update", False, "travel platforms"),
    ("부품사는 알루미늄 주조 공장을 새로 지었다", "casting", True, "metal casting"),
    ("지평주조는 새 막걸리를 내놓았다", "casting", False, "a brewer's name"),
    ("중앙은행의 주조차익이 늘었다", "casting", False, "seigniorage"),
    ("국표원은 해외 기술규제 대응을 돕는다", "technical_regulation", True, "standards"),
    ("미국의 첨단기술 규제가 강화됐다", "technical_regulation", False, "export control"),
    ("대중국 반도체 기술 규제에 의견을 냈다", "technical_regulation", False, "chip controls"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_box_audit_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
