"""Wrong links that keyword boxes on government policy releases showed (box audit 2): an alias
that names a wider concept than its entry. Bare 주파수 대역 is the band of radio spectrum a
service uses, not the auction that hands it out, so it belongs to the plain 주파수 entry; the
city name 세종특별자치시 is a place in a list or the actor of a sentence, not a mention of the
special-city status. The first row of each group is the right sense, still found. Each sentence is written for this test.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("정부는 다음 달 5G 주파수 경매를 연다", "spectrum_auction", True, "the auction"),
    ("공장 전용망은 4.7GHz 주파수 대역을 쓴다", "spectrum_auction", False, "a band"),
    ("공장 전용망은 4.7GHz 주파수 대역을 쓴다", "radio_frequency", True, "the band"),
    ("세종시는 2012년 특별자치시로 출범했다", "special_self_governing_city", True, "the status"),
    ("세종특별자치시는 버스 노선을 늘린다", "special_self_governing_city", False, "the city"),
    ("서울과 세종특별자치시에서 신고를 받는다", "special_self_governing_city", False, "a place"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_box_link_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
