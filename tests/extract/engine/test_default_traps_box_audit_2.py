"""Wrong links that keyword boxes on government policy releases showed (box audit 2): an alias
that names a wider concept than its entry. Bare 주파수 대역 is the band of radio spectrum a
service uses, not the auction that hands it out, so it belongs to the plain 주파수 entry. The
first row is the auction itself, still found. Each sentence is written for this test.
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
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_box_link_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
